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

    public init(documents: [SearchDocument]) {
        self.documents = documents
        // Stemming every field is the expensive part: done on all cores, one document per task.
        let counted = parallelMap(documents) { document -> ([String: Int], Int) in
            var weights: [String: Int] = [:]
            var length = 0
            for (text, weight) in document.fields {
                let terms = SearchText.terms(text)
                length += terms.count
                for term in terms { weights[term, default: 0] += weight }
            }
            return (weights, length)
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

    public init(graph: SiteGraph) { self.init(documents: SearchDocuments.collect(graph)) }

    /// Terms grouped by shard key.
    public var shards: [String: [String]] {
        Dictionary(grouping: postings.keys, by: SearchText.shardKey)
    }

    /// The index files, paths relative to the output folder.
    public func files(plans: [PlanIndex], routes: Routes) -> [OutputFile] {
        let folder = routes.withLocale("").relativePath(for: .search)
        let shards = self.shards
        var files: [OutputFile] = []
        let meta: [String: Any] = [
            "v": 1, "count": documents.count, "chunk": SearchIndex.chunkSize,
            "plans": plans.map { [$0.plan.shortTitle, routes.withLocale("").relativePath(for: .plan($0.plan.id))] },
            "shards": shards.keys.sorted(),
        ]
        files.append(OutputFile(path: folder + "meta.json", bytes: SearchIndex.json(meta)))
        for (key, terms) in shards {
            var shard: [String: Any] = [:]
            for term in terms {
                shard[term] = postings[term]!.flatMap { [$0.document, $0.weight] }
            }
            files.append(OutputFile(path: folder + "s/\(key).json", bytes: SearchIndex.json(shard)))
        }
        for start in stride(from: 0, to: documents.count, by: SearchIndex.chunkSize) {
            let chunk = documents[start..<min(start + SearchIndex.chunkSize, documents.count)].map { document -> [Any] in
                [document.kind.rawValue, document.plan ?? -1, document.heading,
                 SearchIndex.clip(document.text), document.path]
            }
            files.append(OutputFile(path: folder + "d/\(start / SearchIndex.chunkSize).json", bytes: SearchIndex.json(chunk)))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func clip(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count > textLimit ? String(flat.prefix(textLimit)) + "…" : flat
    }

    /// Deterministic compact JSON (sorted keys, UTF-8, slashes unescaped).
    static func json(_ value: Any) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        return Array(data)
    }
}
