import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A handler of SAX events for `BoundedXML.events`: it sees each element's start and end (local
/// names, `x:row` → `row`) and its text, and may stop the parse with an error of its own. For
/// parts too large to hold as a tree — a worksheet's rows — nothing but what the handler keeps
/// stays in memory.
class XMLEventHandler: NSObject, XMLParserDelegate {
    /// Elements open now.
    private(set) var depth = 0
    /// The document element was closed: the text was read to its end.
    private(set) var closedRoot = false
    /// Why the handler stopped the parse, if it did.
    private(set) var failure: Error?

    /// Stops the parse; `BoundedXML.events` throws `error`.
    func stop(_ parser: XMLParser, _ error: Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    func start(_ parser: XMLParser, _ name: String, _ attributes: [String: String]) {}
    func end(_ parser: XMLParser, _ name: String) {}
    func characters(_ parser: XMLParser, _ text: String) {}

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        start(parser, XMLEventHandler.local(name), attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if depth == 0 { closedRoot = true }
        end(parser, XMLEventHandler.local(name))
    }

    // On Linux, `XMLParserDelegate`'s optional methods have default implementations in a protocol
    // extension: a subclass's own `parser(_:foundCharacters:)` would never be called, so this class
    // implements each one and forwards to methods subclasses override.
    func parser(_ parser: XMLParser, foundCharacters string: String) { characters(parser, string) }

    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

extension BoundedXML {
    /// Streams a part through `handler` as SAX events within `limits`, building no tree: the
    /// size, depth and DTD scan first (`scan`), then Foundation's `XMLParser` without external
    /// entities. Throws the handler's own error when it stopped the parse, else `ArchiveError`:
    /// malformed XML with its line and column, and a text cut off before its document element
    /// closes (which the parser on Linux lets pass).
    static func events(_ bytes: [UInt8], entry: String, limits: XMLLimits = .office, handler: XMLEventHandler) throws {
        if let problem = scan(bytes, entry: entry, limits: limits) { throw problem }
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            // The parser reads the bytes where they are: no second copy of a large part.
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!),
                            count: buffer.count, deallocator: .none)
            let parser = XMLParser(data: data)
            parser.shouldResolveExternalEntities = false
            parser.shouldProcessNamespaces = false
            parser.delegate = handler
            let ok = parser.parse()
            if !ok && handler.failure == nil {
                let position = (parser.lineNumber, parser.columnNumber)
                handler.stop(parser, ArchiveError.xmlMalformed(entry: entry, line: position.0, column: position.1))
            } else if ok && !handler.closedRoot {
                handler.stop(parser, ArchiveError.xmlMalformed(entry: entry, line: parser.lineNumber, column: parser.columnNumber))
            }
            return ok
        }
        if let failure = handler.failure { throw failure }
        _ = ok
    }
}
