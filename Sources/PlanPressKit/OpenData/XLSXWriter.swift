/// A minimal Office Open XML workbook (XLSX) for the open data and the
/// monitoring template: text cells are inline strings with the text number
/// format (`@`), so neither Excel nor LibreOffice turns «1.1» into a date or a
/// decimal, and text typed later into an empty text cell stays text; number
/// columns are numbers, boolean columns booleans. Text that a spreadsheet
/// would take for a formula gets a leading apostrophe (`FormulaGuard`).
/// The bytes depend only on the sheets (`ZipArchive`: fixed dates and order).
struct XLSXWriter {
    enum CellType: Sendable { case text, number, boolean }

    struct Column: Sendable {
        var header: String
        var type: CellType = .text
        /// Width in characters.
        var width: Int = 14
    }

    struct Validation: Sendable {
        /// Column index (0-based) restricted to `choices`, rows `firstRow`…`lastRow`.
        var column: Int
        var choices: [String]
        var lastRow: Int
        var prompt: String
        var firstRow: Int = 2
    }

    struct Sheet: Sendable {
        var name: String
        var columns: [Column]
        var rows: [[String]] = []
        var validations: [Validation] = []
        /// Rows of empty text cells after the data rows (a template's room for new rows).
        var blankRows: Int = 0
    }

    var sheets: [Sheet] = []

    /// Columns of a data table: its types and a width from its header.
    static func columns(_ table: DataTable) -> [Column] {
        table.fields.map { field in
            let type: CellType
            switch field.type {
            case .integer, .number: type = .number
            case .boolean: type = .boolean
            default: type = .text
            }
            return Column(header: field.name, type: type, width: max(10, min(60, field.name.count + 4)))
        }
    }

    func bytes() throws -> [UInt8] {
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        zip.add("xl/workbook.xml", workbook)
        zip.add("xl/_rels/workbook.xml.rels", workbookRelationships)
        zip.add("xl/styles.xml", XLSXWriter.styles)
        for (n, sheet) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(n + 1).xml", XLSXWriter.sheetBytes(sheet)) }
        return try zip.bytes()
    }

    private var contentTypes: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        for n in sheets.indices {
            out += "<Override PartName=\"/xl/worksheets/sheet\(n + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    private var workbook: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (n, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(XLSXWriter.escape(sheet.name))\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for n in sheets.indices {
            out += "<Relationship Id=\"rId\(n + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(n + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Style 0: general; 1: text (`@`); 2: bold header, text.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func sheetXML(_ sheet: Sheet) -> String { String(decoding: sheetBytes(sheet), as: UTF8.self) }

    /// The sheet's XML written straight into bytes (string concatenation was most of the open-data stage).
    static func sheetBytes(_ sheet: Sheet) -> [UInt8] {
        var out = XMLBytes(capacity: 256 + sheet.rows.count * sheet.columns.count * 48)
        out.raw("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
            <cols>
            """)
        for (c, column) in sheet.columns.enumerated() {
            out.raw("<col min=\""); out.int(c + 1); out.raw("\" max=\""); out.int(c + 1)
            out.raw("\" width=\""); out.int(column.width); out.raw("\" customWidth=\"1\"")
            if column.type == .text { out.raw(" style=\"1\"") }
            out.raw("/>")
        }
        out.raw("</cols><sheetData>")
        let names = (0..<sheet.columns.count).map { Array(columnName($0).utf8) }
        row(&out, 1, sheet.columns.map(\.header), types: sheet.columns.map { _ in .text }, style: 2, names: names)
        let types = sheet.columns.map(\.type)
        for (r, values) in sheet.rows.enumerated() {
            row(&out, r + 2, values, types: types, style: 1, names: names)
        }
        for r in 0..<sheet.blankRows {
            let number = sheet.rows.count + 2 + r
            out.raw("<row r=\""); out.int(number); out.raw("\">")
            for (c, type) in types.enumerated() where type == .text {
                out.raw("<c r=\""); out.reference(names[c], number); out.raw("\" s=\"1\"/>")
            }
            out.raw("</row>")
        }
        out.raw("</sheetData>")
        if !sheet.validations.isEmpty {
            out.raw("<dataValidations count=\""); out.int(sheet.validations.count); out.raw("\">")
            for v in sheet.validations {
                let column = columnName(v.column)
                let list = v.choices.joined(separator: ",")
                out.text("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" "
                    + "errorTitle=\"\(escape(sheet.columns[v.column].header))\" error=\"\(escape(v.prompt))\" "
                    + "promptTitle=\"\(escape(sheet.columns[v.column].header))\" prompt=\"\(escape(v.prompt))\" "
                    + "sqref=\"\(column)\(v.firstRow):\(column)\(v.lastRow)\"><formula1>\"\(escape(list))\"</formula1></dataValidation>")
            }
            out.raw("</dataValidations>")
        }
        out.raw("</worksheet>")
        return out.bytes
    }

    private static func row(_ out: inout XMLBytes, _ number: Int, _ values: [String], types: [CellType], style: Int, names: [[UInt8]]) {
        out.raw("<row r=\""); out.int(number); out.raw("\">")
        for (c, value) in values.enumerated() where !value.isEmpty {
            switch c < types.count ? types[c] : .text {
            case .number where FormulaGuard.isNumber(value):
                out.raw("<c r=\""); out.reference(names[c], number); out.raw("\"><v>"); out.text(value); out.raw("</v></c>")
            case .boolean where value == "true" || value == "false":
                out.raw("<c r=\""); out.reference(names[c], number); out.raw("\" t=\"b\"><v>")
                out.raw(value == "true" ? "1" : "0"); out.raw("</v></c>")
            default:
                out.raw("<c r=\""); out.reference(c < names.count ? names[c] : Array(columnName(c).utf8), number)
                out.raw("\" s=\""); out.int(style); out.raw("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                out.escaped(FormulaGuard.neutralised(value))
                out.raw("</t></is></c>")
            }
        }
        out.raw("</row>")
    }

    static func reference(column: Int, row: Int) -> String { "\(columnName(column))\(row)" }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// XML text: markup characters escaped; control characters XML 1.0 forbids written as OOXML `_xHHHH_`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// UTF-8 output of `XLSXWriter`: markup appended as bytes, text escaped as `XLSXWriter.escape` does.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 { bytes.append(UInt8(48 + value)); return }
        text(String(value))
    }

    /// A cell reference: column letters, then the row number.
    mutating func reference(_ column: [UInt8], _ row: Int) {
        bytes.append(contentsOf: column)
        int(row)
    }

    /// `XLSXWriter.escape` on bytes: markup characters as entities, forbidden control characters and
    /// U+FFFE/U+FFFF as OOXML `_xHHHH_`.
    mutating func escaped(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            let count = utf8.count
            var start = 0, i = 0
            func flush() { if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) } }
            while i < count {
                let b = utf8[i]
                let replacement: StaticString?
                var length = 1
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x09, 0x0A, 0x0D: replacement = nil
                case 0x00..<0x20:
                    flush()
                    let hex: StaticString = "0123456789ABCDEF"
                    raw("_x00")
                    hex.withUTF8Buffer { h in bytes.append(h[Int(b >> 4)]); bytes.append(h[Int(b & 0xF)]) }
                    bytes.append(0x5F)
                    i += 1
                    start = i
                    continue
                case 0xEF where i + 2 < count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    replacement = utf8[i + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_"
                    length = 3
                default: replacement = nil
                }
                if let replacement {
                    flush()
                    raw(replacement)
                    i += length
                    start = i
                } else {
                    i += 1
                }
            }
            flush()
        }
    }
}
