import Foundation

/// Which column of a plan table holds what, read from its headings (or given with `--columns`).
public enum ColumnRole: String, CaseIterable, Sendable {
    case number, task, text, responsible, term, indicators, results, source, amount, skip

    /// The role a heading names, from its words (lower-cased, apostrophes and dashes unified).
    /// Order matters: «Прогнозний обсяг фінансування … виконання завдання» is money, not a task;
    /// «Показник виконання» and «Строк виконання» are not the responsible column.
    static func of(heading: String) -> ColumnRole? {
        let h = heading.lowercased()
        func has(_ words: String...) -> Bool { words.contains { h.contains($0) } }
        if h.isEmpty { return nil }
        if has("джерел") { return .source }
        if has("обсяг", "сума", "кошторис", "тис. грн", "тис.грн", "вартість") || (has("фінансуван") && !has("джерел")) { return .amount }
        if has("показник", "індикатор") { return .indicators }
        if has("очікуван", "результат") { return .results }
        if has("відповідальн", "виконавц", "виконавец", "виконавець") { return .responsible }
        if has("строк", "термін", "дата виконання", "період виконання") { return .term }
        if has("завдан", "задач") && !has("заход", "захід") { return .task }
        if has("заход", "захід", "зміст", "назва", "найменування", "дії", "пункт") { return .text }
        if has("№", "з/п", "п/п", "номер") || h == "n" { return .number }
        if ColumnRole.year(h) != nil { return .amount }
        return nil
    }

    /// `2020`, `2020 рік`, `2020 р.` as a year heading.
    static func year(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1990...2100).contains(year) else { return nil }
        let rest = text.dropFirst(4).trimmingCharacters(in: [" ", ".", "\u{A0}"])
        return ["", "рік", "р", "році", "року"].contains(rest) ? year : nil
    }
}

/// The columns of the chosen table: grid column → role, the heading words, the years of the
/// money columns and which leading rows are headings.
struct PlanColumns {
    var roles: [ColumnRole: [Int]] = [:]
    var headings: [ColumnRole: String] = [:]
    /// Grid column → year, for money columns.
    var years: [Int: Int] = [:]
    /// Leading rows that are the table's heading (repeated-header rows and the year row).
    var headerRows = 0
    /// The money heading as printed, its unit (`тис. грн`) when the heading names one.
    var moneyHeading: String?
    var unit: String?

    func columns(_ role: ColumnRole) -> [Int] { roles[role] ?? [] }
    func has(_ role: ColumnRole) -> Bool { !(roles[role] ?? []).isEmpty }

    /// A heading cell's text: its lines joined by spaces, spaces collapsed.
    static func words(_ cell: WordDocument.Cell) -> String { PlanText.oneLine(cell.lines) }

    /// Reads the headings of `table`. `given`: roles named with `--columns`, one per grid column
    /// from the left (`skip` for a column to leave out).
    static func read(_ table: WordDocument.Table, given: [ColumnRole]?) -> PlanColumns {
        var columns = PlanColumns()
        // Heading rows: those marked to repeat, or else the first row and a row of years under it.
        var count = table.rows.prefix { $0.isHeader }.count
        if count == 0, !table.rows.isEmpty {
            count = 1
            if table.rows.count > 1, isYearRow(table.rows[1]) { count = 2 }
        }
        columns.headerRows = min(count, table.rows.count)
        var texts: [Int: [String]] = [:]
        for row in table.rows.prefix(columns.headerRows) {
            for cell in row.cells where cell.merge != .continue {
                let text = words(cell)
                guard !text.isEmpty else { continue }
                for column in cell.column..<(cell.column + cell.span) {
                    if let year = ColumnRole.year(text), cell.span == 1 { columns.years[column] = year }
                    texts[column, default: []].append(text)
                }
            }
        }
        if let given {
            for (column, role) in given.enumerated() where role != .skip {
                columns.roles[role, default: []].append(column)
                if columns.headings[role] == nil, let heading = texts[column]?.first { columns.headings[role] = heading }
            }
        } else {
            var taken: Set<String> = []
            for column in 0..<table.columns {
                guard let heading = texts[column]?.first else { continue }
                var role = ColumnRole.of(heading: heading)
                if columns.years[column] != nil { role = .amount }
                guard let found = role else { continue }
                // One heading spanning several columns names the first of them; the money heading names all
                // its year columns. A second column with a role already taken is left out.
                let key = "\(heading)|\(found.rawValue)"
                if found != .amount, taken.contains(key) || columns.has(found) { continue }
                taken.insert(key)
                columns.roles[found, default: []].append(column)
                if columns.headings[found] == nil { columns.headings[found] = heading }
            }
        }
        if let money = columns.columns(.amount).compactMap({ texts[$0]?.first { ColumnRole.year($0) == nil } }).first {
            columns.moneyHeading = money
            columns.unit = unit(in: money)
        }
        return columns
    }

    static func isYearRow(_ row: WordDocument.Row) -> Bool {
        let texts = row.cells.filter { $0.merge != .continue }.map(words).filter { !$0.isEmpty }
        return !texts.isEmpty && texts.allSatisfy { ColumnRole.year($0) != nil }
    }

    /// `тис. грн`, `млн грн`, `грн` as a heading prints it (the final dot of an abbreviation dropped).
    static func unit(in heading: String) -> String? {
        let lower = heading.lowercased()
        for (pattern, unit) in [("тис. грн", "тис. грн"), ("тис.грн", "тис. грн"), ("тисяч гривень", "тис. грн"),
                                ("млн. грн", "млн грн"), ("млн грн", "млн грн"), ("мільйонів гривень", "млн грн"),
                                ("грн", "грн"), ("гривень", "грн")] where lower.contains(pattern) {
            return unit
        }
        return nil
    }

    /// Whether a row is the column-number row (`1 2 3 4 5 6`), which is not content.
    static func isColumnNumberRow(_ row: WordDocument.Row) -> Bool {
        let texts = row.cells.filter { $0.merge != .continue }.map(words).filter { !$0.isEmpty }
        guard texts.count >= 3 else { return false }
        let numbers = texts.compactMap { Int($0.trimmingCharacters(in: ["."])) }
        guard numbers.count == texts.count else { return false }
        return zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    /// Parses `--columns number,text,responsible,term,indicators` (also `-` for skip).
    static func parse(option: String) -> [ColumnRole]? {
        let parts = option.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var roles: [ColumnRole] = []
        for part in parts {
            if part == "-" || part.isEmpty { roles.append(.skip); continue }
            guard let role = ColumnRole(rawValue: part) else { return nil }
            roles.append(role)
        }
        return roles.contains(.text) || roles.contains(.task) ? roles : nil
    }
}
