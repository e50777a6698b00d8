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

    /// Each document's words (the expensive part: normalising and splitting its text)
    /// and each chunk file from the last build, so that a rebuild splits and writes
    /// only the documents whose text changed. Stems are chosen again every build:
    /// they depend on the words of the whole site (`SearchStemmer`).
    public final class Cache: @unchecked Sendable {
        struct Entry {
            var fields: [(String, Int)]
            var words: [[String]]
        }
        var entries: [String: Entry] = [:]
        /// `d/<n>.json` by n: its documents and bytes.
        var chunks: [Int: (documents: ArraySlice<SearchDocument>, bytes: [UInt8])] = [:]
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
        // Words of every field, from the cache where the field's text did not change.
        let words = parallelMap(documents) { document -> [[String]] in
            if let entry = cache?.entry(for: document) { return entry.words }
            return document.fields.map { SearchText.words($0.0).filter { !SearchText.stopWords.contains($0) } }
        }
        if let cache {
            var entries: [String: Cache.Entry] = [:]
            for (document, words) in zip(documents, words) { entries[document.path] = Cache.Entry(fields: document.fields, words: words) }
            cache.entries = entries
        }
        // Stems chosen with every word of the site and of the word lists.
        var distinct = Set<String>()
        for fields in words { for field in fields { distinct.formUnion(field) } }
        distinct.formUnion(vocabulary.ukrainianWords)
        for entry in glossary { distinct.formUnion(SearchText.words(entry.abbr + " " + entry.full)) }
        let stemmer = SearchStemmer(words: distinct)
        let synonyms = SearchSynonyms(vocabulary: vocabulary, glossary: glossary, stemmer: stemmer)
        let counted = parallelMap(Array(zip(documents, words))) { document, fields -> (weights: [String: Int], length: Int, ukrainian: Set<String>) in
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
            return (weights, length, ukrainian)
        }
        let lengths = counted.map(\.length)
        // Shorter documents are more about each of their words (BM25's length
        // normalisation and saturation, applied once here so the client only adds numbers).
        let average = max(1, Double(lengths.reduce(0, +)) / Double(max(1, lengths.count)))
        var postings: [String: [(document: Int, weight: Int)]] = [:]
        var ukrainianTerms = Set<String>()
        for (number, entry) in counted.enumerated() {
            // BM25's saturation: a word's tenth mention adds less than its second.
            let lengthFactor = 1 - SearchIndex.lengthB + SearchIndex.lengthB * Double(lengths[number]) / average
            var own: [String: Int] = [:]
            let document = documents[number]
            for printed in document.numbers {
                for word in SearchText.words(printed, keepDigits: true) { own[word] = SearchIndex.numberWeight(document.kind) }
            }
            for (term, weight) in entry.weights where own[term] == nil {
                let w = Double(weight), k = SearchIndex.saturation
                let normalised = max(1, min(SearchIndex.maximumWeight - 1, Int((SearchIndex.scale * w * (k + 1) / (w + k * lengthFactor)).rounded())))
                postings[term, default: []].append((number, normalised))
            }
            for (term, weight) in own { postings[term, default: []].append((number, weight)) }
            ukrainianTerms.formUnion(entry.ukrainian)
            ukrainianTerms.formUnion(own.keys)
        }
        self.postings = postings
        self.translations = synonyms.translations.filter { postings[$0.key] != nil && !ukrainianTerms.contains($0.key) }
    }

    public init(graph: SiteGraph, vocabulary: SearchVocabulary = .none, cache: Cache? = nil) {
        self.init(documents: SearchDocuments.collect(graph), vocabulary: vocabulary, glossary: graph.glossary, cache: cache)
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
        meta.array(plans.indices) { json, p in
            let first = documents.firstIndex { $0.plan == p } ?? 0
            let end = (documents.lastIndex { $0.plan == p }).map { $0 + 1 } ?? 0
            json.array([first, end]) { $0.int($1) }
        }
        meta.raw(",\"shards\":"); meta.array(keys) { $0.string($1) }
        meta.raw(",\"v\":3}")
        files.append(OutputFile(path: folder + "meta.json", bytes: meta.bytes))
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
        return files.sorted { $0.path < $1.path }
    }

    static func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count > textLimit ? String(flat.prefix(textLimit)) + "…" : flat
    }

}
