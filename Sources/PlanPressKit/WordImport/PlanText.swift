/// Text of a Word cell as the plan YAML holds it: lines joined by one space, runs of spaces
/// (no-break and narrow no-break spaces included) made one, ends trimmed. The source text keeps
/// the document's own spaces; `check` compares the two after the same normalisation.
enum PlanText {
    static func oneLine(_ lines: [String]) -> String {
        clean(lines.joined(separator: " "))
    }

    /// Spaces collapsed and trimmed; no line ends.
    static func clean(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\n", "\u{A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\t", "\r":
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The non-empty lines of a cell, each cleaned.
    static func lines(_ cell: WordDocument.Cell?) -> [String] {
        (cell?.lines ?? []).map(clean).filter { !$0.isEmpty }
    }

    static let romanValues: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

    /// `IV` → 4; nil for anything that is not a Roman numeral in capitals (Latin or Cyrillic look-alikes «І», «Х»).
    static func roman(_ text: String) -> Int? {
        let latin = String(text.map { c -> Character in
            switch c { case "І": return "I"; case "Х": return "X"; case "С": return "C"; case "М": return "M"; default: return c }
        })
        guard !latin.isEmpty, latin.count <= 8, latin.allSatisfy({ romanValues[$0] != nil }) else { return nil }
        var total = 0, previous = 0
        for c in latin.reversed() {
            let v = romanValues[c]!
            if v < previous { total -= v } else { total += v; previous = v }
        }
        return WordNumbering.roman(total) == latin ? total : nil
    }
}
