/// `/data/<plan>-budget.csv`: long format, one row per measure, source and
/// year with an amount. Dashes and years the document leaves empty have no row.
/// Written only for plans with a budget section.
struct BudgetCSV {
    let graph: SiteGraph
    /// Index of the plan in `graph.plans`.
    let plan: Int

    static let columns = ["plan", "goal", "measure", "source", "source_printed", "source_name", "year", "amount", "unit", "origin"]

    var table: CSVTable {
        let p = plan
        let index = graph.plans[p]
        var table = CSVTable(header: BudgetCSV.columns)
        guard let budget = index.plan.budget else { return table }
        for node in index.measures {
            for line in node.measure.funding.lines {
                for year in line.amounts.keys.sorted() {
                    guard let money = line.amounts[year]?.money else { continue }
                    table.append([
                        index.plan.id.raw, node.goal.map { index.goals[$0].goal.id } ?? "", node.measure.number,
                        line.source, line.printedSource, budget.source(id: line.source)?.name ?? "",
                        String(year), money.machine, budget.unit, "stated",
                    ])
                }
            }
        }
        return table
    }
}
