/// Long value series (docs/monitoring.md, «Long series»): an indicator with more
/// values than a page can usefully show keeps its chart and gets a summary by
/// year and reporter on its page; every value is on numbered pages of
/// `valuesPerPage` rows (`/plans/<plan>/indicators/<id>/values/`) and in the
/// open data. Short series are shown whole on the indicator page, as before.
/// One page of a long value series (`indicator-values.mustache`).
struct IndicatorValuesPage: LayoutPageModel {
    var layout: LayoutFields
    var heading = "", id = "", indicatorURL = "", planTitle = "", planURL = ""
    /// «Сторінка 2 з 5: …», or `false` for an indicator without values.
    var range: Any = false
    var rows: [Context] = []
    var hasConflicts = false
    /// Page links or `false`; the download of every value or `false`.
    var pager: Any = false, data: Any = false

    static let pageFields: [PageField<IndicatorValuesPage>] = [
        PageField("heading") { $0.heading },
        PageField("id") { $0.id },
        PageField("indicator_url") { $0.indicatorURL },
        PageField("plan_title") { $0.planTitle },
        PageField("plan_url") { $0.planURL },
        PageField("range") { $0.range },
        PageField("rows", .open) { $0.rows },
        PageField("has_conflicts") { $0.hasConflicts },
        PageField("pager", .record(PageRenderer.paginationKeys)) { $0.pager },
        PageField("data", .open) { $0.data },
    ]
}

extension PageRenderer {
    /// Up to this many values an indicator page shows every value in its table.
    static let inlineValueLimit = 100
    /// Rows of one page of a long series.
    static let valuesPerPage = 200

    /// Number of value pages of an indicator: 0 for a short series.
    static func valuePageCount(_ values: Int) -> Int {
        values > inlineValueLimit ? (values + valuesPerPage - 1) / valuesPerPage : 0
    }

    /// The value pages of the given indicators of plan `p` (those with long series have any).
    static func valuePages(_ p: Int, _ indicators: some Sequence<Int>, graph: SiteGraph) -> [PageID] {
        let index = graph.plans[p]
        return indicators.flatMap { i in
            let count = valuePageCount(graph.monitoring.values[Monitoring.IndicatorKey(plan: p, indicator: i)]?.count ?? 0)
            return (0..<count).map { PageID.indicatorValues(index.plan.id, index.indicators[i].indicator.id, page: $0 + 1) }
        }
    }

    /// The indicator page's part for a long series: how it is shown, the summary, the list of value pages.
    func longSeries(_ p: Int, _ i: Int, entries: [Monitoring.ValueEntry]) -> Context {
        let index = graph.plans[p], id = index.indicators[i].indicator.id
        let pages = PageRenderer.valuePageCount(entries.count)
        return [
            "note": fill("values_long_note", ["count": count(entries.count, "count_values")]),
            "summary": valueSummary(entries),
            "pages": (1...pages).map { n -> Context in
                let slice = valuePageSlice(entries, page: n)
                return ["url": routes.path(for: .indicatorValues(index.plan.id, id, page: n)), "number": n,
                        "first": format.date(slice.first!.value.date), "first_iso": slice.first!.value.date.iso,
                        "last": format.date(slice.last!.value.date), "last_iso": slice.last!.value.date.iso,
                        "count": count(slice.count, "count_values")]
            },
            "data": valuesDownload(index.plan.id),
        ]
    }

    /// The plan's table of every indicator value (CSV), and the open-data page.
    private func valuesDownload(_ plan: PlanID) -> Any {
        guard let file = openData.files(of: plan).first(where: { $0.table == "indicator-values" }) else { return false }
        return ["url": routes.asset(file.path), "title": t("data_table_indicator-values"), "index_url": routes.path(for: .openData)] as Context
    }

    private func valuePageSlice(_ entries: [Monitoring.ValueEntry], page: Int) -> ArraySlice<Monitoring.ValueEntry> {
        let start = (page - 1) * PageRenderer.valuesPerPage
        return entries[start..<min(start + PageRenderer.valuesPerPage, entries.count)]
    }

    /// One row per year, reporter and unit, in that order: how many values, their first and last
    /// dates, the lowest and highest and the value of the last date. Every figure but the count is
    /// a reported value; nothing is averaged.
    func valueSummary(_ entries: [Monitoring.ValueEntry]) -> [Context] {
        struct Key: Hashable { var year: Int; var kind: Reporter.Kind; var reporter: String; var unit: String? }
        var order: [Key] = []
        var groups: [Key: [Monitoring.ValueEntry]] = [:]
        for entry in entries {
            let key = Key(year: entry.value.date.year, kind: entry.reporter.kind, reporter: entry.reporter.name, unit: entry.value.unit)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(entry)
        }
        let kinds = Reporter.Kind.allCases
        order.sort { a, b in
            (a.year, kinds.firstIndex(of: a.kind)!, a.reporter, a.unit ?? "") < (b.year, kinds.firstIndex(of: b.kind)!, b.reporter, b.unit ?? "")
        }
        return order.map { key in
            let list = groups[key]!
            var low = list[0], high = list[0]
            for entry in list {
                if entry.value.value.value < low.value.value.value { low = entry }
                if entry.value.value.value > high.value.value.value { high = entry }
            }
            let first = list.first!, last = list.last!
            return ["year": key.year, "reporter": key.reporter, "kind": t("reporter_\(key.kind.rawValue)"), "unit": opt(key.unit),
                    "count": "\(list.count)",
                    "first": format.date(first.value.date), "first_iso": first.value.date.iso,
                    "last": format.date(last.value.date), "last_iso": last.value.date.iso,
                    "lowest": format.number(low.value.value), "highest": format.number(high.value.value),
                    "latest": format.number(last.value.value)]
        }
    }

    /// `/plans/<plan>/indicators/<id>/values/[page/<n>/]`: one page of a long series, every column
    /// of the indicator page's table, with a pager of constant size.
    func indicatorValuesPage(_ p: Int, _ i: Int, page: Int) -> IndicatorValuesPage {
        let index = graph.plans[p]
        let node = index.indicators[i]
        let key = Monitoring.IndicatorKey(plan: p, indicator: i)
        let entries = graph.monitoring.values[key] ?? []
        let pages = max(1, PageRenderer.valuePageCount(entries.count))
        let current = min(max(1, page), pages)
        let measure = index.measures[node.measure].measure
        let heading = fill("values_page_title", ["indicator": indicatorNumber(node.indicator.id)])
        let title = pages > 1 ? "\(heading) — \(fill("values_page_number", ["page": "\(current)", "pages": "\(pages)"]))" : heading
        let crumbs = (index.measures[node.measure].goal.map { goalCrumbs(p, goal: $0) } ?? planCrumbs(p))
            + [(measureLabel(measure, plan: index.plan), .measure(index.plan.id, measure.number)),
               ("\(t("indicator")) \(indicatorNumber(node.indicator.id))", .indicator(index.plan.id, node.indicator.id)),
               (t("values_pages_crumb"), nil)]
        var model = IndicatorValuesPage(layout: layout(page: .indicatorValues(index.plan.id, node.indicator.id, page: current),
                                                       title: "\(title) — \(index.plan.shortTitle)",
                                                       description: HTML.excerpt(node.indicator.text, limit: 200), breadcrumbs: crumbs))
        model.heading = heading
        model.id = indicatorNumber(node.indicator.id)
        model.indicatorURL = routes.path(for: .indicator(index.plan.id, node.indicator.id))
        model.planTitle = index.plan.shortTitle
        model.planURL = routes.path(for: .plan(index.plan.id))
        let slice = entries.isEmpty ? [] : valuePageSlice(entries, page: current)
        let conflicts = graph.monitoring.conflictingDates(key)
        model.range = slice.isEmpty ? false : fill("values_page_range", [
            "page": "\(current)", "pages": "\(pages)", "count": count(slice.count, "count_values"),
            "first": format.date(slice.first!.value.date), "last": format.date(slice.last!.value.date),
            "total": count(entries.count, "count_values")])
        model.rows = slice.map { entry -> Context in
            var row = valueRow(entry)
            row["conflict"] = conflicts.contains(entry.value.date)
            return row
        }
        model.hasConflicts = slice.contains { conflicts.contains($0.value.date) }
        model.pager = valuePager(index.plan.id, node.indicator.id, current: current, count: pages)
        model.data = valuesDownload(index.plan.id)
        return model
    }

    private func valuePager(_ plan: PlanID, _ id: String, current: Int, count: Int) -> Any {
        pagination(current: current, count: count, labels: ("values_pagination", "values_earlier", "values_later")) {
            routes.path(for: .indicatorValues(plan, id, page: $0))
        }
    }
}
