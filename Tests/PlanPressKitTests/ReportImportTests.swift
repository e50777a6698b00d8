import Foundation
import Testing
@testable import PlanPressKit

/// `planpress import report`: the monitoring template, filled, becomes the same
/// report as the hand-written YAML; problems are named by sheet, row and column.
@Suite struct ReportImportTests {
    /// The open-data fixture without its hand-written report.
    static func siteWithoutReport() throws -> TestSite {
        var files = try OpenDataTests.fixtureFiles()
        files["reports/money-2025.yaml"] = nil
        return try TestSite(files)
    }

    /// The plan's template as the site publishes it, read back and filled in like the fixture's report.
    static func filledTemplate(_ site: TestSite, edit: (inout [XLSXWriter.Sheet]) -> Void = { _ in }) throws -> String {
        try site.build()
        let published = try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/money-monitoring-template.xlsx"))
        let template = try XLSXReader(bytes: Array(published))
        #expect(template.sheets.map(\.name) == ["Звіт", "Заходи", "Показники"])
        // Rebuild the workbook from what was read, with the monitor's answers written in.
        var sheets = template.sheets.map { sheet -> XLSXWriter.Sheet in
            let width = (sheet.cells[1]?.keys.max() ?? 0) + 1
            let rows = (1...max(1, sheet.lastRow)).map { r in (0..<width).map { sheet.text(row: r, column: $0) } }
            return XLSXWriter.Sheet(name: sheet.name, columns: rows[0].map { .init(header: $0) }, rows: Array(rows.dropFirst()))
        }
        sheets[0].rows[1][2] = "Звіт за 2025 рік"
        let m = try #require(sheets[1].rows.firstIndex { $0[0] == "1.1" })
        sheets[1].rows[m][4] = "виконано"
        sheets[1].rows[m][5] = "Проведено 4 семінари."
        sheets[1].rows[m][6] = "Новина на сайті"
        sheets[1].rows[m][7] = "https://example.org/news/1"
        let i = try #require(sheets[2].rows.firstIndex { $0[0] == "[1.1-1]" })
        sheets[2].rows[i][3] = "2025-12-31"
        sheets[2].rows[i][4] = "120,5"
        sheets[2].rows[i][5] = "осіб"
        sheets[2].rows.append(["1.1-1", "", "", "31.12.2025", "70", "осіб", "sex", "жінки", ""])
        sheets[2].rows.append(["1.1-1", "", "", "46022", "50.5", "осіб", "sex", "чоловіки", ""]) // 46022: 2025-12-31 as a spreadsheet date
        edit(&sheets)
        let path = site.root.appendingPathComponent("filled.xlsx").path
        try Data(try XLSXWriter(sheets: sheets).bytes()).write(to: URL(fileURLWithPath: path))
        return path
    }

    func options(_ site: TestSite, _ workbook: String, id: String? = "money-2025", language: MessageLanguage = .en) -> ReportImport.Options {
        var options = ReportImport.Options(workbook: workbook, content: site.content, templates: site.templates, reporter: "Обласна державна адміністрація",
                                           voice: .official, executor: "oda", period: "2025", published: CalendarDate(year: 2026, month: 1, day: 20), id: id)
        options.language = language
        return options
    }

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
        #expect(yaml.contains("status: \"виконано\"") && yaml.contains("date: 2025-12-31"))
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: original.output).filter { $0.hasSuffix(".html") || $0.hasSuffix(".csv") || $0.hasSuffix(".json") }
        #expect(pages.count > 30)
        for page in pages {
            #expect(try original.page(page) == site.page(page), "\(page) differs")
        }
    }

    @Test func problemsAreNamedBySheetRowAndColumnAndNothingIsKept() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.filledTemplate(site) { sheets in
            sheets[1].rows[1][4] = "зроблено"          // row 3: measure 1.2
            sheets[1].rows[2][0] = "9.9"               // row 4: no such measure
            sheets[1].rows[2][4] = "виконано"
            sheets[2].rows[0][4] = "багато"            // row 2: not a number
        }
        let outcome = try ReportImport(options: options(site, workbook)).run()
        #expect(outcome.path == nil)
        let mine = outcome.messages.filter { $0.hasPrefix("filled.xlsx") }
        #expect(mine.count == 3)
        #expect(mine.contains { $0.hasPrefix("filled.xlsx: Заходи, row 3, column E («Статус»): error: status 'зроблено' of measure 1.2 is not in the vocabulary") })
        #expect(mine.contains { $0.hasPrefix("filled.xlsx: Заходи, row 4, column A («№»): error: report gives a status for measure 9.9") })
        #expect(mine.contains { $0.hasPrefix("filled.xlsx: Показники, row 2, column E («Значення»): error: 'value' of indicator entry must be a number") })
        #expect(!FileManager.default.fileExists(atPath: site.content + "/reports/money-2025.yaml"))
    }

    @Test func aMissingColumnIsNamed() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.filledTemplate(site) { sheets in sheets[1].columns[4].header = "Стан" }
        let outcome = try ReportImport(options: options(site, workbook)).run()
        #expect(outcome.path == nil && outcome.messages == [
            "filled.xlsx: Заходи, row 1: error: column «Статус» is missing from the header row; start from the plan's monitoring template",
        ])        // Ukrainian by default (`planpress import report` without --lang): the cell and the message both.
        let ukrainian = try ReportImport(options: options(site, workbook, language: .uk)).run()
        #expect(ukrainian.messages == [
            "filled.xlsx: Заходи, рядок 1: помилка: у рядку заголовків немає стовпця «Статус»; почніть із шаблону моніторингу плану",
        ])
    }

    @Test func anExistingReportIsNeverOverwritten() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let workbook = try Self.filledTemplate(site)
        try site.write("reports/money-2025.yaml", "# mine\n")
        let outcome = try ReportImport(options: options(site, workbook)).run()
        #expect(outcome.path == nil && outcome.messages.first?.contains("already exists and is not overwritten") == true)
        #expect(try String(contentsOfFile: site.content + "/reports/money-2025.yaml", encoding: .utf8) == "# mine\n")
    }

    @Test func notATemplateIsExplained() throws {
        let site = try Self.siteWithoutReport()
        defer { site.remove() }
        let path = site.root.appendingPathComponent("other.xlsx").path
        try Data(try XLSXWriter(sheets: [.init(name: "Аркуш1", columns: [.init(header: "a")])]).bytes()).write(to: URL(fileURLWithPath: path))
        let outcome = try ReportImport(options: options(site, path)).run()
        #expect(outcome.path == nil && outcome.messages == [
            "other.xlsx: error: the workbook has no sheets «Звіт» and «Заходи» (found «Аркуш1»); start from the monitoring template of the plan (/data/<plan>-monitoring-template.xlsx)",
        ])
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ReportImport(options: options(site, path)).run().messages == ["other.xlsx: error: not an XLSX workbook (the file is not a readable ZIP archive)"])
    }

    @Test func theTemplateRestrictsTheStatusToTheUkrainianLabelsAndKeepsNumbersAsText() throws {
        let site = try OpenDataTests.fixtureSite()
        defer { site.remove() }
        try site.build()
        let parts = try ZipArchive.entries(of: Array(try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/money-monitoring-template.xlsx"))))
        let measures = String(decoding: try #require(parts["xl/worksheets/sheet2.xml"]), as: UTF8.self)
        #expect(measures.contains("<dataValidation type=\"list\" allowBlank=\"1\""))
        #expect(measures.contains("sqref=\"E2:E7\"><formula1>\"не розпочато,виконується,виконано,виконано частково,не виконано,немає інформації\"</formula1>"))
        #expect(measures.contains("<c r=\"A2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">1.1</t></is></c>"))
        // Same bytes on every build.
        let first = try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/money.xlsx"))
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/money.xlsx")) == first)
    }

    @Test func datesFromSpreadsheetsAndCellReferences() {
        #expect(ReportImport.date("46022") == "2025-12-31")
        #expect(ReportImport.date("25569") == "1970-01-01")
        #expect(ReportImport.date("31.12.2025") == "2025-12-31")
        #expect(ReportImport.date("2025-12-31") == "2025-12-31")
        #expect(ReportImport.date("вчора") == "вчора")
        #expect(XLSXReader.position("AB12")! == (12, 27))
        #expect(XLSXWriter.columnName(27) == "AB")
        #expect(XLSXReader.unescape("a_x000B_b") == "a\u{0B}b")
        #expect(ReportImport.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }
}
