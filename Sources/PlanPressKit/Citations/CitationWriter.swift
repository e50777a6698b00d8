/// Writes proposed citations into a plan.yaml as text, leaving every other
/// byte as it was: `lines:` goes right after an item's `number:` /
/// `printed_number:` line, `source_lines:` right after a stated-totals
/// block's first line. Items that already cite lines are left alone.
public enum CitationWriter {
    public static func insert(_ proposals: [CitationProposer.Proposal], into text: String) -> (text: String, written: Int, skipped: [String]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var skipped: [String] = []
        var inserts: [(after: Int, line: String)] = []
        for proposal in proposals where proposal.existing.isEmpty && !proposal.ranges.isEmpty {
            let index = proposal.location.line - 1, column = proposal.location.column - 1
            guard index >= 0, index < lines.count, column >= 0 else { skipped.append(proposal.what); continue }
            let indent = String(repeating: " ", count: column)
            func key(_ i: Int) -> String? {
                guard i < lines.count else { return nil }
                let scalars = Array(lines[i].unicodeScalars)
                guard scalars.count > column, scalars[column] != " ", scalars[column] != "{" else { return nil }
                let rest = String(String.UnicodeScalarView(scalars[column...]))
                guard let colon = rest.firstIndex(of: ":") else { return nil }
                let name = rest[..<colon]
                return name.allSatisfy({ $0.isLetter || $0 == "_" }) ? String(name) : nil
            }
            guard let first = key(index) else { skipped.append(proposal.what); continue }
            let isTotals = proposal.what.hasPrefix("stated totals")
            var after = index
            if !isTotals, first == "number", key(index + 1) == "printed_number" { after = index + 1 }
            if !isTotals, first != "number" { skipped.append(proposal.what); continue }
            let name = isTotals ? "source_lines" : "lines"
            inserts.append((after, "\(indent)\(name): \(Citation.yaml(proposal.ranges))"))
        }
        for insert in inserts.sorted(by: { $0.after > $1.after }) {
            lines.insert(insert.line, at: insert.after + 1)
        }
        return (lines.joined(separator: "\n"), inserts.count, skipped)
    }
}
