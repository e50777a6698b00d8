extension PageRenderer {
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

    func goalContext(_ p: Int, _ g: Int) -> Context {
        let index = graph.plans[p]
        let node = index.goals[g]
        let goal = node.goal
        let level = index.level(of: g)
        var context = base(page: .goal(index.plan.id, goal.id),
                           title: "\(levelName(level)) \(goal.number) — \(planTitle(index.plan))",
                           description: HTML.excerpt(goal.title, limit: 200), breadcrumbs: goalCrumbs(p, goal: g))
        context["level"] = levelName(level)
        context["level_note"] = levelNameNote(level)
        context["number"] = goal.number
        context["title_html"] = inline(goal.title, plan: index.plan.id)
        context["plan_title"] = index.plan.shortTitle
        context["plan_url"] = routes.path(for: .plan(index.plan.id))
        let children = node.children.map { goalItem(p, $0, recursive: false) }
        context["children"] = children
        context["has_children"] = !children.isEmpty
        if let first = node.children.first {
            context["children_heading"] = levelPlural(index.level(of: first))
        }
        let measures = node.directMeasures.map { measureItem(SiteGraph.MeasureKey(plan: p, measure: $0)) }
        context["measures"] = measures
        context["has_measures"] = !measures.isEmpty
        context["measures_heading"] = levelPlural(index.plan.measureLevel)
        context["subtree_count"] = levelCount(node.subtree.count, index.plan.measureLevel)
        if let budget = index.plan.budget {
            let sums = BudgetSums(measures: index.measures[node.subtree].map(\.measure))
            if !sums.isEmpty {
                context["budget"] = sourceTable(sums, budget: budget, caption: "\(t("budget_of_subtree")): \(levelName(level).lowercased()) \(goal.number)")
                context["budget_heading"] = budgetHeading(budget)
            }
            // The unit of the stated totals too, whether or not the rows have sums.
            context["budget_unit"] = budget.unit
            context.merge(reconciliationBlock(graph.budgetChecks[p].filter { $0.goal == g }, plan: index.plan)) { _, new in new }
        }
        context["commentary"] = commentary(.goal(index.plan.id, goal.id))
        context["citation"] = citationContext(goal.citation, plan: index.plan.id)
        context["totals_citation"] = citationContext(goal.statedTotals?.citation, plan: index.plan.id)
        context["downloads"] = downloads(plans: [index.plan.id], kinds: PageRenderer.pageKinds, site: [.archive],
                                         hint: t("data_goal_hint").replacingOccurrences(of: "{goal}", with: goal.id))
        context["goal_monitoring"] = goalMonitoring(p, g)
        context["related_updates"] = relatedUpdates(.goal(index.plan.id, goal.id), heading: "updates_about_goal")
        context["pager"] = pager(index.siblings(ofGoal: g), current: g) { s in
            ("\(levelName(index.level(of: s))) \(index.goals[s].goal.number)", .goal(index.plan.id, index.goals[s].goal.id))
        }
        return context
    }
}
