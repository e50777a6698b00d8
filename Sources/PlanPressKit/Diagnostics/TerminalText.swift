/// Text printed to a terminal: control characters from content (an executor id
/// with ESC sequences could retitle the terminal or clear the screen) are shown
/// as `\u{1B}` instead of being sent raw.
public enum TerminalText {
    /// `text` with every control character except the line break escaped:
    /// C0 (tab and carriage return included), DEL, C1, and the bidirectional
    /// overrides and isolates that reorder what a line appears to say.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The control characters (Unicode category Cc) in `text`, for refusing them where text is stored.
    public static func controlCharacters(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0.properties.generalCategory == .control }
    }
}
