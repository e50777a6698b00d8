import Foundation

/// Reads the chosen table row by row into the goal tree (docs/import.md, «How the table is read»):
/// - the heading rows and every column-number row (`1 2 3 …`) are not content;
/// - a row whose only text is one cell across several columns (or a cell starting with a level
///   word such as «Стратегічна ціль 1.», or a Roman numeral) is a goal; its kind (the level word,
///   or the shape of its number) gives its depth, in order of first appearance;
/// - a task column (`Найменування завдання`) opens a goal one level deeper wherever its cell
///   starts (not where the file merges it with the row above); the number column then numbers
///   the tasks, and measures take their number from their text («1)», «2)»);
/// - a measure starts where the measure text column has a cell of its own; a row whose text
///   cell the file merges with the row above continues that measure (another funding source,
///   more indicators);
/// - «ВСЬОГО …», «УСЬОГО …», «РАЗОМ …» rows are stated totals: of the goal they close, or of the
///   plan («… ЗА ПІДСУМКОМ», or when no goal is open);
/// - term and responsible cells the file merges with the row above are recorded as merged.
struct PlanTableReader {
    let table: WordDocument.Table
    let columns: PlanColumns
    let source: WordSourceText
    let period: (from: Int, to: Int)

    var bodies: BodyMatcher
    var review: [ReviewItem] = []

    private(set) var goals: [PlanDraft.Goal] = []
    private(set) var measures: [PlanDraft.Measure] = []
    private(set) var planTotals: PlanDraft.Totals?
    /// Heading kinds in order of first appearance (their depth), with the level word where printed.
    private(set) var kinds: [(key: String, word: String?)] = []
    /// The words of totals labels per depth («ЗА НАПРЯМОМ» names the level «Напрям»).
    private(set) var totalsWords: [Int: String] = [:]
    /// Source spellings in order of first appearance.
    private(set) var spellings: [String] = []
    private(set) var amountsSeen = false

    private var open: [PlanDraft.Goal] = []
    private var currentTask: PlanDraft.Goal?
    private var current: (measure: PlanDraft.Measure, inGoal: PlanDraft.Goal?)?
    private var totals: (totals: PlanDraft.Totals, goal: PlanDraft.Goal?)?
    private var numbers: Set<String> = []
    private var goalNumbers: [Int: Set<String>] = [:]

    init(table: WordDocument.Table, columns: PlanColumns, source: WordSourceText, period: (from: Int, to: Int), bodies: BodyMatcher) {
        self.table = table
        self.columns = columns
        self.source = source
        self.period = period
        self.bodies = bodies
    }

    var hasTasks: Bool { columns.has(.task) }

    // MARK: cells

    /// The row's cell for `role`. A money cell must be its own: a cell that starts in another role's
    /// column (a totals label across the table) is not a source or an amount.
    func cell(_ row: WordDocument.Row, _ role: ColumnRole) -> WordDocument.Cell? {
        for column in columns.columns(role) {
            guard let cell = row.cell(at: column) else { continue }
            if role == .source || role == .amount, !columns.columns(role).contains(cell.column) { return nil }
            return cell
        }
        return nil
    }

    /// The cell's lines, or nil when the file merges it with the row above.
    func lines(_ row: WordDocument.Row, _ role: ColumnRole) -> [String]? {
        guard let cell = cell(row, role) else { return [] }
        if cell.merge == .continue { return nil }
        return PlanText.lines(cell)
    }

    func merged(_ row: WordDocument.Row, _ role: ColumnRole) -> Bool { cell(row, role)?.merge == .continue }

    func text(_ row: WordDocument.Row, _ role: ColumnRole) -> String { PlanText.oneLine(lines(row, role) ?? []) }

    func rowLines(_ index: Int) -> ClosedRange<Int> {
        source.rowLines[WordSourceText.RowKey(table: table.number, row: index)] ?? 1...1
    }

    // MARK: reading

    mutating func read() {
        for index in columns.headerRows..<table.rows.count {
            let row = table.rows[index]
            if PlanColumns.isColumnNumberRow(row) || row.isHeader { continue }
            let live = row.cells.filter { $0.merge != .continue && !$0.isEmpty }
            if live.isEmpty { continue }
            let first = PlanText.oneLine(PlanText.lines(live[0]))
            if PlanTableReader.isTotalsLabel(first) {
                startTotals(row, index: index, label: first)
                continue
            }
            if totals != nil, continueTotals(row, index: index) { continue }
            totals = nil
            if let heading = heading(row, live: live) {
                addHeading(heading, index: index)
                continue
            }
            if measureRow(row, index: index) { continue }
            if continuation(row, index: index) { continue }
            review.append(ReviewItem(.rows, line: rowLines(index).lowerBound,
                                     .reviewUnplacedRow(table: table.number, row: row.number, text: PlanTableReader.excerpt(first))))
        }
        finishMeasure()
    }

    // MARK: goals

    struct Heading {
        var key: String
        var word: String?
        var printed: String?
        var number: String?
        var title: String
    }

    /// A goal row: one cell of text across columns, or a numbered title alone in the number and text columns.
    func heading(_ row: WordDocument.Row, live: [WordDocument.Cell]) -> Heading? {
        let content: Set<ColumnRole> = [.responsible, .term, .indicators, .results, .source, .amount]
        let hasContent = content.contains { role in !(lines(row, role) ?? []).isEmpty }
        if live.count == 1, let only = live.first {
            let text = PlanText.oneLine(PlanText.lines(only))
            let covered = ColumnRole.allCases.filter { role in
                columns.columns(role).contains { only.column <= $0 && $0 < only.column + only.span }
            }
            let parsed = PlanTableReader.parseHeading(text)
            if only.span >= 2 && covered.count >= 2 { return parsed }
            if !hasContent, parsed.word != nil || parsed.key == "roman" { return parsed }
            return nil
        }
        // «I.» | «Title» with nothing else in the row.
        guard !hasContent, !hasTasks, live.count == 2, let numberCell = cell(row, .number), let textCell = cell(row, .text),
              numberCell.merge != .continue, textCell.merge != .continue else { return nil }
        let number = PlanText.oneLine(PlanText.lines(numberCell))
        let title = PlanText.oneLine(PlanText.lines(textCell))
        guard PlanText.roman(number.trimmingCharacters(in: [".", ")"])) != nil else { return nil }
        var parsed = PlanTableReader.parseHeading(number + " " + title)
        parsed.title = title
        return parsed
    }

    mutating func addHeading(_ heading: Heading, index: Int) {
        finishMeasure()
        currentTask = nil
        var depth = kinds.firstIndex { $0.key == heading.key } ?? -1
        if depth < 0 {
            kinds.append((heading.key, heading.word))
            depth = kinds.count - 1
        }
        while open.count > depth { open.removeLast() }
        let goal = makeGoal(number: heading.number, printed: heading.printed, title: heading.title, lines: [rowLines(index)], depth: open.count)
        if let parent = open.last { parent.goals.append(goal) } else { goals.append(goal) }
        while open.count < depth {
            // A deeper heading without the one above it: it stays at the depth it has in the tree.
            break
        }
        open.append(goal)
    }

    mutating func makeGoal(number printedCore: String?, printed: String?, title: String, lines: [ClosedRange<Int>], depth: Int) -> PlanDraft.Goal {
        var number = printedCore ?? ""
        var printedNumber = printed
        if number.isEmpty {
            number = "\((goalNumbers[depth]?.count ?? 0) + 1)"
            printedNumber = nil
            review.append(ReviewItem(.structure, line: lines.first?.lowerBound, .reviewGoalNumberAssigned(number: number, title: PlanTableReader.excerpt(title))))
        }
        var unique = number, n = 2
        while goalNumbers[depth]?.contains(unique) == true { unique = "\(number)-\(n)"; n += 1 }
        if unique != number {
            review.append(ReviewItem(.structure, line: lines.first?.lowerBound, .reviewNumberTwice(number: number, written: unique)))
        }
        goalNumbers[depth, default: []].insert(unique)
        return PlanDraft.Goal(number: unique, printedNumber: printedNumber, title: title, lines: lines, depth: depth)
    }

    // MARK: measures

    /// A row that starts a measure (and, with a task column, maybe a task).
    mutating func measureRow(_ row: WordDocument.Row, index: Int) -> Bool {
        guard let textLines = lines(row, .text), !textLines.isEmpty else {
            // A task cell of its own without a measure text: a task whose measures follow.
            if hasTasks, let task = lines(row, .task), !task.isEmpty {
                finishMeasure()
                openTask(row, index: index, title: PlanText.oneLine(task))
                return true
            }
            return false
        }
        finishMeasure()
        var body = textLines
        var printed: String?
        if hasTasks {
            if let task = lines(row, .task), !task.isEmpty {
                openTask(row, index: index, title: PlanText.oneLine(task))
            }
            if let (label, rest) = PlanTableReader.leadingNumber(body[0]) {
                printed = label
                body[0] = rest
            }
        } else if let number = lines(row, .number), !number.isEmpty {
            printed = PlanText.oneLine(number)
        } else if !columns.has(.number), let (label, rest) = PlanTableReader.leadingNumber(body[0]) {
            printed = label
            body[0] = rest
        }
        let parent = hasTasks ? (currentTask ?? open.last) : open.last
        let (number, printedNumber, assigned) = measureNumber(printed, parent: parent, line: rowLines(index).lowerBound)
        var measure = PlanDraft.Measure(number: number, printedNumber: printedNumber, numberAssigned: assigned,
                                        lines: rowLines(index), text: body.filter { !$0.isEmpty }.joined(separator: "\n"), row: row.number)
        let line = rowLines(index).lowerBound
        if merged(row, .responsible) {
            measure.responsible = .mergedWithRowAbove
        } else if let printedBodies = lines(row, .responsible), !printedBodies.isEmpty {
            let printed = PlanText.oneLine(printedBodies)
            measure.responsible = .value(PlanDraft.Responsible(printed: printed, executors: bodies.bodies(printed, line: line)))
        }
        if merged(row, .term) {
            measure.term = .mergedWithRowAbove
        } else if let term = lines(row, .term), !term.isEmpty {
            measure.term = .value(readTerm(PlanText.oneLine(term), line: line))
        }
        measure.indicators = PlanTableReader.indicators(lines(row, .indicators) ?? [])
        measure.results = lines(row, .results) ?? []
        measure.funding = funding(row, index: index)
        current = (measure, parent)
        return true
    }

    mutating func openTask(_ row: WordDocument.Row, index: Int, title: String) {
        let printed = lines(row, .number).map(PlanText.oneLine) ?? ""
        let (core, printedNumber) = PlanTableReader.goalNumber(printed)
        let depth = kinds.count
        let goal = makeGoal(number: core, printed: printedNumber, title: title, lines: [rowLines(index)], depth: depth)
        if let parent = open.last { parent.goals.append(goal) } else { goals.append(goal) }
        currentTask = goal
    }

    /// A row whose text cell continues the measure above: more funding lines, indicators or results.
    mutating func continuation(_ row: WordDocument.Row, index: Int) -> Bool {
        guard var (measure, parent) = current else { return false }
        let textMerged = merged(row, .text)
        let hasOwnText = !(lines(row, .text) ?? []).isEmpty
        guard textMerged || !hasOwnText else { return false }
        let others: [ColumnRole] = [.responsible, .term, .task, .number]
        let ownOthers = others.contains { role in !(lines(row, role) ?? []).isEmpty && !merged(row, role) }
        guard textMerged || !ownOthers else { return false }
        measure.lines = measure.lines.lowerBound...rowLines(index).upperBound
        measure.indicators += PlanTableReader.indicators(lines(row, .indicators) ?? [])
        measure.results += lines(row, .results) ?? []
        if let more = funding(row, index: index) {
            if var existing = measure.funding, existing.status == .stated, more.status == .stated {
                existing.lines += more.lines
                existing.printed = nil   // several cells: no one printed cell to quote
                measure.funding = existing
            } else if measure.funding == nil {
                measure.funding = more
            }
        }
        current = (measure, parent)
        return true
    }

    mutating func finishMeasure() {
        guard let (measure, parent) = current else { return }
        current = nil
        if let parent { parent.measures.append(measure) } else { measures.append(measure) }
    }

    /// The measure's number from its printed label (`1.`, `1.2`, `2)`, `IV`), within its goal.
    mutating func measureNumber(_ printed: String?, parent: PlanDraft.Goal?, line: Int) -> (String, String?, Bool) {
        var core = (printed ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " .)"))
        if let roman = PlanText.roman(core) { core = "\(roman)" }
        core = Transliteration.slug(core.replacingOccurrences(of: ".", with: "-"), limit: 40).replacingOccurrences(of: "-", with: ".")
        var number: String
        var assigned = false
        if core.isEmpty {
            let siblings = (parent?.measures.count ?? measures.count) + 1
            number = parent.map { "\($0.number).\(siblings)" } ?? "\(siblings)"
            assigned = true
        } else if let parent, !core.hasPrefix(parent.number + ".") {
            number = "\(parent.number).\(core)"
        } else {
            number = core
        }
        var unique = number, n = 2
        while numbers.contains(unique) { unique = "\(number)-\(n)"; n += 1 }
        if unique != number {
            review.append(ReviewItem(.structure, line: line, .reviewNumberTwice(number: number, written: unique)))
            assigned = printed == nil
        }
        numbers.insert(unique)
        let printedNumber = printed.flatMap { $0.isEmpty || $0 == unique ? nil : $0 }
        return (unique, assigned ? nil : printedNumber, assigned)
    }

    // MARK: terms

    mutating func readTerm(_ printed: String, line: Int) -> PlanDraft.Term {
        let reading = TermParser.read(printed, period: Period(from: period.from, to: period.to))
        if reading != nil { return .printed(printed) }
        let lower = printed.lowercased()
        if ["щоріч", "щороку", "постійно", "щокварт", "що-кварт", "щомісяч", "щотиж", "регулярно", "систематично"].contains(where: lower.contains) {
            review.append(ReviewItem(.terms, line: line, .reviewTermRecurring(printed: printed)))
            return .recurring(printed)
        }
        review.append(ReviewItem(.terms, line: line, .reviewTermUnread(printed: printed, from: period.from, to: period.to)))
        return .years(printed, from: period.from, to: period.to)
    }

    // MARK: money

    mutating func funding(_ row: WordDocument.Row, index: Int) -> PlanDraft.Funding? {
        guard columns.has(.source) || columns.has(.amount) else { return nil }
        let sourceLines = lines(row, .source) ?? []
        let printed = PlanText.oneLine(sourceLines)
        let lower = printed.lowercased()
        if lower.hasPrefix("не потребу") || lower.hasPrefix("не передбач") { return .init(printed: printed, status: .notNeeded, lines: []) }
        if lower.hasPrefix("в межах") || lower.hasPrefix("у межах") { return .init(printed: printed, status: .withinExisting, lines: []) }
        let fundingLines = moneyLines(row, sources: PlanTableReader.sources(sourceLines), index: index)
        guard !fundingLines.isEmpty else {
            if !printed.isEmpty {
                review.append(ReviewItem(.money, line: rowLines(index).lowerBound, .reviewFundingWithoutAmounts(printed: printed)))
            }
            return nil
        }
        return .init(printed: printed.isEmpty ? nil : printed, status: .stated, lines: fundingLines)
    }

    /// One line per source: the i-th amount of every year column goes with the i-th source.
    mutating func moneyLines(_ row: WordDocument.Row, sources: [String], index: Int) -> [PlanDraft.FundingLine] {
        var perYear: [(year: Int, tokens: [String])] = []
        for column in columns.columns(.amount) {
            guard let year = columns.years[column], let cell = row.cell(at: column), cell.merge != .continue,
                  cell.column == column else { continue }
            var tokens = PlanText.lines(cell)
            if tokens.count == 1, sources.count > 1 {
                let split = tokens[0].split(separator: " ").map(String.init)
                if split.count == sources.count { tokens = split }
            }
            if !tokens.isEmpty { perYear.append((year, tokens)) }
        }
        guard !perYear.isEmpty else { return [] }
        amountsSeen = true
        let line = rowLines(index).lowerBound
        var names = sources
        if names.isEmpty {
            review.append(ReviewItem(.money, line: line, .reviewAmountsWithoutSource))
            return []
        }
        let count = perYear.map(\.tokens.count).max() ?? 0
        if count > names.count {
            review.append(ReviewItem(.money, line: line, .reviewAmountsMoreThanSources(sources: names.count, amounts: count)))
            names += Array(repeating: names.last!, count: count - names.count)
        }
        var out: [PlanDraft.FundingLine] = []
        for (i, name) in names.enumerated() {
            var amounts: [(year: Int, printed: String)] = []
            for (year, tokens) in perYear where i < tokens.count {
                let token = tokens[i]
                if ["-", "–", "—"].contains(token) || Money(parsing: token) != nil {
                    amounts.append((year, ["–", "—"].contains(token) ? "-" : token))
                } else {
                    review.append(ReviewItem(.money, line: line, .reviewAmountUnread(printed: token, year: year)))
                }
            }
            if !spellings.contains(name) { spellings.append(name) }
            out.append(.init(source: name, amounts: amounts))
        }
        return out
    }

    /// Source names of a cell: one per line; a single line of comma-separated sources split at its commas.
    static func sources(_ lines: [String]) -> [String] {
        let cleaned = lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,;")) }.filter { !$0.isEmpty }
        if cleaned.count == 1 {
            let parts = cleaned[0].split(separator: ",").map { PlanText.clean(String($0)) }.filter { !$0.isEmpty }
            if parts.count > 1, parts.allSatisfy(isSourceName) { return parts }
        }
        return cleaned
    }

    static func isSourceName(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["бюджет", "інш", "кошти", "джерел", "мтд", "грант", "донор"].contains { lower.contains($0) }
    }

    // MARK: totals

    static func isTotalsLabel(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.hasPrefix("ВСЬОГО") || upper.hasPrefix("УСЬОГО") || upper.hasPrefix("РАЗОМ") || upper.hasPrefix("ЗАГАЛОМ")
    }

    mutating func startTotals(_ row: WordDocument.Row, index: Int, label printed: String) {
        finishMeasure()
        let label = printed.trimmingCharacters(in: CharacterSet(charactersIn: " :."))
        let upper = label.uppercased()
        // The innermost open goal that has no totals yet; the plan for a grand total.
        var goal: PlanDraft.Goal?
        if !(upper.contains("ПІДСУМК") || upper.contains("ПЛАН") || upper == "ВСЬОГО" || upper == "УСЬОГО" || upper == "РАЗОМ") {
            goal = open.last { $0.totals == nil } ?? currentTask.flatMap { $0.totals == nil ? $0 : nil }
        }
        if goal == nil && planTotals != nil { goal = open.last { $0.totals == nil } }
        if let goal, let word = PlanTableReader.totalsLevelWord(upper) { totalsWords[goal.depth] = word }
        totals = (PlanDraft.Totals(label: label, lines: [], sourceLines: rowLines(index)), goal)
        _ = continueTotals(row, index: index)
    }

    /// A row of the totals block: its source and amounts (the label cell empty or merged).
    mutating func continueTotals(_ row: WordDocument.Row, index: Int) -> Bool {
        guard var (block, goal) = totals else { return false }
        let isLabelRow = block.sourceLines.lowerBound == rowLines(index).lowerBound
        if !isLabelRow {
            let other: [ColumnRole] = [.text, .task, .responsible, .term, .indicators]
            if other.contains(where: { !(lines(row, $0) ?? []).isEmpty }) { return false }
        }
        let found = moneyLines(row, sources: PlanTableReader.sources(lines(row, .source) ?? []), index: index)
        block.lines += found
        block.sourceLines = block.sourceLines.lowerBound...rowLines(index).upperBound
        totals = (block, goal)
        if let goal { goal.totals = block } else { planTotals = block }
        return true
    }

    /// «ВСЬОГО ЗА НАПРЯМОМ» → «Напрям»: the level a totals row names.
    static func totalsLevelWord(_ upper: String) -> String? {
        let table = [("НАПРЯМ", "Напрям"), ("РОЗДІЛ", "Розділ"), ("ЗАВДАНН", "Завдання"), ("ЦІЛ", "Ціль"), ("ПРІОРИТЕТ", "Пріоритет"),
                     ("ПІДПРОГРАМ", "Підпрограма"), ("ПРОГРАМ", "Програма"), ("БЛОК", "Блок")]
        return table.first { upper.contains($0.0) }?.1
    }

    // MARK: text patterns

    /// «Стратегічна ціль 1. Текст», «I. Текст», «1.2. Текст», «Текст» → kind, number, title.
    static func parseHeading(_ text: String) -> Heading {
        let scalars = Array(text)
        var i = 0
        // A level word: up to four words of letters before the number, the first capitalised.
        var wordEnd = 0
        var words = 0
        var j = 0
        while j < scalars.count, scalars[j].isLetter || scalars[j] == " " || scalars[j] == "’" || scalars[j] == "'" {
            if scalars[j] == " " && j > 0 && scalars[j - 1] != " " { words += 1; wordEnd = j }
            j += 1
        }
        if words >= 1, words <= 4, j < scalars.count, scalars[j].isNumber, scalars.first?.isUppercase == true {
            let word = PlanText.clean(String(scalars[0..<wordEnd]))
            if PlanText.roman(word) == nil, !word.isEmpty {
                i = j
                if let (label, rest) = numberToken(scalars, from: i) {
                    let (core, printed) = goalNumber(label)
                    return Heading(key: "word:" + word.lowercased(), word: word, printed: printed, number: core, title: rest)
                }
            }
        }
        if let (label, rest) = numberToken(scalars, from: 0) {
            let (core, printed) = goalNumber(label)
            let stripped = label.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))
            let key: String
            if PlanText.roman(stripped) != nil { key = "roman" } else if stripped.first?.isNumber == true {
                key = "arabic\(stripped.split(separator: ".").count)"
            } else { key = "letter" }
            return Heading(key: key, word: nil, printed: printed, number: core, title: rest)
        }
        return Heading(key: "plain", word: nil, printed: nil, number: nil, title: text)
    }

    /// A number token at `from` (`1.`, `1.2.`, `IV.`, `2)`, `а)`) followed by a space, and the text after it.
    static func numberToken(_ scalars: [Character], from start: Int) -> (String, String)? {
        var end = start
        while end < scalars.count, scalars[end] != " ", scalars[end] != "\u{A0}" { end += 1 }
        guard end > start, end < scalars.count else { return nil }
        let token = String(scalars[start..<end])
        let core = token.trimmingCharacters(in: CharacterSet(charactersIn: ".)"))
        let isNumber = !core.isEmpty && (core.split(separator: ".").allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } || PlanText.roman(core) != nil
            || (core.count == 1 && core.first!.isLetter && token.hasSuffix(")")))
        guard isNumber else { return nil }
        let rest = PlanText.clean(String(scalars[end...]))
        return (token, rest)
    }

    /// A printed goal number (`I.`, `1.`, `2.1.`) → the URL number (`1`, `1`, `2.1`) and the printed
    /// form when it differs by more than its final dot (`I`).
    static func goalNumber(_ printed: String) -> (String?, String?) {
        let stripped = printed.trimmingCharacters(in: CharacterSet(charactersIn: " .)"))
        guard !stripped.isEmpty else { return (nil, nil) }
        if let roman = PlanText.roman(stripped) { return ("\(roman)", stripped) }
        let core = Transliteration.slug(stripped.replacingOccurrences(of: ".", with: "-"), limit: 40).replacingOccurrences(of: "-", with: ".")
        guard !core.isEmpty else { return (nil, nil) }
        return (core, core == stripped ? nil : stripped)
    }

    /// «1) текст», «2. текст», «а) текст» → the label and the text after it.
    static func leadingNumber(_ line: String) -> (String, String)? {
        let scalars = Array(line)
        guard let (label, rest) = numberToken(scalars, from: 0), label.hasSuffix(")") || label.hasSuffix(".") else { return nil }
        return (label, rest)
    }

    /// Indicators of a cell: one per line, list marks («- ») dropped; a line that opens a list
    /// («кількість:», `opensGroup`) opens a group that keeps the lines after it (with their marks) while they continue it: lines in lower
    /// case or with a list mark, until one starts a new indicator («наявність …», «кількість …», …).
    /// Two items on one line separated by «; -» are split.
    static func indicators(_ cellLines: [String]) -> [String] {
        var lines: [String] = []
        for line in cellLines {
            var rest = Substring(line)
            while let range = rest.range(of: "; -") ?? rest.range(of: ";-") {
                lines.append(String(rest[..<range.lowerBound]) + ";")
                rest = rest[rest.index(after: range.lowerBound)...]
            }
            lines.append(String(rest))
        }
        let starters = ["наявність", "кількість", "охоплення", "частка", "відсоток", "забезпечено", "проведено", "розроблено", "прийнято", "створено"]
        var out: [String] = []
        var group: [String]?
        for raw in lines.map(PlanText.clean) where !raw.isEmpty {
            let marked = isListMark(raw)
            if var open = group {
                let lower = raw.lowercased()
                let startsNew = !marked && (starters.contains { lower.hasPrefix($0) } || raw.first?.isUppercase == true)
                if !startsNew {
                    open.append(raw)
                    group = open
                    continue
                }
                out.append(open.joined(separator: "\n"))
                group = nil
            }
            let item = marked ? dropListMark(raw) : raw
            if opensGroup(item) { group = [item] } else if !item.isEmpty { out.append(item) }
        }
        if let open = group { out.append(open.joined(separator: "\n")) }
        return out
    }

    /// «кількість:», «кількість осіб:», «кількість: розповсюджених …»: a line ending with a colon, or
    /// whose first words (up to three, no digits) end with one, opens a list.
    static func opensGroup(_ item: String) -> Bool {
        if item.hasSuffix(":") { return true }
        guard let colon = item.firstIndex(of: ":") else { return false }
        let head = item[..<colon]
        return head.split(separator: " ").count <= 3 && !head.contains(where: \.isNumber)
    }

    static func isListMark(_ line: String) -> Bool {
        guard let first = line.first, ["-", "–", "—", "•", "·", "▪"].contains(first) else { return false }
        let next = line.dropFirst().first
        return next == nil || next == " " || next!.isLetter
    }

    static func dropListMark(_ line: String) -> String { PlanText.clean(String(line.dropFirst())) }

    static func excerpt(_ text: String) -> String { text.count > 80 ? String(text.prefix(77)) + "…" : text }
}
