/// HTML escaping and plain-text formatting. Everything from content passes through here.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Plain text to HTML: blank lines separate paragraphs, lines starting with
    /// `- `, `· ` or `• ` become list items, other line breaks are kept.
    public static func paragraphs(_ text: String, abbreviations: AbbreviationMarker? = nil) -> String {
        let blocks = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var html = ""
        for block in blocks {
            var paragraph: [String] = []
            var items: [String] = []
            func flushParagraph() {
                if !paragraph.isEmpty { html += "<p>" + paragraph.joined(separator: "<br>\n") + "</p>\n" }
                paragraph = []
            }
            func flushList() {
                if !items.isEmpty { html += "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>\n" }
                items = []
            }
            for rawLine in block.split(separator: "\n") {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                if let body = listItem(line) {
                    flushParagraph()
                    items.append(inline(body, abbreviations))
                } else {
                    flushList()
                    paragraph.append(inline(line, abbreviations))
                }
            }
            flushParagraph()
            flushList()
        }
        return html
    }

    /// One line of text, escaped and with abbreviations marked, no block markup.
    public static func inline(_ text: String, _ abbreviations: AbbreviationMarker?) -> String {
        let escaped = escape(text)
        return abbreviations?.mark(escaped) ?? escaped
    }

    private static func listItem(_ line: String) -> String? {
        for marker in ["- ", "· ", "• ", "– "] where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// First `limit` characters on a word boundary, with an ellipsis.
    public static func excerpt(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }
}

import Foundation

/// Wraps known abbreviations in `<abbr title="…">` so a reader never has to guess.
public struct AbbreviationMarker: Sendable {
    private let entries: [(abbr: String, title: String)]

    /// Only real abbreviations are marked: at least two capitals, or a `/` or `.` inside.
    public init(_ abbreviations: [(abbr: String, full: String)]) {
        var seen: Set<String> = []
        entries = abbreviations.filter { entry in
            let capitals = entry.abbr.filter { $0.isUppercase }.count
            return (capitals >= 2 || entry.abbr.contains("/")) && seen.insert(entry.abbr).inserted
        }
        .sorted { $0.abbr.count > $1.abbr.count }
        .map { (HTML.escape($0.abbr), HTML.escape($0.full)) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Marks abbreviations in already-escaped text, whole words only, longest first.
    public func mark(_ escaped: String) -> String {
        guard !entries.isEmpty else { return escaped }
        let chars = Array(escaped)
        var result = ""
        var i = 0
        var candidates: [Character: [(chars: [Character], abbr: String, title: String)]] = [:]
        for entry in entries {
            let c = Array(entry.abbr)
            candidates[c[0], default: []].append((c, entry.abbr, entry.title))
        }
        while i < chars.count {
            let atBoundary = i == 0 || !isWordChar(chars[i - 1])
            if atBoundary, let list = candidates[chars[i]] {
                var matched = false
                for candidate in list where i + candidate.chars.count <= chars.count {
                    let end = i + candidate.chars.count
                    guard Array(chars[i..<end]) == candidate.chars else { continue }
                    if end < chars.count && isWordChar(chars[end]) { continue }
                    result += "<abbr title=\"\(candidate.title)\">\(candidate.abbr)</abbr>"
                    i = end
                    matched = true
                    break
                }
                if matched { continue }
            }
            result.append(chars[i])
            i += 1
        }
        return result
    }

    private func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "’" || c == "'" }
}
