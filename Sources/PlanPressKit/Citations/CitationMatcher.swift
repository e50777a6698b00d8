/// Looks the printed fields of one item up in the lines it cites.
///
/// The cited lines are read two ways and a field is found if either contains it
/// within one cell:
/// - **as written**: all cited lines joined (a line end is a space; page-break
///   header rows left out), tabs as cell boundaries;
/// - **continued across breaks**: the cited lines are cut into row pieces at
///   blank lines, page-break header rows and gaps between ranges; cell *k* of
///   every piece is joined to cell *k* of the others (counting cells from the
///   left, and again from the right), so a cell that a page break split into a
///   row and its continuation row reads as one.
/// - **blocks continued** (text without tabs, checked only for a field not
///   found otherwise): the cited lines are cut into blocks at blank lines and
///   page-break header rows; the field may be found in two blocks read one
///   after the other (a cell the page break cut, with other cells' lines
///   between its parts).
/// Declared corrections turn the printed form into the published one in
/// both readings before the lookup.
struct CitationMatcher {
    struct Miss: Equatable {
        /// The field that was not found (or a correction's printed form).
        var field: Phrase
        var text: String
        var location: SourceLocation
        /// The longest start of the field that the cited lines contain.
        var agreesUpTo: String
    }

    let document: SourceDocument

    /// Line numbers outside the document, if any.
    func outOfRange(_ citation: Citation) -> ClosedRange<Int>? {
        citation.ranges.first { $0.lowerBound < 1 || $0.upperBound > document.count }
    }

    /// The readings of the cited lines, corrections applied.
    func readings(of citation: Citation) -> [NormalText] {
        var texts = rawReadings(citation.ranges)
        for correction in citation.corrections {
            let printed = NormalText(correction.printed), published = NormalText(correction.published)
            texts = texts.map { $0.replacing(printed, with: published) }
        }
        return texts
    }

    func check(_ citation: Citation) -> [Miss] {
        var misses: [Miss] = []
        if !citation.corrections.isEmpty {
            let raw = rawReadings(citation.ranges)
            for correction in citation.corrections {
                let printed = NormalText(correction.printed)
                if !raw.contains(where: { $0.contains(printed) }) {
                    misses.append(Miss(field: .correctionPrintedForm, text: correction.printed,
                                       location: correction.location, agreesUpTo: agreement(printed, raw)))
                }
            }
        }
        let texts = readings(of: citation)
        var pairs: [NormalText]?
        for field in citation.fields {
            let needle = NormalText(field.text)
            let wholeToken = field.kind == .amount
            if texts.contains(where: { $0.contains(needle, wholeToken: wholeToken) }) { continue }
            if pairs == nil { pairs = blockPairs(citation) }
            if pairs!.contains(where: { $0.contains(needle, wholeToken: wholeToken) }) { continue }
            misses.append(Miss(field: field.name, text: field.text, location: field.location,
                               agreesUpTo: wholeToken ? "" : agreement(needle, texts)))
        }
        return misses
    }

    /// The longest start of `needle` found in any reading (a prefix that is
    /// found makes every shorter one found, so a binary search suffices).
    private func agreement(_ needle: NormalText, _ texts: [NormalText]) -> String {
        let ends = needle.scalarBoundaries
        var low = 0, high = ends.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            let prefix = NormalText(bytes: Array(needle.bytes[..<ends[mid]]))
            if texts.contains(where: { $0.contains(prefix) }) { low = mid } else { high = mid - 1 }
        }
        return NormalText(bytes: Array(needle.bytes[..<ends[low]])).string
    }

    /// Every two blocks of the cited lines joined in order (text without tabs only), corrections applied.
    private func blockPairs(_ citation: Citation) -> [NormalText] {
        var blocks: [String] = []
        var block = ""
        for range in citation.ranges {
            for number in range where number >= 1 && number <= document.count {
                let line = document.line(number)
                if line.contains("\t") { return [] }
                if document.isPageHeader[number - 1] || document.isBlank(number) {
                    if !block.isEmpty { blocks.append(block) }
                    block = ""
                } else {
                    block += line
                    block += "\n"
                }
            }
        }
        if !block.isEmpty { blocks.append(block) }
        guard blocks.count > 2 else { return [] }
        var pairs: [NormalText] = []
        for i in 0..<blocks.count {
            for j in (i + 1)..<blocks.count where j > i + 1 {
                var text = NormalText(blocks[i] + blocks[j])
                for correction in citation.corrections {
                    text = text.replacing(NormalText(correction.printed), with: NormalText(correction.published))
                }
                pairs.append(text)
            }
        }
        return pairs
    }

    private func rawReadings(_ ranges: [ClosedRange<Int>]) -> [NormalText] {
        var joined = ""
        var pieces: [String] = []
        var piece = ""
        func endPiece() {
            if !piece.isEmpty { pieces.append(piece) }
            piece = ""
        }
        for range in ranges {
            for number in range where number >= 1 && number <= document.count {
                if document.isPageHeader[number - 1] || document.isBlank(number) {
                    endPiece()
                    continue
                }
                let line = document.line(number)
                joined += line
                joined += "\n"
                piece += line
                piece += "\n"
            }
            endPiece()
        }
        var texts = [NormalText(joined)]
        guard pieces.count > 1 else { return texts }
        let cells = pieces.map { piece -> [ArraySlice<UInt8>] in
            NormalText(piece).bytes.split(separator: NormalText.cellBoundary, omittingEmptySubsequences: false)
        }
        let width = cells.map(\.count).max() ?? 0
        for fromRight in [false, true] {
            var columns: [[UInt8]] = Array(repeating: [], count: width)
            for row in cells {
                for (k, cell) in row.enumerated() where !cell.isEmpty {
                    let column = fromRight ? width - row.count + k : k
                    if !columns[column].isEmpty { columns[column].append(0x20) }
                    columns[column].append(contentsOf: cell)
                }
            }
            var bytes: [UInt8] = []
            for (k, column) in columns.enumerated() {
                if k > 0 { bytes.append(NormalText.cellBoundary) }
                bytes.append(contentsOf: column)
            }
            texts.append(NormalText(String(decoding: bytes, as: UTF8.self)))
        }
        return texts
    }
}
