import Testing
@testable import PlanPressKit

/// Every mistake in a monitoring report is reported with its file:line:column
/// and what to do; all of them at once (Tests/Fixtures/monitoring-invalid-*).
@Suite struct MonitoringDiagnosticsTests {
    func failure(_ fixture: String) throws -> [String] {
        let site = try TestSite(fixture: fixture)
        defer { site.remove() }
        return site.failure()
    }

    @Test func formatMistakes() throws {
        let statuses = "Content/reports/statuses.yaml", values = "Content/reports/values.yaml"
        #expect(try failure("monitoring-invalid-format") == [
            "\(statuses):2:9: error: report period '2026-H3' is not a year (2026), half-year (2026-H1) or quarter (2026-Q3)",
            "\(statuses):4:3: error: reporter kind 'ngo' is unknown; use one of: official, civil-society",
            "\(statuses):6:12: error: 'published' of report: the date '2026-06-31' does not exist — June has 30 days",
            "\(statuses):9:13: error: status 'done' of measure 1.1 is not in the vocabulary; use one of: not-started («не розпочато»), in-progress («виконується»), completed («виконано»), partly-completed («виконано частково»), not-completed («не виконано»), no-information («немає інформації»)",
            "\(statuses):14:9: error: evidence url 'example.org/nakaz' must start with https:// or http://",
            "\(values):7:12: error: 'value' of indicator entry must be a number such as 12 or 3,5, found 'багато'",
            "\(values):11:11: error: 'date' of indicator entry must be a date as YYYY-MM-DD, found 'вчора'",
            "\(values):15:16: error: 'value' of breakdown entry must be a number such as 12 or 3,5, found a list",
            "\(values):16:5: error: indicator entry has no 'value': add `value: …`",
            "\(values):17:5: error: unknown key 'valeu' in indicator entry (did you mean 'value'?)",
        ])
    }

    @Test func unknownReferencesAndDuplicateReports() throws {
        let h1 = "Content/reports/official-h1.yaml", replies = "Content/reports/replies.yaml"
        #expect(try failure("monitoring-invalid-references") == [
            "Content/reports/official-h1-again.yaml:1:1: error: two reports by 'ОДА' cover plan 'town-plan' for 2026-H1 (also \(h1)): merge them into one",
            "\(h1):6:13: error: reporter names unknown executor 'odа' (did you mean 'oda'?); add it to Content/executors/ or fix the id",
            "\(h1):9:5: error: report gives a status for measure 1.9, but plan 'town-plan' has no such measure (did you mean '1.1', '1.2', '1.3'?)",
            "\(h1):11:5: error: report gives measure 1.3 twice: keep one entry",
            "\(h1):13:5: error: report gives a value for indicator '1.1-2', but plan 'town-plan' has no such indicator (did you mean '1.1-1', '1.2-1'?)",
            "Content/reports/official.yaml:1:7: error: report names unknown plan 'town-plam' (did you mean 'town-plan'?)",
            "\(replies):6:51: error: report 'official-h1' gives no status for measure 1.1, so there is nothing to reply to (did you mean '1.3', '1.9'?)",
            "\(replies):7:51: error: reply_to names unknown report 'official-h2' (did you mean 'official-h1', 'official'?); write the report's path under reports/, such as 2026/coalition-2026-h1",
            "\(replies):8:51: error: reply_to answers measure 1.4, but this entry is about measure 1.3: a reply answers the assessment of the same measure",
            "\(replies):9:51: error: reply_to points at this same report: a reply answers another report",
            "\(replies):10:51: error: reply_to 'official-h1' must name a report and a measure as <report>#<measure>, e.g. 2026/coalition-2026-h1#1.2 (the report's path under reports/)",
            "\(replies):11:51: error: reply_to names report 'official' about plan 'town-plam', but this report is about plan 'town-plan'",
            "\(replies):13:62: warning: value of indicator '1.1-1' is given in 'відсотків', but its target is in 'осіб': the site compares units as written, so the target is not assessed. If it is the same unit worded differently (like «осіб» and «дівчат та жінок» counting the same people), write it as the target does: 'осіб'; if the value counts something else (a part, say), leave it: it is shown without an assessment",
        ])
    }

    @Test func theValidFixtureHasNoDiagnostics() throws {
        let site = try TestSite(fixture: "monitoring-disagree")
        defer { site.remove() }
        let result = try Builder(options: site.options(strict: true)).check().result
        #expect(result.diagnostics.isEmpty)
    }
}
