/// `Content/plans/<id>/REVIEW.md` (not published: the loader reads only `plan.yaml` there) and
/// the review lines printed in the terminal. Items are grouped by section; each names its line
/// of the source text; an item about a new body carries `<!-- body: id -->` so a decision
/// (`planpress import decide`) can tick it.
public enum ReviewFile {
    public static func text(_ items: [ReviewItem], title: String, file: String, source: String, language: MessageLanguage) -> String {
        var out = ["# \(Message.reviewCheck.text(language).capitalizedFirst): \(title)", "",
                   Message.reviewFileIntro(title: title, file: file, count: items.count).text(language), ""]
        for kind in ReviewItem.Kind.allCases {
            let section = items.filter { $0.kind == kind }
            guard !section.isEmpty else { continue }
            out.append("## \(Message.reviewSection(kind: kind).text(language))")
            out.append("")
            for item in section {
                var line = "- [ ] \(location(item, source: source)): \(item.text.text(language))"
                if let body = item.body { line += " <!-- body: \(body) -->" }
                out.append(line)
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// `Content/sources/x.txt:35` or the file alone.
    static func location(_ item: ReviewItem, source: String) -> String {
        item.line.map { "\(source):\($0)" } ?? source
    }

    /// The terminal lines: `Content/sources/x.txt:35: перевірте: …`.
    public static func lines(_ items: [ReviewItem], source: String, language: MessageLanguage) -> [String] {
        items.map { TerminalText.safe("\(location($0, source: source)): \(Message.reviewCheck.text(language)): \($0.text.text(language))") }
    }

    /// Ticks the item of new body `body`, adding the decision.
    static func decide(_ text: String, body: String, decision: Message, language: MessageLanguage) -> String {
        let marker = "<!-- body: \(body) -->"
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains(marker), line.hasPrefix("- [ ] ") else { return String(line) }
            return "- [x] " + line.dropFirst(6).replacingOccurrences(of: marker, with: "— \(decision.text(language)) \(marker)")
        }.joined(separator: "\n")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
