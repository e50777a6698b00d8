extension String {
    /// The text with every occurrence of `target` replaced, compared byte for byte from the left
    /// (as `replacingOccurrences(of:with:)` without options does for the interface's ASCII
    /// placeholders). Foundation's version bridges both strings to UTF-16 on Linux: filling the
    /// interface's texts with it took about 4 % of a full build's CPU (docs/performance.md).
    func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        let utf8 = self.utf8
        // Most texts have no placeholder left: one scan, no copy.
        guard utf8.contains(first) else { return self }
        let haystack = Array(utf8)
        var output: [UInt8] = []
        var start = 0, index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                if output.isEmpty { output.reserveCapacity(haystack.count + replacement.utf8.count) }
                output += haystack[start..<index]
                output += replacement.utf8
                index += needle.count
                start = index
            } else {
                index += 1
            }
        }
        guard start > 0 else { return self }
        output += haystack[start...]
        return String(decoding: output, as: UTF8.self)
    }
}
