/// One entry point into every content loader, for the fuzzer (`Fuzz/`, `make fuzz`):
/// the first byte picks the loader, the rest is the file's text. Whatever the
/// bytes, a loader must return (a value or diagnostics) — never crash or hang.
public enum LoaderFuzzing {
    public static let loaders = ["plan", "update", "commentary", "report", "executors", "settings", "term", "amount",
                                 "word-document", "word-xml"]

    /// Runs one input; returns the number of diagnostics (so the work is not optimised away).
    @discardableResult
    public static func run(_ data: [UInt8]) -> Int {
        guard let selector = data.first else { return 0 }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        let sink = DiagnosticSink()
        let file = "fuzz"
        switch Int(selector) % loaders.count {
        case 0:
            if let value = YAMLValue.parse(text, file: file, sink: sink) {
                _ = PlanLoader(sink: sink, folderID: "fuzz").load(value)
                _ = value.digest()
            }
        case 1:
            _ = UpdateLoader.load(text: text, file: file, slug: "fuzz", files: ContentFiles(root: "/nonexistent/planpress-fuzz"), sink: sink)
        case 2:
            _ = CommentaryLoader.load(text: text, file: file, sink: sink)
        case 3:
            if let value = YAMLValue.parse(text, file: file, sink: sink) { _ = ReportLoader.load(value, id: "fuzz", sink: sink) }
        case 4:
            if let value = YAMLValue.parse(text, file: file, sink: sink) { _ = ExecutorLoader.load(value, sink: sink) }
        case 5:
            if let value = YAMLValue.parse(text, file: file, sink: sink) { _ = SettingsLoader.load(value, sink: sink) }
        case 6:
            _ = TermParser.read(text, period: Period(from: 2024, to: 2026))
            _ = TermParser.read(text, period: Period(from: nil, to: nil))
        case 7:
            _ = Money(parsing: text).map { [$0.machine, $0.ukrainian] }
        case 8:
            // A whole .docx (the Word reader and the plan import, nothing written).
            return PlanImport.fuzz(Array(data.dropFirst()))
        default:
            // document.xml alone, put into an archive: the XML, the table and the import rather than inflate.
            var archive = ZipArchive()
            archive.add(WordReader.documentPart, Array(data.dropFirst()), deflate: false)
            return (try? archive.bytes()).map(PlanImport.fuzz) ?? 0
        }
        // Every message must print safely.
        return sink.diagnostics.map(\.description).count
    }
}
