import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the cells of an XLSX workbook for `planpress import report`, bounded
/// in every input (docs/reliability.md, «Limits»): the archive through
/// `BoundedZip` (the file's size, the number of parts, each part's unpacked
/// size and ratio counted while it inflates, the CRC), only the parts it needs
/// (the workbook, its relationships, the shared strings and the sheets), each
/// parsed as a stream of SAX events (`BoundedXML.events`: no tree, no DTD, a
/// bounded depth), the rows, columns and text of each sheet, and the number of
/// shared strings. Every refusal names the sheet (or the part).
///
/// Every sheet's cells are kept as the text they hold (shared, inline or
/// formula-result strings; numbers as written; booleans as `true`/`false`),
/// with its merged ranges and the formulas that carry no stored value, so the
/// importer can refuse what would otherwise be lost.
public struct XLSXReader {
    /// The bounds. The defaults fit any plan's filled template many times over.
    public struct Limits: Sendable {
        /// The archive: `ArchiveLimits.office`, except that a part may compress 200 times past
        /// 1 MB (a sheet of many like rows compresses better than a Word document).
        public var archive = ArchiveLimits(archiveBytes: 64 << 20, entries: 2_000, entryBytes: 64 << 20,
                                           totalBytes: 256 << 20, ratio: 200, ratioGrace: 1 << 20)
        /// A part's XML: 64 MB, and a depth of 32 (a worksheet nests 5 deep, rich text 6).
        public var xml = XMLLimits(bytes: 64 << 20, depth: 32)
        public var rows = 100_000
        public var columns = 256
        /// Characters in one cell (a spreadsheet cell holds at most 32,767).
        public var cellCharacters = 32_767
        public var sharedStrings = 1_000_000

        public init() {}
    }

    public struct Position: Hashable, Sendable {
        public var row: Int
        public var column: Int
    }

    /// A merged range, rows and columns inclusive (rows 1-based, columns 0-based).
    public struct CellRange: Hashable, Sendable {
        public var top: Int, left: Int, bottom: Int, right: Int
        public var cellCount: Int { (bottom - top + 1) * (right - left + 1) }
        /// `E3:E4`.
        public var reference: String {
            "\(XLSXWriter.columnName(left))\(top):\(XLSXWriter.columnName(right))\(bottom)"
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        /// Row number (1-based) → column index (0-based) → text.
        public var cells: [Int: [Int: String]] = [:]
        /// Merged ranges (`<mergeCell ref="E3:E4"/>`).
        public var merged: [CellRange] = []
        /// Cells holding a formula but no stored result → the formula's text.
        public var formulasWithoutValue: [Position: String] = [:]

        public func text(row: Int, column: Int) -> String { cells[row]?[column] ?? "" }
        public var lastRow: Int { cells.keys.max() ?? 0 }
        /// The rows that hold any cell, in order.
        public var rows: [Int] { (Set(cells.keys).union(formulasWithoutValue.keys.map(\.row))).sorted() }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var text: Message
        /// The text names the file itself (an archive refused as a whole).
        public var namesFile = false
        /// The English text.
        public var description: String { text.text(.en) }
    }

    public private(set) var sheets: [Sheet] = []

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Reads the file at `path`; one larger than the archive limit is refused before it is read.
    public init(file path: String, limits: Limits = Limits()) throws {
        let name = (path as NSString).lastPathComponent
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ReadError(text: .importFileUnreadable(reason: String(cString: strerror(EACCES))))
        }
        let zip: BoundedZip
        do { zip = try BoundedZip(path: path, limits: limits.archive) } catch let error as ArchiveError {
            throw XLSXReader.refusal(error, file: name, part: nil)
        } catch {
            throw ReadError(text: .importFileUnreadable(reason: "\(error)"))
        }
        try self.init(zip: zip, file: name, limits: limits)
    }

    public init(bytes: [UInt8], limits: Limits = Limits()) throws {
        let zip: BoundedZip
        do { zip = try BoundedZip(bytes: bytes, limits: limits.archive) } catch let error as ArchiveError {
            throw XLSXReader.refusal(error, file: "", part: nil)
        }
        try self.init(zip: zip, file: "", limits: limits)
    }

    init(zip: BoundedZip, file: String, limits: Limits) throws {
        /// Streams a part through the handler, naming it (a sheet by its name) in any refusal.
        func read(_ path: String, as part: Phrase, into handler: XMLEventHandler) throws -> Bool {
            do {
                guard let bytes = try zip.data(path) else { return false }
                try BoundedXML.events(bytes, entry: path, limits: limits.xml, handler: handler)
                return true
            } catch let error as ArchiveError {
                throw XLSXReader.refusal(error, file: file, part: part)
            }
        }
        let workbook = WorkbookIndex()
        guard try read("xl/workbook.xml", as: .workbookPart("xl/workbook.xml"), into: workbook) else {
            throw ReadError(text: .workbookWithoutIndex)
        }
        let relationships = WorkbookIndex()
        _ = try read("xl/_rels/workbook.xml.rels", as: .workbookPart("xl/_rels/workbook.xml.rels"), into: relationships)
        let strings = SharedStrings(limits: limits)
        _ = try read("xl/sharedStrings.xml", as: .workbookPart("xl/sharedStrings.xml"), into: strings)
        for (name, id) in workbook.sheets {
            guard let target = id.flatMap({ relationships.targets[$0] }) else { throw ReadError(text: .workbookSheetMissing(name: name)) }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let reader = SheetReader(name: name, shared: strings.strings, limits: limits)
            guard try read(path, as: .sheet(name), into: reader) else { throw ReadError(text: .workbookSheetMissing(name: name)) }
            sheets.append(reader.sheet)
        }
    }

    /// The catalogue message for an archive or XML refusal: a part's own problem names the part
    /// (a sheet by its name); the archive's as a whole names the file.
    static func refusal(_ error: ArchiveError, file: String, part: Phrase?) -> ReadError {
        switch (error, part) {
        case (.notZIP, _): return ReadError(text: .workbookNotZIP)
        case (.entryTooLarge(_, let limit), let part?), (.xmlTooLarge(_, let limit), let part?):
            return ReadError(text: .workbookPartTooLarge(part: part, limit: limit >> 20))
        case (.ratioTooHigh(_, let limit), let part?): return ReadError(text: .workbookPartRatio(part: part, limit: limit))
        case (.entryDamaged, let part?): return ReadError(text: .workbookPartDamaged(part: part))
        case (.xmlTooDeep(_, _, let limit), let part?): return ReadError(text: .workbookXMLTooDeep(part: part, limit: limit))
        case (.xmlDoctype(_, let line), let part?):
            return ReadError(text: .workbookXMLMalformed(part: part, line: line, detail: Phrase(uk: "оголошення DOCTYPE", en: "a DOCTYPE declaration")))
        case (.xmlMalformed(_, let line, let column), let part?):
            return ReadError(text: .workbookXMLMalformed(part: part, line: line, detail: Phrase(uk: "позиція \(column)", en: "column \(column)")))
        default:
            return ReadError(text: .archiveRefused(file: file, problem: error), namesFile: true)
        }
    }

    /// OOXML writes characters XML cannot hold as `_xHHHH_`.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// The largest reference a spreadsheet can hold: row 1,048,576, column XFD (16,384).
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    /// `B12` → (12, 1); nil for anything that is not a reference a spreadsheet can hold
    /// (at most three letters and seven digits are read, so nothing overflows).
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in reference.unicodeScalars {
            if ("A"..."Z").contains(scalar), digits == 0 {
                letters += 1
                guard letters <= 3 else { return nil }
                column = column * 26 + Int(scalar.value - 64)
            } else if ("0"..."9").contains(scalar), letters > 0 {
                digits += 1
                guard digits <= 7 else { return nil }
                row = row * 10 + Int(scalar.value - 48)
            } else {
                return nil
            }
        }
        guard column >= 1, column <= maxColumn, row >= 1, row <= maxRow else { return nil }
        return (row, column - 1)
    }
}

extension Phrase {
    static func sheet(_ name: String) -> Phrase { Phrase(uk: "аркуш «\(name)»", en: "sheet «\(name)»") }
    static func workbookPart(_ path: String) -> Phrase { Phrase(uk: "частина книги \(path)", en: "workbook part \(path)") }
}

/// `xl/workbook.xml` (sheet names and relationship ids) and its `.rels` (id → target).
final class WorkbookIndex: XMLEventHandler {
    var sheets: [(name: String, id: String?)] = []
    var targets: [String: String] = [:]

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            guard let sheet = attributes["name"] else { return }
            let id = attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value
            sheets.append((sheet, id))
        case "Relationship":
            if let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
        default: break
        }
    }
}

/// Collects the text of `<t>` elements inside a string item (`si` or an inline `is`), skipping phonetic runs.
struct TextCollector {
    var text = ""
    var inText = false
    var inPhonetic = false
    var overflow = false

    mutating func start(_ name: String) {
        if name == "rPh" { inPhonetic = true }
        if name == "t" && !inPhonetic { inText = true }
    }

    mutating func end(_ name: String) {
        if name == "rPh" { inPhonetic = false }
        if name == "t" { inText = false }
    }

    mutating func characters(_ string: String, limit: Int) {
        guard inText else { return }
        text += string
        if text.unicodeScalars.count > limit { overflow = true }
    }
}

/// `xl/sharedStrings.xml`: every `si` item's text, in order.
final class SharedStrings: XMLEventHandler {
    var strings: [String] = []
    var item: TextCollector?
    let limits: XLSXReader.Limits

    init(limits: XLSXReader.Limits) {
        self.limits = limits
    }

    func refuse(_ parser: XMLParser, _ message: Message) { stop(parser, XLSXReader.ReadError(text: message)) }

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        if name == "si" {
            guard strings.count < limits.sharedStrings else { return refuse(parser, .workbookTooManyStrings(limit: limits.sharedStrings)) }
            item = TextCollector()
        }
        item?.start(name)
    }

    override func end(_ parser: XMLParser, _ name: String) {
        item?.end(name)
        if name == "si", let done = item {
            strings.append(done.text)
            item = nil
        }
    }

    override func characters(_ parser: XMLParser, _ string: String) {
        item?.characters(string, limit: limits.cellCharacters)
        if item?.overflow == true {
            refuse(parser, .sheetCellTooLong(sheet: "sharedStrings", reference: "#\(strings.count + 1)", limit: limits.cellCharacters))
        }
    }
}

/// One worksheet, row by row: cells as text, merged ranges, formulas without a value.
final class SheetReader: XMLEventHandler {
    var sheet: XLSXReader.Sheet
    let shared: [String]
    let limits: XLSXReader.Limits
    var rowCount = 0
    /// The cell being read: its position, type, formula and value so far.
    var cell: (position: XLSXReader.Position, reference: String, type: String)?
    var value: String?
    var formula: String?
    var inValue = false
    var inFormula = false
    var inline: TextCollector?

    init(name: String, shared: [String], limits: XLSXReader.Limits) {
        self.sheet = XLSXReader.Sheet(name: name)
        self.shared = shared
        self.limits = limits
    }

    /// Stops the parse with a refusal naming this sheet.
    func refuse(_ parser: XMLParser, _ message: Message) { stop(parser, XLSXReader.ReadError(text: message)) }

    func position(_ parser: XMLParser, _ reference: String) -> (row: Int, column: Int)? {
        guard let found = XLSXReader.position(reference) else {
            refuse(parser, .sheetBadReference(sheet: sheet.name, reference: String(reference.prefix(40))))
            return nil
        }
        if found.column >= limits.columns {
            refuse(parser, .sheetTooManyColumns(sheet: sheet.name, reference: reference, limit: limits.columns))
            return nil
        }
        if found.row > limits.rows {
            refuse(parser, .sheetTooManyRows(sheet: sheet.name, limit: limits.rows))
            return nil
        }
        return found
    }

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowCount += 1
            if rowCount > limits.rows { refuse(parser, .sheetTooManyRows(sheet: sheet.name, limit: limits.rows)) }
        case "c":
            // A cell without `r` follows the one before it; the template's writer always gives it.
            guard let reference = attributes["r"] else { cell = nil; return }
            guard let (row, column) = position(parser, reference) else { return }
            cell = (XLSXReader.Position(row: row, column: column), reference, attributes["t"] ?? "n")
            value = nil
            formula = nil
            inline = nil
        case "v":
            inValue = cell != nil
            if inValue { value = value ?? "" }
        case "f": inFormula = cell != nil; formula = formula ?? ""
        case "is": inline = TextCollector()
        case "mergeCell":
            guard let ref = attributes["ref"] else { return }
            let ends = ref.split(separator: ":").map(String.init)
            guard let first = ends.first, let a = position(parser, first), let b = position(parser, ends.last ?? first) else { return }
            sheet.merged.append(XLSXReader.CellRange(top: min(a.row, b.row), left: min(a.column, b.column),
                                                     bottom: max(a.row, b.row), right: max(a.column, b.column)))
        default: break
        }
        inline?.start(name)
    }

    override func end(_ parser: XMLParser, _ name: String) {
        inline?.end(name)
        switch name {
        case "v": inValue = false
        case "f": inFormula = false
        case "c":
            guard let (position, reference, type) = cell else { return }
            cell = nil
            let text: String
            switch type {
            case "s": text = value.flatMap { Int($0.trimmingSpaces()) }.flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
            case "inlineStr": text = inline?.text ?? ""
            case "b": text = value?.trimmingSpaces() == "1" ? "true" : "false"
            default: text = value ?? ""
            }
            if let formula, value == nil && inline == nil {
                sheet.formulasWithoutValue[position] = String(formula.prefix(80))
                return
            }
            if text.unicodeScalars.count > limits.cellCharacters {
                return refuse(parser, .sheetCellTooLong(sheet: sheet.name, reference: reference, limit: limits.cellCharacters))
            }
            if type == "b" && value == nil { return }
            if !text.isEmpty { sheet.cells[position.row, default: [:]][position.column] = XLSXReader.unescape(text) }
        default: break
        }
    }

    override func characters(_ parser: XMLParser, _ string: String) {
        if inValue {
            value = (value ?? "") + string
            if value!.utf8.count > limits.cellCharacters * 4 {
                refuse(parser, .sheetCellTooLong(sheet: sheet.name, reference: cell?.reference ?? "", limit: limits.cellCharacters))
            }
        } else if inFormula {
            if formula!.utf8.count < 1024 { formula! += string }
        } else if inline != nil {
            inline!.characters(string, limit: limits.cellCharacters)
            if inline!.overflow { refuse(parser, .sheetCellTooLong(sheet: sheet.name, reference: cell?.reference ?? "", limit: limits.cellCharacters)) }
        }
    }
}
