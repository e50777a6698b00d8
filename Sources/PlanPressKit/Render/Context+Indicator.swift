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

    func indicatorContext(_ p: Int, _ i: Int) -> Context {
        let index = graph.plans[p]
        let node = index.indicators[i]
        let measureNode = index.measures[node.measure]
        let measure = measureNode.measure
        let crumbs = (measureNode.goal.map { goalCrumbs(p, goal: $0) } ?? planCrumbs(p))
            + [(measureLabel(measure, plan: index.plan), .measure(index.plan.id, measure.number)),
               ("\(t("indicator")) \(indicatorNumber(node.indicator.id))", nil)]
        var context = base(page: .indicator(index.plan.id, node.indicator.id),
                           title: "\(t("indicator")) \(indicatorNumber(node.indicator.id)) — \(planTitle(index.plan))",
                           description: HTML.excerpt(node.indicator.text, limit: 200), breadcrumbs: crumbs)
        context["id"] = node.indicator.id
        context["number"] = indicatorNumber(node.indicator.id)
        context["number_note"] = fill("indicator_number_assigned", ["number": indicatorNumber(node.indicator.id)])
        context["text_html"] = text(node.indicator.text, plan: index.plan.id)
        context["citation"] = citationContext(measure.citation, plan: index.plan.id)
        if let target = node.indicator.target {
            var targetContext: Context = ["printed": target.printed]
            if let value = target.value { targetContext["value"] = format.number(value) }
            targetContext["unit"] = opt(target.unit)
            context["target"] = targetContext
        }
        context["measure"] = measureItem(SiteGraph.MeasureKey(plan: p, measure: node.measure), excerpt: 400)
        context["goal_path"] = measureNode.goal.map { goalPath(p, goal: $0) } ?? []
        context["has_goal_path"] = measureNode.goal != nil
        context["plan_title"] = index.plan.shortTitle
        context["plan_url"] = routes.path(for: .plan(index.plan.id))
        context["commentary"] = commentary(.indicator(index.plan.id, node.indicator.id))
        context["actuals"] = indicatorValues(p, i)
        context["related_updates"] = relatedUpdates(.indicator(index.plan.id, node.indicator.id), heading: "updates_about_indicator")
        context["pager"] = pager(Array(measureNode.indicators), current: i) { s in
            ("\(t("indicator")) \(indicatorNumber(index.indicators[s].indicator.id))", .indicator(index.plan.id, index.indicators[s].indicator.id))
        }
        return context
    }
}
