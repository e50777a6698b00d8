import Foundation

/// The update form: open a file into it, check it as you type, save it as the
/// file `planpress new update` writes (`NewUpdate`), never over a file that
/// changed on disk since it was opened.
struct UpdateForm {
    let editor: Editor

    /// What the form holds (field names are the form's `name`s).
    struct Values {
        var title = "", date = "", summary = "", items = "", tags = "", coverAlt = "", coverImage = "", body = ""
        var draft = true
        /// Set when editing a file: its slug and the stamp of its bytes when opened.
        var slug = "", stamp = ""
        var upload: FormData.File?

        init() {}

        init(form: FormData) {
            title = form["title"]
            date = form["date"].trimmingCharacters(in: .whitespaces)
            summary = form["summary"]
            items = form["items"]
            tags = form["tags"]
            coverAlt = form["cover_alt"]
            coverImage = form["cover_image"]
            body = form["body"]
            draft = form["draft"] == "true"
            slug = form["slug"]
            stamp = form["stamp"]
            upload = form.files["cover"].flatMap { $0.bytes.isEmpty ? nil : $0 }
        }

        init(update: Update, stamp: String) {
            title = update.title
            date = update.date.iso
            summary = update.summary ?? ""
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

    /// A would-be file: its lines, the cover bytes to write with it, problems found before the loader.
    struct Draft {
        var update: NewUpdate?
        var lines: [(text: String, field: String)] = []
        var extra: [String: [UInt8]] = [:]
        var problems: [(field: String, text: String)] = []
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

    func draft(_ values: Values) -> Draft {
        var draft = Draft()
        let date = CalendarDate(iso: values.date)
        guard var update = NewUpdate(title: Self.oneLine(values.title), date: date ?? CalendarDate(year: 2000, month: 1, day: 1)) else {
            draft.problems.append(("title", values.title.isEmpty
                ? "Помилка: напишіть заголовок новини"
                : "Помилка: у заголовку немає літер чи цифр, з яких можна утворити назву файлу: напишіть заголовок словами"))
            return draft
        }
        if !values.slug.isEmpty {
            guard IDRules.isValid(values.slug) else {
                draft.problems.append(("title", "Помилка: назва файлу '\(values.slug)' неприпустима"))
                return draft
            }
            update.slug = values.slug
        }
        let summary = Self.oneLine(values.summary)
        update.summary = summary.isEmpty ? nil : summary
        update.items = Self.normalised(values.items).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        update.tags = values.tags.split(separator: ",").map { Self.oneLine(String($0)) }.filter { !$0.isEmpty }
        update.draft = values.draft
        let body = Self.normalised(values.body)
        update.body = body.isEmpty ? "Текст новини." : body
        let alt = Self.oneLine(values.coverAlt)
        if let upload = values.upload {
            if upload.bytes.count > editor.options.maxUpload {
                draft.problems.append(("cover", "Помилка: файл обкладинки більший за \(editor.options.maxUpload / 1024 / 1024) МБ: зменште його"))
            } else if let ext = ImageBytes.fileExtension(upload.bytes) {
                let path = "updates/images/\(update.slug).\(ext)"
                update.cover = (path, alt)
                draft.extra[path] = PhotoPrivacy.stripped(upload.bytes)   // no GPS or camera serial in Content/ (docs/updates.md, «Photos»)
            } else {
                draft.problems.append(("cover", "Помилка: файл «\(upload.filename)» не є зображенням JPEG, PNG, GIF, WebP чи AVIF (перевірено за вмістом файлу)"))
            }
        } else if !values.coverImage.isEmpty {
            update.cover = (values.coverImage, alt)
        } else if !alt.isEmpty {
            draft.problems.append(("cover", "Помилка: опис є, а зображення немає: виберіть файл обкладинки або зітріть опис"))
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
        return editor.check.run(file: draft.relativePath, lines: draft.lines, extra: draft.extra, asOf: update.date)
    }

    // MARK: Pages

    func open(_ page: EditorPage, slug: String, saved: Bool = false) -> HTTPResponse {
        let slug = slug.hasSuffix("/") ? String(slug.dropLast()) : slug
        guard IDRules.isValid(slug), let bytes = editor.read("updates/\(slug).md") else { return page.notFound() }
        let (site, _) = editor.linked()
        guard let update = site?.updates.first(where: { $0.slug == slug }) else {
            return page.layout(title: "Новину не вдалося прочитати", status: 500,
                               "<p>Файл Content/updates/\(EditorPage.e(slug)).md має помилки: виправте їх у файлі (див. <code>planpress check</code>).</p>")
        }
        let values = Values(update: update, stamp: Editor.stamp(bytes))
        let notice = saved ? "<div class=\"saved\" role=\"status\"><p>Збережено: <code>Content/updates/\(EditorPage.e(slug)).md</code>. Сайт перебудовується; <a href=\"\(Editor.root)\">до списку</a>.</p></div>" : ""
        return self.page(page, values: values, outcome: outcome(draft(values)), notice: notice, showOnlyWarnings: true)
    }

    func page(_ page: EditorPage, values: Values, outcome: EditorCheck.Outcome?, status: Int = 200,
              problems: [(field: String, text: String)] = [], notice: String = "", showOnlyWarnings: Bool = false) -> HTTPResponse {
        let f = EditorPage.self
        func problemsOf(_ field: String) -> [String] {
            problems.filter { $0.field == field }.map(\.text) + f.problems(outcome, field)
        }
        let editing = !values.slug.isEmpty
        var html = notice
        if !showOnlyWarnings, let outcome { html += f.summary(outcome, extra: problems) } else if !problems.isEmpty {
            html += f.summary(EditorCheck.Outcome(), extra: problems)
        }
        if editing { html += "<p>Файл: <code>Content/updates/\(f.e(values.slug)).md</code></p>" }
        html += "<form method=\"post\" action=\"\(Editor.root)updates/save\" enctype=\"multipart/form-data\" data-check=\"\(Editor.root)updates/check\" novalidate>"
        html += page.hiddenToken()
        html += "<input type=\"hidden\" name=\"slug\" value=\"\(f.e(values.slug))\"><input type=\"hidden\" name=\"stamp\" value=\"\(f.e(values.stamp))\">"
        html += f.field("title", label: "Заголовок", hint: editing ? "Назва файлу не зміниться." : "З заголовка утворюється назва файлу (латиницею).",
                        problems: problemsOf("title"), required: true) { "<input type=\"text\" \($0) value=\"\(f.e(values.title))\">" }
        html += f.field("date", label: "Дата", hint: "РРРР-ММ-ДД. Новина з'явиться на сайті, коли дата сайту (as_of) сягне цієї дати.",
                        problems: problemsOf("date"), required: true) { "<input type=\"date\" \($0) value=\"\(f.e(values.date))\">" }
        html += f.field("summary", label: "Короткий опис", hint: "Одне-два речення для списку новин і стрічки.",
                        problems: problemsOf("summary")) { "<textarea rows=\"2\" \($0)>\(f.e(values.summary))</textarea>" }
        html += f.field("items", label: "Пункти планів, про які новина", hint: "По одному в рядку, напр. measure:luhansk-wps-2026-2030/1.1. Пошук нижче додає пункт сюди.",
                        problems: problemsOf("items")) { "<textarea rows=\"4\" class=\"mono\" \($0)>\(f.e(values.items))</textarea>" }
        html += "<div class=\"item-search\" hidden><label for=\"item-search\">Знайти захід, ціль або показник</label>"
        html += "<input type=\"search\" id=\"item-search\" autocomplete=\"off\" aria-describedby=\"item-search-count\" data-items=\"\(Editor.root)items.json\">"
        html += "<p id=\"item-search-count\" class=\"hint\" aria-live=\"polite\"></p><ul class=\"item-results\" id=\"item-results\"></ul></div>"
        html += f.field("tags", label: "Теги", hint: "Через кому.", problems: problemsOf("tags")) { "<input type=\"text\" \($0) value=\"\(f.e(values.tags))\">" }
        html += "<fieldset><legend>Обкладинка</legend>"
        if !values.coverImage.isEmpty {
            html += "<p>Зараз: <code>\(f.e(values.coverImage))</code>. Новий файл замінить її.</p>"
        }
        html += "<input type=\"hidden\" name=\"cover_image\" value=\"\(f.e(values.coverImage))\">"
        html += f.field("cover", label: "Файл зображення", hint: "JPEG, PNG, GIF, WebP або AVIF, до \(editor.options.maxUpload / 1024 / 1024) МБ.",
                        problems: problemsOf("cover")) { "<input type=\"file\" accept=\"image/jpeg,image/png,image/gif,image/webp,image/avif\" \($0)>" }
        html += f.field("cover_alt", label: "Опис зображення", hint: "Обов'язковий, якщо є обкладинка: що на ньому, для людей, які його не бачать.",
                        problems: problemsOf("cover_alt")) { "<input type=\"text\" \($0) value=\"\(f.e(values.coverAlt))\">" }
        html += "</fieldset>"
        html += f.field("body", label: "Текст новини (Markdown)", hint: "Порожній рядок починає новий абзац. Посилання на пункт плану: [захід 1.1](measure:luhansk-wps-2026-2030/1.1).",
                        problems: problemsOf("body")) { "<textarea rows=\"14\" \($0)>\(f.e(values.body))</textarea>" }
        html += "<div class=\"field\"><input type=\"checkbox\" id=\"f-draft\" name=\"draft\" value=\"true\"\(values.draft ? " checked" : "") aria-describedby=\"f-draft-problems\"> <label for=\"f-draft\">Чернетка (не публікувати)</label><div class=\"problems\" id=\"f-draft-problems\" data-problems=\"draft\">\(problemsOf("draft").map { "<p>\(f.e($0))</p>" }.joined())</div></div>"
        html += "<p><button type=\"submit\">Зберегти</button></p></form>"
        let preview = outcome.flatMap { o in o.graph?.updateHTML[values.slug.isEmpty ? (draft(values).update?.slug ?? "") : values.slug] } ?? ""
        html += "<section aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">Так текст виглядатиме на сайті</h2><div id=\"preview\" class=\"preview\" aria-live=\"polite\">\(preview)</div></section>"
        return page.layout(title: editing ? "Редагування новини" : "Нова новина", status: status, html)
    }

    // MARK: Saving

    func save(_ page: EditorPage, form: FormData) -> HTTPResponse {
        let values = Values(form: form)
        let draft = draft(values)
        var problems = draft.problems
        guard let update = draft.update, problems.isEmpty else {
            return self.page(page, values: values, outcome: outcome(draft), status: 422, problems: problems)
        }
        let relative = draft.relativePath
        let editing = !values.slug.isEmpty
        if editing {
            guard let current = editor.read(relative) else { return page.notFound() }
            if Editor.stamp(current) != values.stamp {
                let notice = "<div class=\"summary\" role=\"alert\" id=\"conflict\"><h2>Файл змінено на диску</h2><p>Файл <code>Content/\(EditorPage.e(relative))</code> змінився після того, як ви відкрили його в редакторі, тож ваші зміни <strong>не записано</strong>, щоб не затерти чужу роботу. Скопіюйте потрібне з форми нижче, тоді <a href=\"\(Editor.root)updates/\(EditorPage.e(update.slug))\">відкрийте версію з диска</a> і внесіть зміни ще раз.</p></div>"
                return self.page(page, values: values, outcome: nil, status: 409, notice: notice)
            }
        } else if editor.read(relative) != nil {
            problems.append(("title", "Помилка: Content/\(relative) вже існує: відредагуйте ту новину або виберіть інший заголовок"))
        }
        let outcome = outcome(draft)
        if outcome?.hasErrors ?? true || !(outcome?.elsewhere.isEmpty ?? true) || !problems.isEmpty {
            return self.page(page, values: values, outcome: outcome, status: 422, problems: problems)
        }
        do {
            for (path, bytes) in draft.extra.sorted(by: { $0.key < $1.key }) {
                try editor.write(bytes, to: path, mode: editing ? .replace : .create)
            }
            try editor.write(Array(update.text.utf8), to: relative, mode: editing ? .replace : .create)
        } catch {
            return self.page(page, values: values, outcome: outcome, status: 500, problems: [("title", "Помилка: \(error)")])
        }
        return .redirect(to: "\(Editor.root)updates/\(update.slug)?saved=1", status: 303)
    }

    func checkJSON(form: FormData) -> HTTPResponse {
        let values = Values(form: form)
        let draft = draft(values)
        let outcome = outcome(draft)
        var fields: [String: [String]] = [:]
        for (field, text) in draft.problems { fields[field, default: []].append(text) }
        for (field, diagnostics) in outcome?.byField ?? [:] { fields[field, default: []] += diagnostics.map(EditorPage.message) }
        let preview = draft.update.flatMap { outcome?.graph?.updateHTML[$0.slug] } ?? ""
        return EditorJSON.response(fields: fields, preview: preview, elsewhere: outcome?.elsewhere.map(\.description) ?? [])
    }
}

enum EditorJSON {
    static func response(fields: [String: [String]], preview: String?, elsewhere: [String]) -> HTTPResponse {
        var object: [String: Any] = ["fields": fields, "elsewhere": elsewhere]
        if let preview { object["preview"] = preview }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array(data))
    }
}
