import Foundation

/// Renders compiled templates against `[String: Any]` contexts, or against
/// typed page models (`TemplateModel`) with templates bound to them at load time.
public struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]
    /// Per model type: every template with its names' field indices filled in (`bind`).
    private var bound: [ObjectIdentifier: [String: CompiledTemplate]] = [:]
    /// When set, every name looked up is noted with whether a value was found (tests only).
    public var audit: NameAudit?

    public init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    public func render(_ context: [String: Any], template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        return Pass<NoModel>(templates: templates, model: nil, audit: audit).run(template, stack: [context])
    }

    /// Renders a typed page model; `bind(M.self, …)` must have been called (the template loader does).
    public func render<M: TemplateModel>(_ model: M, template name: String) -> String? {
        guard let templates = bound[ObjectIdentifier(M.self)], let template = templates[name] else { return nil }
        return Pass(templates: templates, model: model, audit: audit).run(template, stack: [])
    }

    /// Binds every template to `M`'s fields and checks the names `page` (and the
    /// partials and parents it uses) print against them: each unknown name is returned
    /// with its template and line.
    public mutating func bind<M: TemplateModel>(_ model: M.Type, page: String) -> [TemplateVocabulary.UnknownName] {
        var index: [String: Int] = [:]
        for (position, field) in M.fields.enumerated() { index[field.name] = position }
        // Only the templates the page can reach (its parents and partials): a copy of every template per
        // page kind would hold the whole set 26 times.
        var reachable: Set<String> = []
        var pending = [page]
        while let name = pending.popLast() {
            guard reachable.insert(name).inserted, let template = templates[name] else { continue }
            pending += template.references.map(\.name)
        }
        bound[ObjectIdentifier(M.self)] = templates.filter { reachable.contains($0.key) }.mapValues { $0.bound(to: index) }
        guard let template = templates[page] else { return [] }
        var vocabulary = TemplateVocabulary(templates: templates, fields: M.fields)
        vocabulary.check(template)
        return vocabulary.unknown
    }

    /// One rendering: the templates (plain or bound) and the model the names fall back to.
    private struct Pass<M: TemplateModel> {
        let templates: [String: CompiledTemplate]
        let model: M?
        let audit: NameAudit?

        func run(_ template: CompiledTemplate, stack initial: [Any]) -> String {
            var output = ""
            output.reserveCapacity(16_384)
            var stack = initial
            render(template.nodes, stack: &stack, blocks: [:], indentation: "", into: &output)
            return output
        }

        func render(_ nodes: [CompiledTemplate.Node], stack: inout [Any], blocks: [String: [CompiledTemplate.Node]],
                    indentation: String, into output: inout String) {
            if !indentation.isEmpty {
                // As swift-mustache: before each non-empty piece that starts a new line, the partial's indentation.
                var local = ""
                for node in nodes {
                    var piece = ""
                    render([node], stack: &stack, blocks: blocks, indentation: "", into: &piece)
                    if !piece.isEmpty, local.last == "\n" { local += indentation }
                    local += piece
                }
                output += local
                return
            }
            for node in nodes {
                switch node {
                case .text(let text):
                    output += text
                case .variable(let path, let escaped):
                    let found = lookup(path, in: stack)
                    audit?.note(path, found: found != nil)
                    guard let value = found else { continue }
                    let text = TemplateRenderer.string(value)
                    output += escaped ? HTML.escape(text) : text
                case .section(let path, let children, let inverted):
                    let value = lookup(path, in: stack)
                    audit?.note(path, found: value != nil)
                    if inverted {
                        if !TemplateRenderer.isTruthy(value) { render(children, stack: &stack, blocks: blocks, indentation: "", into: &output) }
                        continue
                    }
                    guard let value, TemplateRenderer.isTruthy(value) else { continue }
                    if Swift.type(of: value) == [[String: Any]].self {
                        // The common case (lists of contexts): iterate in place, no copy into [Any].
                        for item in value as! [[String: Any]] {
                            stack.append(item)
                            render(children, stack: &stack, blocks: blocks, indentation: "", into: &output)
                            stack.removeLast()
                        }
                    } else if Swift.type(of: value) == [Record].self {
                        for item in value as! [Record] {
                            stack.append(item)
                            render(children, stack: &stack, blocks: blocks, indentation: "", into: &output)
                            stack.removeLast()
                        }
                    } else if let list = TemplateRenderer.elements(of: value) {
                        for item in list {
                            stack.append(item)
                            render(children, stack: &stack, blocks: blocks, indentation: "", into: &output)
                            stack.removeLast()
                        }
                    } else if Swift.type(of: value) == Bool.self {
                        render(children, stack: &stack, blocks: blocks, indentation: "", into: &output)
                    } else {
                        stack.append(value)
                        render(children, stack: &stack, blocks: blocks, indentation: "", into: &output)
                        stack.removeLast()
                    }
                case .partial(let name, let partialIndentation):
                    if let partial = templates[name] {
                        render(partial.nodes, stack: &stack, blocks: blocks, indentation: partialIndentation, into: &output)
                    }
                case .parent(let name, let overrides):
                    guard let parent = templates[name] else { continue }
                    // Blocks given further out (by a child of this template) win over this template's own.
                    let merged = overrides.merging(blocks) { _, outer in outer }
                    render(parent.nodes, stack: &stack, blocks: merged, indentation: "", into: &output)
                case .block(let name, let defaults):
                    render(blocks[name] ?? defaults, stack: &stack, blocks: blocks, indentation: "", into: &output)
                }
            }
        }

        /// The first name is looked up from the innermost context outwards, then
        /// in the model (by the field index bound at load time, no hashing); the
        /// rest of a dotted name only inside what the first part found.
        private func lookup(_ path: CompiledTemplate.Path, in stack: [Any]) -> Any? {
            if path.isImplicit { return stack.last }
            var value: Any?
            var depth = stack.count - 1
            while depth >= 0 {
                if case .some(.some(let found)) = TemplateRenderer.child(of: stack[depth], named: path.parts[0], number: path.numbers[0]) {
                    value = found
                    break
                }
                depth -= 1
            }
            // Optional chaining reads the model in place (`if let` would copy the struct and retain its fields).
            if depth < 0, path.field >= 0 { value = model?.value(ofField: path.field) }
            for index in path.parts.indices.dropFirst() {
                guard let current = value,
                      case .some(let next) = TemplateRenderer.child(of: current, named: path.parts[index], number: path.numbers[index]) else { return nil }
                value = next
            }
            return value
        }
    }

    /// A dictionary's value for `name` (nil inside when absent); nil when
    /// `object` is not a dictionary. Types are compared exactly before any
    /// cast: casting between collection types makes Swift convert every
    /// element, which made each `{{t.key}}` copy the whole string table.
    @inline(__always)
    static func child(of object: Any, named name: String, number: Int) -> Any?? {
        let type = Swift.type(of: object)
        if type == Record.self { return (object as! Record).value(number: number) }
        if type == [String: Any].self { return .some((object as! [String: Any])[name]) }
        if type == [String: String].self { return .some((object as! [String: String])[name]) }
        if type == [String: Int].self { return .some((object as! [String: Int])[name]) }
        if type == [String: Bool].self { return .some((object as! [String: Bool])[name]) }
        if let dictionary = object as? [String: Any] { return .some(dictionary[name]) }
        return nil
    }

    /// The elements of a list value, without converting its element type.
    @inline(__always)
    static func elements(of value: Any) -> [Any]? {
        let type = Swift.type(of: value)
        if type == [[String: Any]].self { return (value as! [[String: Any]]).map { $0 as Any } }
        if type == [Record].self { return (value as! [Record]).map { $0 as Any } }
        if type == [Any].self { return (value as! [Any]) }
        if type == [String].self { return (value as! [String]).map { $0 as Any } }
        if type == [[String: Int]].self { return (value as! [[String: Int]]).map { $0 as Any } }
        if type == [[String: String]].self { return (value as! [[String: String]]).map { $0 as Any } }
        if type is any Collection.Type, let list = value as? [Any] { return list }
        return nil
    }

    /// The number of elements when `value` is a list, without copying it.
    static func listCount(of value: Any) -> Int? {
        let type = Swift.type(of: value)
        if type == [[String: Any]].self { return (value as! [[String: Any]]).count }
        if type == [Record].self { return (value as! [Record]).count }
        if type == [Any].self { return (value as! [Any]).count }
        if type == [String].self { return (value as! [String]).count }
        if type == [[String: Int]].self { return (value as! [[String: Int]]).count }
        if type == [[String: String]].self { return (value as! [[String: String]]).count }
        if type is any Collection.Type, let list = value as? [Any] { return list.count }
        return nil
    }

    static func isTruthy(_ value: Any?) -> Bool {
        guard let value else { return false }
        let type = Swift.type(of: value)
        if type == Bool.self { return value as! Bool }
        if type == String.self || type == Record.self || type == [String: Any].self || type == [String: String].self || type == Int.self { return true }
        if let count = listCount(of: value) { return count > 0 }
        if let optional = value as? OptionalProtocol { return !optional.isNone }
        return true
    }

    static func string(_ value: Any) -> String {
        let type = Swift.type(of: value)
        if type == String.self { return value as! String }
        if type == Int.self { return String(value as! Int) }
        if type == Bool.self { return (value as! Bool) ? "true" : "false" }
        if let optional = value as? OptionalProtocol, optional.isNone { return "" }
        return String(describing: value)
    }
}

/// Lets `Any` holding `Optional.none` count as absent.
protocol OptionalProtocol { var isNone: Bool { get } }
extension Optional: OptionalProtocol {
    var isNone: Bool { self == nil }
}

/// Which template names a render found a value for. A name that no page of a site finds prints
/// nothing anywhere: misspelt in the template, or never set by the code that makes its context
/// (a name inside a section over a list of dictionaries is not checked at load). Tests render
/// the shipped site and the fixture sites with one; builds never set it.
public final class NameAudit: @unchecked Sendable {
    public struct Name: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let template: String
        public let line: Int
        public let name: String
        public var description: String { "\(template).mustache:\(line): \(name)" }
        public static func < (a: Name, b: Name) -> Bool { (a.template, a.line, a.name) < (b.template, b.line, b.name) }
    }

    private let lock = NSLock()
    private var found: [Name: Bool] = [:]

    public init() {}

    func note(_ path: CompiledTemplate.Path, found: Bool) {
        guard !path.isImplicit else { return }
        let name = Name(template: path.template, line: path.line, name: path.parts.joined(separator: "."))
        lock.lock()
        self.found[name, default: false] = self.found[name, default: false] || found
        lock.unlock()
    }

    /// Names looked up on some page and found on none.
    public var neverFound: [Name] {
        lock.lock()
        defer { lock.unlock() }
        return found.filter { !$0.value }.keys.sorted()
    }

    /// Every name looked up at least once.
    public var looked: Int {
        lock.lock()
        defer { lock.unlock() }
        return found.count
    }
}
