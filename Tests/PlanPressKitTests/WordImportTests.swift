import Foundation
import Testing
@testable import PlanPressKit

/// `planpress import plan` on the small checked-in Word fixtures (`Tests/Fixtures/word/`, made by
/// `python3 tests/e2e/word_fixtures.py --unit`): the table as Word holds it (merges, spans,
/// automatic numbers, tracked changes, fields), the money, the stamp, the review list, bad input.
/// The four shipped layouts are compared with the shipped plans in tests/e2e/test_import_plan.py.
@Suite struct WordImportTests {
    static let fixtures = TestSite.fixtures.appendingPathComponent("word")

    struct Imported {
        var site: TestSite
        var outcome: PlanImport.Outcome
        var plan: Plan
        var source: [String]
        var review: String
    }

    static func importFixture(_ name: String, id: String, files: [String: String] = [:]) throws -> Imported {
        let site = try TestSite(files)
        var options = PlanImport.Options(file: fixtures.appendingPathComponent(name).path, id: id, content: site.content, templates: site.templates)
        options.language = .uk
        let outcome = PlanImport(options: options).run()
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let (loaded, diagnostics) = ContentLoader.load(from: site.content)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let plan = try #require(loaded?.plans.first { $0.id.raw == id })
        let source = try String(contentsOfFile: site.content + "/sources/\(id).txt", encoding: .utf8).components(separatedBy: "\n")
        let review = try String(contentsOfFile: site.content + "/plans/\(id)/REVIEW.md", encoding: .utf8)
        return Imported(site: site, outcome: outcome, plan: plan, source: source, review: review)
    }

    static func measures(_ plan: Plan) -> [Measure] {
        func walk(_ goal: Goal) -> [Measure] { goal.measures + goal.goals.flatMap(walk) }
        return plan.measures + plan.goals.flatMap(walk)
    }

    @Test func rowsPerFundingSourceMergedCellsTotalsAndAFilledStamp() throws {
        let imported = try Self.importFixture("rows-per-source.docx", id: "hromada-2025")
        let plan = imported.plan
        #expect(plan.status == .approved)
        #expect(plan.approval?.date == CalendarDate(year: 2025, month: 3, day: 12))
        #expect(plan.approval?.number == "45")
        #expect(plan.approval?.document == "Рішення виконавчого комітету")
        #expect(plan.period.from == 2025 && plan.period.to == 2026)
        #expect(plan.budget?.unit == "тис. грн" && plan.budget?.years == [2025, 2026])
        let direction = try #require(plan.goals.first)
        #expect(direction.number == "1" && direction.printedNumber == "I" && direction.title == "Безпека громади")
        #expect(plan.levels.map(\.name) == ["Напрям", "Захід"])   // «ВСЬОГО ЗА НАПРЯМОМ» names the level
        let measures = Self.measures(plan)
        #expect(measures.map(\.number) == ["1.1", "1.2"])
        // One row per funding source under one measure (its cells merged over both rows).
        let first = measures[0]
        #expect(first.funding.status == .stated)
        #expect(first.funding.lines.map(\.printedSource) == ["Місцевий бюджет", "Державний бюджет"])
        #expect(first.funding.lines[0].amounts[2025]?.money == Money(parsing: "120,5"))
        #expect(first.funding.lines[1].amounts[2025]?.money == Money(parsing: "1200,0"))
        #expect(first.funding.lines[1].amounts[2026] == .dash)
        #expect(first.responsible?.assignments.map(\.consent) == [false, true])   // «(за згодою)» split off
        // The term cell the file merges over the next measure: merged, on the file's word.
        #expect(measures[1].term.merged == .file)
        #expect(measures[1].term.printed == "2025–2026")
        #expect(measures[1].funding.status == .notNeeded)
        let totals = try #require(direction.statedTotals)
        #expect(totals.label == "ВСЬОГО ЗА НАПРЯМОМ")
        #expect(totals.lines.map(\.printedSource) == ["Місцевий бюджет", "Державний бюджет"])
        // The column-number row is in the source text but not content; the draft cites lines that hold its fields.
        #expect(imported.source.contains("1\t2\t3\t4\t5\t6\t7"))
        #expect(first.citation?.ranges.first.map { imported.source[$0.lowerBound - 1].contains("Облаштування укриттів") } == true)
        #expect(imported.review.contains("«ГО «Світло»» немає в реєстрі"))
        #expect(imported.outcome.written.contains("sources/hromada-2025.docx"))
    }

    @Test func wordsAutomaticNumbersAndTheTextAsPrinted() throws {
        let imported = try Self.importFixture("numbering-and-text.docx", id: "numbers-2025")
        let plan = imported.plan
        #expect(plan.goals.map(\.printedNumber) == ["I", "II"])
        let measures = Self.measures(plan)
        // %2) numbers restart under each section; a second list instance starts at 5 (startOverride)
        // and the first instance continues the same counter after it (6, 7).
        #expect(measures.map(\.number) == ["1.1", "1.2", "2.5", "2.6", "2.7"])
        #expect(measures.map(\.printedNumber) == ["1)", "2)", "5)", "6)", "7)"])
        #expect(measures[1].text == "Захід\nдва")   // a line break inside the cell
        let text = measures[4].text
        #expect(text.contains("сторінка 7"))           // a field's printed result, not its instruction
        #expect(!text.contains("PAGE"))
        #expect(!text.contains("прихований"))          // hidden text does not print
        #expect(text.contains("І ВЕЛИКІ ЛІТЕРИ"))      // w:caps prints capitals
        #expect(text.contains("перенесення"))          // soft hyphen gone
        #expect(text.contains("(вставлено)") && !text.contains("(видалено)"))
        // The source text keeps the no-break space; the YAML has a plain one.
        #expect(imported.source.contains { $0.contains("і\u{A0}нерозривний") })
        #expect(text.contains("і нерозривний"))
        // The review list: the look-alike letters, the tracked changes, the comment and the hidden text, at their lines.
        let lookAlike = try #require(imported.outcome.review.first { if case .reviewLookAlike(let w, _) = $0.text { return w == "Вiддiл" }; return false })
        #expect(imported.source[lookAlike.line! - 1].contains("Вiддiл спорту"))
        #expect(measures[3].responsible?.printed == "Вiддiл спорту")   // listed, not changed
        let changes = imported.outcome.review.filter { $0.kind == .changes }
        #expect(changes.count == 2)
        #expect(changes.allSatisfy { imported.source[$0.line! - 1].contains("Захід із полем") })
        #expect(imported.outcome.review.contains { $0.text == .reviewComments(count: 1) })
        #expect(imported.outcome.review.contains { $0.text == .reviewHiddenText(count: 1) })
    }

    @Test func numberFormats() {
        #expect(WordNumbering.format(4, "upperRoman") == "IV")
        #expect(WordNumbering.format(14, "lowerRoman") == "xiv")
        #expect(WordNumbering.format(28, "lowerLetter") == "bb")
        #expect(WordNumbering.format(3, "russianLower") == "в")
        #expect(WordNumbering.format(7, "decimalZero") == "07")
        #expect(WordNumbering.format(12, "ordinalText") == "12")
        #expect(PlanText.roman("XIV") == 14 && PlanText.roman("ІV") == 4 && PlanText.roman("IIII") == nil && PlanText.roman("Інші") == nil)
    }

    @Test func columnsByTheirHeadings() {
        let cases: [(String, ColumnRole?)] = [
            ("№ з/п", .number), ("Найменування завдання", .task), ("Найменування заходу", .text), ("Зміст заходу", .text),
            ("Відповідальні за виконання", .responsible), ("Виконавець в Міністерстві", .responsible), ("Строк виконання, рік", .term),
            ("Термін виконання", .term), ("Показник виконання", .indicators), ("Індикатор виконання", .indicators),
            ("Очікувані результати", .results), ("Джерела фінансування (місцевий бюджет, інші)", .source),
            ("Прогнозний обсяг фінансування ресурсів для виконання завдання, тис. грн. у т.ч. за роками", .amount),
            ("2020", .amount), ("Примітка", nil),
        ]
        for (heading, role) in cases { #expect(ColumnRole.of(heading: heading) == role, "\(heading)") }
        #expect(PlanColumns.parse(option: "number, text, -, term") == [.number, .text, .skip, .term])
        #expect(PlanColumns.parse(option: "number,term") == nil)
        #expect(PlanColumns.parse(option: "номер,текст") == nil)
    }

    @Test func indicatorsOnePerLineWithListsKeptTogether() {
        #expect(PlanTableReader.indicators(["- Наявність плану;", "- кількість засідань;", "-кількість рішень"])
                == ["Наявність плану;", "кількість засідань;", "кількість рішень"])
        #expect(PlanTableReader.indicators(["кількість:", "проведених навчань;", "підготовлених осіб;", "наявність рішень"])
                == ["кількість:\nпроведених навчань;\nпідготовлених осіб;", "наявність рішень"])
        #expect(PlanTableReader.indicators(["частка осіб;", "кількість: розповсюджених матеріалів;", "жінок і дівчат;"])
                == ["частка осіб;", "кількість: розповсюджених матеріалів;\nжінок і дівчат;"])
        #expect(PlanTableReader.indicators(["Наявність звіту за результатами:", "- аудиту", "- оцінки;"])
                == ["Наявність звіту за результатами:\n- аудиту\n- оцінки;"])
        #expect(PlanTableReader.indicators(["- Наявність плану; - кількість засідань"]) == ["Наявність плану;", "кількість засідань"])
    }

    @Test func headingsAndNumbers() {
        let strategic = PlanTableReader.parseHeading("Стратегічна ціль 1. Створено умови")
        #expect(strategic.word == "Стратегічна ціль" && strategic.number == "1" && strategic.printed == nil && strategic.title == "Створено умови")
        let operational = PlanTableReader.parseHeading("Оперативна ціль 4.1 Підвищено рівень")
        #expect(operational.number == "4.1" && operational.title == "Підвищено рівень")
        let roman = PlanTableReader.parseHeading("IV. Захист жінок")
        #expect(roman.key == "roman" && roman.number == "4" && roman.printed == "IV")
        #expect(PlanTableReader.parseHeading("2. Забезпечення").key == "arabic1")
        #expect(PlanTableReader.leadingNumber("1) забезпечення")! == ("1)", "забезпечення"))
        #expect(LevelWords.level("Стратегічна ціль").forms == ["стратегічна ціль", "стратегічні цілі", "стратегічних цілей"])
        #expect(LevelWords.level("Оперативна ціль").slug == "operational-goal")
        #expect(DocumentParts.isPersonName("Сергій ГАЙДАЙ") && DocumentParts.isPersonName("А. ЗАЙЦЕВ") && !DocumentParts.isPersonName("Голова обласної ради"))
        #expect(DocumentParts.date("«20» грудня 2019 року") == CalendarDate(year: 2019, month: 12, day: 20))
        #expect(DocumentParts.period(in: "на період 2020 – 2022 років")! == (2020, 2022))
    }

    /// A document made by a tool that binds WordprocessingML to another prefix reads the same.
    @Test func anyNamespacePrefix() throws {
        let xml = """
        <ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body>
        <ns0:tbl><ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>№</ns0:t></ns0:r></ns0:p></ns0:tc><ns0:tc><ns0:p><ns0:r><ns0:t>Найменування заходу</ns0:t></ns0:r></ns0:p></ns0:tc>
        <ns0:tc><ns0:p><ns0:r><ns0:t>Строк</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr>
        <ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>1.</ns0:t></ns0:r></ns0:p></ns0:tc><ns0:tc><ns0:p><ns0:r><ns0:t>Перший</ns0:t></ns0:r><ns0:r><ns0:tab/><ns0:t>захід</ns0:t></ns0:r></ns0:p></ns0:tc>
        <ns0:tc><ns0:tcPr><ns0:vMerge ns0:val="restart"/></ns0:tcPr><ns0:p><ns0:r><ns0:t>2026</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr>
        <ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>2.</ns0:t></ns0:r></ns0:p></ns0:tc><ns0:tc><ns0:p><ns0:r><ns0:t>Другий</ns0:t></ns0:r></ns0:p></ns0:tc>
        <ns0:tc><ns0:tcPr><ns0:vMerge/></ns0:tcPr><ns0:p/></ns0:tc></ns0:tr></ns0:tbl></ns0:body></ns0:document>
        """
        let document = try WordReader.read(BoundedZip(bytes: TestZip.archive([TestZip.entry("word/document.xml", xml)])))
        let table = try #require(document.tables.first)
        #expect(table.rows.count == 3)
        #expect(table.rows[1].cells[1].text == "Перший захід")   // a tab prints as a space: tabs separate cells in the source text
        #expect(table.rows[1].cells[2].merge == .restart && table.rows[2].cells[2].merge == .continue)
        let source = WordSourceText(document)
        #expect(source.lines.contains("2.\tДругий\t"))   // a merged cell prints nothing
    }

    /// Bad input: a Ukrainian message naming the file (and the table and row where it applies), nothing written.
    @Test func badInputIsRefusedAndNothingIsWritten() throws {
        let site = try TestSite([:])
        func refused(_ name: String, _ bytes: [UInt8], id: String = "new-plan", table: Int? = nil) throws -> String {
            let before = try FileManager.default.subpathsOfDirectory(atPath: site.content).sorted()
            var options = PlanImport.Options(file: "/uploads/" + name, bytes: bytes, id: id, content: site.content, templates: site.templates, table: table)
            options.language = .uk
            let outcome = PlanImport(options: options).run()
            #expect(!outcome.succeeded && outcome.written.isEmpty)
            #expect(try FileManager.default.subpathsOfDirectory(atPath: site.content).sorted() == before, "\(name) wrote something")
            return outcome.errors.joined(separator: "\n")
        }
        func docx(_ body: String) -> [UInt8] {
            TestZip.archive([TestZip.entry("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>")])
        }
        #expect(try refused("план.pdf", Array("%PDF-1.4".utf8)).contains("план.pdf: це PDF"))
        #expect(try refused("план.docx", Array("не архів".utf8)).contains("план.docx: файл не читається як ZIP-архів"))
        #expect(try refused("план.docx", TestZip.archive([TestZip.entry("word/styles.xml", "<x/>")])).contains("немає частини word/document.xml"))
        #expect(try refused("план.docx", docx("<w:p><w:r><w:t>Текст</w:t></w:r></w:p>")).contains("у документі немає таблиці"))
        let odd = docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>А</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Б</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
        #expect(try refused("план.docx", odd).contains("таблиця 1, рядок 1: не вдалося розпізнати стовпці"))
        #expect(try refused("план.docx", odd, table: 4).contains("таблиці 4 немає"))
        #expect(try refused("план.docx", odd, id: "План 2026").contains("ідентифікатор плану «План 2026»"))
        #expect(try refused("план.docx", docx("<w:p><w:r><w:t>&lt;</w:r></w:p>")).contains("пошкоджений XML"))
        let bomb = TestZip.archive([TestZip.bomb("word/document.xml", megabytes: 128)])
        #expect(try refused("бомба.docx", bomb).contains("бомба.docx: частина word/document.xml"))
        // An existing plan is not overwritten.
        try site.write("plans/new-plan/plan.yaml", "id: new-plan\n")
        let exists = try PlanImport(options: PlanImport.Options(file: Self.fixtures.appendingPathComponent("rows-per-source.docx").path, id: "new-plan",
                                                                content: site.content, templates: site.templates)).run()
        #expect(exists.errors.first?.contains("уже є") == true)
        #expect(try String(contentsOfFile: site.content + "/plans/new-plan/plan.yaml", encoding: .utf8) == "id: new-plan\n")
    }

    /// A decision replaces the new body once per measure, removes its registry entry and keeps `check` passing.
    @Test func aDecisionReplacesANewBodyByAnExistingOne() throws {
        let registry = "- id: education-department\n  name: \"Відділ освіти міської ради\"\n  kind: unit\n"
        let imported = try Self.importFixture("rows-per-source.docx", id: "hromada-2025", files: ["executors/common.yaml": registry])
        let content = imported.site.content
        let result = ReviewDecision(content: content, templates: imported.site.templates, plan: "hromada-2025", body: "viddil-osvity", language: .uk)
            .same(as: "education-department")
        guard case .success(.decideDone(_, _, let measures)) = result else { Issue.record("\(result)"); return }
        #expect(measures == 2)
        let plan = try String(contentsOfFile: content + "/plans/hromada-2025/plan.yaml", encoding: .utf8)
        #expect(!plan.contains("viddil-osvity") && plan.components(separatedBy: "- education-department").count == 3)
        let own = try String(contentsOfFile: content + "/executors/hromada-2025.yaml", encoding: .utf8)
        #expect(!own.contains("viddil-osvity") && own.contains("ho-svitlo"))
        let review = try String(contentsOfFile: content + "/plans/hromada-2025/REVIEW.md", encoding: .utf8)
        #expect(review.contains("- [x] ") && review.contains("вирішено: це `education-department`"))
        let (_, diagnostics) = try Builder(options: Builder.Options(content: content, templates: imported.site.templates)).check().result.diagnostics.partitioned()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // A list that names the existing body already loses the new one's line.
        let (text, count) = ReviewDecision.replace("new-a", with: "old", in: "    executors:\n      - old\n      - {id: new-a, consent: true}\n    term: \"2026\"")
        #expect(text == "    executors:\n      - old\n    term: \"2026\"" && count == 1)
    }
}

extension Array where Element == Diagnostic {
    /// (warnings, errors).
    func partitioned() -> ([Diagnostic], [Diagnostic]) { (filter { $0.severity == .warning }, filter { $0.severity == .error }) }
}
