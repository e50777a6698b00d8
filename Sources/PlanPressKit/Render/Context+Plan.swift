extension PageRenderer {
    func planSummary(_ p: Int) -> Context {
        let index = graph.plans[p]
        let plan = index.plan
        var levelCounts: [Context] = []
        for (depth, level) in plan.levels.dropLast().enumerated() {
            let n = index.goals.filter { $0.goal.depth == depth }.count
            if n > 0 { levelCounts.append(["count": n, "label": level.plural]) }
        }
        levelCounts.append(["count": index.measures.count, "label": plan.measureLevel.plural])
        if !index.indicators.isEmpty { levelCounts.append(["count": index.indicators.count, "label": t("indicators")]) }
        let executors = Set(index.measures.flatMap { $0.measure.responsible?.assignments.map(\.executor) ?? [] })
        if !executors.isEmpty { levelCounts.append(["count": executors.count, "label": t("nav_executors")]) }
        return [
            "title": plan.title, "short_title": plan.shortTitle, "url": routes.path(for: .plan(plan.id)),
            "period": periodText(plan.period), "draft": plan.status == .draft,
            "status": plan.status == .draft ? t("status_draft") : t("status_adopted"),
            "counts": levelCounts,
            "issuer": plan.issuer.flatMap { graph.executors[$0] }.map { ["name": $0.name, "url": routes.path(for: .executor($0.id))] as Any } ?? false,
        ]
    }

    func periodText(_ period: Period) -> String {
        switch (period.from, period.to) {
        case let (from?, to?): return from == to ? "\(from)" : "\(from)–\(to)"
        case let (nil, to?): return language == "en" ? "until \(to)" : "до \(to)"
        case let (from?, nil): return language == "en" ? "from \(from)" : "з \(from)"
        default: return t("not_stated")
        }
    }

    func planContext(_ p: Int) -> Context {
        let index = graph.plans[p]
        let plan = index.plan
        var context = base(page: .plan(plan.id), title: plan.shortTitle, description: plan.title,
                           breadcrumbs: [(t("nav_home"), .home), (plan.shortTitle, nil)])
        context["plan"] = planSummary(p)
        context["title_html"] = inline(plan.title, plan: plan.id)
        context["document_kind"] = opt(plan.documentKind)
        if let approval = plan.approval {
            context["approval"] = [
                "label": opt(approval.label), "by": opt(approval.by), "person": opt(approval.person),
                "document": opt(approval.document), "number": approval.number ?? t("not_stated"),
                "date": approval.datePrinted ?? approval.date.map(format.date) ?? t("not_stated"),
            ] as Context
        }
        if let signatory = plan.signatory {
            context["signatory"] = ["position": opt(signatory.position), "name": opt(signatory.name)] as Context
        }
        context["vision_html"] = opt(plan.vision.map { text($0, plan: plan.id) })
        context["preamble_html"] = opt(plan.preamble.map { text($0, plan: plan.id) })
        context["tree"] = index.topGoals.map { goalItem(p, $0, recursive: true) }
        context["has_tree"] = !index.topGoals.isEmpty
        context["measures"] = index.rootMeasures.map { measureItem(SiteGraph.MeasureKey(plan: p, measure: $0)) }
        context["has_root_measures"] = !index.rootMeasures.isEmpty
        context["measures_heading"] = plan.measureLevel.plural
        if plan.source != nil { context["source_url"] = routes.asset(routes.relativePath(for: .planSource(plan.id))) }
        context["print_url"] = routes.path(for: .planPrint(plan.id))
        context["commentary"] = commentary(.plan(plan.id))
        context["downloads"] = downloads(plans: [plan.id], kinds: PageRenderer.pageKinds, site: [.archive])
        context["plan_monitoring"] = planMonitoring(p)
        context.merge(planUpdates(plan.id)) { _, new in new }
        context.merge(planBudget(p)) { _, new in new }
        return context
    }

    /// Plan budget: by source × year, by top-level goal × year, stated vs computed.
    func planBudget(_ p: Int) -> Context {
        let index = graph.plans[p]
        guard let budget = index.plan.budget else { return ["has_budget": false] }
        let sums = BudgetSums(measures: index.measures.map(\.measure))
        let years = budget.displayYears(sums)
        let goalRows: [Context] = index.topGoals.map { g in
            let node = index.goals[g]
            let goalSums = BudgetSums(measures: index.measures[node.subtree].map(\.measure))
            return ["label": "\(index.level(of: g).name) \(node.goal.number)", "printed": false, "url": routes.path(for: .goal(index.plan.id, node.goal.id)),
                    "cells": years.map { ["value": goalSums.total(year: $0).map(format.money) ?? "—"] },
                    "total": goalSums.grandTotal.map(format.money) ?? "—"]
        }
        let byGoal: Context = [
            "caption": t("budget_by_goal"), "unit": budget.unit, "years": years.map { ["year": $0] },
            "row_header": opt(index.plan.levels.first?.name), "rows": goalRows, "has_rows": !goalRows.isEmpty, "has_totals": true,
            "totals": years.map { ["value": sums.total(year: $0).map(format.money) ?? "—"] },
            "grand_total": sums.grandTotal.map(format.money) ?? "—",
        ]
        let checks = graph.budgetChecks[p]
        let mismatches = checks.filter { !$0.matches }
        return [
            "has_budget": true,
            "budget_by_source": sourceTable(sums, budget: budget, caption: t("budget_by_source")),
            "budget_chart": budgetChart(BudgetChart(sums: sums, budget: budget), id: "budget-chart") ?? false,
            "budget_by_goal": byGoal,
            "has_checks": !checks.isEmpty,
            "mismatches": mismatches.map { check -> Context in
                var row = reconciliation([check], plan: index.plan)[0]
                row["scope"] = check.goal.map { "\(index.level(of: $0).name) \(index.goals[$0].goal.number)" } ?? t("total")
                row["scope_url"] = opt(check.goal.map { routes.path(for: .goal(index.plan.id, index.goals[$0].goal.id)) })
                return row
            },
            "has_mismatches": !mismatches.isEmpty,
            "plan_reconciliation": reconciliation(checks.filter { $0.goal == nil }, plan: index.plan),
        ]
    }

    /// The whole plan on one page for printing.
    func printContext(_ p: Int) -> Context {
        var context = planContext(p)
        let index = graph.plans[p]
        context.merge(base(page: .planPrint(index.plan.id), title: index.plan.shortTitle,
                           breadcrumbs: planCrumbs(p) + [(t("print_version"), nil)])) { _, new in new }
        context["sections"] = printSections(p, goals: index.topGoals, measures: index.rootMeasures, level: 2)
        return context
    }

    private func printSections(_ p: Int, goals: [Int], measures: [Int], level: Int) -> [Context] {
        let index = graph.plans[p]
        var sections: [Context] = measures.map { m in
            var measure = printMeasure(SiteGraph.MeasureKey(plan: p, measure: m))
            measure["is_measure"] = true
            measure["is_goal"] = false
            measure["body"] = false
            measure["heading_level"] = min(6, level)
            return measure
        }
        for g in goals {
            let node = index.goals[g]
            var section = goalItem(p, g, recursive: false)
            section["is_goal"] = true
            section["is_measure"] = false
            section["heading_level"] = min(6, level)
            section["body"] = printSections(p, goals: node.children, measures: node.directMeasures, level: level + 1)
            sections.append(section)
        }
        return sections
    }

    /// Only what the print template shows of a measure: the full page context
    /// (breadcrumbs, pager, monitoring) would be built for nothing, hundreds of times.
    private func printMeasure(_ key: SiteGraph.MeasureKey) -> Context {
        let index = graph.plans[key.plan]
        let node = index.measures[key.measure]
        let measure = node.measure
        let planID = index.plan.id
        return [
            "level": index.plan.measureLevel.name,
            "number": measure.number,
            "text_html": text(measure.text, plan: planID),
            "executors": executorRefs(measure, plan: planID),
            "has_executors": !(measure.responsible?.assignments.isEmpty ?? true),
            "term": ["printed": measure.term.printed ?? t("not_stated")],
            "indicators": index.indicators[node.indicators].map { indicatorItem(key.plan, $0) },
            "has_indicators": !node.indicators.isEmpty,
            "results": measure.results.map { ["html": inline($0, plan: planID)] },
            "has_results": !measure.results.isEmpty,
            "funding": fundingContext(measure, plan: index.plan),
        ]
    }
}
