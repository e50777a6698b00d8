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
        /// The template line the name is on (for load-time checks against a typed page model).
        let line: Int
        /// In a template bound to a `TemplateModel`: the model's field for `parts[0]`, or -1.
        var field: Int = -1
        /// Each part's number (`TemplateNames`), by which a `Record` finds it.
        let numbers: [Int]
        /// The template whose text holds the name (for `NameAudit`).
        var template = ""

        init(parts: [String], line: Int = 0) {
            self.parts = parts
            self.line = line
            isImplicit = parts == ["."]
            numbers = isImplicit ? [-1] : parts.map(TemplateNames.number)
        }
    }

    /// A partial or parent a template names, with the line of its tag.
    struct Reference: Sendable {
        var name: String
        var line: Int
        var parent: Bool
    }

    let name: String
    let nodes: [Node]
    /// The partials and parents the template names (`TemplateLoader` checks that each exists).
    let references: [Reference]

    /// The same template with every name's field index (in a `TemplateModel`'s `fields`) filled in.
    func bound(to fields: [String: Int]) -> CompiledTemplate {
        CompiledTemplate(name: name, nodes: CompiledTemplate.bind(nodes, fields), references: references)
    }

    private static func bind(_ nodes: [Node], _ fields: [String: Int]) -> [Node] {
        mapPaths(nodes) { path in
            var path = path
            if !path.isImplicit { path.field = fields[path.parts[0]] ?? -1 }
            return path
        }
    }

    /// The nodes with every name (variable or section) passed through `transform`, at any depth.
    private static func mapPaths(_ nodes: [Node], _ transform: (Path) -> Path) -> [Node] {
        nodes.map { node in
            switch node {
            case .text, .partial: return node
            case .variable(let path, let escaped): return .variable(transform(path), escaped: escaped)
            case .section(let path, let children, let inverted): return .section(transform(path), mapPaths(children, transform), inverted: inverted)
            case .parent(let name, let blocks): return .parent(name, blocks.mapValues { mapPaths($0, transform) })
            case .block(let name, let children): return .block(name, mapPaths(children, transform))
            }
        }
    }

    init(name: String, nodes: [Node], references: [Reference] = []) {
        self.name = name
        self.nodes = nodes
        self.references = references
    }

    public convenience init(name: String, source: String) throws {
        var parser = TemplateParser(source)
        let nodes = try parser.parseAll()
        self.init(name: name, nodes: CompiledTemplate.tag(nodes, name), references: parser.references)
    }

    /// Every name marked with the template it is written in (a block keeps the template that overrides it).
    private static func tag(_ nodes: [Node], _ template: String) -> [Node] {
        mapPaths(nodes) { path in
            var path = path
            path.template = template
            return path
        }
    }
}

public struct TemplateSyntaxError: Error, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var description: String { "line \(line): \(message)" }
}
