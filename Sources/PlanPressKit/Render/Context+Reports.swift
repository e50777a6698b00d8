/// `/reports/`: every report read into the site, newest first, with each plan's feed of reports.
struct ReportsPage: LayoutPageModel {
    var layout: LayoutFields
    var items: [Context] = [], feeds: [Context] = []
    var methodologyURL = ""

    static let pageFields: [PageField<ReportsPage>] = [
        PageField("items", .record(PageRenderer.reportItemKeys)) { $0.items },
        PageField("has_items") { !$0.items.isEmpty },
        PageField("feeds", .record(["title", "url"])) { $0.feeds },
        PageField("has_feeds") { !$0.feeds.isEmpty },
        PageField("methodology_url") { $0.methodologyURL },
    ]
}

/// A monitoring report's page (`report.mustache`): who reported, for which period, each measure's status and each value.
struct ReportPage: LayoutPageModel {
    var layout: LayoutFields
    /// What a list of reports shows of it (`reportItem`), with its plan.
    var item: Context
    var summaryHTML: String?, methodologyHTML: String?
    var methodologyURL = ""
    var statuses: [Context] = [], replies: [Context] = [], values: [Context] = []
    /// The values summed up per indicator for a long report, or `false`.
    var longValues: Any = false
    var hasValues = false

    static let pageFields: [PageField<ReportPage>] = PageRenderer.reportItemKeys.map { key in PageField(key) { $0.item[key] } } + [
        PageField("summary_html") { opt($0.summaryHTML) },
        PageField("methodology_html") { opt($0.methodologyHTML) },
        PageField("methodology_url") { $0.methodologyURL },
        PageField("print_urls") { _ in true },
        PageField("statuses", .open) { $0.statuses },
        PageField("has_statuses") { !$0.statuses.isEmpty },
        PageField("replies", .open) { $0.replies },
        PageField("has_replies_only") { !$0.replies.isEmpty },
        PageField("long_values", .open) { $0.longValues },
        PageField("values", .open) { $0.values },
        PageField("has_values") { $0.hasValues },
    ]
}

/// A page per monitoring report, the index of reports, and the report lists
/// on plan and executor pages (docs/monitoring.md, *Report pages*).
extension PageRenderer {
    /// Reports in the order lists show them: newest publication first.
    func reportOrder(_ indices: some Sequence<Int>) -> [Int] {
        indices.sorted {
            let a = graph.site.reports[$0], b = graph.site.reports[$1]
            return (b.published, b.period, b.id) < (a.published, a.period, a.id)
        }
    }

    /// Reports that were read into the site (their plan exists).
    var linkedReports: [Int] { graph.monitoring.reportsByPlan.values.flatMap { $0 } }

    func reportName(_ report: Report) -> String {
        report.title ?? fill("report_default_title", ["reporter": report.reporter.name, "period": periodLabel(report.period)])
    }

    static let reporterKeys = ["reporter", "reporter_url"]
    static let reportItemKeys = ["title", "url", "kind", "kind_label", "period", "published", "published_iso", "plan_title", "plan_url", "count"]
        + reporterKeys

    /// A line in a list of reports.
    func reportItem(_ r: Int) -> Context {
        let report = graph.site.reports[r]
        let plan = graph.plan(report.plan)
        var item: Context = [
            "title": reportName(report), "url": routes.path(for: .report(report.id)),
            "kind": report.reporter.kind.rawValue, "kind_label": t("reporter_\(report.reporter.kind.rawValue)"),
            "period": periodLabel(report.period), "published": format.date(report.published), "published_iso": report.published.iso,
            "plan_title": opt(plan?.plan.shortTitle), "plan_url": opt(plan.map { routes.path(for: .plan($0.plan.id)) }),
            "count": plan.map { levelCount(report.measures.count, $0.plan.measureLevel) } ?? count(report.measures.count, "count_measures"),
        ]
        item.merge(reporterContext(report.reporter)) { _, new in new }
        return item
    }

    func planReports(_ p: Int) -> Context {
        let reports = reportOrder(graph.monitoring.reportsByPlan[p] ?? [])
        return ["items": reports.map(reportItem), "has_items": !reports.isEmpty,
                "feed_url": graph.routes.path(for: .planReportsFeed(graph.plans[p].plan.id)),
                "index_url": routes.path(for: .reports)]
    }

    /// Reports the executor published (named as `reporter.executor`).
    func executorReports(_ id: ExecutorID) -> Any {
        let reports = reportOrder(graph.monitoring.reportsByExecutor[id] ?? [])
        guard !reports.isEmpty else { return false }
        return ["items": reports.map(reportItem)] as Context
    }

    func reportsPage() -> ReportsPage {
        var page = ReportsPage(layout: layout(page: .reports, title: t("reports_heading"),
                                              breadcrumbs: [(t("nav_home"), .home), (t("reports_heading"), nil)]))
        page.items = reportOrder(linkedReports).map(reportItem)
        page.feeds = graph.plans.filter { graph.monitoring.reportsByPlan[graph.planByID[$0.plan.id]!] != nil }.map {
            ["title": $0.plan.shortTitle, "url": graph.routes.path(for: .planReportsFeed($0.plan.id))] as Context
        }
        page.methodologyURL = routes.path(for: .methodology)
        return page
    }

    /// Other reporters' assessments of a measure for the same period listed on a report page; the rest are counted.
    static let otherVoicesListed = 10

    func reportPage(_ id: String) -> ReportPage {
        let r = graph.monitoring.reportByID[id]!
        let report = graph.site.reports[r]
        let p = graph.planByID[report.plan]!
        let index = graph.plans[p]
        let name = reportName(report)
        var item = reportItem(r)
        item["plan_title"] = index.plan.shortTitle
        item["plan_url"] = routes.path(for: .plan(index.plan.id))
        var page = ReportPage(layout: layout(page: .report(id), title: "\(name) — \(planTitle(index.plan))", description: report.summary,
                                             breadcrumbs: [(t("nav_home"), .home), (t("reports_heading"), .reports), (name, nil)]),
                              item: item)
        page.summaryHTML = report.summary.map { HTML.paragraphs($0) }
        page.methodologyHTML = report.methodology.map { HTML.paragraphs($0) }
        page.methodologyURL = routes.path(for: .methodology)
        page.statuses = report.measures.compactMap { status -> Context? in
            guard let m = index.measureByNumber[status.measure] else { return nil }
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            guard let entry = graph.monitoring.entry(report: r, key) else { return nil }
            var item = entryContext(entry, key)
            item["measure"] = measureItem(key)
            // The whole text (a report page is printed and filed as a document), and the other
            // reporters' assessments of the same period beside it.
            item["measure_text"] = graph.measure(key).measure.text
            // The first few, and how many more with the measure page, which lists them all: a period with
            // hundreds of reporters would otherwise repeat them all on each of their pages.
            let others = graph.monitoring.entries(key, period: entry.period).filter { $0.report != r }
            let listed = others.prefix(PageRenderer.otherVoicesListed)
            item["others_more"] = others.count > listed.count
                ? ["text": fill("report_other_voices_more", ["count": count(others.count - listed.count, "count_assessments")]),
                   "url": routes.path(for: .measure(index.plan.id, graph.measure(key).measure.number))] as Context
                : false
            item["others"] = listed.map { other -> Context in
                var line = reporterContext(other.reporter)
                line["kind_label"] = t("reporter_\(other.reporter.kind.rawValue)")
                line["status_code"] = other.status.rawValue
                line["status_label"] = t("status_\(other.status.rawValue)")
                line["report_url"] = routes.path(for: .report(graph.site.reports[other.report].id))
                return line
            }
            item["has_others"] = !others.isEmpty
            return item
        }
        page.replies = reportReplies(r)
        // A report with more values than a page of a long series sums them up per indicator; every value is on
        // the indicators' value pages and in the open data (docs/monitoring.md, «Long series»).
        let long = report.indicators.count > PageRenderer.valuesPerPage
        page.longValues = long ? ["rows": reportValueSummary(report, plan: p)] as Context : false
        page.values = long ? [] : report.indicators.compactMap { value -> Context? in
            guard let i = index.indicatorByID[value.indicator] else { return nil }
            let conflicting = graph.monitoring.conflictingDates(Monitoring.IndicatorKey(plan: p, indicator: i)).contains(value.date)
            return ["indicator": indicatorNumber(value.indicator), "url": routes.path(for: .indicator(index.plan.id, value.indicator)),
                    "value": format.number(value.value), "unit": opt(value.unit), "date": format.date(value.date), "date_iso": value.date.iso,
                    "note": opt(value.note), "conflict": conflicting,
                    "breakdown": value.breakdown.map { ["dimension": dimensionName($0.dimension), "group": $0.group, "value": format.number($0.value)] as Context },
                    "has_breakdown": !value.breakdown.isEmpty]
        }
        page.hasValues = !report.indicators.isEmpty
        return page
    }

    /// A long report's values, one row per indicator in the order the report first gives them: how many,
    /// their first and last dates, the lowest and highest, the value of the last date, whether some differ
    /// from another report's for the same date.
    private func reportValueSummary(_ report: Report, plan p: Int) -> [Context] {
        let index = graph.plans[p]
        var order: [Int] = []
        var byIndicator: [Int: [IndicatorValue]] = [:]
        for value in report.indicators {
            guard let i = index.indicatorByID[value.indicator] else { continue }
            if byIndicator[i] == nil { order.append(i) }
            byIndicator[i, default: []].append(value)
        }
        return order.map { i in
            let values = byIndicator[i]!.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            let conflicts = graph.monitoring.conflictingDates(Monitoring.IndicatorKey(plan: p, indicator: i))
            var low = values[0], high = values[0]
            for value in values {
                if value.value.value < low.value.value { low = value }
                if value.value.value > high.value.value { high = value }
            }
            let id = index.indicators[i].indicator.id
            return ["indicator": indicatorNumber(id), "url": routes.path(for: .indicator(index.plan.id, id)), "count": "\(values.count)",
                    "first": format.date(values.first!.date), "first_iso": values.first!.date.iso,
                    "last": format.date(values.last!.date), "last_iso": values.last!.date.iso,
                    "lowest": format.number(low.value), "highest": format.number(high.value), "latest": format.number(values.last!.value),
                    "conflict": values.contains { conflicts.contains($0.date) }]
        }
    }
}
