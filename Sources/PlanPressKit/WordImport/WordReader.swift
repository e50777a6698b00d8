import Foundation
import SWXMLHash

/// Reads a `.docx` (a `BoundedZip` of `word/document.xml`, `word/numbering.xml`,
/// `word/styles.xml`) into a `WordDocument`: the text as Word prints it. The rules, each
/// documented in docs/import.md («How the Word file is read»):
/// - runs in order; `w:tab` and tabs become a space (a tab separates cells in the source
///   text), `w:br`/`w:cr` a line break (page and column breaks nothing), `w:noBreakHyphen`
///   «-», soft hyphens (`w:softHyphen`, U+00AD) nothing: they print only at a line's end;
/// - automatic numbers rendered in front of their paragraph (`WordNumbering`);
/// - tracked changes: insertions (`w:ins`, `w:moveTo`) kept, deletions (`w:del`,
///   `w:moveFrom`, deleted rows) dropped, each recorded;
/// - fields: the printed result kept, the instruction (`w:instrText`, between
///   `begin` and `separate`) dropped; `w:fldSimple` keeps its result runs;
/// - bookmarks, comment ranges and marks, proofing marks: not text; footnote and endnote
///   marks dropped (counted); hidden text (`w:vanish`) dropped; `w:caps` printed in capitals;
/// - drawings, text boxes and embedded objects: not read (plan tables are not in them);
/// - a table nested in a cell is read as text, one paragraph per nested row.
public struct WordReader {
    public static let documentPart = "word/document.xml"

    /// Reads the archive's parts; throws `ArchiveError` (damaged, too large, malformed XML, no document part).
    public static func read(_ zip: BoundedZip) throws -> WordDocument {
        let documentBytes = try zip.required(documentPart)
        let document = try BoundedXML.parse(documentBytes, entry: documentPart)
        guard let root = document.children.first?.element else {
            throw ArchiveError.entryMissing(entry: documentPart)
        }
        let names = WordNames(root: root)
        let styles = try zip.xml("word/styles.xml").map { WordStyles(root: $0.children.first?.element, names: names) } ?? WordStyles()
        let numbering = try zip.xml("word/numbering.xml").map {
            WordNumbering(root: $0.children.first?.element, names: names, styles: styles)
        } ?? WordNumbering()
        var reader = Walker(w: names, styles: styles, numbering: numbering)
        if let body = root.child(names.body) { reader.body(body.elements) }
        return reader.document
    }

    struct Walker {
        let w: WordNames
        let styles: WordStyles
        var numbering: WordNumbering
        var document = WordDocument()
        var nextParagraph = 0
        var tableCount = 0
        /// Open fields: true while inside the instruction part (between `begin` and `separate`).
        var fieldStack: [Bool] = []

        init(w: WordNames, styles: WordStyles, numbering: WordNumbering) {
            self.w = w
            self.styles = styles
            self.numbering = numbering
        }

        mutating func body(_ elements: [XMLElement]) {
            for element in elements {
                switch element.name {
                case w.p: document.blocks.append(.paragraph(paragraph(element)))
                case w.tbl:
                    tableCount += 1
                    document.blocks.append(.table(table(element, number: tableCount)))
                case w.sdt: body(element.child(w.sdtContent)?.elements ?? [])
                case w.customXml: body(element.elements)
                default: break
                }
            }
        }

        mutating func paragraph(_ p: XMLElement, numbered: Bool = true) -> WordDocument.Paragraph {
            let id = nextParagraph
            nextParagraph += 1
            let pPr = p.child(w.pPr)
            let style = w.value(pPr?.child(w.pStyle)) ?? styles.defaultParagraph
            var text = ""
            fieldStack = []
            let caps = styles.inherited(style) { $0.caps } ?? false
            inline(p.elements, into: &text, paragraph: id, caps: caps, style: style)
            var label: String?
            if numbered {
                var reference: (numId: String, ilvl: Int)?
                if let numPr = pPr?.child(w.numPr) {
                    let numId = w.value(numPr.child(w.numId))
                    let ilvl = w.value(numPr.child(w.ilvl)).flatMap { Int($0) }
                    if let numId { reference = (numId, ilvl ?? styles.numbering(of: style)?.ilvl ?? 0) } else if let ilvl, let fromStyle = styles.numbering(of: style) {
                        reference = (fromStyle.numId, ilvl)
                    }
                } else {
                    reference = styles.numbering(of: style)
                }
                if let reference, let (number, separator) = numbering.next(numId: reference.numId, ilvl: reference.ilvl), !number.isEmpty {
                    label = number
                    text = number + separator + text
                }
            }
            return WordDocument.Paragraph(id: id, text: text, label: label)
        }

        /// Paragraph content: runs and the elements that wrap them.
        mutating func inline(_ elements: [XMLElement], into text: inout String, paragraph: Int, caps: Bool, style: String?) {
            for element in elements {
                switch element.name {
                case w.r: run(element, into: &text, caps: caps, style: style)
                case w.ins, w.moveTo:
                    var inserted = ""
                    inline(element.elements, into: &inserted, paragraph: paragraph, caps: caps, style: style)
                    text += inserted
                    if !inserted.isEmpty { document.changes.append(.init(kind: .inserted, text: inserted, paragraph: paragraph)) }
                case w.del, w.moveFrom:
                    let deleted = deletedText(element)
                    if !deleted.isEmpty { document.changes.append(.init(kind: .deleted, text: deleted, paragraph: paragraph)) }
                case w.hyperlink, w.smartTag, w.customXml, w.bdo, w.dir:
                    inline(element.elements, into: &text, paragraph: paragraph, caps: caps, style: style)
                case w.fldSimple:
                    document.fields += 1
                    inline(element.elements, into: &text, paragraph: paragraph, caps: caps, style: style)
                case w.sdt:
                    inline(element.child(w.sdtContent)?.elements ?? [], into: &text, paragraph: paragraph, caps: caps, style: style)
                case w.commentRangeStart: document.comments += 1
                default: break
                }
            }
        }

        /// The text a deletion removed (`w:delText`, and text of moved-away runs), for the review list.
        func deletedText(_ element: XMLElement) -> String {
            var out = ""
            for child in element.elements {
                if child.name == w.delText || child.name == w.t { out += child.text } else { out += deletedText(child) }
            }
            return out
        }

        mutating func run(_ r: XMLElement, into text: inout String, caps paragraphCaps: Bool, style: String?) {
            let rPr = r.child(w.rPr)
            let characterStyle = w.value(rPr?.child(w.rStyle))
            let hidden = w.isOn(rPr?.child(w.vanish)) ?? styles.inherited(characterStyle) { $0.vanish } ?? false
            let caps = w.isOn(rPr?.child(w.caps)) ?? styles.inherited(characterStyle) { $0.caps } ?? paragraphCaps
            var hiddenText = false
            for child in r.elements {
                let name = child.name
                if name == w.fldChar {
                    switch child.allAttributes[w.fldCharType]?.text {
                    case "begin": fieldStack.append(true); document.fields += 1
                    case "separate": if !fieldStack.isEmpty { fieldStack[fieldStack.count - 1] = false }
                    case "end": _ = fieldStack.popLast()
                    default: break
                    }
                    continue
                }
                // Inside a field's instruction nothing prints.
                if fieldStack.contains(true) { continue }
                var piece = ""
                switch name {
                case w.t: piece = child.text
                case w.tab, w.ptab: piece = " "
                case w.br:
                    let type = child.allAttributes[w.type]?.text
                    piece = type == "page" || type == "column" ? "" : "\n"
                case w.cr: piece = "\n"
                case w.noBreakHyphen: piece = "-"
                case w.sym:
                    if let code = child.allAttributes[w.char].flatMap({ UInt32($0.text, radix: 16) }),
                       let scalar = Unicode.Scalar(code) {
                        piece = (0xE000...0xF8FF).contains(code) ? WordNumbering.bullet(String(scalar)) : String(scalar)
                    }
                case w.footnoteReference, w.endnoteReference: document.noteMarks += 1
                default: break
                }
                guard !piece.isEmpty else { continue }
                if hidden { hiddenText = true; continue }
                text += WordReader.printed(piece, caps: caps)
            }
            if hiddenText { document.hiddenRuns += 1 }
        }

        mutating func table(_ tbl: XMLElement, number: Int) -> WordDocument.Table {
            let grid = tbl.child(w.tblGrid)?.elements.filter { $0.name == w.gridCol }.count ?? 0
            var rows: [WordDocument.Row] = []
            var rowNumber = 0
            for tr in rowElements(tbl.elements) {
                rowNumber += 1
                let trPr = tr.child(w.trPr)
                let deleted = trPr?.child(w.del) != nil
                var column = w.value(trPr?.child(w.gridBefore)).flatMap { Int($0) } ?? 0
                var cells: [WordDocument.Cell] = []
                for tc in cellElements(tr.elements) {
                    let tcPr = tc.child(w.tcPr)
                    let span = max(1, min(w.value(tcPr?.child(w.gridSpan)).flatMap { Int($0) } ?? 1, 64))
                    var merge = WordDocument.Merge.none
                    if let vMerge = tcPr?.child(w.vMerge) { merge = w.value(vMerge) == "restart" ? .restart : .continue }
                    // Legacy horizontal merge: a continued cell widens the one before it.
                    if let hMerge = tcPr?.child(w.hMerge), w.value(hMerge) != "restart", !cells.isEmpty {
                        cells[cells.count - 1].span += span
                        column += span
                        continue
                    }
                    var paragraphs: [WordDocument.Paragraph] = []
                    for content in tc.elements {
                        if content.name == w.p {
                            paragraphs.append(paragraph(content, numbered: !deleted))
                        } else if content.name == w.tbl {
                            paragraphs += nestedTable(content)
                        } else if content.name == w.sdt {
                            for inner in content.child(w.sdtContent)?.elements ?? [] where inner.name == w.p {
                                paragraphs.append(paragraph(inner, numbered: !deleted))
                            }
                        }
                    }
                    cells.append(WordDocument.Cell(paragraphs: paragraphs, span: span, merge: merge, column: column))
                    column += span
                }
                let row = WordDocument.Row(number: rowNumber, cells: cells, isHeader: w.isOn(trPr?.child(w.tblHeader)) ?? false)
                if deleted {
                    let text = cells.map { $0.text.replacingOccurrences(of: "\n", with: " ") }.filter { !$0.isEmpty }.joined(separator: " | ")
                    document.changes.append(.init(kind: .rowDeleted, text: text, paragraph: cells.first?.paragraphs.first?.id ?? nextParagraph))
                    continue
                }
                if trPr?.child(w.ins) != nil {
                    let text = cells.map { $0.text.replacingOccurrences(of: "\n", with: " ") }.filter { !$0.isEmpty }.joined(separator: " | ")
                    document.changes.append(.init(kind: .rowInserted, text: text, paragraph: cells.first?.paragraphs.first?.id ?? nextParagraph))
                }
                rows.append(row)
            }
            let widest = rows.map { ($0.cells.last.map { $0.column + $0.span }) ?? 0 }.max() ?? 0
            return WordDocument.Table(number: number, rows: rows, columns: max(grid, widest))
        }

        /// A table inside a cell, read as text: one paragraph per row, its cells joined by spaces.
        mutating func nestedTable(_ tbl: XMLElement) -> [WordDocument.Paragraph] {
            var out: [WordDocument.Paragraph] = []
            for tr in rowElements(tbl.elements) {
                var texts: [String] = []
                for tc in cellElements(tr.elements) {
                    for content in tc.elements where content.name == w.p {
                        let p = paragraph(content)
                        if !p.text.isEmpty { texts.append(p.text) }
                    }
                }
                out.append(WordDocument.Paragraph(id: nextParagraph, text: texts.joined(separator: " ")))
                nextParagraph += 1
            }
            return out
        }

        func rowElements(_ elements: [XMLElement]) -> [XMLElement] {
            elements.flatMap { e -> [XMLElement] in
                if e.name == w.tr { return [e] }
                if e.name == w.sdt { return rowElements(e.child(w.sdtContent)?.elements ?? []) }
                if e.name == w.customXml { return rowElements(e.elements) }
                return []
            }
        }

        func cellElements(_ elements: [XMLElement]) -> [XMLElement] {
            elements.flatMap { e -> [XMLElement] in
                if e.name == w.tc { return [e] }
                if e.name == w.sdt { return cellElements(e.child(w.sdtContent)?.elements ?? []) }
                if e.name == w.customXml { return cellElements(e.elements) }
                return []
            }
        }
    }

    /// A run's text as it prints: soft hyphens and tabs out, capitals where the run is set in capitals.
    static func printed(_ piece: String, caps: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(piece.unicodeScalars.count)
        for scalar in piece.unicodeScalars {
            switch scalar {
            case "\u{AD}", "\r": continue
            case "\t": out.unicodeScalars.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return caps ? out.uppercased() : out
    }
}
