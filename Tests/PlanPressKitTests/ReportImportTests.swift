import Foundation
import Testing
@testable import PlanPressKit

/// `planpress import report`: the monitoring template, filled, becomes the same
/// report as the hand-written YAML; every problem is named by sheet, row and
/// column in the spreadsheet's own words, and a workbook or a site with any
/// problem leaves `Content/` as it was (no file, `path == nil`: the command
/// then exits non-zero).
@Suite struct ReportImportTests {
    /// The open-data fixture without its hand-written report.
    static func siteWithoutReport() throws -> TestSite {
        var files = try OpenDataTests.fixtureFiles()
        files["reports/money-2025.yaml"] = nil
        return try TestSite(files)
    }

    /// The plan's template as the site publishes it, read back into sheets that can be edited.
    static func templateSheets(_ site: TestSite) throws -> [XLSXWriter.Sheet] {
        try site.build()
        let template = try XLSXReader(file: site.output + "/data/money-monitoring-template.xlsx")
        #expect(template.sheets.map(\.name) == ["Звіт", "Заходи", "Показники", "Відповіді"])
        return template.sheets.map { sheet -> XLSXWriter.Sheet in
            let width = (sheet.cells[1]?.keys.max() ?? 0) + 1
            let rows = (1...max(1, sheet.lastRow)).map { r in (0..<width).map { sheet.text(row: r, column: $0) } }
            return XLSXWriter.Sheet(name: sheet.name, columns: rows[0].map { .init(header: $0) }, rows: Array(rows.dropFirst()))
        }
    }

    /// The row of the «Звіт» sheet (in `rows`, header excluded) that holds `key`.
    static func aboutRow(_ key: String) -> Int { MonitoringTemplate.aboutKeys.firstIndex(of: key)! }

    static func write(_ site: TestSite, _ sheets: [XLSXWriter.Sheet], name: String = "filled.xlsx") throws -> String {
        let path = site.root.appendingPathComponent(name).path
        try Data(try XLSXWriter(sheets: sheets).bytes()).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The template filled in like the fixture's report.
    static func filledTemplate(_ site: TestSite, edit: (inout [XLSXWriter.Sheet]) -> Void = { _ in }) throws -> String {
        var sheets = try templateSheets(site)
        sheets[0].rows[aboutRow("title")][2] = "Звіт за 2025 рік"
        let m = try #require(sheets[1].rows.firstIndex { $0[0] == "1.1" })
        sheets[1].rows[m][4] = "виконано"
        sheets[1].rows[m][5] = "Проведено 4 семінари."
        sheets[1].rows[m][6] = "Новина на сайті"
        sheets[1].rows[m][7] = "https://example.org/news/1"
        // The template writes the site-assigned number in brackets; typed without them it reads the same.
        let i = try #require(sheets[2].rows.firstIndex { $0[0] == "[1.1-1]" })
        #expect(sheets[2].rows[i][3] == "осіб", "the template shows the target's unit")
        sheets[2].rows[i][4] = "2025-12-31"
        sheets[2].rows[i][5] = "120,5"
        sheets[2].rows[i][6] = "осіб"
        sheets[2].rows.append(["1.1-1", "", "", "", "31.12.2025", "70", "осіб", "стать", "жінки", ""])
        sheets[2].rows.append(["1.1-1", "", "", "", "46022", "50.5", "осіб", "sex", "чоловіки", ""]) // 46022: 2025-12-31 as a spreadsheet date
        edit(&sheets)
        return try write(site, sheets)
    }

    func options(_ site: TestSite, _ workbook: String, id: String? = "money-2025", language: MessageLanguage = .en) -> ReportImport.Options {
        var options = ReportImport.Options(workbook: workbook, content: site.content, templates: site.templates, reporter: "Обласна державна адміністрація",
                                           voice: "official", executor: "oda", period: "2025", published: "2026-01-20", id: id)
        options.language = language
        return options
    }

    /// Every file under `Content/`, with its bytes: what an import that fails must leave as it was.
    static func snapshot(_ site: TestSite) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: site.content) ?? [] {
            out[path] = FileManager.default.contents(atPath: site.content + "/" + path) ?? Data()
        }
        return out
    }

    /// Runs the import and requires that it wrote nothing: no path, at least one error, `Content/` unchanged.
    func refused(_ site: TestSite, _ options: ReportImport.Options) throws -> [String] {
        let before = Self.snapshot(site)
        let outcome = try ReportImport(options: options).run()
        #expect(outcome.path == nil && outcome.errors > 0, "\(outcome.messages)")
        #expect(Self.snapshot(site) == before, "an import that fails leaves Content/ as it was")
        return outcome.messages
    }

    // MARK: the template, filled

    @Test func aFilledTemplateGivesTheSamePagesAsTheHandWrittenReport() throws {
        let original = try OpenDataTests.fixtureSite()
        defer { original.remove() }
        try original.build()
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let outcome = try ReportImport(options: options(site, try Self.filledTemplate(site))).run()
        #expect(outcome.errors == 0, "\(outcome.messages)")
        let path = try #require(outcome.path)
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(yaml.contains("status: \"виконано\"") && yaml.contains("date: 2025-12-31") && yaml.contains("- dimension: sex"))
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: original.output)
            .filter { ($0.hasSuffix(".html") || $0.hasSuffix(".csv") || $0.hasSuffix(".json")) && !$0.hasPrefix("search/") }
        #expect(pages.count > 30)
        for page in pages {
            #expect(try original.page(page) == site.page(page), "\(page) differs")
        }
    }

    @Test func theTemplateSaysWhoWhenAndWhereToSendIt() throws {
        let site = try OpenDataTests.fixtureSite()
        defer { site.remove() }
        let sheets = try Self.templateSheets(site)
        let about = sheets[0].rows
        #expect(about.map { $0[0] }.prefix(9) == ["plan", "reporter", "voice", "executor", "period", "published", "title", "summary", "methodology"])
        let send = try #require(about.first { $0[1] == "Куди надіслати" })
        #expect(send[2] == "Надішліть заповнений файл тим, хто веде сайт «Тестовий сайт» (https://example.org/plany/)")
        #expect(about.contains { $0[1] == "Назва файлу" && $0[2].contains("money-2026-H1-koalitsiia.xlsx") })
        // The indicators sheet shows each target and its unit; the replies sheet lists every published assessment.
        #expect(sheets[2].columns.map(\.header).prefix(4) == ["Показник", "Текст показника", "Цільове значення", "Одиниця цілі"])
        #expect(sheets[3].rows.first?.prefix(5) == ["money-2025", "1.1", "Обласна державна адміністрація", "2025", "виконано"])
        let parts = try ZipArchive.entries(of: Array(try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/money-monitoring-template.xlsx"))))
        let first = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(first.contains("sqref=\"C4:C4\"><formula1>\"громадський моніторинг,офіційний звіт\"</formula1>"))
        let indicators = String(decoding: try #require(parts["xl/worksheets/sheet3.xml"]), as: UTF8.self)
        #expect(indicators.contains("<formula1>\"стать,вік,місцевість,район,громада,інвалідність,статус ВПО,статус ветерана\"</formula1>"))
        // With `report_contact`, the template names it.
        var files = try OpenDataTests.fixtureFiles()
        files["site.yaml"]! += "\nreport_contact: \"monitoring@example.org\"\n"
        let other = try TestSite(files)
        defer { other.remove() }
        #expect(try Self.templateSheets(other)[0].rows.first { $0[1] == "Куди надіслати" }?[2] == "Надішліть заповнений файл: monitoring@example.org")
    }

    @Test func theFirstSheetFillsTheReportAndTwoOrganisationsGetTwoFiles() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        func workbook(_ reporter: String, name: String) throws -> String {
            var sheets = try Self.templateSheets(site)
            sheets[0].rows[Self.aboutRow("reporter")][2] = reporter
            sheets[0].rows[Self.aboutRow("voice")][2] = "громадський моніторинг"
            sheets[0].rows[Self.aboutRow("period")][2] = "2025"
            sheets[0].rows[Self.aboutRow("published")][2] = "20.01.2026"
            sheets[1].rows[0][4] = "виконується"
            return try Self.write(site, sheets, name: name)
        }
        var bare = ReportImport.Options(workbook: try workbook("Коаліція 1325", name: "a.xlsx"), content: site.content, templates: site.templates)
        bare.language = .en
        let first = try ReportImport(options: bare).run()
        #expect(first.path?.hasSuffix("/reports/money-2025-civil-society-koalitsiia-1325.yaml") == true, "\(first.messages)")
        let yaml = try String(contentsOfFile: try #require(first.path), encoding: .utf8)
        #expect(yaml.contains("kind: civil-society") && yaml.contains("name: \"Коаліція 1325\"") && yaml.contains("published: 2026-01-20"))
        bare.workbook = try workbook("Ла Страда-Україна", name: "b.xlsx")
        #expect(try ReportImport(options: bare).run().path?.hasSuffix("/reports/money-2025-civil-society-la-strada-ukraina.yaml") == true)
        // A command-line value that contradicts the sheet is refused at the cell.
        bare.period = "2026"
        let messages = try refused(site, bare)
        #expect(messages.contains("b.xlsx: Звіт, row 6, column C («Значення»): error: «period» is «2025» in the template but --period says «2026»: keep one or make them agree"))
    }

    // MARK: replies

    @Test func aReplyFromTheRepliesSheetIsItsOwnReportNotASecondOne() throws {
        let site = try OpenDataTests.fixtureSite()
        defer { site.remove() }
        var options = options(site, "", id: nil)
        options.reporter = "Коаліція 1325"
        options.voice = "civil-society"
        options.executor = nil
        options.published = "2026-02-01"
        // The coalition's own assessment of 2025 first …
        options.workbook = try Self.filledTemplate(site) { sheets in sheets[2].rows.removeAll() }
        let assessment = try ReportImport(options: options).run()
        #expect(assessment.errors == 0, "\(assessment.messages)")
        // … then a reply to the ODA's assessment of 1.1: the same reporter and period, and not refused.
        var sheets = try Self.templateSheets(site)
        let row = try #require(sheets[3].rows.firstIndex { $0[0] == "money-2025" && $0[1] == "1.1" })
        sheets[3].rows[row][5] = "Семінарів було три, не чотири."
        sheets[3].rows[row][7] = "https://example.org/foto"
        options.workbook = try Self.write(site, sheets, name: "reply.xlsx")
        let reply = try ReportImport(options: options).run()
        #expect(reply.errors == 0, "\(reply.messages)")
        let path = try #require(reply.path)
        #expect(path.hasSuffix("/reports/money-2025-civil-society-koalitsiia-1325-replies.yaml"))
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        #expect(yaml.contains("reply_to: \"money-2025#1.1\"") && !yaml.contains("status:"))
        try site.build()
        let page = try site.page("plans/money/measures/1.1/index.html")
        #expect(page.contains("Семінарів було три, не чотири."))
        // Filling a measure on both sheets is one entry too many.
        sheets[1].rows[0][4] = "виконано"
        options.workbook = try Self.write(site, sheets, name: "both.xlsx")
        options.id = "both"
        let messages = try refused(site, options)
        #expect(messages.contains { $0.hasPrefix("both.xlsx: Відповіді, row \(row + 2), column B («№»): error: measure 1.1 is filled in on both «Заходи» and «Відповіді»") })
    }

    // MARK: every problem at its cell, nothing written

    @Test func problemsAreNamedBySheetRowAndColumnInTheSpreadsheetsWords() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.filledTemplate(site) { sheets in
            sheets[1].rows[1][4] = "зроблено"          // row 3: measure 1.2
            sheets[2].rows[0][5] = "багато"            // row 2: not a number
            sheets[2].rows.append(["1.1-1", "", "", "", "вчора", "1", "осіб", "", "", ""])              // row 5: not a date
            sheets[2].rows.append(["1.1-1", "", "", "", "2025-12-31", "5", "осіб", "ґендер", "жінки", ""]) // row 6: not a dimension
        }
        let messages = try refused(site, options(site, workbook))
        #expect(messages == [
            "filled.xlsx: Заходи, row 3, column E («Статус»): error: status «зроблено» is not in the list; pick one of: «не розпочато», «виконується», «виконано», «виконано частково», «не виконано», «немає інформації»",
            "filled.xlsx: Показники, row 2, column F («Значення»): error: «багато» is not a number; write a number such as 12, 3,5 or 1 234,5",
            "filled.xlsx: Показники, row 5, column E («Дата (РРРР-ММ-ДД)»): error: «вчора» is not a date; write it as 2026-06-30 or 30.06.2026, or pick a date in the spreadsheet",
            "filled.xlsx: Показники, row 6, column H («Розріз (стать, вік …)»): error: breakdown «ґендер» is not in the list; pick one of: «стать», «вік», «місцевість», «район», «громада», «інвалідність», «статус ВПО», «статус ветерана»",
        ])
        // A measure the plan does not have: `check`'s own message, at the number's cell.
        let unknown = try Self.filledTemplate(site) { sheets in sheets[1].rows[2][0] = "9.9"; sheets[1].rows[2][4] = "виконано" }
        #expect(try refused(site, options(site, unknown)).contains { $0.hasPrefix("filled.xlsx: Заходи, row 4, column A («№»): error: report gives a status for measure 9.9") })
    }

    @Test func aMissingColumnIsNamed() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.filledTemplate(site) { sheets in sheets[1].columns[4].header = "Стан" }
        #expect(try refused(site, options(site, workbook)) == [
            "filled.xlsx: Заходи, row 1: error: column «Статус» is missing from the header row; start from the plan's monitoring template",
        ])
        // Ukrainian by default (`planpress import report` without --lang): the cell and the message both.
        #expect(try refused(site, options(site, workbook, language: .uk)) == [
            "filled.xlsx: Заходи, рядок 1: помилка: у рядку заголовків немає стовпця «Статус»; почніть із шаблону моніторингу плану",
        ])
    }

    @Test func anUnknownVoiceIsAnsweredInUkrainian() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        var options = options(site, try Self.filledTemplate(site), language: .uk)
        options.voice = "ngo"
        #expect(try refused(site, options) == [
            "filled.xlsx: помилка: голос 'ngo' невідомий; можливі: official, civil-society, громадський моніторинг, офіційний звіт",
        ])
    }

    /// The template's sheets as ZIP parts, edited as text and packed again.
    static func editedParts(_ site: TestSite, _ edit: (inout [String: String]) -> Void) throws -> String {
        let path = try filledTemplate(site)
        var parts = try ZipArchive.entries(of: Array(try Data(contentsOf: URL(fileURLWithPath: path)))).mapValues { String(decoding: $0, as: UTF8.self) }
        edit(&parts)
        var zip = ZipArchive()
        for name in parts.keys.sorted() { zip.add(name, parts[name]!) }
        try Data(try zip.bytes()).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func mergedCellsOverAReadColumnAreRefusedNotLost() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.editedParts(site) { parts in
            parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"]!
                .replacingOccurrences(of: "</sheetData>", with: "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"E2:E4\"/></mergeCells>")
        }
        #expect(try refused(site, options(site, workbook)) == [
            "filled.xlsx: Заходи, row 2, column E: error: cells E2:E4 are merged, so only the first holds a value and the other rows would be lost: unmerge them and fill in each row",
        ])
    }

    @Test func aFormulaWithoutAStoredValueIsRefusedAtItsCell() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.editedParts(site) { parts in
            let sheet = parts["xl/worksheets/sheet3.xml"]!
            let cell = try! #require(sheet.range(of: #"<c r="F2"[^>]*>.*?</c>"#, options: .regularExpression))
            parts["xl/worksheets/sheet3.xml"] = sheet.replacingCharacters(in: cell, with: "<c r=\"F2\"><f>SUM(G2:G3)</f></c>")
        }
        #expect(try refused(site, options(site, workbook)) == [
            "filled.xlsx: Показники, row 2, column F («Значення»): error: the cell holds formula «SUM(G2:G3)» without a computed value: open the file in LibreOffice or Excel and save it again, or type the value itself",
        ])
    }

    @Test func controlCharactersAreRefusedEvenAsTheXLSXEscape() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.editedParts(site) { parts in
            parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"]!
                .replacingOccurrences(of: "Проведено 4 семінари.", with: "Проведено_x001B_]0;PWNED_x0007_")
        }
        #expect(try refused(site, options(site, workbook)) == [
            "filled.xlsx: Заходи, row 2, column F («Опис виконання»): error: the text holds control character U+001B (invisible, it cannot be published): remove it from the cell",
        ])
    }

    @Test func malformedXMLNamesTheSheet() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.editedParts(site) { parts in
            parts["xl/worksheets/sheet2.xml"] = String(parts["xl/worksheets/sheet2.xml"]!.dropLast(40))
        }
        let messages = try refused(site, options(site, workbook))
        #expect(messages.count == 1 && messages[0].hasPrefix("filled.xlsx: error: sheet «Заходи» is not readable XML (line "))
    }

    // MARK: writing: nothing outside reports/, never over a file, one of two at once

    @Test func anExistingReportOrASymlinkInItsPlaceIsNeverReplaced() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.filledTemplate(site)
        try site.write("reports/money-2025.yaml", "# mine\n")
        #expect(try refused(site, options(site, workbook)).first?.contains("already exists and is not overwritten") == true)
        #expect(try String(contentsOfFile: site.content + "/reports/money-2025.yaml", encoding: .utf8) == "# mine\n")
        // A dangling symlink with the target's name: not followed, not replaced.
        let outside = site.root.appendingPathComponent("outside.yaml").path
        try FileManager.default.createSymbolicLink(atPath: site.content + "/reports/linked.yaml", withDestinationPath: outside)
        #expect(try refused(site, options(site, workbook, id: "linked")).first?.contains("already exists and is not overwritten") == true)
        #expect(!FileManager.default.fileExists(atPath: outside))
    }

    @Test(arguments: ["../../../../tmp/planpress-escape", "../updates/x", "2026/x", "Coalition", "-x", "a--b", String(repeating: "a", count: 101), ""])
    func idsAreSlugsAndStayInReports(id: String) throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let messages = try refused(site, options(site, try Self.filledTemplate(site), id: id))
        #expect(messages == ["filled.xlsx: error: report name '\(id)' is not usable: only lowercase Latin letters, digits and hyphens (up to 100), like coalition-2026-h1; a report is written only into Content/reports/"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/planpress-escape.yaml"))
    }

    @Test(arguments: ["aaa", "zzz"])
    func aReportThatClashesWritesNothingWhateverItsName(id: String) throws {
        let site = try OpenDataTests.fixtureSite()
        defer { site.remove() }
        // The ODA already reported on 2025 (money-2025.yaml): a second account of the period, named before or after it.
        let messages = try refused(site, options(site, try Self.filledTemplate(site), id: id))
        #expect(messages.contains { $0.contains("two reports by 'Обласна державна адміністрація' cover plan 'money' for 2025") })
        #expect(messages.last == "filled.xlsx: error: with this report the site would fail `check` (1 error(s)): nothing was written")
    }

    @Test func twoImportsOfOneReportAtOnceWriteItOnce() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let options = options(site, try Self.filledTemplate(site))
        let outcomes = LockedBox<[ReportImport.Outcome]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let outcome = try! ReportImport(options: options).run()
            outcomes.mutate { $0.append(outcome) }
        }
        let written = outcomes.value.filter { $0.path != nil }
        #expect(written.count == 1)
        let other = try #require(outcomes.value.first { $0.path == nil })
        #expect(other.messages.first?.contains("already exists and is not overwritten") == true)
    }

    // MARK: bounds

    /// A workbook of the template's parts with one sheet's XML replaced.
    func workbook(_ site: TestSite, sheet: String = "xl/worksheets/sheet2.xml", xml: String) throws -> String {
        try Self.editedParts(site) { parts in parts[sheet] = xml }
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#

    @Test(arguments: ["E99999999999", "ABCDEFGHIJKLMNOPQRSTUVWXYZAB1", "E9223372036854775807", "E0", "XFE1"])
    func impossibleCellReferencesAreRefused(reference: String) throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let xml = Self.header + "<row r=\"1\"><c r=\"\(reference)\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>"
        #expect(try refused(site, options(site, try workbook(site, xml: xml)))
            == ["filled.xlsx: error: sheet «Заходи»: cell reference «\(reference)» is impossible (at most 1,048,576 rows and columns up to XFD): the file is damaged, save the spreadsheet again"])
    }

    @Test func deepNestingIsRefusedWithoutRecursion() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let xml = Self.header + String(repeating: "<a>", count: 200_000) + String(repeating: "</a>", count: 200_000) + "</sheetData></worksheet>"
        var options = options(site, try workbook(site, xml: xml))
        options.limits.archive.ratio = 100_000 // it compresses ~800 times: the ratio would refuse it first
        #expect(try refused(site, options)
            == ["filled.xlsx: error: sheet «Заходи» nests more than 32 levels deep, which no spreadsheet does; save the spreadsheet again"])
    }

    @Test func rowsColumnsAndTextAreBounded() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        var limits = XLSXReader.Limits()
        limits.rows = 50
        let rows = (1...51).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        var options = options(site, try workbook(site, xml: Self.header + rows + "</sheetData></worksheet>"))
        options.limits = limits
        #expect(try refused(site, options) == ["filled.xlsx: error: sheet «Заходи» has more than 50 rows; no plan's template has so many — remove the extra rows"])
        let wide = Self.header + "<row r=\"2\"><c r=\"IW2\"><v>1</v></c></row></sheetData></worksheet>"
        #expect(try refused(site, self.options(site, try workbook(site, xml: wide)))
            == ["filled.xlsx: error: sheet «Заходи»: cell IW2 lies beyond column 256; the template has no such columns — remove them"])
        let long = Self.header + "<row r=\"2\"><c r=\"F2\" t=\"inlineStr\"><is><t>" + String(repeating: "я", count: 32_768) + "</t></is></c></row></sheetData></worksheet>"
        #expect(try refused(site, self.options(site, try workbook(site, xml: long)))
            == ["filled.xlsx: error: sheet «Заходи», cell F2: the text is longer than 32767 characters (more than a spreadsheet cell holds)"])
    }

    @Test func aPartThatUnpacksTooFarIsRefusedWhileUnpacking() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        var limits = XLSXReader.Limits()
        limits.archive.entryBytes = 1 << 20
        // 2 MB of one repeated row: past a limit of 1 MB, and compressed ~500 times.
        let row = "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
        let xml = Self.header + String(repeating: row, count: (2 << 20) / row.utf8.count) + "</sheetData></worksheet>"
        var options = options(site, try workbook(site, xml: xml))
        options.limits = limits
        #expect(try refused(site, options) == ["filled.xlsx: error: sheet «Заходи» unpacks to more than 1 MB: this is not a filled template (or it is damaged); nothing further was read"])
        // Within the size but compressed beyond the ratio.
        limits.archive.entryBytes = 64 << 20
        options.limits = limits
        #expect(try refused(site, options) == ["filled.xlsx: error: sheet «Заходи» is compressed more than 200 times, as in a zip bomb, not a spreadsheet; reading stopped. Save the spreadsheet again"])
        // A document type declaration (where entity bombs live) is refused before parsing.
        let doctype = #"<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>"#
        #expect(try refused(site, self.options(site, try workbook(site, xml: doctype)))
            == ["filled.xlsx: error: sheet «Заходи» is not readable XML (line 1: a DOCTYPE declaration): save the spreadsheet again as .xlsx"])
    }

    @Test func anUnusedPartIsNeverUnpacked() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        var limits = XLSXReader.Limits()
        limits.archive.entryBytes = 1 << 20
        let path = try Self.editedParts(site) { parts in parts["xl/media/unused.bin"] = String(repeating: "0", count: 8 << 20) }
        var options = options(site, path)
        options.limits = limits
        let outcome = try ReportImport(options: options).run()
        #expect(outcome.errors == 0 && outcome.path != nil, "\(outcome.messages)")
    }

    @Test func anArchiveRefusedAsAWholeNamesTheFile() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        var options = options(site, try Self.filledTemplate(site))
        options.limits.archive.archiveBytes = 2 << 10
        #expect(try refused(site, options) == ["error: filled.xlsx: the file is larger than 2 KB, the limit for a document; if it holds many photos, save a copy without them"])
    }

    @Test func datesFromSpreadsheetsAndCellReferences() {
        #expect(ReportImport.date("46022") == "2025-12-31")
        #expect(ReportImport.date("25569") == "1970-01-01")
        #expect(ReportImport.date("31.12.2025") == "2025-12-31")
        #expect(ReportImport.date("31.02.2025") == "31.02.2025")
        #expect(ReportImport.date("2025-12-31") == "2025-12-31")
        #expect(ReportImport.date("вчора") == "вчора")
        #expect(XLSXReader.position("AB12")! == (12, 27))
        #expect(XLSXReader.position("XFD1048576")! == (1_048_576, 16_383))
        #expect(XLSXReader.position("XFD1048577") == nil && XLSXReader.position("E9223372036854775807") == nil)
        #expect(XLSXWriter.columnName(27) == "AB")
        #expect(XLSXReader.unescape("a_x000B_b") == "a\u{0B}b")
        #expect(ReportImport.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(ReportImport.defaultID(plan: "money", period: "2026-H1", voice: .civilSociety, reporter: "Коаліція 1325", replyOnly: false)
            == "money-2026-h1-civil-society-koalitsiia-1325")
    }
}

/// A value shared between threads of a test.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ change: (inout T) -> Void) { lock.lock(); defer { lock.unlock() }; change(&stored) }
}
