/// Wordings the search treats as one (docs/search.md, «Synonyms» and «Russian and
/// English»), applied when the index is built: a document field that contains one
/// wording of a group also gets the terms of every other wording of the group, and
/// the Russian and English words listed for any of them, at half weight. So a
/// query in any wording or language finds it, and the browser needs no extra code
/// or bytes.
///
/// Groups are closed: the glossary's one-word abbreviations with their full forms
/// (ВПО ↔ внутрішньо переміщені особи) and the groups of `synonyms.txt` that share
/// a wording merge, so «переселенці» finds a page that says only «ВПО».
public struct SearchSynonyms: Sendable {
    /// Each closed group: its Ukrainian wordings as term sequences (stems, stop words left out).
    public let groups: [[[String]]]
    /// Russian and English wordings (term sequences) added where any of `ukrainian` occurs.
    struct Rule: Sendable {
        var ukrainian: [Int]
        var foreign: [[String]]
    }
    let rules: [Rule]
    /// Every Ukrainian wording (group members and the right sides of the lists), by id.
    let phrases: [[String]]
    let phrasesByFirstTerm: [String: [Int]]
    /// Phrase id → its group, when it is in one.
    let groupOfPhrase: [Int: Int]
    let groupIDs: [[Int]]
    let rulesOfPhrase: [Int: [Int]]
    /// A foreign term → the Ukrainian words it stands for, as the list writes them (the page
    /// says «Можливо, ви мали на увазі …» with them and marks them in the snippets).
    public let translations: [String: String]

    /// A full form longer than this many terms is a definition, not a synonym.
    static let longestFullForm = 8

    public static let none = SearchSynonyms(vocabulary: .none, glossary: [], stemmer: .empty)

    public init(vocabulary: SearchVocabulary, glossary: [SiteGraph.GlossaryEntry], stemmer: SearchStemmer) {
        var phrases: [[String]] = [], ids: [[String]: Int] = [:]
        func id(_ text: String) -> Int? {
            let terms = stemmer.terms(text)
            guard !terms.isEmpty else { return nil }
            if let known = ids[terms] { return known }
            ids[terms] = phrases.count
            phrases.append(terms)
            return phrases.count - 1
        }
        // Groups, closed over shared wordings (union–find over phrase ids).
        var parent: [Int] = []
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        let abbreviations = glossary.compactMap { entry -> [String]? in
            let full = stemmer.terms(entry.full)
            guard stemmer.terms(entry.abbr).count == 1, full.count > 1, full.count <= SearchSynonyms.longestFullForm else { return nil }
            return [entry.abbr, entry.full]
        }
        var grouped: [Int] = []
        for wordings in vocabulary.synonyms + abbreviations {
            let members = wordings.compactMap(id)
            while parent.count < phrases.count { parent.append(parent.count) }
            guard members.count > 1 else { continue }
            grouped += members
            for member in members.dropFirst() { parent[root(member)] = root(members[0]) }
        }
        var rules: [Rule] = []
        var translations: [String: (single: Bool, order: Int, text: String)] = [:]
        for (language, entries) in [(SearchText.Language.russian, vocabulary.russian), (.ukrainian, vocabulary.english)] {
            for entry in entries {
                let ukrainian = entry.ukrainian.compactMap(id)
                let own = Set(ukrainian.flatMap { phrases[$0] })
                let foreign = entry.foreign.map { wording in
                    SearchText.words(wording).filter { !SearchText.stopWords.contains($0) }.map { SearchText.stem($0, language) }
                }.filter { !$0.isEmpty && !$0.allSatisfy(own.contains) }
                guard !ukrainian.isEmpty, !foreign.isEmpty else { continue }
                for wording in foreign {
                    for term in wording {
                        let single = wording.count == 1
                        let candidate = (single: single, order: rules.count, text: entry.ukrainian[0])
                        if let known = translations[term], known.single || !single { continue }
                        translations[term] = candidate
                    }
                }
                rules.append(Rule(ukrainian: ukrainian, foreign: foreign))
            }
        }
        while parent.count < phrases.count { parent.append(parent.count) }
        var groupIndex: [Int: Int] = [:], groups: [[Int]] = []
        for member in grouped {
            let r = root(member)
            if let g = groupIndex[r] {
                if !groups[g].contains(member) { groups[g].append(member) }
            } else {
                groupIndex[r] = groups.count
                groups.append([member])
            }
        }
        var groupOfPhrase: [Int: Int] = [:]
        for (g, members) in groups.enumerated() { for member in members { groupOfPhrase[member] = g } }
        var byFirst: [String: [Int]] = [:]
        for (n, phrase) in phrases.enumerated() { byFirst[phrase[0], default: []].append(n) }
        var rulesOfPhrase: [Int: [Int]] = [:]
        for (r, rule) in rules.enumerated() { for phrase in rule.ukrainian { rulesOfPhrase[phrase, default: []].append(r) } }
        self.phrases = phrases
        self.phrasesByFirstTerm = byFirst
        self.groups = groups.map { $0.map { phrases[$0] } }
        self.groupIDs = groups
        self.groupOfPhrase = groupOfPhrase
        self.rules = rules
        self.rulesOfPhrase = rulesOfPhrase
        self.translations = translations.mapValues(\.text)
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Terms to add to a field whose terms are `terms`: those of every other wording of
    /// each group one of whose wordings occurs in `terms` as a run, and the Russian and
    /// English words of every Ukrainian wording that occurs or is in such a group; each
    /// term once. `whole`: the wordings found make up the whole field (the field *is* that
    /// thing, as a body's alias «облдержадміністрація» is the ОВА), so its other names
    /// weigh as its own words.
    func additions(to terms: [String]) -> (ukrainian: [String], foreign: [String], whole: Bool) {
        let found = additionsBySpan(to: terms)
        return (found.ukrainian.map(\.term), found.foreign, found.whole)
    }

    /// As `additions`, each Ukrainian term with the number of words of the shortest wording
    /// it comes from: a long wording's words share its weight, so a page that names the
    /// thing in other words does not outweigh the pages that use the reader's own words.
    func additionsBySpan(to terms: [String]) -> (ukrainian: [(term: String, span: Int)], foreign: [String], whole: Bool) {
        guard !phrases.isEmpty, !terms.isEmpty else { return ([], [], false) }
        var found = Set<Int>()
        for start in terms.indices {
            for id in phrasesByFirstTerm[terms[start]] ?? [] {
                let phrase = phrases[id]
                if start + phrase.count <= terms.count, terms[start..<(start + phrase.count)].elementsEqual(phrase) { found.insert(id) }
            }
        }
        guard !found.isEmpty else { return ([], [], false) }
        var present = found
        let own = Set(terms)
        var ukrainian: [String: Int] = [:]
        for g in Set(found.compactMap { groupOfPhrase[$0] }).sorted() {
            for member in groupIDs[g] where !found.contains(member) {
                present.insert(member)
                for term in phrases[member] where !own.contains(term) {
                    ukrainian[term] = min(ukrainian[term] ?? .max, phrases[member].count)
                }
            }
        }
        var foreign = Set<String>()
        for phrase in present {
            for r in rulesOfPhrase[phrase] ?? [] { for wording in rules[r].foreign { foreign.formUnion(wording.filter { !own.contains($0) }) } }
        }
        let whole = found.reduce(0) { $0 + phrases[$1].count } >= terms.count
        return (ukrainian.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, foreign.sorted(), whole)
    }

}
