/// Numbers, dates and counts in the interface language.
public struct Formatting: Sendable {
    public let language: String

    static let monthsGenitive = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
                                 "вересня", "жовтня", "листопада", "грудня"]
    static let monthsNominative = ["січень", "лютий", "березень", "квітень", "травень", "червень", "липень",
                                   "серпень", "вересень", "жовтень", "листопад", "грудень"]
    static let monthsEnglish = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    public func money(_ money: Money) -> String {
        language == "en" ? Money.digits(of: money.value, scale: max(money.scale, 1), group: ",", point: ".")
            : Money.digits(of: money.value, scale: max(money.scale, 1), group: "\u{00A0}", point: ",")
    }

    public func number(_ money: Money) -> String {
        language == "en" ? Money.digits(of: money.value, scale: money.scale, group: ",", point: ".")
            : money.ukrainian
    }

    /// «5 грудня» / "5 December": a day this year, in a badge.
    public func dayMonth(_ date: CalendarDate) -> String {
        language == "en" ? "\(date.day) \(Formatting.monthsEnglish[date.month - 1])" : "\(date.day) \(Formatting.monthsGenitive[date.month - 1])"
    }

    public func date(_ date: CalendarDate) -> String {
        if language == "en" { return "\(date.day) \(Formatting.monthsEnglish[date.month - 1]) \(date.year)" }
        return "\(date.day) \(Formatting.monthsGenitive[date.month - 1]) \(date.year) р."
    }

    public func monthName(_ month: Int) -> String {
        language == "en" ? Formatting.monthsEnglish[month - 1] : Formatting.monthsNominative[month - 1]
    }

    /// Ukrainian plural: 1 захід, 2 заходи, 5 заходів. `forms` = [one, few, many].
    public func count(_ n: Int, _ forms: [String]) -> String {
        "\(n)\u{00A0}\(plural(n, forms))"
    }

    public func plural(_ n: Int, _ forms: [String]) -> String {
        guard forms.count == 3 else { return forms.first ?? "" }
        if language == "en" { return n == 1 ? forms[0] : forms[2] }
        let mod10 = n % 10, mod100 = n % 100
        if mod10 == 1 && mod100 != 11 { return forms[0] }
        if (2...4).contains(mod10) && !(12...14).contains(mod100) { return forms[1] }
        return forms[2]
    }
}
