/// The indicator page's monitoring block: target against actual values over
/// time as a table and an inline SVG chart, disaggregated series, and whether
/// the target is met (docs/monitoring.md).
extension PageRenderer {
    func indicatorValues(_ p: Int, _ i: Int) -> Context {
        let indicator = graph.plans[p].indicators[i].indicator
        let key = Monitoring.IndicatorKey(plan: p, indicator: i)
        let entries = graph.monitoring.values[key] ?? []
        guard !entries.isEmpty else { return ["has_values": false] }
        let target = indicator.target
        var context: Context = ["has_values": true]
        // Each voice's latest value is assessed on its own; neither replaces the other.
        let latest = Reporter.Kind.allCases.compactMap { graph.monitoring.latestValue(key, kind: $0) }
        let assessments: [Context] = target.map { target in latest.map { assessment(target, $0) } } ?? []
        context["assessments"] = assessments
        // Flagged only when both voices' values can be assessed and the verdicts differ.
        let verdicts = assessments.compactMap { $0["code"] as? String }.filter { $0 == "met" || $0 == "not-met" }
        context["verdicts_differ"] = verdicts.count > 1 && Set(verdicts).count > 1
        let conflicts = graph.monitoring.conflictingDates(key)
        context["has_conflicts"] = !conflicts.isEmpty
        let kinds = Reporter.Kind.allCases.filter { kind in entries.contains { $0.reporter.kind == kind } }
        let series = kinds.map { kind in
            IndicatorChart.Series(name: t("series_\(kind.rawValue)"), style: kind.rawValue,
                                  points: entries.filter { $0.reporter.kind == kind }.map { .init(date: $0.value.date, value: $0.value.value.value) })
        }
        let chart = IndicatorChart(id: "chart-values", title: fill("chart_title", ["indicator": indicatorNumber(indicator.id)]),
                                   description: t("chart_description"), series: series,
                                   target: target?.value?.value, targetLabel: t("target"), format: format)
        context["chart"] = opt(chart.svg())
        context["legend"] = legend(series, target: target?.value != nil)
        context["rows"] = entries.map { entry -> Context in
            var row = valueRow(entry)
            row["conflict"] = conflicts.contains(entry.value.date)
            return row
        }
        context["dimensions"] = dimensions(entries, indicator: indicator)
        return context
    }

    private func legend(_ series: [IndicatorChart.Series], target: Bool) -> [Context] {
        series.map { ["style": "series-\($0.style)", "label": $0.name] as Context }
            + (target ? [["style": "target", "label": t("target")]] : [])
    }

    private func valueRow(_ entry: Monitoring.ValueEntry) -> Context {
        let value = entry.value
        let report = graph.site.reports[entry.report]
        return [
            "date": format.date(value.date), "date_iso": value.date.iso, "value": format.number(value.value),
            "unit": opt(value.unit), "reporter": entry.reporter.name, "kind": t("reporter_\(entry.reporter.kind.rawValue)"),
            "period": periodLabel(report.period), "note": opt(value.note),
            "breakdown": value.breakdown.map { ["dimension": dimensionName($0.dimension), "group": $0.group, "value": format.number($0.value)] as Context },
            "has_breakdown": !value.breakdown.isEmpty,
        ]
    }

    /// `sex`, `age`, `place` have interface names; other dimensions are shown as written.
    func dimensionName(_ dimension: String) -> String { strings["dimension_\(dimension)"] ?? dimension }

    /// «Ціль досягнуто» / «не досягнуто» / «не можна оцінити», with the latest value and the target.
    private func assessment(_ target: Target, _ latest: Monitoring.ValueEntry) -> Context {
        let result = target.assess(latest.value.value, unit: latest.value.unit)
        let code: String
        switch result {
        case .met: code = "met"
        case .notMet: code = "not-met"
        case .notAssessable(let reason): code = "unknown-\(reason.rawValue)"
        }
        let unit = latest.value.unit ?? target.unit
        let value = format.number(latest.value.value) + (unit.map { " " + $0 } ?? "")
        return [
            "code": code, "met": result == .met, "voice": voiceLabel(latest.reporter),
            "label": t("target_\(code)"),
            "detail": fill("target_detail", ["value": value, "date": format.date(latest.value.date),
                                             "reporter": latest.reporter.name, "target": target.printed]),
        ]
    }

    /// One chart and table per disaggregation dimension, a series per group.
    private func dimensions(_ entries: [Monitoring.ValueEntry], indicator: Indicator) -> [Context] {
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for entry in entries {
            for part in entry.value.breakdown {
                if groups[part.dimension] == nil { order.append(part.dimension) }
                if !(groups[part.dimension]?.contains(part.group) ?? false) { groups[part.dimension, default: []].append(part.group) }
            }
        }
        return order.enumerated().map { offset, dimension in
            let names = groups[dimension]!
            let withDimension = entries.filter { $0.value.breakdown.contains { $0.dimension == dimension } }
            // A series per group and kind of reporter: official and civil-society figures are never joined by one line.
            let kinds = Reporter.Kind.allCases.filter { kind in withDimension.contains { $0.reporter.kind == kind } }
            let series = kinds.flatMap { kind in
                names.enumerated().map { n, group in
                    IndicatorChart.Series(name: kinds.count > 1 ? "\(group) (\(t("reporter_\(kind.rawValue)")))" : group,
                                          style: "\(n % 6 + 1)" + (kind == .civilSociety ? " line-civil-society" : ""),
                                          points: withDimension.filter { $0.reporter.kind == kind }.compactMap { entry in
                        entry.value.breakdown.first { $0.dimension == dimension && $0.group == group }
                            .map { .init(date: entry.value.date, value: $0.value.value) }
                    })
                }
            }
            let title = fill("chart_breakdown_title", ["indicator": indicatorNumber(indicator.id), "dimension": dimensionName(dimension)])
            let chart = IndicatorChart(id: "chart-breakdown-\(offset + 1)", title: title, description: t("chart_description"),
                                       series: series, target: nil, targetLabel: t("target"), format: format)
            let rows: [Context] = withDimension.map { entry in
                let cells: [Context] = names.map { group in
                    let part = entry.value.breakdown.first { $0.dimension == dimension && $0.group == group }
                    return ["value": part.map { format.number($0.value) } ?? "—"]
                }
                return ["date": format.date(entry.value.date), "date_iso": entry.value.date.iso,
                        "reporter": entry.reporter.name, "cells": cells]
            }
            return ["title": title, "chart": opt(chart.svg()), "legend": legend(series, target: false),
                    "groups": names.map { ["name": $0] as Context }, "rows": rows]
        }
    }
}
