/// A goal's page (`goal.mustache`): its place in the plan, the goals and measures under it, their money and monitoring.
struct GoalPage: LayoutPageModel {
    var layout: LayoutFields
    var level = "", number = "", titleHTML = "", planTitle = "", planURL = "", measuresHeading = "", subtreeCount = ""
    /// «Назву рівня … дав сайт», or `false` (`levelNameNote`).
    var levelNote: Any = false
    var children: [Context] = []
    var childrenHeading: String?
    var measures: [Record] = []
    /// Only in a plan with a budget: the table of the subtree's sums (when it has any), the unit, the stated totals.
    var budget: Context?, budgetHeading: String?, budgetUnit: String?
    var reconciliation: PageRenderer.Context?
    var commentary: [Context] = []
    /// Each a section or `false`, as the functions that make them give it.
    var citation: Any = false, totalsCitation: Any = false, downloads: Any = false, relatedUpdates: Any = false
    var monitoring: Context = [:], pager: Context = [:]

    static let pageFields: [PageField<GoalPage>] = [
        PageField("level") { $0.level },
        PageField("level_note") { $0.levelNote },
        PageField("number") { $0.number },
        PageField("title_html") { $0.titleHTML },
        PageField("plan_title") { $0.planTitle },
        PageField("plan_url") { $0.planURL },
        PageField("children", .record(PageRenderer.goalItemKeys)) { $0.children },
        PageField("has_children") { !$0.children.isEmpty },
        PageField("children_heading") { $0.childrenHeading },
        PageField("measures", .open) { $0.measures },
        PageField("has_measures") { !$0.measures.isEmpty },
        PageField("measures_heading") { $0.measuresHeading },
        PageField("subtree_count") { $0.subtreeCount },
        PageField("budget", .open) { $0.budget },
        PageField("budget_heading") { $0.budgetHeading },
        PageField("budget_unit") { $0.budgetUnit },
    ] + PageRenderer.reconciliationKeys.map { key in PageField(key, .open) { $0.reconciliation?[key] } } + [
        PageField("commentary", .record(PageRenderer.commentaryKeys)) { $0.commentary },
        PageField("citation", .record(PageRenderer.citationKeys)) { $0.citation },
        PageField("totals_citation", .record(PageRenderer.citationKeys)) { $0.totalsCitation },
        PageField("downloads", .record(PageRenderer.downloadsKeys)) { $0.downloads },
        PageField("goal_monitoring", .open) { $0.monitoring },
        PageField("related_updates", .record(PageRenderer.relatedUpdatesKeys)) { $0.relatedUpdates },
        PageField("pager", .record(PageRenderer.pagerKeys)) { $0.pager },
    ]
}

extension PageRenderer {
    static let goalItemKeys = ["level", "number", "title_html", "url", "measure_count", "children", "has_children"]

    /// A goal as it appears in a tree or a list.
    func goalItem(_ p: Int, _ g: Int, recursive: Bool) -> Context {
        let index = graph.plans[p]
        let node = index.goals[g]
        var item: Context = [
            "level": levelName(index.level(of: g)), "number": node.goal.number,
            "title_html": inline(node.goal.title, plan: index.plan.id),
            "url": routes.path(for: .goal(index.plan.id, node.goal.id)),
            "measure_count": levelCount(node.subtree.count, index.plan.measureLevel),
        ]
        if recursive {
            item["children"] = node.children.map { goalItem(p, $0, recursive: true) }
            item["has_children"] = !node.children.isEmpty
        }
        return item
    }

    /// «Назву рівня «Розділ» дав сайт …» for a level the document does not name; `false` otherwise.
    func levelNameNote(_ level: Level) -> Any {
        level.nameAssigned ? fill("level_name_assigned", ["name": levelName(level)]) : false
    }

    func goalPage(_ p: Int, _ g: Int) -> GoalPage {
        let index = graph.plans[p]
        let node = index.goals[g]
        let goal = node.goal
        let level = index.level(of: g)
        var page = GoalPage(layout: layout(page: .goal(index.plan.id, goal.id),
                                           title: "\(levelName(level)) \(goal.number) — \(planTitle(index.plan))",
                                           description: HTML.excerpt(goal.title, limit: 200), breadcrumbs: goalCrumbs(p, goal: g)))
        page.level = levelName(level)
        page.levelNote = levelNameNote(level)
        page.number = goal.number
        page.titleHTML = inline(goal.title, plan: index.plan.id)
        page.planTitle = index.plan.shortTitle
        page.planURL = routes.path(for: .plan(index.plan.id))
        page.children = node.children.map { goalItem(p, $0, recursive: false) }
        page.childrenHeading = node.children.first.map { levelPlural(index.level(of: $0)) }
        page.measures = node.directMeasures.map { measureItem(SiteGraph.MeasureKey(plan: p, measure: $0)) }
        page.measuresHeading = levelPlural(index.plan.measureLevel)
        page.subtreeCount = levelCount(node.subtree.count, index.plan.measureLevel)
        if let budget = index.plan.budget {
            let sums = BudgetSums(measures: index.measures[node.subtree].map(\.measure))
            if !sums.isEmpty {
                page.budget = sourceTable(sums, budget: budget, caption: "\(t("budget_of_subtree")): \(levelName(level).lowercased()) \(goal.number)")
                page.budgetHeading = budgetHeading(budget)
            }
            // The unit of the stated totals too, whether or not the rows have sums.
            page.budgetUnit = budget.unit
            page.reconciliation = reconciliationBlock(graph.budgetChecksByGoal[p][g] ?? [], plan: index.plan)
        }
        page.commentary = commentary(.goal(index.plan.id, goal.id))
        page.citation = citationContext(goal.citation, plan: index.plan.id)
        page.totalsCitation = citationContext(goal.statedTotals?.citation, plan: index.plan.id)
        page.downloads = downloads(plans: [index.plan.id], kinds: PageRenderer.pageKinds, site: [.archive],
                                   hint: t("data_goal_hint").replacingEvery("{goal}", with: goal.id))
        page.monitoring = goalMonitoring(p, g)
        page.relatedUpdates = relatedUpdates(.goal(index.plan.id, goal.id), heading: "updates_about_goal")
        page.pager = pager(index.siblings(ofGoal: g), current: g) { s in
            ("\(levelName(index.level(of: s))) \(index.goals[s].goal.number)", .goal(index.plan.id, index.goals[s].goal.id))
        }
        return page
    }
}
