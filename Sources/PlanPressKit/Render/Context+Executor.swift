/// `/executors/`: every body some plan names, with how many measures name it.
struct ExecutorsPage: LayoutPageModel {
    var layout: LayoutFields
    var executors: [Context] = []

    static let pageFields: [PageField<ExecutorsPage>] = [
        PageField("executors", .record(["name", "short", "url", "kind", "named_count", "consent_count", "plans"])) { $0.executors },
    ]
}

/// An executor's page (`executor.mustache`): the measures naming the body, plan by plan, their money and monitoring.
struct ExecutorPage: LayoutPageModel {
    var layout: LayoutFields
    var name = "", kind = ""
    var englishName: String?, short: String?
    /// The body it belongs to (name, url); absent when none.
    var parent: [String: String]?
    var subordinates: [[String: String]] = []
    var plans: [Context] = []
    var namedCount = 0, consentCount = 0
    var commentary: [Context] = []
    /// Each a section or `false`, as the functions that make them give it.
    var budgetByPlan: Any = false, downloads: Any = false, scorecard: Any = false, reports: Any = false
    var unanswered: Any = false, relatedUpdates: Any = false

    static let pageFields: [PageField<ExecutorPage>] = [
        PageField("name") { $0.name },
        PageField("english_name") { opt($0.englishName) },
        PageField("short") { opt($0.short) },
        PageField("kind") { $0.kind },
        PageField("parent", .record(["name", "url"])) { $0.parent },
        PageField("has_subordinates") { !$0.subordinates.isEmpty },
        PageField("subordinates", .record(["name", "url"])) { $0.subordinates },
        PageField("plans", .record(["title", "url", "column", "groups", "count", "draft", "reading_note"])) { $0.plans },
        PageField("budget_by_plan", .record(["rows"])) { $0.budgetByPlan },
        PageField("has_measures") { $0.namedCount > 0 },
        PageField("named_count") { $0.namedCount },
        PageField("consent_count") { $0.consentCount },
        PageField("commentary", .record(PageRenderer.commentaryKeys)) { $0.commentary },
        PageField("downloads", .record(PageRenderer.downloadsKeys)) { $0.downloads },
        PageField("scorecard", .open) { $0.scorecard },
        PageField("reports", .record(["items"])) { $0.reports },
        PageField("unanswered", .open) { $0.unanswered },
        PageField("related_updates", .record(PageRenderer.relatedUpdatesKeys)) { $0.relatedUpdates },
    ]
}

extension PageRenderer {
    func executorsPage() -> ExecutorsPage {
        var page = ExecutorsPage(layout: layout(page: .executors, title: t("executors_heading"),
                                                breadcrumbs: [(t("nav_home"), .home), (t("executors_heading"), nil)]))
        // Only bodies some plan names: the registry also holds parents and issuers no measure names
        // (their pages stay, linked from the bodies that belong to them).
        page.executors = graph.executorOrder.filter { !(graph.involvements[$0] ?? []).isEmpty }.map { id -> Context in
            let executor = graph.executors[id]!
            let involvements = graph.involvements[id] ?? []
            let consent = involvements.filter(\.consent).count
            return ["name": executor.name, "short": opt(executor.short), "url": routes.path(for: .executor(id)),
                    "kind": t("kind_\(executor.kind.rawValue)"),
                    "named_count": involvements.count, "consent_count": consent,
                    "plans": Set(involvements.map(\.key.plan)).count]
        }
        return page
    }

    func executorPage(_ id: ExecutorID) -> ExecutorPage {
        let executor = graph.executors[id]!
        let english = language == "en" ? executor.englishName : nil
        var page = ExecutorPage(layout: layout(page: .executor(id), title: english ?? executor.name,
                                               breadcrumbs: [(t("nav_home"), .home), (t("executors_heading"), .executors), (executor.displayName, nil)]))
        page.name = executor.name
        page.englishName = english
        page.short = executor.short
        page.kind = t("kind_\(executor.kind.rawValue)")
        if let parent = executor.parent.flatMap({ graph.executors[$0] }) {
            page.parent = ["name": parent.name, "url": routes.path(for: .executor(parent.id))]
        }
        page.subordinates = (graph.subordinates[id] ?? []).compactMap { graph.executors[$0] }.map {
            ["name": $0.name, "url": routes.path(for: .executor($0.id))]
        }
        let involvements = graph.involvements[id] ?? []
        let byPlan = Dictionary(grouping: involvements, by: \.key.plan)
        page.plans = byPlan.keys.sorted().map { p in executorPlanSection(p, involvements: byPlan[p]!) }
        page.budgetByPlan = executorBudget(byPlan)
        page.namedCount = involvements.count
        page.consentCount = involvements.filter(\.consent).count
        page.commentary = commentary(.executor(id))
        page.downloads = downloads(plans: byPlan.keys.sorted().map { graph.plans[$0].plan.id }, tables: ["measure-executors"], site: [.executorsCSV],
                                   hint: byPlan.isEmpty ? nil : t("data_executor_hint").replacingEvery("{executor}", with: id.raw),
                                   titledByPlan: true)
        page.scorecard = involvements.isEmpty ? false : executorScorecard(id)
        page.reports = executorReports(id)
        page.unanswered = unansweredLink(id)
        page.relatedUpdates = relatedUpdates(.executor(id), heading: "updates_about_executor")
        return page
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
            // The goals above the group's measures, as the document nests them (the template prints the
            // path only with the flag: a measure straight under the plan has none).
            if let goal {
                let path = goalPath(p, goal: goal)
                group["goal_path"] = path
                group["has_goal_path"] = !path.isEmpty
            }
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
