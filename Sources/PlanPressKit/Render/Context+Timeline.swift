struct TimelinePage: LayoutPageModel {
    var layout: LayoutFields
    var planTitle = "", planURL = "", level = "", measuresHeading = "", intro = ""
    var years: [Context] = [], dueCounts: [Context] = []
    var rows: [Record] = [], undated: [Record] = []
    /// The site's reading of the terms, or `false` (`readingNote`); the draft's note, or `false`.
    var readingNote: Any = false, draftNote: Any = false

    static let pageFields: [PageField<TimelinePage>] = [
        PageField("plan_title") { $0.planTitle },
        PageField("plan_url") { $0.planURL },
        PageField("level") { $0.level },
        PageField("measures_heading") { $0.measuresHeading },
        PageField("years", .record(["year", "current"])) { $0.years },
        PageField("rows", .open) { $0.rows },
        PageField("has_rows") { !$0.rows.isEmpty },
        PageField("due_counts", .record(["count", "url"])) { $0.dueCounts },
        PageField("undated", .open) { $0.undated },
        PageField("has_undated") { !$0.undated.isEmpty },
        PageField("intro") { $0.intro },
        PageField("reading_note", .record(PageRenderer.readingNoteKeys)) { $0.readingNote },
        PageField("draft_note") { $0.draftNote },
    ]
}

/// `/plans/<plan>/timeline/`: the plan's measures by the years of their term,
/// as a plain table (no JavaScript), with the status of each.
extension PageRenderer {
    func timelinePage(_ p: Int) -> TimelinePage {
        let index = graph.plans[p]
        let plan = index.plan
        var page = TimelinePage(layout: layout(page: .planTimeline(plan.id), title: "\(t("timeline")) — \(planTitle(plan))",
                                               description: plan.title, breadcrumbs: planCrumbs(p) + [(t("timeline"), nil)]))
        let dated = index.measures.indices.filter { index.measures[$0].measure.term.reading.years != nil }
        let undated = index.measures.indices.filter { index.measures[$0].measure.term.reading.years == nil }
        let years = PageRenderer.timelineYears(plan.period, dated.compactMap { index.measures[$0].measure.term.reading.years })
        let asOfYear = graph.monitoring.asOf.year
        let sorted = dated.sorted { a, b in
            let ra = index.measures[a].measure.term.reading, rb = index.measures[b].measure.term.reading
            return (ra.start!, ra.end!, a) < (rb.start!, rb.end!, b)
        }
        page.planTitle = plan.shortTitle
        page.planURL = routes.path(for: .plan(plan.id))
        page.level = levelName(plan.measureLevel)
        page.measuresHeading = levelPlural(plan.measureLevel)
        page.years = years.map { ["year": $0, "current": $0 == asOfYear] as Context }
        page.rows = sorted.map { timelineRow(SiteGraph.MeasureKey(plan: p, measure: $0), years: years) }
        page.dueCounts = years.map { year in
            let count = dated.filter { m in index.measures[m].measure.term.reading.dueDates.contains { $0.year == year } }.count
            // Each year's count links to that year's page, at this plan's section.
            return ["count": count, "url": opt(count == 0 ? nil : routes.path(for: .year(year)) + "#plan-\(plan.id)")] as Context
        }
        page.undated = undated.map { measureItem(SiteGraph.MeasureKey(plan: p, measure: $0), excerpt: .row) }
        page.intro = fill("timeline_intro", ["date": format.date(graph.monitoring.asOf)])
        page.readingNote = readingNote(dated.map { SiteGraph.MeasureKey(plan: p, measure: $0) })
        page.draftNote = plan.status == .draft ? t("draft_terms_note") : false
        return page
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
        return Record(PageRenderer.timelineRowShape, ["cells": cells], extending: measureItem(key, excerpt: .row))
    }
}
