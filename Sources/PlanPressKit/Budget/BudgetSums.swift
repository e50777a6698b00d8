/// Sums of funding lines per source and year. Decimal only.
public struct BudgetSums: Sendable {
    /// source id → year → sum of the stated amounts.
    public private(set) var amounts: [String: [Int: Money]] = [:]
    /// Number of measures that contributed at least one amount.
    public private(set) var fundedMeasures = 0

    public init() {}

    public init(measures: some Sequence<Measure>) {
        for measure in measures { add(measure.funding.lines) }
    }

    public mutating func add(_ lines: [FundingLine]) {
        var contributed = false
        for line in lines {
            for (year, amount) in line.amounts {
                guard let money = amount.money else { continue }
                amounts[line.source, default: [:]][year, default: Money(0, scale: money.scale)] += money
                contributed = true
            }
        }
        if contributed { fundedMeasures += 1 }
    }

    public var isEmpty: Bool { amounts.isEmpty }

    public func amount(source: String, year: Int) -> Money? { amounts[source]?[year] }

    public func total(source: String) -> Money? {
        amounts[source].map { $0.values.reduce(Money.zero, +) }
    }

    public func total(year: Int) -> Money? {
        let values = amounts.values.compactMap { $0[year] }
        return values.isEmpty ? nil : values.reduce(Money.zero, +)
    }

    public var grandTotal: Money? {
        let values = amounts.values.flatMap(\.values)
        return values.isEmpty ? nil : values.reduce(Money.zero, +)
    }

    public var sources: [String] { amounts.keys.sorted() }
}

extension BudgetSpec {
    /// Years to show: the declared years, else every year with an amount.
    func displayYears(_ sums: BudgetSums) -> [Int] {
        if !years.isEmpty { return years }
        return Set(sums.amounts.values.flatMap(\.keys)).sorted()
    }

    /// Largest number of decimals printed anywhere, so sums print alike.
    var displayScale: Int { 1 }
}
