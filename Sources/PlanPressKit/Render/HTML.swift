/// HTML escaping and plain-text formatting. Everything from content passes through here.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most values need no escaping: return them untouched, without copying.
        let utf8 = text.utf8
        func special(_ byte: UInt8) -> Bool { byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        // Over the contiguous bytes when there are (native strings): a plain loop, not a generic one.
        guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: special) }) ?? utf8.contains(where: special) else { return text }
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
            let line = text.trimmingSpaces()
            if line.isEmpty { return "" }
            if listItem(line) == nil { return "<p>" + inline(line, abbreviations) + "</p>\n" }
        }
        let blocks = blankLineBlocks(text).map { $0.trimmingSpacesAndNewlines() }.filter { !$0.isEmpty }
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
                let line = rawLine.trimmingSpaces()
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

    /// `text.components(separatedBy: "\n\n")`, on bytes.
    static func blankLineBlocks(_ text: String) -> [Substring] {
        var blocks: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        var previousNewline = false
        while index != utf8.endIndex {
            let isNewline = utf8[index] == 0x0A
            let next = utf8.index(after: index)
            if isNewline && previousNewline {
                blocks.append(text[start..<utf8.index(before: index)])
                start = next
                previousNewline = false
            } else {
                previousNewline = isNewline
            }
            index = next
        }
        blocks.append(text[start...])
        return blocks
    }

    private static func listItem(_ line: String) -> String? {
        for marker in ["- ", "· ", "• ", "– "] where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count)).trimmingSpaces()
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
            if ScalarKind.isWhitespace(scalar) {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                // The limit falls on a space: the words so far are the excerpt, but it is still cut.
                if count >= limit { return cutExcerpt(String(scalars)) }
                lastSpace = scalars.endIndex
                scalars.append(" ")
                count += 1
                pendingSpace = false
            }
            if count >= limit { return cutExcerpt(String(scalars[..<(lastSpace ?? scalars.endIndex)])) }
            scalars.append(scalar)
            count += 1
        }
        return String(scalars)
    }

    /// A cut text always ends with «…», after any trailing space or clause punctuation.
    private static func cutExcerpt(_ text: String) -> String {
        var cut = text
        while let last = cut.unicodeScalars.last, " ,;:".unicodeScalars.contains(last) { cut.unicodeScalars.removeLast() }
        return cut + "…"
    }
}

import Foundation

/// Wraps known abbreviations in `<abbr title="…">` so a reader never has to guess.
public struct AbbreviationMarker: Sendable {
    private let entries: [(abbr: String, title: String)]
    /// Entries by first scalar, longest first. Scalars, not `Character`s:
    /// grapheme breaking made marking most of a page's render time.
    private let candidates: [Unicode.Scalar: [(scalars: [Unicode.Scalar], abbr: String, title: String)]]

    /// Only real abbreviations are marked: at least two capitals, or a `/` or `.` inside.
    public init(_ abbreviations: [(abbr: String, full: String)]) {
        var seen: Set<String> = []
        entries = abbreviations.filter { entry in
            let capitals = entry.abbr.filter { $0.isUppercase }.count
            return (capitals >= 2 || entry.abbr.contains("/")) && seen.insert(entry.abbr).inserted
        }
        .sorted { $0.abbr.count > $1.abbr.count }
        .map { (HTML.escape($0.abbr), HTML.escape($0.full)) }
        var candidates: [Unicode.Scalar: [(scalars: [Unicode.Scalar], abbr: String, title: String)]] = [:]
        for entry in entries {
            let scalars = Array(entry.abbr.unicodeScalars)
            candidates[scalars[0], default: []].append((scalars, entry.abbr, entry.title))
        }
        self.candidates = candidates
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Marks abbreviations in already-escaped text, whole words only, longest first.
    public func mark(_ escaped: String) -> String {
        guard !entries.isEmpty, escaped.unicodeScalars.contains(where: { candidates[$0] != nil }) else { return escaped }
        let scalars = Array(escaped.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if i == 0 || !isWordScalar(scalars[i - 1]), let list = candidates[scalars[i]] {
                var matched = false
                for candidate in list where i + candidate.scalars.count <= scalars.count {
                    let end = i + candidate.scalars.count
                    guard candidate.scalars.indices.allSatisfy({ scalars[i + $0] == candidate.scalars[$0] }) else { continue }
                    if end < scalars.count && isWordScalar(scalars[end]) { continue }
                    result.append(contentsOf: "<abbr title=\"\(candidate.title)\">\(candidate.abbr)</abbr>".unicodeScalars)
                    i = end
                    matched = true
                    break
                }
                if matched { continue }
            }
            result.append(scalars[i])
            i += 1
        }
        return String(result)
    }

    /// Letters, digits, apostrophes, and combining marks (they belong to the letter before them).
    private func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "’" || ScalarKind.isLetterOrNumber(s) || ScalarKind.isMark(s)
    }
}
