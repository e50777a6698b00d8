/// Renders one editor page: a template of `Templates/editor/` with the words of
/// the locale files and the context a form model builds. Labelled fields carry
/// their problems next to them (`aria-describedby`); an error summary links to
/// each field. Everything from data is escaped by the template.
struct EditorView {
    /// A problem shown by a field: a catalogue message in the editor's language, never a line number.
    struct Problem {
        var text: String
        var warning = false
        var context: [String: Any] { ["text": text, "warning": warning] }
    }

    /// The session's CSRF token, put into every form.
    let token: String
    let language: MessageLanguage
    let loaded: EditorTemplates.Loaded

    func t(_ key: String) -> String { loaded.strings[key] ?? key }

    /// A locale string with `{name}` placeholders filled in.
    func fill(_ key: String, _ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.reduce(t(key)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// What every page's template may print: the words (`t`), the language, the token and the editor's root.
    func context(title: String) -> [String: Any] {
        ["t": loaded.strings, "lang": language.rawValue, "csrf": token, "root": Editor.root, "page_title": title]
    }

    func render(_ template: String, _ context: [String: Any], status: Int = 200) -> HTTPResponse {
        .html(status, loaded.renderer.render(context, template: template) ?? "")
    }

    /// A page of a heading and paragraphs (not found, refusals, a saved report).
    /// `saved`: the paragraphs announce a saved file (`role="status"`).
    func message(title: String, _ paragraphs: [String], status: Int, saved: Bool = false) -> HTTPResponse {
        var context = context(title: title)
        context["paragraphs"] = paragraphs
        context["saved"] = saved
        return render("editor/message", context, status: status)
    }

    func notFound() -> HTTPResponse { message(title: t("editor_not_found"), [], status: 404) }

    /// `m.1.1.status` → `f-m-1-1-status`: a valid, stable element id.
    static func id(_ field: String) -> String {
        "f-" + String(field.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// A field's context: its name, id, value, problems, and `attributes` — what ties the control
    /// to its label, hint and problems (`id`, `name`, `aria-describedby`, `aria-invalid`, `required`),
    /// escaped, for `<input {{{attributes}}}>`.
    func field(_ name: String, value: String = "", problems: [Problem], required: Bool = false) -> [String: Any] {
        let id = Self.id(name), invalid = problems.contains { !$0.warning }
        var attributes = "id=\"\(id)\" name=\"\(HTML.escape(name))\" aria-describedby=\"\(id)-hint \(id)-problems\""
        if invalid { attributes += " aria-invalid=\"true\"" }
        if required { attributes += " required" }
        return ["name": name, "id": id, "value": value, "required": required, "invalid": invalid,
                "problems": problems.map(\.context), "attributes": attributes]
    }

    /// A diagnostic of the loader or the linker as the editor shows it: the catalogue's text
    /// in the editor's language, with its severity; the line it names is in a file the person
    /// does not see, so it is left out (the message stands by the field the line came from).
    func problem(_ diagnostic: Diagnostic) -> Problem {
        let kind = t(diagnostic.severity == .error ? "editor_error" : "editor_warning")
        return Problem(text: "\(kind): \(diagnostic.message(language))", warning: diagnostic.severity == .warning)
    }

    func problem(_ message: Message) -> Problem {
        Problem(text: "\(t("editor_error")): \(message.text(language))")
    }

    /// Every problem of a form by field: the form's own (found before there is a file) first, then the check's.
    func problems(_ own: [(field: String, message: Message)], _ outcome: EditorCheck.Outcome?) -> [String: [Problem]] {
        var byField: [String: [Problem]] = [:]
        for (field, message) in own { byField[field, default: []].append(problem(message)) }
        for (field, diagnostics) in outcome?.byField ?? [:] { byField[field, default: []] += diagnostics.map(problem) }
        return byField
    }

    /// The list of problems at the top of a form that was not saved (errors only), each linked to its field;
    /// then the errors in other content files, which stop the save too. `false` when there is none.
    func summary(_ byField: [String: [Problem]], elsewhere: [Diagnostic]) -> Any {
        var items: [[String: Any]] = []
        for field in byField.keys.sorted() {
            for problem in byField[field]! where !problem.warning {
                items.append(["text": problem.text, "target": field.isEmpty ? "main" : Self.id(field)])
            }
        }
        for diagnostic in elsewhere.prefix(20) {
            items.append(["text": diagnostic.description(language), "target": false])
        }
        return items.isEmpty ? false : ["items": items] as [String: Any]
    }

    /// The answer to checking as you type: problems by field, the rendered preview, errors elsewhere.
    func checkJSON(_ byField: [String: [Problem]], preview: String?, elsewhere: [Diagnostic]) -> HTTPResponse {
        var object: [String: Any] = ["fields": byField.mapValues { $0.map(\.context) },
                                     "elsewhere": elsewhere.map { $0.description(language) }]
        if let preview { object["preview"] = preview }
        return EditorJSON.response(object)
    }
}
