/// Parses Mustache text into `CompiledTemplate.Node`s with the same
/// whitespace rules as swift-mustache (so both engines give identical bytes):
/// a tag that starts its line — after whitespace or other tags that left the
/// line "new" — and ends it is standalone, and its line disappears.
struct TemplateParser {
    private let chars: [Character]
    private var index = 0
    private var line = 1
    /// Every partial (`{{>name}}`) and parent (`{{<name}}`) the template names, with its line:
    /// the loader checks that each exists.
    private(set) var references: [CompiledTemplate.Reference] = []

    init(_ source: String) { chars = Array(source) }

    mutating func parseAll() throws -> [CompiledTemplate.Node] {
        try parse(State(newLine: true, section: nil, inParent: false, inBlockDefinition: false))
    }

    private struct State {
        var newLine: Bool
        var section: String?
        /// Directly inside `{{<parent}}…{{/parent}}`: only blocks count.
        var inParent: Bool
        /// Inside a `{{$block}}` that a `{{<parent}}` overrides.
        var inBlockDefinition: Bool
        var blockIndent: String? = nil
    }

    private enum Tag {
        case variable(String, escaped: Bool)
        case open(String, inverted: Bool)
        case close(String)
        case comment
        case partial(String)
        case parent(String)
        case block(String)
    }

    private mutating func parse(_ initial: State) throws -> [CompiledTemplate.Node] {
        var state = initial
        var nodes: [CompiledTemplate.Node] = []
        var whitespace = ""
        func append(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + text)
            } else {
                nodes.append(.text(text))
            }
        }
        while index < chars.count {
            if state.newLine {
                let read = readBlanks()
                if state.inBlockDefinition {
                    if let indent = state.blockIndent {
                        whitespace = String(read.dropFirst(indent.count))
                    } else {
                        state.blockIndent = read
                    }
                } else {
                    whitespace = read
                }
            }
            let text = readText()
            if index < chars.count, chars[index] == "\n" {
                append(whitespace + text + "\n")
                whitespace = ""
                index += 1
                line += 1
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                append(whitespace + text)
                whitespace = ""
                state.newLine = false
            }
            if index >= chars.count { break }
            var setNewLine = false
            let tag = try readTag()
            // Before `standalone` consumes the rest of the line.
            let tagLine = line
            switch tag {
            case .variable(let name, let escaped):
                append(whitespace)
                whitespace = ""
                nodes.append(.variable(path(name, line: tagLine), escaped: escaped))
            case .comment:
                setNewLine = standalone(state)
            case .open(let name, let inverted):
                if standalone(state) {
                    setNewLine = true
                } else {
                    append(whitespace)
                    whitespace = ""
                }
                let sectionPath = path(name, line: tagLine)
                var inner = state
                inner.newLine = setNewLine
                inner.section = name
                inner.inParent = false
                let children = try parse(inner)
                nodes.append(.section(sectionPath, children, inverted: inverted))
            case .close(let name):
                guard name == state.section else {
                    throw TemplateSyntaxError(message: "closing tag {{/\(name)}} does not match \(state.section.map { "{{#\($0)}}" } ?? "any open section")", line: line)
                }
                if !standalone(state) { append(whitespace) }
                return nodes
            case .partial(let name):
                references.append(CompiledTemplate.Reference(name: name, line: tagLine, parent: false))
                append(whitespace)
                if standalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespace))
                } else {
                    nodes.append(.partial(name, indentation: ""))
                }
                whitespace = ""
            case .parent(let name):
                references.append(CompiledTemplate.Reference(name: name, line: tagLine, parent: true))
                append(whitespace)
                setNewLine = standalone(state)
                var inner = state
                inner.section = name
                inner.inParent = true
                inner.inBlockDefinition = false
                let children = try parse(inner)
                var blocks: [String: [CompiledTemplate.Node]] = [:]
                for case .block(let blockName, let body) in children { blocks[blockName] = body }
                nodes.append(.parent(name, blocks))
                whitespace = ""
            case .block(let name):
                if state.inParent {
                    setNewLine = standalone(state)
                    var inner = state
                    inner.newLine = setNewLine
                    inner.section = name
                    inner.inParent = false
                    inner.inBlockDefinition = true
                    inner.blockIndent = nil
                    nodes.append(.block(name, try parse(inner)))
                } else {
                    append(whitespace)
                    setNewLine = standalone(state)
                    var inner = state
                    inner.newLine = setNewLine
                    inner.section = name
                    inner.inParent = false
                    nodes.append(.block(name, try parse(inner)))
                    whitespace = ""
                }
            }
            state.newLine = setNewLine
        }
        if let section = state.section {
            throw TemplateSyntaxError(message: "section {{#\(section)}} is never closed with {{/\(section)}}", line: line)
        }
        return nodes
    }

    private func path(_ name: String, line: Int) -> CompiledTemplate.Path {
        name == "." ? CompiledTemplate.Path(parts: ["."], line: line)
            : CompiledTemplate.Path(parts: name.split(separator: ".").map(String.init), line: line)
    }

    private mutating func readBlanks() -> String {
        var read = ""
        while index < chars.count, chars[index] == " " || chars[index] == "\t" {
            read.append(chars[index])
            index += 1
        }
        return read
    }

    /// Text up to the next `{{` or newline.
    private mutating func readText() -> String {
        var text = ""
        while index < chars.count, chars[index] != "\n" {
            if chars[index] == "{", index + 1 < chars.count, chars[index + 1] == "{" { break }
            text.append(chars[index])
            index += 1
        }
        return text
    }

    /// A tag is standalone when its line was new and nothing but blanks
    /// follow it; the blanks and the newline are then consumed.
    private mutating func standalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        var after = index
        while after < chars.count, chars[after] == " " || chars[after] == "\t" { after += 1 }
        if after == chars.count {
            index = after
            return true
        }
        guard chars[after] == "\n" else { return false }
        index = after + 1
        line += 1
        return true
    }

    private mutating func readTag() throws -> Tag {
        let triple = index + 2 < chars.count && chars[index + 2] == "{"
        index += triple ? 3 : 2
        let closer: [Character] = triple ? ["}", "}", "}"] : ["}", "}"]
        var body = ""
        while index < chars.count {
            if chars[index] == "}" && Array(chars[index..<min(chars.count, index + closer.count)]) == closer {
                index += closer.count
                return try classify(body.trimmingSpaces(), triple: triple)
            }
            if chars[index] == "\n" { line += 1 }
            body.append(chars[index])
            index += 1
        }
        throw TemplateSyntaxError(message: "a tag is not closed with }}", line: line)
    }

    private func classify(_ body: String, triple: Bool) throws -> Tag {
        if triple { return .variable(body, escaped: false) }
        guard let sigil = body.first else { throw TemplateSyntaxError(message: "empty tag {{}}", line: line) }
        let rest = String(body.dropFirst()).trimmingSpaces()
        switch sigil {
        case "#": return .open(rest, inverted: false)
        case "^": return .open(rest, inverted: true)
        case "/": return .close(rest)
        case "!": return .comment
        case ">": return .partial(rest)
        case "<": return .parent(rest)
        case "$": return .block(rest)
        case "&": return .variable(rest, escaped: false)
        case "=": throw TemplateSyntaxError(message: "set-delimiter tags are not supported", line: line)
        default: return .variable(body, escaped: true)
        }
    }
}
