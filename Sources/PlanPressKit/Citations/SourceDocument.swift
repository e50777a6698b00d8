/// A plan's source text split into lines, with the repeated column-number rows
/// that mark page breaks in a table (`1 2 3 4 5 6`, in one line or one number
/// per line) found once, so citations can skip them.
public struct SourceDocument: Sendable {
    /// Lines without their line ends; `lines[0]` is line 1.
    public let lines: [Substring]
    /// Per line: part of a page-break header row.
    public let isPageHeader: [Bool]

    public init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        self.isPageHeader = SourceDocument.pageHeaders(self.lines)
    }

    public var count: Int { lines.count }

    public func line(_ number: Int) -> Substring { lines[number - 1] }

    /// Empty or spaces only. A line of tabs is a row of empty cells, not blank.
    public func isBlank(_ number: Int) -> Bool { lines[number - 1].allSatisfy { $0.isWhitespace && $0 != "\t" } }

    /// The cells of a line (tab-separated), trimmed.
    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
    }

    private static func pageHeaders(_ lines: [Substring]) -> [Bool] {
        var flags = [Bool](repeating: false, count: lines.count)
        var i = 0
        while i < lines.count {
            // `1\t2\t3\t…` in one line.
            let cells = SourceDocument.cells(lines[i]).filter { !$0.isEmpty }
            if cells.count >= 3, cells.enumerated().allSatisfy({ $0.element == String($0.offset + 1) }) {
                flags[i] = true
                i += 1
                continue
            }
            // `1`, `2`, `3` … one number per line.
            var next = 1, j = i
            while j < lines.count, SourceDocument.cells(lines[j]).filter({ !$0.isEmpty }) == [String(next)] {
                next += 1
                j += 1
            }
            if next - 1 >= 3 {
                for k in i..<j { flags[k] = true }
                i = j
            } else {
                i += 1
            }
        }
        return flags
    }
}
