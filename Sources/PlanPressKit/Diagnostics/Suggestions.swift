/// "Did you mean …?" for unknown ids: the closest known ids by edit distance.
enum Suggestions {
    static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            let threshold = max(2, target.count / 2)
            let containsEither = candidate.contains(word) || word.contains(candidate)
            if distance <= threshold || (containsEither && !word.isEmpty) {
                scored.append((distance, candidate))
            }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// Appends ` (did you mean 'a', 'b'?)` when there is a close match.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        let found = closest(to: word, in: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.map { "'\($0)'" }.joined(separator: ", ") + "?)"
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
