/// Splits `---\nYAML\n---\nbody` into its parts.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML (the opening `---`), to offset YAML line numbers.
    var yamlLineOffset: Int
    var body: String
    /// 1-based line where the body starts.
    var bodyLine: Int

    static func split(_ text: String) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first, first.trimmingSpaces() == "---" else { return nil }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces() == "---" }) else {
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: close + 2)
    }
}
