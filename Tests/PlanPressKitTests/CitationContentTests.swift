import Foundation
import Testing
@testable import PlanPressKit

/// Citations in content: the `lines:` syntax, the all-or-none rule, the
/// `planpress cite` proposer and writer, and the five real plans.
@Suite struct CitationContentTests {
    @Test func lineRangesParse() {
        #expect(LineRanges.parse("120-131") == 120...131)
        #expect(LineRanges.parse("120–131") == 120...131)
        #expect(LineRanges.parse(" 7 ") == 7...7)
        #expect(LineRanges.parse("131-120") == nil)
        #expect(LineRanges.parse("0") == nil)
        #expect(LineRanges.parse("a-b") == nil)
        #expect(Citation.yaml([120...125, 128...131]) == "[120-125, 128-131]")
        #expect(Citation(ranges: [120...125, 128...131], location: SourceLocation(file: "x"), fields: [], corrections: []).display == "120–125, 128–131")
    }

    private func site(_ plan: String, source: String) throws -> TestSite {
        try TestSite([
            "site.yaml": "title: \"Т\"\nbase_url: \"https://example.org/\"\nas_of: 2026-01-01\n",
            "executors/a.yaml": "- {id: council, name: \"Рада\", kind: authority}\n",
            "plans/p/plan.yaml": plan,
            "sources/p.txt": source,
        ])
    }

    private let header = """
    id: p
    title: "План"
    period: {from: 2020, to: 2020}
    source: p.txt
    levels:
      - {name: "Захід", plural: "Заходи", slug: measure}
    measures:

    """

    @Test func badLineSyntaxAndOverlapsAreErrorsAtTheValue() throws {
        let plan = header + """
          - number: "1"
            lines: 3-x
            text: "Перший"
          - number: "2"
            lines: [4-6, 5-7]
            text: "Другий"
        """
        let test = try site(plan, source: "Перший\nДругий\n")
        defer { test.remove() }
        let messages = test.failure()
        #expect(messages.contains { $0.contains("plan.yaml:9:12: error: measure 1: 'lines' must be line numbers like 120-131") })
        #expect(messages.contains { $0.contains("plan.yaml:12:18: error: measure 2: line ranges in 'lines' must go forward without overlapping") })
    }

    @Test func linesOutsideTheSourceAreAnError() throws {
        let plan = header + """
          - number: "1"
            lines: 5
            text: "Перший"
        """
        let test = try site(plan, source: "Перший\n")
        defer { test.remove() }
        let messages = test.failure()
        #expect(messages.contains { $0.contains("measure 1: lines 5–5 are outside p.txt, which has 1 lines") })
    }

    @Test func theProposerCitesEachItemAndTheWriterInsertsOnlyLines() throws {
        let source = "План\n\n1\tПерший захід\tРада\n2\tДругий захід, що\n\n1\t2\t3\n\tпродовжується\tРада\n"
        let plan = header + """
          - number: "1"
            text: "Перший захід"
            responsible: {printed: "Рада", executors: [council]}
          - number: "2"
            text: "Другий захід, що продовжується"
            responsible: {printed: "Рада", executors: [council]}
        """
        let test = try site(plan, source: source)
        defer { test.remove() }
        let (loaded, _) = ContentLoader.load(from: test.content)
        let parsed = try #require(loaded?.plans.first)
        let proposals = CitationProposer(sourceText: source).propose(parsed)
        #expect(proposals.map(\.ranges) == [[3...3], [4...4, 7...7]])
        #expect(proposals.allSatisfy { $0.problems.isEmpty })
        let written = CitationWriter.insert(proposals, into: plan)
        #expect(written.written == 2)
        #expect(written.text == plan.replacingOccurrences(of: "number: \"1\"\n", with: "number: \"1\"\n    lines: 3\n")
                                    .replacingOccurrences(of: "number: \"2\"\n", with: "number: \"2\"\n    lines: [4, 7]\n"))
    }

    @Test func everyItemOfTheFivePlansIsCitedAndPasses() throws {
        let (loaded, diagnostics) = ContentLoader.load(from: RealContentTests.content)
        let site = try #require(loaded)
        #expect(site.plans.count == 5)
        for plan in site.plans {
            let items = CitationChecker.items(of: plan)
            let uncited = items.filter { $0.citation?.isCited != true }.map(\.what)
            #expect(uncited.isEmpty, "\(plan.id): \(uncited.prefix(5))")
            #expect(items.allSatisfy { !($0.citation?.fields.isEmpty ?? true) })
            let sink = DiagnosticSink()
            CitationChecker.check(plan, sourceText: site.sourceFiles[plan.source ?? ""], sink: sink)
            #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics.prefix(3))")
        }
        #expect(diagnostics.errorCount == 0)
        // The declared corrections are where the notes say (strategic goal 1 of the 2026–2030 plan).
        let wps = try #require(site.plans.first { $0.id.raw == "luhansk-wps-2026-2030" })
        #expect(wps.goals[0].citation?.corrections.map(\.printed) == ["відновлен1ня"])
    }
}
