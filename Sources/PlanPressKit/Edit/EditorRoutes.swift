import Foundation

/// One page or action of the editor: a method, a path below `/_edit/` (a
/// trailing `*` matches the rest of the path), and what answers it.
///
/// Adding a page (docs/editor.md, «Adding a page»): a template in
/// `Templates/editor/`, its words in the locale files (`editor_…`), a small
/// form model that builds the template's context and checks and writes the
/// file, and its lines in `Editor.routes` below. POST routes get the form
/// only after the origin, session and CSRF token are checked.
struct EditorRoute: Sendable {
    enum Method: Sendable { case get, post }
    let method: Method
    let path: String
    let answer: @Sendable (EditorRequest) -> HTTPResponse

    static func get(_ path: String, _ answer: @escaping @Sendable (EditorRequest) -> HTTPResponse) -> EditorRoute {
        EditorRoute(method: .get, path: path, answer: answer)
    }

    static func post(_ path: String, _ answer: @escaping @Sendable (EditorRequest) -> HTTPResponse) -> EditorRoute {
        EditorRoute(method: .post, path: path, answer: answer)
    }
}

/// What a route gets: the editor, the request, its form (empty for GET), the
/// page renderer with the session's token, and what a `*` in the route matched.
struct EditorRequest {
    let editor: Editor
    let http: HTTPRequest
    let view: EditorView
    let form: FormData
    let rest: String
    var query: [String: String] { http.query }
}

extension Editor {
    /// Every page and action of the editor. Keep each area's routes together.
    static let routes: [EditorRoute] = [
        // The list of updates and reports, and the item search's list.
        .get("") { EditorIndex($0).page() },
        .get("items.json") { EditorIndex($0).itemsJSON() },
        .get("images/*") { EditorIndex($0).image(String($0.rest)) },
        // Press updates (UpdateForm).
        .get("updates/new") { UpdateForm($0).new() },
        .get("updates/*") { UpdateForm($0).open(slug: $0.rest) },
        .post("updates/save") { UpdateForm($0).save() },
        .post("updates/check") { UpdateForm($0).check() },
        .post("updates/photo") { UpdateForm($0).photo() },
        .post("updates/unpublish") { UpdateForm($0).unpublish() },
        .post("updates/delete") { UpdateForm($0).delete() },
        // The site's as-of date (site.yaml).
        .post("site/as-of") { SiteDateForm($0).moveToToday() },
        // Monitoring reports (ReportForm).
        .get("reports/new") { ReportForm($0).new() },
        .post("reports/save") { ReportForm($0).save() },
        .post("reports/check") { ReportForm($0).check() },
        // A plan from its Word table (PlanImportForm).
        .get("plans/import") { PlanImportForm($0).page() },
        .post("plans/import/read") { PlanImportForm($0).read() },
        .post("plans/import/save") { PlanImportForm($0).save() },
    ]
}

/// `/_edit/`: every update (published, scheduled, draft) and every report.
struct EditorIndex {
    let request: EditorRequest
    init(_ request: EditorRequest) { self.request = request }

    func page() -> HTTPResponse {
        let view = request.view
        let (site, _) = request.editor.linked()
        var context = view.context(title: view.t("editor_index_title"))
        let updates = (site?.updates ?? []).sorted { ($0.date, $0.slug) > ($1.date, $1.slug) }.map { update -> [String: Any] in
            let state = update.draft ? "editor_state_draft"
                : (site!.settings.asOf < update.date ? "editor_state_scheduled" : "editor_state_published")
            return ["title": update.readWithErrors ? update.slug : update.title, "date": update.readWithErrors ? "" : update.date.iso, "state": view.t(state),
                    "edit_url": Editor.root + "updates/" + update.slug]
        }
        let reports = (site?.reports ?? []).sorted { ($0.published, $0.id) > ($1.published, $1.id) }.map { report -> [String: Any] in
            ["title": report.title ?? report.id, "plan": report.plan.description, "period": report.period.code,
             "reporter": report.reporter.name]
        }
        context["updates"] = updates
        context["has_updates"] = !updates.isEmpty
        context["reports"] = reports
        context["has_reports"] = !reports.isEmpty
        context["as_of"] = UpdateForm(request).asOfContext(return: "")
        return view.render("editor/index", context)
    }

    /// `images/<name>`: a photo of `Content/updates/images/` (or one chosen in a form, not saved yet),
    /// for the live preview of the text; only pictures by their bytes, never anything else.
    func image(_ name: String) -> HTTPResponse {
        let path = "updates/images/" + name
        let kept = request.editor.store.upload(path: path)?.bytes
        guard !name.contains("/"), let bytes = kept ?? request.editor.read(path),
              let kind = ImageKind(sniffing: bytes) else { return request.view.notFound() }
        return HTTPResponse(status: 200, contentType: "image/\(kind.rawValue)", body: bytes)
    }

    func itemsJSON() -> HTTPResponse {
        EditorJSON.response(request.editor.items(request.view).map { ["ref": $0.ref, "label": $0.label] })
    }
}

enum EditorJSON {
    static func response(_ object: Any) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: Array(data))
    }

    /// The same JSON object answer with more keys.
    static func adding(_ more: [String: Any], to response: HTTPResponse) -> HTTPResponse {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] else { return response }
        object.merge(more) { _, new in new }
        return Self.response(object)
    }
}
