import Foundation

/// The monitoring-report form: the report's head (plan, period, reporter,
/// dates, title, summary), a table of the plan's measures with a status, a
/// narrative and evidence links each, and the plan's indicators with values
/// and breakdowns. Saving writes `Content/reports/<plan>/<period>-<reporter>.yaml`
/// in the format of docs/monitoring.md; a new report never replaces a file.
struct ReportForm {
    let request: EditorRequest
    var editor: Editor { request.editor }
    var view: EditorView { request.view }

    init(_ request: EditorRequest) { self.request = request }

    /// The statuses a report may give, in this order; labelled with the site's own words (`status_…`).
    static let statuses: [MeasureStatusValue] = [.notStarted, .inProgress, .completed, .partlyCompleted, .notCompleted, .noInformation]
    /// Labelled `editor_reporter_<kind>`.
    static let kinds: [Reporter.Kind] = [.official, .civilSociety]

    struct Draft {
        var lines: [(text: String, field: String)] = []
        var relativePath = ""
        var problems: [(field: String, message: Message)] = []
    }

    /// A value written as is when it is a plain token (dates, periods,
    /// statuses), else quoted: the loader then names what is wrong with it.
    static func token(_ text: String) -> String {
        !text.isEmpty && text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) ? text : quoted(text)
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func lines(of text: String) -> [String] {
        UpdateForm.normalised(text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func draft(_ form: FormData, plan index: PlanIndex?) -> Draft {
        var draft = Draft()
        var out: [(text: String, field: String)] = []
        func add(_ text: String, _ field: String = "") { out.append((text, field)) }
        /// `key: value`, or a block scalar for text of several lines.
        func text(_ key: String, _ value: String, indent: String, field: String) {
            let value = UpdateForm.normalised(value).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { return }
            if value.contains("\n") {
                add("\(indent)\(key): |", field)
                for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    add(line.isEmpty ? "" : "\(indent)  \(line)", field)
                }
            } else {
                add("\(indent)\(key): \(Self.quoted(value))", field)
            }
        }
        let planID = form["plan"]
        add("# Звіт про виконання плану; формат: docs/monitoring.md")
        add("plan: \(Self.token(planID))", "plan")
        add("period: \(Self.token(form["period"].trimmingCharacters(in: .whitespaces)))", "period")
        add("reporter:", "reporter_kind")
        add("  kind: \(Self.token(form["reporter_kind"]))", "reporter_kind")
        add("  name: \(Self.quoted(UpdateForm.oneLine(form["reporter_name"])))", "reporter_name")
        add("published: \(Self.token(form["published"].trimmingCharacters(in: .whitespaces)))", "published")
        let title = UpdateForm.oneLine(form["title"])
        if !title.isEmpty { add("title: \(Self.quoted(title))", "title") }
        text("summary", form["summary"], indent: "", field: "summary")
        if UpdateForm.oneLine(form["reporter_name"]).isEmpty {
            draft.problems.append(("reporter_name", .editorReporterMissing))
        }
        var measures: [(text: String, field: String)] = []
        var indicators: [(text: String, field: String)] = []
        swap(&out, &measures)
        for node in index?.measures ?? [] {
            let number = node.measure.number
            let key = "m.\(number)."
            let status = form[key + "status"]
            let narrative = form[key + "narrative"], evidence = Self.lines(of: form[key + "evidence"])
            guard !status.isEmpty || !narrative.isEmpty || !evidence.isEmpty else { continue }
            add("  - measure: \(Self.quoted(number))", key + "status")
            add("    status: \(Self.token(status))", key + "status")
            text("narrative", narrative, indent: "    ", field: key + "narrative")
            if !evidence.isEmpty {
                add("    evidence:", key + "evidence")
                for line in evidence {
                    let parts = line.split(separator: "|", omittingEmptySubsequences: false)
                    let url = parts.count > 1 ? parts.last!.trimmingCharacters(in: .whitespaces) : line
                    let title = parts.count > 1 ? parts.dropLast().joined(separator: "|").trimmingCharacters(in: .whitespaces) : ""
                    add("      - title: \(Self.quoted(title))", key + "evidence")
                    add("        url: \(Self.quoted(url))", key + "evidence")
                }
            }
        }
        swap(&out, &measures)
        swap(&out, &indicators)
        for node in index?.indicators ?? [] {
            let key = "i.\(node.indicator.id)."
            let value = form[key + "value"].trimmingCharacters(in: .whitespaces)
            let breakdown = Self.lines(of: form[key + "breakdown"])
            let date = form[key + "date"].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty || !breakdown.isEmpty || !date.isEmpty else { continue }
            add("  - indicator: \(Self.quoted(node.indicator.id))", key + "value")
            add("    value: \(Self.quoted(value))", key + "value")
            add("    date: \(Self.token(date))", key + "date")
            let unit = UpdateForm.oneLine(form[key + "unit"]), note = UpdateForm.oneLine(form[key + "note"])
            if !unit.isEmpty { add("    unit: \(Self.quoted(unit))", key + "unit") }
            if !note.isEmpty { add("    note: \(Self.quoted(note))", key + "note") }
            if !breakdown.isEmpty {
                add("    breakdown:", key + "breakdown")
                for line in breakdown {
                    let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    let cells = parts.count == 3 ? parts : ["", "", line]
                    add("      - {dimension: \(Self.quoted(cells[0])), group: \(Self.quoted(cells[1])), value: \(Self.quoted(cells[2]))}", key + "breakdown")
                }
            }
        }
        swap(&out, &indicators)
        if !measures.isEmpty {
            add("measures:", measures[0].field)
            out += measures
        }
        if !indicators.isEmpty {
            add("indicators:", indicators[0].field)
            out += indicators
        }
        if measures.isEmpty && indicators.isEmpty {
            draft.problems.append(("", .editorReportEmpty))
        }
        draft.lines = out
        let period = Transliteration.slug(form["period"])
        let reporter = Transliteration.slug(UpdateForm.oneLine(form["reporter_name"]), limit: 40)
        draft.relativePath = "reports/\(planID)/\(period.isEmpty ? "period" : period)-\(reporter.isEmpty ? "reporter" : reporter).yaml"
        if index == nil { draft.problems.append(("plan", .editorPlanNotChosen)) }
        return draft
    }

    func plan(_ id: String, in graph: SiteGraph?) -> PlanIndex? {
        graph?.plans.first { $0.plan.id.description == id }
    }

    // MARK: Pages

    func new() -> HTTPResponse {
        page(values: FormData(), plan: request.query["plan"], outcome: nil)
    }

    /// The plan's choice when no (known) plan is given, else the report form for the plan.
    func page(values form: FormData, plan planID: String?, outcome: EditorCheck.Outcome?, status: Int = 200,
              problems own: [(field: String, message: Message)] = []) -> HTTPResponse {
        let graph = editor.linked().1
        let planID = planID ?? (form["plan"].isEmpty ? nil : form["plan"])
        var context = view.context(title: view.t("editor_report_new_title"))
        guard let planID, let index = plan(planID, in: graph) else {
            let problems = planID.map { [view.problem(Message.editorPlanUnknown(plan: $0))] } ?? []
            var field = view.field("plan", problems: problems, required: true)
            field["options"] = (graph?.plans ?? []).map { ["value": $0.plan.id.description, "label": $0.plan.shortTitle, "selected": false] }
            context["f"] = ["plan": field] as [String: Any]
            return view.render("editor/report-plan", context, status: status)
        }
        let byField = view.problems(own, outcome)
        func field(_ name: String, required: Bool = false) -> [String: Any] {
            view.field(name, value: form[name], problems: byField[name] ?? [], required: required)
        }
        func options(_ name: String, _ values: [(String, String)]) -> [[String: Any]] {
            values.map { ["value": $0.0, "label": $0.1, "selected": form[name] == $0.0] }
        }
        context["error_summary"] = outcome == nil && own.isEmpty ? false : view.summary(byField, elsewhere: outcome?.elsewhere ?? [])
        context["plan"] = planID
        context["plan_title"] = index.plan.title
        var kind = field("reporter_kind", required: true)
        kind["options"] = options("reporter_kind", Self.kinds.map { ($0.rawValue, view.t("editor_reporter_\($0.rawValue)")) })
        context["f"] = [
            "period": field("period", required: true), "reporter_kind": kind, "reporter_name": field("reporter_name", required: true),
            "published": field("published", required: true), "title": field("title"), "summary": field("summary"),
        ] as [String: Any]
        let statusOptions = Self.statuses.map { ($0.rawValue, view.t("status_\($0.rawValue)")) }
        context["measures"] = index.measures.map { node -> [String: Any] in
            let key = "m.\(node.measure.number)."
            let text = node.measure.text
            var status = field(key + "status")
            status["options"] = options(key + "status", statusOptions)
            return ["number": node.measure.printedNumber ?? node.measure.number,
                    "text": text.count > 220 ? String(text.prefix(220)) + "…" : text,
                    "status": status, "narrative": field(key + "narrative"), "evidence": field(key + "evidence")]
        }
        context["has_indicators"] = !index.indicators.isEmpty
        context["indicators"] = index.indicators.map { node -> [String: Any] in
            let key = "i.\(node.indicator.id)."
            return ["indicator_id": node.indicator.id, "text": String(node.indicator.text.prefix(200)),
                    "value": field(key + "value"), "date": field(key + "date"), "unit": field(key + "unit"),
                    "note": field(key + "note"), "breakdown": field(key + "breakdown")]
        }
        return view.render("editor/report", context, status: status)
    }

    // MARK: Saving

    func save() -> HTTPResponse {
        let form = request.form
        let graph = editor.linked().1
        let index = plan(form["plan"], in: graph)
        let draft = draft(form, plan: index)
        guard index != nil else { return page(values: form, plan: nil, outcome: nil, status: 422, problems: draft.problems) }
        let relative = draft.relativePath
        return editor.serialised([relative]) {
            let outcome = editor.check.run(file: relative, lines: draft.lines)
            var problems = draft.problems
            if editor.read(relative) != nil {
                problems.append(("reporter_name", .editorReportExists(path: "Content/\(relative)")))
                return page(values: form, plan: form["plan"], outcome: outcome, status: 409, problems: problems)
            }
            if outcome.hasErrors || !outcome.elsewhere.isEmpty || !problems.isEmpty {
                return page(values: form, plan: form["plan"], outcome: outcome, status: 422, problems: problems)
            }
            do throws(EditorError) {
                try editor.write(Array(draft.lines.map { $0.text + "\n" }.joined().utf8), to: relative, mode: .create)
            } catch .exists(let path) {
                return page(values: form, plan: form["plan"], outcome: outcome, status: 409,
                            problems: [("reporter_name", .editorReportExists(path: path))])
            } catch {
                return page(values: form, plan: form["plan"], outcome: outcome, status: 500, problems: [("", error.message)])
            }
            return view.message(title: view.t("editor_report_saved_title"),
                                [view.fill("editor_report_saved", ["path": "Content/\(relative)"])], status: 200, saved: true)
        }
    }

    func check() -> HTTPResponse {
        let form = request.form
        let index = plan(form["plan"], in: editor.linked().1)
        let draft = draft(form, plan: index)
        let outcome = editor.check.run(file: draft.relativePath, lines: draft.lines)
        return view.checkJSON(view.problems(draft.problems, outcome), preview: nil, elsewhere: outcome.elsewhere)
    }
}
