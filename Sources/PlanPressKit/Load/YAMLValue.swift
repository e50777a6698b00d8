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
    var kindName: String { kind.text(.en) }

    /// Parses a YAML document; a syntax error becomes a diagnostic with its position.
    static func parse(_ text: String, file: String, lineOffset: Int = 0, sink: DiagnosticSink) -> YAMLValue? {
        do {
            // The basic resolver: every value is read from its text as written (`MappingReader`),
            // so YAML 1.1 type guessing — a set of regular expressions per plain scalar — is skipped.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return YAMLValue(node: Node("", .implicit), file: file, lineOffset: lineOffset)
            }
            return YAMLValue(node: node, file: file, lineOffset: lineOffset)
        } catch let error as YamlError {
            sink.append(YAMLValue.diagnostic(for: error, file: file, lineOffset: lineOffset, text: text))
        } catch {
            sink.error(.yamlUnreadable(detail: "\(error)"), at: SourceLocation(file: file))
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
            return .error(.yamlDuplicateKey(keys: duplicates), at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.yamlNotUTF8(problem: problem), at: SourceLocation(file: file))
        default:
            return .error(.yamlUnreadable(detail: "\(error)"), at: SourceLocation(file: file))
        }
    }
}
