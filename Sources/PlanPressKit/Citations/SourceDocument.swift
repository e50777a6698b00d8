/// A plan's source text split into lines, with the repeated column-number rows
/// that mark page breaks in a table (`1 2 3 4 5 6`, in one line or one number
/// per line) found once, so citations can skip them.
public struct SourceDocument: Sendable {
    /// Lines without their line ends; `lines[0]` is line 1.
    public let lines: [Substring]
    /// Per line: part of a page-break header row.
    public let isPageHeader: [Bool]

    public init(_ text: String) {
        // Split on UTF-8 bytes: splitting on Characters compares graphemes, which profiling showed
        // to be most of the citation check's time on a large source.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { slice -> Substring in
            let line = Substring(slice)
            return line.utf8.last == 0x0D ? line.dropLast() : line
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
        self.isPageHeader = SourceDocument.pageHeaders(self.lines)
    }

    public var count: Int { lines.count }

    public func line(_ number: Int) -> Substring { lines[number - 1] }

    /// Empty or spaces only. A line of tabs is a row of empty cells, not blank.
    public func isBlank(_ number: Int) -> Bool { lines[number - 1].utf8.allSatisfy { $0 == 0x20 || $0 == 0x0D } }

    /// The non-empty cells of a line made only of digits, tabs and spaces (a
    /// candidate header row); nil for any other line.
    static func numberCells(_ line: Substring) -> [Substring]? {
        guard line.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x09 || $0 == 0x20 }) else { return nil }
        return line.utf8.split(whereSeparator: { $0 == 0x09 || $0 == 0x20 }).map { Substring($0) }
    }

    private static func pageHeaders(_ lines: [Substring]) -> [Bool] {
        var flags = [Bool](repeating: false, count: lines.count)
        var i = 0
        while i < lines.count {
            // `1\t2\t3\t…` in one line.
            if let cells = SourceDocument.numberCells(lines[i]), cells.count >= 3,
               cells.enumerated().allSatisfy({ $0.element == String($0.offset + 1) }) {
                flags[i] = true
                i += 1
                continue
            }
            // `1`, `2`, `3` … one number per line.
            var next = 1, j = i
            while j < lines.count, SourceDocument.numberCells(lines[j]) == [Substring(String(next))] {
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
