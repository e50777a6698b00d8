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

    func listsContext(_ scope: ListScope) -> Context {
        let (measures, title, owner, crumbs) = listScope(scope)
        var context = base(page: .lists(scope), title: "\(t("lists_heading")) — \(title)", breadcrumbs: crumbs + [(t("lists_heading"), nil)])
        context["owner_title"] = title
        context["owner_url"] = routes.path(for: owner)
        context["intro"] = fill("lists_intro", ["date": format.date(graph.monitoring.asOf)])
        let lists = graph.monitoring.lists(measures)
        let byPlan: Bool
        if case .executor = scope { byPlan = true } else { byPlan = false }
        context["sections"] = namedLists(lists).map { code, heading, keys -> Context in
            ["anchor": code, "heading": heading, "count": itemCount(keys), "groups": listGroups(keys, anchor: byPlan ? code : nil)]
        }
        context["has_sections"] = !(context["sections"] as! [Context]).isEmpty
        return context
    }

    /// Measures grouped by plan (a heading with an anchor per plan when `anchor` is given).
    func listGroups(_ keys: [SiteGraph.MeasureKey], anchor: String?) -> [Context] {
        let plans = keys.map(\.plan).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        return plans.map { p in
            let id = graph.plans[p].plan.id
            return ["plan_heading": anchor == nil ? false : ["title": graph.plans[p].plan.shortTitle, "url": routes.path(for: .plan(id)),
                                                             "anchor": PageRenderer.listAnchor(anchor!, plan: id)] as Context,
                    "measures": keys.filter { $0.plan == p }.map { measureItem($0) }]
        }
    }

    // MARK: year pages

    static let yearRowShape = RecordShape(["due_dates"])

    /// Years in which some measure of some plan falls due (every occurrence of
    /// recurring terms), and the as-of year, which the home and plan pages link.
    func dueYears() -> [Int] {
        var years: Set<Int> = [graph.monitoring.asOf.year]
        for index in graph.plans {
            for node in index.measures { years.formUnion(node.measure.term.reading.dueDates.map(\.year)) }
        }
        return years.sorted()
    }

    /// «Що мало бути виконано у 2026 році»: every plan's measures falling due in the year.
    func yearContext(_ year: Int) -> Context {
        let heading = fill("year_heading", ["year": "\(year)"])
        var context = base(page: .year(year), title: heading, breadcrumbs: [(t("nav_home"), .home), (heading, nil)])
        context["heading"] = heading
        context["intro"] = fill("year_intro", ["date": format.date(graph.monitoring.asOf)])
        let monitoring = graph.monitoring
        context["plans"] = graph.plans.indices.compactMap { p -> Context? in
            let keys = measureTerms(p, graph.plans[p].measures.indices).filter { $0.term.reading.dueDates.contains { $0.year == year } }
            guard !keys.isEmpty else { return nil }
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
        context["years"] = dueYears().map { ["year": $0, "url": routes.path(for: .year($0)), "current": $0 == year] as Context }
        return context
    }
}
