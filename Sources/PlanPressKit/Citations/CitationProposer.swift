/// Proposes `lines:` for the items of a plan (`planpress cite`): walks the
/// items in document order, finds the line where each one's first field
/// starts (after the previous item's start), and cites the fewest lines from
/// there that contain every printed field of the item (page-break header rows
/// left out). The proposal is then checked like any citation; what it cannot
/// place is reported, never guessed.
public struct CitationProposer {
    public struct Proposal {
        public var what: String
        /// The item's position in plan.yaml.
        public var location: SourceLocation
        /// Empty when the item's first field was not found.
        public var ranges: [ClosedRange<Int>]
        /// Misses that remain with the proposed lines.
        public var problems: [String]
        /// The item cited lines already.
        public var existing: [ClosedRange<Int>]
    }

    let document: SourceDocument
    /// Normalised text of every line, and where each starts in `joined`.
    private let joined: NormalText
    private let lineStarts: [Int]

    public init(sourceText: String) {
        document = SourceDocument(sourceText)
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for line in document.lines {
            starts.append(bytes.count)
            bytes.append(contentsOf: NormalText(line).bytes)
            bytes.append(0x20)
        }
        joined = NormalText(bytes: bytes)
        lineStarts = starts
    }

    /// How far ahead of an item's first line its fields may reach (a row split by a page break).
    static let reach = 80

    public func propose(_ plan: Plan) -> [Proposal] {
        let matcher = CitationMatcher(document: document)
        var cursor = 0
        return CitationChecker.items(of: plan).map { item in
            var proposal = Proposal(what: item.what, location: item.location, ranges: [], problems: [],
                                    existing: item.citation?.ranges ?? [])
            guard var citation = item.citation, let first = citation.fields.first else {
                proposal.problems = ["has no printed fields to look for"]
                return proposal
            }
            // The field's first words; fewer when a cell boundary or page break falls early in it.
            let text = NormalText(first.text)
            let found = [30, 15, 8].lazy.compactMap { length in
                self.joined.firstIndex(of: text.prefix(scalars: length), from: cursor)
            }.first
            guard let found else {
                proposal.problems = ["its \(first.name) «\(String(first.text.prefix(60)))» is not in the source after line \(line(at: cursor))"]
                return proposal
            }
            let previousStart = line(at: max(cursor - 1, 0))
            cursor = found + 1
            var start = line(at: found)
            // A number printed on a line of its own above the text belongs to the row.
            var above = start - 1
            while above >= 1, document.isBlank(above) { above -= 1 }
            if above >= 1, let number = item.printedNumber, document.line(above).trimmingSpaces() == number,
               (cursor == 1 || previousStart < above) {
                start = above
            }
            // The fewest lines with the fewest misses.
            var best: [ClosedRange<Int>] = []
            var misses: [CitationMatcher.Miss] = []
            for end in start...min(document.count, start + CitationProposer.reach) {
                citation.ranges = ranges(start...end)
                let found = matcher.check(citation)
                if best.isEmpty || found.count < misses.count {
                    best = citation.ranges
                    misses = found
                }
                if found.isEmpty { break }
            }
            proposal.ranges = best
            proposal.problems = misses.map {
                CitationChecker.message(for: $0, what: item.subject, lines: Citation(ranges: best, location: item.location, fields: [], corrections: []).display,
                                        source: plan.source ?? "source").text(.en)
            }
            return proposal
        }
    }

    /// 1-based line holding the normalised offset.
    private func line(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The lines of `span` without page-break header rows, and without blank
    /// lines at either end of each resulting range.
    func ranges(_ span: ClosedRange<Int>) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var current: [Int] = []
        func flush() {
            while let last = current.last, document.isBlank(last) { current.removeLast() }
            while let first = current.first, document.isBlank(first) { current.removeFirst() }
            if let first = current.first, let last = current.last { result.append(first...last) }
            current = []
        }
        for number in span {
            if document.isPageHeader[number - 1] { flush() } else { current.append(number) }
        }
        flush()
        return result
    }
}
