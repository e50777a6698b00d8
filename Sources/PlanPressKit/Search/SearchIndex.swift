import Foundation

/// The compact static search index (see docs/search.md), written under
/// `search/` next to the search page and shared by every interface language:
///
/// - `search/meta.json`: document count, chunk size, plan titles, shard keys;
/// - `search/s/<key>.json`: the terms whose first two letters give `key`,
///   each with a flat list of `document, weight` pairs;
/// - `search/d/<n>.json`: documents `n·chunk ..< (n+1)·chunk` as
///   `[kind, plan or -1, heading, text, path]`.
///
/// A query downloads meta, one shard per word and the chunks of its best results.
public struct SearchIndex {
    /// Documents per `d/<n>.json` file.
    public static let chunkSize = 16
    /// Snippet text kept per document, in characters.
    public static let textLimit = 1200
    /// A term's weight in one document is capped, so repetition does not win.
    static let maximumWeight = 40

    public let documents: [SearchDocument]
    /// term → [(document, weight)], documents ascending.
    public let postings: [String: [(document: Int, weight: Int)]]

    /// Each document's term weights and each chunk file from the last build,
    /// so that a rebuild stems and writes only the documents whose text changed.
    public final class Cache: @unchecked Sendable {
        struct Entry {
            var fields: [(String, Int)]
            var weights: [String: Int]
            var length: Int
        }
        var entries: [String: Entry] = [:]
        /// The synonyms the entries were computed with.
        var synonyms = SearchSynonyms.none
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

    public init(documents: [SearchDocument], synonyms: SearchSynonyms = .none, cache: Cache? = nil) {
        self.documents = documents
        self.cache = cache
        if let cache, cache.synonyms != synonyms {
            cache.entries = [:]
            cache.synonyms = synonyms
        }
        // Stemming every field is the expensive part: done on all cores, one document per task.
        let counted = parallelMap(documents) { document -> ([String: Int], Int) in
            if let entry = cache?.entry(for: document) { return (entry.weights, entry.length) }
            var weights: [String: Int] = [:]
            var length = 0
            for (text, weight) in document.fields {
                let terms = SearchText.terms(text)
                length += terms.count
                for term in terms { weights[term, default: 0] += weight }
                for term in synonyms.additions(to: terms) { weights[term, default: 0] += max(1, weight / 2) }
            }
            return (weights, length)
        }
        if let cache {
            var entries: [String: Cache.Entry] = [:]
            for (document, (weights, length)) in zip(documents, counted) {
                entries[document.path] = Cache.Entry(fields: document.fields, weights: weights, length: length)
            }
            cache.entries = entries
        }
        let raw = counted.map(\.0)
        let lengths = counted.map(\.1)
        // Shorter documents are more about each of their words (BM25's length
        // normalisation, applied once here so the client only adds numbers).
        let average = max(1, Double(lengths.reduce(0, +)) / Double(max(1, lengths.count)))
        var postings: [String: [(document: Int, weight: Int)]] = [:]
        for (number, weights) in raw.enumerated() {
            let norm = 2 / (1 + Double(lengths[number]) / average)
            for (term, weight) in weights {
                let normalised = max(1, min(SearchIndex.maximumWeight, Int((Double(weight) * norm).rounded())))
                postings[term, default: []].append((number, normalised))
            }
        }
        self.postings = postings
    }

    public init(graph: SiteGraph) {
        self.init(documents: SearchDocuments.collect(graph), synonyms: SearchSynonyms(glossary: graph.glossary))
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
        // Per plan: short title, path, 1 when its period has ended, level names (uk), level names (en).
        meta.array(plans) { json, plan in
            let ended = asOf.map { PlanStanding(plan.plan, asOf: $0) == .ended } ?? false
            json.byte(0x5B)
            json.string(plan.plan.shortTitle); json.byte(0x2C)
            json.string(routes.withLocale("").relativePath(for: .plan(plan.plan.id))); json.byte(0x2C)
            json.int(ended ? 1 : 0); json.byte(0x2C)
            json.array(plan.plan.levels) { $0.string($1.name) }; json.byte(0x2C)
            json.array(plan.plan.levels) { $0.string($1.name(language: "en")) }
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
        meta.raw(",\"v\":2}")
        files.append(OutputFile(path: folder + "meta.json", bytes: meta.bytes))
        let shardFiles = parallelMap(keys) { key -> OutputFile in
            var json = CompactJSON(capacity: 4096)
            json.byte(0x7B)
            for (offset, term) in shards[key]!.sorted().enumerated() {
                if offset > 0 { json.byte(0x2C) }
                json.string(term)
                json.byte(0x3A)
                json.array(postings[term]!) { json, posting in
                    json.int(posting.document)
                    json.byte(0x2C)
                    json.int(posting.weight)
                }
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
