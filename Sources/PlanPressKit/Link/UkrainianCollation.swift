/// Sorting in Ukrainian alphabetical order (Swift's `<` puts є, і, ї, ґ after я).
public enum UkrainianCollation {
    static let alphabet = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
    static let rank: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// A key whose ordinary comparison is Ukrainian alphabetical order, case-insensitive.
    public static func key(_ text: String) -> [Int] {
        text.lowercased().map { char in
            if let r = rank[char] { return 10_000 + r }
            if char.isLetter || char.isNumber { return Int(char.unicodeScalars.first!.value) < 128 ? Int(char.unicodeScalars.first!.value) : 20_000 + Int(char.unicodeScalars.first!.value) }
            return 0
        }.filter { $0 != 0 }
    }

    public static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        return a < b
    }
}
