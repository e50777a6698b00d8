/// Monitoring on pages: status counts with a bar, due and overdue lists, a
/// measure's status history and the reports side by side (docs/monitoring.md).
extension PageRenderer {
    /// `2026`, `I півріччя 2026`, `III квартал 2026` in the interface language.
    func periodLabel(_ period: ReportPeriod) -> String {
        let roman = ["I", "II", "III", "IV"]
        switch (period.kind, language) {
        case (.year, "en"): return "\(period.year)"
        case (.year, _): return "\(period.year) рік"
        case (.half, "en"): return "H\(period.part) \(period.year)"
        case (.half, _): return "\(roman[period.part - 1]) півріччя \(period.year) р."
        case (.quarter, "en"): return "Q\(period.part) \(period.year)"
        case (.quarter, _): return "\(roman[period.part - 1]) квартал \(period.year) р."
        }
    }

    /// A locale string with `{name}` placeholders filled in. A value that ends
    /// with a full stop (a Ukrainian date: «31 грудня 2026 р.») takes the place
    /// of the sentence's own, so «{date}.» does not print «р..».
    func fill(_ key: String, _ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.reduce(t(key)) { text, pair in
            let placeholder = "{\(pair.key)}"
            let filled = pair.value.hasSuffix(".")
                ? text.replacingEvery(placeholder + ".", with: placeholder) : text
            return filled.replacingEvery(placeholder, with: pair.value)
        }
    }

    /// A count of measures in each plan's own words: «19 пунктів», «41 захід», and for keys from
    /// plans whose levels differ «41 захід, 19 пунктів» (a plan's items are never called another
    /// plan's «заходи»). No keys: `fallback`'s word, else the interface's generic one.
    func itemCount(_ keys: [SiteGraph.MeasureKey], fallback: Level? = nil) -> String {
        // A level without count forms (`forms:`) has no correct plural of its own: the interface's word.
        func words(_ n: Int, _ level: Level) -> String { level.forms == nil ? count(n, "count_measures") : levelCount(n, level) }
        // Levels are counted together when they are written with the same words (one «захід» from a
        // plan with count forms and one without is still one word), apart when the words differ.
        func spelling(_ level: Level) -> [String] { [1, 2, 5].map { words($0, level).split(separator: "\u{00A0}", maxSplits: 1).dropFirst().joined() } }
        var levels: [Level] = []
        var spellings: [[String]] = []
        var counts: [Int] = []
        var groupOfPlan: [Int: Int] = [:]  // each plan's level spelt once, not once per measure
        for key in keys {
            if let i = groupOfPlan[key.plan] { counts[i] += 1; continue }
            let level = graph.plans[key.plan].plan.measureLevel
            let written = spelling(level)
            let i: Int
            if let found = spellings.firstIndex(of: written) {
                i = found
                counts[i] += 1
            } else {
                i = levels.count
                levels.append(level)
                spellings.append(written)
                counts.append(1)
            }
            groupOfPlan[key.plan] = i
        }
        guard !levels.isEmpty else { return fallback.map { words(0, $0) } ?? count(0, "count_measures") }
        return zip(counts, levels).map { words($0, $1) }.joined(separator: ", ")
    }

    func measureTerms(_ p: Int, _ measures: some Sequence<Int>) -> [(key: SiteGraph.MeasureKey, term: Term)] {
        measures.map { (SiteGraph.MeasureKey(plan: p, measure: $0), graph.plans[p].measures[$0].measure.term) }
    }

    // MARK: voices

    /// How a voice is named next to its status: by the reporter as it signs, the state body
    /// («Обласна державна адміністрація») as much as the organisation («Коаліція 1325»).
    func voiceLabel(_ reporter: Reporter) -> String { reporter.name }

    static let badgesShape = RecordShape(["voices", "disputed"])
    static let voiceBadgeShape = RecordShape(["first", "kind", "voice", "code", "label", "period"])

    /// A measure's badges (`partials/status-badges`): each voice's latest status side by side, and
    /// «оцінки розходяться» when they differ; `false` when no report mentions it.
    func statusBadges(_ key: SiteGraph.MeasureKey) -> Any {
        guard let voices = graph.monitoring.voices(key) else { return false }
        return Record(PageRenderer.badgesShape, [
            "voices": voices.all.enumerated().map { n, entry in
                Record(PageRenderer.voiceBadgeShape,
                       ["first": n == 0, "kind": entry.reporter.kind.rawValue, "voice": voiceLabel(entry.reporter),
                        "code": entry.status.rawValue, "label": t("status_\(entry.status.rawValue)"),
                        "period": "\(t("reporter_\(entry.reporter.kind.rawValue)")), \(periodLabel(entry.period))"])
            },
            "disputed": voices.disputed,
        ])
    }

    // MARK: counts and bar

    /// The anchor of a list on a list page (`overdue`, `official-completed` …),
    /// with `--<plan>` for one plan's part of an executor's list.
    static func listAnchor(_ list: String, plan: PlanID? = nil) -> String {
        plan.map { "\(list)--\($0)" } ?? list
    }

    static func listCode(_ kind: Reporter.Kind, _ status: MeasureStatusValue) -> String { "\(kind.rawValue)-\(status.rawValue)" }

    func listURL(_ scope: ListScope, _ list: String, plan: PlanID? = nil) -> String {
        routes.path(for: .lists(scope)) + "#" + PageRenderer.listAnchor(list, plan: plan)
    }

    /// A voice's heading over its counts: the reporter's name when one reporter gave every
    /// status counted (a state body as much as an organisation), else «Офіційні звіти» or
    /// «Громадський моніторинг».
    func voiceHeading(_ kind: Reporter.Kind, _ keys: [SiteGraph.MeasureKey]) -> String {
        let names = Set(keys.compactMap { graph.monitoring.voices($0)?.counted(kind)?.reporter.name })
        return names.count == 1 ? names.first! : t("voice_heading_\(kind.rawValue)")
    }

    /// Counts per status for each voice apart, each with its bar; every count
    /// links to the list it counts on the scope's list page.
    func statusSummary(_ measures: [(key: SiteGraph.MeasureKey, term: Term)], scope: ListScope) -> Context {
        let lists = graph.monitoring.lists(measures)
        let total = lists.all.count
        let totalText = itemCount(lists.all)
        let voices: [Context] = Reporter.Kind.allCases.compactMap { kind in
            guard lists.reported(kind) > 0 else { return nil }
            var segments = StatusChart.order.map {
                (StatusChart.Segment(code: $0.rawValue, label: t("status_\($0.rawValue)"), count: lists.list(kind, $0).count),
                 PageRenderer.listCode(kind, $0))
            }
            segments.append((StatusChart.Segment(code: "unreported", label: t("status_unreported_\(kind.rawValue)"),
                                                 count: lists.unreportedBy[kind]?.count ?? 0), "unreported-\(kind.rawValue)"))
            let completed = lists.list(kind, .completed).count
            return [
                "kind": kind.rawValue,
                "heading": voiceHeading(kind, lists.all),
                "completed_text": fill("status_completed_share", ["completed": "\(completed)", "total": totalText,
                                                                  "percent": percent(completed, of: total)]),
                "bar": opt(StatusChart.svg(segments.map(\.0))),
                "rows": segments.filter { $0.0.count > 0 }.map { segment, list in
                    ["code": segment.code, "label": segment.label, "count": "\(segment.count)",
                     "percent": percent(segment.count, of: total), "url": listURL(scope, list)] as Context
                },
            ] as Context
        }
        func note(_ list: String, _ keys: [SiteGraph.MeasureKey], _ key: String, badge: String? = nil) -> Context? {
            guard !keys.isEmpty else { return nil }
            return ["text": fill(key, ["count": itemCount(keys), "year": "\(graph.monitoring.asOf.year)"]),
                    "url": listURL(scope, list), "badge": opt(badge), "badge_label": badge.map { t($0 == "disputed" ? "status_disputed" : $0) } ?? ""]
        }
        let notes: [Context] = [
            note("disputed", lists.disputed, "status_disputed_count", badge: "disputed"),
            voices.isEmpty ? nil : note("unreported", lists.unreported, "status_unreported_count"),
            note("overdue", lists.overdue, "status_overdue_count", badge: "overdue"),
            note("due-this-year", lists.dueThisYear, "status_due_this_year_count"),
            note("running-this-year", lists.runningThisYear, "status_running_this_year_count"),
        ].compactMap { $0 }
        return ["has_reports": !voices.isEmpty, "total": totalText, "voices": voices, "notes": notes,
                "reading_note": readingNote(measures.map(\.key))]
    }

    /// A plan card's monitoring line: each voice's completed count, disputed and overdue, each a link.
    func homeMonitoring(_ p: Int) -> Context {
        let id = graph.plans[p].plan.id
        let lists = graph.monitoring.lists(measureTerms(p, graph.plans[p].measures.indices))
        let total = itemCount(lists.all, fallback: graph.plans[p].plan.measureLevel)
        var items: [Context] = Reporter.Kind.allCases.filter { lists.reported($0) > 0 }.map { kind in
            let completed = lists.list(kind, .completed).count
            return ["text": "\(voiceHeading(kind, lists.all)): " + fill("status_completed_of", ["completed": "\(completed)", "total": total]),
                    "url": listURL(.plan(id), PageRenderer.listCode(kind, .completed)), "badge": false, "badge_label": ""]
        }
        if !lists.disputed.isEmpty {
            items.append(["text": fill("status_disputed_count", ["count": itemCount(lists.disputed)]),
                          "url": listURL(.plan(id), "disputed"), "badge": "disputed", "badge_label": t("status_disputed")])
        }
        if !lists.overdue.isEmpty {
            items.append(["text": fill("status_overdue_count", ["count": itemCount(lists.overdue)]),
                          "url": listURL(.plan(id), "overdue"), "badge": "overdue", "badge_label": t("overdue")])
        }
        return ["items": items]
    }

    /// Whole percent, rounded half up; the text next to the bar.
    func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0" }
        return "\((part * 200 + total) / (total * 2))"
    }

    // MARK: plan and goal

    /// The plan's monitoring block: summary, due this year, overdue, timeline link.
    func planMonitoring(_ p: Int) -> Context {
        let index = graph.plans[p]
        let measures = measureTerms(p, index.measures.indices)
        let monitoring = graph.monitoring
        let dueThisYear = measures.filter { monitoring.isDueThisYear($0.term) }.map(\.key)
        let overdue = measures.filter { monitoring.isOverdue($0.key, term: $0.term) }.map(\.key)
        return [
            "status_summary": statusSummary(measures, scope: .plan(index.plan.id)),
            "due_lists": [
                "due_this_year": dueThisYear.map(dueItem),
                "has_due_this_year": !dueThisYear.isEmpty,
                "due_this_year_heading": fill("due_this_year_heading", ["year": "\(monitoring.asOf.year)"]),
                "year_url": routes.path(for: .year(monitoring.asOf.year)),
                "year_link": fill("year_page_link", ["year": "\(monitoring.asOf.year)"]),
                "overdue": overdue.map(dueItem),
                "has_overdue": !overdue.isEmpty,
                "nothing_due": dueThisYear.isEmpty && overdue.isEmpty,
                "draft_note": index.plan.status == .draft ? t("draft_terms_note") : false,
            ] as Context,
            "timeline_url": routes.path(for: .planTimeline(index.plan.id)),
            "lists_url": routes.path(for: .lists(.plan(index.plan.id))),
            "reports": planReports(p),
            "period_counts": periodCountsContext(measures.map(\.key)),
        ]
    }

    static let dueItemShape = RecordShape(["due", "due_iso"])

    /// A compact measure line for due and overdue lists.
    func dueItem(_ key: SiteGraph.MeasureKey) -> Record {
        let term = graph.measure(key).measure.term
        let due = graph.monitoring.nextDue(term) ?? graph.monitoring.lastDue(term)
        return Record(PageRenderer.dueItemShape, ["due": opt(due.map(format.date)), "due_iso": opt(due?.iso)],
                      extending: measureItem(key, excerpt: .row))
    }

    func goalMonitoring(_ p: Int, _ g: Int) -> Context {
        let index = graph.plans[p]
        return ["status_summary": statusSummary(measureTerms(p, index.goals[g].subtree), scope: .goal(index.plan.id, index.goals[g].goal.id))]
    }

    // MARK: measure page

    /// The measure's reports by period, official and civil-society side by side,
    /// each voice's latest status at the top, replies under what they answer.
    func measureMonitoring(_ key: SiteGraph.MeasureKey) -> Context {
        let monitoring = graph.monitoring
        let term = graph.measure(key).measure.term
        let voices = monitoring.voices(key)
        var context: Context = ["has_reports": voices != nil, "current": false, "due_note": false, "history_table": false]
        if let voices {
            context["current"] = ["status": statusBadges(key), "disputed": voices.disputed] as Context
        }
        let missing = Reporter.Kind.allCases.filter { kind in voices.map { $0.counted(kind) == nil } ?? true }
        context["missing_note"] = opt(missing.isEmpty ? nil : t(missing.count == 2 ? "no_report_either" : "no_report_\(missing[0].rawValue)"))
        if monitoring.isOverdue(key, term: term), let due = monitoring.lastDue(term) {
            context["due_note"] = fill("due_note_overdue", ["date": format.date(due)])
        } else if monitoring.isDueThisYear(term), let due = monitoring.nextDue(term) {
            context["due_note"] = fill(term.reading.isRecurring ? "due_note_next" : "due_note_this_year", ["date": format.date(due)])
        }
        context["periods"] = monitoring.periods(key).reversed().map { periodContext($0, key) }
        context["history_table"] = measureHistory(key)
        return context
    }

    private func periodContext(_ period: Monitoring.PeriodStatuses, _ key: SiteGraph.MeasureKey) -> Context {
        func column(_ kind: Reporter.Kind, _ entries: [Monitoring.StatusEntry]) -> Context {
            ["heading": t("reports_\(kind.rawValue)"), "kind": kind.rawValue, "entries": entries.map { entryContext($0, key) },
             "has_entries": !entries.isEmpty, "empty": t("reports_none_\(kind.rawValue)")]
        }
        return ["label": periodLabel(period.period), "code": period.period.code, "disagree": period.disagree,
                "columns": [column(.official, period.official), column(.civilSociety, period.civilSociety)]]
    }

    /// Who reported and where, for entries and replies.
    func reporterContext(_ reporter: Reporter) -> Context {
        ["reporter": reporter.name,
         "reporter_url": opt(reporter.executor.flatMap { graph.executors[$0] }.map { routes.path(for: .executor($0.id)) })]
    }

    /// One status as a report gives it; `key` adds the replies that answer it.
    func entryContext(_ entry: Monitoring.StatusEntry, _ key: SiteGraph.MeasureKey?) -> Context {
        let report = graph.site.reports[entry.report]
        var context: Context = [
            "status_code": entry.status.rawValue, "status_label": t("status_\(entry.status.rawValue)"),
            "published": format.date(entry.published), "published_iso": entry.published.iso,
            "report_title": opt(report.title), "report_url": routes.path(for: .report(report.id)),
            "report_name": report.title ?? fill("report_default_title", ["reporter": report.reporter.name, "period": periodLabel(report.period)]),
            "narrative_html": opt(entry.narrativeHTML),
            "evidence": entry.evidence.map { ["title": $0.title, "url": $0.url] as Context },
            "has_evidence": !entry.evidence.isEmpty,
            "answers": false, "replies": [], "has_replies": false, "awaiting": false, "co_executor": false,
        ]
        context.merge(reporterContext(entry.reporter)) { _, new in new }
        if let answered = entry.replyTo {
            let target = graph.site.reports[answered]
            context["answers"] = ["text": fill("reply_answers", ["reporter": target.reporter.name]),
                                  "url": routes.path(for: .report(target.id))] as Context
        }
        if let key {
            // A body that monitors a measure it is itself named on: the reader should know.
            if let body = entry.reporter.executor,
               graph.measure(key).measure.responsible?.assignments.contains(where: { $0.executor == body }) == true {
                context["co_executor"] = fill("reporter_is_executor", ["reporter": entry.reporter.name])
            }
            let replies = graph.monitoring.replies(to: entry.report, key)
            context["replies"] = replies.map(replyContext)
            context["has_replies"] = !replies.isEmpty
            if graph.monitoring.awaitsReply(entry, key, reports: graph.site.reports), let body = entry.replyRequestedFrom.flatMap({ graph.executors[$0] }) {
                context["awaiting"] = ["text": fill("reply_awaited", ["body": body.displayName]),
                                       "url": routes.path(for: .unanswered(body.id))] as Context
            }
        }
        return context
    }

    /// A reply under the assessment it answers: author, date, its own status if it gives one, text and evidence.
    func replyContext(_ reply: Monitoring.Reply) -> Context {
        var item: Context = ["published": format.date(reply.published), "published_iso": reply.published.iso,
                             "status_code": opt(reply.status?.rawValue), "status_label": opt(reply.status.map { t("status_\($0.rawValue)") }),
                             "narrative_html": opt(reply.narrativeHTML),
                             "evidence": reply.evidence.map { ["title": $0.title, "url": $0.url] as Context },
                             "has_evidence": !reply.evidence.isEmpty,
                             "report_url": routes.path(for: .report(graph.site.reports[reply.report].id))]
        item.merge(reporterContext(reply.reporter)) { _, new in new }
        return item
    }

    // MARK: executor scorecard

    /// Measures the body is named on, without and with «за згодою», each voice's counts by status, overdue, per plan;
    /// every count links to the executor's list page.
    func executorScorecard(_ id: ExecutorID) -> Context {
        let involvements = (graph.involvements[id] ?? []).sorted { $0.key < $1.key }
        let byPlan = Dictionary(grouping: involvements, by: \.key.plan)
        let scope = ListScope.executor(id)
        // The list page has a voice's «no report» list once that voice has reported on any of the body's measures
        // (Context+Lists builds it over all of them), with one group per plan.
        let whole = graph.monitoring.lists(involvements.map { ($0.key, graph.measure($0.key).measure.term) })
        func row(_ list: [SiteGraph.Involvement], plan: PlanID?, lists known: Monitoring.StatusLists? = nil) -> Context {
            let lists = known ?? graph.monitoring.lists(list.map { ($0.key, graph.measure($0.key).measure.term) })
            let led = list.filter { !$0.consent }.count  // named without «за згодою»
            func cell(_ keys: [SiteGraph.MeasureKey], _ code: String, linked: Bool = true) -> Context {
                ["count": keys.count, "url": opt(keys.isEmpty || !linked ? nil : listURL(scope, code, plan: plan))]
            }
            func pair(_ official: Context, _ civil: Context) -> Context { ["official": official, "civil": civil] }
            return ["led": led, "joined": list.count - led,
                    "cells": StatusChart.order.map { status in
                        pair(cell(lists.list(.official, status), PageRenderer.listCode(.official, status)),
                             cell(lists.list(.civilSociety, status), PageRenderer.listCode(.civilSociety, status)))
                    },
                    "unreported": pair(cell(lists.unreportedBy[.official] ?? [], "unreported-official", linked: whole.reported(.official) > 0),
                                       cell(lists.unreportedBy[.civilSociety] ?? [], "unreported-civil-society", linked: whole.reported(.civilSociety) > 0)),
                    "overdue": cell(lists.overdue, "overdue"), "total": lists.all.count]
        }
        let rows: [Context] = byPlan.keys.sorted().map { p in
            let planID = graph.plans[p].plan.id
            var r = row(byPlan[p]!, plan: planID)
            r["plan_title"] = graph.plans[p].plan.shortTitle
            r["plan_url"] = routes.path(for: .plan(planID))
            return r
        }
        return [
            "status_summary": statusSummary(involvements.map { ($0.key, graph.measure($0.key).measure.term) }, scope: scope),
            "statuses": StatusChart.order.map { ["label": t("status_\($0.rawValue)")] as Context },
            "rows": rows, "total_row": row(involvements, plan: nil, lists: whole), "has_several_plans": rows.count > 1,
            "period_counts": periodCountsContext(involvements.map(\.key)),
        ]
    }
}
