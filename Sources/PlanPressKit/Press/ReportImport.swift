import Foundation

/// `planpress import report FILE.xlsx` (docs/monitoring.md): turns a filled
/// monitoring template (`MonitoringTemplate`) into `Content/reports/<id>.yaml`.
///
/// Nothing is lost and nothing half-done is kept: every cell the importer
/// reads is checked where it is (merged cells, formulas without a value,
/// control characters, numbers, dates, statuses, dimensions), and the would-be
/// file is checked with the whole site exactly as `check` checks it, in memory.
/// Only when the site would pass is the file created, under an exclusive lock
/// on `Content/reports/`, with `O_CREAT | O_EXCL | O_NOFOLLOW`: an existing
/// report (or a symlink in its place) is never overwritten, and of two imports
/// of the same report at once exactly one writes it.
public struct ReportImport {
    public struct Options: Sendable {
        public var workbook: String
        public var content: String
        public var templates: String
        /// Command-line values: each fills a field the «Звіт» sheet leaves empty and must agree with a filled one.
        public var reporter: String?
        /// `official`, `civil-society` or the template's Ukrainian label.
        public var voice: String?
        public var executor: String?
        public var period: String?
        /// `YYYY-MM-DD`.
        public var published: String?
        /// File name without `.yaml`; default `<plan>-<period>-<voice>-<reporter>` (transliterated).
        public var id: String?
        /// The language of `Outcome.messages`.
        public var language: MessageLanguage = .uk
        /// The publication date when neither the sheet nor `published` gives one (the command passes today).
        public var today: CalendarDate?
        public var limits = XLSXReader.Limits()

        public init(workbook: String, content: String = "Content", templates: String = "Templates", reporter: String? = nil,
                    voice: String? = nil, executor: String? = nil, period: String? = nil, published: String? = nil, id: String? = nil) {
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
        /// The report file, when it was written.
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

    /// Collects the workbook's problems, each at its cell.
    final class Problems {
        var lines: [String] = []
        let format: (Cell?, Diagnostic.Severity, String) -> String
        let language: MessageLanguage

        init(language: MessageLanguage, format: @escaping (Cell?, Diagnostic.Severity, String) -> String) {
            self.language = language
            self.format = format
        }

        /// Each problem once, however often its cell is read.
        func add(_ cell: Cell?, _ message: Message) {
            let line = format(cell, .error, message.text(language))
            if !lines.contains(line) { lines.append(line) }
        }
        var outcome: Outcome { Outcome(path: nil, messages: lines, errors: lines.count, warnings: 0) }
    }

    public func run() throws -> Outcome {
        let name = (options.workbook as NSString).lastPathComponent
        let language = options.language
        /// `FILE.xlsx: Заходи, рядок 3, стовпець E («Статус»): помилка: …`
        func line(_ cell: Cell?, _ severity: Diagnostic.Severity, _ text: String) -> String {
            "\(name): \(cell.map { "\($0.text(language)): " } ?? "")\(severity.text(language)): \(text)"
        }
        let problems = Problems(language: language, format: line)
        func failed(_ message: Message) -> Outcome {
            problems.add(nil, message)
            return problems.outcome
        }

        // The command line first: a wrong option is answered before the file is read.
        var voiceOption: Reporter.Kind?
        if let written = options.voice {
            guard let voice = MonitoringTemplate.voice(written) else { return failed(Self.unknownVoice(written)) }
            voiceOption = voice
        }
        var publishedOption: CalendarDate?
        if let written = options.published {
            guard let date = CalendarDate(iso: written.trimmingSpaces()) else { return failed(.importPublishedInvalid(found: written)) }
            publishedOption = date
        }
        if let id = options.id, !Self.isValidID(id) { return failed(.importInvalidID(id: id)) }

        let book: XLSXReader
        do { book = try XLSXReader(file: options.workbook, limits: options.limits) } catch let error as XLSXReader.ReadError {
            guard error.namesFile else { return failed(error.text) }
            // The message names the file itself.
            problems.lines.append("\(Diagnostic.Severity.error.text(language)): \(error.text.text(language))")
            return problems.outcome
        }
        guard let about = book.sheet(MonitoringTemplate.aboutSheet), let measures = book.sheet(MonitoringTemplate.measuresSheet) else {
            return failed(.importTemplateSheetsMissing(about: MonitoringTemplate.aboutSheet, measures: MonitoringTemplate.measuresSheet,
                                                       found: book.sheets.map(\.name)))
        }
        let reader = CellReader(problems: problems)

        // «Звіт»: key in column A, value in column C.
        var fields: [String: (value: String, cell: Cell)] = [:]
        reader.refuseMerged(about, columns: [2])
        for row in about.rows where row >= 2 {
            let key = about.text(row: row, column: 0).trimmingSpaces()
            guard MonitoringTemplate.aboutKeys.contains(key) else { continue }
            let cell = Cell(sheet: about.name, row: row, column: 2, header: "Значення")
            fields[key] = (reader.text(about, row, 2, cell), cell)
        }
        func aboutCell(_ key: String) -> Cell {
            fields[key]?.cell ?? Cell(sheet: about.name, row: (MonitoringTemplate.aboutKeys.firstIndex(of: key) ?? 0) + 2, column: 2, header: "Значення")
        }
        /// A field from the sheet or the command line; both given must agree.
        func field(_ key: String, option: String?, flag: String, label: String, same: (String, String) -> Bool = { $0 == $1 }) -> String? {
            let sheet = fields[key]?.value ?? ""
            let given = option?.trimmingSpaces() ?? ""
            if !sheet.isEmpty && !given.isEmpty && !same(sheet, given) {
                problems.add(aboutCell(key), .importFieldConflict(field: label, sheet: sheet, option: flag, given: given))
            }
            let value = sheet.isEmpty ? given : sheet
            return value.isEmpty ? nil : value
        }
        guard let plan = fields["plan"]?.value, !plan.isEmpty else {
            problems.add(aboutCell("plan"), .importPlanMissing(sheet: MonitoringTemplate.aboutSheet))
            return problems.outcome
        }
        let reporter = field("reporter", option: options.reporter, flag: "--reporter", label: "reporter")
        if reporter == nil { problems.add(aboutCell("reporter"), .importFieldMissing(field: "reporter", option: "--reporter")) }
        let period = field("period", option: options.period, flag: "--period", label: "period")
        if period == nil { problems.add(aboutCell("period"), .importFieldMissing(field: "period", option: "--period")) }
        let executor = field("executor", option: options.executor, flag: "--executor", label: "executor")
        var voice = voiceOption ?? .civilSociety
        if let written = fields["voice"]?.value, !written.isEmpty {
            if let sheetVoice = MonitoringTemplate.voice(written) {
                if let voiceOption, voiceOption != sheetVoice {
                    problems.add(aboutCell("voice"), .importFieldConflict(field: "voice", sheet: written, option: "--voice", given: options.voice ?? ""))
                }
                voice = sheetVoice
            } else {
                problems.add(aboutCell("voice"), Self.unknownVoice(written))
            }
        }
        var published = publishedOption ?? options.today
        if let written = fields["published"]?.value, !written.isEmpty {
            if let date = CalendarDate(iso: ReportImport.date(written)) {
                if let publishedOption, publishedOption != date {
                    problems.add(aboutCell("published"), .importFieldConflict(field: "published", sheet: date.iso, option: "--published", given: publishedOption.iso))
                }
                published = date
            } else {
                problems.add(aboutCell("published"), .importPublishedInvalid(found: written))
            }
        }
        if published == nil { problems.add(aboutCell("published"), .importFieldMissing(field: "published", option: "--published")) }

        var lines = Lines()
        lines.add("# Imported from \(name) by `planpress import report`.", nil)
        lines.add("plan: \(Self.quoted(plan))", aboutCell("plan"))
        lines.add("period: \(Self.quoted(period ?? ""))", fields["period"]?.cell)
        lines.add("reporter:", nil)
        lines.add("  kind: \(voice.rawValue)", fields["voice"]?.cell)
        lines.add("  name: \(Self.quoted(reporter ?? ""))", fields["reporter"]?.cell)
        if let executor { lines.add("  executor: \(Self.quoted(executor))", fields["executor"]?.cell) }
        lines.add("published: \(published?.iso ?? "")", fields["published"]?.cell)
        for key in ["title", "summary", "methodology"] {
            if let (value, cell) = fields[key], !value.isEmpty { lines.add("\(key): \(Self.quoted(value))", cell) }
        }
        var entries = MeasureEntries()
        measureRows(measures, reader: reader, into: &entries)
        if let replies = book.sheet(MonitoringTemplate.repliesSheet) {
            replyRows(replies, reader: reader, into: &entries, measuresSheet: measures.name)
        }
        entries.write(into: &lines)
        if let indicators = book.sheet(MonitoringTemplate.indicatorsSheet) {
            indicatorLines(indicators, reader: reader, into: &lines)
        }
        guard problems.lines.isEmpty, let reporter, let period else { return problems.outcome }

        let replyOnly = entries.isReplyOnly && !lines.text.contains("indicators:")
        let id = options.id ?? Self.defaultID(plan: plan, period: period, voice: voice, reporter: reporter, replyOnly: replyOnly)
        guard Self.isValidID(id) else { return failed(.importInvalidID(id: id)) }
        let relative = "reports/\(id).yaml"
        let path = ((options.content as NSString).appendingPathComponent("reports") as NSString).appendingPathComponent(id + ".yaml")
        let bytes = Array((lines.text.joined(separator: "\n") + "\n").utf8)

        // Under the lock: nothing else imports into Content/ until this file exists or is refused.
        return try ContentFileCreation.withLockedFolder(content: options.content, folder: "reports") { reports -> Outcome in
            if ContentFileCreation.exists(content: options.content, relative: relative) { return failed(.importReportExists(path: path)) }
            // The same checks as `check`, over the whole site with the new report laid over it in memory.
            var check = Builder.Options(content: options.content, templates: options.templates)
            check.overlay = [relative: bytes]
            let diagnostics: [Diagnostic]
            do { diagnostics = try Builder(options: check).check().result.diagnostics } catch let failure as BuildFailure {
                diagnostics = failure.diagnostics
            }
            let display = ContentFiles(root: options.content).display(relative)
            var messages: [String] = []
            for diagnostic in diagnostics.sortedByLocation() {
                guard let location = diagnostic.location, location.file == display else {
                    messages.append(diagnostic.description(language))
                    continue
                }
                let index = location.line - 1
                let cell = index >= 0 && index < lines.cells.count ? lines.cells[index] : nil
                messages.append(line(cell, diagnostic.severity, diagnostic.message(language)))
            }
            let errors = diagnostics.errorCount, warnings = diagnostics.count - errors
            guard errors == 0 else {
                messages.append(line(nil, .error, Message.importSiteWouldFail(errors: errors).text(language)))
                return Outcome(path: nil, messages: messages, errors: errors, warnings: warnings)
            }
            do { try ContentFileCreation.create(in: try reports(), name: id + ".yaml", bytes: bytes) } catch ContentFileCreation.Failure.exists {
                return failed(.importReportExists(path: path))
            } catch ContentFileCreation.Failure.system(let reason) {
                return failed(.importCreateFailed(path: path, reason: reason))
            }
            return Outcome(path: path, messages: messages, errors: 0, warnings: warnings)
        } onFailure: { reason in
            failed(.importCreateFailed(path: path, reason: reason))
        }
    }

    static func unknownVoice(_ written: String) -> Message {
        .importVoiceUnknown(found: written, allowed: Reporter.Kind.allCases.map(\.rawValue) + MonitoringTemplate.voiceLabels.map(\.1))
    }

    /// A report's file name: lowercase Latin letters, digits and single hyphens, at most 100 characters.
    static func isValidID(_ id: String) -> Bool {
        guard (1...100).contains(id.count), !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// `<plan>-<period>-<voice>-<reporter>`: two organisations' reports for a period never share a name.
    static func defaultID(plan: String, period: String, voice: Reporter.Kind, reporter: String, replyOnly: Bool) -> String {
        let parts = [Transliteration.slug(plan, limit: 40), Transliteration.slug(period), voice.rawValue,
                     Transliteration.slug(reporter, limit: 40), replyOnly ? "replies" : ""]
        return parts.filter { !$0.isEmpty }.joined(separator: "-")
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

    /// One entry of `measures:` being built, from «Заходи» or «Відповіді».
    struct MeasureEntry {
        var number: String
        var numberCell: Cell
        var status: (String, Cell)?
        var narrative: (String, Cell)?
        var evidence: [(title: String, url: String, titleCell: Cell, urlCell: Cell)] = []
        var evidenceCell: Cell?
        var replyTo: (String, Cell)?
    }

    struct MeasureEntries {
        var entries: [MeasureEntry] = []
        var isReplyOnly: Bool { !entries.isEmpty && entries.allSatisfy { $0.replyTo != nil && $0.status == nil } }

        func write(into lines: inout Lines) {
            guard !entries.isEmpty else { return }
            lines.add("measures:", nil)
            for entry in entries {
                lines.add("  - measure: \(ReportImport.quoted(entry.number))", entry.numberCell)
                if let (reply, cell) = entry.replyTo { lines.add("    reply_to: \(ReportImport.quoted(reply))", cell) }
                if let (status, cell) = entry.status { lines.add("    status: \(ReportImport.quoted(status))", cell) }
                if let (narrative, cell) = entry.narrative { lines.add("    narrative: \(ReportImport.quoted(narrative))", cell) }
                if !entry.evidence.isEmpty {
                    lines.add("    evidence:", entry.evidenceCell)
                    for link in entry.evidence {
                        lines.add("      - title: \(ReportImport.quoted(link.title))", link.titleCell)
                        lines.add("        url: \(ReportImport.quoted(link.url))", link.urlCell)
                    }
                }
            }
        }
    }

    /// The status, narrative and evidence of a row: each checked at its cell.
    private func assessment(_ sheet: XLSXReader.Sheet, row: Int, status: (Int, String)?, narrative: (Int, String), titles: (Int, String),
                            urls: (Int, String), reader: CellReader, into entry: inout MeasureEntry) {
        func cell(_ column: (Int, String)) -> Cell { Cell(sheet: sheet.name, row: row, column: column.0, header: column.1) }
        if let status {
            let text = reader.text(sheet, row, status.0, cell(status))
            if !text.isEmpty {
                if MeasureStatusValue(codeOrLabel: text) == nil {
                    reader.problems.add(cell(status), .importUnknownStatus(found: text, allowed: MeasureStatusValue.allCases.map(\.ukrainianLabel)))
                }
                entry.status = (text, cell(status))
            }
        }
        let narrativeText = reader.text(sheet, row, narrative.0, cell(narrative))
        if !narrativeText.isEmpty { entry.narrative = (narrativeText, cell(narrative)) }
        let titleLines = Self.lines(reader.text(sheet, row, titles.0, cell(titles)))
        let urlLines = Self.lines(reader.text(sheet, row, urls.0, cell(urls)))
        if titleLines.count > urlLines.count {
            reader.problems.add(cell(urls), .importEvidenceCount(titles: titleLines.count, links: urlLines.count))
        }
        for (n, url) in urlLines.enumerated() {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) { reader.problems.add(cell(urls), .importURLScheme(url: url)) }
            // A link without a title is titled by its address.
            entry.evidence.append((n < titleLines.count ? titleLines[n] : url, url, cell(titles), cell(urls)))
        }
        if !urlLines.isEmpty { entry.evidenceCell = cell(urls) }
    }

    private func measureRows(_ sheet: XLSXReader.Sheet, reader: CellReader, into entries: inout MeasureEntries) {
        typealias Column = MonitoringTemplate.MeasureColumn
        let columns = Self.columns(sheet, Column.self) { $0.header }
        // The other columns (text, responsible, term) are only there to read; they are not imported.
        let needed: [Column] = [.number, .status, .narrative, .evidenceTitles, .evidenceURLs]
        for required in needed where columns[required] == nil {
            reader.problems.add(Cell(sheet: sheet.name, row: 1), .importColumnMissing(header: required.header))
        }
        guard needed.allSatisfy({ columns[$0] != nil }) else { return }
        func at(_ column: Column) -> (Int, String) { (columns[column]!, column.header) }
        reader.refuseMerged(sheet, columns: Set(needed.map { columns[$0]! }))
        for row in sheet.rows where row >= 2 {
            var entry = MeasureEntry(number: "", numberCell: Cell(sheet: sheet.name, row: row, column: columns[.number], header: Column.number.header))
            assessment(sheet, row: row, status: at(.status), narrative: at(.narrative), titles: at(.evidenceTitles), urls: at(.evidenceURLs),
                       reader: reader, into: &entry)
            guard entry.status != nil || entry.narrative != nil || !entry.evidence.isEmpty else { continue }
            entry.number = MonitoringTemplate.number(fromCell: reader.text(sheet, row, columns[.number]!, entry.numberCell))
            entries.entries.append(entry)
        }
    }

    /// «Відповіді»: every assessment of the plan, one per row; a row with a reply, evidence or a
    /// status of its own becomes an entry with `reply_to`.
    private func replyRows(_ sheet: XLSXReader.Sheet, reader: CellReader, into entries: inout MeasureEntries, measuresSheet: String) {
        typealias Column = MonitoringTemplate.ReplyColumn
        let columns = Self.columns(sheet, Column.self) { $0.header }
        let needed: [Column] = [.report, .number, .reply, .evidenceTitles, .evidenceURLs, .ownStatus]
        for required in needed where columns[required] == nil {
            reader.problems.add(Cell(sheet: sheet.name, row: 1), .importColumnMissing(header: required.header))
        }
        guard needed.allSatisfy({ columns[$0] != nil }) else { return }
        func at(_ column: Column) -> (Int, String) { (columns[column]!, column.header) }
        reader.refuseMerged(sheet, columns: Set(needed.map { columns[$0]! }))
        let assessed = Set(entries.entries.map(\.number))
        for row in sheet.rows where row >= 2 {
            let numberCell = Cell(sheet: sheet.name, row: row, column: columns[.number], header: Column.number.header)
            var entry = MeasureEntry(number: "", numberCell: numberCell)
            assessment(sheet, row: row, status: at(.ownStatus), narrative: at(.reply), titles: at(.evidenceTitles), urls: at(.evidenceURLs),
                       reader: reader, into: &entry)
            guard entry.status != nil || entry.narrative != nil || !entry.evidence.isEmpty else { continue }
            entry.number = MonitoringTemplate.number(fromCell: reader.text(sheet, row, columns[.number]!, numberCell))
            let reportCell = Cell(sheet: sheet.name, row: row, column: columns[.report], header: Column.report.header)
            entry.replyTo = ("\(reader.text(sheet, row, columns[.report]!, reportCell))#\(entry.number)", reportCell)
            if assessed.contains(entry.number) {
                reader.problems.add(numberCell, .importMeasureInBothSheets(measure: entry.number, measures: measuresSheet, replies: sheet.name))
                continue
            }
            entries.entries.append(entry)
        }
    }

    private func indicatorLines(_ sheet: XLSXReader.Sheet, reader: CellReader, into lines: inout Lines) {
        typealias Column = MonitoringTemplate.IndicatorColumn
        let columns = Self.columns(sheet, Column.self) { $0.header }
        let needed: [Column] = [.indicator, .date, .value, .unit, .dimension, .group, .note]
        for required in needed where columns[required] == nil {
            reader.problems.add(Cell(sheet: sheet.name, row: 1), .importColumnMissing(header: required.header))
        }
        guard needed.allSatisfy({ columns[$0] != nil }) else { return }
        reader.refuseMerged(sheet, columns: Set(needed.map { columns[$0]! }))
        func cell(_ row: Int, _ column: Column) -> Cell { Cell(sheet: sheet.name, row: row, column: columns[column], header: column.header) }
        func value(_ row: Int, _ column: Column) -> String { reader.text(sheet, row, columns[column]!, cell(row, column)) }
        struct Entry { var row: Int; var indicator: String; var date: String; var breakdown: [(row: Int, dimension: String)] = [] }
        var totals: [Entry] = []
        var breakdowns: [(row: Int, key: String, dimension: String)] = []
        for row in sheet.rows where row >= 2 {
            let amount = value(row, .value), written = value(row, .date)
            let dimension = value(row, .dimension), group = value(row, .group)
            guard !amount.isEmpty || !written.isEmpty || !dimension.isEmpty || !group.isEmpty else { continue }
            let date = Self.date(written)
            if !written.isEmpty && CalendarDate(iso: date) == nil { reader.problems.add(cell(row, .date), .importNotADate(found: written)) }
            if !amount.isEmpty && Money(parsing: amount) == nil { reader.problems.add(cell(row, .value), .importNotANumber(found: amount)) }
            let indicator = MonitoringTemplate.number(fromCell: value(row, .indicator))
            if dimension.isEmpty && group.isEmpty {
                totals.append(Entry(row: row, indicator: indicator, date: date))
            } else if let known = BreakdownDimension.named(dimension) {
                breakdowns.append((row, "\(indicator)|\(date)", known.code))
            } else if dimension.isEmpty {
                reader.problems.add(cell(row, .dimension), .importBreakdownWithoutWhole)
            } else {
                reader.problems.add(cell(row, .dimension), .importUnknownDimension(found: dimension, allowed: BreakdownDimension.all.map(\.ukrainian)))
            }
        }
        for (row, key, dimension) in breakdowns {
            guard let t = totals.firstIndex(where: { "\($0.indicator)|\($0.date)" == key }) else {
                reader.problems.add(cell(row, .dimension), .importBreakdownWithoutWhole)
                continue
            }
            totals[t].breakdown.append((row, dimension))
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
                lines.add("    breakdown:", cell(entry.breakdown[0].row, .dimension))
                for (b, dimension) in entry.breakdown {
                    lines.add("      - dimension: \(dimension)", cell(b, .dimension))
                    lines.add("        group: \(Self.quoted(value(b, .group)))", cell(b, .group))
                    lines.add("        value: \(Self.quoted(value(b, .value)))", cell(b, .value))
                }
            }
        }
    }

    /// Non-empty lines of a cell.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// A date as the YAML wants it: `2025-12-31` as typed, `31.12.2025`, or a spreadsheet date number
    /// (days since 1899-12-30). Anything else is passed on for the caller to explain.
    static func date(_ text: String) -> String {
        if CalendarDate(iso: text) != nil { return text }
        let parts = text.split(separator: ".")
        if parts.count == 3, parts.allSatisfy({ $0.count <= 4 }), let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
           (1000...9999).contains(y), (1...12).contains(m), (1...CalendarDate.daysIn(month: m, year: y)).contains(d) {
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

    /// A YAML double-quoted scalar: backslash, quote and line breaks escaped (control characters never get here).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Reads the cells the importer uses, refusing at the cell what would lose or corrupt data:
/// a formula without a stored value, a control character, merged cells over a read column.
struct CellReader {
    let problems: ReportImport.Problems

    /// The cell's text, trimmed; a formula without a value or a control character is a problem at the cell.
    func text(_ sheet: XLSXReader.Sheet, _ row: Int, _ column: Int, _ cell: ReportImport.Cell) -> String {
        if let formula = sheet.formulasWithoutValue[XLSXReader.Position(row: row, column: column)] {
            problems.add(cell, .importFormulaWithoutValue(formula: formula))
            return ""
        }
        let text = sheet.text(row: row, column: column).trimmingSpacesAndNewlines()
        if let bad = text.unicodeScalars.first(where: CellReader.isControl) {
            problems.add(cell, .importControlCharacter(code: String(format: "U+%04X", bad.value)))
            return ""
        }
        return text
    }

    /// C0 controls other than tab and line breaks, DEL and C1 controls (the XLSX `_x001B_` escape included).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// Merged cells over a read column below the header: only their first cell holds a value.
    func refuseMerged(_ sheet: XLSXReader.Sheet, columns: Set<Int>) {
        for range in sheet.merged where range.bottom >= 2 && range.cellCount > 1 {
            guard let column = columns.sorted().first(where: { range.left <= $0 && $0 <= range.right }) else { continue }
            problems.add(ReportImport.Cell(sheet: sheet.name, row: max(2, range.top), column: column), .importMergedCells(range: range.reference))
        }
    }
}
