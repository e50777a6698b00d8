/// Marks Ukrainian plan content on pages whose interface is another language,
/// so screen readers read it with a Ukrainian voice (WCAG 3.1.2).
///
/// Plan content is always published in Ukrainian, and interface strings of
/// other languages contain no Cyrillic; so inside `<body>`, a text node with
/// Cyrillic letters that is not already inside a `lang="uk"` element is
/// content. It gets `lang="uk"` on its element when it is that element's whole
/// content (and always inside SVG, `<title>`, `<option>`, `<textarea>`, which
/// cannot hold a `<span>`), otherwise a `<span lang="uk">` around it. An
/// element whose `title`, `alt` or `aria-label` is in Cyrillic gets
/// `lang="uk"` too. Generated markup only: quoted attributes, escaped text.
public enum ContentLanguage {
    static let voidElements = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                               "source", "track", "wbr"].map { Array($0.utf8) }
    static let textOnly = ["title", "option", "textarea", "desc", "text", "tspan"].map { Array($0.utf8) }
    static let rawText = ["script", "style"].map { Array($0.utf8) }
    static let svg = Array("svg".utf8)

    /// An open element. Its name is a range of the input (compared in lower case, as written in
    /// generated markup), so the stack holds no strings: no allocation, hashing or reference
    /// counting per tag (this pass runs over every page of the English site).
    private struct Open {
        var name: Range<Int>
        var isUkrainian: Bool
        /// Offset in the output just before the `>` (or `/>`) of its start tag.
        var insertAt: Int
        var children = 0
        var inSVG: Bool
    }

    public static func mark(_ html: String, language: String = "uk") -> String {
        String(decoding: markedBytes(html, language: language), as: UTF8.self)
    }

    /// `mark`, as the UTF-8 bytes a page is written with.
    public static func markedBytes(_ html: String, language: String = "uk") -> [UInt8] {
        let input = Array(html.utf8)
        guard let body = find(Array("<body".utf8), in: input, from: 0) else { return input }
        let attribute = Array(" lang=\"\(language)\"".utf8), languageBytes = Array(language.utf8)
        let wrapOpen = Array("<span lang=\"\(language)\">".utf8), wrapClose = Array("</span>".utf8)
        var out = Array(input[..<body])
        out.reserveCapacity(input.count + input.count / 10)
        var stack: [Open] = []
        stack.reserveCapacity(32)
        var i = body

        func insertAttribute(into index: Int) {
            let at = stack[index].insertAt
            out.insert(contentsOf: attribute, at: at)
            stack[index].isUkrainian = true
            for later in stack.indices where later > index { stack[later].insertAt += attribute.count }
        }

        while i < input.count {
            if input[i] == UInt8(ascii: "<") {
                if starts(input, at: i, with: commentOpen) {
                    let end = find(commentClose, in: input, from: i).map { $0 + 3 } ?? input.count
                    out += input[i..<end]
                    i = end
                    continue
                }
                let end = tagEnd(input, from: i)
                let tag = input[i..<end]
                i = end
                if tag.count > 1, tag[tag.startIndex + 1] == UInt8(ascii: "/") {
                    let name = tagName(tag, from: 2)
                    if let index = stack.lastIndex(where: { sameName(input, $0.name, name) }) { stack.removeSubrange(index...) }
                    out += tag
                    continue
                }
                let name = tagName(tag, from: 1)
                if !stack.isEmpty { stack[stack.count - 1].children += 1 }
                out += tag
                let selfClosing = tag.count > 1 && tag[tag.endIndex - 2] == UInt8(ascii: "/")
                let parentIsUkrainian = stack.last?.isUkrainian ?? false, parentInSVG = stack.last?.inSVG ?? false
                let ownLang = attributeValue(tag, langNeedle)
                var open = Open(name: name, isUkrainian: ownLang.map { $0.elementsEqual(languageBytes) } ?? parentIsUkrainian,
                                insertAt: out.count - (selfClosing ? 2 : 1), inSVG: parentInSVG || isName(input, name, svg))
                if ownLang == nil, !open.isUkrainian,
                   labelNeedles.contains(where: { attributeValue(tag, $0).map(hasCyrillic) ?? false }) {
                    out.insert(contentsOf: attribute, at: open.insertAt)
                    open.isUkrainian = true
                }
                if rawText.contains(where: { isName(input, name, $0) }) {
                    let close = find([UInt8(ascii: "<"), UInt8(ascii: "/")] + lowercased(input[name]), in: input, from: i) ?? input.count
                    out += input[i..<close]
                    i = close
                    stack.append(open)
                } else if !selfClosing && !voidElements.contains(where: { isName(input, name, $0) }) {
                    stack.append(open)
                }
                continue
            }
            let next = input[i...].firstIndex(of: UInt8(ascii: "<")) ?? input.count
            let text = input[i..<next]
            i = next
            guard let parent = stack.indices.last, !stack[parent].isUkrainian, hasCyrillic(text) else {
                if let parent = stack.indices.last, !isWhitespace(text) { stack[parent].children += 1 }
                out += text
                continue
            }
            let whole = stack[parent].children == 0 && closes(input, at: next, name: stack[parent].name)
            if whole || stack[parent].inSVG || textOnly.contains(where: { isName(input, stack[parent].name, $0) }) {
                insertAttribute(into: parent)
                out += text
            } else {
                out += wrapOpen
                out += text
                out += wrapClose
            }
            stack[parent].children += 1
        }
        return out
    }

    static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] { bytes.map(lower) }

    /// Two element names of the input, both in lower case, are the same.
    private static func sameName(_ input: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { lower(input[$0]) == lower(input[$1]) }
    }

    /// The element name, in lower case, is `name` (given in lower case).
    private static func isName(_ input: [UInt8], _ range: Range<Int>, _ name: [UInt8]) -> Bool {
        range.count == name.count && zip(range, name).allSatisfy { lower(input[$0]) == $1 }
    }

    /// `</name` (the name in lower case) is written at `index`.
    private static func closes(_ input: [UInt8], at index: Int, name: Range<Int>) -> Bool {
        guard index + 2 + name.count <= input.count, input[index] == UInt8(ascii: "<"), input[index + 1] == UInt8(ascii: "/") else { return false }
        return zip(name, (index + 2)...).allSatisfy { lower(input[$0]) == input[$1] }
    }

    /// Marks each Ukrainian passage inside text of another language (English notes quoting
    /// a document: `as printed, «Перша ціль»; see`) with `<span lang="uk">`, so that only
    /// the quotation, not the whole sentence, is read with a Ukrainian voice. A passage is
    /// a stretch of a text node with Cyrillic letters and no Latin ones, trimmed to start
    /// and end at a letter, digit, quotation mark or bracket (brackets and «» balanced).
    /// `mark` then leaves these spans alone. Generated markup only (cmark's output).
    public static func markPassages(_ html: String, language: String = "uk") -> String {
        let input = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < input.count {
            if input[i] == "<" {
                let end = tagEnd(input, from: i)
                out.append(contentsOf: input[i..<end])
                i = end
                continue
            }
            let next = input[i...].firstIndex(of: "<") ?? input.count
            out.append(contentsOf: markedText(input[i..<next], language: language))
            i = next
        }
        return String(out)
    }

    private static func isLatin(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    private static func isCyrillic(_ c: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(c.value) }
    private static func canStart(_ c: Unicode.Scalar) -> Bool { isCyrillic(c) || ("0"..."9").contains(c) || "«“„(".unicodeScalars.contains(c) }
    private static func canEnd(_ c: Unicode.Scalar) -> Bool { isCyrillic(c) || ("0"..."9").contains(c) || "»”“)…’!?".unicodeScalars.contains(c) }

    private static func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        var quote: Unicode.Scalar? = nil
        while i < scalars.count {
            let c = scalars[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { return i + 1 }
            i += 1
        }
        return scalars.count
    }

    private static func markedText(_ text: ArraySlice<Unicode.Scalar>, language: String) -> [Unicode.Scalar] {
        // Units: a character, or a whole entity (`&amp;`, `&#39;`) that is never cut.
        var units: [Range<Int>] = []
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "&", let semicolon = text[i..<min(text.endIndex, i + 12)].firstIndex(of: ";") {
                units.append(i..<(semicolon + 1))
                i = semicolon + 1
            } else {
                units.append(i..<(i + 1))
                i += 1
            }
        }
        func isEntity(_ u: Range<Int>) -> Bool { u.count > 1 }
        var result: [Unicode.Scalar] = []
        var done = text.startIndex
        var u = 0
        while u < units.count {
            // A stretch of units without Latin letters (an entity with letters, `&amp;`, ends it too).
            var end = u
            while end < units.count, !text[units[end]].contains(where: isLatin) { end += 1 }
            defer { u = max(end, u + 1) }
            var first = u, last = end - 1
            func trim() {
                while first <= last, isEntity(units[first]) || !canStart(text[units[first].lowerBound]) { first += 1 }
                while last >= first, isEntity(units[last]) || !canEnd(text[units[last].lowerBound]) { last -= 1 }
            }
            trim()
            // Balance brackets and guillemets: drop an unmatched one at either end.
            while first <= last {
                let scalars = units[first...last].flatMap { Array(text[$0]) }
                func count(_ c: Unicode.Scalar) -> Int { scalars.filter { $0 == c }.count }
                let a = text[units[first].lowerBound], z = text[units[last].lowerBound]
                if z == ")" && count(")") > count("(") || z == "»" && count("»") > count("«") { last -= 1 }
                else if a == "(" && count("(") > count(")") || a == "«" && count("«") > count("»") { first += 1 }
                else { break }
                trim()
            }
            guard first <= last, units[first...last].contains(where: { text[$0].contains(where: isCyrillic) }) else { continue }
            let from = units[first].lowerBound, to = units[last].upperBound
            result += text[done..<from]
            result += "<span lang=\"\(language)\">".unicodeScalars
            result += text[from..<to]
            result += "</span>".unicodeScalars
            done = to
        }
        result += text[done..<text.endIndex]
        return result
    }

    // MARK: bytes

    static func hasCyrillic<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        // U+0400…U+04FF are encoded with the lead bytes D0…D3.
        bytes.contains { (0xD0...0xD3).contains($0) }
    }

    static func hasCyrillic(_ text: String) -> Bool { hasCyrillic(text.utf8) }

    static func isWhitespace(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }

    static func starts(_ bytes: [UInt8], at index: Int, with prefix: [UInt8]) -> Bool {
        index + prefix.count <= bytes.count && bytes[index..<(index + prefix.count)].elementsEqual(prefix)
    }

    static let langNeedle = Array(" lang=\"".utf8)
    static let labelNeedles = ["title", "alt", "aria-label"].map { Array(" \($0)=\"".utf8) }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? { find(needle, in: bytes[...], from: start) }

    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = start
        while i <= bytes.endIndex - needle.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Index just past the `>` that ends the tag starting at `start`, skipping quoted values.
    static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start + 1
        var quote: UInt8? = nil
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    /// The range of the element name in a tag (the input's offsets); `start` is the offset of the name in the tag.
    static func tagName(_ tag: ArraySlice<UInt8>, from start: Int) -> Range<Int> {
        let first = min(tag.startIndex + start, tag.endIndex)
        var end = first
        while end < tag.endIndex, !(tag[end] == 0x20 || tag[end] == 0x0A || tag[end] == 0x09 || tag[end] == UInt8(ascii: ">")
                                  || tag[end] == UInt8(ascii: "/")) { end += 1 }
        return first..<end
    }

    /// The value of a double-quoted attribute in a start tag, if present (`needle`: ` name="`).
    static func attributeValue(_ tag: ArraySlice<UInt8>, _ needle: [UInt8]) -> ArraySlice<UInt8>? {
        guard let at = find(needle, in: tag, from: tag.startIndex) else { return nil }
        let start = at + needle.count
        guard let end = tag[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return tag[start..<end]
    }
}
