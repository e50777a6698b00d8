extension PageRenderer {
    func executorsContext() -> Context {
        var context = base(page: .executors, title: t("executors_heading"), breadcrumbs: [(t("nav_home"), .home), (t("executors_heading"), nil)])
        // Only bodies some plan names: the registry also holds parents and issuers no measure names
        // (their pages stay, linked from the bodies that belong to them).
        context["executors"] = graph.executorOrder.filter { !(graph.involvements[$0] ?? []).isEmpty }.map { id -> Context in
            let executor = graph.executors[id]!
            let involvements = graph.involvements[id] ?? []
            let consent = involvements.filter(\.consent).count
            return ["name": executor.name, "short": opt(executor.short), "url": routes.path(for: .executor(id)),
                    "kind": t("kind_\(executor.kind.rawValue)"),
                    "named_count": involvements.count, "consent_count": consent,
                    "plans": Set(involvements.map(\.key.plan)).count]
        }
        return context
    }

    func executorContext(_ id: ExecutorID) -> Context {
        let executor = graph.executors[id]!
        let english = language == "en" ? executor.englishName : nil
        var context = base(page: .executor(id), title: english ?? executor.name,
                           breadcrumbs: [(t("nav_home"), .home), (t("executors_heading"), .executors), (executor.displayName, nil)])
        context["name"] = executor.name
        context["english_name"] = opt(english)
        context["short"] = opt(executor.short)
        context["kind"] = t("kind_\(executor.kind.rawValue)")
        if let parent = executor.parent.flatMap({ graph.executors[$0] }) {
            context["parent"] = ["name": parent.name, "url": routes.path(for: .executor(parent.id))]
        }
        context["has_subordinates"] = !(graph.subordinates[id] ?? []).isEmpty
        context["subordinates"] = (graph.subordinates[id] ?? []).compactMap { graph.executors[$0] }.map {
            ["name": $0.name, "url": routes.path(for: .executor($0.id))]
        }
        let involvements = graph.involvements[id] ?? []
        let byPlan = Dictionary(grouping: involvements, by: \.key.plan)
        context["plans"] = byPlan.keys.sorted().map { p in executorPlanSection(p, involvements: byPlan[p]!) }
        context["budget_by_plan"] = executorBudget(byPlan)
        context["has_measures"] = !involvements.isEmpty
        context["named_count"] = involvements.count
        context["consent_count"] = involvements.filter(\.consent).count
        context["commentary"] = commentary(.executor(id))
        context["downloads"] = downloads(plans: byPlan.keys.sorted().map { graph.plans[$0].plan.id }, tables: ["measure-executors"], site: [.executorsCSV],
                                         hint: byPlan.isEmpty ? nil : t("data_executor_hint").replacingOccurrences(of: "{executor}", with: id.raw),
                                         titledByPlan: true)
        context["scorecard"] = involvements.isEmpty ? false : executorScorecard(id)
        context["reports"] = executorReports(id)
        context["unanswered"] = unansweredLink(id)
        context["related_updates"] = relatedUpdates(.executor(id), heading: "updates_about_executor")
        return context
    }

    static let executorRowShape = RecordShape(["consent", "role"])

    /// One plan's measures for an executor, grouped by the goal above them, with its budget.
    private func executorPlanSection(_ p: Int, involvements: [SiteGraph.Involvement]) -> Context {
        let index = graph.plans[p]
        let sorted = involvements.sorted { $0.key < $1.key }
        var groups: [Context] = []
        var currentGoal: Int?? = .none
        var rows: [Record] = []
        func flush() {
            guard case .some(let goal) = currentGoal, !rows.isEmpty else { return }
            var group: Context = ["measures": rows]
            if let goal { group["goal_path"] = goalPath(p, goal: goal) }
            groups.append(group)
            rows = []
        }
        for involvement in sorted {
            let node = index.measures[involvement.key.measure]
            if currentGoal != .some(node.goal) {
                flush()
                currentGoal = .some(node.goal)
            }
            // The documents list bodies without ranking them: only «за згодою» is the document's own mark.
            rows.append(Record(PageRenderer.executorRowShape,
                               ["consent": involvement.consent, "role": involvement.consent ? t("by_consent") : false],
                               extending: measureItem(involvement.key)))
        }
        flush()
        return ["title": index.plan.shortTitle, "url": routes.path(for: .plan(index.plan.id)),
                "column": responsibleHeading(index.plan),
                "groups": groups, "count": levelCount(involvements.count, index.plan.measureLevel),
                "draft": index.plan.status == .draft,
                "reading_note": readingNote(sorted.map(\.key), term: true, responsible: true)]
    }

    /// The money of the measures naming the body: one table, a row per plan with its sums per source
    /// over the plan's years and their total (docs/budgets.md, «Executor page»). A row per plan keeps
    /// the page's size to its measures however many plans name the body; the amounts per year are
    /// on the measure pages and in the open data.
    private func executorBudget(_ byPlan: [Int: [SiteGraph.Involvement]]) -> Any {
        let rows: [Context] = byPlan.keys.sorted().compactMap { p in
            let index = graph.plans[p]
            guard let budget = index.plan.budget else { return nil }
            let involvements = byPlan[p]!
            let sums = BudgetSums(measures: involvements.map { index.measures[$0.key.measure].measure })
            guard !sums.isEmpty else { return nil }
            let years = budget.displayYears(sums)
            return ["plan_title": index.plan.shortTitle, "plan_url": routes.path(for: .plan(index.plan.id)),
                    "heading": budgetHeading(budget), "unit": budget.unit,
                    "years": years.count > 1 ? "\(years.first!)–\(years.last!)" : years.first.map(String.init) ?? "",
                    "funded": fill("executor_budget_funded_of", ["funded": "\(sums.fundedMeasures)", "total": "\(involvements.count)"]),
                    "sources": budget.sources.compactMap { source in
                        sums.total(source: source.id).map { ["name": source.name, "amount": format.money($0)] as Context }
                    },
                    "total": sums.grandTotal.map(format.money) ?? "—"]
        }
        return rows.isEmpty ? false : ["rows": rows] as Context
    }
}
