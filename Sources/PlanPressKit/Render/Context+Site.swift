extension PageRenderer {
    func homeContext() -> Context {
        var context = base(page: .home, title: graph.site.settings.title(language: language), breadcrumbs: [(t("nav_home"), nil)])
        context["plans"] = graph.plans.indices.map(planSummary)
        context.merge(homePlans()) { _, new in new }
        context["plan_count"] = count(graph.plans.count, "count_plans")
        context["executor_count"] = count(graph.involvements.count, "count_executors")
        context["related_updates"] = latestUpdates()
        context["reports_url"] = routes.path(for: .reports)
        context["year_url"] = routes.path(for: .year(graph.monitoring.asOf.year))
        context["year_link"] = fill("year_page_link", ["year": "\(graph.monitoring.asOf.year)"])
        return context
    }

    /// Plans grouped by what each document prints (a filled-in approval block, a blank draft
    /// stamp, no stamp at all), each group in order of relevance to the as-of date; and what
    /// is due this year, a draft's terms marked as a draft's.
    func homePlans() -> Context {
        let asOf = graph.site.settings.asOf
        let order = PlanStanding.order(graph.plans.map(\.plan), asOf: asOf)
        let groups: [Context] = Plan.Status.allCases.compactMap { status in
            let members = order.filter { graph.plans[$0].plan.status == status }
            guard !members.isEmpty else { return nil }
            return ["heading": t("home_plans_\(status.rawValue)"), "plans": members.map(planSummary)]
        }
        let monitoring = graph.monitoring
        let due: [Context] = order.compactMap { p in
            let n = measureTerms(p, graph.plans[p].measures.indices).filter { monitoring.isDueThisYear($0.term) }.count
            guard n > 0 else { return nil }
            let plan = graph.plans[p].plan
            return ["title": plan.shortTitle, "url": routes.path(for: .plan(plan.id)) + "#due-this-year",
                    "count": levelCount(n, plan.measureLevel), "draft": plan.status == .draft]
        }
        let dueKeys = order.flatMap { p in
            measureTerms(p, graph.plans[p].measures.indices).filter { monitoring.isDueThisYear($0.term) }.map(\.key)
        }
        return [
            "plan_groups": groups, "group_heading": 3, "card_heading": 4,
            "home_due_reading_note": readingNote(dueKeys),
            "home_due_draft_note": due.contains { $0["draft"] as? Bool == true } ? t("draft_terms_note") : false,
            "standing_note": fill("home_standing_note", ["date": format.date(asOf)]),
            "home_due": due, "has_home_due": !due.isEmpty,
            "home_due_heading": fill("due_this_year_heading", ["year": "\(monitoring.asOf.year)"]),
        ]
    }

    /// `/plans/`: every plan, grouped and ordered as on the home page (by what each document prints).
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
        // The documents' marks and the site's own words, each explained once, as the site's explanation.
        context["marks"] = PageRenderer.glossaryMarks.map { key in
            ["anchor": key, "word": t("gloss_\(key)_word"), "whose": t("gloss_\(key)_whose"), "text": t("gloss_\(key)_text")] as Context
        }
        return context
    }

    /// Entries of the glossary's table of marks and site words (`gloss_<key>_word`, `_whose`, `_text`);
    /// the key is the row's anchor (`/glossary/#by-consent`).
    static let glossaryMarks = ["by-consent", "approved", "draft", "term-passed", "reading", "assigned", "computed"]

    func notFoundContext() -> Context {
        var context = base(page: .notFound, title: t("not_found_heading"), breadcrumbs: [(t("nav_home"), .home), (t("not_found_heading"), nil)])
        context["plans"] = graph.plans.indices.map(planSummary)
        return context
    }
}
