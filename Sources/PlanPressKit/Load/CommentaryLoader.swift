/// Reads `commentary/**/*.md`: front matter naming the item, Markdown body.
enum CommentaryLoader {
    static func load(text: String, file: String, sink: DiagnosticSink) -> Commentary? {
        guard let parts = FrontMatter.split(text) else {
            sink.error(.commentaryWithoutFrontMatter,
                       at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        // Every problem of the front matter in one run (YAMLValue.parseRecovering).
        let (value, skipped) = YAMLValue.parseRecovering(parts.yaml, file: file, lineOffset: parts.yamlLineOffset, sink: sink)
        guard let value, let map = MappingReader(value, what: .commentaryFrontMatter, sink: sink) else { return nil }
        Markdown.checkBounds(parts.body, file: file, firstLine: parts.bodyLine, sink: sink)
        let aboutText = map.text("about", required: !skipped.contains("about"))
        let title = map.text("title")
        map.finish()
        guard let aboutText else { return nil }
        guard let about = ItemReference(parsing: aboutText) else {
            sink.error(.commentaryAboutNotAReference(text: aboutText),
                       at: map.keyLocation("about"))
            return nil
        }
        return Commentary(about: about, title: title, markdown: parts.body, file: file, bodyLine: parts.bodyLine,
                          location: map.keyLocation("about"))
    }
}
