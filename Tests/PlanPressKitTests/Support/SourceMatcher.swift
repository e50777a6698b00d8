import Foundation

/// Finds a transcribed text in a lossy source extraction: the source is
/// normalised (artefacts dropped, whitespace collapsed) and the text must
/// appear in it as a few long pieces, in order and close together — pieces
/// because a cell split by a page break or a hard line wrap is joined in the
/// data. Words may not be changed: every character of the text is matched.
struct SourceMatcher {
    let source: String

    init(source raw: String) {
        source = SourceMatcher.normalise(raw, isSource: true)
    }

    static func normalise(_ text: String, isSource: Bool = false) -> String {
        var t = text
        t = t.replacingOccurrences(of: #"\[bookmark: [^\]]*\]"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"</?[a-zA-Z][^>]*>"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: "\u{00A0}", with: " ")
        t = t.replacingOccurrences(of: #"\*\*"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        if isSource { t = t.replacingOccurrences(of: " 1 2 3 4 5 6 ", with: " ") }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// The pieces the text was found in, or nil when some part of it is not in the source.
    func pieces(of text: String, maxGap: Int = 4000) -> [String]? {
        let needle = SourceMatcher.normalise(text)
        return match(Substring(needle), in: source.startIndex..<source.endIndex, maxGap: maxGap, depth: 0)
    }

    /// Longest prefix of `rest` found in `window`; tries each of its places
    /// (a short prefix can also stand earlier in the source) before giving up.
    private func match(_ rest: Substring, in window: Range<String.Index>, maxGap: Int, depth: Int) -> [String]? {
        if rest.isEmpty { return [] }
        guard depth < 12 else { return nil }
        var low = 0, high = rest.count, bestLength = 0
        while low < high {
            let mid = (low + high + 1) / 2
            let prefix = rest.prefix(mid)
            if source.range(of: prefix, range: window) != nil {
                bestLength = mid
                low = mid
            } else {
                high = mid - 1
            }
        }
        guard bestLength >= min(6, rest.count) else { return nil }
        // The longest prefix first, then shorter ones ending at a word boundary.
        var lengths = [bestLength]
        let chars = Array(rest.prefix(bestLength))
        for cut in stride(from: bestLength - 1, through: 6, by: -1) where chars[cut] == " " { lengths.append(cut) }
        for length in lengths.prefix(6) {
            if let found = tryPlaces(of: rest.prefix(length), then: rest.dropFirst(length), in: window, maxGap: maxGap, depth: depth) {
                return found
            }
        }
        return nil
    }

    private func tryPlaces(of prefix: Substring, then remainder: Substring, in window: Range<String.Index>,
                           maxGap: Int, depth: Int) -> [String]? {
        var searchStart = window.lowerBound
        var attempts = 0
        while attempts < 40, let range = source.range(of: prefix, range: searchStart..<window.upperBound) {
            attempts += 1
            if remainder.isEmpty { return [String(prefix)] }
            let next = range.upperBound..<(source.index(range.upperBound, offsetBy: maxGap, limitedBy: source.endIndex) ?? source.endIndex)
            if let tail = match(remainder.drop(while: { $0 == " " }), in: next, maxGap: maxGap, depth: depth + 1) {
                return [String(prefix)] + tail
            }
            searchStart = source.index(after: range.lowerBound)
        }
        return nil
    }
}
