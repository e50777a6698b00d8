/// `/data/<plan>-monitoring-template.xlsx` (docs/monitoring.md): the
/// spreadsheet a monitor fills and `planpress import report` turns into a
/// report. Sheet «Звіт»: the plan id, who reports, the voice, the period, the
/// publication date, title, summary and methodology, and where to send the
/// file; sheet «Заходи»: one row per measure (number, text excerpt,
/// responsible, term as printed) with a status column restricted to the
/// Ukrainian status labels, narrative and evidence columns; sheet
/// «Показники»: one row per indicator with its target and the target's unit,
/// room for breakdown rows with a drop-down of the dimensions; sheet
/// «Відповіді»: every published assessment of the plan, with columns for a
/// reply.
struct MonitoringTemplate {
    let graph: SiteGraph
    let plan: Int

    static let aboutSheet = "Звіт"
    static let measuresSheet = "Заходи"
    static let indicatorsSheet = "Показники"
    static let repliesSheet = "Відповіді"

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
        case indicator, text, target, targetUnit, date, value, unit, dimension, group, note
        var header: String {
            switch self {
            case .indicator: return "Показник"
            case .text: return "Текст показника"
            case .target: return "Цільове значення"
            case .targetUnit: return "Одиниця цілі"
            case .date: return "Дата (РРРР-ММ-ДД)"
            case .value: return "Значення"
            case .unit: return "Одиниця значення"
            case .dimension: return "Розріз (стать, вік …)"
            case .group: return "Група (жінки, 18-35 …)"
            case .note: return "Примітка"
            }
        }
    }

    enum ReplyColumn: Int, CaseIterable {
        case report, number, reporter, period, status, reply, evidenceTitles, evidenceURLs, ownStatus
        var header: String {
            switch self {
            case .report: return "Звіт (не змінюйте)"
            case .number: return "№"
            case .reporter: return "Чия оцінка"
            case .period: return "Період"
            case .status: return "Оцінка"
            case .reply: return "Відповідь"
            case .evidenceTitles: return "Підтвердження: назви (кожна з нового рядка)"
            case .evidenceURLs: return "Підтвердження: посилання (кожне з нового рядка)"
            case .ownStatus: return "Власна оцінка (за бажанням)"
            }
        }
    }

    /// Keys of the «Звіт» sheet (column A), in order, with what each is (column B).
    static let about: [(key: String, label: String)] = [
        ("plan", "Ідентифікатор плану (не змінюйте)"),
        ("reporter", "Хто звітує: назва органу чи організації, як ви підписуєтеся"),
        ("voice", "Голос: «громадський моніторинг» (громадська організація) або «офіційний звіт» (орган влади)"),
        ("executor", "Ідентифікатор органу на сайті, якщо є (сторінка органу: /executors/<ідентифікатор>/)"),
        ("period", "Звітний період: рік (2026), півріччя (2026-H1) або квартал (2026-Q3)"),
        ("published", "Дата оприлюднення звіту (РРРР-ММ-ДД)"),
        ("title", "Назва звіту"),
        ("summary", "Короткий підсумок звіту"),
        ("methodology", "Як ви збирали відомості й вибирали статус (методологія)"),
    ]
    static var aboutKeys: [String] { about.map(\.key) }

    /// The voice as the «Звіт» sheet's drop-down offers it.
    static let voiceLabels: [(Reporter.Kind, String)] = [(.civilSociety, "громадський моніторинг"), (.official, "офіційний звіт")]

    /// A voice written as its code or its label (case and spaces aside).
    static func voice(_ text: String) -> Reporter.Kind? {
        let wanted = BreakdownDimension.fold(text)
        return Reporter.Kind(rawValue: wanted) ?? voiceLabels.first { $0.1 == wanted }?.0
    }

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

    /// Where to send the filled file: the site's `report_contact`, else the site's address.
    var sendTo: String {
        let settings = graph.site.settings
        if let contact = settings.reportContact { return "Надішліть заповнений файл: \(contact)" }
        return "Надішліть заповнений файл тим, хто веде сайт «\(settings.title)» (\(graph.routes.baseURL))"
    }

    var workbook: XLSXWriter {
        let index = graph.plans[plan]
        var aboutRows = MonitoringTemplate.about.map { key, label in [key, label, key == "plan" ? index.plan.id.raw : ""] }
        aboutRows[0][1] += ": \(index.plan.shortTitle)"
        aboutRows.append(["", "Куди надіслати", sendTo])
        aboutRows.append(["", "Назва файлу", "Збережіть файл під назвою, що містить вашу організацію й період, наприклад \(index.plan.id)-2026-H1-koalitsiia.xlsx"])
        var about = XLSXWriter.Sheet(name: MonitoringTemplate.aboutSheet, columns: [
            .init(header: "Ключ", width: 12), .init(header: "Поле", width: 60), .init(header: "Значення", width: 80),
        ], rows: aboutRows)
        let voiceRow = MonitoringTemplate.aboutKeys.firstIndex(of: "voice")! + 2
        about.validations = [.init(column: 2, choices: MonitoringTemplate.voiceLabels.map(\.1), lastRow: voiceRow,
                                   prompt: "Оберіть: " + MonitoringTemplate.voiceLabels.map(\.1).joined(separator: " або "), firstRow: voiceRow)]
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
            return [MonitoringTemplate.assigned(i.id), i.text, i.target?.printed ?? "", i.target?.unit ?? "", "", "", i.target?.unit ?? "", "", "", ""]
        }
        var indicators = XLSXWriter.Sheet(name: MonitoringTemplate.indicatorsSheet, columns: IndicatorColumn.allCases.map {
            .init(header: $0.header, type: $0 == .value ? .number : .text, width: $0 == .text ? 50 : 18)
        }, rows: indicatorRows)
        indicators.blankRows = 50
        let dimensions = BreakdownDimension.all.map(\.ukrainian)
        indicators.validations = [.init(column: IndicatorColumn.dimension.rawValue, choices: dimensions,
                                        lastRow: indicatorRows.count + indicators.blankRows + 1,
                                        prompt: "Розріз зі списку: " + dimensions.joined(separator: ", "))]
        var replies = XLSXWriter.Sheet(name: MonitoringTemplate.repliesSheet, columns: ReplyColumn.allCases.map {
            .init(header: $0.header, width: [.reply: 60, .evidenceTitles: 40, .evidenceURLs: 50, .report: 30][$0] ?? 18)
        }, rows: assessments)
        replies.validations = [.init(column: ReplyColumn.ownStatus.rawValue, choices: labels, lastRow: max(2, assessments.count + 1),
                                     prompt: "Якщо даєте власну оцінку, оберіть статус: " + labels.joined(separator: ", "))]
        return XLSXWriter(sheets: [about, measures, indicators, replies])
    }

    /// Every assessment published about the plan, by measure, newest report first: a row to reply to.
    var assessments: [[String]] {
        let reports = graph.site.reports
        return graph.plans[plan].measures.indices.flatMap { m -> [[String]] in
            let entries = graph.monitoring.history[SiteGraph.MeasureKey(plan: plan, measure: m)] ?? []
            return entries.sorted { ($1.published, $1.report) < ($0.published, $0.report) }.map { entry in
                [reports[entry.report].id, graph.plans[plan].measures[m].measure.number, entry.reporter.name, entry.period.code,
                 entry.status.ukrainianLabel, "", "", "", ""]
            }
        }
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
