import Foundation

/// Words for the search index: normalisation, tokens and light stemmers for
/// Ukrainian, Russian and English. `Templates/assets/search.js` does exactly the
/// same on the query side; `Tests/Fixtures/search/words.json` holds the cases
/// both must agree on (docs/search.md, «Words»).
///
/// A Cyrillic word has several *candidate* stems: the word less each known
/// ending that leaves at least three letters, and the word itself. The index
/// picks one of them per word by looking at the whole text (`SearchStemmer`:
/// the candidate most other words share), and a query word takes the longest of
/// its candidates that the index holds. So «програма», «програми» and
/// «програм» meet at «програм», although «-ами» and «-ам» are endings too.
public enum SearchText {
    /// Apostrophe spellings that occur in Ukrainian text (ʼ ' ’ ‘ ` ´ ʹ): all dropped,
    /// so «сім'ї», «сімʼї» and «сім’ї» are one word.
    static let apostrophes: Set<Unicode.Scalar> = ["\u{27}", "\u{2019}", "\u{2BC}", "\u{2018}", "\u{60}", "\u{B4}", "\u{2B9}"]

    /// Function words that carry no meaning in a query.
    static let stopWords: Set<String> = [
        "та", "як", "що", "до", "за", "на", "по", "не", "від", "для", "або", "але", "про", "при", "між",
        "це", "його", "її", "їх", "щодо", "із", "зі", "під", "над", "через", "the", "and", "of", "in", "to", "for",
    ]

    /// Ukrainian endings, longest first: case endings of nouns and adjectives, verb
    /// endings and the nominalisations -ння/-ість (so «забезпечення» and «забезпечити»
    /// can meet at «забезпеч»).
    static let endings: [[Unicode.Scalar]] = [
        "ування", "ювання", "ання", "яння", "ення", "іння", "уванню", "уванні", "уванням", "уваннях", "юванню", "юванні", "юванням", "юваннях", "анню", "анні", "анням", "аннях", "янню", "янні", "янням", "яннях", "енню", "енні", "енням", "еннях", "інню", "інні", "інням", "іннях", "ань", "янь", "ень", "інь", "ьми",
        "ість", "ості", "істю", "остей", "остям", "остями", "остях", "ують", "ього", "ьому",
        "ами", "ями", "ими", "ого", "ому", "ьої", "ові", "еві", "єві", "ією", "ати", "яти", "ити", "іти", "ути",
        "ють", "ать", "ять", "уть", "ить", "іть",
        "ах", "ях", "ам", "ям", "ом", "ем", "єм", "ів", "їв", "ей", "ії", "ія", "ію", "ої", "ій", "ий", "их",
        "іх", "им", "ім", "ою", "ею", "єю", "ує", "ює",
        "а", "я", "о", "е", "є", "і", "ї", "и", "у", "ю", "ь",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// Russian endings (nouns, adjectives, participles, verbs), longest first: the
    /// stems of the Russian vocabulary (`SearchVocabulary`) and, on the query side,
    /// more candidates for a word typed in Russian.
    static let russianEndings: [[Unicode.Scalar]] = [
        "иями", "остями", "остью", "остей", "остям", "остях", "ость", "ости", "ями", "ами", "ией", "иях", "ием", "иям",
        "ого", "его", "ому", "ему", "ыми", "ими", "ать", "ять", "ить", "еть", "ыть", "ует", "уют",
        "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ою", "ею", "ом", "ем", "ым", "им",
        "ых", "их", "ов", "ев", "ам", "ям", "ах", "ях", "ия", "ья", "ье", "ии", "ию", "ью", "ть", "ся",
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// Verb endings: removed only when at least four letters remain («пам’ять», «втрати»,
    /// «аудити» are nouns; «забезпечити», «працюють» verbs).
    static let verbEndings: Set<[Unicode.Scalar]> = Set(["ати", "яти", "ити", "іти", "ути", "ють", "ать", "ять", "уть", "ить", "іть", "ують",
                                                         "еть", "ыть", "ует", "уют", "ть"].map { Array($0.unicodeScalars) })

    /// Word endings rewritten before the ending is removed (consonant alternation before -і).
    static let alternations: [([Unicode.Scalar], [Unicode.Scalar])] = [("озі", "ога"), ("тиці", "тика")]
        .map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }

    static let vowels: Set<Unicode.Scalar> = ["а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я", "ь", "й", "ы", "э"]
    /// Endings that begin with an iotated vowel: after them a stem's final о may be the
    /// vowel of the stem itself («зброя», «зброю» → «збр», as «зброї»).
    static let iotated: Set<Unicode.Scalar> = ["я", "ю", "є", "ї"]

    /// A stem keeps at least this many letters.
    static let minimumStem = 3

    /// Which endings a stemmer removes.
    public enum Language: Sendable { case ukrainian, russian, query }

    /// NFC, lower case, ґ as г and ё as е, no apostrophes, no combining marks (stress) or soft hyphens.
    public static func normalise(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        // Foundation's NFC goes through UTF-16 and back; text that NFC leaves as it is skips it.
        let composed = isNFCStable(text) ? text : text.precomposedStringWithCanonicalMapping
        for scalar in composed.lowercased().unicodeScalars {
            if apostrophes.contains(scalar) || scalar == "\u{AD}" { continue }
            if ScalarKind.isMark(scalar) { continue }
            scalars.append(scalar == "ґ" ? "г" : scalar == "ё" ? "е" : scalar)
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
    /// between two digits stays inside (`1.2`), and so does a hyphen between digits
    /// after such a dot (the indicator number `6.3-1`). Single characters are dropped
    /// unless `keepDigits` (a query's «5» is an item number).
    public static func words(_ text: String, keepDigits: Bool = false) -> [String] {
        let scalars = Array(normalise(text).unicodeScalars)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var dotted = false
        func flush() {
            if current.count > 1 || (keepDigits && current.count == 1 && isDigit(current.first!)) { words.append(String(current)) }
            current = String.UnicodeScalarView()
            dotted = false
        }
        for (i, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if scalar == ".", let last = current.last, isDigit(last), i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                current.append(scalar)
                dotted = true
            } else if scalar == "-", dotted, let last = current.last, isDigit(last), i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The default index terms of a text: its words without stop words, each with its
    /// default stem. The index itself uses `SearchStemmer`, which may pick another candidate.
    public static func terms(_ text: String) -> [String] {
        words(text).filter { !stopWords.contains($0) }.map(stem)
    }

    /// The default stem: the longest known ending that leaves at least `minimumStem`
    /// letters removed (Cyrillic words), English suffixes (Latin words); numbers as they are.
    public static func stem(_ word: String) -> String {
        stem(word, .ukrainian)
    }

    public static func stem(_ word: String, _ language: Language) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > minimumStem else { return word }
        if !scalars.contains(where: ScalarKind.isCyrillic) { return englishStem(word) }
        var base = scalars
        if language != .russian { base = alternated(base) ?? base }
        let list = language == .russian ? russianEndings : endings
        for ending in list where removable(ending, from: base) {
            var stem = Array(base.dropLast(ending.count))
            if iotated.contains(ending[0]), stem.last == "о", stem.count - 1 >= minimumStem { stem.removeLast() }
            return string(finish(stem))
        }
        return string(finish(base))
    }

    /// Every candidate stem of a word, longest first: the word less each ending of
    /// `language` that can be removed (after a consonant alternation, and with a stem's
    /// final о dropped after an iotated ending), and the word itself.
    public static func candidates(_ word: String, _ language: Language = .ukrainian) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > minimumStem, scalars.contains(where: ScalarKind.isCyrillic) else { return [stem(word)] }
        var found: [[Unicode.Scalar]] = []
        func add(_ stem: [Unicode.Scalar]) {
            let finished = finish(stem)
            if !found.contains(finished) { found.append(finished) }
        }
        let lists: [[[Unicode.Scalar]]] = language == .query ? [endings, russianEndings] : [language == .russian ? russianEndings : endings]
        var bases = [scalars]
        if language != .russian, let rewritten = alternated(scalars) { bases.append(rewritten) }
        for base in bases {
            add(base)
            for list in lists {
                for ending in list where removable(ending, from: base) {
                    let stem = Array(base.dropLast(ending.count))
                    add(stem)
                    if iotated.contains(ending[0]), stem.last == "о", stem.count - 1 >= minimumStem { add(Array(stem.dropLast())) }
                }
            }
        }
        return found.map(string).sorted { $0.unicodeScalars.count != $1.unicodeScalars.count ? $0.unicodeScalars.count > $1.unicodeScalars.count : $0 < $1 }
    }

    static func removable(_ ending: [Unicode.Scalar], from word: [Unicode.Scalar]) -> Bool {
        let left = word.count - ending.count
        return left >= (verbEndings.contains(ending) ? minimumStem + 1 : minimumStem) && word.suffix(ending.count).elementsEqual(ending)
    }

    /// «допомозі» → «допомога», «політиці» → «політика»: the word with its alternation undone, if it has one.
    static func alternated(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        for (from, to) in alternations where scalars.count - from.count >= minimumStem && scalars.suffix(from.count).elementsEqual(from) {
            return Array(scalars.dropLast(from.count)) + to
        }
        return nil
    }

    /// The same stem for forms that differ inside the word: a final ь goes; a fleeting о/е
    /// before a final к or ц goes («ветеранок», «ветеранки»; «виконавець», «виконавця»);
    /// і in a closed last syllable becomes о («осіб», «особи»; «захід», «заходи»).
    static func finish(_ stem: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars = stem
        if scalars.count > minimumStem, scalars.last == "ь" { scalars.removeLast() }
        let n = scalars.count
        if n > minimumStem + 1, ["к", "ц"].contains(scalars[n - 1]), ["о", "е"].contains(scalars[n - 2]),
           !vowels.contains(scalars[n - 3]) {
            scalars.remove(at: n - 2)
        }
        let m = scalars.count
        if m >= minimumStem, scalars[m - 2] == "і", !vowels.contains(scalars[m - 1]), !vowels.contains(scalars[m - 3]),
           ScalarKind.isCyrillic(scalars[m - 1]) {
            scalars[m - 2] = "о"
        }
        return scalars
    }

    /// A light English stemmer for the English vocabulary and Latin words: plural -s
    /// and -ies, -ing, -ed and a final e go («services», «service» → «servic»;
    /// «displaced» → «displac»). Words with digits stay as they are.
    public static func englishStem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        guard w.count > minimumStem, w.allSatisfy({ $0.isASCII && ScalarKind.isLetterOrNumber($0) }),
              !w.contains(where: { ScalarKind.isDigit($0) }) else { return word }
        func ends(_ s: String) -> Bool { w.suffix(s.unicodeScalars.count).elementsEqual(s.unicodeScalars) }
        if ends("ies"), w.count > 4 { w.removeLast(3); w.append("y") }
        else if ends("sses") { w.removeLast(2) }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is") { w.removeLast() }
        if ends("ing"), w.count - 3 >= minimumStem { w.removeLast(3) }
        else if ends("ed"), w.count - 2 >= minimumStem { w.removeLast(2) }
        if ends("e"), w.count > minimumStem { w.removeLast() }
        return string(w)
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
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
        "ь": "q", "ю": "iu", "я": "ia", "ы": "yy", "э": "eh", "ъ": "qq",
    ]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { ScalarKind.isLetterOrNumber(scalar) }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ScalarKind.isDigit(scalar) }
}
