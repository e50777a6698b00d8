import CYaml

/// Finds the first anchor or alias in a YAML text from libyaml's event stream, before anything
/// is composed. Composing is where an alias bomb explodes: Yams shares an aliased node, and its
/// duplicate-key check hashes a mapping key that is an alias — ten levels of ten aliases is
/// 10^10 nodes hashed before the composed tree could be looked at. The event stream names
/// every anchor and alias once, where it is written, so this walk is linear in the text.
///
/// `CYaml` is the libyaml that Yams builds and links; it is imported here (not a second copy
/// from the system) so both parse with the same code.
enum YAMLAnchors {
    /// Line and column (1-based, columns in characters as libyaml counts them) of the first
    /// anchor (`&name`) or alias (`*name`), or nil when there is none — or when the text has a
    /// syntax error before one (the composer then reports that error with its own position).
    static func first(in text: String) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            // Neither indicator anywhere: nothing to walk (the usual case, one pass over bytes).
            guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let anchored: Bool
                switch event.type {
                case YAML_ALIAS_EVENT: anchored = true
                case YAML_SCALAR_EVENT: anchored = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT: anchored = event.data.sequence_start.anchor != nil
                case YAML_MAPPING_START_EVENT: anchored = event.data.mapping_start.anchor != nil
                case YAML_STREAM_END_EVENT: return nil
                default: anchored = false
                }
                if anchored { return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1) }
            }
            return nil
        }
    }
}
