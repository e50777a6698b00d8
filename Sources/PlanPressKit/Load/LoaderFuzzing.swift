/// One entry point into every content loader, for the fuzzer (`Fuzz/`, `make fuzz`):
/// the first byte picks the loader, the rest is the file's text. Whatever the
/// bytes, a loader must return (a value or diagnostics) — never crash or hang.
public enum LoaderFuzzing {
    public static let loaders = ["plan", "update", "commentary", "report", "executors", "settings", "term", "amount",
                                 "word-document", "word-xml", "xlsx-workbook", "xlsx-sheet"]

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
        case 9:
            // document.xml alone, put into an archive: the XML, the table and the import rather than inflate.
            var archive = ZipArchive()
            archive.add(WordReader.documentPart, Array(data.dropFirst()), deflate: false)
            return (try? archive.bytes()).map(PlanImport.fuzz) ?? 0
        case 10:
            // A whole workbook (`import report`'s reader), every sheet read within its limits.
            return workbook(Array(data.dropFirst()))
        default:
            // One sheet's XML in a fixed workbook: the sheet and string readers rather than inflate.
            var archive = ZipArchive()
            archive.add("xl/workbook.xml", Self.workbookXML)
            archive.add("xl/_rels/workbook.xml.rels", Self.workbookRelationships)
            archive.add("xl/worksheets/sheet1.xml", Array(data.dropFirst()), deflate: false)
            return (try? archive.bytes()).map(workbook) ?? 0
        }
        // Every message must print safely.
        return sink.diagnostics.map(\.description).count
    }

    /// Reads a workbook as `import report` does; a refusal's message must print safely.
    static func workbook(_ bytes: [UInt8]) -> Int {
        do {
            let book = try XLSXReader(bytes: bytes)
            return book.sheets.reduce(0) { $0 + $1.cells.values.reduce(0) { $0 + $1.count } + $1.merged.count + $1.formulasWithoutValue.count }
        } catch let error as XLSXReader.ReadError {
            return error.text.text(.uk).count
        } catch {
            return 1
        }
    }

    static let workbookXML = """
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="Звіт" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let workbookRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/></Relationships>
        """
}
