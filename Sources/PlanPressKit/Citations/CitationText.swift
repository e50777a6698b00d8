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
/// Text is compared as Unicode scalar values; nothing else (case, quotes,
/// dashes, apostrophes) is folded: such differences are corrections.
struct NormalText: Hashable, Sendable {
    /// Marks a cell boundary (a tab in the source). Never inside a field.
    static let cellBoundary: UInt32 = 0x1F
    var scalars: [UInt32]

    init(_ text: some StringProtocol) {
        scalars = NormalText.normalise(Array(text.unicodeScalars))
    }

    init(scalars: [UInt32]) { self.scalars = scalars }

    var isEmpty: Bool { scalars.isEmpty }

    var string: String {
        var result = String.UnicodeScalarView()
        for value in scalars { result.append(Unicode.Scalar(value == NormalText.cellBoundary ? 0x7C : value) ?? " ") }
        return String(result)
    }

    // MARK: searching

    /// The first position where `needle` starts, nil if absent. A whole-token
    /// search (amounts) also requires a space, cell boundary or end on both sides.
    func firstIndex(of needle: NormalText, wholeToken: Bool = false, from start: Int = 0) -> Int? {
        let n = needle.scalars, h = scalars
        guard !n.isEmpty else { return start }
        guard n.count <= h.count else { return nil }
        let first = n[0]
        var i = start
        let last = h.count - n.count
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count && (!wholeToken || isTokenEdge(i - 1) && isTokenEdge(i + n.count)) { return i }
            }
            i += 1
        }
        return nil
    }

    func contains(_ needle: NormalText, wholeToken: Bool = false) -> Bool {
        firstIndex(of: needle, wholeToken: wholeToken) != nil
    }

    private func isTokenEdge(_ index: Int) -> Bool {
        guard index >= 0 && index < scalars.count else { return true }
        return scalars[index] == 0x20 || scalars[index] == NormalText.cellBoundary
    }

    /// Replaces every occurrence of `old` with `new`, then normalises the result again.
    func replacing(_ old: NormalText, with new: NormalText) -> NormalText {
        guard !old.isEmpty else { return self }
        var result: [UInt32] = []
        result.reserveCapacity(scalars.count)
        var i = 0
        var changed = false
        while i < scalars.count {
            if let found = firstIndex(of: old, from: i) {
                result.append(contentsOf: scalars[i..<found])
                result.append(contentsOf: new.scalars)
                i = found + old.scalars.count
                changed = true
            } else {
                result.append(contentsOf: scalars[i...])
                break
            }
        }
        guard changed else { return self }
        return NormalText(scalars: NormalText.normalise(result.compactMap(Unicode.Scalar.init)))
    }

    // MARK: normalising

    private static func normalise(_ input: [Unicode.Scalar]) -> [UInt32] {
        // Pass 1: tags out, whitespace classes in (space or boundary), soft hyphens out.
        var spaced: [UInt32] = []
        spaced.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let s = input[i]
            if s == "<", let end = tagEnd(input, from: i) {
                spaced.append(0x20)
                i = end + 1
                continue
            }
            if s == "\t" || s.value == cellBoundary {
                spaced.append(cellBoundary)
            } else if s.value == 0xAD {
                // soft hyphen
            } else if ScalarKind.isSpaceOrNewline(s) || s.value == 0xA0 || s.value == 0x202F || s.value == 0xFEFF {
                spaced.append(0x20)
            } else {
                spaced.append(s.value)
            }
            i += 1
        }
        // Pass 2: spaces collapsed and dropped next to boundaries; line-end hyphenation joined.
        var out: [UInt32] = []
        out.reserveCapacity(spaced.count)
        i = 0
        while i < spaced.count {
            let v = spaced[i]
            if v == 0x20 {
                // Spaces collapse, go next to a boundary, and go after a slash (a line wrap after «/»).
                if out.isEmpty || out.last == 0x20 || out.last == cellBoundary || out.last == 0x2F { i += 1; continue }
                out.append(v)
            } else if v == cellBoundary {
                if out.last == 0x20 { out.removeLast() }
                out.append(v)
            } else if v == 0x2D, let previous = out.last, isLetter(previous) {
                var j = i + 1
                while j < spaced.count && spaced[j] == 0x20 { j += 1 }
                if j < spaced.count && isLetter(spaced[j]) {
                    i = j
                    continue
                }
                out.append(v)
            } else {
                out.append(v)
            }
            i += 1
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }

    private static func isLetter(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return ScalarKind.isLetterOrNumber(scalar) && !ScalarKind.isDigit(scalar)
    }

    /// The index of the `>` closing a markup tag that starts at `start`
    /// (`<p>`, `</p>`, `<ul style="…">`), nil when `<` does not start one.
    private static func tagEnd(_ input: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start + 1
        if i < input.count && input[i] == "/" { i += 1 }
        guard i < input.count, input[i].isASCII, input[i].properties.isAlphabetic else { return nil }
        let limit = min(input.count, start + 300)
        while i < limit {
            if input[i] == ">" { return i }
            if input[i] == "<" || input[i] == "\n" { return nil }
            i += 1
        }
        return nil
    }
}
