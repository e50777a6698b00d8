import Foundation
import SWXMLHash
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML parsed within `XMLLimits` (SWXMLHash over Foundation's parser). Before the parser
/// builds its tree, one pass over the bytes checks the size, the nesting depth and that there
/// is no document type declaration; the parser's own errors come back with line and column.
public enum BoundedXML {
    /// The parsed document (the indexer's root holds the document element). Throws `ArchiveError`.
    public static func parse(_ bytes: [UInt8], entry: String, limits: XMLLimits = .office) throws -> XMLIndexer {
        let bytes = try utf8(bytes, entry: entry)
        if let problem = scan(bytes, entry: entry, limits: limits) { throw problem }
        let indexer = XMLHash.config { $0.detectParsingErrors = true }.parse(Data(bytes))
        if case .parsingError(let error) = indexer {
            let (line, column) = error.line > 0 ? (error.line, error.column) : ErrorPosition.of(bytes)
            throw ArchiveError.xmlMalformed(entry: entry, line: line, column: column)
        }
        return indexer
    }

    /// Where the parser stops: Foundation on Linux leaves the position out of the error it hands to
    /// SWXMLHash, so on that path (only) the text is parsed again by a bare parser that asks for it.
    private final class ErrorPosition: NSObject, XMLParserDelegate {
        var position = (line: 0, column: 0)

        static func of(_ bytes: [UInt8]) -> (Int, Int) {
            let parser = XMLParser(data: Data(bytes)), delegate = ErrorPosition()
            parser.delegate = delegate
            _ = parser.parse()
            return delegate.position
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if position.line == 0 { position = (parser.lineNumber, parser.columnNumber) }
        }
    }

    /// The text as UTF-8: a UTF-16 part (with its byte-order mark) is converted; bytes that are not
    /// UTF-8 are refused at their line. Foundation's parser on Linux traps on an element or attribute
    /// name that is not UTF-8 (found by the fuzzer), so nothing else may reach it.
    static func utf8(_ bytes: [UInt8], entry: String) throws -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            var text = String(decoding: units, as: UTF16.self)
            if let declaration = text.range(of: #"encoding=["'][Uu][Tt][Ff]-?16["']"#, options: .regularExpression) {
                text.replaceSubrange(declaration, with: "encoding=\"UTF-8\"")
            }
            return Array(text.utf8)
        }
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var column = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 0 } else { column += 1 }
            case .emptyInput: return bytes
            case .error: throw ArchiveError.xmlMalformed(entry: entry, line: line, column: column + 1)
            }
        }
    }

    /// Size, depth and DTD, in one pass over the bytes: tags are counted from `<` to the
    /// matching `>` outside quoted attribute values; comments, CDATA sections and processing
    /// instructions are skipped whole. Malformed text that this pass lets through is the
    /// parser's to report.
    static func scan(_ bytes: [UInt8], entry: String, limits: XMLLimits) -> ArchiveError? {
        guard bytes.count <= limits.bytes else { return .xmlTooLarge(entry: entry, limit: limits.bytes) }
        return bytes.withUnsafeBufferPointer { b -> ArchiveError? in
            let n = b.count
            var i = 0, depth = 0, line = 1
            func starts(_ text: StaticString, at position: Int) -> Bool {
                let count = text.utf8CodeUnitCount
                guard position + count <= n else { return false }
                let pointer = text.utf8Start
                for k in 0..<count where b[position + k] != pointer[k] { return false }
                return true
            }
            /// Moves `i` past `end`, counting lines; false if the text ends first.
            func skip(past end: StaticString) -> Bool {
                while i < n {
                    if starts(end, at: i) { i += end.utf8CodeUnitCount; return true }
                    if b[i] == 0x0A { line += 1 }
                    i += 1
                }
                return false
            }
            while i < n {
                let c = b[i]
                if c == 0x0A { line += 1; i += 1; continue }
                guard c == 0x3C else { i += 1; continue }  // <
                if starts("<!--", at: i) { i += 4; if !skip(past: "-->") { return nil }; continue }
                if starts("<![CDATA[", at: i) { i += 9; if !skip(past: "]]>") { return nil }; continue }
                if starts("<?", at: i) { i += 2; if !skip(past: "?>") { return nil }; continue }
                if starts("<!", at: i) { return .xmlDoctype(entry: entry, line: line) }
                let closing = i + 1 < n && b[i + 1] == 0x2F  // </
                // To the tag's end, outside quotes.
                var quote: UInt8 = 0
                var j = i + 1
                while j < n {
                    let d = b[j]
                    if d == 0x0A { line += 1 }
                    if quote != 0 { if d == quote { quote = 0 } } else if d == 0x22 || d == 0x27 { quote = d } else if d == 0x3E { break }
                    j += 1
                }
                guard j < n else { return nil }
                let empty = b[j - 1] == 0x2F  // />
                if closing { depth -= 1 } else if !empty {
                    depth += 1
                    if depth > limits.depth { return .xmlTooDeep(entry: entry, line: line, limit: limits.depth) }
                }
                i = j + 1
            }
            return nil
        }
    }
}
