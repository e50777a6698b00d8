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
        var section: Context = ["title": index.plan.shortTitle, "url": routes.path(for: .plan(index.plan.id)),
                                "column": responsibleHeading(index.plan),
                                "groups": groups, "count": levelCount(involvements.count, index.plan.measureLevel),
                                "draft": index.plan.status == .draft,
                                "reading_note": readingNote(sorted.map(\.key), term: true, responsible: true)]
        if let budget = index.plan.budget {
            let sums = BudgetSums(measures: sorted.map { index.measures[$0.key.measure].measure })
            if !sums.isEmpty {
                section["budget"] = sourceTable(sums, budget: budget, caption: "\(t("executor_budget")): \(budgetHeading(budget).lowercased()), \(index.plan.shortTitle)")
            }
        }
        return section
    }
}
