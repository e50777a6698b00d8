import Foundation

/// «Імпортувати план» (docs/import.md, «In the editor»): upload a Word document and choose the
/// plan's id; the editor reads it exactly as `planpress import plan` does (`PlanImport.prepare`),
/// shows the review list in the editor's language, and writes the files only when the person
/// confirms (`PlanImport.write`: never over a file, checked with the whole site, nothing kept on an
/// error). The uploaded bytes wait in the editor's store between the two steps. The same origin,
/// session, CSRF and size checks as every editor form.
struct PlanImportForm {
    let request: EditorRequest
    var editor: Editor { request.editor }
    var view: EditorView { request.view }

    init(_ request: EditorRequest) { self.request = request }

    /// The form's values (document, id, table, columns) as an import's options.
    func options(file: String, bytes: [UInt8], form: FormData) -> PlanImport.Options {
        var options = PlanImport.Options(file: file, bytes: bytes, id: form["id"].trimmingCharacters(in: .whitespaces),
                                         content: editor.options.content, templates: editor.options.templates)
        options.table = Int(form["table"].trimmingCharacters(in: .whitespaces))
        let columns = form["columns"].trimmingCharacters(in: .whitespaces)
        options.columns = columns.isEmpty ? nil : columns
        options.language = view.language
        return options
    }

    /// The field a refusal belongs to.
    static func field(of message: Message) -> String {
        switch message {
        case .wordImportInvalidID, .wordImportExists: return "id"
        case .wordImportColumnsOption, .wordImportColumns: return "columns"
        case .wordImportTableMissing, .wordImportNoRows: return "table"
        default: return "document"
        }
    }

    // MARK: Pages

    func page(_ form: FormData = FormData(), problems own: [(field: String, message: Message)] = [], status: Int = 200) -> HTTPResponse {
        var context = view.context(title: view.t("editor_plan_import_title"))
        let byField = view.problems(own, nil)
        func field(_ name: String, required: Bool = false) -> [String: Any] {
            view.field(name, value: form[name], problems: byField[name] ?? [], required: required)
        }
        context["document_hint"] = view.fill("editor_plan_import_document_hint", ["limit": "\(editor.options.maxDocument / 1024 / 1024)"])
        context["error_summary"] = own.isEmpty ? false : view.summary(byField, elsewhere: [])
        context["f"] = ["document": field("document", required: true), "id": field("id", required: true),
                        "table": field("table"), "columns": field("columns")] as [String: Any]
        return view.render("editor/plan-import", context, status: status)
    }

    /// Step 1: read the uploaded document and show what to review; nothing is written.
    func read() -> HTTPResponse {
        let form = request.form
        guard let file = form.files["document"], !file.bytes.isEmpty else {
            return page(form, problems: [("document", .editorPlanImportNoFile)], status: 422)
        }
        let name = (file.filename as NSString).lastPathComponent
        // Over the editor's limit the document is refused as the command refuses one over its own.
        guard file.bytes.count <= editor.options.maxDocument else {
            return page(form, problems: [("document", ArchiveError.archiveTooLarge(limit: editor.options.maxDocument).message(file: name))], status: 422)
        }
        switch PlanImport(options: options(file: name, bytes: file.bytes, form: form)).prepare() {
        case .failure(let failure):
            return page(form, problems: [(Self.field(of: failure.message), failure.message)], status: 422)
        case .success(let prepared):
            let upload = editor.store.keep(EditorStore.Upload(filename: name, bytes: file.bytes, ext: "docx", path: nil))
            return review(prepared, file: name, upload: upload, form: form)
        }
    }

    func review(_ prepared: PlanImport.Prepared, file: String, upload: String, form: FormData) -> HTTPResponse {
        var context = view.context(title: view.t("editor_plan_import_review_title"))
        let source = prepared.files.first { $0.path.hasSuffix(".txt") }.map { String(decoding: $0.bytes, as: UTF8.self).components(separatedBy: "\n") } ?? []
        context["found"] = view.fill("editor_plan_import_found", ["file": file, "title": prepared.title,
                                                                   "goals": "\(prepared.goals)", "measures": "\(prepared.measures)"])
        context["notes"] = prepared.notes.map { $0.text(view.language) }
        context["intro"] = view.fill("editor_plan_import_review_intro", ["id": prepared.id])
        context["sections"] = ReviewItem.Kind.allCases.compactMap { kind -> [String: Any]? in
            let items = prepared.review.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            return ["heading": Message.reviewSection(kind: kind).text(view.language), "items": items.map { item -> [String: Any] in
                let line = item.line.flatMap { $0 >= 1 && $0 <= source.count ? source[$0 - 1] : nil }
                    .map { PlanTableReader.excerpt(PlanText.clean($0)) }
                return ["line": item.line.map { view.fill("editor_plan_import_line", ["line": "\($0)"]) } ?? false,
                        "quote": line.flatMap { $0.isEmpty ? nil : $0 } ?? false,
                        "text": item.text.text(view.language)]
            }]
        }
        context["has_review"] = !prepared.review.isEmpty
        let merged = view.t("editor_plan_import_merged")
        context["outline"] = prepared.outline.map { item -> [String: Any] in
            ["number": item.number, "text": item.text, "goal": !item.isMeasure, "depth": "\(item.depth)",
             "responsible": item.responsibleMerged ? merged : item.responsible ?? "", "term": item.termMerged ? merged : item.term ?? "",
             "line": view.fill("editor_plan_import_line", ["line": "\(item.line)"])]
        }
        context["upload"] = upload
        context["id"] = prepared.id
        context["table"] = form["table"]
        context["columns"] = form["columns"]
        return view.render("editor/plan-import-review", context)
    }

    /// Step 2: the person confirmed; the same reading is written.
    func save() -> HTTPResponse {
        let form = request.form
        guard let upload = editor.store.upload(form["upload"]) else {
            return page(form, problems: [("document", .editorPlanImportExpired)], status: 422)
        }
        let importer = PlanImport(options: options(file: upload.filename, bytes: upload.bytes, form: form))
        let prepared: PlanImport.Prepared
        switch importer.prepare() {
        case .failure(let failure): return page(form, problems: [(Self.field(of: failure.message), failure.message)], status: 422)
        case .success(let value): prepared = value
        }
        // Every file must land inside Content/ (no folder on the way a link out of it).
        for path in prepared.files.map(\.path) where editor.contentPath(path) == nil {
            return page(form, problems: [("id", .editorPlanImportOutside(path: "Content/" + path))], status: 422)
        }
        let outcome = editor.serialised(prepared.files.map(\.path) + ["plans/\(prepared.id)"]) { importer.write(prepared) }
        guard outcome.succeeded else {
            return view.message(title: view.t("editor_plan_import_title"), outcome.errors, status: 422)
        }
        editor.store.forget([form["upload"]])
        var context = view.context(title: view.t("editor_plan_import_done_title"))
        context["done"] = view.fill("editor_plan_import_done", ["files": outcome.written.map { "Content/" + $0 }.joined(separator: ", ")])
        context["review_file"] = view.fill("editor_plan_import_review_file", ["path": "Content/" + importer.reviewPath])
        context["plan_url"] = editor.linked().1?.routes.path(for: .plan(PlanID(prepared.id))) ?? false
        return view.render("editor/plan-import-done", context)
    }
}
