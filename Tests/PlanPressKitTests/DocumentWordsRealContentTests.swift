import Foundation
import Testing
@testable import PlanPressKit

/// The shipped site says nothing its documents do not say (docs/content-format.md, "Words the
/// site adds"): status and issuer only as printed, merged cells as the site's reading, words that
/// add no meaning, assigned numbers marked, every shown text cited, print as the screen pages.
/// One test (or more) per point; the site is the one `ClaimsRealContentTests` builds.
@Suite(.serialized) struct DocumentWordsRealContentTests {
    func page(_ path: String) throws -> String {
        try String(contentsOfFile: ClaimsRealContentTests.output + "/" + path, encoding: .utf8)
    }

    /// The visible text of a page: tags dropped, entities of quotes and ampersands decoded, spaces collapsed.
    func text(_ path: String) throws -> String {
        var html = try page(path)
        if let head = html.range(of: "</head>") { html = String(html[head.upperBound...]) }
        let stripped = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return stripped.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    func htmlFiles(under prefix: String = "") throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: ClaimsRealContentTests.output)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".html") }.sorted()
    }

    func json(_ plan: String) throws -> ExactJSON { try ExactJSON.parse(try page("data/\(plan).json")) }

    func has(_ object: ExactJSON, _ key: String) -> Bool {
        if case .object(let members) = object { return members[key] != nil }
        return false
    }

    func csv(_ path: String) throws -> CSVReader.Table {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ClaimsRealContentTests.output + "/" + path)))
        return try #require(CSVReader.table(bytes))
    }

    // MARK: 1. status words, issuer, the update that reports an approval

    @Test func homeGroupsPlansByWhatIsPrintedAndNoPageSaysInForce() throws {
        let home = try text("index.html")
        for heading in ["Документи з грифом затвердження", "Проєкти: гриф затвердження не заповнено", "Документи без грифа затвердження"] {
            #expect(home.contains(heading), "\(heading)")
        }
        let strategyGroup = try #require(home.range(of: "Документи без грифа затвердження"))
        #expect(home[strategyGroup.upperBound...].contains("Луганськ 2027"))
        #expect(home.contains("2020–2022 · період минув"))
        for path in try htmlFiles() {
            let words = try text(path).lowercased()
            for claim in ["чинні плани", "чинний план", "plans in force", "in force", "ухвалено", "adopted"] {
                #expect(!words.contains(claim), "\(path): «\(claim)»")
            }
        }
    }

    @Test func aDraftsTermsAreMarkedAsADraftsWhereverTheyAreListedOrCounted() throws {
        let home = try page("index.html")
        let due = try #require(home.range(of: "id=\"home-due-heading\""))
        #expect(home[due.upperBound...].contains("<span class=\"badge badge-draft\">проєкт</span>: 1"))
        #expect(home[due.upperBound...].contains("Строки проєкту: гриф затвердження документа не заповнено"))
        let year = try page("years/2026/index.html")
        let section = try #require(year.range(of: "id=\"plan-luhansk-wps-2026-2030\""))
        #expect(year[section.upperBound...].prefix(900).contains("Строки проєкту"))
        for path in ["plans/luhansk-wps-2026-2030/timeline/index.html", "plans/luhansk-wps-2026-2030/index.html",
                     "executors/luhansk-oda-social-protection/index.html", "en/years/2026/index.html"] {
            let words = try text(path)
            #expect(words.contains("Строки проєкту") || words.contains("A draft's terms"), "\(path)")
        }
    }

    @Test func theIssuerIsShownOnlyWhereTheDocumentNamesItAndQuotedAsPrinted() throws {
        for plan in ["kreminna-wps-2020-2022", "luhansk-strategy-2027", "luhansk-wps-2026-2030"] {
            #expect(try text("plans/\(plan)/index.html").contains("документ не називає органу, що його видав чи затвердив"), "\(plan)")
            #expect(try text("en/plans/\(plan)/index.html").contains("the document does not name the body that issued or approved it"), "\(plan)")
            #expect(try json(plan)["plan"]["issuer"].isNull, "\(plan)")
        }
        // The wartime-era post, quoted with its line; today's body only beside it, as the site's link.
        let civil = try text("plans/luhansk-civil-society-2020/index.html")
        #expect(civil.contains("Голова Луганської обласної державної адміністрації — керівник обласної військово-цивільної адміністрації у документі: рядок 5"))
        #expect(civil.contains("(орган на сайті: Луганська ОДА)"))
        let issuer = try json("luhansk-civil-society-2020")["plan"]["issuer"]
        #expect(issuer["printed"].string == "Голова Луганської обласної державної адміністрації — керівник обласної військово-цивільної адміністрації")
        #expect(issuer["lines"][0]["from"].int == 5)
        #expect(try text("plans/minreintegration-2024/index.html")
            .contains("Міністерства з питань реінтеграції тимчасово окупованих територій України у документі: рядок 2"))
        // The approval and signature blocks cite their lines.
        #expect(civil.contains("ЗАТВЕРДЖУЮ") && civil.contains("у документі: рядки 3–9") && civil.contains("у документі: рядки 48–52"))
    }

    @Test func theUpdateThatReportsAnApprovalQuotesTheStampAndIsDatedWhenWritten() throws {
        let update = try #require(RealContentTests.loaded.graph.site.updates.first { $0.slug.hasSuffix("zatverdzheno") })
        #expect(update.date.iso == "2026-11-21")
        #expect(update.markdown.contains("> ЗАТВЕРДЖУЮ") && update.markdown.contains("> «20» грудня 2019 року"))
        for claim in ["затвердив", "затверджено", "підписав"] {
            #expect(!(update.title + " " + (update.summary ?? "") + " " + update.markdown).contains(claim), "«\(claim)»")
        }
    }

    // MARK: 2. merged cells are the site's reading

    @Test func aMergedCellIsShownEmptyWithTheSitesReadingItsGroundsAndCertainty() throws {
        let likely = try text("plans/luhansk-wps-2026-2030/measures/1.4/index.html")
        #expect(likely.contains("У тексті документа клітинка порожня. Прочитання сайту: 2026–2030. Сайт читає її як клітинку, імовірно об’єднану з клітинкою рядка вище (Захід 1.3)"))
        #expect(likely.contains("Це прочитання сайту, а не текст документа, і воно може бути хибним. Як прочитано документ"))
        let acrossTask = try text("plans/luhansk-wps-2026-2030/measures/2.1/index.html")
        #expect(acrossTask.contains("можливо об’єднану з клітинкою рядка вище (Захід 1.5)"))
        #expect(acrossTask.contains("Між цим рядком і рядком вище починається Завдання 2."))
        let chain = try text("plans/luhansk-wps-2026-2030/measures/11.3/index.html")
        #expect(chain.contains("Клітинка рядка вище (Захід 11.2) теж порожня; значення взято з найближчої заповненої клітинки вище (Захід 11.1)."))
        #expect(chain.contains("Як у документі (клітинка рядка «Захід 11.2»)"))
        #expect(try page("plans/luhansk-wps-2026-2030/measures/2.1/index.html").contains("href=\"/plans/luhansk-wps-2026-2030/source/notes/\""))
        #expect(try text("en/plans/luhansk-wps-2026-2030/measures/2.1/index.html").contains("The site's reading: 2026–2030. The site reads it as possibly merged"))
        // No page states the row above's value as printed.
        for path in try htmlFiles() {
            #expect(!(try page(path)).contains("у таблиці клітинка об’єднана з рядком вище"), "\(path)")
        }
    }

    @Test func openDataHoldsWhatIsPrintedAndTheReadingApart() throws {
        let measures = try json("luhansk-wps-2026-2030")["measures"].array
        let m21 = try #require(measures.first { $0["number"].string == "2.1" })
        #expect(m21["term"]["printed"].isNull && m21["term"]["reading"].string == "2026–2030")
        #expect(m21["term"]["reading_basis"].string == "reading" && m21["term"]["reading_from"].string == "1.5")
        let m113 = try #require(measures.first { $0["number"].string == "11.3" })
        #expect(m113["responsible"]["printed"].isNull && m113["responsible"]["reading_basis"].string == "reading")
        #expect(m113["responsible"]["reading"].string?.hasPrefix("Департамент соціального захисту населення") == true)
        let table = try csv("data/luhansk-wps-2026-2030-measures.csv")
        let row = try #require(table.rows.first { $0["number"] == "11.3" })
        func cell(_ name: String) -> String { row[name] ?? "missing" }
        #expect(cell("term_printed") == "" && cell("term_reading") == "2026–2030" && cell("term_reading_basis") == "reading")
        #expect(cell("responsible_printed") == "" && cell("responsible_reading_basis") == "reading")
    }

    @Test func countsTimelinesAndExecutorPagesSayWhenTheyUseAReading() throws {
        let note = "За прочитанням сайту тут ураховано: 9 заходів (1.4, 2.1, 2.2, 4.1, 11.2, 11.3, 13.3, 14.1, 14.2)"
        #expect(try text("plans/luhansk-wps-2026-2030/timeline/index.html").contains(note))
        #expect(try text("plans/luhansk-wps-2026-2030/index.html").contains(note))
        let executor = try text("executors/luhansk-oda-social-protection/index.html")
        #expect(executor.contains("За прочитанням сайту тут ураховано:") && executor.contains("11.3"))
        #expect(try text("en/plans/luhansk-wps-2026-2030/timeline/index.html").contains("Counted here by the site's reading: 9 measures"))
    }

    // MARK: 3. words that add meaning

    @Test func englishPagesSayTermPassedAndTheOpenDataFieldIsNamedForWhatItComputes() throws {
        for path in try htmlFiles(under: "en/") {
            #expect(!(try text(path)).lowercased().contains("overdue"), "\(path)")
        }
        let monitoring = try json("kreminna-wps-2020-2022")["measures"][0]["monitoring"]
        #expect(monitoring["term_passed"].bool == true && !has(monitoring, "overdue"))
        let header = try csv("data/kreminna-wps-2020-2022-measures.csv").header
        #expect(header.contains("term_passed") && !header.contains("overdue"))
        #expect(header.contains("source_lines") && header.contains("corrections"))
        #expect(try text("en/plans/kreminna-wps-2020-2022/measures/1.2/index.html").contains("term passed"))
    }

    @Test func fundingQuotesTheDocumentsWords() throws {
        let measure = try text("plans/kreminna-wps-2020-2022/measures/4.4/index.html")
        #expect(measure.contains("Фінансування «В межах фінансування комунальних установ» (як у документі)"))
        for path in try htmlFiles(under: "plans/kreminna-wps-2020-2022/") {
            #expect(!(try text(path)).contains("У межах наявного фінансування"), "\(path)")
        }
    }

    @Test func byConsentIsExplainedOnceInTheGlossaryAsTheSitesExplanation() throws {
        let gloss = "беруть участь у виконанні за власною згодою"
        for path in try htmlFiles() where !path.contains("glossary/") {
            #expect(!(try text(path)).contains("за власною згодою"), "\(path)")
        }
        let glossary = try text("glossary/index.html")
        #expect(glossary.contains("(за згодою) позначка документа; пояснення сайту"))
        #expect(glossary.components(separatedBy: gloss).count == 2)
        let measure = try page("plans/luhansk-wps-2026-2030/measures/2.1/index.html")
        #expect(measure.contains("href=\"/glossary/#by-consent\""))
    }

    @Test func forecastFundingIsNeverCalledABudget() throws {
        for path in try htmlFiles() {
            let words = try text(path)
            #expect(!words.contains("Бюджет усіх планів") && !words.contains("Budget of every plan"), "\(path)")
        }
        #expect(!(try text("en/index.html")).contains("budgets"))
        #expect(try text("data/index.html").contains("Прогнозний обсяг фінансування за всіма планами"))
    }

    @Test func targetComparatorsFollowTheDocumentsWords() throws {
        for plan in ClaimsRealContentTests.planIDs {
            for indicator in try json(plan)["indicators"].array where !indicator["target"].isNull {
                let target = indicator["target"]
                let printed = try #require(target["printed"].string)
                let words: String? = ["не менше", "не менш як", "щонайменше"].contains(where: printed.hasPrefix) ? "at-least"
                    : ["понад", "більше"].contains(where: printed.hasPrefix) ? "more-than"
                    : printed.hasPrefix("близько") ? "about" : nil
                #expect(target["comparator"].string == words, "\(plan) \(indicator["id"].string ?? ""): «\(printed)»")
            }
        }
    }

    @Test func aLevelTheDocumentDoesNotNameAndAnInferredPeriodAreMarked() throws {
        #expect(try text("plans/luhansk-civil-society-2020/goals/section-1/index.html")
            .contains("Назву рівня «Розділ» дав сайт: документ так цих пунктів не називає."))
        #expect(try text("plans/luhansk-civil-society-2020/index.html").contains("Назву рівня «Розділ» дав сайт"))
        #expect(try text("index.html").contains("до 2027 (прочитання сайту: документ не зазначає періоду, рік узято з його слів «Дерево цілей Луганськ 2027»)"))
        let levels = try json("luhansk-civil-society-2020")["levels"].array
        #expect(levels[0]["name_assigned"].bool == true && levels[1]["name_assigned"].bool == false)
        #expect(try json("luhansk-strategy-2027")["plan"]["period"]["inferred_from"].string == "Дерево цілей Луганськ 2027")
    }

    // MARK: 4. assigned numbers and uncited figures

    @Test func indicatorNumbersAreMarkedAsAssignedAlsoInTheMonitoringTemplate() throws {
        let measure = try text("plans/luhansk-wps-2026-2030/measures/2.1/index.html")
        #expect(measure.contains("Показник [2.1-1]") && measure.contains("Номери показників у квадратних дужках дав сайт"))
        #expect(!measure.contains("Показник 2.1-1"))
        #expect(try text("plans/luhansk-wps-2026-2030/indicators/2.1-1/index.html").contains("Номер [2.1-1] дав сайт"))
        let index = RealContentTests.loaded.graph.plans.firstIndex { $0.plan.id.raw == "luhansk-wps-2026-2030" }!
        let template = MonitoringTemplate(graph: RealContentTests.loaded.graph, plan: index).workbook
        #expect(template.sheets[2].rows.first?.first == "[1.1-1]")
        #expect(template.sheets[1].rows.contains { $0.first == "[3.1]" })
        #expect(template.sheets[1].rows.contains { $0.first == "2.1" && $0[3] == "2026–2030 (прочитання сайту: клітинка в тексті порожня)" })
    }

    @Test func eachPlanIsCountedInItsOwnLevelNames() throws {
        let home = try text("index.html")
        #expect(!home.contains("228"))
        #expect(home.contains("Строк минув, виконання не підтверджено: 19 пунктів."))
        #expect(try text("plans/minreintegration-2024/index.html").contains("Строк минув, виконання не підтверджено: 19 пунктів."))
    }

    @Test func everyStatedFigureAndShownTextCitesItsLinesAndCorrectionsAreDisclosed() throws {
        let direction5 = try page("plans/kreminna-wps-2020-2022/goals/direction-5/index.html")
        #expect(direction5.contains("Зазначено в документі / Пораховано з рядків <span class=\"unit\">(тис. грн)</span>"))
        #expect(direction5.contains(">у документі: рядки 79–80</a>"))
        let strategy = try text("plans/luhansk-strategy-2027/index.html")
        #expect(strategy.contains("у документі: рядки 1–4 Виправлення щодо надрукованого тексту у документі: «[bookmark: _GoBack]»; на сайті вилучено"))
        #expect(strategy.contains("Дерево цілей Луганськ 2027 у документі: рядок 5"))
    }

    @Test func openDataCarriesCitationsAndCorrectionsAndPrintedFieldsHoldThePrintedText() throws {
        let wps = try json("luhansk-wps-2026-2030")
        let m64 = try #require(wps["measures"].array.first { $0["number"].string == "6.4" })
        #expect(m64["lines"][0]["from"].int == 216 && m64["lines"][0]["to"].int == 226)
        #expect(m64["corrections"][0]["printed"].string == "[bookmark: _Hlk227049926]")
        #expect(m64["responsible"]["printed"].string?.contains("ВА, [bookmark: _Hlk227049926]Представник Уповноваженого") == true)
        #expect(wps["goals"][0]["corrections"][0]["printed"].string == "відновлен1ня")
        let kreminna = try json("kreminna-wps-2020-2022")
        let m44 = try #require(kreminna["measures"].array.first { $0["number"].string == "4.4" })
        #expect(m44["funding"]["printed"].string == "В межах фінансуванн я комунальних установ")
        let totals = kreminna["budget"]["stated_totals"]
        #expect(totals["source_lines"][0]["from"].int == 81 && !has(totals, "file"))
        #expect(!(try page("data/kreminna-wps-2020-2022.json")).contains("plan.yaml"))
        let strategy = try json("luhansk-strategy-2027")["plan"]
        #expect(strategy["vision_lines"][0]["to"].int == 4 && strategy["vision_corrections"][0]["printed"].string == "[bookmark: _GoBack]")
    }

    // MARK: 5. print, notes, headings

    @Test func printPagesPrintTheDocumentsWordsWithLinesAndCorrectionsInBothLanguages() throws {
        for plan in ClaimsRealContentTests.planIDs {
            let uk = try page("plans/\(plan)/print/index.html"), en = try page("en/plans/\(plan)/print/index.html")
            #expect(uk.contains("у документі: ряд") && en.contains("in the document: line"), "\(plan)")
            for html in [uk, en] {
                #expect(!html.contains("))"), "\(plan): «))»")
                #expect(!html.contains("Фінансування: Фінансування") && !html.contains("<dt>Фінансування</dt><dd>Фінансування"), "\(plan)")
            }
        }
        let wps = try text("plans/luhansk-wps-2026-2030/print/index.html")
        // The printed responsible cell, not the registry's names.
        #expect(wps.contains("Відповідальні за виконання Департамент соціального захисту населення обласної державної адміністрації, Головне управління Національної поліції в Луганській області (далі – ГУНП в Луганській області) (за згодою)"))
        #expect(wps.contains("Захід 1.1 · номер у документі «1)»") && wps.contains("Захід [3.1] · номер дав сайт"))
        #expect(wps.contains("У тексті документа клітинка порожня. Прочитання сайту: 2026–2030."))
        let kreminna = try text("plans/kreminna-wps-2020-2022/print/index.html")
        #expect(kreminna.contains("«фінансуванн я» → «фінансування»"))
        // Indicators are one per line (no «; ;»), each list kept with its heading.
        #expect(try page("plans/luhansk-wps-2026-2030/print/index.html").contains("<div class=\"fact fact-list\"><dt>Показники</dt>"))
    }

    @Test func sourceNotesStateRulesNeverWhoDecided() throws {
        for plan in ClaimsRealContentTests.planIDs {
            for path in ["plans/\(plan)/source/notes/index.html", "en/plans/\(plan)/source/notes/index.html"] {
                let words = try text(path)
                for phrase in ["керівник проєкту", "керівника проєкту", "керівникові проєкту", "вказівк", "issue 1", "issue 2", "(issuer)", "the lead's", "the lead,", "lead's", "the brief", "завдання вимагає", "як вимагає завдання", " I ", "ours"] {
                    #expect(!words.contains(phrase), "\(path): «\(phrase)»")
                }
            }
        }
    }

    @Test func mismatchHeadingsHeadOnlyMismatchedRowsAndListsHoldOnlyNamedBodies() throws {
        let goal = try page("plans/kreminna-wps-2020-2022/goals/direction-3/index.html")
        let heading = try #require(goal.range(of: "<h3>Суми, що не сходяться</h3>"))
        let table = goal[heading.upperBound...].prefix { _ in true }
        let rows = table.components(separatedBy: "</table>")[0].components(separatedBy: "<tr class=\"")
        #expect(rows.count == 2 && rows[1].hasPrefix("mismatch\""), "\(rows.count - 1) rows under the mismatch heading")
        let executors = try page("executors/index.html")
        let graph = RealContentTests.loaded.graph
        let unnamed = graph.executorOrder.filter { (graph.involvements[$0] ?? []).isEmpty }
        #expect(unnamed.count == 4)
        for id in unnamed { #expect(!executors.contains("/executors/\(id.raw)/\""), "\(id.raw)") }
        #expect(executors.contains("/executors/luhansk-oda-social-protection/\""))
    }

    @Test func bulletItemsShowNoRowsForColumnsTheDocumentDoesNotHave() throws {
        let item = try page("plans/luhansk-strategy-2027/measures/1.1.1.1/index.html")
        #expect(!item.contains("<dt>Строк виконання</dt>") && !item.contains("<h2>Показники</h2>") && !item.contains("<dt>Фінансування</dt>"))
        #expect(!item.contains("<dt>Відповідальні"))
        let wps = try page("plans/luhansk-wps-2026-2030/measures/2.1/index.html")
        #expect(wps.contains("<dt>Строк виконання</dt>") && !wps.contains("<dt>Фінансування</dt>"))
    }
}
