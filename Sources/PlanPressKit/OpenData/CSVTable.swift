/// A CSV file as RFC 4180 describes it, for spreadsheets: UTF-8 with a
/// byte-order mark (so Excel reads Cyrillic), a header row, CRLF line ends,
/// fields quoted when they hold a comma, a quote, a line break or edge spaces.
/// Text that a spreadsheet would take for a formula gets a leading apostrophe
/// (`FormulaGuard`).
public struct CSVTable: Sendable {
    public var header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    /// Adds a row; it must have one field per header column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields for \(header.count) columns")
        rows.append(row)
    }

    /// Values of a multi-valued cell, one per line inside the (quoted) field.
    public static func list(_ values: [String]) -> String { values.joined(separator: "\n") }

    public var text: String {
        var out = ""
        for row in [header] + rows {
            out += row.map(CSVTable.field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// The file's bytes: BOM + UTF-8 text.
    public var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    static func field(_ raw: String) -> String {
        let value = FormulaGuard.neutralised(raw)
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        guard value.utf8.contains(0x22) else { return "\"" + value + "\"" }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }  // a quote is doubled
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
