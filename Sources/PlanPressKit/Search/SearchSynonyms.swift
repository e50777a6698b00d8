/// Phrases the search treats as one (docs/search.md, «Synonyms»): the
/// glossary's one-word abbreviations and their full forms (ВПО ↔ внутрішньо
/// переміщені особи), and a short list of policy paraphrases. Applied when the
/// index is built: a document that contains one phrase of a group also gets
/// the terms of the others, at half weight, so a query in any wording finds it
/// and the browser needs no extra code or bytes.
public struct SearchSynonyms: Sendable, Equatable {
    /// Each group: its phrases as term sequences (stems, stop words left out).
    public let groups: [[[String]]]

    /// Common paraphrases of policy language (written as they occur in text; any
    /// inflection matches, since phrases are compared as stems).
    public static let paraphrases: [[String]] = [
        ["гендерне насильство", "ґендерно зумовлене насильство", "насильство за ознакою статі", "домашнє насильство"],
        ["ґендерна рівність", "рівні права та можливості жінок і чоловіків", "рівність жінок і чоловіків"],
        ["переселенці", "внутрішньо переміщені особи"],
    ]

    /// A full form longer than this many terms is a definition, not a synonym.
    static let longestFullForm = 8

    public init(groups: [[String]]) {
        var seen = Set<[[String]]>()
        self.groups = groups.compactMap { phrases in
            var terms: [[String]] = []
            for phrase in phrases {
                let sequence = SearchText.terms(phrase)
                if !sequence.isEmpty, !terms.contains(sequence) { terms.append(sequence) }
            }
            guard terms.count > 1, seen.insert(terms).inserted else { return nil }
            return terms
        }
    }

    public static let none = SearchSynonyms(groups: [])

    /// The paraphrases plus every one-word abbreviation of the glossary with its full form.
    public init(glossary: [SiteGraph.GlossaryEntry]) {
        let abbreviations = glossary.compactMap { entry -> [String]? in
            let full = SearchText.terms(entry.full)
            guard SearchText.terms(entry.abbr).count == 1, full.count > 1, full.count <= SearchSynonyms.longestFullForm else { return nil }
            return [entry.abbr, entry.full]
        }
        self.init(groups: SearchSynonyms.paraphrases + abbreviations)
    }

    /// Terms to add to a field whose terms are `terms`: those of every other phrase
    /// of each group one of whose phrases occurs in `terms` as a run.
    func additions(to terms: [String]) -> [String] {
        guard !groups.isEmpty, !terms.isEmpty else { return [] }
        var added: [String] = []
        for group in groups {
            let found = group.indices.filter { contains(terms, run: group[$0]) }
            guard !found.isEmpty else { continue }
            for (i, phrase) in group.enumerated() where !found.contains(i) { added += phrase }
        }
        return added
    }

    func contains(_ terms: [String], run: [String]) -> Bool {
        guard run.count <= terms.count else { return false }
        for start in 0...(terms.count - run.count) where terms[start] == run[0] {
            if terms[start..<(start + run.count)].elementsEqual(run) { return true }
        }
        return false
    }
}
