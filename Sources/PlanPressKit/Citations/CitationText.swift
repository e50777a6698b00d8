#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The normalisation both sides of a citation go through before the printed
/// fields are looked up in the cited lines (docs/content-format.md, "Citations"):
///
/// 1. markup tags of the extraction (`<p>`, `</p>`, `<ul style="…">`, `<li>`) become a space;
/// 2. a tab is a cell boundary; every other kind of whitespace (line ends,
///    non-breaking spaces, runs of spaces) becomes one space, and spaces next to
///    a cell boundary or at either end go;
/// 3. soft hyphens go, and so do spaces after a slash (`ініціатив/ проєктів`,
///    a line wrapped after «/», reads `ініціатив/проєктів`);
/// 4. a hyphen written right after a letter and followed by a letter, with or
///    without spaces between (`відновлен- ня`, `гендерно-чутливих`), is dropped
///    together with those spaces, so a word hyphenated at a line end matches the
///    whole word and a hyphenated compound matches however it was broken.
///
/// Nothing else (case, quotes, dashes, apostrophes) is folded: such
/// differences are corrections. The text is kept as UTF-8 bytes: every rule
/// above is about ASCII bytes or a few fixed sequences, and a lookup is then a
/// `memchr` for a telling byte and a `memcmp`.
struct NormalText: Hashable, Sendable {
    /// Marks a cell boundary (a tab in the source). Never inside a field.
    static let cellBoundary: UInt8 = 0x1F
    private(set) var bytes: [UInt8]

    init(_ text: some StringProtocol) {
        var copy = String(text)
        bytes = copy.withUTF8 { NormalText.normalise($0) }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isEmpty: Bool { bytes.isEmpty }

    /// For messages: cell boundaries shown as `|`.
    var string: String {
        String(decoding: bytes.map { $0 == NormalText.cellBoundary ? 0x7C : $0 }, as: UTF8.self)
    }

    /// The first `count` characters (Unicode scalars), or all.
    func prefix(scalars count: Int) -> NormalText {
        var seen = 0
        for (i, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if seen == count { return NormalText(bytes: Array(bytes[..<i])) }
            seen += 1
        }
        return self
    }

    /// Offsets where a scalar starts, and the end.
    var scalarBoundaries: [Int] {
        bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
    }

    // MARK: searching

    /// The first offset at or after `start` where `needle` starts, nil if absent. A
    /// whole-token search (amounts) also requires a space, cell boundary or end on both sides.
    func firstIndex(of needle: NormalText, wholeToken: Bool = false, from start: Int = 0) -> Int? {
        let n = needle.bytes.count
        guard n > 0 else { return start }
        guard start + n <= bytes.count else { return nil }
        // memchr for a telling byte of the needle (not a Cyrillic lead byte or a space), then memcmp.
        let k = needle.bytes.firstIndex { $0 != 0xD0 && $0 != 0xD1 && $0 != 0x20 } ?? 0
        let probe = Int32(needle.bytes[k])
        return bytes.withUnsafeBytes { hay -> Int? in
            needle.bytes.withUnsafeBytes { pin -> Int? in
                let base = hay.baseAddress!
                var from = start
                while from + n <= hay.count {
                    guard let hit = memchr(base + from + k, probe, hay.count - from - n + 1) else { return nil }
                    let at = UnsafeRawPointer(hit) - base - k
                    if memcmp(base + at, pin.baseAddress!, n) == 0,
                       !wholeToken || isTokenEdge(at - 1) && isTokenEdge(at + n) {
                        return at
                    }
                    from = at + 1
                }
                return nil
            }
        }
    }

    func contains(_ needle: NormalText, wholeToken: Bool = false) -> Bool {
        firstIndex(of: needle, wholeToken: wholeToken) != nil
    }

    private func isTokenEdge(_ index: Int) -> Bool {
        guard index >= 0 && index < bytes.count else { return true }
        return bytes[index] == 0x20 || bytes[index] == NormalText.cellBoundary
    }

    /// Replaces every occurrence of `old` with `new`, then normalises the result again.
    func replacing(_ old: NormalText, with new: NormalText) -> NormalText {
        guard !old.isEmpty, var found = firstIndex(of: old) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while true {
            result.append(contentsOf: bytes[i..<found])
            result.append(contentsOf: new.bytes)
            i = found + old.bytes.count
            guard let next = firstIndex(of: old, from: i) else { break }
            found = next
        }
        result.append(contentsOf: bytes[i...])
        return NormalText(bytes: result.withUnsafeBufferPointer { NormalText.normalise($0) })
    }

    // MARK: normalising

    private static func normalise(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Pass 1: tags out, whitespace classes in (space or boundary), soft hyphens out.
        var spaced: [UInt8] = []
        spaced.reserveCapacity(input.count)
        var i = 0
        let count = input.count
        while i < count {
            let b = input[i]
            if b < 0x80 {
                if b == 0x3C, let end = tagEnd(input, from: i) {
                    spaced.append(0x20)
                    i = end + 1
                    continue
                }
                if b == 0x09 || b == cellBoundary {
                    spaced.append(cellBoundary)
                } else if b == 0x20 || (b >= 0x0A && b <= 0x0D) {
                    spaced.append(0x20)
                } else {
                    spaced.append(b)
                }
                i += 1
                continue
            }
            let length = spaceLength(input, at: i)
            if length > 0 {
                spaced.append(0x20)
                i += length
            } else if b == 0xC2 && i + 1 < count && input[i + 1] == 0xAD {
                i += 2 // soft hyphen
            } else {
                spaced.append(b)
                i += 1
            }
        }
        // Pass 2: spaces collapsed and dropped next to boundaries and after «/»; line-end hyphenation joined.
        var out: [UInt8] = []
        out.reserveCapacity(spaced.count)
        i = 0
        while i < spaced.count {
            let b = spaced[i]
            if b == 0x20 {
                if out.isEmpty || out.last == 0x20 || out.last == cellBoundary || out.last == 0x2F { i += 1; continue }
                out.append(b)
            } else if b == cellBoundary {
                if out.last == 0x20 { out.removeLast() }
                out.append(b)
            } else if b == 0x2D, lastIsLetter(out) {
                var j = i + 1
                while j < spaced.count && spaced[j] == 0x20 { j += 1 }
                if j < spaced.count && isLetter(spaced, at: j) {
                    i = j
                    continue
                }
                out.append(b)
            } else {
                out.append(b)
            }
            i += 1
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }

    /// The byte length of a non-ASCII whitespace character at `i` (0 if none):
    /// U+0085, U+00A0, U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
    @inline(__always)
    private static func spaceLength(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = s[i]
        if b == 0xC2, i + 1 < s.count, s[i + 1] == 0x85 || s[i + 1] == 0xA0 { return 2 }
        guard b >= 0xE1, b <= 0xEF, i + 2 < s.count else { return 0 }
        let b1 = s[i + 1], b2 = s[i + 2]
        switch b {
        case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0
        case 0xE2:
            if b1 == 0x80 && ((0x80...0x8B).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return 3 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
        case 0xEF: return b1 == 0xBB && b2 == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Whether the last character of `bytes` is a letter (not a digit).
    private static func lastIsLetter(_ bytes: [UInt8]) -> Bool {
        var start = bytes.count - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0 else { return false }
        return bytes.withUnsafeBufferPointer { isLetter($0, at: start) }
    }

    private static func isLetter(_ bytes: [UInt8], at i: Int) -> Bool {
        bytes.withUnsafeBufferPointer { isLetter($0, at: i) }
    }

    private static func isLetter(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard let scalar = decode(s, at: i) else { return false }
        return ScalarKind.isLetterOrNumber(scalar) && !ScalarKind.isDigit(scalar)
    }

    private static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        let b = s[i]
        if b < 0x80 { return Unicode.Scalar(b) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0
        guard length > 0, i + length <= s.count else { return nil }
        var value = UInt32(b) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(s[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// The index of the `>` closing a markup tag that starts at `start`
    /// (`<p>`, `</p>`, `<ul style="…">`), nil when `<` does not start one.
    private static func tagEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start + 1
        if i < input.count && input[i] == 0x2F { i += 1 }
        guard i < input.count, (0x61...0x7A).contains(input[i] | 0x20) else { return nil }
        let limit = min(input.count, start + 600)
        while i < limit {
            if input[i] == 0x3E { return i }
            if input[i] == 0x3C || input[i] == 0x0A { return nil }
            i += 1
        }
        return nil
    }
}
