/// `/data/<plan>-budget.csv`: long format, one row per measure, source and
/// year with an amount. Dashes and years the document leaves empty have no row.
/// Written only for plans with a budget section.
struct BudgetCSV {
    let graph: SiteGraph
    /// Index of the plan in `graph.plans`.
    let plan: Int

    static let fields: [DataTable.Field] = [
        .init("plan", .string, "Plan id"),
        .init("goal", .string, "Id of the goal directly above the measure"),
        .init("measure", .string, "Measure number"),
        .init("source", .string, "Normalised source id"),
        .init("source_printed", .string, "The source as this measure's row spells it"),
        .init("source_name", .string, "The vocabulary's name for the source"),
        .init("year", .integer, "Year"),
        .init("amount", .number, "Amount as printed, decimal point"),
        .init("unit", .string, "Unit of the amount"),
        .init("origin", .string, "stated: the amount is printed in the measure's row"),
        .init("measure_id", .string, "The measure (measures.id)"),
    ]
    static var columns: [String] { fields.map(\.name) }

    var table: CSVTable { dataTable.csv }

    var dataTable: DataTable {
        let p = plan
        let index = graph.plans[p]
        var table = DataTable(name: "budget", title: "Amounts by measure, source and year", fields: BudgetCSV.fields,
                              foreignKeys: [TidyTables.measureKey])
        guard let budget = index.plan.budget else { return table }
        for node in index.measures {
            for line in node.measure.funding.lines {
                for year in line.amounts.keys.sorted() {
                    guard let money = line.amounts[year]?.money else { continue }
                    table.append([
                        index.plan.id.raw, node.goal.map { index.goals[$0].goal.id } ?? "", node.measure.number,
                        line.source, line.printedSource, budget.source(id: line.source)?.name ?? "",
                        String(year), money.machine, budget.unit, "stated", "\(index.plan.id.raw)/\(node.measure.number)",
                    ])
                }
            }
        }
        return table
    }
}
