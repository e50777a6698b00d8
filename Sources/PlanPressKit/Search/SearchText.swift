import Foundation

/// Words for the search index: normalisation, tokens and a light Ukrainian
/// stemmer. `Templates/assets/search.js` does exactly the same on the query
/// side; `Tests/Fixtures/search/words.json` holds the cases both must agree on.
public enum SearchText {
    /// Apostrophe spellings that occur in Ukrainian text (ʼ ' ’ ‘ ` ´ ʹ): all dropped,
    /// so «сім'ї», «сімʼї» and «сім’ї» are one word.
    static let apostrophes: Set<Unicode.Scalar> = ["\u{27}", "\u{2019}", "\u{2BC}", "\u{2018}", "\u{60}", "\u{B4}", "\u{2B9}"]

    /// Function words that carry no meaning in a query.
    static let stopWords: Set<String> = [
        "та", "як", "що", "до", "за", "на", "по", "не", "від", "для", "або", "але", "про", "при", "між",
        "це", "його", "її", "їх", "щодо", "із", "зі", "під", "над", "через", "the", "and", "of", "in", "to", "for",
    ]

    /// Endings removed by `stem`, longest first. Nominalisations (-ння, -ість)
    /// go too, so «забезпечення» and «забезпечити» share the stem «забезпеч».
    static let endings: [[Unicode.Scalar]] = [
        "ування", "ювання", "ання", "яння", "ення", "іння", "уванню", "уванні", "уванням", "уваннях", "юванню", "юванні", "юванням", "юваннях", "анню", "анні", "анням", "аннях", "янню", "янні", "янням", "яннях", "енню", "енні", "енням", "еннях", "інню", "інні", "інням", "іннях", "ьми",
        "ість", "ості", "істю", "остей", "остям", "остями", "остях", "ують", "ього", "ьому",
        "ами", "ями", "ими", "ого", "ому", "ьої", "ові", "еві", "єві", "ією", "ати", "яти", "ити", "іти", "ути",
        "ють", "ать", "ять", "уть", "ить", "іть",
        "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ів", "їв", "ей", "ії", "ія", "ію", "ої", "ій", "ий", "их",
        "іх", "им", "ім", "ою", "ею", "єю", "ти", "ть", "ує", "ює",
        "а", "я", "о", "е", "є", "і", "ї", "и", "у", "ю", "ь",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// Word endings rewritten before the ending is removed (consonant alternation before -і).
    static let alternations: [([Unicode.Scalar], [Unicode.Scalar])] = [("озі", "ога"), ("тиці", "тика")]
        .map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }

    static let vowels: Set<Unicode.Scalar> = ["а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я", "ь", "й"]

    /// A stem keeps at least this many letters.
    static let minimumStem = 3

    /// NFC, lower case, ґ as г, no apostrophes, no combining marks (stress) or soft hyphens.
    public static func normalise(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        // Foundation's NFC goes through UTF-16 and back; text that NFC leaves as it is skips it.
        let composed = isNFCStable(text) ? text : text.precomposedStringWithCanonicalMapping
        for scalar in composed.lowercased().unicodeScalars {
            if apostrophes.contains(scalar) || scalar == "\u{AD}" { continue }
            if ScalarKind.isMark(scalar) { continue }
            scalars.append(scalar == "ґ" ? "г" : scalar)
        }
        return String(scalars)
    }

    /// True when every scalar is one that NFC never changes nor combines with
    /// its neighbour: below U+0300 or in the Cyrillic block without its combining
    /// marks, or the common punctuation U+2010–U+2027 (dashes, quotes, ellipsis)
    /// and № (`SearchTextTests` checks each against Foundation).
    static func isNFCStable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            return v < 0x300 || (ScalarKind.isCyrillic(scalar) && !(0x483...0x489).contains(v))
                || (0x2010...0x2027).contains(v) || v == 0x2116
        }
    }

    /// Words of a text, normalised, in order: runs of letters and digits; a dot
    /// between two digits stays inside (`1.2`). Single characters are dropped.
    public static func words(_ text: String) -> [String] {
        let scalars = Array(normalise(text).unicodeScalars)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count > 1 { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for (i, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if scalar == ".", let last = current.last, isDigit(last), i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The index terms of a text: its words without stop words, stemmed.
    public static func terms(_ text: String) -> [String] {
        words(text).filter { !stopWords.contains($0) }.map(stem)
    }

    /// Removes the longest known ending that leaves at least `minimumStem`
    /// letters, then a final soft sign. Only Cyrillic words are stemmed.
    public static func stem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard scalars.count > minimumStem, scalars.contains(where: ScalarKind.isCyrillic) else { return word }
        // Consonant alternation before -і: «допомозі», «дорозі» → «допомога», «дорога»;
        // «політиці», «практиці» → «політика», «практика».
        for (from, to) in alternations where scalars.count - from.count >= minimumStem && scalars.suffix(from.count).elementsEqual(from) {
            scalars.replaceSubrange((scalars.count - from.count)..., with: to)
            break
        }
        for ending in endings where scalars.count - ending.count >= minimumStem && scalars.suffix(ending.count).elementsEqual(ending) {
            scalars.removeLast(ending.count)
            break
        }
        if scalars.count > minimumStem, scalars.last == "ь" { scalars.removeLast() }
        // Fleeting vowel: a stem ending in consonant + о/е + к/ц loses the vowel, so
        // «ветеранок», «ветеранки»; «жінок», «жінки»; «розвиток», «розвитку»;
        // «виконавець», «виконавця» share a stem.
        let n = scalars.count
        if n > minimumStem + 1, ["к", "ц"].contains(scalars[n - 1]), ["о", "е"].contains(scalars[n - 2]),
           !vowels.contains(scalars[n - 3]) {
            scalars.remove(at: n - 2)
        }
        // і in a closed last syllable alternates with о: «осіб», «особи»; «захід», «заходи»; «рік», «року».
        let m = scalars.count
        if m >= minimumStem, scalars[m - 2] == "і", !vowels.contains(scalars[m - 1]), !vowels.contains(scalars[m - 3]),
           ScalarKind.isCyrillic(scalars[m - 1]) {
            scalars[m - 2] = "о"
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// The index shard a term lives in: its first two characters, transliterated
    /// to ASCII so the file name is safe on any host.
    public static func shardKey(_ term: String) -> String {
        term.unicodeScalars.prefix(2).map { scalar -> String in
            if let latin = transliteration[scalar] { return latin }
            if scalar.isASCII, isWordScalar(scalar) { return String(scalar) }
            return "_"
        }.joined()
    }

    static let transliteration: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z", "и": "y",
        "і": "i", "ї": "yi", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ь": "q", "ю": "iu", "я": "ia",
    ]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { ScalarKind.isLetterOrNumber(scalar) }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ScalarKind.isDigit(scalar) }
}
