/// A Word document as it prints, reduced to what a plan import needs: the body's paragraphs
/// and tables in order, every paragraph's text with Word's automatic numbers rendered in,
/// every table cell with its grid span and vertical merge as the file marks them, and what
/// the reading left out or changed (tracked changes, comments, notes, fields), so the review
/// list can say so. Built by `WordReader` (the rules for each element: docs/import.md,
/// «How the Word file is read»).
public struct WordDocument: Sendable {
    public enum Block: Sendable {
        case paragraph(Paragraph)
        case table(Table)
    }

    /// One paragraph. `text` is what prints: runs in order, the automatic number (`label`) and its
    /// separator in front, `\n` for a line break inside the paragraph.
    public struct Paragraph: Sendable, Hashable {
        /// Position among all paragraphs of the document, body and cells alike (tracked changes refer to it).
        public var id: Int
        public var text: String
        /// The automatic number Word prints before the text (`1.`, `1.2`, `IV.`), when the paragraph has one.
        public var label: String?

        public init(id: Int, text: String, label: String? = nil) {
            self.id = id
            self.text = text
            self.label = label
        }
    }

    /// How a cell joins the one above it (`w:vMerge`).
    public enum Merge: Sendable, Hashable {
        case none, restart, `continue`
    }

    public struct Cell: Sendable {
        public var paragraphs: [Paragraph]
        /// Grid columns the cell covers (`w:gridSpan`).
        public var span: Int
        public var merge: Merge
        /// First grid column (0-based), counting `w:gridBefore` and the spans to the left.
        public var column: Int

        /// The cell's lines: each paragraph, each line break inside one.
        public var lines: [String] { paragraphs.flatMap { $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } }
        /// The cell's text: lines joined by `\n`.
        public var text: String { paragraphs.map(\.text).joined(separator: "\n") }
        public var isEmpty: Bool { paragraphs.allSatisfy { $0.text.allSatisfy { $0 == " " || $0 == "\u{A0}" || $0 == "\n" } } }
    }

    public struct Row: Sendable {
        /// 1-based, counting the rows the file holds (deleted rows included), as Word numbers them.
        public var number: Int
        public var cells: [Cell]
        /// Marked to repeat at the top of every page (`w:tblHeader`).
        public var isHeader: Bool

        /// The cell that covers grid column `column`, if any.
        public func cell(at column: Int) -> Cell? { cells.first { $0.column <= column && column < $0.column + $0.span } }
    }

    public struct Table: Sendable {
        /// 1-based, in document order (tables nested in cells are not counted: they are read as text).
        public var number: Int
        public var rows: [Row]
        /// Grid columns (`w:tblGrid`, or the widest row).
        public var columns: Int
    }

    /// A tracked change Word still holds: insertions are kept, deletions dropped.
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case inserted, deleted, rowInserted, rowDeleted
        }
        public var kind: Kind
        public var text: String
        /// The paragraph it is in (for a deletion: the paragraph it was dropped from).
        public var paragraph: Int
    }

    public var blocks: [Block] = []
    public var changes: [Change] = []
    /// Comment ranges (`w:commentRangeStart`); comments are not text of the document.
    public var comments = 0
    /// Footnote and endnote marks dropped from the text.
    public var noteMarks = 0
    /// Fields whose printed result was kept and instruction dropped.
    public var fields = 0
    /// Runs hidden from print (`w:vanish`), dropped.
    public var hiddenRuns = 0

    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    public init() {}
}
