/// Reads RFC 4180 CSV back (quoted fields, doubled quotes, line breaks inside
/// quotes, CRLF rows) so tests check the published files as a spreadsheet would.
enum CSVReader {
    struct Table {
        var header: [String]
        var rows: [[String: String]]

        func column(_ name: String) -> [String] { rows.map { $0[name] ?? "" } }
    }

    /// Parses bytes that must start with the UTF-8 byte-order mark.
    static func table(_ bytes: [UInt8]) -> Table? {
        guard bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(bytes: bytes.dropFirst(3), encoding: .utf8) else { return nil }
        let records = parse(text)
        guard let header = records.first else { return nil }
        let rows = records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record))
        }
        guard records.dropFirst().allSatisfy({ $0.count == header.count }) else { return nil }
        return Table(header: header, rows: rows)
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\r": continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
