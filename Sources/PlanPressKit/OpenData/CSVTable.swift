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

    public var text: String { String(decoding: bytes.dropFirst(CSVTable.bom.count), as: UTF8.self) }

    /// The file's bytes: BOM + UTF-8 text.
    public var bytes: [UInt8] { CSVTable.bytes(header: header, rows: rows) }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// BOM, header line and rows, written straight into bytes.
    static func bytes(header: [String], rows: [[String]]) -> [UInt8] {
        var out = bom
        out.reserveCapacity(64 + rows.count * header.count * 24)
        write(header, into: &out)
        for row in rows { write(row, into: &out) }
        return out
    }

    /// One line: the fields separated by commas, then CRLF.
    static func write(_ row: [String], into out: inout [UInt8]) {
        for (c, raw) in row.enumerated() {
            if c > 0 { out.append(0x2C) }
            field(raw, into: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    static func field(_ raw: String) -> String {
        var out: [UInt8] = []
        field(raw, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The field, quoted when it holds `,`, `"`, a line break, or starts or ends with a space (a space
    /// that is a whole character, as `String.first`/`last` see it); quotes inside are doubled.
    static func field(_ raw: String, into out: inout [UInt8]) {
        var value = FormulaGuard.neutralised(raw)
        let edgeSpace = value.utf8.first == 0x20 && value.first == " " || value.utf8.last == 0x20 && value.last == " "
        value.withUTF8 { utf8 in
            var quotes = edgeSpace, hasQuote = false
            for byte in utf8 {
                switch byte {
                case 0x22: hasQuote = true; quotes = true
                case 0x2C, 0x0A, 0x0D: quotes = true
                default: continue
                }
                if hasQuote { break }
            }
            guard quotes else { out.append(contentsOf: utf8); return }
            out.append(0x22)
            if hasQuote {
                for byte in utf8 {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }  // a quote is doubled
                }
            } else {
                out.append(contentsOf: utf8)
            }
            out.append(0x22)
        }
    }
}
