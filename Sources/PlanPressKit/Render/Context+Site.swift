extension PageRenderer {
    func homeContext() -> Context {
        var context = base(page: .home, title: graph.site.settings.title, breadcrumbs: [(t("nav_home"), nil)])
        context["plans"] = graph.plans.indices.map(planSummary)
        context["plan_count"] = count(graph.plans.count, "count_plans")
        context["measure_count"] = count(graph.plans.reduce(0) { $0 + $1.measures.count }, "count_measures")
        context["executor_count"] = count(graph.involvements.count, "count_executors")
        context["related_updates"] = latestUpdates()
        context["reports_url"] = routes.path(for: .reports)
        context["year_url"] = routes.path(for: .year(graph.monitoring.asOf.year))
        context["year_link"] = fill("year_page_link", ["year": "\(graph.monitoring.asOf.year)"])
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
