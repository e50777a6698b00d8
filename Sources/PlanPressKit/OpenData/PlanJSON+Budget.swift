extension PlanJSON {
    /// The plan's funding vocabulary, its stated and computed totals, and every check between them.
    var budget: JSONValue {
        guard let spec = index.plan.budget else { return .null }
        let checks = graph.budgetChecks[p]
        return .object([
            ("unit", .string(spec.unit)),
            ("years", .array(fields.years.map(JSONValue.int))),
            ("sources", .array(spec.sources.map { s in
                .object([("id", .string(s.id)), ("name", .string(s.name)), ("spellings", .array(s.spellings.map(JSONValue.string)))])
            })),
            ("stated_totals", stated(spec.statedTotals)),
            ("computed_totals", computed(index.measures.map(\.measure), spec: spec)),
            ("checks", .array(checks.map(check))),
            ("mismatches", .array(checks.filter { !$0.matches }.map(check))),
        ])
    }

    /// A goal's stated subtotal (if printed) and the sums of its whole subtree.
    func goalBudget(_ g: Int) -> JSONValue {
        guard let spec = index.plan.budget else { return .null }
        let node = index.goals[g]
        return .object([
            ("stated_totals", stated(node.goal.statedTotals)),
            ("computed_totals", computed(index.measures[node.subtree].map(\.measure), spec: spec)),
        ])
    }

    func stated(_ totals: StatedTotals?) -> JSONValue {
        guard let totals else { return .null }
        return .object([
            ("origin", .string("stated")),
            ("label", .text(totals.label)),
            ("source_lines", PlanJSON.lines(totals.citation)),
            ("lines", .array(totals.lines.map(line))),
        ])
    }

    /// Sums of the rows: per source and year, per year, per source, and the grand total.
    func computed(_ measures: [Measure], spec: BudgetSpec) -> JSONValue {
        let sums = BudgetSums(measures: measures)
        let sources = orderedSources(sums, spec: spec)
        var bySourceYear: [JSONValue] = []
        for source in sources {
            for year in sums.amounts[source]!.keys.sorted() {
                bySourceYear.append(.object([("source", .string(source)), ("year", .int(year)),
                                             ("amount", .decimal(sums.amount(source: source, year: year)!))]))
            }
        }
        let years = Set(sums.amounts.values.flatMap(\.keys)).sorted()
        return .object([
            ("origin", .string("computed")),
            ("by_source_year", .array(bySourceYear)),
            ("by_year", .array(years.map { .object([("year", .int($0)), ("amount", .money(sums.total(year: $0)))]) })),
            ("by_source", .array(sources.map { .object([("source", .string($0)), ("amount", .money(sums.total(source: $0)))]) })),
            ("total", .money(sums.grandTotal)),
            ("funded_measures", .int(sums.fundedMeasures)),
        ])
    }

    /// Vocabulary order first, then any other id (a source id the vocabulary lacks).
    func orderedSources(_ sums: BudgetSums, spec: BudgetSpec) -> [String] {
        let known = spec.sources.map(\.id).filter { sums.amounts[$0] != nil }
        return known + sums.sources.filter { !known.contains($0) }
    }

    func check(_ check: BudgetReconciler.Check) -> JSONValue {
        .object([
            ("scope", .string(check.goal == nil ? "plan" : "goal")),
            ("goal", .text(check.goal.map { index.goals[$0].goal.id })),
            ("label", .text(check.label)),
            ("source", .string(check.source)),
            ("source_printed", .text(check.printedSource)),
            ("year", .int(check.year)),
            ("stated", .money(check.stated)),
            ("computed", .decimal(check.computed)),
            ("difference", .decimal(check.difference)),
            ("matches", .bool(check.matches)),
            ("rows", .int(check.rows)),
            ("measures", .array(fields.coveredMeasures(check).map(JSONValue.string))),
            ("source_lines", PlanJSON.lines(fields.statedTotals(of: check)?.citation)),
        ])
    }
}
