/// The tidy tables of one plan (docs/open-data.md): one observation per row,
/// one value per cell. Measures, goals, indicators and reports are keyed by
/// string ids that never read as numbers (`kreminna-wps-2020-2022/1.1`); the
/// other tables point at them. The site-wide tables are these tables of every
/// plan one after another (`OpenDataExport`).
struct TidyTables {
    let graph: SiteGraph
    /// Index of the plan in `graph.plans`.
    let p: Int
    let fields: OpenDataFields

    init(graph: SiteGraph, plan p: Int) {
        self.graph = graph
        self.p = p
        self.fields = OpenDataFields(graph: graph, p: p)
    }

    var index: PlanIndex { graph.plans[p] }
    var planID: String { index.plan.id.raw }

    /// Table names in the order of files, sheets and the data package (budget after measures).
    static let names = ["measures", "goals", "measure-executors", "measure-sources", "results", "indicators",
                        "reports", "statuses", "status-history", "evidence", "indicator-values"]

    /// Every table of the plan; `budget` only for a plan with a budget section.
    /// `amountYears`: add the `amount_<year>` columns to `measures` (per-plan file, not the site-wide one).
    func all(amountYears: Bool) -> [DataTable] {
        var tables = [measures(amountYears: amountYears), goals, measureExecutors, measureSources, results, indicators,
                      reports, statuses, statusHistory, evidence, indicatorValues]
        if index.plan.budget != nil { tables.insert(BudgetCSV(graph: graph, plan: p).dataTable, at: 1) }
        return tables
    }

    func measureID(_ number: String) -> String { "\(planID)/\(number)" }
    func goalID(_ id: String) -> String { "\(planID)/\(id)" }
    func indicatorID(_ id: String) -> String { "\(planID)/\(id)" }

    static let measureKey = DataTable.ForeignKey(fields: ["measure_id"], table: "measures", reference: ["id"])
    static let reportKey = DataTable.ForeignKey(fields: ["report"], table: "reports", reference: ["id"])

    // MARK: measures

    static func measureFields(years: [Int]) -> [DataTable.Field] {
        [
            .init("id", .string, "Plan id and measure number: kreminna-wps-2020-2022/1.1"),
            .init("plan", .string, "Plan id"),
            .init("number", .string, "Measure number as in the URL (text, never a date or a decimal)"),
            .init("printed_number", .string, "Number as printed, if different"),
            .init("number_assigned", .boolean, "true when the document prints no number and the site assigned it"),
            .init("goal", .string, "Id of the goal directly above the measure (see goals); empty for a measure directly under the plan"),
            .init("goal_path_ids", .string, "Ids of the goals from the top down, joined by '/': direction-1/task-1.2"),
            .init("goal_path", .string, "The same goals as the plan names them, joined by ' / '"),
            .init("text", .string, "The measure as published: the printed text with the corrections (see corrections) applied"),
            .init("source_lines", .string, "Lines of the published source text that print the measure's row: 106-112, or 34-38, 46-52"),
            .init("corrections", .string, "Corrections of the printed text, «printed» → «published» (why), joined by ' | '; empty when none"),
            .init("results", .string, "Expected results as printed (one per row in results); empty when the plan has no such column"),
            .init("responsible_printed", .string, "The row's own responsible cell as printed (bodies: measure-executors); empty when the cell is empty"),
            .init("responsible_same_as_row_above", .boolean, "true when the bodies are taken from the row above (see responsible_reading_basis)"),
            .init("responsible_reading", .string, "For a cell that continues the row above: the cell taken from there, as printed"),
            .init("responsible_reading_basis", .string, "reading: the cell is empty in the extracted text and the site reads it as merged (its reading, which may be wrong); file: the Word file marks the cell as merged"),
            .init("term_printed", .string, "The row's own term cell as printed; empty when the cell is empty"),
            .init("term_same_as_row_above", .boolean, "true when the term is taken from the row above (see term_reading_basis)"),
            .init("term_reading", .string, "For a cell that continues the row above: the term taken from there, which term_kind … term_frequency read"),
            .init("term_reading_basis", .string, "reading: the cell is empty in the extracted text and the site reads it as merged (its reading, which may be wrong); file: the Word file marks the cell as merged"),
            .init("term_kind", .string, "years, quarter, month, during-year, recurring, not-stated"),
            .init("term_start", .yearmonth, "First month covered"),
            .init("term_end", .yearmonth, "Last month covered"),
            .init("term_due", .date, "Last day of the term; empty for recurring terms"),
            .init("term_frequency", .string, "ongoing, monthly, quarterly, yearly, scheduled for recurring terms"),
            .init("indicators_printed", .string, "Indicator texts as printed, joined by ' / ' (one per row in indicators)"),
            .init("funding_status", .string, "stated, not-needed, within-existing, not-stated"),
            .init("funding_printed", .string, "The source cell as printed (sources: measure-sources)"),
        ] + years.map { .init("amount_\($0)", .number, "Amount in \($0), all sources together") } + [
            .init("amount_total", .number, "All years and sources"),
            .init("amounts_origin", .string, "computed: amount_<year> and amount_total are the site's sums of the printed lines"),
            .init("unit", .string, "Unit of the amounts"),
        ] + Reporter.Kind.allCases.flatMap(voiceFields) + [
            .init("disputed", .boolean, "true when the statuses the pages show for the measure differ (between the voices, or between reporters of one voice)"),
            .init("term_passed", .boolean, "true when the term (as the site reads it) has ended and no report says completed; says nothing of whether the measure was carried out"),
            .init("url", .string, "The measure's page"),
        ]
    }

    func measures(amountYears: Bool) -> DataTable {
        let years = amountYears ? fields.years : []
        var table = DataTable(name: "measures", title: "Measures", fields: TidyTables.measureFields(years: years), primaryKey: ["id"],
                              foreignKeys: TidyTables.voiceReportKeys)
        let source = fields.source
        for (m, node) in index.measures.enumerated() {
            let measure = node.measure
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            let voices = graph.monitoring.voices(key)
            let total = OpenDataFields.total(measure)
            let indicators = index.indicators[node.indicators].map(\.indicator.text)
            table.append([
                measureID(measure.number), planID, measure.number, measure.printedNumber ?? "",
                DataTable.bool(measure.numberAssigned),
                node.goal.map { index.goals[$0].goal.id } ?? "",
                fields.goalIDs(ofMeasure: m).joined(separator: "/"),
                fields.goalNames(ofMeasure: m).joined(separator: " / "),
                measure.text, OpenDataFields.lines(measure.citation), OpenDataFields.corrections(measure.citation),
                measure.results.joined(separator: " / "),
                measure.responsible?.merged == nil ? fields.printed(measure.responsible?.printed, measure, source: source) ?? "" : "",
                DataTable.bool(measure.responsible?.sameAsRowAbove == true),
                measure.responsible?.merged == nil ? "" : measure.responsible?.printed ?? "", measure.responsible?.merged?.rawValue ?? "",
                fields.printed(measure.term.printedHere, measure, source: source) ?? "", DataTable.bool(measure.term.sameAsRowAbove),
                measure.term.merged == nil ? "" : measure.term.printed ?? "", measure.term.merged?.rawValue ?? "",
                measure.term.reading.kindCode,
                OpenDataFields.month(measure.term.reading.start) ?? "", OpenDataFields.month(measure.term.reading.end) ?? "",
                OpenDataFields.due(measure.term) ?? "", OpenDataFields.frequency(measure.term) ?? "",
                fields.printed(indicators.joined(separator: " / "), measure, source: source) ?? "",
                measure.funding.status.rawValue, fields.printed(measure.funding.printed, measure, source: source) ?? "",
            ] + years.map { OpenDataFields.amount(measure, year: $0)?.machine ?? "" } + [
                total?.machine ?? "", total == nil ? "" : "computed",
                total == nil ? "" : (index.plan.budget?.unit ?? ""),
            ] + Reporter.Kind.allCases.flatMap { voiceCells(voices?.counted($0)) } + [
                DataTable.bool(voices?.disputed ?? false),
                DataTable.bool(graph.monitoring.isOverdue(key, term: measure.term)),
                graph.routes.url(for: .measure(index.plan.id, measure.number)),
            ])
        }
        return table
    }

    /// `official` → `status_official`, `civil-society` → `status_civil_society`.
    static func voiceColumn(_ kind: Reporter.Kind) -> String { "status_" + kind.rawValue.replacingOccurrences(of: "-", with: "_") }

    /// One voice's latest status with its period, report and date: neither voice stands for the other.
    static func voiceFields(_ kind: Reporter.Kind) -> [DataTable.Field] {
        let column = voiceColumn(kind), voice = kind == .official ? "official" : "civil-society"
        return [
            .init(column, .string, "The latest status the \(voice) reports give (the latest period they cover; of several reporters, the report published last); empty when no \(voice) report mentions the measure",
                  allowed: MeasureStatusValue.allCases.map(\.rawValue)),
            .init(column + "_period", .string, "Period of that status: 2025, 2025-H1, 2025-Q3"),
            .init(column + "_report", .string, "The report that gives it (reports.id)"),
            .init(column + "_published", .date, "That report's publication date"),
        ]
    }

    func voiceCells(_ entry: Monitoring.StatusEntry?) -> [String] {
        guard let entry else { return ["", "", "", ""] }
        return [entry.status.rawValue, entry.period.code, graph.site.reports[entry.report].id, entry.published.iso]
    }

    /// The measures table's report columns point at the reports table.
    static let voiceReportKeys = Reporter.Kind.allCases.map {
        DataTable.ForeignKey(fields: [voiceColumn($0) + "_report"], table: "reports", reference: ["id"])
    }

    // MARK: goals

    var goals: DataTable {
        var table = DataTable(name: "goals", title: "Goals", fields: [
            .init("id", .string, "Plan id and goal id: luhansk-wps-2026-2030/direction-3"),
            .init("plan", .string, "Plan id"),
            .init("goal", .string, "Goal id within the plan (the measures table's goal column)"),
            .init("parent", .string, "Id (plan/goal) of the goal above; empty for a top-level goal"),
            .init("level", .string, "The plan's name for the level"),
            .init("depth", .integer, "0 for top-level goals"),
            .init("number", .string, "Number"),
            .init("printed_number", .string, "Number as printed, if different"),
            .init("title", .string, "Title as published: the printed text with the corrections (see corrections) applied"),
            .init("source_lines", .string, "Lines of the published source text that print the title"),
            .init("corrections", .string, "Corrections of the printed text, «printed» → «published» (why), joined by ' | '; empty when none"),
            .init("url", .string, "The goal's page"),
        ], primaryKey: ["id"], foreignKeys: [.init(fields: ["parent"], table: "goals", reference: ["id"])])
        for (g, node) in index.goals.enumerated() {
            table.append([
                goalID(node.goal.id), planID, node.goal.id, node.parent.map { goalID(index.goals[$0].goal.id) } ?? "",
                index.level(of: g).name, String(node.goal.depth), node.goal.number, node.goal.printedNumber ?? "",
                node.goal.title, OpenDataFields.lines(node.goal.citation), OpenDataFields.corrections(node.goal.citation),
                graph.routes.url(for: .goal(index.plan.id, node.goal.id)),
            ])
        }
        return table
    }

    // MARK: measure × executor, sources, results

    var measureExecutors: DataTable {
        var table = DataTable(name: "measure-executors", title: "Responsible bodies of each measure", fields: [
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("position", .integer, "Place in the printed list, 0 for the body named first"),
            .init("executor", .string, "The body (executors.id)"),
            .init("executor_name", .string, "Its full name"),
            .init("consent", .boolean, "true when it takes part «за згодою» (by consent)"),
        ], primaryKey: ["measure_id", "position"], foreignKeys: [TidyTables.measureKey])
        for node in index.measures {
            for (position, assignment) in (node.measure.responsible?.assignments ?? []).enumerated() {
                table.append([measureID(node.measure.number), String(position), assignment.executor.raw,
                              graph.executors[assignment.executor]?.name ?? assignment.executor.raw, DataTable.bool(assignment.consent)])
            }
        }
        return table
    }

    var measureSources: DataTable {
        var table = DataTable(name: "measure-sources", title: "Funding sources of each measure", fields: [
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("position", .integer, "Place in the printed list, 0 first"),
            .init("source", .string, "Normalised source id"),
            .init("source_printed", .string, "The source as this measure's row spells it"),
        ], primaryKey: ["measure_id", "position"], foreignKeys: [TidyTables.measureKey])
        for node in index.measures {
            for (position, line) in node.measure.funding.lines.enumerated() {
                table.append([measureID(node.measure.number), String(position), line.source, line.printedSource])
            }
        }
        return table
    }

    var results: DataTable {
        var table = DataTable(name: "results", title: "Expected results of each measure", fields: [
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("position", .integer, "Place in the printed list, 0 first"),
            .init("result", .string, "The expected result as printed"),
        ], primaryKey: ["measure_id", "position"], foreignKeys: [TidyTables.measureKey])
        for node in index.measures {
            for (position, result) in node.measure.results.enumerated() {
                table.append([measureID(node.measure.number), String(position), result])
            }
        }
        return table
    }

    // MARK: indicators

    var indicators: DataTable {
        var table = DataTable(name: "indicators", title: "Indicators", fields: [
            .init("id", .string, "Plan id and indicator id"),
            .init("plan", .string, "Plan id"),
            .init("indicator", .string, "Indicator id within the plan"),
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("text", .string, "The indicator as printed"),
            .init("target_printed", .string, "The target as printed"),
            .init("target_value", .number, "The target's number"),
            .init("target_unit", .string, "The target's unit"),
            .init("target_comparator", .string, "The comparison the document's words make: at-least («не менше»), more-than («понад», «більше»), at-most, exactly, about («близько»); empty when the number is printed without such a word"),
            .init("url", .string, "The indicator's page"),
        ], primaryKey: ["id"], foreignKeys: [TidyTables.measureKey])
        for node in index.indicators {
            let i = node.indicator
            table.append([
                indicatorID(i.id), planID, i.id, measureID(index.measures[node.measure].measure.number), i.text,
                i.target?.printed ?? "", i.target?.value?.machine ?? "", i.target?.unit ?? "", i.target?.comparator?.rawValue ?? "",
                graph.routes.url(for: .indicator(index.plan.id, i.id)),
            ])
        }
        return table
    }

    // MARK: monitoring

    var planReports: [Report] { (graph.monitoring.reportsByPlan[p] ?? []).map { graph.site.reports[$0] } }

    static let reporterFields: [DataTable.Field] = [
        .init("voice", .string, "official or civil-society", allowed: Reporter.Kind.allCases.map(\.rawValue)),
        .init("reporter", .string, "Name of the reporting body or organisation"),
        .init("reporter_executor", .string, "Its executors.id, when it is in the registry"),
    ]

    func reporter(_ report: Report) -> [String] {
        [report.reporter.kind.rawValue, report.reporter.name, report.reporter.executor?.raw ?? ""]
    }

    var reports: DataTable {
        var table = DataTable(name: "reports", title: "Monitoring reports", fields: [
            .init("id", .string, "Report id (its file name)"),
            .init("plan", .string, "Plan id"),
            .init("period", .string, "2025, 2025-H1 or 2025-Q3"),
        ] + TidyTables.reporterFields + [
            .init("published", .date, "Publication date"),
            .init("title", .string, "Title"),
            .init("summary", .string, "Summary (Markdown)"),
        ], primaryKey: ["id"])
        for report in planReports {
            table.append([report.id, planID, report.period.code] + reporter(report)
                         + [report.published.iso, report.title ?? "", report.summary ?? ""])
        }
        return table
    }

    var statuses: DataTable {
        var table = DataTable(name: "statuses", title: "Status of each measure in each report", fields: [
            .init("report", .string, "The report (reports.id)"),
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("period", .string, "The report's period"),
        ] + TidyTables.reporterFields + [
            .init("published", .date, "The report's publication date"),
            .init("status", .string, "not-started, in-progress, completed, partly-completed, not-completed, no-information; empty for a reply that gives no status of its own",
                  allowed: MeasureStatusValue.allCases.map(\.rawValue)),
            .init("narrative", .string, "What the report says (Markdown)"),
            .init("evidence_count", .integer, "Number of evidence links (in evidence)"),
            .init("reply_to", .string, "The report (reports.id) whose assessment of the same measure this entry answers; empty when it answers none"),
        ], primaryKey: ["report", "measure_id"],
           foreignKeys: [TidyTables.reportKey, TidyTables.measureKey, .init(fields: ["reply_to"], table: "reports", reference: ["id"])])
        for report in planReports {
            for entry in report.measures {
                table.append([report.id, measureID(entry.measure), report.period.code] + reporter(report)
                             + [report.published.iso, entry.status?.rawValue ?? "", entry.narrative ?? "", String(entry.evidence.count),
                                entry.replyTo?.report ?? ""])
            }
        }
        return table
    }

    /// Each voice's status of each measure period by period, with the voice's previous status:
    /// the history the pages show, one observation per row.
    var statusHistory: DataTable {
        var table = DataTable(name: "status-history", title: "Status of each measure per voice and period", fields: [
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("voice", .string, "official or civil-society", allowed: Reporter.Kind.allCases.map(\.rawValue)),
            .init("period", .string, "The reporting period: 2025, 2025-H1, 2025-Q3"),
            .init("status", .string, "The status the voice's reports give for the period (of several reporters, the report published last)",
                  allowed: MeasureStatusValue.allCases.map(\.rawValue)),
            .init("report", .string, "The report that gives it (reports.id)"),
            .init("published", .date, "That report's publication date"),
            .init("reporters", .integer, "How many reporters of the voice give a status for the measure in the period (every one is in statuses)"),
            .init("previous_period", .string, "The voice's previous period with a status for the measure; empty for its first"),
            .init("previous_status", .string, "The status then", allowed: MeasureStatusValue.allCases.map(\.rawValue)),
            .init("changed", .boolean, "true when status differs from previous_status; empty for the voice's first period"),
        ], primaryKey: ["measure_id", "voice", "period"], foreignKeys: [TidyTables.measureKey, TidyTables.reportKey])
        for m in index.measures.indices {
            for row in graph.monitoring.statusHistory(SiteGraph.MeasureKey(plan: p, measure: m)) {
                for kind in Reporter.Kind.allCases {
                    guard let step = row.steps[kind] else { continue }
                    table.append([measureID(index.measures[m].measure.number), kind.rawValue, row.period.code, step.entry.status.rawValue,
                                  graph.site.reports[step.entry.report].id, step.entry.published.iso, String(step.reporters),
                                  step.previous?.period.code ?? "", step.previous?.status.rawValue ?? "",
                                  step.previous == nil ? "" : DataTable.bool(step.changed)])
                }
            }
        }
        return table
    }

    var evidence: DataTable {
        var table = DataTable(name: "evidence", title: "Evidence links of each status", fields: [
            .init("report", .string, "The report (reports.id)"),
            .init("measure_id", .string, "The measure (measures.id)"),
            .init("position", .integer, "Place in the report's list, 0 first"),
            .init("title", .string, "Title of the link"),
            .init("url", .string, "Address"),
        ], primaryKey: ["report", "measure_id", "position"], foreignKeys: [TidyTables.reportKey, TidyTables.measureKey])
        for report in planReports {
            for entry in report.measures {
                for (position, link) in entry.evidence.enumerated() {
                    table.append([report.id, measureID(entry.measure), String(position), link.title, link.url])
                }
            }
        }
        return table
    }

    var indicatorValues: DataTable {
        var table = DataTable(name: "indicator-values", title: "Indicator values reported, with breakdowns", fields: [
            .init("report", .string, "The report (reports.id)"),
            .init("indicator_id", .string, "The indicator (indicators.id)"),
            .init("date", .date, "Date of the value"),
            .init("dimension", .string, "Breakdown dimension (sex, age …); empty for the whole value"),
            .init("group", .string, "Breakdown group (жінки, 18-35 …); empty for the whole value"),
            .init("value", .number, "The value, exact decimal"),
            .init("unit", .string, "Unit"),
        ] + TidyTables.reporterFields + [
            .init("note", .string, "Note"),
        ], foreignKeys: [TidyTables.reportKey, .init(fields: ["indicator_id"], table: "indicators", reference: ["id"])])
        for report in planReports {
            for v in report.indicators {
                let id = indicatorID(v.indicator), date = v.date.iso, unit = v.unit ?? ""
                table.append([report.id, id, date, "", "", v.value.machine, unit] + reporter(report) + [v.note ?? ""])
                for group in v.breakdown {
                    table.append([report.id, id, date, group.dimension, group.group, group.value.machine, unit] + reporter(report) + [""])
                }
            }
        }
        return table
    }
}
