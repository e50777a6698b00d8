import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document parsed back with XMLParser into a small tree, to check
/// feeds and sitemaps as a reader would see them.
final class ParsedXML {
    let name: String
    let namespace: String?
    let attributes: [String: String]
    var children: [ParsedXML] = []
    var text = ""

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    func all(_ name: String) -> [ParsedXML] { children.filter { $0.name == name } }
    func first(_ name: String) -> ParsedXML? { children.first { $0.name == name } }

    /// Parses `data`; throws with the parser's error when it is not well-formed XML.
    static func parse(_ data: Data) throws -> ParsedXML {
        let delegate = Builder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(message: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    struct ParseError: Error { var message: String }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [ParsedXML] = []
        var root: ParsedXML?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = ParsedXML(name: name, namespace: namespaceURI, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
