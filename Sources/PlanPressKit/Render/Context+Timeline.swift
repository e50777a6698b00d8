/// `/plans/<plan>/timeline/`: the plan's measures by the years of their term,
/// as a plain table (no JavaScript), with the status of each.
extension PageRenderer {
    func timelineContext(_ p: Int) -> Context {
        let index = graph.plans[p]
        let plan = index.plan
        var context = base(page: .planTimeline(plan.id), title: "\(t("timeline")) — \(planTitle(plan))",
                           description: plan.title, breadcrumbs: planCrumbs(p) + [(t("timeline"), nil)])
        let dated = index.measures.indices.filter { index.measures[$0].measure.term.reading.years != nil }
        let undated = index.measures.indices.filter { index.measures[$0].measure.term.reading.years == nil }
        let years = PageRenderer.timelineYears(plan.period, dated.compactMap { index.measures[$0].measure.term.reading.years })
        let asOfYear = graph.monitoring.asOf.year
        let sorted = dated.sorted { a, b in
            let ra = index.measures[a].measure.term.reading, rb = index.measures[b].measure.term.reading
            return (ra.start!, ra.end!, a) < (rb.start!, rb.end!, b)
        }
        context["plan_title"] = plan.shortTitle
        context["plan_url"] = routes.path(for: .plan(plan.id))
        context["level"] = levelName(plan.measureLevel)
        context["measures_heading"] = levelPlural(plan.measureLevel)
        context["years"] = years.map { ["year": $0, "current": $0 == asOfYear] as Context }
        context["rows"] = sorted.map { timelineRow(SiteGraph.MeasureKey(plan: p, measure: $0), years: years) }
        context["has_rows"] = !sorted.isEmpty
        context["due_counts"] = years.map { year in
            let count = dated.filter { m in index.measures[m].measure.term.reading.dueDates.contains { $0.year == year } }.count
            // Each year's count links to that year's page, at this plan's section.
            return ["count": count, "url": opt(count == 0 ? nil : routes.path(for: .year(year)) + "#plan-\(plan.id)")] as Context
        }
        context["undated"] = undated.map { measureItem(SiteGraph.MeasureKey(plan: p, measure: $0), excerpt: 140) }
        context["has_undated"] = !undated.isEmpty
        context["intro"] = fill("timeline_intro", ["date": format.date(graph.monitoring.asOf)])
        context["reading_note"] = readingNote(dated.map { SiteGraph.MeasureKey(plan: p, measure: $0) })
        context["draft_note"] = plan.status == .draft ? t("draft_terms_note") : false
        return context
    }

    /// The plan period, widened to every year a term touches.
    static func timelineYears(_ period: Period, _ spans: [ClosedRange<Int>]) -> [Int] {
        let lows = spans.map(\.lowerBound) + [period.from].compactMap { $0 }
        let highs = spans.map(\.upperBound) + [period.to].compactMap { $0 }
        guard let low = lows.min(), let high = highs.max(), low <= high else { return [] }
        // Years are validated on load (1900–2200); the cap keeps a timeline bounded whatever the data.
        let (cap, overflow) = low.addingReportingOverflow(MappingReader.years.count)
        return Array(low...(overflow ? high : min(high, cap)))
    }

    static let timelineRowShape = RecordShape(["cells"])

    private func timelineRow(_ key: SiteGraph.MeasureKey, years: [Int]) -> Record {
        let reading = graph.measure(key).measure.term.reading
        let span = reading.years!
        let dueDates = reading.dueDates
        let cells = years.map { year -> Context in
            guard span.contains(year) else { return ["on": false, "classes": "tl", "due": false, "text": false] }
            var classes = "tl tl-on"
            if reading.isRecurring { classes += " tl-recurring" }
            if year == span.lowerBound { classes += " tl-start" }
            if year == span.upperBound { classes += " tl-end" }
            // Recurring terms fall due at each occurrence: ● in every year that has one.
            let inYear = dueDates.filter { $0.year == year }
            let text = inYear.isEmpty ? t(reading.isRecurring ? "timeline_recurring_cell" : "timeline_in_term_cell") : t("timeline_due_cell")
            return ["on": true, "classes": classes, "due": opt(inYear.isEmpty ? nil : inYear.map { format.date($0) }.joined(separator: "; ")), "text": text]
        }
        return Record(PageRenderer.timelineRowShape, ["cells": cells], extending: measureItem(key, excerpt: 140))
    }
}
