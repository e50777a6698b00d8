import Foundation

/// The monitoring-report form: the report's head (plan, period, reporter,
/// dates, title, summary, methodology), a table of the plan's measures with a
/// status, a narrative and evidence links each (and whether a reply is asked
/// for), and the plan's indicators with values and breakdowns. Saving writes
/// `Content/reports/<plan>/<period>-<reporter>.yaml` in the format of
/// docs/monitoring.md; a new report never replaces a file. The same form
/// opens an existing report (`reports/<id>`: saved over its own file, refused
/// when the file changed since it was opened) and writes a reply to another
/// report (`reports/reply/<id>`: one row per assessment of that report, each
/// with `reply_to`, a status optional) as a report of its own.
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
        let executor = UpdateForm.oneLine(form["reporter_executor"])
        if !executor.isEmpty { add("  executor: \(Self.token(executor))", "reporter_executor") }
        add("published: \(Self.token(form["published"].trimmingCharacters(in: .whitespaces)))", "published")
        let title = UpdateForm.oneLine(form["title"])
        if !title.isEmpty { add("title: \(Self.quoted(title))", "title") }
        text("summary", form["summary"], indent: "", field: "summary")
        text("methodology", form["methodology"], indent: "", field: "methodology")
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
            let replyTo = UpdateForm.oneLine(form[key + "reply_to"])
            guard !status.isEmpty || !narrative.isEmpty || !evidence.isEmpty else { continue }
            add("  - measure: \(Self.quoted(number))", key + "status")
            if !replyTo.isEmpty { add("    reply_to: \(Self.quoted(replyTo))", key + "narrative") }
            // A reply may give no status of its own; an assessment must (the loader says so).
            if !status.isEmpty || replyTo.isEmpty { add("    status: \(Self.token(status))", key + "status") }
            // `1` (the box ticked): the measure's body named first; an executor id kept from the opened file names its body.
            let requested = UpdateForm.oneLine(form[key + "reply_requested"])
            if !requested.isEmpty { add("    reply_requested: \(requested == "1" ? "true" : Self.token(requested))", key + "reply_requested") }
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
        let answers = Transliteration.slug(form["answers"], limit: 60)
        if let file = Self.editedFile(form["file"]) {
            draft.relativePath = file
        } else if !answers.isEmpty {
            // A reply is a report of its own, beside what it answers.
            draft.relativePath = "reports/\(planID)/\(reporter.isEmpty ? "reporter" : reporter)-reply-to-\(answers).yaml"
        } else {
            draft.relativePath = "reports/\(planID)/\(period.isEmpty ? "period" : period)-\(reporter.isEmpty ? "reporter" : reporter).yaml"
        }
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

    /// How the editor names a report to a person: its title, else who reported and for which period.
    static func name(of report: Report) -> String {
        report.title ?? "\(report.reporter.name), \(report.period.code)"
    }

    /// The file a form edits (`file`): a report's path under `reports/`, nothing else.
    static func editedFile(_ value: String) -> String? {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.first == "reports", value.hasSuffix(".yaml") || value.hasSuffix(".yml"),
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") }) else { return nil }
        return value
    }

    /// A report as loaded, with its file under `Content/`.
    func report(_ id: String) -> (report: Report, file: String)? {
        let (site, _) = editor.linked()
        guard let report = site?.reports.first(where: { $0.id == id }) else { return nil }
        let root = ContentFiles(root: editor.options.content).display("")
        let file = report.file.hasPrefix(root) ? String(report.file.dropFirst(root.count)) : report.file
        guard let relative = Self.editedFile(file.hasPrefix("/") ? String(file.dropFirst()) : file) else { return nil }
        return (report, relative)
    }

    /// The form's values for a report as it is: what the form shows when the report is opened.
    static func values(of report: Report) -> FormData {
        var values: [String: String] = [
            "plan": report.plan.raw, "period": report.period.code, "reporter_kind": report.reporter.kind.rawValue,
            "reporter_name": report.reporter.name, "reporter_executor": report.reporter.executor?.raw ?? "",
            "published": report.published.iso, "title": report.title ?? "", "summary": report.summary ?? "",
            "methodology": report.methodology ?? "",
        ]
        for entry in report.measures {
            let key = "m.\(entry.measure)."
            values[key + "status"] = entry.status?.rawValue ?? ""
            values[key + "narrative"] = entry.narrative ?? ""
            values[key + "evidence"] = entry.evidence.map { "\($0.title) | \($0.url)" }.joined(separator: "\n")
            values[key + "reply_to"] = entry.replyTo.map { "\($0.report)#\($0.measure)" } ?? ""
            values[key + "reply_requested"] = entry.replyRequest.map { $0.executor?.raw ?? "1" } ?? ""
        }
        for value in report.indicators {
            let key = "i.\(value.indicator)."
            values[key + "value"] = value.value.machine
            values[key + "date"] = value.date.iso
            values[key + "unit"] = value.unit ?? ""
            values[key + "note"] = value.note ?? ""
            values[key + "breakdown"] = value.breakdown.map { "\($0.dimension) | \($0.group) | \($0.value.machine)" }.joined(separator: "\n")
        }
        var form = FormData()
        form.values = values.mapValues { [$0] }
        return form
    }

    /// `reports/<id>`: the report's form, filled from its file; saving writes the same file.
    func open(id: String) -> HTTPResponse {
        let id = id.hasSuffix("/") ? String(id.dropLast()) : id
        guard let (report, file) = report(id), let bytes = editor.read(file) else { return view.notFound() }
        // The form has one row per indicator: a report giving one indicator several values (dates) would lose
        // all but one on saving, so it is not opened; the file is edited as text instead.
        var seen = Set<String>()
        if let repeated = report.indicators.first(where: { !seen.insert($0.indicator).inserted }) {
            return view.message(title: view.t("editor_report_edit_title"),
                                [Message.editorReportNotEditable(path: "Content/\(file)", indicator: repeated.indicator).text(view.language)], status: 409)
        }
        var form = Self.values(of: report)
        form.values["file"] = [file]
        form.values["stamp"] = [Editor.stamp(bytes)]
        return page(values: form, plan: report.plan.raw, outcome: nil)
    }

    /// `reports/reply/<id>`: a reply to report `id`: one row per assessment it gives.
    func reply(to id: String) -> HTTPResponse {
        let id = id.hasSuffix("/") ? String(id.dropLast()) : id
        guard let (report, _) = report(id) else { return view.notFound() }
        var form = FormData()
        form.values = ["plan": [report.plan.raw], "period": [report.period.code], "answers": [report.id],
                       "published": [BuildDate.today().iso],
                       "reporter_kind": [report.reporter.kind == .official ? Reporter.Kind.civilSociety.rawValue : Reporter.Kind.official.rawValue]]
        for entry in report.measures where entry.status != nil { form.values["m.\(entry.measure).reply_to"] = ["\(report.id)#\(entry.measure)"] }
        return page(values: form, plan: report.plan.raw, outcome: nil)
    }

    /// The plan's choice when no (known) plan is given, else the report form for the plan.
    func page(values form: FormData, plan planID: String?, outcome: EditorCheck.Outcome?, status: Int = 200,
              problems own: [(field: String, message: Message)] = []) -> HTTPResponse {
        let graph = editor.linked().1
        let planID = planID ?? (form["plan"].isEmpty ? nil : form["plan"])
        let editing = Self.editedFile(form["file"]) != nil, answers = form["answers"]
        let title = editing ? "editor_report_edit_title" : (answers.isEmpty ? "editor_report_new_title" : "editor_report_reply_title")
        var context = view.context(title: view.t(title))
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
        context["file"] = editing ? form["file"] : ""
        context["file_path"] = editing ? "Content/" + form["file"] : ""
        context["stamp"] = form["stamp"]
        context["answers"] = answers
        context["editing"] = editing
        // Replying: only the answered report's assessments, each shown above its reply.
        let answered = answers.isEmpty ? nil : graph?.site.reports.first { $0.id == answers }
        context["replying"] = answers.isEmpty ? false : view.fill("editor_report_reply_intro", ["report": answered.map(Self.name(of:)) ?? answers])
        var kind = field("reporter_kind", required: true)
        kind["options"] = options("reporter_kind", Self.kinds.map { ($0.rawValue, view.t("editor_reporter_\($0.rawValue)")) })
        context["f"] = [
            "period": field("period", required: true), "reporter_kind": kind, "reporter_name": field("reporter_name", required: true),
            "published": field("published", required: true), "title": field("title"), "summary": field("summary"),
            "methodology": field("methodology"), "reporter_executor": field("reporter_executor"),
        ] as [String: Any]
        let statusOptions = Self.statuses.map { ($0.rawValue, view.t("status_\($0.rawValue)")) }
        let rows = index.measures.filter { node in answered.map { $0.measures.contains { $0.measure == node.measure.number && $0.status != nil } } ?? true }
        context["measures"] = rows.map { node -> [String: Any] in
            let key = "m.\(node.measure.number)."
            let text = node.measure.text
            var status = field(key + "status")
            status["options"] = options(key + "status", statusOptions)
            var requested = field(key + "reply_requested")
            requested["checked"] = !form[key + "reply_requested"].isEmpty
            requested["value"] = form[key + "reply_requested"].isEmpty ? "1" : form[key + "reply_requested"]
            var row: [String: Any] = ["number": node.measure.printedNumber ?? node.measure.number,
                                      "text": text.count > 220 ? String(text.prefix(220)) + "…" : text,
                                      "status": status, "narrative": field(key + "narrative"), "evidence": field(key + "evidence"),
                                      "reply_to": ["name": key + "reply_to", "value": form[key + "reply_to"]] as [String: Any],
                                      "reply_requested": requested, "assessment": false]
            if let entry = answered?.measures.first(where: { $0.measure == node.measure.number }), let code = entry.status {
                row["assessment"] = ["reporter": answered!.reporter.name, "status": view.t("status_\(code.rawValue)"),
                                     "narrative": entry.narrative ?? ""] as [String: Any]
            }
            return row
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
        let editing = Self.editedFile(form["file"]) != nil
        // In this process one save of a file at a time; across processes the content folder's lock that
        // `planpress import report` takes, so an import and a save never both pass the check and then clash.
        return editor.serialised([relative]) {
            ContentFileCreation.withLockedFolder(content: editor.options.content, folder: "reports") { _ in
                saveLocked(form, draft: draft, editing: editing)
            } onFailure: { reason in
                page(values: form, plan: form["plan"], outcome: nil, status: 500,
                     problems: [("", .editorCannotWrite(path: "Content/\(relative)", reason: reason))])
            }
        }
    }

    /// Compares the file with what the form opened, checks the whole site with the draft laid over it in
    /// memory (the loader and linker of `check`, as an import does), then writes through a temporary file.
    private func saveLocked(_ form: FormData, draft: Draft, editing: Bool) -> HTTPResponse {
        let relative = draft.relativePath
        let outcome = editor.check.run(file: relative, lines: draft.lines)
        var problems = draft.problems
        let current = editor.read(relative)
        if editing {
            // Saved over its own file, unless someone changed it since the form was opened.
            guard let current, Editor.stamp(current) == form["stamp"] else {
                problems.append(("", .editorFileChanged(path: "Content/\(relative)")))
                return page(values: form, plan: form["plan"], outcome: outcome, status: 409, problems: problems)
            }
        } else if current != nil {
            problems.append(("reporter_name", exists(form, path: "Content/\(relative)")))
            return page(values: form, plan: form["plan"], outcome: outcome, status: 409, problems: problems)
        }
        if outcome.hasErrors || !outcome.elsewhere.isEmpty || !problems.isEmpty {
            return page(values: form, plan: form["plan"], outcome: outcome, status: 422, problems: problems)
        }
        do throws(EditorError) {
            try editor.write(Array(draft.lines.map { $0.text + "\n" }.joined().utf8), to: relative, mode: editing ? .replace : .create)
        } catch .exists(let path) {
            return page(values: form, plan: form["plan"], outcome: outcome, status: 409, problems: [("reporter_name", exists(form, path: path))])
        } catch {
            return page(values: form, plan: form["plan"], outcome: outcome, status: 500, problems: [("", error.message)])
        }
        return view.message(title: view.t("editor_report_saved_title"),
                            [view.fill("editor_report_saved", ["path": "Content/\(relative)"])], status: 200, saved: true)
    }

    /// A new report's or reply's file name is taken (by an earlier save, or one sent at the same time).
    private func exists(_ form: FormData, path: String) -> Message {
        form["answers"].isEmpty ? .editorReportExists(path: path) : .editorReplyExists(path: path)
    }

    func check() -> HTTPResponse {
        let form = request.form
        let index = plan(form["plan"], in: editor.linked().1)
        let draft = draft(form, plan: index)
        let outcome = editor.check.run(file: draft.relativePath, lines: draft.lines)
        return view.checkJSON(view.problems(draft.problems, outcome), preview: nil, elsewhere: outcome.elsewhere)
    }
}
