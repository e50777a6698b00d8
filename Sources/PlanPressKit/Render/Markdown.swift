import CCmark
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// CommonMark to HTML through cmark in its default safe mode: raw HTML is
/// dropped and `javascript:`-style links are emptied.
public enum Markdown {
    /// What to do with a link target found in the text.
    public enum LinkResolution {
        /// Not a plan-item reference: keep the URL as written.
        case keep
        case replace(String)
        /// An item reference that does not exist; the message explains.
        case unknown(Message)
    }

    /// The targets of the images (`![alt](url)`) in `text`, each with its line in the text (1-based).
    public static func imageURLs(_ text: String) -> [(url: String, line: Int)] {
        let utf8 = Array(text.utf8)
        guard let document = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT) }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }) else { return [] }
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        var found: [(url: String, line: Int)] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE, let raw = cmark_node_get_url(node) else { continue }
            found.append((String(cString: raw), Int(cmark_node_get_start_line(node))))
        }
        return found
    }

    /// Renders `text`. Links are passed to `resolve`; headings are shifted one
    /// level down so a page keeps a single `<h1>`. Problems are reported at
    /// `file`, with lines counted from `firstLine`.
    public static func render(_ text: String, file: String, firstLine: Int,
                              resolve: (String) -> LinkResolution, sink: DiagnosticSink) -> String {
        let options = CMARK_OPT_DEFAULT
        let utf8 = Array(text.utf8)
        guard let document = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parse_document($0, buffer.count, options) }
            } ?? cmark_parse_document("", 0, options)
        }) else { return "" }
        defer { cmark_node_free(document) }
        rewrite(document, file: file, firstLine: firstLine, text: SourceText(text), resolve: resolve, sink: sink)
        guard let html = cmark_render_html(document, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func rewrite(_ document: OpaquePointer, file: String, firstLine: Int, text: SourceText,
                                resolve: (String) -> LinkResolution, sink: DiagnosticSink) {
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                cmark_node_set_heading_level(node, min(6, cmark_node_get_heading_level(node) + 1))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let raw = cmark_node_get_url(node) else { continue }
                let url = String(cString: raw)
                switch resolve(url) {
                case .keep: break
                case .replace(let resolved): cmark_node_set_url(node, resolved)
                case .unknown(let message):
                    let bodyLine = Int(cmark_node_get_start_line(node))
                    let column = text.characterColumn(line: bodyLine, byteColumn: Int(cmark_node_get_start_column(node)))
                    sink.error(message, at: SourceLocation(file: file, line: firstLine + bodyLine - 1, column: column))
                }
            default:
                continue
            }
        }
    }
}
