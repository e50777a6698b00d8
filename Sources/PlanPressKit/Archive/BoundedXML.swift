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
