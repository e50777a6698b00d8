/// Splits `---\nYAML\n---\nbody` into its parts.
struct FrontMatter {
    var yaml: String
    /// Lines before the YAML (the opening `---`), to offset YAML line numbers.
    var yamlLineOffset: Int
    var body: String
    /// 1-based line where the body starts.
    var bodyLine: Int

    /// Lines are found on the UTF-8 bytes (not by splitting the text into
    /// `Character`s and joining it again); a `\r` before the newline is allowed
    /// on the `---` lines, so files saved with Windows line ends work.
    static func split(_ text: String) -> FrontMatter? {
        let utf8 = text.utf8
        /// The line starting at `start`: its end (before the newline) and where the next line starts.
        func line(from start: String.Index) -> (end: String.Index, next: String.Index?) {
            guard let newline = utf8[start...].firstIndex(of: 0x0A) else { return (utf8.endIndex, nil) }
            return (newline, utf8.index(after: newline))
        }
        func isDelimiter(_ start: String.Index, _ end: String.Index) -> Bool {
            var line = text[start..<end]
            if line.utf8.last == 0x0D { line = line[..<line.utf8.index(before: line.utf8.endIndex)] }
            return line.trimmingSpaces() == "---"
        }
        let first = line(from: utf8.startIndex)
        guard isDelimiter(utf8.startIndex, first.end), let yamlStart = first.next else { return nil }
        var start = yamlStart
        var number = 1  // 0-based index of the line at `start`
        while true {
            let current = line(from: start)
            if current.next == nil && start == utf8.endIndex { return nil }  // the empty last "line" after a final newline
            if isDelimiter(start, current.end) {
                let yaml = start == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: start)])
                var body = current.next.map { text[$0...] } ?? ""
                if body.utf8.last == 0x0A { body = body[..<body.utf8.index(before: body.utf8.endIndex)] }
                return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: String(body), bodyLine: number + 2)
            }
            guard let next = current.next else { return nil }
            start = next
            number += 1
        }
    }
}
