import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the cells of an XLSX workbook for `planpress import report`, bounded
/// in every input (docs/reliability.md, «Limits»): the file's size, each part's
/// unpacked size and compression ratio, the rows, columns and nesting of each
/// sheet, the length of a text and the number of shared strings. Only the parts
/// it needs are unpacked (the workbook, its relationships, the shared strings
/// and the sheets); each is parsed as a stream of SAX events (Foundation's
/// `XMLParser`, libxml2), never as a tree, and every refusal names the sheet.
///
/// Every sheet's cells are kept as the text they hold (shared, inline or
/// formula-result strings; numbers as written; booleans as `true`/`false`),
/// with its merged ranges and the formulas that carry no stored value, so the
/// importer can refuse what would otherwise be lost.
public struct XLSXReader {
    /// The bounds. The defaults fit any plan's filled template many times over.
    public struct Limits: Sendable {
        /// The file as stored.
        public var fileBytes = 64 << 20
        /// One part (sheet, shared strings …) unpacked.
        public var partBytes = 64 << 20
        /// Unpacked ÷ packed, for parts over `ratioFloor` bytes.
        public var ratio = 200
        public var ratioFloor = 1 << 20
        public var rows = 100_000
        public var columns = 256
        /// Element nesting; a worksheet needs 5 (rich text 6).
        public var depth = 32
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
        /// The English text.
        public var description: String { text.text(.en) }
    }

    public private(set) var sheets: [Sheet] = []

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Reads the file at `path`, refusing one larger than `limits.fileBytes` before reading it.
    public init(file path: String, limits: Limits = Limits()) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ReadError(text: .importFileUnreadable(reason: String(cString: strerror(errno))))
        }
        if Int(info.st_size) > limits.fileBytes {
            throw ReadError(text: .workbookTooLarge(megabytes: Int(info.st_size) >> 20, limit: limits.fileBytes >> 20))
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReadError(text: .importFileUnreadable(reason: error.localizedDescription))
        }
        try self.init(data: data, limits: limits)
    }

    public init(bytes: [UInt8], limits: Limits = Limits()) throws {
        try self.init(data: Data(bytes), limits: limits)
    }

    public init(data: Data, limits: Limits = Limits()) throws {
        if data.count > limits.fileBytes {
            throw ReadError(text: .workbookTooLarge(megabytes: data.count >> 20, limit: limits.fileBytes >> 20))
        }
        let parts = try XLSXParts(data: data, limits: limits)
        guard let workbookXML = try parts.read("xl/workbook.xml", as: .workbookPart("xl/workbook.xml")) else {
            throw ReadError(text: .workbookWithoutIndex)
        }
        let workbook = WorkbookIndex()
        try XLSXReader.parse(workbookXML, part: .workbookPart("xl/workbook.xml"), limits: limits, delegate: workbook)
        let relationships = WorkbookIndex()
        if let xml = try parts.read("xl/_rels/workbook.xml.rels", as: .workbookPart("xl/_rels/workbook.xml.rels")) {
            try XLSXReader.parse(xml, part: .workbookPart("xl/_rels/workbook.xml.rels"), limits: limits, delegate: relationships)
        }
        var shared: [String] = []
        if let xml = try parts.read("xl/sharedStrings.xml", as: .workbookPart("xl/sharedStrings.xml")) {
            let strings = SharedStrings(limits: limits)
            try XLSXReader.parse(xml, part: .workbookPart("xl/sharedStrings.xml"), limits: limits, delegate: strings)
            if let problem = strings.problem { throw ReadError(text: problem) }
            shared = strings.strings
        }
        for (name, id) in workbook.sheets {
            guard let target = id.flatMap({ relationships.targets[$0] }) else { throw ReadError(text: .workbookSheetMissing(name: name)) }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try parts.read(path, as: .sheet(name)) else { throw ReadError(text: .workbookSheetMissing(name: name)) }
            let reader = SheetReader(name: name, shared: shared, limits: limits)
            try XLSXReader.parse(xml, part: .sheet(name), limits: limits, delegate: reader)
            if let problem = reader.problem { throw ReadError(text: problem) }
            sheets.append(reader.sheet)
        }
    }

    /// Runs the SAX parser over one part; a depth over the limit or malformed XML is a `ReadError` naming the part.
    static func parse(_ xml: Data, part: Phrase, limits: Limits, delegate: PartParser) throws {
        let parser = XMLParser(data: xml)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        delegate.limits = limits
        delegate.part = part
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.problem { throw ReadError(text: problem) }
        // libxml2 through XMLParser accepts a document cut short: its root must have been closed.
        if ok && !delegate.closedRoot {
            throw ReadError(text: .workbookXMLMalformed(part: part, line: parser.lineNumber, detail: Phrase(uk: "документ обривається, не закривши останнього елемента",
                                                                                                   en: "the document ends before its last element is closed")))
        }
        if !ok {
            let detail = parser.parserError.map { "\(($0 as NSError).code)" } ?? "?"
            throw ReadError(text: .workbookXMLMalformed(part: part, line: parser.lineNumber, detail: Phrase(data: "libxml2 \(detail)")))
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

/// A SAX delegate that counts depth and stops the parser at its first problem.
class PartParser: NSObject, XMLParserDelegate {
    var limits = XLSXReader.Limits()
    var part = Phrase(data: "")
    var depth = 0
    var problem: Message?
    /// The root element was closed: the document was read to its end.
    var closedRoot = false

    func stop(_ parser: XMLParser, _ message: Message) {
        if problem == nil { problem = message }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        if depth > limits.depth { return stop(parser, .workbookXMLTooDeep(part: part, limit: limits.depth)) }
        start(parser, local(name), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if depth == 0 { closedRoot = true }
        end(parser, local(name))
    }

    /// `x:row` → `row`: workbooks written with a namespace prefix.
    func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    // On Linux, `XMLParserDelegate`'s optional methods have default implementations: a subclass's
    // own `parser(_:foundCharacters:)` would never be called, so the base class forwards.
    func parser(_ parser: XMLParser, foundCharacters string: String) { characters(parser, string) }

    func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {}
    func end(_ parser: XMLParser, _ name: String) {}
    func characters(_ parser: XMLParser, _ string: String) {}
}

/// `xl/workbook.xml` (sheet names and relationship ids) and its `.rels` (id → target).
final class WorkbookIndex: PartParser {
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
final class SharedStrings: PartParser {
    var strings: [String] = []
    var item: TextCollector?

    init(limits: XLSXReader.Limits) {
        super.init()
        self.limits = limits
    }

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        if name == "si" {
            guard strings.count < limits.sharedStrings else { return stop(parser, .workbookTooManyStrings(limit: limits.sharedStrings)) }
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
            stop(parser, .sheetCellTooLong(sheet: "sharedStrings", reference: "#\(strings.count + 1)", limit: limits.cellCharacters))
        }
    }
}

/// One worksheet, row by row: cells as text, merged ranges, formulas without a value.
final class SheetReader: PartParser {
    var sheet: XLSXReader.Sheet
    let shared: [String]
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
        super.init()
        self.limits = limits
    }

    func position(_ parser: XMLParser, _ reference: String) -> (row: Int, column: Int)? {
        guard let found = XLSXReader.position(reference) else {
            stop(parser, .sheetBadReference(sheet: sheet.name, reference: String(reference.prefix(40))))
            return nil
        }
        if found.column >= limits.columns {
            stop(parser, .sheetTooManyColumns(sheet: sheet.name, reference: reference, limit: limits.columns))
            return nil
        }
        if found.row > limits.rows {
            stop(parser, .sheetTooManyRows(sheet: sheet.name, limit: limits.rows))
            return nil
        }
        return found
    }

    override func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            rowCount += 1
            if rowCount > limits.rows { stop(parser, .sheetTooManyRows(sheet: sheet.name, limit: limits.rows)) }
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
                return stop(parser, .sheetCellTooLong(sheet: sheet.name, reference: reference, limit: limits.cellCharacters))
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
                stop(parser, .sheetCellTooLong(sheet: sheet.name, reference: cell?.reference ?? "", limit: limits.cellCharacters))
            }
        } else if inFormula {
            if formula!.utf8.count < 1024 { formula! += string }
        } else if inline != nil {
            inline!.characters(string, limit: limits.cellCharacters)
            if inline!.overflow { stop(parser, .sheetCellTooLong(sheet: sheet.name, reference: cell?.reference ?? "", limit: limits.cellCharacters)) }
        }
    }
}
