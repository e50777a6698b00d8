/// Compares every stated total with the sum of the rows it covers.
public enum BudgetReconciler {
    public struct Check: Sendable {
        /// The goal whose subtotal this is; nil for the plan's grand total.
        public var goal: Int?
        public var label: String?
        public var source: String
        public var printedSource: String?
        public var year: Int
        /// nil when the document states no figure for this source and year but rows have one.
        public var stated: Money?
        public var computed: Money
        /// Number of measures with amounts in the covered rows.
        public var rows: Int
        /// Numbers of those measures, in document order.
        public var measureNumbers: [String] = []
        public var location: SourceLocation

        public var matches: Bool { stated == computed }
        public var difference: Money { computed - (stated ?? .zero) }
    }

    /// All checks of a plan in document order: goals first, then the grand total.
    public static func checks(_ index: PlanIndex) -> [Check] {
        var result: [Check] = []
        for (g, node) in index.goals.enumerated() {
            guard let stated = node.goal.statedTotals else { continue }
            let measures = index.measures[node.subtree].map(\.measure)
            result += compare(stated, measures: measures, goal: g, years: index.plan.budget?.years ?? [])
        }
        if let stated = index.plan.budget?.statedTotals {
            result += compare(stated, measures: index.measures.map(\.measure), goal: nil, years: index.plan.budget?.years ?? [])
        }
        return result
    }

    static func compare(_ stated: StatedTotals, measures: [Measure], goal: Int?, years: [Int]) -> [Check] {
        let sums = BudgetSums(measures: measures)
        var result: [Check] = []
        var statedSources: Set<String> = []
        for line in stated.lines {
            statedSources.insert(line.source)
            for year in line.amounts.keys.sorted() {
                let amount = line.amounts[year]!
                let statedMoney = amount.money ?? .zero
                let computed = sums.amount(source: line.source, year: year) ?? Money(0, scale: statedMoney.scale)
                let covered = coveredMeasures(measures, source: line.source, year: year)
                result.append(Check(goal: goal, label: stated.label, source: line.source, printedSource: line.printedSource,
                                    year: year, stated: statedMoney, computed: computed,
                                    rows: covered.count, measureNumbers: covered, location: line.location))
            }
        }
        // Rows with money in a source the stated block leaves out.
        for source in sums.sources where !statedSources.contains(source) {
            for (year, computed) in sums.amounts[source]!.sorted(by: { $0.key < $1.key }) where !computed.isZero {
                let covered = coveredMeasures(measures, source: source, year: year)
                result.append(Check(goal: goal, label: stated.label, source: source, printedSource: nil, year: year,
                                    stated: nil, computed: computed, rows: covered.count, measureNumbers: covered,
                                    location: stated.location))
            }
        }
        return result
    }

    static func coveredMeasures(_ measures: [Measure], source: String, year: Int) -> [String] {
        measures.filter { $0.funding.lines.contains { $0.source == source && $0.amounts[year]?.money != nil } }.map(\.number)
    }

    /// Adds a warning for each mismatch (`check --strict` makes them fail).
    static func report(_ checks: [Check], of index: PlanIndex, sink: DiagnosticSink) {
        for check in checks where !check.matches {
            let scope = check.goal.map { Phrase(data: "\(index.level(of: $0).name.lowercased()) \(index.goals[$0].goal.number)") } ?? .wholePlan
            let source = check.printedSource ?? check.source
            sink.warning(.budgetMismatch(scope: scope, source: source, year: check.year, stated: check.stated.map(\.machine), rows: check.rows,
                                         computed: check.computed.machine, difference: check.difference.machine),
                         at: check.location)
        }
    }
}
