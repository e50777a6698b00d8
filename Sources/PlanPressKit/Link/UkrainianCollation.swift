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
        less(a, key(a), b, key(b))
    }

    static func less(_ a: String, _ ka: [Int], _ b: String, _ kb: [Int]) -> Bool {
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        return a < b
    }

    /// `items` in Ukrainian alphabetical order of `text`, each key computed once.
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.map { (item: $0, text: text($0), key: key(text($0))) }
            .sorted { less($0.text, $0.key, $1.text, $1.key) }
            .map(\.item)
    }
}
