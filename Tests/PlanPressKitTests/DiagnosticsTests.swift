import Testing
@testable import PlanPressKit

/// Bad input gets file:line:column and a message that says what to do.
@Suite struct DiagnosticsTests {
    func failure(plan: String, extra: [String: String] = [:], strict: Bool = false) throws -> [String] {
        var files = ["executors/bodies.yaml": TestSite.executors, "plans/p/plan.yaml": plan]
        files.merge(extra) { _, new in new }
        let site = try TestSite(files)
        defer { site.remove() }
        return site.failure(strict: strict)
    }

    let header = """
    id: p
    title: "План"
    period: {from: 2025, to: 2025}
    levels:
      - {name: "Захід", slug: measure}
    measures:

    """

    @Test func unknownExecutorListsTheClosestIds() throws {
        let result = try failure(plan: header + """
          - number: "1"
            text: "Захід"
            responsible:
              executors: [dsz]
        """)
        #expect(result == ["Content/plans/p/plan.yaml:10:19: error: measure 1 names unknown executor 'dsz' (did you mean 'dszn'?); add it to Content/executors/ or fix the id"])
    }

    @Test func duplicateMeasureNumbers() throws {
        let result = try failure(plan: header + """
          - {number: "1", text: "А"}
          - {number: "1", text: "Б"}
        """)
        #expect(result == ["Content/plans/p/plan.yaml:8:5: error: measure 1 appears twice in plan 'p' (first at line 7): measure numbers must be unique"])
    }

    @Test func malformedAmountsAndYears() throws {
        let plan = """
        id: p
        title: "План"
        period: {from: 2025, to: 2025}
        levels:
          - {name: "Захід", slug: measure}
        budget:
          years: [2025]
          sources: [{id: local, name: "Бюджет"}]
        measures:
          - number: "1"
            text: "Захід"
            funding:
              lines:
                - {source: "Бюджет", amounts: {2025: "сім", 20x5: "1,0"}}
        """
        let result = try failure(plan: plan)
        #expect(result == [
            "Content/plans/p/plan.yaml:14:46: error: measure 1: amount 'сім' for 2025 is not a number; write it as printed, e.g. \"7,0\", \"1 234,5\" or \"-\"",
            "Content/plans/p/plan.yaml:14:53: error: measure 1: '20x5' is not a year; amounts are keyed by year like 2021",
        ])
    }

    @Test func unknownKeysAreTypos() throws {
        let result = try failure(plan: header + """
          - number: "1"
            text: "Захід"
            tern: "2025"
        """)
        #expect(result == ["Content/plans/p/plan.yaml:9:5: error: unknown key 'tern' in measure (did you mean 'term', 'text'?)"])
    }

    @Test func unreadableTermsAskForTheExplicitForm() throws {
        let result = try failure(plan: header + """
          - number: "1"
            text: "Захід"
            term: "колись"
        """)
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("Content/plans/p/plan.yaml:9:11: error: measure 1: cannot read the term 'колись'; write it as {printed:"))
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() throws {
        let result = try failure(plan: "id: p\ntitle: \"unclosed\nperiod: x\n")
        #expect(result.count == 1)
        // Where the quote opens, in plain words.
        #expect(result == ["Content/plans/p/plan.yaml:2:8: error: a quote is opened but never closed — add the closing quote at the end of the value"])
    }

    @Test func duplicateKeysAreRejected() throws {
        let result = try failure(plan: "id: p\nid: q\n")
        #expect(result.first?.hasPrefix("Content/plans/p/plan.yaml:") == true)
        #expect(result.first?.contains("duplicate key 'id'") == true)
    }

    @Test func commentaryForAnItemThatDoesNotExist() throws {
        let result = try failure(plan: header + "  - {number: \"1\", text: \"А\"}\n", extra: ["commentary/x.md": "---\nabout: measure:p/2\n---\nТекст\n"])
        #expect(result == ["Content/commentary/x.md:2:1: error: commentary is about measure:p/2, but plan 'p' has no measure 2 (did you mean '1'?)"])
    }

    @Test func brokenMarkdownLinkPointsAtItsLine() throws {
        let result = try failure(plan: header + "  - {number: \"1\", text: \"А\"}\n",
                                 extra: ["commentary/x.md": "---\nabout: plan:p\n---\nПерший рядок\n\nДив. [захід](measure:p/7)\n"])
        #expect(result == ["Content/commentary/x.md:6:6: error: link 'measure:p/7' points to measure:p/7, but plan 'p' has no measure 7 (did you mean '1'?)"])
    }

    @Test func duplicateExecutorIdsAcrossFiles() throws {
        let result = try failure(plan: header + "  - {number: \"1\", text: \"А\"}\n",
                                 extra: ["executors/more.yaml": "- id: oda\n  name: \"Інша\"\n  kind: authority\n"])
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("Content/executors/more.yaml:1:3: error: executor 'oda' is defined twice (also at "))
    }

    @Test func unsafeIdsAreRejected() throws {
        let result = try failure(plan: header + "  - {number: \"../../etc\", text: \"А\"}\n")
        #expect(result.contains { $0.contains("number '../../etc' is not allowed in a URL") })
    }

    @Test func allProblemsAreListedTogether() throws {
        let result = try failure(plan: header + """
          - number: "1"
            text: "А"
            responsible: {executors: [nobody]}
          - number: "2"
            text: "Б"
            responsible: {executors: [noone]}
        """)
        #expect(result.count == 2)
    }

    @Test func strictTurnsBudgetMismatchesIntoFailures() throws {
        let plan = """
        id: p
        title: "План"
        period: {from: 2025, to: 2025}
        levels:
          - {name: "Захід", slug: measure}
        budget:
          years: [2025]
          sources: [{id: local, name: "Бюджет"}]
          stated_totals:
            lines: [{source: "Бюджет", amounts: {2025: "5,0"}}]
        measures:
          - {number: "1", text: "А", funding: {lines: [{source: "Бюджет", amounts: {2025: "2,0"}}]}}
          - {number: "2", text: "Б", funding: {lines: [{source: "Бюджет", amounts: {2025: "2,0"}}]}}
        """
        #expect(try failure(plan: plan).isEmpty)
        let strict = try failure(plan: plan, strict: true)
        #expect(strict == ["Content/plans/p/plan.yaml:10:13: warning: stated total for the plan, Бюджет, 2025 is 5.0 but its 2 row(s) add up to 4.0 (difference -1.0); the site shows both"])
    }

    @Test func templateSyntaxErrorsNameTheTemplateLine() throws {
        let templates = TestSite.fixtures.appendingPathComponent("broken-templates").path
        let site = try TestSite(["executors/bodies.yaml": TestSite.executors], templates: templates)
        defer { site.remove() }
        let result = site.failure()
        #expect(result.contains { $0.hasSuffix("broken-templates/home.mustache:4:1: error: template syntax: a section {{#…}} is never closed with {{/…}}; check the {{tags}} on this line") })
    }
}
