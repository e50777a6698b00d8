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

    /// The most bytes of Markdown one file may hold (an update's body, a commentary file, a
    /// plan's notes): about a hundred printed pages, far above any real one, and small enough
    /// that cmark reads any such text in well under a second (docs/reliability.md, «Limits»).
    public static let maxBytes = 256 * 1024

    /// The most image openers `![` times closing brackets `]` one paragraph may hold. libcmark
    /// 0.30.2 (Debian's) walks back over every open `![` each time a link closes, so
    /// `![[]()` repeated 10,000 times (60 KB) takes seconds and 100,000 times minutes
    /// (fixed upstream in 0.30.3, CVE-2023-22486). A paragraph with 100 photos and 1,000 links
    /// stays far below; the bomb at 2,000 repetitions does not.
    public static let maxBracketWork = 1_000_000

    /// Why `text` must not be given to cmark (too large, or a paragraph of the bracket pattern
    /// above), with its 1-based line in `text`; nil when it may. Paragraphs are counted between
    /// blank lines, which never end a paragraph early, so the count is never below cmark's.
    public static func refusal(_ text: String) -> (message: Message, line: Int)? {
        let bytes = text.utf8
        if bytes.count > maxBytes {
            return (.markdownTooLarge(kilobytes: (bytes.count + 1023) / 1024, limit: maxBytes / 1024), 1)
        }
        var images = 0, closers = 0, line = 1, chunkLine = 1, blank = true, previous: UInt8 = 0
        func check() -> (message: Message, line: Int)? {
            images * closers > maxBracketWork
                ? (.markdownBracketBomb(images: images, closers: closers, limit: maxBracketWork), chunkLine) : nil
        }
        for byte in bytes {
            switch byte {
            case 0x0A:
                if blank {
                    // A blank line: the paragraph before it has ended.
                    if let refused = check() { return refused }
                    images = 0
                    closers = 0
                    chunkLine = line + 1
                }
                line += 1
                blank = true
            case 0x20, 0x09, 0x0D: break
            default:
                if blank && images == 0 && closers == 0 { chunkLine = line }
                blank = false
                if byte == 0x5B && previous == 0x21 { images += 1 }
                if byte == 0x5D { closers += 1 }
            }
            previous = byte
        }
        return check()
    }

    /// Reports `refusal` at its line in `file` (the text starts at `firstLine`); true when the text may be rendered.
    @discardableResult
    static func checkBounds(_ text: String, file: String, firstLine: Int, sink: DiagnosticSink) -> Bool {
        guard let (message, line) = refusal(text) else { return true }
        sink.error(message, at: SourceLocation(file: file, line: firstLine + line - 1, column: 1))
        return false
    }

    /// The targets of the images (`![alt](url)`) in `text`, each with its line in the text (1-based).
    /// Nothing for a text `refusal` refuses (the loader reported it).
    public static func imageURLs(_ text: String) -> [(url: String, line: Int)] {
        guard refusal(text) == nil else { return [] }
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
        // Refused at load time with its location; never handed to cmark.
        guard refusal(text) == nil else { return "" }
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
