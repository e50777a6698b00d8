/// HTML escaping and plain-text formatting. Everything from content passes through here.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most values need no escaping: return them untouched, without copying.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes += [0x26, 0x61, 0x6D, 0x70, 0x3B]             // &amp;
            case 0x3C: bytes += [0x26, 0x6C, 0x74, 0x3B]                   // &lt;
            case 0x3E: bytes += [0x26, 0x67, 0x74, 0x3B]                   // &gt;
            case 0x22: bytes += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]       // &quot;
            case 0x27: bytes += [0x26, 0x23, 0x33, 0x39, 0x3B]             // &#39;
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Plain text to HTML: blank lines separate paragraphs, lines starting with
    /// `- `, `· ` or `• ` become list items, other line breaks are kept.
    public static func paragraphs(_ text: String, abbreviations: AbbreviationMarker? = nil) -> String {
        // One line of plain text (most measures and indicators): one paragraph.
        if !text.utf8.contains(0x0A) {
            let line = text.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { return "" }
            if listItem(line) == nil { return "<p>" + inline(line, abbreviations) + "</p>\n" }
        }
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

    /// First `limit` characters on a word boundary, with an ellipsis;
    /// whitespace runs become single spaces. Works on scalars: this runs for
    /// every measure in every list, and Character iteration is slow.
    public static func excerpt(_ text: String, limit: Int) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        var lastSpace: String.UnicodeScalarView.Index?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count >= limit { break }
                lastSpace = scalars.endIndex
                scalars.append(" ")
                count += 1
                pendingSpace = false
            }
            if count >= limit {
                var cut = String(scalars[..<(lastSpace ?? scalars.endIndex)])
                while let last = cut.unicodeScalars.last, " ,;:".unicodeScalars.contains(last) { cut.unicodeScalars.removeLast() }
                return cut + "…"
            }
            scalars.append(scalar)
            count += 1
        }
        return String(scalars)
    }
}

import Foundation

/// Wraps known abbreviations in `<abbr title="…">` so a reader never has to guess.
public struct AbbreviationMarker: Sendable {
    private let entries: [(abbr: String, title: String)]
    /// Entries by first character, longest first.
    private let candidates: [Character: [(chars: [Character], abbr: String, title: String)]]
    /// Quick test: text without any of these cannot contain an abbreviation.
    private let firstScalars: Set<Unicode.Scalar>

    /// Only real abbreviations are marked: at least two capitals, or a `/` or `.` inside.
    public init(_ abbreviations: [(abbr: String, full: String)]) {
        var seen: Set<String> = []
        entries = abbreviations.filter { entry in
            let capitals = entry.abbr.filter { $0.isUppercase }.count
            return (capitals >= 2 || entry.abbr.contains("/")) && seen.insert(entry.abbr).inserted
        }
        .sorted { $0.abbr.count > $1.abbr.count }
        .map { (HTML.escape($0.abbr), HTML.escape($0.full)) }
        var candidates: [Character: [(chars: [Character], abbr: String, title: String)]] = [:]
        for entry in entries {
            let chars = Array(entry.abbr)
            candidates[chars[0], default: []].append((chars, entry.abbr, entry.title))
        }
        self.candidates = candidates
        self.firstScalars = Set(candidates.keys.compactMap { $0.unicodeScalars.first })
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Marks abbreviations in already-escaped text, whole words only, longest first.
    public func mark(_ escaped: String) -> String {
        guard !entries.isEmpty, escaped.unicodeScalars.contains(where: { firstScalars.contains($0) }) else { return escaped }
        let chars = Array(escaped)
        var result = ""
        var i = 0
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
