import Foundation
import Testing
@testable import PlanPressKit

/// The shipped Content/ publishes the five source documents faithfully.
@Suite(.serialized) struct RealContentTests {
    static let content = TestSite.repository.appendingPathComponent("Content").path
    static let loaded: (graph: SiteGraph, warnings: [Diagnostic]) = {
        let options = Builder.Options(content: content, templates: TestSite.repository.appendingPathComponent("Templates").path)
        let checked = try? Builder(options: options).check()
        let (graph, _, result) = checked!
        return (graph, result.diagnostics)
    }()
    var graph: SiteGraph { Self.loaded.graph }

    func plan(_ id: String) -> PlanIndex { graph.plan(PlanID(id))! }

    func goals(_ plan: PlanIndex, depth: Int) -> Int { plan.goals.filter { $0.goal.depth == depth }.count }

    @Test func checkReportsNoErrorsAndOnlyTheRealBudgetMismatch() {
        #expect(Self.loaded.warnings.errorCount == 0)
        let expected = [
            "stated total for the plan, Міський бюджет, 2022 is 92.0 but its 5 row(s) add up to 93.0 (difference 1.0); the site shows both",
            "stated total for напрям 3, Міській бюджет, 2022 is 2.0 but its 1 row(s) add up to 3.0 (difference 1.0); the site shows both",
        ]
        #expect(Self.loaded.warnings.map(\.message).sorted() == expected.sorted())
    }

    @Test func sizesAsPrinted() {
        let wps = plan("luhansk-wps-2026-2030")
        let wpsSizes: [Int] = [goals(wps, depth: 0), goals(wps, depth: 1), goals(wps, depth: 2), wps.measures.count]
        #expect(wpsSizes == [4, 7, 19, 41])
        let kreminna = plan("kreminna-wps-2020-2022")
        let citySizes: [Int] = [goals(kreminna, depth: 0), kreminna.measures.count]
        #expect(citySizes == [5, 28])
        let strategy = plan("luhansk-strategy-2027")
        let strategySizes: [Int] = [goals(strategy, depth: 0), goals(strategy, depth: 1), goals(strategy, depth: 2), strategy.measures.count]
        #expect(strategySizes == [4, 11, 29, 120])
        let civil = plan("luhansk-civil-society-2020")
        let civilSizes: [Int] = [goals(civil, depth: 0), civil.measures.count]
        #expect(civilSizes == [7, 20])
        let ministry = plan("minreintegration-2024")
        #expect(ministry.measures.count == 19)
        #expect(ministry.measures.map(\.measure.number) == (1...19).map(String.init))
    }

    @Test(arguments: ["luhansk-wps-2026-2030", "kreminna-wps-2020-2022", "luhansk-strategy-2027",
                      "luhansk-civil-society-2020", "minreintegration-2024"])
    func everyTextIsInItsSource(planID: String) throws {
        let index = plan(planID)
        let source = try #require(graph.site.sourceFiles[index.plan.source ?? ""])
        let matcher = SourceMatcher(source: source)
        var texts: [(String, String)] = index.goals.map { ("goal \($0.goal.id)", $0.goal.title) }
        for node in index.measures {
            let m = node.measure
            texts.append(("measure \(m.number)", m.text))
            if let printed = m.responsible?.printed { texts.append(("responsible of \(m.number)", printed)) }
            if let term = m.term.printed { texts.append(("term of \(m.number)", term)) }
            texts += m.results.map { ("result of \(m.number)", $0) }
        }
        texts += index.indicators.map { ("indicator \($0.indicator.id)", $0.indicator.text) }
        var missing: [String] = []
        for (label, text) in texts where matcher.pieces(of: text) == nil { missing.append(label) }
        #expect(missing.isEmpty, "not found in the source: \(missing)")
        #expect(texts.count > index.measures.count)
    }

    @Test func aChangedWordIsCaught() throws {
        let index = plan("luhansk-civil-society-2020")
        let matcher = SourceMatcher(source: graph.site.sourceFiles[index.plan.source!]!)
        let text = index.measures[0].measure.text
        #expect(matcher.pieces(of: text) != nil)
        #expect(matcher.pieces(of: text.replacingOccurrences(of: "конкурсу", with: "конкурсів")) == nil)
    }

    @Test func everyAmountOfTheCityPlanIsReadBack() throws {
        let index = plan("kreminna-wps-2020-2022")
        let source = graph.site.sourceFiles[index.plan.source!]!
        let printed = source.matches(of: /\b\d+,\d\b/).map { String($0.output) }.sorted()
        var data: [String] = []
        func collect(_ lines: [FundingLine]) {
            for line in lines { for amount in line.amounts.values { if case .value(let m) = amount { data.append(m.machine.replacingOccurrences(of: ".", with: ",")) } } }
        }
        index.measures.forEach { collect($0.measure.funding.lines) }
        index.goals.forEach { collect($0.goal.statedTotals?.lines ?? []) }
        collect(index.plan.budget?.statedTotals?.lines ?? [])
        #expect(data.sorted() == printed)
        #expect(printed.count > 40)
    }

    @Test func statedAndComputedTotalsOfTheCityPlan() {
        let index = plan("kreminna-wps-2020-2022")
        let checks = BudgetReconciler.checks(index).filter { $0.goal == nil }
        let local = checks.filter { $0.source == checks.first!.source }
        #expect(local.map { $0.stated!.machine } == ["57.0", "82.0", "92.0"])
        #expect(local.map(\.computed.machine) == ["57.0", "82.0", "93.0"])
        let other = checks.filter { $0.source != checks.first!.source }
        #expect(other.map { $0.stated!.machine } == ["38.0", "31.0", "31.0"])
        #expect(other.allSatisfy { $0.matches })
        let notNeeded = index.measures.filter { $0.measure.funding.status == .notNeeded }.count
        let within = index.measures.filter { $0.measure.funding.status == .withinExisting }.count
        #expect(notNeeded == 17)
        #expect(within == 1)
    }

    @Test func approvalsSignaturesAndVision() {
        let civil = plan("luhansk-civil-society-2020").plan
        #expect(civil.approval?.date == CalendarDate(year: 2019, month: 12, day: 20))
        #expect(civil.approval?.person == "Сергій ГАЙДАЙ")
        #expect(civil.signatory?.name == "Андрій ЗАЙЦЕВ")
        let wps = plan("luhansk-wps-2026-2030").plan
        #expect(wps.status == .draft)
        #expect(wps.approval?.date == nil)
        #expect(wps.approval.map { Approval.isBlank($0.number) && Approval.isBlank($0.datePrinted) } == true)
        #expect(wps.approval?.isFilledIn == false)
        #expect(civil.approval?.isFilledIn == true && plan("luhansk-civil-society-2020").plan.status == .approved)
        // Only the civil-society plan prints a filled-in approval; the WPS plan's stamp is blank.
        for id in ["kreminna-wps-2020-2022", "luhansk-strategy-2027", "minreintegration-2024"] {
            #expect(plan(id).plan.status == .notStated && plan(id).plan.approval == nil, "\(id)")
        }
        #expect(plan("luhansk-strategy-2027").plan.vision?.hasPrefix("Луганщина – СВІТАНОК УКРАЇНИ") == true)
    }

    @Test func compressedExecutorsAreExpandedInPrintedOrder() {
        let wps = plan("luhansk-wps-2026-2030")
        // Measure 1.1: the social protection department leads; the police take part by consent.
        let first = wps.measures[wps.measureByNumber["1.1"]!].measure.responsible!.assignments
        #expect(first.first?.executor.raw == "luhansk-oda-social-protection")
        #expect(first.first?.consent == false)
        #expect(first.contains { $0.executor.raw == "gunp-luhansk" && $0.consent })
        // The same department appears in plans of 2020 and 2026 as one executor.
        let plansOfDepartment = Set(graph.involvements[ExecutorID("luhansk-oda-social-protection")]!.map(\.key.plan))
        #expect(plansOfDepartment.count >= 2)
        // Collective entries are executors of their own kind.
        #expect(graph.executors[ExecutorID("igs")]?.kind == .collective)
        #expect(graph.involvements[ExecutorID("igs")]!.allSatisfy { $0.consent })
    }

    @Test func glossaryHasTheAbbreviationsTheDocumentsUse() {
        let abbreviations = Set(graph.glossary.map(\.abbr))
        for abbr in ["ВПО", "ІГС", "РВА", "ВА", "ГУНП в Луганській області", "ЦСССДМ", "ЦНАП"] {
            #expect(abbreviations.contains { $0 == abbr || $0.hasPrefix(abbr) }, "\(abbr) missing from the glossary")
        }
    }

    @Test func theRealSiteHasNoBrokenLinks() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-real-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = Builder.Options(content: Self.content, templates: TestSite.repository.appendingPathComponent("Templates").path, output: output)
        options.baseURL = "https://example.org/plany/"
        let result = try Builder(options: options).build()
        let crawl = try LinkCrawler.crawl(output, basePath: "/plany/")
        #expect(crawl.broken.isEmpty, "broken: \(crawl.broken.prefix(10))")
        #expect(crawl.pages == result.pages)
        #expect(result.pages > 1000)
        // Ukrainian dates end with «р.»: no page prints a second full stop after one.
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(home.contains("<p>Станом на ") && home.contains(" р.</p>"))
        var doubled: [String] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: output) where path.hasSuffix(".html") {
            if try String(contentsOfFile: output + "/" + path, encoding: .utf8).contains("р..") { doubled.append(path) }
        }
        #expect(doubled.isEmpty, "«р..» on \(doubled.prefix(5))")
    }
}

/// The same input gives byte-identical output: the whole real site, built twice.
@Suite struct DeterminismTests {
    @Test func theRealSiteIsByteIdenticalAcrossBuilds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-determinism-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        var digests: [[String: Data]] = []
        for run in 0..<2 {
            let output = root + "/run\(run)"
            let options = Builder.Options(content: RealContentTests.content,
                                          templates: TestSite.repository.appendingPathComponent("Templates").path, output: output)
            _ = try Builder(options: options).build()
            var files: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: output) {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory)
                if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: output + "/" + path) }
            }
            digests.append(files)
        }
        #expect(digests[0].count > 1400)
        #expect(digests[0].keys.sorted() == digests[1].keys.sorted())
        let differing = digests[0].keys.filter { digests[0][$0] != digests[1][$0] }.sorted()
        #expect(differing.isEmpty, "differ: \(differing.prefix(5))")
    }
}
