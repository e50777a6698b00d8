import Yams

/// A YAML node together with the file it came from, so every value read from
/// it can report its own file:line:column.
struct YAMLValue {
    let node: Node
    let file: String
    /// Lines before the YAML text in its file (front matter starts after `---`).
    let lineOffset: Int

    var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        // libyaml counts columns in characters already (cmark counts bytes; see Markdown.swift).
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func child(_ node: Node) -> YAMLValue {
        YAMLValue(node: node, file: file, lineOffset: lineOffset)
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        guard scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The scalar's text exactly as written (no YAML 1.1 conversions).
    var scalarText: String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return nil
    }

    /// A digest of the node's content — tags, styles, scalars, keys, order —
    /// but not of its position in the file; `skipping` leaves out mapping keys
    /// (a goal without its children). Equal digests: the same value loads.
    func digest(skipping keys: Set<String> = []) -> Int {
        var hasher = Hasher()
        YAMLValue.combine(node, into: &hasher, skipping: keys)
        return hasher.finalize()
    }

    private static func combine(_ node: Node, into hasher: inout Hasher, skipping keys: Set<String> = []) {
        func text(_ value: String) {
            var value = value
            hasher.combine(value.utf8.count)
            value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        switch node {
        case .scalar(let scalar):
            hasher.combine(0)
            text(scalar.tag.description)
            hasher.combine(scalar.style.rawValue)
            text(scalar.string)
        case .mapping(let mapping):
            hasher.combine(1)
            text(mapping.tag.description)
            for (key, value) in mapping {
                if case .scalar(let scalar) = key, keys.contains(scalar.string) { continue }
                combine(key, into: &hasher)
                combine(value, into: &hasher)
            }
            hasher.combine(-1)
        case .sequence(let sequence):
            hasher.combine(2)
            text(sequence.tag.description)
            for item in sequence { combine(item, into: &hasher) }
            hasher.combine(-2)
        case .alias(let alias):
            hasher.combine(3)
            text(alias.anchor.rawValue)
        }
    }

    var sequenceItems: [YAMLValue]? {
        guard case .sequence(let sequence) = node else { return nil }
        return sequence.map { child($0) }
    }

    var kind: ValueKind {
        switch node {
        case .scalar: return .text
        case .mapping: return .mapping
        case .sequence: return .list
        case .alias: return .alias
        }
    }

    /// The kind in English, for messages not yet in the catalogue.
    /// The value for a "…, found …" message: its text, or its kind.
    var found: Found { scalarText.map(Found.text) ?? .kind(kind) }

    /// Parses a YAML document; a syntax error becomes a diagnostic with its position.
    static func parse(_ text: String, file: String, lineOffset: Int = 0, sink: DiagnosticSink) -> YAMLValue? {
        // Anchors and aliases are refused before anything is composed: an alias shares its node,
        // and ten anchors of ten aliases each would be walked 10^10 times by every reader of the
        // tree — and by Yams' own duplicate-key check while composing, when an alias is a key.
        if let (line, column) = YAMLAnchors.first(in: text) {
            sink.error(.yamlAliases, at: SourceLocation(file: file, line: line + lineOffset, column: column))
            return nil
        }
        do {
            // The basic resolver: every value is read from its text as written (`MappingReader`),
            // so YAML 1.1 type guessing — a set of regular expressions per plain scalar — is skipped.
            let parser = try Parser(yaml: text, resolver: .basic)
            guard let node = try parser.singleRoot() else {
                return YAMLValue(node: Node("", .implicit), file: file, lineOffset: lineOffset)
            }
            // libyaml refuses raw control characters, but an escape in double quotes ("\e", "\x1B",
            // "\u0007") makes one: refused in every value, at the value.
            if let bad = YAMLValue.firstControlCharacter(in: node) {
                let location = YAMLValue(node: bad.node, file: file, lineOffset: lineOffset).location
                sink.error(.controlCharacter(code: ContentFiles.code(bad.scalar), markdown: false), at: location)
                return nil
            }
            return YAMLValue(node: node, file: file, lineOffset: lineOffset)
        } catch let error as YamlError {
            sink.append(YAMLValue.diagnostic(for: error, file: file, lineOffset: lineOffset, text: text))
        } catch {
            sink.error(.yamlUnreadable(detail: "\(error)"), at: SourceLocation(file: file))
        }
        return nil
    }

    /// The first scalar (value or key) holding a control character other than tab and line feed, depth first.
    static func firstControlCharacter(in node: Node) -> (node: Node, scalar: UInt32)? {
        switch node {
        case .scalar(let scalar):
            if let (_, code) = ContentFiles.firstControlCharacter(scalar.string) { return (node, code) }
            // The text scan lets a carriage return through (line ends); in a value only an escape makes one.
            return scalar.string.utf8.contains(0x0D) ? (node, 0x0D) : nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstControlCharacter(in: key) ?? firstControlCharacter(in: value) { return found }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let found = firstControlCharacter(in: item) { return found }
            }
            return nil
        case .alias:
            return nil
        }
    }

    /// Front matter, read so that one run reports every problem: after a syntax
    /// error on a `key: value` line at the top level (a title with a colon, an
    /// unclosed quote on its line), that line is left out and the rest is read
    /// again, up to `maxRounds` times; every error is reported at its line.
    /// Returns the value read without the bad lines and the keys of those lines
    /// (their absence is not reported again as a missing key). An error that
    /// cannot be pinned to such a line (anchors, a broken indentation block)
    /// ends the reading as `parse` does.
    static func parseRecovering(_ text: String, file: String, lineOffset: Int = 0, sink: DiagnosticSink,
                                maxRounds: Int = 20) -> (value: YAMLValue?, skippedKeys: Set<String>) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var skipped: Set<String> = []
        for _ in 0..<maxRounds {
            let local = DiagnosticSink()
            if let value = parse(lines.joined(separator: "\n"), file: file, lineOffset: lineOffset, sink: local) {
                return (value, skipped)
            }
            sink.append(contentsOf: local.diagnostics)
            guard YAMLAnchors.first(in: text) == nil, let line = local.diagnostics.first?.location?.line,
                  (1...lines.count).contains(line - lineOffset) else { return (nil, skipped) }
            let index = line - lineOffset - 1
            // Only a top-level `key:` line is left out: anything else may be part of a block around it.
            let key = lines[index].prefix { $0 != ":" }
            guard let first = lines[index].first, first != " ", first != "-", first != "#", key.count < lines[index].count,
                  !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return (nil, skipped) }
            skipped.insert(String(key))
            lines[index] = ""
            // A key's block (indented lines under it) goes with it.
            var next = index + 1
            while next < lines.count, lines[next].first == " " || lines[next].first == "-" {
                lines[next] = ""
                next += 1
            }
        }
        return (nil, skipped)
    }

    /// 1-based line and character column of a UTF-8 byte offset.
    static func lineAndColumn(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        let bytes = Array(text.utf8.prefix(max(0, offset)))
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }

    /// Where `key` is written again in the mapping whose first key `first` marks: the same
    /// column on a later line (block style) or later on the same line (flow style).
    static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let column = first.column - 1, start = first.line - 1
        guard start >= 0, start < lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map(Array.init)
        func keyAt(_ line: [Character], _ index: Int) -> Bool {
            spellings.contains { spelling in
                guard index + spelling.count <= line.count, Array(line[index..<index + spelling.count]) == spelling else { return false }
                let rest = line[(index + spelling.count)...].drop { $0 == " " }
                return rest.first == ":"
            }
        }
        // Flow style: `{a: 1, a: 2}` on one line.
        let firstLine = lines[start]
        var index = column + 1
        while index < firstLine.count {
            if keyAt(firstLine, index), index > 0, [",", "{", " "].contains(firstLine[index - 1]) {
                return (first.line, index + 1)
            }
            index += 1
        }
        for number in (start + 1)..<lines.count {
            let line = lines[number]
            let indent = line.prefix { $0 == " " }.count
            if indent == line.count || line.dropFirst(indent).first == "#" { continue }
            if indent < column { return nil }
            if indent == column, keyAt(line, column) { return (number + 1, column + 1) }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int, text: String = "") -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let explained = YAMLProblem.explain(problem, context: context?.text ?? "", contextMark: context?.mark, mark: mark, in: text)
            return .error(explained.message, at: at(explained.mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; the mistake is usually the second one.
            let second = duplicates.first.flatMap { secondOccurrence(of: $0, after: context.mark, in: text) }
                ?? (context.mark.line, context.mark.column)
            return .error(.yamlDuplicateKey(keys: duplicates),
                          at: SourceLocation(file: file, line: second.line + lineOffset, column: second.column))
        case .reader(let problem, let offset, let value, _):
            // libyaml gives the byte offset of the bad character (a control character, invalid UTF-8).
            let (line, column) = lineAndColumn(ofByte: offset ?? 0, in: text)
            let character = (value >= 0 && value < 0x20) || value == 0x7F ? "U+\(String(value, radix: 16, uppercase: true))" : nil
            return .error(.yamlBadCharacter(problem: problem, character: character),
                          at: SourceLocation(file: file, line: line + lineOffset, column: column))
        default:
            return .error(.yamlUnreadable(detail: "\(error)"), at: SourceLocation(file: file))
        }
    }
}
