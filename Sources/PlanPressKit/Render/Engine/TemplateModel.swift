/// A typed page model: a struct whose fields a template prints.
///
/// The renderer binds each template to the model once (`TemplateRenderer.bind`):
/// every name is resolved to a field index at load time, so a lookup on the page
/// is a `switch` on that index instead of hashing the name in a dictionary per
/// context level, and the page's context is a struct rather than a
/// `[String: Any]` built key by key. The same binding checks the template's
/// vocabulary: a name the model lacks is reported with its file and line.
public protocol TemplateModel {
    /// Every name templates may print for this page kind, in field-index order.
    static var fields: [TemplateField] { get }
    /// The value of `fields[index]`, of the same type a dictionary context held;
    /// nil when absent (as a missing dictionary key).
    func value(ofField index: Int) -> Any?
}

extension TemplateModel {
    /// The model as a dictionary context: for swift-mustache (the engine
    /// comparison test) and for code that still reads contexts.
    public var dictionary: [String: Any] {
        var context: [String: Any] = [:]
        for (index, field) in Self.fields.enumerated() {
            if let value = value(ofField: index) { context[field.name] = value }
        }
        return context
    }
}

/// A name a page model offers, and what a section over it opens.
public struct TemplateField: Sendable {
    public enum Kind: Sendable {
        /// Text, a number or a flag: a section over it adds no names.
        case value
        /// A dictionary, or a list of dictionaries, with these keys.
        case record([String])
        /// A dictionary whose keys are not declared (yet): names inside are not checked.
        case open
    }

    public let name: String
    public let kind: Kind

    public init(_ name: String, _ kind: Kind = .value) {
        self.name = name
        self.kind = kind
    }
}

/// Dictionary rendering: no model to fall back to.
struct NoModel: TemplateModel {
    static let fields: [TemplateField] = []
    func value(ofField index: Int) -> Any? { nil }
}

/// Walks a page template (with its parent and partials) the way the renderer
/// does, and collects the names neither the model nor an enclosing section's
/// declared record offers. Names inside a section whose keys are not declared
/// (`.open`, or a key of a record) cannot be checked and are accepted.
public struct TemplateVocabulary {
    public struct UnknownName: Sendable, Equatable {
        /// The template's name (`measure`, `partials/pager`); its file is `<template>.mustache`.
        public let template: String
        public let line: Int
        public let name: String
        /// Names of the model close to it.
        public let suggestions: [String]
    }

    private enum Scope {
        case known(Set<String>)
        case open
    }

    let templates: [String: CompiledTemplate]
    private let kinds: [String: TemplateField.Kind]
    private(set) var unknown: [UnknownName] = []
    private var reported: Set<String> = []

    init(templates: [String: CompiledTemplate], fields: [TemplateField]) {
        self.templates = templates
        var kinds: [String: TemplateField.Kind] = [:]
        for field in fields { kinds[field.name] = field.kind }
        self.kinds = kinds
    }

    mutating func check(_ template: CompiledTemplate) {
        walk(template.nodes, in: template.name, scopes: [], blocks: [:], partials: [])
    }

    private mutating func walk(_ nodes: [CompiledTemplate.Node], in template: String, scopes: [Scope],
                               blocks: [String: (template: String, nodes: [CompiledTemplate.Node])], partials: [String]) {
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let path, _):
                _ = resolve(path, in: template, scopes: scopes)
            case .section(let path, let children, let inverted):
                let opened = resolve(path, in: template, scopes: scopes)
                walk(children, in: template, scopes: inverted ? scopes : scopes + [opened], blocks: blocks, partials: partials)
            case .partial(let name, _):
                // A partial that includes itself (a tree) is checked once per chain.
                guard let partial = templates[name], !partials.contains(name) else { continue }
                walk(partial.nodes, in: name, scopes: scopes, blocks: blocks, partials: partials + [name])
            case .parent(let name, let overrides):
                guard let parent = templates[name] else { continue }
                var merged = blocks
                for (block, body) in overrides where blocks[block] == nil { merged[block] = (template, body) }
                walk(parent.nodes, in: name, scopes: scopes, blocks: merged, partials: partials)
            case .block(let name, let defaults):
                if let given = blocks[name] {
                    walk(given.nodes, in: given.template, scopes: scopes, blocks: blocks, partials: partials)
                } else {
                    walk(defaults, in: template, scopes: scopes, blocks: blocks, partials: partials)
                }
            }
        }
    }

    /// Where `path`'s first name comes from, reporting it when nothing offers it;
    /// returns the scope a section over it opens.
    private mutating func resolve(_ path: CompiledTemplate.Path, in template: String, scopes: [Scope]) -> Scope {
        if path.isImplicit { return .open }
        let first = path.parts[0]
        for scope in scopes.reversed() {
            switch scope {
            case .open: return .open
            case .known(let names) where names.contains(first): return .open
            case .known: continue
            }
        }
        guard let kind = kinds[first] else {
            report(first, path: path, in: template)
            return .open
        }
        switch kind {
        case .value:
            return .known([])
        case .open:
            return .open
        case .record(let keys):
            guard path.parts.count > 1 else { return .known(Set(keys)) }
            if !keys.contains(path.parts[1]) {
                report(path.parts.prefix(2).joined(separator: "."), path: path, in: template,
                       candidates: keys.map { "\(first).\($0)" })
            }
            return .open
        }
    }

    private mutating func report(_ name: String, path: CompiledTemplate.Path, in template: String, candidates: [String]? = nil) {
        guard reported.insert("\(template):\(path.line):\(name)").inserted else { return }
        unknown.append(UnknownName(template: template, line: path.line, name: name,
                                   suggestions: Suggestions.closest(to: name, in: candidates ?? kinds.keys.sorted())))
    }
}
