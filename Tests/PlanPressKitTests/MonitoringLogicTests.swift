import Foundation
import Testing
@testable import PlanPressKit

/// Due, overdue, current status, counts and target assessment, value by value.
@Suite struct MonitoringLogicTests {
    func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
    func term(_ reading: TermReading) -> Term { Term(printed: "як надруковано", reading: reading, location: nil) }
    let key = SiteGraph.MeasureKey(plan: 0, measure: 0)
    let official = Reporter(kind: .official, name: "ОДА", executor: nil)
    let coalition = Reporter(kind: .civilSociety, name: "Коаліція 1325", executor: nil)

    func entry(_ period: String, _ reporter: Reporter, _ status: MeasureStatusValue, published: String = "2026-07-01", report: Int = 0) -> Monitoring.StatusEntry {
        Monitoring.StatusEntry(report: report, period: ReportPeriod(code: period)!, reporter: reporter, published: date(published),
                               status: status, narrativeHTML: nil, evidence: [])
    }

    func monitoring(asOf: String, history: [Monitoring.StatusEntry] = []) -> Monitoring {
        var monitoring = Monitoring(asOf: date(asOf))
        if !history.isEmpty { monitoring.history[key] = history }
        return monitoring
    }

    // MARK: period boundaries

    @Test(arguments: [
        // (term, as_of, due, overdue, due this year)
        (TermReading.years(from: 2025, to: 2025), "2025-12-31", false, false, true),
        (TermReading.years(from: 2025, to: 2025), "2026-01-01", true, true, false),
        (TermReading.years(from: 2026, to: 2030), "2026-11-21", false, false, false),
        (TermReading.quarters(year: 2026, from: 2, to: 2), "2026-06-30", false, false, true),
        (TermReading.quarters(year: 2026, from: 2, to: 2), "2026-07-01", true, true, false),
        (TermReading.quarters(year: 2026, from: 3, to: 4), "2026-12-31", false, false, true),
        (TermReading.months(year: 2026, from: 3, to: 4), "2026-04-30", false, false, true),
        (TermReading.months(year: 2026, from: 3, to: 4), "2026-05-01", true, true, false),
        (TermReading.months(year: 2028, from: 2, to: 2), "2028-02-29", false, false, true),
        (TermReading.months(year: 2028, from: 2, to: 2), "2028-03-01", true, true, false),
        (TermReading.duringYear(2024), "2025-01-01", true, true, false),
        (TermReading.recurring(frequency: .ongoing, from: 2020, to: 2022), "2022-12-31", false, false, true),
        (TermReading.recurring(frequency: .ongoing, from: 2020, to: 2022), "2031-01-01", true, true, false),
        (TermReading.recurring(frequency: .quarterly, from: 2026, to: 2026), "2026-03-31", false, false, true),
        (TermReading.recurring(frequency: .quarterly, from: 2026, to: 2026), "2026-06-01", true, true, true),
        (TermReading.recurring(frequency: .quarterly, from: 2026, to: 2026), "2027-01-01", true, true, false),
        (TermReading.recurring(frequency: .yearly(dueBy: 3), from: 2026, to: 2030), "2026-03-31", false, false, true),
        (TermReading.recurring(frequency: .yearly(dueBy: 3), from: 2026, to: 2030), "2026-04-01", true, true, false),
        (TermReading.recurring(frequency: .yearly, from: 2020, to: 2022), "2021-06-01", true, true, true),
        (TermReading.recurring(frequency: .ongoing, from: nil, to: nil), "2031-01-01", false, false, false),
        (TermReading.notStated, "2031-01-01", false, false, false),
    ])
    func dueAndOverdueAtPeriodBoundaries(reading: TermReading, asOf: String, due: Bool, overdue: Bool, dueThisYear: Bool) {
        let monitoring = monitoring(asOf: asOf)
        #expect(monitoring.isDue(term(reading)) == due)
        #expect(monitoring.isOverdue(key, term: term(reading)) == overdue)
        #expect(monitoring.isDueThisYear(term(reading)) == dueThisYear)
    }

    @Test func onlyCompletedStopsAMeasureBeingOverdue() {
        let past = term(.years(from: 2025, to: 2025))
        for status in MeasureStatusValue.allCases {
            let monitoring = monitoring(asOf: "2026-01-01", history: [entry("2025", official, status)])
            #expect(monitoring.isOverdue(key, term: past) == (status != .completed), "\(status)")
        }
    }

    @Test func aLaterReportCanMakeACompletedMeasureOverdueAgain() {
        let history = [entry("2025", official, .completed), entry("2026-H1", official, .partlyCompleted)]
        #expect(monitoring(asOf: "2026-07-01", history: history).isOverdue(key, term: term(.years(from: 2025, to: 2025))))
    }

    // MARK: each voice's latest status

    @Test func eachVoiceKeepsItsOwnStatusWhenReportsDisagree() throws {
        let history = [entry("2025", official, .inProgress), entry("2025", coalition, .inProgress),
                       entry("2026-H1", official, .completed, published: "2026-06-20"),
                       entry("2026-H1", coalition, .partlyCompleted, published: "2026-06-25")]
        let voices = try #require(monitoring(asOf: "2026-07-01", history: history).voices(key))
        #expect(voices.counted(.official)?.status == .completed)
        #expect(voices.counted(.civilSociety)?.status == .partlyCompleted)
        #expect(voices.counted(.civilSociety)?.period.code == "2026-H1")
        #expect(voices.disputed)
    }

    @Test func ofSeveralReportersOfOneVoiceTheLatestPublishedCounts() throws {
        let other = Reporter(kind: .civilSociety, name: "Інша організація", executor: nil)
        let history = [entry("2026", coalition, .notStarted, published: "2027-01-10"), entry("2026", other, .inProgress, published: "2027-02-01")]
        let voices = try #require(monitoring(asOf: "2027-03-01", history: history).voices(key))
        #expect(voices.counted(.civilSociety)?.status == .inProgress)
        #expect(voices.counted(.official) == nil)
        #expect(voices.disputed)
    }

    @Test func agreeingReportsAreNotDisputed() throws {
        let history = [entry("2025-Q4", official, .completed), entry("2025-Q4", coalition, .completed)]
        let voices = try #require(monitoring(asOf: "2026-01-01", history: history).voices(key))
        #expect(!voices.disputed)
        #expect(monitoring(asOf: "2026-01-01").voices(key) == nil)
    }

    @Test func periodsGroupTheHistoryAndMarkDisagreement() {
        let history = [entry("2025", official, .inProgress), entry("2025", coalition, .inProgress),
                       entry("2026-H1", official, .completed), entry("2026-H1", coalition, .partlyCompleted)]
        let periods = monitoring(asOf: "2026-07-01", history: history).periods(key)
        #expect(periods.map(\.period.code) == ["2025", "2026-H1"])
        #expect(periods.map(\.disagree) == [false, true])
        #expect(periods[1].official.map(\.status) == [.completed])
        #expect(periods[1].civilSociety.map(\.status) == [.partlyCompleted])
    }

    @Test func periodsOrderByTheirEndThenStart() {
        let codes = ["2026-Q4", "2026", "2026-H2", "2025", "2026-H1", "2026-Q1"]
        let sorted = codes.compactMap(ReportPeriod.init(code:)).sorted().map(\.code)
        #expect(sorted == ["2025", "2026-Q1", "2026-H1", "2026", "2026-H2", "2026-Q4"])
        #expect(ReportPeriod(code: "2026-H3") == nil)
        #expect(ReportPeriod(code: "2026-Q0") == nil)
        #expect(ReportPeriod(code: "26") == nil)
        #expect(ReportPeriod(code: "2026-Q3")?.end == YearMonth(year: 2026, month: 9))
    }

    // MARK: voices

    @Test func eachVoiceKeepsItsOwnLatestPeriod() throws {
        // The coalition reported on 2025 only; the official report on 2026-H1 does not hide it.
        let history = [entry("2025", coalition, .partlyCompleted, published: "2026-02-15"),
                       entry("2025", official, .inProgress, published: "2026-02-01"),
                       entry("2026-H1", official, .completed, published: "2026-07-10")]
        let voices = try #require(monitoring(asOf: "2026-08-01", history: history).voices(key))
        #expect(voices.official.map(\.status) == [.completed])
        #expect(voices.civilSociety.map(\.status) == [.partlyCompleted])
        #expect(voices.civilSociety.map(\.period.code) == ["2025"])
        #expect(voices.disputed)
        #expect(voices.counted(.civilSociety)?.reporter.name == "Коаліція 1325")
        #expect(monitoring(asOf: "2026-08-01").voices(key) == nil)
    }

    @Test func agreeingVoicesAreNotDisputed() throws {
        let history = [entry("2026-H1", official, .inProgress), entry("2026", coalition, .inProgress)]
        let voices = try #require(monitoring(asOf: "2027-02-01", history: history).voices(key))
        #expect(!voices.disputed)
        #expect(voices.all.count == 2)
    }

    @Test func anyVoiceSayingCompletedStopsAOneOffMeasureBeingOverdue() {
        let past = term(.years(from: 2025, to: 2025))
        let civil = monitoring(asOf: "2026-07-01", history: [entry("2025", official, .inProgress), entry("2026-H1", coalition, .completed)])
        #expect(!civil.isOverdue(key, term: past))
        let neither = monitoring(asOf: "2026-07-01", history: [entry("2025", official, .inProgress), entry("2026-H1", coalition, .partlyCompleted)])
        #expect(neither.isOverdue(key, term: past))
    }

    // MARK: recurring terms

    @Test func recurringTermsFallDueAtEachOccurrence() {
        #expect(TermReading.recurring(frequency: .quarterly, from: 2026, to: 2027).dueDates.map(\.iso)
            == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31", "2027-06-30", "2027-09-30", "2027-12-31"])
        #expect(TermReading.recurring(frequency: .yearly(dueBy: 3), from: 2026, to: 2028).dueDates.map(\.iso)
            == ["2026-03-31", "2027-03-31", "2028-03-31"])
        #expect(TermReading.recurring(frequency: .yearly(dueBy: 12), from: 2020, to: 2022).dueDates.map(\.iso)
            == ["2020-12-31", "2021-12-31", "2022-12-31"])
        #expect(TermReading.recurring(frequency: .ongoing, from: 2026, to: 2030).dueDates.map(\.iso) == ["2030-12-31"])
        #expect(TermReading.recurring(frequency: .scheduled, from: 2026, to: 2030).dueDates.map(\.iso) == ["2030-12-31"])
        #expect(TermReading.recurring(frequency: .monthly, from: 2026, to: 2026).dueDates.count == 12)
        #expect(TermReading.quarters(year: 2026, from: 2, to: 2).dueDates.map(\.iso) == ["2026-06-30"])
        #expect(TermReading.notStated.dueDates.isEmpty)
    }

    /// A `completed` report covers the occurrences up to the end of its period.
    @Test func aCompletedReportCoversOccurrencesUpToTheEndOfItsPeriod() {
        let quarterly = term(.recurring(frequency: .quarterly, from: 2026, to: 2026))
        let history = [entry("2026-H1", official, .completed)]
        #expect(!monitoring(asOf: "2026-07-15", history: history).isOverdue(key, term: quarterly))
        #expect(monitoring(asOf: "2026-10-01", history: history).isOverdue(key, term: quarterly))
        #expect(monitoring(asOf: "2026-10-01").isOverdue(key, term: quarterly))
        #expect(monitoring(asOf: "2026-10-01").nextDue(quarterly)?.iso == "2026-12-31")
        #expect(monitoring(asOf: "2026-10-01").lastDue(quarterly)?.iso == "2026-09-30")
        // After the plan period: overdue unless a report for the last occurrence says completed.
        let ongoing = term(.recurring(frequency: .ongoing, from: 2020, to: 2022))
        #expect(monitoring(asOf: "2026-01-01").isOverdue(key, term: ongoing))
        #expect(!monitoring(asOf: "2026-01-01", history: [entry("2022", coalition, .completed)]).isOverdue(key, term: ongoing))
        #expect(monitoring(asOf: "2026-01-01", history: [entry("2021", official, .completed)]).isOverdue(key, term: ongoing))
    }

    // MARK: counts

    @Test func countsByStatusOverdueAndDueThisYear() {
        var monitoring = Monitoring(asOf: date("2026-07-01"))
        let keys = (0..<4).map { SiteGraph.MeasureKey(plan: 0, measure: $0) }
        monitoring.history[keys[0]] = [entry("2025", official, .completed)]
        monitoring.history[keys[1]] = [entry("2026-H1", official, .completed), entry("2026-H1", coalition, .notCompleted)]
        monitoring.history[keys[2]] = [entry("2026-H1", official, .inProgress)]
        let terms = [term(.years(from: 2025, to: 2025)), term(.years(from: 2025, to: 2025)),
                     term(.quarters(year: 2026, from: 2, to: 2)), term(.years(from: 2026, to: 2026))]
        let counts = monitoring.counts(zip(keys, terms).map { (key: $0, term: $1) })
        // Each voice is counted apart: the coalition's «не виконано» is not dropped for the official «виконано».
        #expect(counts[.official, .completed] == 2)
        #expect(counts[.official, .inProgress] == 1)
        #expect(counts[.official, .notCompleted] == 0)
        #expect(counts[.civilSociety, .notCompleted] == 1)
        #expect(counts[.civilSociety, .completed] == 0)
        #expect(counts.unreported == 1)
        #expect(counts.disputed == 1)
        #expect(counts.overdue == 1)
        #expect(counts.dueThisYear == 1)
        #expect(counts.total == 4 && counts.reported == 3)
    }

    /// Lists behind counts: a voice that reported on every measure counts them all.
    @Test func listsPerVoice() {
        var monitoring = Monitoring(asOf: date("2026-07-01"))
        let keys = (0..<2).map { SiteGraph.MeasureKey(plan: 0, measure: $0) }
        monitoring.history[keys[0]] = [entry("2026-H1", official, .completed)]
        monitoring.history[keys[1]] = [entry("2026-H1", official, .inProgress), entry("2026-H1", coalition, .notStarted)]
        let lists = monitoring.lists(keys.map { (key: $0, term: term(.years(from: 2026, to: 2026))) })
        #expect(lists.reported(.official) == 2)
        #expect(lists.reported(.civilSociety) == 1)
        #expect(lists.list(.official, .completed) == [keys[0]])
        #expect(lists.list(.civilSociety, .notStarted) == [keys[1]])
        #expect(lists.unreportedBy[.civilSociety] == [keys[0]])
        #expect(lists.disputed == [keys[1]])
        #expect(lists.runningThisYear == keys && lists.dueThisYear == keys && lists.overdue.isEmpty)
    }

    // MARK: targets

    func target(_ comparator: Target.Comparator?, _ value: String?, unit: String? = "осіб") -> Target {
        Target(printed: "ціль", value: value.flatMap { Money(parsing: $0) }, unit: unit, comparator: comparator)
    }

    @Test(arguments: [
        (Target.Comparator.atLeast, "100", "100", TargetAssessment.met),
        (.atLeast, "100", "99,9", .notMet),
        (.atMost, "5", "5", .met),
        (.atMost, "5", "8", .notMet),
        (.exactly, "1", "1,0", .met),
        (.exactly, "1", "2", .notMet),
        (.about, "50", "45", .met),
        (.about, "50", "55", .met),
        (.about, "50", "44,9", .notMet),
        (.about, "50", "55,1", .notMet),
    ])
    func targetComparators(comparator: Target.Comparator, target value: String, actual: String, expected: TargetAssessment) {
        #expect(target(comparator, value).assess(Money(parsing: actual)!, unit: "осіб") == expected)
    }

    @Test func targetsThatCannotBeAssessed() {
        let actual = Money(parsing: "3")!
        #expect(target(.atLeast, nil).assess(actual, unit: nil) == .notAssessable(.noNumber))
        #expect(target(nil, "3").assess(actual, unit: nil) == .notAssessable(.noComparator))
        #expect(target(.atLeast, "3", unit: "осіб").assess(actual, unit: "заходів") == .notAssessable(.unitsDiffer))
        #expect(target(.atLeast, "3", unit: "тис. грн").assess(actual, unit: "Тис грн") == .met)
        #expect(target(.atLeast, "3", unit: "осіб").assess(actual, unit: nil) == .met)
    }

    @Test func latestValuePrefersTheOfficialFigureOnTheSameDate() throws {
        var monitoring = Monitoring(asOf: date("2026-07-01"))
        let key = Monitoring.IndicatorKey(plan: 0, indicator: 0)
        func value(_ amount: String, _ day: String, _ reporter: Reporter, report: Int) -> Monitoring.ValueEntry {
            Monitoring.ValueEntry(report: report, reporter: reporter, value: IndicatorValue(
                indicator: "1-1", value: Money(parsing: amount)!, date: date(day), unit: nil, breakdown: [], note: nil,
                location: SourceLocation(file: "r.yaml")))
        }
        monitoring.values[key] = [value("40", "2025-06-30", official, report: 0), value("120", "2025-12-31", official, report: 0),
                                  value("95", "2025-12-31", coalition, report: 1)]
        #expect(try #require(monitoring.latestValue(key)).value.value == Money(parsing: "120")!)
        monitoring.values[key]!.append(value("130", "2026-01-15", coalition, report: 2))
        #expect(try #require(monitoring.latestValue(key)).value.value == Money(parsing: "130")!)
    }
}
