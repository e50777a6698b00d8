import Foundation

/// `planpress import report FILE.xlsx` (docs/monitoring.md): turns a filled
/// monitoring template (`MonitoringTemplate`) into `Content/reports/<id>.yaml`.
/// The YAML is checked with the whole site exactly as `check` checks it; each
/// problem is reported at the sheet, row and column it came from, and a report
/// with errors is not kept. An existing report is never overwritten.
public struct ReportImport {
    public struct Options: Sendable {
        public var workbook: String
        public var content: String
        public var templates: String
        public var reporter: String
        public var voice: Reporter.Kind
        public var executor: String?
        public var period: String
        public var published: CalendarDate
        /// File name without `.yaml`; default `<plan>-<period>-<voice>`.
        public var id: String?
        /// The language of `Outcome.messages`.
        public var language: MessageLanguage = .uk

        public init(workbook: String, content: String = "Content", templates: String = "Templates", reporter: String,
                    voice: Reporter.Kind, executor: String? = nil, period: String, published: CalendarDate, id: String? = nil) {
            self.workbook = workbook
            self.content = content
            self.templates = templates
            self.reporter = reporter
            self.voice = voice
            self.executor = executor
            self.period = period
            self.published = published
            self.id = id
        }
    }

    /// A cell of the workbook: sheet, row (1-based) and column (0-based, printed as a letter).
    public struct Cell: Hashable, Sendable, CustomStringConvertible {
        public var sheet: String
        public var row: Int
        public var column: Int?
        public var header: String?

        public func text(_ language: MessageLanguage) -> String {
            Message.cellLocation(sheet: sheet, row: row, column: column.map(XLSXWriter.columnName), header: header).text(language)
        }

        public var description: String { text(.en) }
    }

    /// What the import found: problems located in the workbook, or the written file.
    public struct Outcome: Sendable {
        /// The report file, when it was written and kept.
        public var path: String?
        /// Problems of the workbook (`FILE.xlsx: sheet, row R, column C: error: …`) and of the rest of the site.
        public var messages: [String]
        public var errors: Int
        public var warnings: Int
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// The YAML being written, line by line, each line with the cell it comes from.
    struct Lines {
        var text: [String] = []
        var cells: [Cell?] = []

        mutating func add(_ line: String, _ cell: Cell?) {
            text.append(line)
            cells.append(cell)
        }
    }

    public func run() throws -> Outcome {
        let name = (options.workbook as NSString).lastPathComponent
        let language = options.language
        /// `FILE.xlsx: Заходи, рядок 3, стовпець E («Статус»): помилка: …`
        func line(_ cell: Cell?, _ severity: Diagnostic.Severity, _ text: String) -> String {
            "\(name): \(cell.map { "\($0.text(language)): " } ?? "")\(severity.text(language)): \(text)"
        }
        var problems: [String] = []
        func problem(_ cell: Cell?, _ message: Message) {
            problems.append(line(cell, .error, message.text(language)))
        }
        func failed(_ message: Message) -> Outcome { Outcome(path: nil, messages: [line(nil, .error, message.text(language))], errors: 1, warnings: 0) }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: options.workbook))) } catch {
            return failed(.importFileUnreadable(reason: error.localizedDescription))
        }
        let book: XLSXReader
        do { book = try XLSXReader(bytes: bytes) } catch {
            return failed((error as? XLSXReader.ReadError)?.text ?? .importFileUnreadable(reason: "\(error)"))
        }
        guard let about = book.sheet(MonitoringTemplate.aboutSheet), let measures = book.sheet(MonitoringTemplate.measuresSheet) else {
            problem(nil, .importTemplateSheetsMissing(about: MonitoringTemplate.aboutSheet, measures: MonitoringTemplate.measuresSheet,
                                                      found: book.sheets.map(\.name)))
            return Outcome(path: nil, messages: problems, errors: problems.count, warnings: 0)
        }
        var fields: [String: (String, Cell)] = [:]
        for row in 1...max(1, about.lastRow) {
            let key = about.text(row: row, column: 0).trimmingSpaces()
            if MonitoringTemplate.aboutKeys.contains(key) {
                fields[key] = (about.text(row: row, column: 2).trimmingSpacesAndNewlines(), Cell(sheet: about.name, row: row, column: 2, header: "Значення"))
            }
        }
        guard let plan = fields["plan"], !plan.0.isEmpty else {
            problem(Cell(sheet: about.name, row: 2, column: 2), .importPlanMissing(sheet: MonitoringTemplate.aboutSheet))
            return Outcome(path: nil, messages: problems, errors: problems.count, warnings: 0)
        }

        var lines = Lines()
        lines.add("# Imported from \(name) by `planpress import report`.", nil)
        lines.add("plan: \(Self.quoted(plan.0))", plan.1)
        lines.add("period: \(Self.quoted(options.period))", nil)
        lines.add("reporter:", nil)
        lines.add("  kind: \(options.voice.rawValue)", nil)
        lines.add("  name: \(Self.quoted(options.reporter))", nil)
        if let executor = options.executor { lines.add("  executor: \(Self.quoted(executor))", nil) }
        lines.add("published: \(options.published.iso)", nil)
        for key in ["title", "summary"] {
            if let (value, cell) = fields[key], !value.isEmpty { lines.add("\(key): \(Self.quoted(value))", cell) }
        }
        measureLines(measures, into: &lines, problem: problem)
        if let indicators = book.sheet(MonitoringTemplate.indicatorsSheet) {
            indicatorLines(indicators, into: &lines, problem: problem)
        }
        guard problems.isEmpty else { return Outcome(path: nil, messages: problems, errors: problems.count, warnings: 0) }

        let id = options.id ?? "\(plan.0)-\(options.period)-\(options.voice.rawValue)".lowercased()
        let folder = (options.content as NSString).appendingPathComponent("reports")
        let path = (folder as NSString).appendingPathComponent(id + ".yaml")
        guard !FileManager.default.fileExists(atPath: path) else {
            return failed(.importReportExists(path: path))
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = lines.text.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            return failed(.importCannotWrite(path: path))
        }

        // The same checks as `check`, over the whole site with the new report in it.
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Builder(options: Builder.Options(content: options.content, templates: options.templates)).check().result.diagnostics
        } catch let failure as BuildFailure {
            diagnostics = failure.diagnostics
        }
        let resolved = (path as NSString).standardizingPath
        var messages: [String] = []
        var ownErrors = 0
        for diagnostic in diagnostics.sortedByLocation() {
            guard let location = diagnostic.location, Self.samePath(location.file, resolved) else {
                messages.append(diagnostic.description(language))
                continue
            }
            if diagnostic.severity == .error { ownErrors += 1 }
            let index = location.line - 1
            let cell = index >= 0 && index < lines.cells.count ? lines.cells[index] : nil
            messages.append(line(cell, diagnostic.severity, diagnostic.message(language)))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if ownErrors > 0 {
            try? FileManager.default.removeItem(atPath: path)
            return Outcome(path: nil, messages: messages, errors: errors, warnings: warnings)
        }
        return Outcome(path: path, messages: messages, errors: errors, warnings: warnings)
    }

    /// Column index of each header, from row 1.
    static func columns<C: CaseIterable & RawRepresentable>(_ sheet: XLSXReader.Sheet, _: C.Type, header: (C) -> String) -> [C: Int] where C.RawValue == Int {
        var out: [C: Int] = [:]
        let headers = sheet.cells[1] ?? [:]
        for column in C.allCases {
            if let found = headers.first(where: { $0.value.trimmingSpacesAndNewlines() == header(column) })?.key { out[column] = found }
        }
        return out
    }

    private func measureLines(_ sheet: XLSXReader.Sheet, into lines: inout Lines, problem: (Cell?, Message) -> Void) {
        typealias Column = MonitoringTemplate.MeasureColumn
        let columns = Self.columns(sheet, Column.self) { $0.header }
        // The other columns (text, responsible, term) are only there to read; they are not imported.
        let needed: [Column] = [.number, .status, .narrative, .evidenceTitles, .evidenceURLs]
        for required in needed where columns[required] == nil {
            problem(Cell(sheet: sheet.name, row: 1), .importColumnMissing(header: required.header))
        }
        guard needed.allSatisfy({ columns[$0] != nil }) else { return }
        func cell(_ row: Int, _ column: Column) -> Cell { Cell(sheet: sheet.name, row: row, column: columns[column], header: column.header) }
        func value(_ row: Int, _ column: Column) -> String { sheet.text(row: row, column: columns[column]!).trimmingSpacesAndNewlines() }
        var first = true
        for row in 2..<max(2, sheet.lastRow + 1) {
            let status = value(row, .status), narrative = value(row, .narrative)
            let titles = Self.lines(value(row, .evidenceTitles)), urls = Self.lines(value(row, .evidenceURLs))
            guard !status.isEmpty || !narrative.isEmpty || !urls.isEmpty || !titles.isEmpty else { continue }
            if first { lines.add("measures:", nil); first = false }
            lines.add("  - measure: \(Self.quoted(MonitoringTemplate.number(fromCell: value(row, .number))))", cell(row, .number))
            // Missing status: the entry has no `status:` and `check` says so, at this row.
            if !status.isEmpty { lines.add("    status: \(Self.quoted(status))", cell(row, .status)) }
            if !narrative.isEmpty { lines.add("    narrative: \(Self.quoted(narrative))", cell(row, .narrative)) }
            if titles.count > urls.count {
                problem(cell(row, .evidenceURLs), .importEvidenceCount(titles: titles.count, links: urls.count))
            }
            if !urls.isEmpty {
                lines.add("    evidence:", cell(row, .evidenceURLs))
                for (n, url) in urls.enumerated() {
                    // A link without a title is titled by its address.
                    lines.add("      - title: \(Self.quoted(n < titles.count ? titles[n] : url))", cell(row, .evidenceTitles))
                    lines.add("        url: \(Self.quoted(url))", cell(row, .evidenceURLs))
                }
            }
        }
    }

    private func indicatorLines(_ sheet: XLSXReader.Sheet, into lines: inout Lines, problem: (Cell?, Message) -> Void) {
        typealias Column = MonitoringTemplate.IndicatorColumn
        let columns = Self.columns(sheet, Column.self) { $0.header }
        let needed: [Column] = [.indicator, .date, .value, .unit, .dimension, .group, .note]
        for required in needed where columns[required] == nil {
            problem(Cell(sheet: sheet.name, row: 1), .importColumnMissing(header: required.header))
        }
        guard needed.allSatisfy({ columns[$0] != nil }) else { return }
        func cell(_ row: Int, _ column: Column) -> Cell { Cell(sheet: sheet.name, row: row, column: columns[column], header: column.header) }
        func value(_ row: Int, _ column: Column) -> String { sheet.text(row: row, column: columns[column]!).trimmingSpacesAndNewlines() }
        struct Entry { var row: Int; var indicator: String; var date: String; var breakdown: [Int] = [] }
        var totals: [Entry] = []
        var breakdowns: [(row: Int, key: String)] = []
        for row in 2..<max(2, sheet.lastRow + 1) {
            let amount = value(row, .value), date = Self.date(value(row, .date))
            let dimension = value(row, .dimension), group = value(row, .group)
            guard !amount.isEmpty || !date.isEmpty || !dimension.isEmpty || !group.isEmpty else { continue }
            let indicator = MonitoringTemplate.number(fromCell: value(row, .indicator))
            if dimension.isEmpty && group.isEmpty {
                totals.append(Entry(row: row, indicator: indicator, date: date))
            } else {
                breakdowns.append((row, "\(indicator)|\(date)"))
            }
        }
        for (row, key) in breakdowns {
            guard let t = totals.firstIndex(where: { "\($0.indicator)|\($0.date)" == key }) else {
                problem(cell(row, .dimension), .importBreakdownWithoutWhole)
                continue
            }
            totals[t].breakdown.append(row)
        }
        guard !totals.isEmpty else { return }
        lines.add("indicators:", nil)
        for entry in totals {
            let row = entry.row
            lines.add("  - indicator: \(Self.quoted(entry.indicator))", cell(row, .indicator))
            if !entry.date.isEmpty { lines.add("    date: \(entry.date)", cell(row, .date)) }
            if !value(row, .value).isEmpty { lines.add("    value: \(Self.quoted(value(row, .value)))", cell(row, .value)) }
            if !value(row, .unit).isEmpty { lines.add("    unit: \(Self.quoted(value(row, .unit)))", cell(row, .unit)) }
            if !value(row, .note).isEmpty { lines.add("    note: \(Self.quoted(value(row, .note)))", cell(row, .note)) }
            if !entry.breakdown.isEmpty {
                lines.add("    breakdown:", cell(entry.breakdown[0], .dimension))
                for b in entry.breakdown {
                    lines.add("      - dimension: \(Self.quoted(value(b, .dimension)))", cell(b, .dimension))
                    lines.add("        group: \(Self.quoted(value(b, .group)))", cell(b, .group))
                    lines.add("        value: \(Self.quoted(value(b, .value)))", cell(b, .value))
                }
            }
        }
    }

    /// Whether a diagnostic's file is the written report (diagnostics may name it relative or absolute).
    static func samePath(_ file: String, _ resolved: String) -> Bool {
        let a = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
        let b = URL(fileURLWithPath: resolved).standardizedFileURL.resolvingSymlinksInPath().path
        return a == b
    }

    /// Non-empty lines of a cell.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// A date as the YAML wants it: `2025-12-31` as typed, `31.12.2025`, or a spreadsheet date number
    /// (days since 1899-12-30). Anything else is passed on for `check` to explain.
    static func date(_ text: String) -> String {
        if CalendarDate(iso: text) != nil { return text }
        let parts = text.split(separator: ".")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), (1000...9999).contains(y) {
            return CalendarDate(year: y, month: m, day: d).iso
        }
        if let serial = Double(text), serial > 1, serial < 200_000, serial == serial.rounded(.down) {
            var days = Int(serial) - 25569 // to 1970-01-01
            // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
            days += 719_468
            let era = (days >= 0 ? days : days - 146_096) / 146_097
            let doe = days - era * 146_097
            let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let day = doy - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            return CalendarDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day).iso
        }
        return text
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
