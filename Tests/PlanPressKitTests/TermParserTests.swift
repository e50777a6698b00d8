import Testing
@testable import PlanPressKit

@Suite struct TermParserTests {
    let plan2020 = Period(from: 2020, to: 2020)
    let plan2026 = Period(from: 2026, to: 2030)

    @Test func years() {
        #expect(TermParser.read("2026", period: plan2026) == .years(from: 2026, to: 2026))
        #expect(TermParser.read("2026–2030", period: plan2026) == .years(from: 2026, to: 2030))
        #expect(TermParser.read("2026 - 2030 роки", period: plan2026) == .years(from: 2026, to: 2030))
        #expect(TermParser.read("2027 рік", period: plan2026) == .years(from: 2027, to: 2027))
    }

    @Test func quartersUseThePlanYear() {
        #expect(TermParser.read("IV квартал", period: plan2020) == .quarters(year: 2020, from: 4, to: 4))
        #expect(TermParser.read("II-IV квартал", period: plan2020) == .quarters(year: 2020, from: 2, to: 4))
        #expect(TermParser.read("I–II квартали", period: plan2020) == .quarters(year: 2020, from: 1, to: 2))
        #expect(TermParser.read("II квартал 2021 року", period: plan2020) == .quarters(year: 2021, from: 2, to: 2))
    }

    @Test func monthsAndDuringTheYear() {
        #expect(TermParser.read("листопад", period: Period(from: 2024, to: 2024)) == .months(year: 2024, from: 11, to: 11))
        #expect(TermParser.read("березень–квітень", period: plan2020) == .months(year: 2020, from: 3, to: 4))
        #expect(TermParser.read("протягом року", period: plan2020) == .duringYear(2020))
    }

    @Test func recurring() {
        #expect(TermParser.read("Постійно", period: plan2026) == .recurring(frequency: .ongoing, from: 2026, to: 2030))
        #expect(TermParser.read("Що-квартально", period: plan2026) == .recurring(frequency: .quarterly, from: 2026, to: 2030))
        #expect(TermParser.read("постійно (за окремим графіком)", period: plan2026)?.isRecurring == true)
    }

    /// Yearly terms fall due at the end of the month or quarter they name, December when none.
    @Test func yearlyTermsKnowTheirMonth() {
        #expect(TermParser.read("Щорічно (1 квартал)", period: plan2026) == .recurring(frequency: .yearly(dueBy: 3), from: 2026, to: 2030))
        #expect(TermParser.read("Листопад – грудень щороку", period: plan2026) == .recurring(frequency: .yearly(dueBy: 12), from: 2026, to: 2030))
        #expect(TermParser.read("щороку", period: plan2026) == .recurring(frequency: .yearly, from: 2026, to: 2030))
        // `{printed: …, recurring: true}`: the printed text is read when it names a frequency.
        #expect(TermParser.recurringReading("Щорічно (1 квартал)", from: 2026, to: 2030) == .recurring(frequency: .yearly(dueBy: 3), from: 2026, to: 2030))
        #expect(TermParser.recurringReading("Листопад – грудень щороку", from: 2020, to: 2022).dueDates.map(\.iso) == ["2020-12-31", "2021-12-31", "2022-12-31"])
        #expect(TermParser.recurringReading("за графіком міністерства", from: 2026, to: 2030) == .recurring(frequency: .scheduled, from: 2026, to: 2030))
    }

    @Test func unknownFormsAreNotGuessed() {
        #expect(TermParser.read("до кінця строку дії плану", period: plan2026) == nil)
        #expect(TermParser.read("листопад 2024 або пізніше", period: plan2026) == nil)
    }

    @Test func dueDatesAreTheLastDayOfTheTerm() {
        #expect(TermReading.quarters(year: 2020, from: 4, to: 4).due == CalendarDate(year: 2020, month: 12, day: 31))
        #expect(TermReading.months(year: 2024, from: 2, to: 2).due == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(TermReading.years(from: 2026, to: 2030).due == CalendarDate(year: 2030, month: 12, day: 31))
        #expect(TermReading.recurring(frequency: .ongoing, from: nil, to: nil).due == nil)
    }
}
