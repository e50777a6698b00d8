/// Ukrainian to Latin by the official table: Resolution of the Cabinet of
/// Ministers of Ukraine No. 55 of 27 January 2010 «Про впорядкування
/// транслітерації українського алфавіту латиницею».
///
/// Є, Ї, Й, Ю, Я have one form at the start of a word (`Yenakiieve`,
/// `Yizhakevych`, `Yosypivka`, `Yurii`, `Yahotyn`) and another elsewhere
/// (`Nataliia`, `Kadiivka`, `Stryi`, `Koriukivka`, `Kostiantyn`); «зг» is
/// written `zgh` (`Zghorany`) to keep it apart from «ж»; the soft sign and the
/// apostrophe are not transliterated (`Znamianka`).
public enum Transliteration {
    /// Lowercase letter → (form at the start of a word, form elsewhere).
    static let table: [Character: (initial: String, other: String)] = [
        "а": ("a", "a"), "б": ("b", "b"), "в": ("v", "v"), "г": ("h", "h"), "ґ": ("g", "g"),
        "д": ("d", "d"), "е": ("e", "e"), "є": ("ye", "ie"), "ж": ("zh", "zh"), "з": ("z", "z"),
        "и": ("y", "y"), "і": ("i", "i"), "ї": ("yi", "i"), "й": ("y", "i"), "к": ("k", "k"),
        "л": ("l", "l"), "м": ("m", "m"), "н": ("n", "n"), "о": ("o", "o"), "п": ("p", "p"),
        "р": ("r", "r"), "с": ("s", "s"), "т": ("t", "t"), "у": ("u", "u"), "ф": ("f", "f"),
        "х": ("kh", "kh"), "ц": ("ts", "ts"), "ч": ("ch", "ch"), "ш": ("sh", "sh"), "щ": ("shch", "shch"),
        "ь": ("", ""), "ю": ("yu", "iu"), "я": ("ya", "ia"),
    ]

    /// Apostrophe spellings met in Ukrainian text: dropped, but part of the word.
    static let apostrophes: Set<Character> = ["'", "’", "ʼ", "‘", "`"]

    /// Transliterates Ukrainian letters; everything else is kept as it is.
    /// Case follows the source: `Щука` → `Shchuka`, `ЩУКА` → `SHCHUKA`.
    public static func latin(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        for (i, character) in characters.enumerated() {
            if apostrophes.contains(character) { continue }
            let lower = character.lowercased().first ?? character
            guard let forms = table[lower] else {
                result.append(character)
                continue
            }
            let previous = i > 0 ? characters[i - 1] : nil
            let initial = previous.map { !isWordCharacter($0) } ?? true
            var latin = initial ? forms.initial : forms.other
            if lower == "г", let previous, previous.lowercased().first == "з" { latin = "gh" }
            result += character.isUppercase ? capitalised(latin, allCaps: isAllCaps(characters, around: i)) : latin
        }
        return result
    }

    /// A URL slug: transliterated, lowercase, words joined by `-`, at most
    /// `limit` characters (cut at a word boundary). Empty when no letter or
    /// digit is left.
    public static func slug(_ text: String, limit: Int = 80) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in latin(text).lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            default:
                pendingDash = true
            }
        }
        guard slug.count > limit else { return slug }
        let cut = slug.prefix(limit)
        if slug[cut.endIndex] == "-" { return String(cut) }
        if let dash = cut.lastIndex(of: "-") { return String(cut[..<dash]) }
        return String(cut)
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || apostrophes.contains(c) }

    /// An uppercase letter is written all in capitals when its word is in capitals.
    private static func isAllCaps(_ characters: [Character], around i: Int) -> Bool {
        let next = characters[(i + 1)...].first { !apostrophes.contains($0) }
        if let next, next.isLetter { return next.isUppercase }
        let previous = characters[..<i].last { !apostrophes.contains($0) }
        if let previous, previous.isLetter { return previous.isUppercase }
        return false
    }

    private static func capitalised(_ latin: String, allCaps: Bool) -> String {
        allCaps ? latin.uppercased() : latin.prefix(1).uppercased() + latin.dropFirst()
    }
}
