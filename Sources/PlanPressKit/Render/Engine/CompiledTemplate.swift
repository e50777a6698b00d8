/// A Mustache template parsed once into nodes, rendered many times.
///
/// PlanPress renders tens of thousands of pages; swift-mustache spends most
/// of its time in name splitting and protocol-existential casts on every
/// lookup (about 6 µs for `{{t.key}}`, see docs/performance.md). This
/// renderer supports the subset PlanPress templates use — variables
/// (escaped and raw), dotted names, sections, inverted sections, comments,
/// partials, parents with blocks — over `[String: Any]` contexts, and looks
/// values up with concrete-type casts only. swift-mustache still parses every
/// template at load time (its errors carry line and column), and a test
/// renders every page of the real site with both and compares.
public final class CompiledTemplate: @unchecked Sendable {
    indirect enum Node {
        case text(String)
        case variable(Path, escaped: Bool)
        case section(Path, [Node], inverted: Bool)
        /// A partial; a standalone partial tag indents every line of its output.
        case partial(String, indentation: String)
        /// `{{<parent}}` with the blocks it overrides.
        case parent(String, [String: [Node]])
        /// `{{$name}}default{{/name}}`
        case block(String, [Node])
    }

    /// A dotted name split once at compile time; `["."]` is the current object.
    struct Path {
        let parts: [String]
        /// Computed once: comparing with `["."]` on every lookup built and compared an array.
        let isImplicit: Bool

        init(parts: [String]) {
            self.parts = parts
            isImplicit = parts == ["."]
        }
    }

    let name: String
    let nodes: [Node]

    init(name: String, nodes: [Node]) {
        self.name = name
        self.nodes = nodes
    }

    public convenience init(name: String, source: String) throws {
        var parser = TemplateParser(source)
        self.init(name: name, nodes: try parser.parseAll())
    }
}

public struct TemplateSyntaxError: Error, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var description: String { "line \(line): \(message)" }
}
