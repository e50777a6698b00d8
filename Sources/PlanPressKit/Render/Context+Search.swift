extension PageRenderer {
    /// The search page: a form the script brings to life, and, for readers
    /// without JavaScript, an explanation with links to the complete lists.
    func searchContext() -> Context {
        var context = base(page: .search, title: t("search_heading"),
                           breadcrumbs: [(t("nav_home"), .home), (t("search_heading"), nil)])
        context["search_index_url"] = routes.asset(routes.withLocale("").relativePath(for: .search))
        context["search_root_url"] = routes.path(for: .home)
        context["search_js"] = routes.asset("assets/search.js")
        context["search_kinds"] = SearchDocument.Kind.allCases.map { kind -> Context in
            ["kind": kind.rawValue, "label": t("search_kind_\(kind.rawValue)")]
        }
        var lists: [Context] = [
            ["title": t("search_list_plans"), "url": routes.path(for: .home)],
            ["title": t("search_list_executors"), "url": routes.path(for: .executors)],
            ["title": t("search_list_glossary"), "url": routes.path(for: .glossary)],
        ]
        if !graph.updates.isEmpty {
            lists.append(["title": t("search_list_updates"), "url": routes.path(for: .updates(page: 1))])
        }
        context["search_lists"] = lists
        let asOf = graph.site.settings.asOf
        context["search_plans"] = PlanStanding.order(graph.plans.map(\.plan), asOf: asOf).map { p -> Context in
            ["id": graph.plans[p].plan.id.raw, "title": graph.plans[p].plan.shortTitle]
        }
        context["search_print_versions"] = graph.plans.map { index -> Context in
            ["title": index.plan.shortTitle, "url": routes.path(for: .planPrint(index.plan.id))]
        }
        return context
    }
}
