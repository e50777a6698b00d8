/// The stems of one site's words (docs/search.md, «Words»): each Cyrillic word
/// gets the candidate stem (`SearchText.candidates`) that the most other words of
/// the site share, so the forms of one word meet although a light stemmer cannot
/// tell «програм+и» from «прогр+ами»: «програма», «програми», «програмах»
/// all have the candidate «програм», and only two of them «прогр». A tie keeps
/// the default stem (`SearchText.stem`). The browser does not need this table: a
/// query word takes the longest of its candidates that the index holds.
public struct SearchStemmer: Sendable {
    /// word → its stem, for the Cyrillic words longer than the shortest stem.
    let table: [String: String]

    public init<S: Sequence>(words: S) where S.Element == String {
        var candidates: [String: [String]] = [:]
        for word in words where candidates[word] == nil && SearchStemmer.needsChoice(word) {
            candidates[word] = SearchText.candidates(word)
        }
        var support: [String: Int] = [:]
        for list in candidates.values { for stem in list { support[stem, default: 0] += 1 } }
        var table: [String: String] = [:]
        table.reserveCapacity(candidates.count)
        for (word, list) in candidates {
            let preferred = SearchText.stem(word)
            var best = preferred, bestSupport = support[preferred] ?? 0
            for stem in list {
                let n = support[stem] ?? 0
                // More support wins; a tie keeps the default stem, else the longer candidate (the list is longest first).
                if n > bestSupport { best = stem; bestSupport = n }
            }
            table[word] = best
        }
        self.table = table
    }

    public static let empty = SearchStemmer(words: [])

    static func needsChoice(_ word: String) -> Bool {
        word.unicodeScalars.count > SearchText.minimumStem && word.unicodeScalars.contains(where: ScalarKind.isCyrillic)
    }

    /// The stem of a normalised word.
    public func stem(_ word: String) -> String {
        table[word] ?? SearchText.stem(word)
    }

    /// Index terms of a text: its words without stop words, stemmed.
    public func terms(_ text: String) -> [String] {
        SearchText.words(text).filter { !SearchText.stopWords.contains($0) }.map(stem)
    }
}
