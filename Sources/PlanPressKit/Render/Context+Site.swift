extension PageRenderer {
    func homeContext() -> Context {
        var context = base(page: .home, title: graph.site.settings.title(language: language), breadcrumbs: [(t("nav_home"), nil)])
        context["plans"] = graph.plans.indices.map(planSummary)
        context.merge(homePlans()) { _, new in new }
        context["plan_count"] = count(graph.plans.count, "count_plans")
        context["measure_count"] = count(graph.plans.reduce(0) { $0 + $1.measures.count }, "count_measures")
        context["executor_count"] = count(graph.involvements.count, "count_executors")
        context["related_updates"] = latestUpdates()
        context["reports_url"] = routes.path(for: .reports)
        context["year_url"] = routes.path(for: .year(graph.monitoring.asOf.year))
        context["year_link"] = fill("year_page_link", ["year": "\(graph.monitoring.asOf.year)"])
        return context
    }

    /// Plans in order of relevance to the as-of date (in force, drafts, ended: the
    /// site's own reading of each plan's period and status), and what is due this year.
    func homePlans() -> Context {
        let asOf = graph.site.settings.asOf
        let order = PlanStanding.order(graph.plans.map(\.plan), asOf: asOf)
        let groups: [Context] = [PlanStanding.inForce, .draft, .ended].compactMap { standing in
            let members = order.filter { PlanStanding(graph.plans[$0].plan, asOf: asOf) == standing }
            guard !members.isEmpty else { return nil }
            return ["heading": t("home_plans_\(standing)"), "plans": members.map(planSummary)]
        }
        let monitoring = graph.monitoring
        let due: [Context] = order.compactMap { p in
            let n = measureTerms(p, graph.plans[p].measures.indices).filter { monitoring.isDueThisYear($0.term) }.count
            guard n > 0 else { return nil }
            let plan = graph.plans[p].plan
            return ["title": plan.shortTitle, "url": routes.path(for: .plan(plan.id)) + "#due-this-year",
                    "count": levelCount(n, plan.measureLevel)]
        }
        return [
            "plan_groups": groups, "group_heading": 3, "card_heading": 4,
            "standing_note": fill("home_standing_note", ["date": format.date(asOf)]),
            "home_due": due, "has_home_due": !due.isEmpty,
            "home_due_heading": fill("due_this_year_heading", ["year": "\(monitoring.asOf.year)"]),
        ]
    }

    /// `/plans/`: every plan, grouped and ordered as on the home page (in force, drafts, ended).
    func plansContext() -> Context {
        var context = base(page: .plans, title: t("plans_heading"), breadcrumbs: [(t("nav_home"), .home), (t("plans_heading"), nil)])
        context.merge(homePlans()) { _, new in new }
        context["plan_count"] = count(graph.plans.count, "count_plans")
        // No «Плани» heading above the groups here: they are one level higher than on the home page.
        context["group_heading"] = 2
        context["card_heading"] = 3
        return context
    }

    func glossaryContext() -> Context {
        var context = base(page: .glossary, title: t("glossary_heading"), breadcrumbs: [(t("nav_home"), .home), (t("glossary_heading"), nil)])
        func planLinks(_ ids: [PlanID]) -> [Context] {
            ids.compactMap { id in graph.plan(id).map { ["title": $0.plan.shortTitle, "url": routes.path(for: .plan(id))] } }
        }
        var anchors: [String: Int] = [:]
        context["entries"] = graph.glossary.map { entry -> Context in
            // One abbreviation can have two full forms (spellings differ between plans): ids stay unique.
            var anchor = "abbr-" + String(entry.abbr.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-"))
            anchors[anchor, default: 0] += 1
            if anchors[anchor]! > 1 { anchor += "-\(anchors[anchor]!)" }
            return ["abbr": entry.abbr, "full": entry.full, "defined_in": planLinks(entry.definedIn), "used_in": planLinks(entry.usedIn),
                    "anchor": anchor]
        }
        return context
    }

    func notFoundContext() -> Context {
        var context = base(page: .notFound, title: t("not_found_heading"), breadcrumbs: [(t("nav_home"), .home), (t("not_found_heading"), nil)])
        context["plans"] = graph.plans.indices.map(planSummary)
        return context
    }
}
