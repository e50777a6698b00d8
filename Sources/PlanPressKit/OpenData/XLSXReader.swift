import Foundation
import SWXMLHash

/// Reads the cells of an XLSX workbook (ZIPFoundation for the archive,
/// SWXMLHash for the XML): every sheet by name, every cell as the text it
/// holds (shared, inline or formula-result strings; numbers as written; booleans
/// as `true`/`false`). Enough for `planpress import report`; styles and formulas
/// are not evaluated.
public struct XLSXReader {
    public struct Sheet: Sendable {
        public var name: String
        /// Row number (1-based) → column index (0-based) → text.
        public var cells: [Int: [Int: String]] = [:]

        public func text(row: Int, column: Int) -> String { cells[row]?[column] ?? "" }
        public var lastRow: Int { cells.keys.max() ?? 0 }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public var text: Message
        /// The English text.
        public var description: String { text.text(.en) }
    }

    public private(set) var sheets: [Sheet] = []

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public init(bytes: [UInt8]) throws {
        let parts: [String: [UInt8]]
        do { parts = try ZipArchive.entries(of: bytes) } catch {
            throw ReadError(text: .workbookNotZIP)
        }
        func xml(_ path: String) -> XMLIndexer? {
            parts[path].map { XMLHash.config { $0.detectParsingErrors = true }.parse(Data($0)) }
        }
        guard let workbook = xml("xl/workbook.xml") else {
            throw ReadError(text: .workbookWithoutIndex)
        }
        var targets: [String: String] = [:]
        for relationship in xml("xl/_rels/workbook.xml.rels")?["Relationships"]["Relationship"].all ?? [] {
            guard let element = relationship.element, let id = element.attribute(by: "Id")?.text,
                  let target = element.attribute(by: "Target")?.text else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        var shared: [String] = []
        for item in xml("xl/sharedStrings.xml")?["sst"]["si"].all ?? [] {
            shared.append(XLSXReader.text(of: item))
        }
        for entry in workbook["workbook"]["sheets"]["sheet"].all {
            guard let element = entry.element, let name = element.attribute(by: "name")?.text else { continue }
            let id = element.allAttributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value.text
            guard let path = id.flatMap({ targets[$0] }), let sheetXML = xml(path) else {
                throw ReadError(text: .workbookSheetMissing(name: name))
            }
            var sheet = Sheet(name: name)
            for row in sheetXML["worksheet"]["sheetData"]["row"].all {
                for cell in row["c"].all {
                    guard let element = cell.element, let reference = element.attribute(by: "r")?.text,
                          let (r, c) = XLSXReader.position(reference) else { continue }
                    let type = element.attribute(by: "t")?.text ?? "n"
                    let value = cell["v"].element?.text ?? ""
                    let text: String
                    switch type {
                    case "s": text = Int(value).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
                    case "inlineStr": text = XLSXReader.text(of: cell["is"])
                    case "b": text = value == "1" ? "true" : "false"
                    default: text = value
                    }
                    if !text.isEmpty { sheet.cells[r, default: [:]][c] = XLSXReader.unescape(text) }
                }
            }
            sheets.append(sheet)
        }
    }

    /// The text of a string item: its `t`, or the `t` of each rich-text run.
    private static func text(of item: XMLIndexer) -> String {
        if let plain = item["t"].element { return plain.text }
        return item["r"].all.compactMap { $0["t"].element?.text }.joined()
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

    /// `B12` → (12, 1).
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, digits = ""
        for scalar in reference.unicodeScalars {
            if ("A"..."Z").contains(scalar), digits.isEmpty { column = column * 26 + Int(scalar.value - 64) }
            else if ("0"..."9").contains(scalar) { digits.unicodeScalars.append(scalar) }
            else { return nil }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column - 1)
    }
}
