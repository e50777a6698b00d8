/// Status history on pages: a measure's statuses period by period for each
/// voice, and per plan and body each voice's counts per period with how many
/// changed since that voice's previous report (docs/monitoring.md, *History*).
extension PageRenderer {
    /// The measure's small history table: one row per period, one column per voice.
    func measureHistory(_ key: SiteGraph.MeasureKey) -> Any {
        let rows = graph.monitoring.statusHistory(key)
        guard !rows.isEmpty else { return false }
        return ["rows": rows.reversed().map { row -> Context in
            ["label": periodLabel(row.period), "code": row.period.code,
             "cells": Reporter.Kind.allCases.map { kind -> Context in
                 guard let step = row.steps[kind] else { return ["has": false, "empty": t("history_none")] }
                 return ["has": true, "code": step.entry.status.rawValue, "label": t("status_\(step.entry.status.rawValue)"),
                         "reporter": step.entry.reporter.name,
                         "others": opt(step.reporters > 1 ? fill("history_other_reporters", ["count": "\(step.reporters - 1)"]) : nil),
                         "changed": opt(step.changed ? fill("history_changed_from", ["status": t("status_\(step.previous!.status.rawValue)")]) : nil)]
             }]
        }, "headings": Reporter.Kind.allCases.map { ["heading": t("reports_\($0.rawValue)")] as Context }] as Context
    }

    /// Each voice's counts per period for a set of measures (a plan's, a body's), newest period first.
    func periodCountsContext(_ keys: [SiteGraph.MeasureKey]) -> Any {
        let counts = graph.monitoring.periodCounts(keys)
        let voices: [Context] = Reporter.Kind.allCases.compactMap { kind in
            guard let periods = counts[kind], !periods.isEmpty else { return nil }
            let heading = voiceHeading(kind, keys)
            return ["heading": heading, "kind": kind.rawValue,
                    "caption": fill("history_counts_caption", ["voice": heading]),
                    "rows": periods.reversed().map { count -> Context in
                        ["period": periodLabel(count.period),
                         "cells": StatusChart.order.map { ["count": count.byStatus[$0] ?? 0] as Context },
                         "assessed": count.assessed,
                         "changed": count.comparable == 0 ? t("history_no_previous") : "\(count.changed)"]
                    }] as Context
        }
        guard !voices.isEmpty else { return false }
        return ["voices": voices, "statuses": StatusChart.order.map { ["label": t("status_\($0.rawValue)")] as Context }] as Context
    }
}
