/// The search page: a form the script brings to life, and, for readers
/// without JavaScript, an explanation with links to the complete lists.
struct SearchPage: LayoutPageModel {
    var layout: LayoutFields
    var indexURL = "", rootURL = "", script = ""
    var kinds: [Context] = [], lists: [Context] = [], plans: [Context] = [], printVersions: [Context] = []

    static let pageFields: [PageField<SearchPage>] = [
        PageField("search_index_url") { $0.indexURL },
        PageField("search_root_url") { $0.rootURL },
        PageField("search_js") { $0.script },
        PageField("search_kinds", .record(["kind", "label"])) { $0.kinds },
        PageField("search_lists", .record(["title", "url"])) { $0.lists },
        PageField("search_plans", .record(["id", "title"])) { $0.plans },
        PageField("search_print_versions", .record(["title", "url"])) { $0.printVersions },
    ]
}

extension PageRenderer {
    func searchPage() -> SearchPage {
        var page = SearchPage(layout: layout(page: .search, title: t("search_heading"),
                                             breadcrumbs: [(t("nav_home"), .home), (t("search_heading"), nil)]))
        page.indexURL = routes.asset(routes.withLocale("").relativePath(for: .search))
        page.rootURL = routes.path(for: .home)
        page.script = routes.asset("assets/search.js")
        page.kinds = SearchDocument.Kind.allCases.map { kind -> Context in
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
        page.lists = lists
        let asOf = graph.site.settings.asOf
        page.plans = PlanStanding.order(graph.plans.map(\.plan), asOf: asOf).map { p -> Context in
            ["id": graph.plans[p].plan.id.raw, "title": graph.plans[p].plan.shortTitle]
        }
        page.printVersions = graph.plans.map { index -> Context in
            ["title": index.plan.shortTitle, "url": routes.path(for: .planPrint(index.plan.id))]
        }
        return page
    }
}
