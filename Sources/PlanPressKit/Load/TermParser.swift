/// Reads a printed term («IV квартал», «2026–2030», «протягом року») into a `TermReading`.
public enum TermParser {
    static let months: [String: Int] = [
        "січень": 1, "лютий": 2, "березень": 3, "квітень": 4, "травень": 5, "червень": 6,
        "липень": 7, "серпень": 8, "вересень": 9, "жовтень": 10, "листопад": 11, "грудень": 12,
        // genitive forms («до листопада», «грудня 2024»)
        "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
        "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    ]
    static let romans: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4]

    /// Returns nil when the text is not one of the documented forms.
    public static func read(_ printed: String, period: Period) -> TermReading? {
        let text = normalise(printed)
        if text.isEmpty { return .notStated }
        if let recurring = recurring(text, period: period) { return recurring }
        let years = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (1900...2200).contains($0) }
        let year = years.first ?? period.defaultYear
        if text.hasPrefix("протягом") && text.contains("рок") {
            guard let year else { return nil }
            return .duringYear(year)
        }
        if text.contains("квартал") { return quarters(text, year: year) }
        if let monthReading = monthsReading(text, year: year) { return monthReading }
        let stripped = text.replacingOccurrences(of: "роки", with: "").replacingOccurrences(of: "року", with: "")
            .replacingOccurrences(of: "рік", with: "").replacingOccurrences(of: "рр.", with: "")
            .replacingOccurrences(of: "р.", with: "").replacingOccurrences(of: " ", with: "")
        let yearOnly = stripped.allSatisfy { $0.isNumber || $0 == "-" }
        if yearOnly, years.count == 1 { return .years(from: years[0], to: years[0]) }
        if yearOnly, years.count == 2, years[0] <= years[1] { return .years(from: years[0], to: years[1]) }
        return nil
    }

    static func normalise(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for char in text.lowercased() {
            let mapped: Character = ["–", "—", "‐", "‑", "−"].contains(char) ? "-" : char
            if mapped.isWhitespace {
                if !lastWasSpace && !result.isEmpty { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(mapped)
                lastWasSpace = false
            }
        }
        return result.trimmingSpaces()
            .replacingOccurrences(of: " - ", with: "-")
    }

    private static func recurring(_ text: String, period: Period) -> TermReading? {
        let compact = text.replacingOccurrences(of: "-", with: "")
        let table: [(String, TermReading.Frequency)] = [
            ("постійно", .ongoing), ("щоквартал", .quarterly), ("щомісяч", .monthly), ("щомісяц", .monthly),
            ("щороку", .yearly), ("щорічно", .yearly), ("за окремим графіком", .scheduled),
        ]
        for (prefix, frequency) in table where compact.hasPrefix(prefix) {
            if frequency == .yearly { return .recurring(frequency: yearly(text), from: period.from, to: period.to) }
            return .recurring(frequency: frequency, from: period.from, to: period.to)
        }
        // «листопад – грудень щороку»: months first, the frequency last.
        if compact.hasSuffix("щороку") || compact.hasSuffix("щорічно") {
            return .recurring(frequency: yearly(text), from: period.from, to: period.to)
        }
        return nil
    }

    /// A yearly term's month of falling due: the last month or quarter it names
    /// («щорічно (1 квартал)» → March, «листопад – грудень щороку» → December).
    private static func yearly(_ text: String) -> TermReading.Frequency {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if text.contains("квартал"), let quarter = words.compactMap({ romans[String($0)] ?? Int($0).flatMap { (1...4).contains($0) ? $0 : nil } }).last {
            return .yearly(dueBy: quarter * 3)
        }
        if let month = words.compactMap({ months[String($0)] }).last { return .yearly(dueBy: month) }
        return .yearly
    }

    /// The reading of a term written `{printed: …, recurring: true}`: its
    /// frequency when the printed text names one, else «за окремим графіком».
    public static func recurringReading(_ printed: String?, from: Int?, to: Int?) -> TermReading {
        let span = Period(from: from, to: to)
        if let printed, case .recurring(let frequency, _, _)? = recurring(normalise(printed), period: span) {
            return .recurring(frequency: frequency, from: from, to: to)
        }
        return .recurring(frequency: .scheduled, from: from, to: to)
    }

    private static func quarters(_ text: String, year: Int?) -> TermReading? {
        guard let year else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        let numbers = words.compactMap { romans[String($0)] ?? Int($0).flatMap { (1...4).contains($0) ? $0 : nil } }
        guard let first = numbers.first, let last = numbers.last, first <= last else { return nil }
        return .quarters(year: year, from: first, to: last)
    }

    private static func monthsReading(_ text: String, year: Int?) -> TermReading? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        let found = words.compactMap { months[String($0)] }
        guard let first = found.first, let last = found.last, let year else { return nil }
        let others = words.filter { months[String($0)] == nil && Int($0) == nil && !["року", "р.", "рік", "до", "у", "в"].contains(String($0)) }
        guard others.isEmpty, first <= last else { return nil }
        return .months(year: year, from: first, to: last)
    }
}
