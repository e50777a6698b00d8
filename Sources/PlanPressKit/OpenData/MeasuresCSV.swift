/// `/data/<plan>-measures.csv`: one row per measure. Multi-valued cells hold
/// one value per line; `amount_<year>` columns sum the measure's sources.
struct MeasuresCSV {
    let graph: SiteGraph
    /// Index of the plan in `graph.plans`.
    let plan: Int

    static let leadingColumns = [
        "plan", "goal", "goal_ids", "goal_path", "number", "number_assigned", "printed_number", "text", "url",
        "responsible_printed", "responsible_same_as_row_above", "executors", "executor_names", "by_consent",
        "term_printed", "term_same_as_row_above", "term_kind", "term_start", "term_end", "term_due",
        "indicator_ids", "indicators", "funding_status", "funding_printed", "sources", "sources_printed",
    ]
    static let trailingColumns = ["amount_total", "amounts_origin", "unit", "status", "status_period", "overdue"]

    var table: CSVTable {
        let p = plan
        let fields = OpenDataFields(graph: graph, p: p)
        let index = fields.index
        let years = fields.years
        var table = CSVTable(header: MeasuresCSV.leadingColumns + years.map { "amount_\($0)" } + MeasuresCSV.trailingColumns)
        for (m, node) in index.measures.enumerated() {
            let measure = node.measure
            let assignments = measure.responsible?.assignments ?? []
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            let current = graph.monitoring.current(key)
            var sources: [String] = []
            for line in measure.funding.lines where !sources.contains(line.source) { sources.append(line.source) }
            var row = [
                index.plan.id.raw,
                node.goal.map { index.goals[$0].goal.id } ?? "",
                CSVTable.list(fields.goalIDs(ofMeasure: m)),
                CSVTable.list(fields.goalNames(ofMeasure: m)),
                measure.number,
                measure.numberAssigned ? "yes" : "no",
                measure.printedNumber ?? "",
                measure.text,
                graph.routes.url(for: .measure(index.plan.id, measure.number)),
                measure.responsible?.printed ?? "",
                measure.responsible?.sameAsRowAbove == true ? "yes" : "no",
                CSVTable.list(assignments.map(\.executor.raw)),
                CSVTable.list(assignments.map { graph.executors[$0.executor]?.name ?? $0.executor.raw }),
                CSVTable.list(assignments.filter(\.consent).map(\.executor.raw)),
                measure.term.printed ?? "",
                measure.term.sameAsRowAbove ? "yes" : "no",
                measure.term.reading.kindCode,
                OpenDataFields.month(measure.term.reading.start) ?? "",
                OpenDataFields.month(measure.term.reading.end) ?? "",
                OpenDataFields.due(measure.term) ?? "",
                CSVTable.list(index.indicators[node.indicators].map(\.indicator.id)),
                CSVTable.list(index.indicators[node.indicators].map(\.indicator.text)),
                measure.funding.status.rawValue,
                measure.funding.printed ?? "",
                CSVTable.list(sources),
                CSVTable.list(measure.funding.lines.map(\.printedSource)),
            ]
            row += years.map { OpenDataFields.amount(measure, year: $0)?.machine ?? "" }
            row += [
                OpenDataFields.total(measure)?.machine ?? "",
                // amount_<year> and amount_total add up the measure's printed lines: the site's sums.
                OpenDataFields.total(measure) == nil ? "" : "computed",
                measure.funding.status == .stated ? index.plan.budget?.unit ?? "" : "",
                current?.status.rawValue ?? "",
                current?.period.code ?? "",
                graph.monitoring.isOverdue(key, term: measure.term) ? "yes" : "no",
            ]
            table.append(row)
        }
        return table
    }
}
