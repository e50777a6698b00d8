import Foundation

/// The update form: open a file into it, check it as you type, save it as the
/// file `planpress new update` writes (`NewUpdate`), never over a file that
/// changed on disk since it was opened; photos kept across a failed save and
/// inserted into the text; unpublish and delete (into `Content/_trash/`).
struct UpdateForm {
    let request: EditorRequest
    var editor: Editor { request.editor }
    var view: EditorView { request.view }

    init(_ request: EditorRequest) { self.request = request }

    /// What the form holds (field names are the form's `name`s, docs/editor.md).
    struct Values {
        var title = "", date = "", summary = "", author = "", items = "", tags = "", coverAlt = "", coverImage = "", body = ""
        var draft = true
        /// Set when editing a file: its slug and the stamp of its bytes when opened.
        var slug = "", stamp = ""
        /// A new update's form: its id (a second save of the same form makes no second file).
        var form = ""
        var upload: FormData.File?
        /// A cover chosen before a save that failed, kept by the editor (`EditorStore`).
        var pendingCover = ""
        /// Photos inserted into the text, kept by the editor until the update is saved.
        var pendingPhotos: [String] = []
        /// A photo to insert into the text, and its description.
        var photo: FormData.File?
        var photoAlt = ""

        init() {}

        init(form data: FormData) {
            title = data["title"]
            date = data["date"].trimmingCharacters(in: .whitespaces)
            summary = data["summary"]
            author = data["author"]
            items = data["items"]
            tags = data["tags"]
            coverAlt = data["cover_alt"]
            coverImage = data["cover_image"]
            body = data["body"]
            draft = data["draft"] == "true"
            slug = data["slug"]
            stamp = data["stamp"]
            form = data["form"]
            upload = data.files["cover"].flatMap { $0.bytes.isEmpty ? nil : $0 }
            pendingCover = data["pending_cover"]
            pendingPhotos = data.all("pending_photo").filter { !$0.isEmpty }
            photo = data.files["photo"].flatMap { $0.bytes.isEmpty ? nil : $0 }
            photoAlt = data["photo_alt"]
        }

        /// What was typed, as one stamp (a second save of the same form with the same text is the same save).
        var typed: String {
            Editor.stamp(Array([title, date, summary, author, items, tags, coverAlt, coverImage, body, draft ? "1" : "0"]
                .joined(separator: "\u{0}").utf8))
        }

        init(update: Update, stamp: String) {
            title = update.title
            date = update.date.iso
            summary = update.summary ?? ""
            author = update.author ?? ""
            items = update.items.map(\.description).joined(separator: "\n")
            tags = update.tags.joined(separator: ", ")
            coverAlt = update.cover?.alt ?? ""
            coverImage = update.cover?.path ?? ""
            body = UpdateForm.normalised(update.markdown)
            draft = update.draft
            slug = update.slug
            self.stamp = stamp
        }
    }

    /// A would-be file: its lines, the photos to write with it, problems found before the loader.
    struct Draft {
        var update: NewUpdate?
        var lines: [(text: String, field: String)] = []
        var extra: [String: [UInt8]] = [:]
        var problems: [(field: String, message: Message)] = []
        /// The update is checked under a stand-in title (none usable was typed): it has no file name yet.
        var standIn = false
        var relativePath: String { "updates/\(update?.slug ?? "").md" }
    }

    /// Text areas send CRLF; files keep LF, no trailing blank lines.
    static func normalised(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        while text.hasSuffix("\n") || text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    /// The slug the form's file has or will have: the file's own when editing, else a free one
    /// made from the title (`freeSlug`: `-2`, `-3` … when the title's slug is taken).
    func slug(_ values: Values) -> String? {
        if !values.slug.isEmpty { return values.slug }
        guard let made = NewUpdate(title: Self.oneLine(values.title), date: CalendarDate(year: 2000, month: 1, day: 1)) else { return nil }
        return editor.freeSlug(made.slug)
    }

    /// The largest upload the editor accepts, in bytes, and in MB as announced.
    var maxUpload: Int { editor.options.maxUpload }
    var maxUploadMB: Int { maxUpload / 1024 / 1024 }

    /// A photo's file extension (from its bytes), or why it cannot be used.
    enum PhotoCheck {
        case success(String)
        case failure(Message)
    }

    /// The problem with an uploaded photo, or its file extension.
    func check(_ file: FormData.File) -> PhotoCheck {
        if file.bytes.count > maxUpload {
            return .failure(.editorImageTooLarge(filename: file.filename, megabytes: (file.bytes.count + 999_999) / 1_000_000, limit: maxUploadMB))
        }
        guard let ext = ImageBytes.fileExtension(file.bytes) else { return .failure(.editorNotAnImage(filename: file.filename)) }
        return .success(ext)
    }

    func draft(_ values: Values) -> Draft {
        var draft = Draft()
        let date = CalendarDate(iso: values.date)
        let someDate = date ?? CalendarDate(year: 2000, month: 1, day: 1)
        var update: NewUpdate
        if let titled = NewUpdate(title: Self.oneLine(values.title), date: someDate) {
            update = titled
        } else {
            // No usable title: said by its field, and every other field is still checked (under a
            // stand-in title that is never written), so one save shows all that needs fixing.
            draft.problems.append(("title", values.title.isEmpty ? .editorTitleMissing : .titleWithoutLetters))
            guard let standIn = NewUpdate(title: "Новина", date: someDate) else { return draft }
            update = standIn
            draft.standIn = true
        }
        if !values.slug.isEmpty {
            guard IDRules.isValid(values.slug) else {
                draft.problems.append(("title", .editorSlugInvalid(slug: values.slug)))
                return draft
            }
            update.slug = values.slug
        } else {
            update.slug = editor.freeSlug(update.slug)
        }
        let summary = Self.oneLine(values.summary)
        update.summary = summary.isEmpty ? nil : summary
        let author = Self.oneLine(values.author)
        update.author = author.isEmpty ? nil : author
        update.items = Self.normalised(values.items).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        update.tags = values.tags.split(separator: ",").map { Self.oneLine(String($0)) }.filter { !$0.isEmpty }
        update.draft = values.draft
        let body = Self.normalised(values.body)
        update.body = body.isEmpty ? "Текст новини." : body
        let alt = Self.oneLine(values.coverAlt)
        let kept = editor.store.upload(values.pendingCover)
        if let upload = values.upload ?? kept.map({ FormData.File(filename: $0.filename, bytes: $0.bytes) }) {
            switch check(upload) {
            case .success(let ext):
                let path = "updates/images/\(update.slug).\(ext)"
                update.cover = (path, alt)
                draft.extra[path] = PhotoPrivacy.stripped(upload.bytes)   // no GPS or camera serial in Content/ (docs/updates.md, «Photos»)
            case .failure(let message):
                draft.problems.append(("cover", message))
            }
        } else if !values.coverImage.isEmpty {
            update.cover = (values.coverImage, alt)
        } else if !alt.isEmpty {
            draft.problems.append(("cover", .editorAltWithoutImage))
        }
        // Photos inserted into the text: written with the update while the text still shows them.
        for id in values.pendingPhotos {
            if let photo = editor.store.upload(id), let path = photo.path, body.contains("(\(path))") { draft.extra[path] = PhotoPrivacy.stripped(photo.bytes) }
        }
        var lines = update.lines
        if date == nil, let index = lines.firstIndex(where: { $0.field == "date" }) {
            // Let the loader say what is wrong with the date, in its own words.
            lines[index].text = "date: \(update.yamlQuoted(values.date))"
        }
        draft.update = update
        draft.lines = lines
        return draft
    }

    func outcome(_ draft: Draft) -> EditorCheck.Outcome? {
        guard let update = draft.update else { return nil }
        var outcome = editor.check.run(file: draft.relativePath, lines: draft.lines, extra: draft.extra, asOf: update.date)
        // Dated after the site's as-of date: said by the date field, as `build` says it in the terminal.
        if let asOf = outcome.asOf, asOf < update.date {
            outcome.byField["date", default: []].append(.warning(.scheduledUpdate(title: update.title, date: update.date, asOf: asOf), at: nil))
        }
        return outcome
    }

    // MARK: Pages

    func new() -> HTTPResponse {
        var values = Values()
        values.date = BuildDate.today().iso
        values.form = Editor.randomHex()
        return page(values: values, outcome: nil)
    }

    /// `updates/<slug>`: the form with the file; `?confirm=delete` or `?confirm=unpublish` asks first.
    func open(slug: String) -> HTTPResponse {
        let slug = slug.hasSuffix("/") ? String(slug.dropLast()) : slug
        guard IDRules.isValid(slug), let bytes = editor.read("updates/\(slug).md") else { return view.notFound() }
        let (site, graph) = editor.linked()
        guard let update = site?.updates.first(where: { $0.slug == slug }), !update.readWithErrors else {
            return view.message(title: view.t("editor_update_unreadable"),
                                [view.fill("editor_update_unreadable_text", ["path": "Content/updates/\(slug).md"])], status: 500)
        }
        let stamp = Editor.stamp(bytes)
        switch request.query["confirm"] {
        case "delete": return confirm(.delete, update: update, stamp: stamp)
        case "unpublish" where !update.draft: return confirm(.unpublish, update: update, stamp: stamp)
        default: break
        }
        let values = Values(update: update, stamp: stamp)
        var extra: [String: Any] = [:]
        let path = "Content/updates/\(slug).md"
        switch true {
        case request.query["saved"] == "1": extra["saved"] = view.fill("editor_saved", ["path": path])
        case request.query["unpublished"] == "1": extra["saved"] = view.fill("editor_unpublished", ["path": path])
        default: break
        }
        if extra["saved"] != nil, let graph {
            extra["view_url"] = graph.routes.path(for: .update(slug))
            if !update.draft {
                let text = [update.title, update.summary ?? "", graph.routes.url(for: .update(slug))].filter { !$0.isEmpty }
                extra["share"] = ["text": text.joined(separator: "\n\n")]
            }
        }
        return page(values: values, outcome: outcome(draft(values)), extra: extra, summary: false)
    }

    /// The form with `values`, the problems found (by their fields, and in a summary unless
    /// `summary` is false: a file just opened shows only what is next to its fields).
    func page(values: Values, outcome: EditorCheck.Outcome?, status: Int = 200,
              problems own: [(field: String, message: Message)] = [], extra: [String: Any] = [:], summary: Bool = true) -> HTTPResponse {
        let editing = !values.slug.isEmpty
        let byField = view.problems(own, outcome)
        var context = view.context(title: view.t(editing ? "editor_update_edit_title" : "editor_update_new_title"))
        context["error_summary"] = summary ? view.summary(byField, elsewhere: outcome?.elsewhere ?? []) : false
        context["editing"] = editing
        context["slug"] = values.slug
        context["stamp"] = values.stamp
        context["form_id"] = values.form
        let slug = self.slug(values)
        context["file"] = slug.map { "Content/updates/\($0).md" } ?? false
        context["cover_image"] = values.coverImage.isEmpty ? false : values.coverImage
        if let kept = editor.store.upload(values.pendingCover) {
            context["pending_cover"] = ["id": values.pendingCover, "text": view.fill("editor_cover_kept", ["file": kept.filename])]
        } else {
            context["pending_cover"] = false
        }
        context["pending_photos"] = values.pendingPhotos.filter { editor.store.upload($0) != nil }
        context["accept"] = "image/jpeg,image/png,image/gif,image/webp,image/avif,image/heic,image/heif,.heic,.heif"
        context["max_upload"] = maxUpload
        context["upload_hint"] = view.fill("editor_cover_file_hint", ["limit": "\(maxUploadMB)"])
        context["too_large"] = view.fill("editor_file_too_large", ["limit": "\(maxUploadMB)"])
        func field(_ name: String, _ value: String, required: Bool = false) -> [String: Any] {
            view.field(name, value: value, problems: byField[name] ?? [], required: required)
        }
        var draftField = field("draft", "true")
        draftField["checked"] = values.draft
        context["f"] = [
            "title": field("title", values.title, required: true), "date": field("date", values.date, required: true),
            "summary": field("summary", values.summary), "author": field("author", values.author),
            "items": field("items", values.items), "tags": field("tags", values.tags),
            "cover": field("cover", ""), "cover_alt": field("cover_alt", values.coverAlt), "body": field("body", values.body),
            "photo": field("photo", ""), "photo_alt": field("photo_alt", values.photoAlt), "draft": draftField,
        ] as [String: Any]
        context["preview"] = Self.previewHTML(slug.flatMap { outcome?.graph?.updateHTML[$0] } ?? "")
        context["as_of"] = asOfContext(return: editing ? "updates/\(values.slug)" : "updates/new")
        context["actions"] = editing ? [
            "delete_url": "\(Editor.root)updates/\(values.slug)?confirm=delete",
            "unpublish_url": values.draft ? false : "\(Editor.root)updates/\(values.slug)?confirm=unpublish",
        ] as [String: Any] : false
        context.merge(extra) { _, new in new }
        return view.render("editor/update", context, status: status)
    }

    /// Which date the site is «as of» and what that means for a new update; a button that moves it to today.
    func asOfContext(return path: String) -> Any {
        guard let settings = SiteSettings.read(contentFolder: editor.options.content) else { return false }
        let today = BuildDate.today()
        var context: [String: Any] = ["date": settings.asOf.iso, "build_date": settings.asOfIsBuildDate]
        if settings.asOfIsBuildDate {
            context["text"] = view.fill("editor_as_of_build_date", ["date": settings.asOf.iso])
            context["move"] = false
        } else {
            context["text"] = view.fill("editor_as_of_fixed", ["date": settings.asOf.iso])
            let stamp = editor.read("site.yaml").map(Editor.stamp) ?? ""
            context["move"] = settings.asOf == today ? false : [
                "label": view.fill("editor_as_of_move", ["today": today.iso]), "site_stamp": stamp, "return": path,
            ] as [String: Any]
        }
        return context
    }

    // MARK: Saving

    func save() -> HTTPResponse {
        var values = Values(form: request.form)
        if request.form["action"] == "insert_photo" { return insertPhotoPage(&values) }
        let draft = draft(values)
        guard let update = draft.update, draft.problems.isEmpty else {
            return failed(&values, outcome: outcome(draft), status: 422, problems: draft.problems)
        }
        let relative = draft.relativePath
        let editing = !values.slug.isEmpty
        let text = Array(update.text.utf8)
        return editor.serialised([relative] + draft.extra.keys) {
            if !editing, let saved = editor.store.savedAs(form: values.form) {
                // The same form again (a second click, or Back and save): the same text is the save that
                // already happened; anything else would make a second file.
                if saved.stamp == values.typed {
                    return .redirect(to: "\(Editor.root)updates/\(saved.path.dropFirst("updates/".count).dropLast(3))?saved=1", status: 303)
                }
                return failed(&values, outcome: nil, status: 409, problems: [("title", .editorAlreadySaved(path: "Content/\(saved.path)"))])
            }
            if editing {
                guard let current = editor.read(relative) else { return view.notFound() }
                if Editor.stamp(current) != values.stamp { return conflict(&values, relative: relative, slug: update.slug) }
            } else if editor.read(relative) != nil {
                return failed(&values, outcome: outcome(draft), status: 409, problems: [("title", .editorUpdateExists(path: "Content/\(relative)"))])
            }
            let outcome = outcome(draft)
            if outcome?.hasErrors ?? true || !(outcome?.elsewhere.isEmpty ?? true) {
                return failed(&values, outcome: outcome, status: 422)
            }
            do throws(EditorError) {
                // A cover replaced while editing keeps its name; a photo of the text is always new.
                for (path, bytes) in draft.extra.sorted(by: { $0.key < $1.key }) {
                    try editor.write(bytes, to: path, mode: editing && path.hasPrefix("updates/images/\(update.slug).") ? .replace : .create)
                }
                try editor.write(text, to: relative, mode: editing ? .replace : .create)
            } catch .exists(let path) {
                return failed(&values, outcome: outcome, status: 409, problems: [("title", .editorUpdateExists(path: path))])
            } catch {
                return failed(&values, outcome: outcome, status: 500, problems: [("title", error.message)])
            }
            editor.store.markSaved(form: values.form, path: relative, stamp: values.typed)
            editor.store.forget([values.pendingCover] + values.pendingPhotos)
            return .redirect(to: "\(Editor.root)updates/\(update.slug)?saved=1", status: 303)
        }
    }

    /// The form again after a save that wrote nothing: what was typed, and the chosen files kept
    /// by the editor (a browser never sends a file field back), so nothing has to be chosen again.
    private func failed(_ values: inout Values, outcome: EditorCheck.Outcome?, status: Int,
                        problems: [(field: String, message: Message)] = [], extra: [String: Any] = [:]) -> HTTPResponse {
        keepUploads(&values)
        return page(values: values, outcome: outcome, status: status, problems: problems, extra: extra)
    }

    private func keepUploads(_ values: inout Values) {
        if let upload = values.upload, case .success(let ext) = check(upload) {
            values.pendingCover = editor.store.keep(.init(filename: upload.filename, bytes: upload.bytes, ext: ext, path: nil))
            values.upload = nil
        }
    }

    /// The text's HTML for the editor's preview: photos of `Content/updates/images/` are shown
    /// from the editor (`images/<name>`), as the page would show them once built.
    static func previewHTML(_ html: String) -> String {
        html.replacingOccurrences(of: "<img src=\"updates/images/", with: "<img src=\"\(Editor.root)images/")
    }

    /// The form as it was sent, with a notice, nothing saved (after moving the site's date).
    func again(notice: String) -> HTTPResponse {
        var values = Values(form: request.form)
        keepUploads(&values)
        return page(values: values, outcome: outcome(draft(values)), extra: ["saved": notice], summary: false)
    }

    /// The file changed on disk since the form was opened: nothing written, the form kept as sent.
    private func conflict(_ values: inout Values, relative: String, slug: String) -> HTTPResponse {
        failed(&values, outcome: nil, status: 409, extra: [
            "conflict": view.fill("editor_conflict_text", ["path": "Content/\(relative)"]),
            "open_url": "\(Editor.root)updates/\(slug)",
        ])
    }

    func check() -> HTTPResponse {
        let values = Values(form: request.form)
        let draft = draft(values)
        let outcome = outcome(draft)
        let slug = draft.standIn ? nil : draft.update?.slug
        var response = view.checkJSON(view.problems(draft.problems, outcome), preview: Self.previewHTML(slug.flatMap { outcome?.graph?.updateHTML[$0] } ?? ""),
                                      elsewhere: outcome?.elsewhere ?? [])
        response = EditorJSON.adding(["file": slug.map { "Content/updates/\($0).md" } ?? ""], to: response)
        return response
    }

    // MARK: Photos in the text

    /// Keeps the chosen photo and gives the Markdown that shows it; problems by field otherwise.
    enum Inserted {
        case success((id: String, markdown: String))
        case failure([(field: String, message: Message)])
    }

    func insertPhoto(_ values: Values) -> Inserted {
        var problems: [(field: String, message: Message)] = []
        let alt = Self.oneLine(values.photoAlt)
        guard let photo = values.photo else { return .failure([("photo", .editorPhotoMissing)]) }
        var ext = ""
        switch check(photo) {
        case .success(let found): ext = found
        case .failure(let message): problems.append(("photo", message))
        }
        if alt.isEmpty { problems.append(("photo_alt", .editorPhotoAltMissing)) }
        guard problems.isEmpty else { return .failure(problems) }
        let path = editor.freePhotoPath(slug: slug(values) ?? "photo", ext: ext)
        let id = editor.store.keep(.init(filename: photo.filename, bytes: photo.bytes, ext: ext, path: path))
        let escaped = alt.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        return .success((id, "![\(escaped)](\(path))"))
    }

    /// Without the script: «Вставити в текст» sends the whole form; the photo is added at the end of the text.
    private func insertPhotoPage(_ values: inout Values) -> HTTPResponse {
        switch insertPhoto(values) {
        case .success(let inserted):
            values.pendingPhotos.append(inserted.id)
            let body = Self.normalised(values.body)
            values.body = body.isEmpty ? inserted.markdown : body + "\n\n" + inserted.markdown
            values.photoAlt = ""
            keepUploads(&values)
            return page(values: values, outcome: outcome(draft(values)), extra: ["saved": view.t("editor_photo_inserted")], summary: false)
        case .failure(let problems):
            return failed(&values, outcome: nil, status: 422, problems: problems)
        }
    }

    /// With the script: `updates/photo` answers JSON, and the script puts the Markdown where the cursor is.
    func photo() -> HTTPResponse {
        switch insertPhoto(Values(form: request.form)) {
        case .success(let inserted):
            return EditorJSON.response(["id": inserted.id, "markdown": inserted.markdown, "fields": [String: Any]()])
        case .failure(let problems):
            return view.checkJSON(view.problems(problems, nil), preview: nil, elsewhere: [])
        }
    }
}
