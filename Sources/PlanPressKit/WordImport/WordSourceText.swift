/// The source text of an imported plan (`Content/sources/<id>.txt`) in the convention of the
/// shipped sources, and where each part of the document stands in it:
/// - a paragraph outside tables is one line (a line break inside it starts another);
/// - a table row is one group of lines: its cells in order separated by a tab, the lines of a
///   cell (paragraphs, line breaks) separated by line ends; a cell merged with the one above
///   prints nothing, and neither do empty paragraphs inside a cell; every row is followed by
///   an empty line;
/// - the text is as `WordReader` read it: no-break spaces stay, nothing is reworded.
/// Lines are counted from 1, as `lines:` cites them.
public struct WordSourceText: Sendable {
    public private(set) var lines: [String] = []
    /// Paragraph id → its first and last line.
    public private(set) var paragraphLines: [Int: ClosedRange<Int>] = [:]
    /// (table number, row index in `Table.rows`) → the row's lines.
    public private(set) var rowLines: [RowKey: ClosedRange<Int>] = [:]

    public struct RowKey: Hashable, Sendable {
        public var table: Int
        public var row: Int
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    public init(_ document: WordDocument) {
        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                let first = lines.count + 1
                lines += p.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                paragraphLines[p.id] = first...lines.count
            case .table(let table):
                for (index, row) in table.rows.enumerated() {
                    let first = lines.count + 1
                    var current = ""
                    for (c, cell) in row.cells.enumerated() {
                        if c > 0 { current += "\t" }
                        guard cell.merge != .continue else { continue }
                        // Empty paragraphs in a cell (spacing) are left out: an empty line ends a row.
                        let printed = cell.paragraphs.filter { !WordSourceText.isBlank($0.text) }
                        for (k, paragraph) in printed.enumerated() {
                            if k > 0 {
                                lines.append(current)
                                current = ""
                            }
                            let start = lines.count + 1
                            let parts = paragraph.text.split(separator: "\n").filter { !WordSourceText.isBlank(String($0)) }
                            for (n, part) in parts.enumerated() {
                                if n > 0 {
                                    lines.append(current)
                                    current = ""
                                }
                                current += part
                            }
                            paragraphLines[paragraph.id] = start...(lines.count + 1)
                        }
                    }
                    lines.append(current)
                    rowLines[RowKey(table: table.number, row: index)] = first...lines.count
                    lines.append("")
                }
            }
        }
    }

    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\u{A0}" || $0 == "\u{202F}" }
    }

    /// The lines of paragraph `id`, or of the nearest paragraph after it that was written
    /// (a deleted row's paragraphs are not in the text).
    public func line(ofParagraph id: Int) -> Int? {
        if let range = paragraphLines[id] { return range.lowerBound }
        return paragraphLines.filter { $0.key > id }.min { $0.key < $1.key }?.value.lowerBound
    }
}
