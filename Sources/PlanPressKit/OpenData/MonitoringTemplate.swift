/// `/data/<plan>-monitoring-template.xlsx` (docs/monitoring.md): the
/// spreadsheet a monitor fills and `planpress import report` turns into a
/// report. Sheet «Звіт»: the plan id, title and summary; sheet «Заходи»: one
/// row per measure (number, text excerpt, responsible, term as printed) with a
/// status column restricted to the Ukrainian status labels, narrative and
/// evidence columns; sheet «Показники»: one row per indicator for its value,
/// and room for breakdown rows.
struct MonitoringTemplate {
    let graph: SiteGraph
    let plan: Int

    static let aboutSheet = "Звіт"
    static let measuresSheet = "Заходи"
    static let indicatorsSheet = "Показники"

    /// Column headers; the importer finds columns by these headers.
    enum MeasureColumn: Int, CaseIterable {
        case number, text, responsible, term, status, narrative, evidenceTitles, evidenceURLs
        var header: String {
            switch self {
            case .number: return "№"
            case .text: return "Захід (початок тексту)"
            case .responsible: return "Відповідальні"
            case .term: return "Строк"
            case .status: return "Статус"
            case .narrative: return "Опис виконання"
            case .evidenceTitles: return "Підтвердження: назви (кожна з нового рядка)"
            case .evidenceURLs: return "Підтвердження: посилання (кожне з нового рядка)"
            }
        }
    }

    enum IndicatorColumn: Int, CaseIterable {
        case indicator, text, target, date, value, unit, dimension, group, note
        var header: String {
            switch self {
            case .indicator: return "Показник"
            case .text: return "Текст показника"
            case .target: return "Цільове значення"
            case .date: return "Дата (РРРР-ММ-ДД)"
            case .value: return "Значення"
            case .unit: return "Одиниця"
            case .dimension: return "Розріз (стать, вік …)"
            case .group: return "Група (жінки, 18-35 …)"
            case .note: return "Примітка"
            }
        }
    }

    /// Keys of the «Звіт» sheet (column A).
    static let aboutKeys = ["plan", "title", "summary"]

    /// A number the site assigned, as the template shows it: «[6.1]» (a measure the document does
    /// not number, every indicator). The importer reads it back without the brackets.
    static func assigned(_ number: String) -> String { "[\(number)]" }

    /// A number cell as typed or as the template wrote it: «[6.1]» reads as `6.1`.
    static func number(fromCell text: String) -> String {
        text.hasPrefix("[") && text.hasSuffix("]") && text.count > 2 ? String(text.dropFirst().dropLast()) : text
    }

    /// The first `limit` characters of a measure's text, ending with «…» when cut.
    static func excerpt(_ text: String, limit: Int = 160) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit)).trimmingSpaces() + "…"
    }

    var workbook: XLSXWriter {
        let index = graph.plans[plan]
        let about = XLSXWriter.Sheet(name: MonitoringTemplate.aboutSheet, columns: [
            .init(header: "Ключ", width: 10), .init(header: "Поле", width: 50), .init(header: "Значення", width: 80),
        ], rows: [
            ["plan", "Ідентифікатор плану (не змінюйте): \(index.plan.shortTitle)", index.plan.id.raw],
            ["title", "Назва звіту", ""],
            ["summary", "Короткий підсумок звіту", ""],
        ])
        let labels = MeasureStatusValue.allCases.map(\.ukrainianLabel)
        let measureRows = index.measures.map { node -> [String] in
            let m = node.measure
            return [m.numberAssigned ? MonitoringTemplate.assigned(m.number) : m.number, MonitoringTemplate.excerpt(m.text),
                    MonitoringTemplate.cell(m.responsible?.printed, merged: m.responsible?.merged),
                    MonitoringTemplate.cell(m.term.printed, merged: m.term.merged), "", "", "", ""]
        }
        let widths = [8, 50, 40, 20, 20, 60, 40, 50]
        var measures = XLSXWriter.Sheet(name: MonitoringTemplate.measuresSheet,
                                        columns: MeasureColumn.allCases.map { .init(header: $0.header, width: widths[$0.rawValue]) },
                                        rows: measureRows)
        measures.validations = [.init(column: MeasureColumn.status.rawValue, choices: labels, lastRow: measureRows.count + 1,
                                      prompt: "Оберіть статус зі списку: " + labels.joined(separator: ", "))]
        let indicatorRows = index.indicators.map { node -> [String] in
            let i = node.indicator
            return [MonitoringTemplate.assigned(i.id), i.text, i.target?.printed ?? "", "", "", i.target?.unit ?? "", "", "", ""]
        }
        var indicators = XLSXWriter.Sheet(name: MonitoringTemplate.indicatorsSheet, columns: IndicatorColumn.allCases.map {
            .init(header: $0.header, type: $0 == .value ? .number : .text, width: $0 == .text ? 50 : 18)
        }, rows: indicatorRows)
        indicators.blankRows = 50
        return XLSXWriter(sheets: [about, measures, indicators])
    }

    /// A cell as printed; the value of a cell that continues the row above says what it is.
    static func cell(_ printed: String?, merged: MergeBasis?) -> String {
        guard let printed else { return "" }
        switch merged {
        case nil: return printed
        case .reading: return "\(printed) (прочитання сайту: клітинка в тексті порожня)"
        case .file: return "\(printed) (у файлі Word клітинка охоплює й рядок вище)"
        }
    }

    func bytes() throws -> [UInt8] { try workbook.bytes() }
}
