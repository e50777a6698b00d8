import Foundation
import Testing
@testable import PlanPressKit

/// Issue 13 §3–§5 on the shipped Content/: the built site claims no more than the documents show.
@Suite(.serialized) struct ClaimsRealContentTests {
    static let output: String = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-claims-\(UUID().uuidString)").path
        let options = Builder.Options(content: RealContentTests.content,
                                      templates: TestSite.repository.appendingPathComponent("Templates").path, output: output)
        _ = try? Builder(options: options).build()
        return output
    }()

    static let planIDs = ["kreminna-wps-2020-2022", "luhansk-civil-society-2020", "luhansk-strategy-2027",
                          "luhansk-wps-2026-2030", "minreintegration-2024"]

    /// Read from the source text itself, not from the content: the document shows an approval when its
    /// head carries an approval stamp («ЗАТВЕРДЖУЮ», «ЗАТВЕРДЖЕНО») whose date and number are not blanks.
    static func documentShowsApproval(_ plan: String) throws -> Bool {
        let source = try String(contentsOfFile: RealContentTests.content + "/sources/\(plan).txt", encoding: .utf8)
        let head = String(source.prefix(600))
        guard head.contains("ЗАТВЕРДЖУЮ") || head.contains("ЗАТВЕРДЖЕНО") else { return false }
        return !head.contains("___")
    }

    func page(_ path: String) throws -> String {
        try String(contentsOfFile: Self.output + "/" + path, encoding: .utf8)
    }

    /// Every text file of the built site (pages, feeds, open data, search index).
    func files() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: Self.output).filter { path in
            [".html", ".xml", ".json", ".csv"].contains { path.hasSuffix($0) }
        }.sorted()
    }

    @Test func onlyTheCivilSocietyPlanShowsAnApproval() throws {
        let approved = try Self.planIDs.filter(Self.documentShowsApproval)
        #expect(approved == ["luhansk-civil-society-2020"])
    }

    @Test func noPageCallsAPlanApprovedUnlessItsDocumentDoes() throws {
        let approvedLabels = ["затверджено (гриф затвердження в документі)", "approved (the document carries an approval stamp)"]
        let neverSaid = ["подано на затвердження", "поданий на затвердження", "ухвалено", "ухвалений", "ухвалили",
                         "submitted for approval", "adopted"]
        var offending: [String] = []
        for path in try files() {
            let text = try page(path)
            for phrase in neverSaid where text.localizedCaseInsensitiveContains(phrase) { offending.append("\(path): «\(phrase)»") }
            // A page about one plan may carry the approved label only if that plan's document shows an approval.
            let plan = Self.planIDs.first { path.hasPrefix("plans/\($0)/") || path.hasPrefix("en/plans/\($0)/") || path.hasPrefix("data/\($0)") }
            if let plan, try !Self.documentShowsApproval(plan) {
                for label in approvedLabels where text.contains(label) { offending.append("\(path): «\(label)»") }
                if path.hasSuffix(".json"), text.contains("\"status\":\"approved\"") || text.contains("\"status\": \"approved\"") {
                    offending.append("\(path): status approved")
                }
            }
        }
        // Pages listing several plans: each plan card carries its own document's status.
        for home in ["index.html", "en/index.html"] {
            for card in try page(home).components(separatedBy: "<li class=\"plan-card\">").dropFirst() {
                guard let plan = Self.planIDs.first(where: { card.contains("/plans/\($0)/") }) else { continue }
                let labelled = approvedLabels.contains { card.contains($0) }
                if try labelled != Self.documentShowsApproval(plan) { offending.append("\(home): card of \(plan)") }
            }
        }
        #expect(offending.isEmpty, "\(offending.prefix(10))")
    }

    @Test func planPagesShowTheApprovalBlockOrSayThereIsNone() throws {
        let none = try page("plans/minreintegration-2024/index.html")
        #expect(none.contains("<p>Документ не містить грифа затвердження.</p>"))
        #expect(none.contains("<dt>Статус</dt><dd>документ не містить грифа затвердження</dd>"))
        let draft = try page("plans/luhansk-wps-2026-2030/index.html")
        #expect(draft.contains("<dt>Статус</dt><dd>проєкт: гриф затвердження не заповнено</dd>"))
        #expect(draft.contains("______________________ № _____</p></blockquote>"))
        #expect(draft.contains("<dt>Номер</dt><dd>не заповнено («_____»)</dd>"))
        let approved = try page("plans/luhansk-civil-society-2020/index.html")
        #expect(approved.contains("<dt>Дата</dt><dd>«20» грудня 2019 року</dd>"))
        #expect(approved.contains("ЗАТВЕРДЖУЮ<br>"))
    }

    @Test func updatesCallOnlyApprovedPlansApproved() throws {
        let site = RealContentTests.loaded.graph.site
        for update in site.updates {
            let claims = (update.title + " " + (update.summary ?? "")).lowercased()
            guard claims.contains("затверджено") || claims.contains("затвердив") else { continue }
            let plans = update.items.compactMap { item -> String? in
                if case .plan(let id) = item { return id.raw } else { return nil }
            }
            #expect(!plans.isEmpty, "\(update.slug)")
            for plan in plans {
                let shows = try Self.documentShowsApproval(plan)
                #expect(shows, "\(update.slug) calls \(plan) approved")
            }
        }
    }

    @Test func mergedCellsAreShownAsMergedAndCounted() throws {
        let graph = RealContentTests.loaded.graph
        let wps = graph.plan(PlanID("luhansk-wps-2026-2030"))!
        let mergedTerms = wps.measures.filter { $0.measure.term.sameAsRowAbove }.map(\.measure.number)
        #expect(mergedTerms == ["1.4", "2.1", "2.2", "4.1", "11.2", "11.3", "13.3", "14.1", "14.2"])
        #expect(wps.measures.filter { $0.measure.responsible?.sameAsRowAbove == true }.map(\.measure.number) == ["11.3", "13.2"])
        // Every measure now has a term and responsible bodies.
        #expect(wps.measures.allSatisfy { $0.measure.term.printed == "2026–2030" || !$0.measure.term.sameAsRowAbove })
        #expect(wps.measures.allSatisfy { !($0.measure.responsible?.assignments.isEmpty ?? true) })
        let measure = try page("plans/luhansk-wps-2026-2030/measures/11.3/index.html")
        #expect(measure.contains("<dd><p class=\"merged-cell\"><span class=\"printed\">У тексті документа клітинка порожня.</span></p>"))
        #expect(measure.contains("<strong>Прочитання сайту: 2026–2030.</strong>"))
        // …on the timeline (no longer undated) and the executor pages, marked as the site's reading.
        let timeline = try page("plans/luhansk-wps-2026-2030/timeline/index.html")
        #expect(!timeline.contains("<h2>Строк не зазначено</h2>"))
        #expect(timeline.contains("2026–2030 (прочитання сайту: клітинка в тексті порожня)"))
        let dszn = try page("executors/luhansk-oda-social-protection/index.html")
        #expect(dszn.contains("href=\"/plans/luhansk-wps-2026-2030/measures/11.3/\""))
        let csv = try page("data/luhansk-wps-2026-2030-measures.csv")
        #expect(csv.contains("term_same_as_row_above") && csv.contains("responsible_same_as_row_above"))
        #expect(csv.contains("term_reading_basis") && csv.contains("responsible_reading_basis"))
    }

    @Test func assignedNumbersAreMarkedOnPagesAndInOpenData() throws {
        let graph = RealContentTests.loaded.graph
        let wps = graph.plan(PlanID("luhansk-wps-2026-2030"))!
        #expect(wps.measures.filter(\.measure.numberAssigned).map(\.measure.number)
                == ["3.1", "4.1", "5.1", "7.1", "9.1", "10.1", "15.1", "16.1", "17.1"])
        let strategy = graph.plan(PlanID("luhansk-strategy-2027"))!.measures.map(\.measure)
        let ministry = graph.plan(PlanID("minreintegration-2024"))!.measures.map(\.measure)
        let kreminna = graph.plan(PlanID("kreminna-wps-2020-2022"))!.measures.map(\.measure)
        #expect(strategy.allSatisfy { $0.numberAssigned })
        #expect(ministry.filter { $0.numberAssigned }.map(\.number) == ["19"])
        #expect(kreminna.allSatisfy { !$0.numberAssigned })
        let measure = try page("plans/minreintegration-2024/measures/19/index.html")
        #expect(measure.contains("<h1>Пункт [19]</h1>"))
        #expect(measure.contains("Номер [19] присвоєно на сайті"))
        let goal = try page("plans/luhansk-wps-2026-2030/goals/task-3/index.html")
        #expect(goal.contains(">Захід [3.1]</a>"))
        let json = try page("data/minreintegration-2024.json")
        #expect(json.contains("\"number\":\"19\",\"number_assigned\":true") || json.contains("\"number\": \"19\",\n      \"number_assigned\": true"))
    }

    @Test func theKickerShowsThePrintedNumberOnceAndCleanly() throws {
        let measure = try page("plans/luhansk-wps-2026-2030/measures/11.2/index.html")
        #expect(measure.contains("<span class=\"printed\">номер у документі: 2)</span></p>"))
        #expect(!measure.contains("(2))"))
    }

    @Test func executorPagesUseTheDocumentsColumnAndOneCountPerMeaning() throws {
        let ministry = try page("executors/minreintegration-idp/index.html")
        #expect(ministry.contains("Названо в графі «Виконавець в Міністерстві»"))
        for path in try files() where path.hasPrefix("executors/") && path.hasSuffix(".html") {
            let text = try page(path)
            #expect(!text.contains(">відповідальний<") && !text.contains("співвиконавець"), "\(path)")
        }
        let measure = try page("plans/kreminna-wps-2020-2022/measures/1.1/index.html")
        #expect(measure.contains("<dt>Відповідальний за виконання</dt>"))
    }

    @Test func moneyIsStatedOrComputedAndForecastIsCalledSo() throws {
        let plan = try page("plans/kreminna-wps-2020-2022/index.html")
        #expect(plan.contains("<h2>Прогнозний обсяг фінансування</h2>"))
        #expect(!plan.contains("<h2>Бюджет</h2>"))
        // The full table of stated totals has its own heading; «Суми, що не сходяться» captions only the mismatches.
        #expect(plan.contains("<h3>Підсумки, зазначені в документі, і суми рядків</h3>"))
        #expect(plan.contains("<caption>Суми, що не сходяться</caption>"))
        // Directions whose stated subtotals match their rows do not say they don't.
        for direction in [1, 2, 4, 5] {
            let goal = try page("plans/kreminna-wps-2020-2022/goals/direction-\(direction)/index.html")
            #expect(!goal.contains("Суми, що не сходяться"), "direction \(direction)")
            #expect(goal.contains("<h2>Підсумки, зазначені в документі, і суми рядків</h2>"), "direction \(direction)")
        }
        let mismatched = try page("plans/kreminna-wps-2020-2022/goals/direction-3/index.html")
        #expect(mismatched.contains("<h2>Підсумки, зазначені в документі, і суми рядків</h2>"))
        #expect(mismatched.contains("<h3>Суми, що не сходяться</h3>"))
        let print = try page("plans/kreminna-wps-2020-2022/print/index.html")
        #expect(print.contains("<th scope=\"col\" class=\"num\">2022</th>") && print.contains("(тис. грн)"))
        #expect(print.contains("ВСЬОГО ЗА НАПРЯМОМ") && print.contains("ВСЬОГО ЗА ПІДСУМКОМ"))
        #expect(print.contains("<ul class=\"mismatch-notes\">"))
        #expect(print.contains("Разом (пораховано сайтом)"))
        let json = try page("data/kreminna-wps-2020-2022.json")
        #expect(json.contains("\"origin\":\"computed\"") || json.contains("\"origin\": \"computed\""))
        #expect(json.contains("\"origin\":\"stated\"") || json.contains("\"origin\": \"stated\""))
    }

    @Test func cutTextsEndWithAnEllipsis() throws {
        // Meta descriptions of long measures are cut at 200 characters and always say so.
        let graph = RealContentTests.loaded.graph
        let wps = graph.plan(PlanID("luhansk-wps-2026-2030"))!
        for node in wps.measures where node.measure.text.count > 220 {
            let html = try page("plans/luhansk-wps-2026-2030/measures/\(node.measure.number)/index.html")
            guard let start = html.range(of: "<meta name=\"description\" content=\""),
                  let end = html[start.upperBound...].range(of: "\"") else { Issue.record("no description"); continue }
            #expect(html[start.upperBound..<end.lowerBound].hasSuffix("…"), "\(node.measure.number)")
        }
    }
}
