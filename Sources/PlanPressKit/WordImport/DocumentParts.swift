import Foundation

/// The parts of the document around the plan table, read as printed (docs/import.md):
/// - the approval stamp: a paragraph above the table starting with «ЗАТВЕРДЖЕНО», «ЗАТВЕРДЖУЮ»,
///   «СХВАЛЕНО» or «ПОГОДЖЕНО», and the paragraphs after it up to the one with the date or number
///   (`№`, a date, or a blank `____`): its words, its date and number as printed; no stamp, no
///   approval. A stamp whose date and number are blanks makes the plan a draft;
/// - the title: the other non-empty paragraphs above the table, joined by spaces;
/// - the signature under the table: a last paragraph that is a name («Андрій ЗАЙЦЕВ», «А. ЗАЙЦЕВ»)
///   and the position printed in the paragraphs just above it;
/// - the period: the years the title names («у 2026–2030 роках», «на 2024 рік»), else the
///   years of the money columns, else of the terms (said in the review list).
enum DocumentParts {
    static let stampWords = ["ЗАТВЕРДЖЕНО", "ЗАТВЕРДЖУЮ", "СХВАЛЕНО", "ПОГОДЖЕНО", "ЗАТВЕРДЖЕНИЙ", "ЗАТВЕРДЖЕНА"]

    /// Paragraph texts of the blocks before block `index` (small tables above the plan table, where
    /// a stamp is often set, read cell by cell), with their source lines.
    static func paragraphs(before index: Int, in document: WordDocument, source: WordSourceText) -> [(text: String, line: Int)] {
        var out: [(String, Int)] = []
        for block in document.blocks.prefix(index) {
            switch block {
            case .paragraph(let p): out.append((p.text, source.line(ofParagraph: p.id) ?? 1))
            case .table(let t):
                for row in t.rows { for cell in row.cells { for p in cell.paragraphs { out.append((p.text, source.line(ofParagraph: p.id) ?? 1)) } } }
            }
        }
        return out.flatMap { text, line in
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { (PlanText.clean(String($0.element)), line + $0.offset) }
        }
    }

    static func paragraphs(after index: Int, in document: WordDocument) -> [String] {
        document.blocks.dropFirst(index + 1).compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.text } else { return nil }
        }.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map { PlanText.clean(String($0)) } }
    }

    /// The stamp and the title from the paragraphs above the table.
    static func approvalAndTitle(_ lines: [(text: String, line: Int)]) -> (PlanDraft.Approval?, String, Int?) {
        let texts = lines.map(\.text)
        guard let start = texts.firstIndex(where: { text in stampWords.contains { text.uppercased().hasPrefix($0) } }) else {
            let title = texts.filter { !$0.isEmpty }.joined(separator: " ")
            return (nil, PlanText.clean(title), lines.first { !$0.text.isEmpty }?.line)
        }
        var end = start
        var seen = 0
        for i in (start + 1)..<max(start + 1, texts.count) {
            if texts[i].isEmpty { continue }
            seen += 1
            end = i
            if isDateOrNumber(texts[i]) || seen >= 8 { break }
        }
        let block = texts[start...end].filter { !$0.isEmpty }
        var approval = PlanDraft.Approval(printed: block.joined(separator: "\n"), label: block[0].trimmingCharacters(in: CharacterSet(charactersIn: " :.")))
        var words: [String] = []
        for text in block.dropFirst() {
            if isDateOrNumber(text) {
                let parts = text.components(separatedBy: "№")
                let datePart = PlanText.clean(parts[0])
                if !datePart.isEmpty { approval.datePrinted = datePart }
                if parts.count > 1 { approval.number = PlanText.clean(parts.dropFirst().joined(separator: "№")) }
                approval.date = date(datePart)
            } else if isPersonName(text) {
                approval.person = text
            } else {
                words.append(text)
            }
        }
        if !words.isEmpty {
            let joined = words.joined(separator: " ")
            if approval.label.uppercased() == "ЗАТВЕРДЖУЮ" || approval.label.uppercased() == "ПОГОДЖЕНО" { approval.by = joined } else { approval.document = joined }
        }
        let rest = lines[(end + 1)...].filter { !$0.text.isEmpty }
        let before = lines[..<start].filter { !$0.text.isEmpty }
        let titleLines = Array(before) + Array(rest)
        return (approval, PlanText.clean(titleLines.map(\.text).joined(separator: " ")), titleLines.first?.line)
    }

    static func isDateOrNumber(_ text: String) -> Bool {
        if text.contains("№") || text.contains("___") { return true }
        return date(text) != nil || text.range(of: #"\d{1,2}[./]\d{1,2}[./]\d{4}"#, options: .regularExpression) != nil
            || text.range(of: #"«?\d{1,2}»?\s+\p{L}+\s+\d{4}"#, options: .regularExpression) != nil
    }

    static let months = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]

    /// «20» грудня 2019 року, 20 грудня 2019 р., 20.12.2019 → the date.
    static func date(_ text: String) -> CalendarDate? {
        let cleaned = text.replacingOccurrences(of: "«", with: " ").replacingOccurrences(of: "»", with: " ")
        let words = cleaned.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).map(String.init)
        for (i, word) in words.enumerated() where i + 2 < words.count {
            if let day = Int(word), let month = months.firstIndex(of: words[i + 1].lowercased()),
               let year = Int(words[i + 2].prefix(4)), (1990...2100).contains(year), (1...31).contains(day) {
                return CalendarDate(year: year, month: month + 1, day: day)
            }
        }
        if let range = cleaned.range(of: #"\d{1,2}\.\d{1,2}\.\d{4}"#, options: .regularExpression) {
            let parts = cleaned[range].split(separator: ".").compactMap { Int($0) }
            if parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[0]) { return CalendarDate(year: parts[2], month: parts[1], day: parts[0]) }
        }
        return nil
    }

    /// «Сергій ГАЙДАЙ», «С. ГАЙДАЙ», «Сергій Гайдай»: a first name (or initial) and a surname in capitals.
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...3).contains(words.count), let last = words.last, last.count >= 2,
              last.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == "’" || $0 == "'" }) else { return false }
        return words.dropLast().allSatisfy { w in w.first?.isUppercase == true && (w.dropFirst().allSatisfy { $0.isLowercase || $0 == "." || $0 == "’" || $0 == "'" }) }
    }

    /// The signature under the table: position lines above a name line.
    static func signatory(_ lines: [String]) -> (position: String, name: String)? {
        let nonEmpty = lines.filter { !$0.isEmpty }
        guard let nameIndex = nonEmpty.lastIndex(where: isPersonName), nameIndex > 0 else {
            // «Директор департаменту    А. ЗАЙЦЕВ» on one line.
            if let last = nonEmpty.last {
                let words = last.split(separator: " ")
                for k in [2, 3] where words.count > k {
                    let name = words.suffix(k).joined(separator: " ")
                    if isPersonName(name) { return (words.dropLast(k).joined(separator: " "), name) }
                }
            }
            return nil
        }
        let position = nonEmpty[max(0, nameIndex - 3)..<nameIndex].joined(separator: " ")
        return (PlanText.clean(position), nonEmpty[nameIndex])
    }

    /// Years a title names: «2026–2030», «2020 – 2022», «на 2024 рік».
    static func period(in title: String) -> (from: Int, to: Int)? {
        let years = title.matches(of: /(19|20)\d\d/).compactMap { Int(title[$0.range]) }
        guard let first = years.first else { return nil }
        return (years.min()!, years.count > 1 ? years.max()! : first)
    }
}
