/// The home page (`home.mustache`): the plans grouped as on `/plans/`, what is due this year, the latest updates.
struct HomePage: LayoutPageModel {
    var layout: LayoutFields
    var plans: [PageRenderer.Context] = []
    var groups: PlanGroups
    var planCount = "", executorCount = ""
    /// A section or `false` (`latestUpdates`).
    var relatedUpdates: Any = false
    var yearURL = "", yearLink = ""

    static let pageFields: [PageField<HomePage>] = [
        PageField("plans", .record(PageRenderer.planSummaryKeys)) { $0.plans },
        PageField("plan_count") { $0.planCount },
        PageField("executor_count") { $0.executorCount },
        PageField("related_updates", .record(PageRenderer.relatedUpdatesKeys)) { $0.relatedUpdates },
        PageField("year_url") { $0.yearURL },
        PageField("year_link") { $0.yearLink },
    ] + PlanGroups.fields { $0.groups }
}

/// `/plans/`: every plan, grouped and ordered as on the home page (by what each document prints).
struct PlansPage: LayoutPageModel {
    var layout: LayoutFields
    var groups: PlanGroups
    var planCount = ""

    static let pageFields: [PageField<PlansPage>] = [
        PageField("plan_count") { $0.planCount },
    ] + PlanGroups.fields { $0.groups }
}

/// Plans grouped by what each document prints (a filled-in approval block, a blank draft
/// stamp, no stamp at all), each group in order of relevance to the as-of date; and what
/// is due this year, a draft's terms marked as a draft's. The home page and `/plans/` print them.
struct PlanGroups {
    var groups: [PageRenderer.Context]
    /// Heading levels: the groups are one level higher on `/plans/` (no «Плани» heading above them).
    var groupHeading, cardHeading: Int
    var dueReadingNote: Any
    var dueDraftNote: Any
    var standingNote: String
    var due: [PageRenderer.Context]
    var dueHeading: String

    static func fields<Page>(_ get: @escaping @Sendable (Page) -> PlanGroups) -> [PageField<Page>] {
        [
            PageField("plan_groups", .record(["heading", "plans"])) { get($0).groups },
            PageField("group_heading") { get($0).groupHeading },
            PageField("card_heading") { get($0).cardHeading },
            PageField("home_due_reading_note", .record(PageRenderer.readingNoteKeys)) { get($0).dueReadingNote },
            PageField("home_due_draft_note") { get($0).dueDraftNote },
            PageField("standing_note") { get($0).standingNote },
            PageField("home_due", .record(["title", "url", "count", "draft"])) { get($0).due },
            PageField("has_home_due") { !get($0).due.isEmpty },
            PageField("home_due_heading") { get($0).dueHeading },
        ]
    }
}

/// `/glossary/`: the abbreviations of every plan, and the documents' marks and the site's own words.
struct GlossaryPage: LayoutPageModel {
    var layout: LayoutFields
    var entries: [Context] = [], marks: [Context] = []

    static let pageFields: [PageField<GlossaryPage>] = [
        PageField("entries", .record(["abbr", "full", "defined_in", "used_in", "anchor"])) { $0.entries },
        PageField("marks", .record(["anchor", "word", "whose", "text"])) { $0.marks },
    ]
}

/// The page served for an address the site does not have, with the plans to go on from.
struct NotFoundPage: LayoutPageModel {
    var layout: LayoutFields
    var plans: [Context] = []

    static let pageFields: [PageField<NotFoundPage>] = [
        PageField("plans", .record(PageRenderer.planSummaryKeys)) { $0.plans },
    ]
}

extension PageRenderer {
    func homePage() -> HomePage {
        var page = HomePage(layout: layout(page: .home, title: graph.site.settings.title(language: language), breadcrumbs: [(t("nav_home"), nil)]),
                            groups: planGroups(groupHeading: 3, cardHeading: 4))
        page.plans = graph.plans.indices.map(planSummary)
        page.planCount = count(graph.plans.count, "count_plans")
        page.executorCount = count(graph.involvements.count, "count_executors")
        page.relatedUpdates = latestUpdates()
        page.yearURL = routes.path(for: .year(graph.monitoring.asOf.year))
        page.yearLink = fill("year_page_link", ["year": "\(graph.monitoring.asOf.year)"])
        return page
    }

    func planGroups(groupHeading: Int, cardHeading: Int) -> PlanGroups {
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
        return PlanGroups(groups: groups, groupHeading: groupHeading, cardHeading: cardHeading,
                          dueReadingNote: readingNote(dueKeys),
                          dueDraftNote: due.contains { $0["draft"] as? Bool == true } ? t("draft_terms_note") : false,
                          standingNote: fill("home_standing_note", ["date": format.date(asOf)]),
                          due: due, dueHeading: fill("due_this_year_heading", ["year": "\(monitoring.asOf.year)"]))
    }

    func plansPage() -> PlansPage {
        var page = PlansPage(layout: layout(page: .plans, title: t("plans_heading"), breadcrumbs: [(t("nav_home"), .home), (t("plans_heading"), nil)]),
                             groups: planGroups(groupHeading: 2, cardHeading: 3))
        page.planCount = count(graph.plans.count, "count_plans")
        return page
    }

    func glossaryPage() -> GlossaryPage {
        var page = GlossaryPage(layout: layout(page: .glossary, title: t("glossary_heading"),
                                               breadcrumbs: [(t("nav_home"), .home), (t("glossary_heading"), nil)]))
        func planLinks(_ ids: [PlanID]) -> [Context] {
            ids.compactMap { id in graph.plan(id).map { ["title": $0.plan.shortTitle, "url": routes.path(for: .plan(id))] } }
        }
        var anchors: [String: Int] = [:]
        page.entries = graph.glossary.map { entry -> Context in
            // One abbreviation can have two full forms (spellings differ between plans): ids stay unique.
            var anchor = "abbr-" + String(entry.abbr.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-"))
            anchors[anchor, default: 0] += 1
            if anchors[anchor]! > 1 { anchor += "-\(anchors[anchor]!)" }
            return ["abbr": entry.abbr, "full": entry.full, "defined_in": planLinks(entry.definedIn), "used_in": planLinks(entry.usedIn),
                    "anchor": anchor]
        }
        // The documents' marks and the site's own words, each explained once, as the site's explanation.
        page.marks = PageRenderer.glossaryMarks.map { key in
            ["anchor": key, "word": t("gloss_\(key)_word"), "whose": t("gloss_\(key)_whose"), "text": t("gloss_\(key)_text")] as Context
        }
        return page
    }

    /// Entries of the glossary's table of marks and site words (`gloss_<key>_word`, `_whose`, `_text`);
    /// the key is the row's anchor (`/glossary/#by-consent`).
    static let glossaryMarks = ["by-consent", "approved", "draft", "term-passed", "reading", "assigned", "computed"]

    func notFoundPage() -> NotFoundPage {
        var page = NotFoundPage(layout: layout(page: .notFound, title: t("not_found_heading"),
                                               breadcrumbs: [(t("nav_home"), .home), (t("not_found_heading"), nil)]))
        page.plans = graph.plans.indices.map(planSummary)
        return page
    }
}
