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
                ? text.replacingOccurrences(of: placeholder + ".", with: placeholder) : text
            return filled.replacingOccurrences(of: placeholder, with: pair.value)
        }
    }

    func measureTerms(_ p: Int, _ measures: some Sequence<Int>) -> [(key: SiteGraph.MeasureKey, term: Term)] {
        measures.map { (SiteGraph.MeasureKey(plan: p, measure: $0), graph.plans[p].measures[$0].measure.term) }
    }

    // MARK: counts and bar

    /// Counts per status with the progress bar, for `partials/status-summary`.
    func statusSummary(_ measures: [(key: SiteGraph.MeasureKey, term: Term)]) -> Context {
        let counts = graph.monitoring.counts(measures)
        var segments = StatusChart.order.map { StatusChart.Segment(code: $0.rawValue, label: t("status_\($0.rawValue)"), count: counts[$0]) }
        segments.append(StatusChart.Segment(code: "unreported", label: t("status_unreported"), count: counts.unreported))
        let total = count(counts.total, "count_measures")
        return [
            "has_reports": counts.reported > 0,
            "total": total,
            "completed_text": fill("status_completed_share", ["completed": "\(counts[.completed])", "total": total,
                                                              "percent": percent(counts[.completed], of: counts.total)]),
            "bar": opt(counts.reported > 0 ? StatusChart.svg(segments) : nil),
            "rows": segments.filter { $0.count > 0 }.map { ["code": $0.code, "label": $0.label, "count": "\($0.count)",
                                                            "percent": percent($0.count, of: counts.total)] as Context },
            "has_overdue": counts.overdue > 0,
            "overdue_text": fill("status_overdue_count", ["count": count(counts.overdue, "count_measures")]),
            "has_disputed": counts.disputed > 0,
            "disputed_text": fill("status_disputed_count", ["count": count(counts.disputed, "count_measures")]),
            "has_due_this_year": counts.dueThisYear > 0,
            "due_this_year_text": fill("status_due_this_year_count", ["count": count(counts.dueThisYear, "count_measures"),
                                                                     "year": "\(graph.monitoring.asOf.year)"]),
        ]
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
            "status_summary": statusSummary(measures),
            "due_lists": [
                "due_this_year": dueThisYear.map(dueItem),
                "has_due_this_year": !dueThisYear.isEmpty,
                "due_this_year_heading": fill("due_this_year_heading", ["year": "\(monitoring.asOf.year)"]),
                "overdue": overdue.map(dueItem),
                "has_overdue": !overdue.isEmpty,
                "nothing_due": dueThisYear.isEmpty && overdue.isEmpty,
            ] as Context,
            "timeline_url": routes.path(for: .planTimeline(index.plan.id)),
        ]
    }

    /// A compact measure line for due and overdue lists.
    func dueItem(_ key: SiteGraph.MeasureKey) -> Context {
        var item = measureItem(key, excerpt: 140)
        let term = graph.measure(key).measure.term
        item["due"] = opt(term.reading.due.map(format.date))
        item["due_iso"] = opt(term.reading.due?.iso)
        return item
    }

    func goalMonitoring(_ p: Int, _ g: Int) -> Context {
        ["status_summary": statusSummary(measureTerms(p, graph.plans[p].goals[g].subtree))]
    }

    // MARK: measure page

    /// The measure's reports by period, official and civil-society side by side.
    func measureMonitoring(_ key: SiteGraph.MeasureKey) -> Context {
        let monitoring = graph.monitoring
        let term = graph.measure(key).measure.term
        var context: Context = ["has_reports": monitoring.history[key] != nil, "current": false, "due_note": false]
        if let current = monitoring.current(key) {
            context["current"] = [
                "code": current.status.rawValue, "label": t("status_\(current.status.rawValue)"),
                "period": periodLabel(current.period), "disputed": current.disputed,
            ] as Context
        }
        if let due = term.reading.due, !term.reading.isRecurring {
            if monitoring.isOverdue(key, term: term) {
                context["due_note"] = fill("due_note_overdue", ["date": format.date(due)])
            } else if monitoring.isDueThisYear(term) {
                context["due_note"] = fill("due_note_this_year", ["date": format.date(due)])
            }
        }
        context["periods"] = monitoring.periods(key).reversed().map(periodContext)
        return context
    }

    private func periodContext(_ period: Monitoring.PeriodStatuses) -> Context {
        func column(_ kind: Reporter.Kind, _ entries: [Monitoring.StatusEntry]) -> Context {
            ["heading": t("reports_\(kind.rawValue)"), "kind": kind.rawValue, "entries": entries.map(entryContext),
             "has_entries": !entries.isEmpty, "empty": t("reports_none_\(kind.rawValue)")]
        }
        return ["label": periodLabel(period.period), "code": period.period.code, "disagree": period.disagree,
                "columns": [column(.official, period.official), column(.civilSociety, period.civilSociety)]]
    }

    private func entryContext(_ entry: Monitoring.StatusEntry) -> Context {
        let report = graph.site.reports[entry.report]
        return [
            "status_code": entry.status.rawValue, "status_label": t("status_\(entry.status.rawValue)"),
            "reporter": entry.reporter.name,
            "reporter_url": opt(entry.reporter.executor.flatMap { graph.executors[$0] }.map { routes.path(for: .executor($0.id)) }),
            "published": format.date(entry.published), "published_iso": entry.published.iso,
            "report_title": opt(report.title),
            "narrative_html": opt(entry.narrativeHTML),
            "evidence": entry.evidence.map { ["title": $0.title, "url": $0.url] as Context },
            "has_evidence": !entry.evidence.isEmpty,
        ]
    }

    // MARK: executor scorecard

    /// Measures the body is named on, without and with «за згодою», by status, overdue, per plan.
    func executorScorecard(_ id: ExecutorID) -> Context {
        let involvements = (graph.involvements[id] ?? []).sorted { $0.key < $1.key }
        let byPlan = Dictionary(grouping: involvements, by: \.key.plan)
        func row(_ list: [SiteGraph.Involvement]) -> Context {
            let counts = graph.monitoring.counts(list.map { ($0.key, graph.measure($0.key).measure.term) })
            let consent = list.filter(\.consent).count
            return ["led": list.count - consent, "joined": consent,
                    "cells": StatusChart.order.map { ["count": counts[$0]] as Context },
                    "unreported": counts.unreported, "overdue": counts.overdue, "total": counts.total]
        }
        let rows: [Context] = byPlan.keys.sorted().map { p in
            var r = row(byPlan[p]!)
            r["plan_title"] = graph.plans[p].plan.shortTitle
            r["plan_url"] = routes.path(for: .plan(graph.plans[p].plan.id))
            return r
        }
        return [
            "status_summary": statusSummary(involvements.map { ($0.key, graph.measure($0.key).measure.term) }),
            "statuses": StatusChart.order.map { ["label": t("status_\($0.rawValue)")] as Context },
            "rows": rows, "total_row": row(involvements), "has_several_plans": rows.count > 1,
        ]
    }
}
