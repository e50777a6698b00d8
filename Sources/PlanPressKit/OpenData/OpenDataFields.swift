/// Values shared by the JSON and CSV files, so both say the same thing.
struct OpenDataFields {
    let graph: SiteGraph
    let p: Int

    var index: PlanIndex { graph.plans[p] }
    var planID: PlanID { index.plan.id }

    /// The plan's source text, for undoing corrections (`AsPrinted`).
    var source: SourceDocument? { index.plan.source.flatMap { graph.site.sourceFiles[$0] }.map(SourceDocument.init) }

    /// A measure's printed field as printed: its corrections undone (`AsPrinted`).
    func printed(_ text: String?, _ measure: Measure, source: SourceDocument?) -> String? {
        AsPrinted.text(text, citation: measure.citation, source: source)
    }

    /// Goal ids from the top level down to the measure's own goal.
    func goalIDs(ofMeasure m: Int) -> [String] {
        guard let goal = index.measures[m].goal else { return [] }
        return index.path(toGoal: goal).map { index.goals[$0].goal.id }
    }

    /// `Напрям 3`, `Стратегічна ціль 1 / Операційна ціль 1.1 / …` as the plan names its levels.
    func goalNames(ofMeasure m: Int) -> [String] {
        guard let goal = index.measures[m].goal else { return [] }
        return index.path(toGoal: goal).map { "\(index.level(of: $0).name) \(index.goals[$0].goal.number)" }
    }

    /// Years shown for the plan's money: declared years, else years with amounts.
    var years: [Int] {
        guard let budget = index.plan.budget else { return [] }
        return budget.displayYears(BudgetSums(measures: index.measures.map(\.measure)))
    }

    /// Measures a stated-total check covers: those with an amount in its source and year.
    func coveredMeasures(_ check: BudgetReconciler.Check) -> [String] {
        let scope = check.goal.map { index.goals[$0].subtree } ?? 0..<index.measures.count
        return index.measures[scope].map(\.measure).filter { measure in
            measure.funding.lines.contains { $0.source == check.source && $0.amounts[check.year]?.money != nil }
        }.map(\.number)
    }

    /// The stated totals a check compares with: the goal's, or the plan's.
    func statedTotals(of check: BudgetReconciler.Check) -> StatedTotals? {
        check.goal.map { index.goals[$0].goal.statedTotals } ?? index.plan.budget?.statedTotals
    }

    /// `106-112` or `32-38, 46-52`: an item's lines in the published source text (the form the CSV
    /// columns use); empty when the item cites none.
    static func lines(_ citation: Citation?) -> String {
        guard let citation, citation.isCited else { return "" }
        return citation.ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ", ")
    }

    /// «printed → published (why)» for each correction, joined by « | » (CSV); empty when none.
    static func corrections(_ citation: Citation?) -> String {
        (citation?.corrections ?? []).map { "«\($0.printed)» → «\($0.published)» (\($0.why))" }.joined(separator: " | ")
    }

    /// Sum of a measure's amounts in one year over all sources; nil when none is given.
    static func amount(_ measure: Measure, year: Int) -> Money? {
        let values = measure.funding.lines.compactMap { $0.amounts[year]?.money }
        return values.isEmpty ? nil : values.reduce(Money.zero, +)
    }

    static func total(_ measure: Measure) -> Money? {
        let values = measure.funding.lines.flatMap { $0.amounts.values.compactMap(\.money) }
        return values.isEmpty ? nil : values.reduce(Money.zero, +)
    }

    /// `2026-04`.
    static func month(_ value: YearMonth?) -> String? {
        value.map { "\($0.year)-\($0.month < 10 ? "0" : "")\($0.month)" }
    }

    /// The due date, for terms that end (recurring ones do not).
    static func due(_ term: Term) -> String? {
        term.reading.isRecurring ? nil : term.reading.due?.iso
    }

    static func frequency(_ term: Term) -> String? {
        if case .recurring(let frequency, _, _) = term.reading { return frequency.rawValue }
        return nil
    }
}
