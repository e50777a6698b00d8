import Foundation
import Testing
@testable import PlanPressKit

/// The open data: every reconciliation path published, CSV that re-adds to the
/// right sums, exact decimals, a readable and reproducible ZIP.
@Suite struct OpenDataTests {
    /// The invented fixture site (Tests/Fixtures/open-data), built into a temp folder.
    static func fixtureSite() throws -> TestSite { try TestSite(try fixtureFiles()) }

    /// The fixture's content files, path → text, to build variants of it.
    static func fixtureFiles() throws -> [String: String] {
        let root = TestSite.fixtures.appendingPathComponent("open-data/Content")
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) where path.hasSuffix(".yaml") {
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return files
    }

    func data(_ site: TestSite, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: site.output + "/data/" + name)))
    }

    func json(_ site: TestSite, _ name: String) throws -> ExactJSON {
        try ExactJSON.parse(String(decoding: try data(site, name), as: UTF8.self))
    }

    func csv(_ site: TestSite, _ name: String) throws -> CSVReader.Table {
        try #require(CSVReader.table(try data(site, name)))
    }

    /// `scope goal source year: stated / computed (difference) matches rows [measures]`.
    func describe(_ check: ExactJSON) -> String {
        let measures = check["measures"].array.compactMap(\.string).joined(separator: ",")
        return "\(check["scope"].string!) \(check["goal"].string ?? "-") \(check["source"].string!) \(check["year"].int!): "
            + "\(check["stated"].numberText ?? "null") / \(check["computed"].numberText!) (\(check["difference"].numberText!)) "
            + "\(check["matches"].bool! ? "match" : "MISMATCH") \(check["rows"].int!) [\(measures)]"
    }

    // MARK: reconciliation paths, as published

    @Test func everyReconciliationPathIsPublishedWithStatedAndComputedSideBySide() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let budget = try json(site, "money.json")["budget"]
        #expect(budget["checks"].array.map(describe) == [
            // «Місцевий бюджет» in the stated row, «Міський бюджет» in measure 1.1: one source id, they match.
            "goal direction-1 local 2025: 0.3 / 0.3 (0.0) match 2 [1.1,1.2]",
            "goal direction-1 local 2026: 4.0 / 4.0 (0.0) match 2 [1.1,1.2]",
            "goal direction-2 local 2026: 0.0 / 0.0 (0.0) match 0 []",
            // Rows with money in a source the stated block leaves out.
            "goal direction-2 other 2026: null / 3.0 (3.0) MISMATCH 1 [2.1]",
            // 0,1 + 0,2 is exactly the stated 0,3.
            "plan - local 2025: 0.3 / 0.3 (0.0) match 2 [1.1,1.2]",
            // A mismatch for one source and year.
            "plan - local 2026: 10.0 / 4.0 (-6.0) MISMATCH 2 [1.1,1.2]",
            // A stated total with no rows under it (measure 2.1 prints a dash for 2025).
            "plan - other 2025: 7.0 / 0.0 (-7.0) MISMATCH 0 []",
        ])
        #expect(budget["mismatches"].array.map(describe) == budget["checks"].array.filter { $0["matches"].bool == false }.map(describe))
        let planCheck = budget["checks"][5]
        // A stated total points at the published source text's lines (none: this plan cites none), never at
        // a content file the site does not publish.
        #expect(planCheck["source_lines"].array.isEmpty && planCheck["file"].isNull && planCheck["line"].isNull)
        #expect(budget["checks"][0]["source_printed"].string == "Місцевий бюджет")
        #expect(budget["checks"][3]["source_printed"].isNull)
        // The two spellings stay visible on the lines that printed them.
        let measures = try json(site, "money.json")["measures"]
        #expect(measures[0]["funding"]["lines"][0]["source"].string == "local")
        #expect(measures[0]["funding"]["lines"][0]["source_printed"].string == "Міський бюджет")
        #expect(measures[1]["funding"]["lines"][0]["source_printed"].string == "Місцевий бюджет")
    }

    @Test func statedTotalsAndComputedTotalsOfGoalsAndPlan() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let doc = try json(site, "money.json")
        let stated = doc["budget"]["stated_totals"]
        #expect(stated["label"].string == "ВСЬОГО ЗА ПЛАНОМ")
        #expect(stated["lines"][1]["source"].string == "other")
        #expect(stated["lines"][1]["amounts"][0]["amount"].numberText == "7.0")
        let computed = doc["budget"]["computed_totals"]
        #expect(computed["by_year"].array.map { "\($0["year"].int!)=\($0["amount"].numberText!)" } == ["2025=0.3", "2026=7.0"])
        #expect(computed["by_source"].array.map { "\($0["source"].string!)=\($0["amount"].numberText!)" } == ["local=4.3", "other=3.0"])
        #expect(computed["total"].numberText == "7.3")
        #expect(computed["funded_measures"].int == 3)
        let direction2 = doc["goals"][1]
        #expect(direction2["budget"]["stated_totals"]["label"].isNull)
        #expect(direction2["budget"]["computed_totals"]["total"].numberText == "3.0")
        // A dash is no amount, not zero; a year left out is absent.
        let dash = doc["measures"][2]["funding"]["lines"][0]["amounts"][0]
        #expect(dash["year"].int == 2025 && dash["amount"].isNull && dash["dash"].bool == true)
        #expect(doc["measures"].array.map { $0["funding"]["status"].string! }
            == ["stated", "stated", "stated", "not-needed", "within-existing", "not-stated"])
        #expect(try json(site, "words.json")["budget"].isNull)
    }

    @Test func monitoringAndIndicatorsArePublished() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let doc = try json(site, "money.json")
        let monitoring = doc["measures"][0]["monitoring"]
        // Each voice on its own: the fixture's one report is official, so the civil-society voice is null.
        #expect(monitoring["official"]["status"].string == "completed")
        #expect(monitoring["official"]["period"].string == "2025")
        #expect(monitoring["official"]["report"].string == "money-2025")
        #expect(monitoring["official"]["published"].string == "2026-01-20")
        #expect(monitoring["civil_society"].isNull)
        #expect(monitoring["status"].isNull)
        #expect(monitoring["history"][0]["report"].string == "money-2025")
        #expect(monitoring["history"][0]["evidence"][0]["url"].string == "https://example.org/news/1")
        let value = doc["indicators"][0]["values"][0]
        #expect(value["value"].numberText == "120.5")
        #expect(value["breakdown"].array.map { $0["value"].numberText! } == ["70", "50.5"])
        #expect(doc["indicators"][0]["target"]["comparator"].string == "at-least")
        #expect(doc["reports"][0]["title"].string == "Звіт за 2025 рік")
        let executors = doc["executors"].array
        #expect(executors.map { $0["id"].string! } == ["police", "dszn", "oda"])
        #expect(executors[0]["measures"][0]["consent"].bool == true)
        #expect(executors[0]["measures"][0]["position"].int == 1)
    }

    // MARK: CSV

    @Test func csvReadBackReAddsToTheComputedTotals() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let doc = try json(site, "money.json")
        let budget = try csv(site, "money-budget.csv")
        #expect(budget.header == ["plan", "goal", "measure", "source", "source_printed", "source_name", "year", "amount", "unit", "origin", "measure_id"])
        #expect(budget.rows.allSatisfy { $0["origin"] == "stated" })
        var sums: [String: Decimal] = [:]
        for row in budget.rows { sums["\(row["source"]!) \(row["year"]!)", default: 0] += Decimal(string: row["amount"]!)! }
        var expected: [String: Decimal] = [:]
        for entry in doc["budget"]["computed_totals"]["by_source_year"].array {
            expected["\(entry["source"].string!) \(entry["year"].int!)"] = entry["amount"].decimal!
        }
        #expect(sums == expected)
        #expect(sums["local 2025"] == Decimal(string: "0.3"))
        #expect(budget.rows.allSatisfy { $0["unit"] == "тис. грн" })

        let measures = try csv(site, "money-measures.csv")
        #expect(measures.rows.count == 6)
        for year in ["2025", "2026"] {
            let total = measures.column("amount_\(year)").compactMap { Decimal(string: $0) }.reduce(0, +)
            let stated = doc["budget"]["computed_totals"]["by_year"].array.first { $0["year"].int == Int(year) }?["amount"].decimal
            #expect(total == stated, "amount_\(year)")
        }
        #expect(measures.column("amount_total") == ["1.6", "2.7", "3.0", "", "", ""])
        #expect(measures.column("funding_status") == ["stated", "stated", "stated", "not-needed", "within-existing", "not-stated"])
    }

    @Test func measuresCSVHoldsTermsAndStringIDsAndOtherTablesHoldTheLists() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let table = try csv(site, "money-measures.csv")
        let first = table.rows[0]
        #expect(first["id"] == "money/1.1" && first["number"] == "1.1")
        #expect(first["text"] == "Провести навчання, семінари та \"круглі столи\"")
        #expect([first["term_printed"], first["term_kind"], first["term_start"], first["term_end"], first["term_due"]]
            == ["2025", "years", "2025-01", "2025-12", "2025-12-31"])
        #expect(first["status_official"] == "completed" && first["term_passed"] == "false" && first["disputed"] == "false")
        #expect([first["status_official_period"], first["status_official_report"], first["status_official_published"]] == ["2025", "money-2025", "2026-01-20"])
        #expect(first["status_civil_society"] == "" && first["status_civil_society_report"] == "")
        #expect(first["status"] == nil, "no merged status: neither voice stands for the other")
        #expect(first["indicators_printed"] == "охоплено не менше 100 осіб")
        #expect(first["goal_path"] == "Напрям 1" && first["goal_path_ids"] == "direction-1")
        #expect(table.rows[1]["text"] == "Оновити сайт.\nДругий рядок тексту")
        #expect(table.rows[1]["term_kind"] == "quarter" && table.rows[1]["term_start"] == "2026-10")
        // Recurring: a span but no due date.
        #expect(table.rows[2]["term_kind"] == "recurring" && table.rows[2]["term_end"] == "2026-12" && table.rows[2]["term_due"] == "")
        #expect(table.column("term_passed").allSatisfy { $0 == "true" || $0 == "false" })
        #expect(!table.header.contains("overdue"))
        // One row per measure and body, in printed order, with consent.
        let pairs = try csv(site, "money-measure-executors.csv")
        #expect(pairs.header == ["measure_id", "position", "executor", "executor_name", "consent"])
        #expect(pairs.rows.filter { $0["measure_id"] == "money/1.1" }.map { "\($0["position"]!) \($0["executor"]!) \($0["consent"]!)" }
            == ["0 dszn false", "1 police true"])
        #expect(pairs.rows[0]["executor_name"] == "Департамент соціального захисту населення, відділ «Турбота»")
        let executors = try csv(site, "executors.csv")
        let dszn = try #require(executors.rows.first { $0["id"] == "dszn" })
        #expect(dszn["parent"] == "oda" && dszn["measures_without_consent"] == "1")
        let police = try #require(executors.rows.first { $0["id"] == "police" })
        #expect(police["measures_by_consent"] == "1" && police["measures_without_consent"] == "1" && police["measures_named"] == "2")
        let aliases = try csv(site, "executor-aliases.csv")
        #expect(aliases.rows.filter { $0["executor"] == "dszn" }.map { $0["alias"]! } == ["ДСЗН", "соцзахист"])
        // The site-wide measures table: every plan's rows, without the per-plan year columns.
        let all = try csv(site, "measures.csv")
        #expect(all.column("id") == table.column("id") + (try csv(site, "words-measures.csv")).column("id"))
        #expect(!all.header.contains("amount_2025") && all.header.contains("amount_total"))
    }

    @Test func statusesAndIndicatorValuesAreTablesWithOneValuePerCell() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let statuses = try csv(site, "money-statuses.csv")
        #expect(statuses.rows.map { "\($0["report"]!) \($0["measure_id"]!) \($0["voice"]!) \($0["status"]!) \($0["period"]!)" }
            == ["money-2025 money/1.1 official completed 2025"])
        #expect(statuses.rows[0]["narrative"] == "Проведено 4 семінари." && statuses.rows[0]["reporter"] == "Обласна державна адміністрація")
        let evidence = try csv(site, "money-evidence.csv")
        #expect(evidence.rows.map { $0["url"]! } == ["https://example.org/news/1"])
        let values = try csv(site, "money-indicator-values.csv")
        #expect(values.rows.map { "\($0["indicator_id"]!) \($0["date"]!) [\($0["dimension"]!):\($0["group"]!)] \($0["value"]!) \($0["unit"]!) \($0["voice"]!)" }
            == ["money/1.1-1 2025-12-31 [:] 120.5 осіб official", "money/1.1-1 2025-12-31 [sex:жінки] 70 осіб official",
                "money/1.1-1 2025-12-31 [sex:чоловіки] 50.5 осіб official"])
        let reports = try csv(site, "money-reports.csv")
        #expect(reports.rows.map { $0["title"]! } == ["Звіт за 2025 рік"])
        // No cell of any table lists several values on separate lines: only free text (as printed) may hold a line break.
        let freeText: Set<String> = ["text", "narrative", "summary", "result", "title", "responsible_printed", "term_printed",
                                     "funding_printed", "target_printed", "results", "indicators_printed", "note", "name"]
        let names = try FileManager.default.contentsOfDirectory(atPath: site.output + "/data").filter { $0.hasSuffix(".csv") }
        #expect(names.count >= 20)
        for name in names {
            let t = try csv(site, name)
            for column in t.header where !freeText.contains(column) {
                #expect(!t.column(column).contains { $0.contains("\n") }, "\(name): \(column)")
            }
        }
    }

    @Test func ukrainianStatusLabelsAreAcceptedLikeCodesAndMatchTheLocale() throws {
        var files = try Self.fixtureFiles()
        files["reports/money-2025.yaml"] = files["reports/money-2025.yaml"]!.replacingOccurrences(of: "status: completed", with: "status: \"Виконано частково\"")
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(try csv(site, "money-statuses.csv").rows[0]["status"] == "partly-completed")
        let locale = try String(contentsOf: TestSite.repository.appendingPathComponent("Templates/locales/uk.yaml"), encoding: .utf8)
        for status in MeasureStatusValue.allCases {
            #expect(locale.contains("status_\(status.rawValue): \"\(status.ukrainianLabel)\""), "\(status)")
            #expect(MeasureStatusValue(codeOrLabel: " \(status.ukrainianLabel) ") == status && MeasureStatusValue(codeOrLabel: status.rawValue) == status)
        }
        #expect(MeasureStatusValue(codeOrLabel: "зроблено") == nil)
    }

    // MARK: formula injection (issue 15, defect 9)

    @Test func formulaLikeTextGetsAnApostropheButNumbersDoNot() {
        for (raw, written) in [("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"), ("+1+2", "'+1+2"), ("-2+3", "'-2+3"),
                               ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("- пункт", "'- пункт"),
                               ("-6.0", "-6.0"), ("-12", "-12"), ("-0,5", "-0,5"), ("1.1", "1.1"), ("звичайний", "звичайний"), ("", "")] {
            #expect(FormulaGuard.neutralised(raw) == written, "\(raw)")
        }
        var table = CSVTable(header: ["a", "b"])
        table.append(["=1+1", "-6.0"])
        #expect(table.text == "a,b\r\n'=1+1,-6.0\r\n")
        var book = XLSXWriter()
        book.sheets = [.init(name: "s", columns: [.init(header: "a"), .init(header: "n", type: .number)], rows: [["=cmd|' /C calc'!A0", "-6.0"]])]
        let sheet = XLSXWriter.sheetXML(book.sheets[0])
        #expect(sheet.contains("<t xml:space=\"preserve\">'=cmd|' /C calc'!A0</t>"))
        #expect(sheet.contains("<c r=\"B2\"><v>-6.0</v></c>"))
    }

    @Test func formulaInjectionInContentIsNeutralisedInCSVAndXLSX() throws {
        var files = try Self.fixtureFiles()
        files["reports/money-2025.yaml"] = files["reports/money-2025.yaml"]!
            .replacingOccurrences(of: "narrative: \"Проведено 4 семінари.\"", with: "narrative: \"=HYPERLINK(\\\"https://evil.example\\\",\\\"x\\\")\"")
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let raw = String(decoding: try data(site, "money-statuses.csv"), as: UTF8.self)
        #expect(raw.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\""))
        #expect(!raw.contains(",=HYPERLINK") && !raw.contains(",\"=HYPERLINK"))
        let sheets = try ZipArchive.entries(of: try data(site, "money.xlsx"))
        let statuses = try #require(sheets.first { $0.value.count > 0 && String(decoding: $0.value, as: UTF8.self).contains("HYPERLINK") })
        #expect(String(decoding: statuses.value, as: UTF8.self).contains(">'=HYPERLINK("))
    }

    // MARK: schema.json (issue 15, defect 10)

    @Test func schemaStaysValidJSONWithAQuoteInTheBaseURL() throws {
        // `check` now refuses such a base URL (BaseURL.check); the schema encodes its id all the same.
        let text = OpenDataSchema.text(id: "https://example.org/a\"b/data/schema.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["$id"] as? String)?.contains("a\"b") == true)
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build(baseURL: "https://example.org/ab/")
        let package = try #require(try JSONSerialization.jsonObject(with: Data(try data(site, "datapackage.json"))) as? [String: Any])
        #expect((package["resources"] as? [Any])?.isEmpty == false)
    }

    @Test func csvHasABOMAHeaderAndRFC4180Quoting() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["кома, тут", "лапки \"так\""])
        table.append(["рядок\nдругий", " пробіл"])
        table.append(["просто", ""])
        #expect(table.bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(table.text == "a,b\r\n\"кома, тут\",\"лапки \"\"так\"\"\"\r\n\"рядок\nдругий\",\" пробіл\"\r\nпросто,\r\n")
        let back = CSVReader.table(table.bytes)
        #expect(back?.rows.map { [$0["a"]!, $0["b"]!] } == [["кома, тут", "лапки \"так\""], ["рядок\nдругий", " пробіл"], ["просто", ""]])
    }

    @Test func aPlanWithoutMoneyHasNoBudgetTable() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        #expect(site.exists("data/money-budget.csv"))
        #expect(!site.exists("data/words-budget.csv"))
        let words = try csv(site, "words-measures.csv")
        #expect(!words.header.contains { $0.hasPrefix("amount_2") })
        #expect(words.header.contains("amount_total"))
    }

    // MARK: exact decimals

    @Test func moneyIsWrittenFromItsDigitsNeverThroughDouble() throws {
        let big = try #require(Money(parsing: "12 345 678 901 234 567,89"))
        let a = try #require(Money(parsing: "0,1")), b = try #require(Money(parsing: "0,2"))
        #expect(Double("12345678901234567.89")! == 12345678901234568) // what Double would publish
        let sum = a + b
        let doc = JSONValue.object([("big", .decimal(big)), ("sum", .decimal(sum)), ("none", .money(nil)), ("t", .string("a\"\\\n\u{1}"))])
        #expect(doc.serialized() == "{\n  \"big\": 12345678901234567.89,\n  \"sum\": 0.3,\n  \"none\": null,\n  \"t\": \"a\\\"\\\\\\n\\u0001\"\n}\n")
        var table = CSVTable(header: ["amount"])
        table.append([sum.machine])
        table.append([big.machine])
        #expect(table.text == "amount\r\n0.3\r\n12345678901234567.89\r\n")
    }

    // MARK: ZIP

    @Test func theZipIsReadableAndHoldsEveryFile() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let folder = site.output + "/data"
        // Python's zipfile checks every CRC and reads every entry; compare with the files on disk.
        let script = """
        import os, sys, zipfile
        z = zipfile.ZipFile(os.path.join(sys.argv[1], "all.zip"))
        assert z.testzip() is None
        on_disk = sorted(n for n in os.listdir(sys.argv[1]) if n not in ("all.zip", "index.html"))
        assert sorted(z.namelist()) == on_disk, (z.namelist(), on_disk)
        for info in z.infolist():
            assert z.read(info) == open(os.path.join(sys.argv[1], info.filename), "rb").read(), info.filename
            wanted = zipfile.ZIP_STORED if info.filename.endswith(".xlsx") else zipfile.ZIP_DEFLATED
            assert info.compress_type == wanted, info.filename
            assert info.date_time == (1980, 1, 1, 0, 0, 0) and info.external_attr >> 16 == 0o100644, info
        print(len(z.namelist()), sum(i.compress_size for i in z.infolist()) < sum(i.file_size for i in z.infolist()))
        print(" ".join(z.namelist()[:4]))
        """
        let output = try run(["python3", "-c", script, folder])
        #expect(output == """
        45 True
        money.json money-measures.csv money-budget.csv money-goals.csv

        """)
    }

    @Test func openDataIsByteIdenticalAcrossBuilds() throws {
        let site = try Self.fixtureSite()
        defer { site.remove() }
        try site.build()
        let names = try FileManager.default.contentsOfDirectory(atPath: site.output + "/data").sorted()
        let first = try names.map { try data(site, $0) }
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        let second = try names.map { try data(site, $0) }
        #expect(names.contains("all.zip") && names.contains("money.xlsx") && names.contains("money-monitoring-template.xlsx") && names.count == 47)
        for (name, (a, b)) in zip(names, zip(first, second)) { #expect(a == b, "\(name) differs between builds") }
    }

    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments[0]) failed")
        return String(decoding: output, as: UTF8.self)
    }
}

/// The shipped plans' open data: stated and computed totals side by side, CSV that re-adds.
@Suite struct RealOpenDataTests {
    static let exported: (graph: SiteGraph, files: [String: [UInt8]]) = {
        let options = Builder.Options(content: TestSite.repository.appendingPathComponent("Content").path,
                                      templates: TestSite.repository.appendingPathComponent("Templates").path)
        let graph = try! Builder(options: options).check().graph
        let files = OpenDataExport(graph: graph).build().files
        return (graph, Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }))
    }()

    func json(_ plan: String) throws -> ExactJSON {
        try ExactJSON.parse(String(decoding: try #require(Self.exported.files["data/\(plan).json"]), as: UTF8.self))
    }

    @Test func kreminnaPublishesItsRealMismatchNextToTheStatedFigures() throws {
        let budget = try json("kreminna-wps-2020-2022")["budget"]
        let mismatches = budget["mismatches"].array.map {
            "\($0["goal"].string ?? "plan") \($0["source_printed"].string!) \($0["year"].int!): \($0["stated"].numberText!) vs \($0["computed"].numberText!)"
        }
        #expect(mismatches == ["direction-3 Міській бюджет 2022: 2.0 vs 3.0", "plan Міський бюджет 2022: 92.0 vs 93.0"])
        // Every stated figure of the document is published with the computed one beside it.
        let checks = budget["checks"].array
        let graph = Self.exported.graph
        let p = graph.planByID[PlanID("kreminna-wps-2020-2022")]!
        #expect(checks.count == graph.budgetChecks[p].count)
        for (json, check) in zip(checks, graph.budgetChecks[p]) {
            #expect(json["stated"].numberText == check.stated?.machine)
            #expect(json["computed"].numberText == check.computed.machine)
        }
        let statedPlan = budget["stated_totals"]["lines"].array.map { line in
            line["amounts"].array.map { $0["amount"].numberText! }.joined(separator: " ")
        }
        #expect(statedPlan == ["57.0 82.0 92.0", "38.0 31.0 31.0"])
        #expect(budget["computed_totals"]["by_year"].array.map { $0["amount"].numberText! } == ["95.0", "113.0", "124.0"])
    }

    @Test(arguments: ["luhansk-wps-2026-2030", "kreminna-wps-2020-2022", "luhansk-strategy-2027",
                      "luhansk-civil-society-2020", "minreintegration-2024"])
    func csvOfEveryPlanReAddsToTheJSON(plan: String) throws {
        let files = Self.exported.files
        let doc = try json(plan)
        let measuresBytes = try #require(files["data/\(plan)-measures.csv"])
        let measures = try #require(CSVReader.table(measuresBytes))
        #expect(measures.column("number") == doc["measures"].array.map { $0["number"].string! })
        guard !doc["budget"].isNull else {
            #expect(files["data/\(plan)-budget.csv"] == nil)
            return
        }
        let budgetBytes = try #require(files["data/\(plan)-budget.csv"])
        let budget = try #require(CSVReader.table(budgetBytes))
        var sums: [String: Decimal] = [:]
        for row in budget.rows { sums["\(row["source"]!) \(row["year"]!)", default: 0] += Decimal(string: row["amount"]!)! }
        var expected: [String: Decimal] = [:]
        for entry in doc["budget"]["computed_totals"]["by_source_year"].array {
            expected["\(entry["source"].string!) \(entry["year"].int!)"] = entry["amount"].decimal!
        }
        #expect(!sums.isEmpty && sums == expected)
        for entry in doc["budget"]["computed_totals"]["by_year"].array {
            let column = measures.column("amount_\(entry["year"].int!)").compactMap { Decimal(string: $0) }.reduce(0, +)
            #expect(column == entry["amount"].decimal)
        }
    }

    @Test func everyPlanHasItsFilesAndTheArchiveHoldsThemAll() {
        let paths = Set(Self.exported.files.keys)
        for plan in Self.exported.graph.plans.map(\.plan.id.raw) {
            #expect(paths.contains("data/\(plan).json") && paths.contains("data/\(plan)-measures.csv"))
        }
        #expect(paths.isSuperset(of: ["data/executors.csv", "data/schema.json", "data/all.zip", "data/kreminna-wps-2020-2022-budget.csv"]))
        let zip = Self.exported.files["data/all.zip"]!
        let stored = Self.exported.files.filter { $0.key != "data/all.zip" }.values.reduce(0) { $0 + $1.count }
        // Deflated: much smaller than the files together.
        #expect(zip.count < stored / 2)
    }
}
