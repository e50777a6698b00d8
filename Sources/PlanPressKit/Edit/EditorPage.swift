/// The editor's HTML: one layout, labelled fields with their problems next to
/// them (`aria-describedby`), an error summary that links to each field.
/// Interface in Ukrainian, like the site; everything from data escaped.
struct EditorPage {
    struct Listing {
        var updates: [(slug: String, title: String, date: String, state: String)]
        var reports: [(file: String, title: String, plan: String, period: String, reporter: String)]
    }

    /// The session's CSRF token, put into every form.
    let token: String

    static func e(_ text: String) -> String { HTML.escape(text) }

    /// `m.1.1.status` → `m-1-1-status`: a valid, stable element id.
    static func id(_ field: String) -> String {
        "f-" + String(field.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    func layout(title: String, status: Int = 200, _ main: String) -> HTTPResponse {
        .html(status, """
        <!DOCTYPE html>
        <html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.e(title)) — редактор PlanPress</title><meta name="csrf-token" content="\(Self.e(token))">
        <link rel="stylesheet" href="\(Editor.root)assets/editor.css"><script src="\(Editor.root)assets/editor.js" defer></script></head>
        <body><a class="skip" href="#main">Перейти до форми</a>
        <header><nav aria-label="Редактор"><ul><li><a href="\(Editor.root)">Усі новини і звіти</a></li><li><a href="\(Editor.root)updates/new">Нова новина</a></li><li><a href="\(Editor.root)reports/new">Новий звіт</a></li></ul></nav>
        <p class="note">Редактор працює лише в попередньому перегляді (<code>planpress serve</code>) і записує файли в Content/.</p></header>
        <main id="main" tabindex="-1"><h1>\(Self.e(title))</h1>
        \(main)</main></body></html>

        """)
    }

    func index(_ listing: Listing) -> HTTPResponse {
        let updates = listing.updates.map { update in
            ["<a href=\"\(Editor.root)updates/\(Self.e(update.slug))\">\(Self.e(update.title))</a>", update.date, update.state]
        }
        let reports = listing.reports.map { report in
            [report.title.isEmpty ? report.file : report.title, report.plan, report.period, report.reporter].map(Self.e)
        }
        let html = section("Новини", new: "updates/new", action: "Створити новину", empty: "Новин ще немає.",
                           caption: "Новини: опубліковані, заплановані і чернетки", columns: ["Заголовок", "Дата", "Стан"], rows: updates)
            + section("Звіти про виконання", new: "reports/new", action: "Створити звіт", empty: "Звітів ще немає.",
                      caption: "Звіти про виконання", columns: ["Звіт", "План", "Період", "Хто звітує"], rows: reports)
        return layout(title: "Редактор новин і звітів", html)
    }

    /// A heading, a link to a new entry and a table of the entries (cells already HTML).
    private func section(_ heading: String, new: String, action: String, empty: String, caption: String,
                         columns: [String], rows: [[String]]) -> String {
        var html = "<h2>\(heading)</h2><p><a class=\"button\" href=\"\(Editor.root)\(new)\">\(action)</a></p>"
        guard !rows.isEmpty else { return html + "<p>\(empty)</p>" }
        html += "<div class=\"scroll\"><table><caption>\(caption)</caption><thead><tr>"
        html += columns.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead><tbody>"
        html += rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined()
        return html + "</tbody></table></div>"
    }

    func notFound() -> HTTPResponse {
        layout(title: "Сторінку не знайдено", status: 404, "<p><a href=\"\(Editor.root)\">До списку новин і звітів</a></p>")
    }

    /// One diagnostic as the editor shows it: the same message as `planpress check`, with its line.
    static func message(_ diagnostic: Diagnostic) -> String {
        let kind = diagnostic.severity == .error ? "Помилка" : "Попередження"
        let line = diagnostic.location.map { $0.line > 0 ? " (рядок \($0.line))" : "" } ?? ""
        return "\(kind)\(line): \(diagnostic.message)"
    }

    /// The list of problems at the top of a form that was not saved.
    static func summary(_ outcome: EditorCheck.Outcome, extra: [(field: String, text: String)] = []) -> String {
        var items: [String] = extra.map { "<li><a href=\"#\(id($0.field))\">\(e($0.text))</a></li>" }
        for field in outcome.byField.keys.sorted() {
            for diagnostic in outcome.byField[field]! where diagnostic.severity == .error {
                let target = field.isEmpty ? "main" : id(field)
                items.append("<li><a href=\"#\(target)\">\(e(message(diagnostic)))</a></li>")
            }
        }
        for diagnostic in outcome.elsewhere.prefix(20) {
            items.append("<li>\(e(diagnostic.description))</li>")
        }
        guard !items.isEmpty else { return "" }
        return "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"summary\"><h2>Файл не записано: виправте помилки</h2><ul>\(items.joined())</ul></div>"
    }

    /// A labelled control with its hint and its problems.
    /// `control` gets the attributes that tie it to them (id, name, aria-*).
    static func field(_ name: String, label: String, hint: String? = nil, problems: [String], required: Bool = false,
                      _ control: (String) -> String) -> String {
        let id = id(name)
        var described = [id + "-problems"]
        if hint != nil { described.insert(id + "-hint", at: 0) }
        var attributes = "id=\"\(id)\" name=\"\(e(name))\" aria-describedby=\"\(described.joined(separator: " "))\""
        if !problems.isEmpty { attributes += " aria-invalid=\"true\"" }
        if required { attributes += " required" }
        let mark = required ? " <span class=\"required\">(обов'язково)</span>" : ""
        var html = "<div class=\"field\" data-field=\"\(e(name))\"><label for=\"\(id)\">\(e(label))\(mark)</label>"
        if let hint { html += "<p class=\"hint\" id=\"\(id)-hint\">\(e(hint))</p>" }
        html += control(attributes)
        html += "<div class=\"problems\" id=\"\(id)-problems\" data-problems=\"\(e(name))\">"
        html += problems.map { "<p>\(e($0))</p>" }.joined()
        html += "</div></div>"
        return html
    }

    static func problems(_ outcome: EditorCheck.Outcome?, _ field: String) -> [String] {
        (outcome?.byField[field] ?? []).map(message)
    }

    func hiddenToken() -> String { "<input type=\"hidden\" name=\"_csrf\" value=\"\(Self.e(token))\">" }
}
