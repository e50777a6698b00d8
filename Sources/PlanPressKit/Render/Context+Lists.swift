import Foundation

/// The pages behind the counts: a list page per plan, goal and executor with
/// every list a count on its page stands for, and a site-wide page per year of
/// the measures falling due in it (docs/monitoring.md, *Lists behind counts*).
extension PageRenderer {
    /// The measures a list page sorts, with the page it belongs to.
    func listScope(_ scope: ListScope) -> (measures: [(key: SiteGraph.MeasureKey, term: Term)], title: String, owner: PageID,
                                           crumbs: [(String, PageID?)]) {
        switch scope {
        case .plan(let id):
            let p = graph.planByID[id]!
            return (measureTerms(p, graph.plans[p].measures.indices), planTitle(graph.plans[p].plan), .plan(id), planCrumbs(p))
        case .goal(let id, let goal):
            let p = graph.planByID[id]!, index = graph.plans[p], g = index.goalByID[goal]!
            return (measureTerms(p, index.goals[g].subtree), "\(levelName(index.level(of: g))) \(index.goals[g].goal.number) — \(planTitle(index.plan))",
                    .goal(id, goal), goalCrumbs(p, goal: g))
        case .executor(let e):
            let executor = graph.executors[e]!
            let keys = (graph.involvements[e] ?? []).map(\.key).sorted()
            return (keys.map { ($0, graph.measure($0).measure.term) }, language == "en" ? executor.englishName ?? executor.displayName : executor.displayName, .executor(e),
                    [(t("nav_home"), .home), (t("executors_heading"), .executors), (executor.displayName, .executor(e))])
        }
    }

    /// Every list the scope's page counts, in a fixed order; empty ones left out.
    func namedLists(_ lists: Monitoring.StatusLists) -> [(code: String, heading: String, keys: [SiteGraph.MeasureKey])] {
        let year = "\(graph.monitoring.asOf.year)"
        var result: [(String, String, [SiteGraph.MeasureKey])] = [
            ("overdue", t("overdue_heading"), lists.overdue),
            ("due-this-year", fill("due_this_year_heading", ["year": year]), lists.dueThisYear),
            ("running-this-year", fill("running_this_year_heading", ["year": year]), lists.runningThisYear),
            ("disputed", t("disputed_heading"), lists.disputed),
        ]
        let anyReport = Reporter.Kind.allCases.contains { lists.reported($0) > 0 }
        if anyReport { result.append(("unreported", t("unreported_heading"), lists.unreported)) }
        for kind in Reporter.Kind.allCases where lists.reported(kind) > 0 {
            let voice = voiceHeading(kind, lists.all)
            for status in StatusChart.order {
                result.append((PageRenderer.listCode(kind, status), "\(voice): \(t("status_\(status.rawValue)"))", lists.list(kind, status)))
            }
            result.append(("unreported-\(kind.rawValue)", "\(voice): \(t("status_unreported_\(kind.rawValue)"))", lists.unreportedBy[kind] ?? []))
        }
        return result.filter { !$0.2.isEmpty }
    }

    func listsPage(_ scope: ListScope) -> ListsPage {
        let (measures, title, owner, crumbs) = listScope(scope)
        var page = ListsPage(layout: layout(page: .lists(scope), title: "\(t("lists_heading")) — \(title)", breadcrumbs: crumbs + [(t("lists_heading"), nil)]))
        page.ownerTitle = title
        page.ownerURL = routes.path(for: owner)
        page.intro = fill("lists_intro", ["date": format.date(graph.monitoring.asOf)])
        let lists = graph.monitoring.lists(measures)
        let byPlan: Bool
        if case .executor = scope { byPlan = true } else { byPlan = false }
        page.sections = namedLists(lists).map { code, heading, keys -> Context in
            ["anchor": code, "heading": heading, "count": itemCount(keys), "groups": listGroups(keys, anchor: byPlan ? code : nil)]
        }
        return page
    }

    /// Measures grouped by plan (a heading with an anchor per plan when `anchor` is given).
    func listGroups(_ keys: [SiteGraph.MeasureKey], anchor: String?) -> [Context] {
        var plans: [Int] = []
        var byPlan: [Int: [SiteGraph.MeasureKey]] = [:]
        for key in keys {
            if byPlan[key.plan] == nil { plans.append(key.plan) }
            byPlan[key.plan, default: []].append(key)
        }
        return plans.map { p in
            let id = graph.plans[p].plan.id
            return ["plan_heading": anchor == nil ? false : ["title": graph.plans[p].plan.shortTitle, "url": routes.path(for: .plan(id)),
                                                             "anchor": PageRenderer.listAnchor(anchor!, plan: id)] as Context,
                    "measures": byPlan[p]!.map { measureItem($0) }]
        }
    }

    // MARK: year pages

    static let yearRowShape = RecordShape(["due_dates"])

    /// Years in which some measure of some plan falls due (every occurrence of
    /// recurring terms), and the as-of year, which the home and plan pages link.
    func dueYears() -> [Int] { yearIndex().years }

    /// The measures falling due in each year (plan by plan, in document order) and the years to show,
    /// worked out once per renderer: every year page and the page list read them.
    func yearIndex() -> YearIndex.Built {
        yearIndexCache.built {
            var years: Set<Int> = [graph.monitoring.asOf.year]
            var due: [Int: [Int: [Int]]] = [:]
            for (p, index) in graph.plans.enumerated() {
                for (m, node) in index.measures.enumerated() {
                    for year in Set(node.measure.term.reading.dueDates.map(\.year)).sorted() {
                        years.insert(year)
                        due[year, default: [:]][p, default: []].append(m)
                    }
                }
            }
            return YearIndex.Built(years: years.sorted(), measures: due)
        }
    }

    /// «Що мало бути виконано у 2026 році»: every plan's measures falling due in the year.
    func yearPage(_ year: Int) -> YearPage {
        let heading = fill("year_heading", ["year": "\(year)"])
        var page = YearPage(layout: layout(page: .year(year), title: heading, breadcrumbs: [(t("nav_home"), .home), (heading, nil)]))
        page.heading = heading
        page.intro = fill("year_intro", ["date": format.date(graph.monitoring.asOf)])
        let monitoring = graph.monitoring
        let due = yearIndex().measures[year] ?? [:]
        page.plans = graph.plans.indices.compactMap { p -> Context? in
            guard let measures = due[p] else { return nil }
            let keys = measureTerms(p, measures)
            let overdue = keys.filter { monitoring.isOverdue($0.key, term: $0.term) }.count
            let plan = graph.plans[p].plan
            return ["id": plan.id.raw, "title": plan.shortTitle, "url": routes.path(for: .plan(plan.id)),
                    "count": levelCount(keys.count, plan.measureLevel),
                    "overdue": overdue > 0 ? fill("status_overdue_count", ["count": levelCount(overdue, plan.measureLevel)]) : false,
                    "draft": plan.status == .draft,
                    "reading_note": readingNote(keys.map(\.key)),
                    "measures": keys.map { item -> Record in
                        let dates = item.term.reading.dueDates.filter { $0.year == year }
                        return Record(PageRenderer.yearRowShape, ["due_dates": dates.map { ["date": format.date($0), "iso": $0.iso] as Context }],
                                      extending: measureItem(item.key))
                    }]
        }
        page.years = dueYears().map { ["year": $0, "url": routes.path(for: .year($0)), "current": $0 == year] as Context }
        return page
    }
}

/// A list page (`lists.mustache`): every list a count on its plan's, goal's or executor's page stands for.
struct ListsPage: LayoutPageModel {
    var layout: LayoutFields
    var ownerTitle = "", ownerURL = "", intro = ""
    var sections: [Context] = []

    static let pageFields: [PageField<ListsPage>] = [
        PageField("owner_title") { $0.ownerTitle },
        PageField("owner_url") { $0.ownerURL },
        PageField("intro") { $0.intro },
        PageField("sections", .record(["anchor", "heading", "count", "groups"])) { $0.sections },
        PageField("has_sections") { !$0.sections.isEmpty },
    ]
}

/// «Що мало бути виконано у 2026 році» (`year.mustache`).
struct YearPage: LayoutPageModel {
    var layout: LayoutFields
    var heading = "", intro = ""
    var plans: [Context] = [], years: [Context] = []

    static let pageFields: [PageField<YearPage>] = [
        PageField("heading") { $0.heading },
        PageField("intro") { $0.intro },
        PageField("plans", .record(["id", "title", "url", "count", "overdue", "draft", "reading_note", "measures"])) { $0.plans },
        PageField("years", .record(["year", "url", "current"])) { $0.years },
    ]
}

/// `PageRenderer.yearIndex()`, made by the first page that needs it.
final class YearIndex: @unchecked Sendable {
    struct Built {
        /// Years with a due date, and the as-of year, ascending.
        var years: [Int]
        /// year → plan → measures falling due in it, in document order.
        var measures: [Int: [Int: [Int]]]
    }

    private let lock = NSLock()
    private var made: Built?

    func built(_ make: () -> Built) -> Built {
        if let done = lock.withLock({ made }) { return done }
        let value = make()
        lock.withLock { made = value }
        return value
    }
}
