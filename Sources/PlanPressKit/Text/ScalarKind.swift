import Foundation

/// Character classes of Unicode scalars, answered for ASCII and the Cyrillic
/// block without Unicode property lookups (a table search per scalar, which
/// made text handling a large part of a build's CPU time). Every answer is the
/// same as the Unicode property's: `ScalarKindTests` checks every scalar of
/// the fast ranges against it.
enum ScalarKind {
    /// The Cyrillic block U+0400–U+04FF.
    @inline(__always) static func isCyrillic(_ s: Unicode.Scalar) -> Bool { s.value &- 0x400 <= 0xFF }

    /// `Unicode.Scalar.Properties.isWhitespace`.
    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if isCyrillic(s) { return false }
        return s.properties.isWhitespace
    }

    /// Foundation's `CharacterSet.whitespaces` (on Linux: Zs, tab and U+200B).
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || v == 0x09 }
        if isCyrillic(s) { return false }
        return CharacterSet.whitespaces.contains(s)
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines`.
    @inline(__always) static func isSpaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if isCyrillic(s) { return false }
        return CharacterSet.whitespacesAndNewlines.contains(s)
    }

    /// Letters and numbers (general categories L* and N*).
    @inline(__always) static func isLetterOrNumber(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) }
        // Cyrillic: letters except ҂ (a symbol) and the combining marks U+0483–U+0489.
        if isCyrillic(s) { return v < 0x482 || v > 0x489 }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Combining marks (general categories M*).
    @inline(__always) static func isMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if isCyrillic(s) { return v >= 0x483 && v <= 0x489 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Decimal digits (category Nd).
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if isCyrillic(s) { return false }
        return s.properties.generalCategory == .decimalNumber
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation's round trip through UTF-16.
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's round trip through UTF-16.
    func trimmingSpacesAndNewlines() -> String { self[...].trimmingSpacesAndNewlines() }
}

extension Substring {
    func trimmingSpaces() -> String { trimming(ScalarKind.isSpace) }

    func trimmingSpacesAndNewlines() -> String { trimming(ScalarKind.isSpaceOrNewline) }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(scalars[first...last])
    }
}
