import Foundation

/// The monitoring-report form: the report's head (plan, period, reporter,
/// dates, title, summary), a table of the plan's measures with a status, a
/// narrative and evidence links each, and the plan's indicators with values
/// and breakdowns. Saving writes `Content/reports/<plan>/<period>-<reporter>.yaml`
/// in the format of docs/monitoring.md; a new report never replaces a file.
struct ReportForm {
    let editor: Editor

    static let statuses: [(MeasureStatusValue, String)] = [
        (.notStarted, "не розпочато"), (.inProgress, "виконується"), (.completed, "виконано"),
        (.partlyCompleted, "виконано частково"), (.notCompleted, "не виконано"), (.noInformation, "немає інформації"),
    ]
    static let kinds: [(Reporter.Kind, String)] = [
        (.official, "орган влади (офіційний звіт)"), (.civilSociety, "громадська організація (громадський моніторинг)"),
    ]

    struct Draft {
        var lines: [(text: String, field: String)] = []
        var relativePath = ""
        var problems: [(field: String, text: String)] = []
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
            draft.problems.append(("reporter_name", "Помилка: напишіть, хто звітує (як підписано звіт)"))
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
            draft.problems.append(("", "Помилка: звіт не містить жодного стану заходу чи значення показника: заповніть таблицю"))
        }
        draft.lines = out
        let period = Transliteration.slug(form["period"])
        let reporter = Transliteration.slug(UpdateForm.oneLine(form["reporter_name"]), limit: 40)
        draft.relativePath = "reports/\(planID)/\(period.isEmpty ? "period" : period)-\(reporter.isEmpty ? "reporter" : reporter).yaml"
        if index == nil { draft.problems.append(("plan", "Помилка: виберіть план зі списку")) }
        return draft
    }

    func plan(_ id: String, in graph: SiteGraph?) -> PlanIndex? {
        graph?.plans.first { $0.plan.id.description == id }
    }

    // MARK: Page

    func page(_ page: EditorPage, values form: FormData, plan planID: String?, outcome: EditorCheck.Outcome?, status: Int = 200,
              problems: [(field: String, text: String)] = []) -> HTTPResponse {
        let f = EditorPage.self
        let graph = editor.linked().1
        let planID = planID ?? (form["plan"].isEmpty ? nil : form["plan"])
        guard let planID, let index = plan(planID, in: graph) else {
            var html = "<form method=\"get\" action=\"\(Editor.root)reports/new\">"
            html += f.field("plan", label: "План, про виконання якого звіт", problems: planID == nil ? [] : ["Помилка: такого плану немає"], required: true) { attributes in
                "<select \(attributes)>" + (graph?.plans ?? []).map { "<option value=\"\(f.e($0.plan.id.description))\">\(f.e($0.plan.shortTitle))</option>" }.joined() + "</select>"
            }
            html += "<p><button type=\"submit\">Далі: заходи плану</button></p></form>"
            return page.layout(title: "Новий звіт про виконання", status: status, html)
        }
        func problemsOf(_ field: String) -> [String] {
            problems.filter { $0.field == field }.map(\.text) + f.problems(outcome, field)
        }
        func problemBlock(_ field: String) -> String {
            "<div class=\"problems\" id=\"\(f.id(field))-problems\" data-problems=\"\(f.e(field))\">" + problemsOf(field).map { "<p>\(f.e($0))</p>" }.joined() + "</div>"
        }
        func invalid(_ field: String) -> String { problemsOf(field).isEmpty ? "" : " aria-invalid=\"true\"" }
        var html = ""
        if let outcome { html += f.summary(outcome, extra: problems) } else if !problems.isEmpty { html += f.summary(EditorCheck.Outcome(), extra: problems) }
        html += "<p>План: <strong>\(f.e(index.plan.title))</strong> (<a href=\"\(Editor.root)reports/new\">вибрати інший план</a>)</p>"
        html += "<form method=\"post\" action=\"\(Editor.root)reports/save\" data-check=\"\(Editor.root)reports/check\" novalidate>"
        html += page.hiddenToken() + "<input type=\"hidden\" name=\"plan\" value=\"\(f.e(planID))\">"
        html += "<fieldset><legend>Про звіт</legend>"
        html += f.field("period", label: "Період", hint: "Рік (2026), півріччя (2026-H1) або квартал (2026-Q3).", problems: problemsOf("period"), required: true) {
            "<input type=\"text\" \($0) value=\"\(f.e(form["period"]))\">"
        }
        html += f.field("reporter_kind", label: "Хто звітує", problems: problemsOf("reporter_kind"), required: true) { attributes in
            "<select \(attributes)>" + Self.kinds.map { kind, label in
                "<option value=\"\(kind.rawValue)\"\(form["reporter_kind"] == kind.rawValue ? " selected" : "")>\(label)</option>"
            }.joined() + "</select>"
        }
        html += f.field("reporter_name", label: "Назва того, хто звітує", hint: "Як підписано звіт.", problems: problemsOf("reporter_name"), required: true) {
            "<input type=\"text\" \($0) value=\"\(f.e(form["reporter_name"]))\">"
        }
        html += f.field("published", label: "Дата публікації звіту", hint: "РРРР-ММ-ДД.", problems: problemsOf("published"), required: true) {
            "<input type=\"date\" \($0) value=\"\(f.e(form["published"]))\">"
        }
        html += f.field("title", label: "Назва звіту", problems: problemsOf("title")) { "<input type=\"text\" \($0) value=\"\(f.e(form["title"]))\">" }
        html += f.field("summary", label: "Підсумок", problems: problemsOf("summary")) { "<textarea rows=\"3\" \($0)>\(f.e(form["summary"]))</textarea>" }
        html += "</fieldset>"
        html += "<h2 id=\"measures-heading\">Заходи плану</h2><p class=\"hint\" id=\"measures-hint\">Заповніть лише заходи, про які звітуєте. Докази: по одному в рядку, «Назва | https://посилання».</p>"
        html += "<div class=\"scroll\"><table class=\"measures\" aria-labelledby=\"measures-heading\" aria-describedby=\"measures-hint\"><thead><tr><th scope=\"col\">Захід</th><th scope=\"col\">Стан</th><th scope=\"col\">Пояснення (Markdown)</th><th scope=\"col\">Докази</th></tr></thead><tbody>"
        for node in index.measures {
            let number = node.measure.number, key = "m.\(number)."
            let shown = node.measure.printedNumber ?? number
            html += "<tr><th scope=\"row\"><span class=\"number\">\(f.e(shown))</span> \(f.e(String(node.measure.text.prefix(220))))\(node.measure.text.count > 220 ? "…" : "")</th>"
            let statusID = f.id(key + "status")
            html += "<td><label class=\"cell-label\" for=\"\(statusID)\">Стан заходу \(f.e(shown))</label><select id=\"\(statusID)\" name=\"\(f.e(key))status\" aria-describedby=\"\(statusID)-problems\"\(invalid(key + "status"))><option value=\"\">— не вказано —</option>"
            for (value, label) in Self.statuses {
                html += "<option value=\"\(value.rawValue)\"\(form[key + "status"] == value.rawValue ? " selected" : "")>\(label)</option>"
            }
            html += "</select>\(problemBlock(key + "status"))</td>"
            for (name, label) in [("narrative", "Пояснення до заходу"), ("evidence", "Докази до заходу")] {
                let id = f.id(key + name)
                html += "<td><label class=\"cell-label\" for=\"\(id)\">\(label) \(f.e(shown))</label><textarea rows=\"2\" id=\"\(id)\" name=\"\(f.e(key + name))\" aria-describedby=\"\(id)-problems\"\(invalid(key + name))>\(f.e(form[key + name]))</textarea>\(problemBlock(key + name))</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
        if !index.indicators.isEmpty {
            html += "<h2>Значення показників</h2><p class=\"hint\">Заповніть лише показники, для яких є значення. Розподіл: по одному в рядку, «вимір | група | значення», напр. «sex | жінки | 1310» (виміри sex, age, place або свої).</p>"
            for node in index.indicators {
                let key = "i.\(node.indicator.id)."
                html += "<fieldset class=\"indicator\"><legend>Показник \(f.e(node.indicator.id)): \(f.e(String(node.indicator.text.prefix(200))))</legend><div class=\"row\">"
                html += f.field(key + "value", label: "Значення", problems: problemsOf(key + "value")) { "<input type=\"text\" inputmode=\"decimal\" \($0) value=\"\(f.e(form[key + "value"]))\">" }
                html += f.field(key + "date", label: "На дату", problems: problemsOf(key + "date")) { "<input type=\"date\" \($0) value=\"\(f.e(form[key + "date"]))\">" }
                html += f.field(key + "unit", label: "Одиниця", problems: problemsOf(key + "unit")) { "<input type=\"text\" \($0) value=\"\(f.e(form[key + "unit"]))\">" }
                html += "</div>"
                html += f.field(key + "note", label: "Примітка", problems: problemsOf(key + "note")) { "<input type=\"text\" \($0) value=\"\(f.e(form[key + "note"]))\">" }
                html += f.field(key + "breakdown", label: "Розподіл", problems: problemsOf(key + "breakdown")) { "<textarea rows=\"2\" class=\"mono\" \($0)>\(f.e(form[key + "breakdown"]))</textarea>" }
                html += "</fieldset>"
            }
        }
        html += "<p><button type=\"submit\">Зберегти звіт</button></p></form>"
        return page.layout(title: "Новий звіт про виконання", status: status, html)
    }

    // MARK: Saving

    func save(_ page: EditorPage, form: FormData) -> HTTPResponse {
        let graph = editor.linked().1
        let index = plan(form["plan"], in: graph)
        var draft = draft(form, plan: index)
        guard index != nil else { return self.page(page, values: form, plan: nil, outcome: nil, status: 422, problems: draft.problems) }
        let outcome = editor.check.run(file: draft.relativePath, lines: draft.lines)
        if editor.read(draft.relativePath) != nil {
            draft.problems.append(("reporter_name", "Помилка: Content/\(draft.relativePath) вже існує: цей звітувач уже має звіт за цей період; доповніть той файл"))
        }
        if outcome.hasErrors || !outcome.elsewhere.isEmpty || !draft.problems.isEmpty {
            return self.page(page, values: form, plan: form["plan"], outcome: outcome, status: 422, problems: draft.problems)
        }
        do {
            try editor.write(Array(draft.lines.map { $0.text + "\n" }.joined().utf8), to: draft.relativePath, mode: .create)
        } catch {
            return self.page(page, values: form, plan: form["plan"], outcome: outcome, status: 500, problems: [("", "Помилка: \(error)")])
        }
        let saved = "<div class=\"saved\" role=\"status\"><p>Звіт збережено: <code>Content/\(EditorPage.e(draft.relativePath))</code>. Сайт перебудовується.</p></div>"
        return page.layout(title: "Звіт збережено", saved + "<p><a href=\"\(Editor.root)\">До списку новин і звітів</a></p>")
    }

    func checkJSON(form: FormData) -> HTTPResponse {
        let index = plan(form["plan"], in: editor.linked().1)
        let draft = draft(form, plan: index)
        let outcome = editor.check.run(file: draft.relativePath, lines: draft.lines)
        var fields: [String: [String]] = [:]
        for (field, text) in draft.problems { fields[field, default: []].append(text) }
        for (field, diagnostics) in outcome.byField { fields[field, default: []] += diagnostics.map(EditorPage.message) }
        return EditorJSON.response(fields: fields, preview: nil, elsewhere: outcome.elsewhere.map(\.description))
    }
}
