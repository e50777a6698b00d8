/// An indicator's page (`indicator.mustache`): its text and target, its measure, the values reported for it.
struct IndicatorPage: LayoutPageModel {
    var layout: LayoutFields
    var id = "", number = "", numberNote = "", textHTML = "", planTitle = "", planURL = ""
    /// A citation or `false` (`citationContext`).
    var citation: Any = false
    /// The target as printed, its value and unit; absent when the document states none.
    var target: Context?
    var measure: Record
    var goalPath: [Context] = []
    var hasGoalPath = false
    var commentary: [Context] = []
    var actuals: Context = [:]
    /// A section or `false` (`relatedUpdates`).
    var relatedUpdates: Any = false
    var pager: Context = [:]

    static let pageFields: [PageField<IndicatorPage>] = [
        PageField("id") { $0.id },
        PageField("number") { $0.number },
        PageField("number_note") { $0.numberNote },
        PageField("text_html") { $0.textHTML },
        PageField("citation", .record(PageRenderer.citationKeys)) { $0.citation },
        PageField("target", .record(["printed", "value", "unit"])) { $0.target },
        PageField("measure", .open) { $0.measure },
        PageField("goal_path", .record(PageRenderer.goalPathKeys)) { $0.goalPath },
        PageField("has_goal_path") { $0.hasGoalPath },
        PageField("plan_title") { $0.planTitle },
        PageField("plan_url") { $0.planURL },
        PageField("commentary", .record(PageRenderer.commentaryKeys)) { $0.commentary },
        PageField("actuals", .open) { $0.actuals },
        PageField("related_updates", .record(PageRenderer.relatedUpdatesKeys)) { $0.relatedUpdates },
        PageField("pager", .record(PageRenderer.pagerKeys)) { $0.pager },
    ]
}

extension PageRenderer {
    /// An indicator's number as pages show it: in brackets, because the site assigns every
    /// indicator number (the documents list indicators without numbering them), «[6.2-1]».
    func indicatorNumber(_ id: String) -> String { "[\(id)]" }

    func indicatorItem(_ p: Int, _ node: PlanIndex.IndicatorNode) -> Context {
        let plan = graph.plans[p].plan
        var item: Context = [
            "id": node.indicator.id, "number": indicatorNumber(node.indicator.id),
            "url": routes.path(for: .indicator(plan.id, node.indicator.id)),
            "html": HTML.paragraphs(node.indicator.text, abbreviations: markers[plan.id]),
        ]
        item["target"] = opt(node.indicator.target?.printed)
        return item
    }

    func indicatorPage(_ p: Int, _ i: Int) -> IndicatorPage {
        let index = graph.plans[p]
        let node = index.indicators[i]
        let measureNode = index.measures[node.measure]
        let measure = measureNode.measure
        let crumbs = (measureNode.goal.map { goalCrumbs(p, goal: $0) } ?? planCrumbs(p))
            + [(measureLabel(measure, plan: index.plan), .measure(index.plan.id, measure.number)),
               ("\(t("indicator")) \(indicatorNumber(node.indicator.id))", nil)]
        var page = IndicatorPage(layout: layout(page: .indicator(index.plan.id, node.indicator.id),
                                                title: "\(t("indicator")) \(indicatorNumber(node.indicator.id)) — \(planTitle(index.plan))",
                                                description: HTML.excerpt(node.indicator.text, limit: 200), breadcrumbs: crumbs),
                                 measure: measureItem(SiteGraph.MeasureKey(plan: p, measure: node.measure), excerpt: .indicator))
        page.id = node.indicator.id
        page.number = indicatorNumber(node.indicator.id)
        page.numberNote = fill("indicator_number_assigned", ["number": indicatorNumber(node.indicator.id)])
        page.textHTML = text(node.indicator.text, plan: index.plan.id)
        page.citation = citationContext(measure.citation, plan: index.plan.id)
        if let target = node.indicator.target {
            var targetContext: Context = ["printed": target.printed]
            if let value = target.value { targetContext["value"] = format.number(value) }
            targetContext["unit"] = opt(target.unit)
            page.target = targetContext
        }
        page.goalPath = measureNode.goal.map { goalPath(p, goal: $0) } ?? []
        page.hasGoalPath = measureNode.goal != nil
        page.planTitle = index.plan.shortTitle
        page.planURL = routes.path(for: .plan(index.plan.id))
        page.commentary = commentary(.indicator(index.plan.id, node.indicator.id))
        page.actuals = indicatorValues(p, i)
        page.relatedUpdates = relatedUpdates(.indicator(index.plan.id, node.indicator.id), heading: "updates_about_indicator")
        page.pager = pager(measureNode.indicators, current: i) { s in
            ("\(t("indicator")) \(indicatorNumber(index.indicators[s].indicator.id))", .indicator(index.plan.id, index.indicators[s].indicator.id))
        }
        return page
    }
}
