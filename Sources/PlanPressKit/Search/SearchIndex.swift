import Foundation

/// The compact static search index (see docs/search.md), written under
/// `search/` next to the search page and shared by every interface language:
///
/// - `search/meta.json`: document count, chunk size, plan titles, shard keys;
/// - `search/s/<key>.json`: the terms whose first two letters give `key`,
///   each with a flat list of `document, weight` pairs (a Russian or English
///   term first names the Ukrainian words it stands for);
/// - `search/d/<n>.json`: documents `n·chunk ..< (n+1)·chunk` as
///   `[kind, plan or -1, heading, text, path, level, number, term]`.
///
/// A query downloads meta (the search page preloads it), one shard per word and
/// the chunks of its best results.
public struct SearchIndex {
    /// Documents per `d/<n>.json` file.
    public static let chunkSize = 16
    /// Snippet text kept per document, in characters.
    public static let textLimit = 1200
    /// A term's weight in one document is capped, so repetition does not win.
    static let maximumWeight = 40
    /// BM25 with field weights as term frequencies: k₁ (in units of field weight; a heading
    /// mention is 4), b, and the factor that spreads the result over the integers below 40.
    static let saturation = 4.8, lengthB = 0.75, scale = 5.0

    public let documents: [SearchDocument]
    /// term → [(document, weight)], documents ascending.
    public let postings: [String: [(document: Int, weight: Int)]]

    /// Each document's words (normalising and splitting its text) and term weights, the
    /// stems and each chunk file from the last build, so that a rebuild splits, counts and
    /// writes only the documents whose text changed. Stems depend on the words of the whole
    /// site (`SearchStemmer`): they are chosen again when that set of words changes, and then
    /// every document is counted again. BM25 is applied over all documents every build.
    public final class Cache: @unchecked Sendable {
        struct Entry {
            var fields: [(String, Int)]
            var words: [[String]]
            /// The document's term weights with `stemming` (nil when not counted with it).
            var counted: Counted?
        }
        var entries: [String: Entry] = [:]
        /// How many times each word occurs in the entries' fields: the site's set of words is its keys,
        /// kept up to date from the documents that changed instead of gathered from every document.
        var wordCounts: [String: Int] = [:]
        /// The stems and synonyms of the last build and what they were chosen from besides the
        /// site's words: reused while neither these nor the set of words changed.
        var stemming: (stemmer: SearchStemmer, synonyms: SearchSynonyms, vocabulary: SearchVocabulary, glossary: [String])?
        /// Whether the last index reused the stems and the unchanged documents' weights (tests).
        var stemsKept = false
        /// `d/<n>.json` by n: its documents and bytes.
        var chunks: [Int: (documents: ArraySlice<SearchDocument>, bytes: [UInt8])] = [:]
        /// The numbers the entries' terms were given (`Counted.numbered`); begun again with the stems.
        var terms = TermNumbers()
        public init() {}

        func entry(for document: SearchDocument) -> Entry? {
            guard let entry = entries[document.path], entry.fields.count == document.fields.count,
                  // Byte comparison: `String ==` normalises Unicode first, slow on long Cyrillic text.
                  zip(entry.fields, document.fields).allSatisfy({ $0.1 == $1.1 && $0.0.hasSameBytes(as: $1.0) }) else { return nil }
            return entry
        }
    }

    let cache: Cache?
    /// Russian and English terms → the Ukrainian words they stand for (written into their shard).
    let translations: [String: String]

    /// The weight of a document's own number («13.4» of measure 13.4): above any word, so
    /// a number query puts the item with that number first; measures and goals before
    /// the indicators numbered after them.
    static func numberWeight(_ kind: SearchDocument.Kind) -> Int { kind == .indicator ? 30 : maximumWeight }

    public init(documents: [SearchDocument], vocabulary: SearchVocabulary = .none, glossary: [SiteGraph.GlossaryEntry] = [],
                cache: Cache? = nil) {
        self.documents = documents
        self.cache = cache
        var profile = Profile()
        // Words of every field, from the cache where the field's text did not change.
        let found = parallelMap(documents) { document -> (words: [[String]], kept: Cache.Entry?) in
            if let entry = cache?.entry(for: document) { return (entry.words, entry) }
            return (document.fields.map { SearchText.words($0.0).filter { !SearchText.stopWords.contains($0) } }, nil)
        }
        let words = found.map(\.words)
        profile.mark("search: words")
        // Stems chosen with every word of the site and of the word lists; the glossary's words count too.
        let glossaryTexts = glossary.map { $0.abbr + " " + $0.full }
        var stemming = cache?.stemming
        if let cache, !SearchIndex.sameWords(cache, documents: documents, found: found) || stemming?.vocabulary != vocabulary
            || stemming?.glossary != glossaryTexts {
            stemming = nil
        }
        // Counts are reused only with the stems and synonyms they were counted with.
        let reuseCounts = stemming != nil
        if stemming == nil {
            var distinct = Set<String>()
            if let cache { distinct = Set(cache.wordCounts.keys) } else { for fields in words { for field in fields { distinct.formUnion(field) } } }
            distinct.formUnion(vocabulary.ukrainianWords)
            for text in glossaryTexts { distinct.formUnion(SearchText.words(text)) }
            let stemmer = SearchStemmer(words: distinct)
            stemming = (stemmer, SearchSynonyms(vocabulary: vocabulary, glossary: glossary, stemmer: stemmer), vocabulary, glossaryTexts)
        }
        let (stemmer, synonyms, _, _) = stemming!
        profile.mark("search: stems, synonyms")
        // Counted again only where the words or the stems changed.
        var counted = parallelMap(Array(zip(documents, found))) { document, found -> Counted in
            if reuseCounts, let kept = found.kept?.counted { return kept }
            return SearchIndex.count(document, words: found.words, stemmer: stemmer, synonyms: synonyms)
        }
        // Numbered one document after another (`TermNumbers` is not shared between threads).
        let terms = reuseCounts ? cache!.terms : TermNumbers()
        let numberedCounts = counted.indices.map { n in
            if let numbered = counted[n].numbered { return numbered }
            let numbered = counted[n].numbered(with: terms)
            counted[n].numbered = numbered
            return numbered
        }
        if let cache {
            cache.terms = terms
            var entries: [String: Cache.Entry] = [:]
            for (document, (words, counted)) in zip(documents, zip(words, counted)) {
                entries[document.path] = Cache.Entry(fields: document.fields, words: words, counted: counted)
            }
            cache.entries = entries
            cache.stemming = stemming
            cache.stemsKept = reuseCounts
        }
        profile.mark("search: weights")
        let lengths = counted.map(\.length)
        // Shorter documents are more about each of their words (BM25's length
        // normalisation and saturation, applied once here so the client only adds numbers).
        let average = max(1, Double(lengths.reduce(0, +)) / Double(max(1, lengths.count)))
        // Postings gathered by term number: a rebuild looks up only the terms of the documents
        // counted again (hashing a Cyrillic `String` normalises it first), not every term of every document.
        var lists: [[(document: Int, weight: Int)]] = []
        var isUkrainian: [Bool] = []
        func grow(_ terms: TermNumbers) {
            if lists.count < terms.count {
                lists += Array(repeating: [], count: terms.count - lists.count)
                isUkrainian += Array(repeating: false, count: terms.count - isUkrainian.count)
            }
        }
        for (number, entry) in counted.enumerated() {
            // BM25's saturation: a word's tenth mention adds less than its second.
            let lengthFactor = 1 - SearchIndex.lengthB + SearchIndex.lengthB * Double(lengths[number]) / average
            var own: [Int: Int] = [:]
            let document = documents[number]
            for printed in document.numbers {
                for word in SearchText.words(printed, keepDigits: true) { own[terms.number(word)] = SearchIndex.numberWeight(document.kind) }
            }
            let numbered = numberedCounts[number]
            grow(terms)
            for (term, weight) in numbered.weights where own[term] == nil {
                let w = Double(weight), k = SearchIndex.saturation
                let normalised = max(1, min(SearchIndex.maximumWeight - 1, Int((SearchIndex.scale * w * (k + 1) / (w + k * lengthFactor)).rounded())))
                lists[term].append((number, normalised))
            }
            for (term, weight) in own { lists[term].append((number, weight)) }
            for term in numbered.ukrainian { isUkrainian[term] = true }
            for term in own.keys { isUkrainian[term] = true }
        }
        var postings: [String: [(document: Int, weight: Int)]] = [:]
        postings.reserveCapacity(lists.count)
        for (term, list) in zip(terms.terms, lists) where !list.isEmpty { postings[term] = list }
        profile.mark("search: postings")
        self.postings = postings
        self.translations = synonyms.translations.filter {
            guard let term = terms.known($0.key), term < lists.count else { return false }
            return !lists[term].isEmpty && !isUkrainian[term]
        }
    }

    /// One document's terms with their summed field weights, its length in Ukrainian terms
    /// and its Ukrainian terms (BM25 is applied over all documents afterwards).
    struct Counted {
        var weights: [String: Int]
        var length: Int
        var ukrainian: Set<String>
        /// `weights` and `ukrainian` by term number (`TermNumbers`), once numbered.
        var numbered: Numbered?

        struct Numbered {
            var weights: [(term: Int, weight: Int)]
            var ukrainian: [Int]
        }

        /// Which number a term gets does not matter: the postings are filed back under the terms.
        func numbered(with terms: TermNumbers) -> Numbered {
            Numbered(weights: weights.map { (terms.number($0.key), $0.value) },
                     ukrainian: ukrainian.map { terms.number($0) })
        }
    }

    /// Terms numbered in the order they are first met.
    final class TermNumbers: @unchecked Sendable {
        private var numbers: [String: Int] = [:]
        private(set) var terms: [String] = []
        var count: Int { terms.count }

        func number(_ term: String) -> Int {
            if let number = numbers[term] { return number }
            numbers[term] = terms.count
            terms.append(term)
            return terms.count - 1
        }

        func known(_ term: String) -> Int? { numbers[term] }
    }

    static func count(_ document: SearchDocument, words fields: [[String]], stemmer: SearchStemmer, synonyms: SearchSynonyms) -> Counted {
        var weights: [String: Int] = [:]
        var length = 0
        var ukrainian = Set<String>()
        for ((_, weight), fieldWords) in zip(document.fields, fields) {
            let terms = fieldWords.map(stemmer.stem)
            // Length is the Ukrainian text's: an English name beside a body's name says it again.
            if fieldWords.contains(where: { $0.unicodeScalars.contains(where: ScalarKind.isCyrillic) }) { length += terms.count }
            for term in terms { weights[term, default: 0] += weight }
            let added = synonyms.additionsBySpan(to: terms)
            // The other wordings are part of what the document says: they count in its length
            // (else a short field with a long synonym outweighs the documents that use its words).
            length += added.ukrainian.count
            let addedWeight = added.whole ? weight : max(1, weight / 2)
            for (term, span) in added.ukrainian {
                weights[term, default: 0] += max(1, Int((Double(addedWeight) / Double(span).squareRoot()).rounded()))
            }
            for term in added.foreign { weights[term, default: 0] += addedWeight }
            ukrainian.formUnion(terms)
            ukrainian.formUnion(added.ukrainian.map(\.term))
        }
        return Counted(weights: weights, length: length, ukrainian: ukrainian, numbered: nil)
    }

    /// Brings `cache.wordCounts` up to the new documents (the words of changed, new and removed
    /// documents) and says whether the set of the site's words is the one the cached stems were
    /// chosen from. Documents sharing a path: counted afresh, and the answer is no.
    private static func sameWords(_ cache: Cache, documents: [SearchDocument], found: [(words: [[String]], kept: Cache.Entry?)]) -> Bool {
        var paths = Set<String>()
        paths.reserveCapacity(documents.count)
        guard cache.stemming != nil, documents.allSatisfy({ paths.insert($0.path).inserted }) else {
            var counts: [String: Int] = [:]
            for document in found { for field in document.words { for word in field { counts[word, default: 0] += 1 } } }
            cache.wordCounts = counts
            return false
        }
        var counts = cache.wordCounts, same = true
        // Added first, then removed: a word that only moved between documents never reaches zero.
        for own in found where own.kept == nil {
            for field in own.words { for word in field { counts[word, default: 0] += 1; if counts[word] == 1 { same = false } } }
        }
        var keptPaths = Set<String>()
        for (document, own) in zip(documents, found) where own.kept != nil { keptPaths.insert(document.path) }
        for (path, entry) in cache.entries where !keptPaths.contains(path) {
            for field in entry.words {
                for word in field {
                    let left = (counts[word] ?? 0) - 1
                    if left <= 0 { counts[word] = nil; same = false } else { counts[word] = left }
                }
            }
        }
        cache.wordCounts = counts
        return same
    }

    public init(graph: SiteGraph, vocabulary: SearchVocabulary = .none, cache: Cache? = nil) {
        var profile = Profile()
        let documents = SearchDocuments.collect(graph)
        profile.mark("search: collect")
        self.init(documents: documents, vocabulary: vocabulary, glossary: graph.glossary, cache: cache)
    }

    /// Terms grouped by shard key.
    public var shards: [String: [String]] {
        Dictionary(grouping: postings.keys, by: SearchText.shardKey)
    }

    /// The index files, paths relative to the output folder.
    /// `asOf`: the site's date, against which each plan counts as ended or not (results of
    /// ended plans rank lower when relevance is close).
    public func files(plans: [PlanIndex], routes: Routes, asOf: CalendarDate? = nil) -> [OutputFile] {
        let folder = routes.withLocale("").relativePath(for: .search)
        let shards = self.shards
        let keys = shards.keys.sorted()
        var files: [OutputFile] = []
        // Keys in sorted order, as every object below.
        var meta = CompactJSON()
        meta.raw("{\"chunk\":"); meta.int(SearchIndex.chunkSize)
        meta.raw(",\"count\":"); meta.int(documents.count)
        meta.raw(",\"plans\":")
        // Per plan: short title, path, 1 when its period has ended, level names (uk), level names (en),
        // the English short title (the Ukrainian one when the plan gives none).
        meta.array(plans) { json, plan in
            let ended = asOf.map { PlanStanding(plan.plan, asOf: $0) == .ended } ?? false
            json.byte(0x5B)
            json.string(plan.plan.shortTitle); json.byte(0x2C)
            json.string(routes.withLocale("").relativePath(for: .plan(plan.plan.id))); json.byte(0x2C)
            json.int(ended ? 1 : 0); json.byte(0x2C)
            json.array(plan.plan.levels) { $0.string($1.name) }; json.byte(0x2C)
            json.array(plan.plan.levels) { $0.string($1.name(language: "en")) }; json.byte(0x2C)
            json.string(plan.plan.englishShortTitle ?? plan.plan.shortTitle)
            json.byte(0x5D)
        }
        // Per plan, its documents' range [first, end): they are collected plan by plan.
        meta.raw(",\"ranges\":")
        var ranges = [(first: Int, end: Int)?](repeating: nil, count: plans.count)
        for (d, document) in documents.enumerated() {
            guard let p = document.plan, p < ranges.count else { continue }
            ranges[p] = (ranges[p]?.first ?? d, d + 1)
        }
        meta.array(plans.indices) { json, p in
            json.array([ranges[p]?.first ?? 0, ranges[p]?.end ?? 0]) { $0.int($1) }
        }
        meta.raw(",\"shards\":"); meta.array(keys) { $0.string($1) }
        meta.raw(",\"v\":3}")
        files.append(OutputFile(path: folder + "meta.json", bytes: meta.bytes))
        var profile = Profile()
        let shardFiles = parallelMap(keys) { key -> OutputFile in
            var json = CompactJSON(capacity: 4096)
            json.byte(0x7B)
            for (offset, term) in shards[key]!.sorted().enumerated() {
                if offset > 0 { json.byte(0x2C) }
                json.string(term)
                json.byte(0x3A)
                json.byte(0x5B)
                // A Russian or English term starts with the Ukrainian words it stands for.
                if let ukrainian = translations[term] {
                    json.string(ukrainian)
                    json.byte(0x2C)
                }
                for (n, posting) in postings[term]!.enumerated() {
                    if n > 0 { json.byte(0x2C) }
                    json.int(posting.document)
                    json.byte(0x2C)
                    json.int(posting.weight)
                }
                json.byte(0x5D)
            }
            json.byte(0x7D)
            return OutputFile(path: folder + "s/\(key).json", bytes: json.bytes)
        }
        files += shardFiles
        profile.mark("search: shards")
        let starts = Array(stride(from: 0, to: documents.count, by: SearchIndex.chunkSize))
        let previous = cache?.chunks ?? [:]
        let chunks = parallelMap(starts) { start -> OutputFile in
            let slice = documents[start..<min(start + SearchIndex.chunkSize, documents.count)]
            let path = folder + "d/\(start / SearchIndex.chunkSize).json"
            if let old = previous[start / SearchIndex.chunkSize], old.documents.count == slice.count,
               zip(old.documents, slice).allSatisfy({ $0.isSame(as: $1) }) {
                return OutputFile(path: path, bytes: old.bytes)
            }
            var json = CompactJSON(capacity: 16 * 1024)
            json.array(slice) { json, document in
                json.byte(0x5B)
                json.string(document.kind.rawValue)
                json.byte(0x2C)
                json.int(document.plan ?? -1)
                json.byte(0x2C)
                json.string(document.heading)
                json.byte(0x2C)
                json.string(SearchIndex.clip(document.text))
                json.byte(0x2C)
                json.string(document.path)
                json.byte(0x2C)
                json.int(document.level)
                json.byte(0x2C)
                json.string(document.number)
                json.byte(0x2C)
                json.string(document.term)
                json.byte(0x5D)
            }
            return OutputFile(path: path, bytes: json.bytes)
        }
        if let cache {
            cache.chunks = [:]
            for (start, file) in zip(starts, chunks) {
                cache.chunks[start / SearchIndex.chunkSize] = (documents[start..<min(start + SearchIndex.chunkSize, documents.count)], file.bytes)
            }
        }
        files += chunks
        profile.mark("search: documents")
        return files.sorted { $0.path < $1.path }
    }

    static func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count > textLimit ? String(flat.prefix(textLimit)) + "…" : flat
    }

}
