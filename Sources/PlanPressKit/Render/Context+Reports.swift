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
        let reports = reportOrder(linkedReports.filter { graph.site.reports[$0].reporter.executor == id })
        guard !reports.isEmpty else { return false }
        return ["items": reports.map(reportItem)] as Context
    }

    func reportsContext() -> Context {
        var context = base(page: .reports, title: t("reports_heading"), breadcrumbs: [(t("nav_home"), .home), (t("reports_heading"), nil)])
        let reports = reportOrder(linkedReports)
        context["items"] = reports.map(reportItem)
        context["has_items"] = !reports.isEmpty
        context["feeds"] = graph.plans.filter { graph.monitoring.reportsByPlan[graph.planByID[$0.plan.id]!] != nil }.map {
            ["title": $0.plan.shortTitle, "url": graph.routes.path(for: .planReportsFeed($0.plan.id))] as Context
        }
        context["has_feeds"] = !(context["feeds"] as! [Context]).isEmpty
        context["methodology_url"] = routes.path(for: .methodology)
        return context
    }

    func reportContext(_ id: String) -> Context {
        let r = graph.site.reports.firstIndex { $0.id == id }!
        let report = graph.site.reports[r]
        let p = graph.planByID[report.plan]!
        let index = graph.plans[p]
        let name = reportName(report)
        var context = base(page: .report(id), title: "\(name) — \(planTitle(index.plan))", description: report.summary,
                           breadcrumbs: [(t("nav_home"), .home), (t("reports_heading"), .reports), (name, nil)])
        context.merge(reportItem(r)) { _, new in new }
        context["summary_html"] = opt(report.summary.map { HTML.paragraphs($0) })
        context["methodology_html"] = opt(report.methodology.map { HTML.paragraphs($0) })
        context["methodology_url"] = routes.path(for: .methodology)
        context["print_urls"] = true
        context["plan_title"] = index.plan.shortTitle
        context["plan_url"] = routes.path(for: .plan(index.plan.id))
        let history = graph.monitoring.history
        context["statuses"] = report.measures.compactMap { status -> Context? in
            guard let m = index.measureByNumber[status.measure] else { return nil }
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            guard let entry = history[key]?.first(where: { $0.report == r }) else { return nil }
            var item = entryContext(entry, key)
            item["measure"] = measureItem(key)
            // The whole text (a report page is printed and filed as a document), and the other
            // reporters' assessments of the same period beside it.
            item["measure_text"] = graph.measure(key).measure.text
            let others = (history[key] ?? []).filter { $0.period == entry.period && $0.report != r }
            item["others"] = others.map { other -> Context in
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
        context["has_statuses"] = !(context["statuses"] as! [Context]).isEmpty
        let replies = reportReplies(r)
        context["replies"] = replies
        context["has_replies_only"] = !replies.isEmpty
        context["values"] = report.indicators.compactMap { value -> Context? in
            guard let i = index.indicatorByID[value.indicator] else { return nil }
            let conflicting = graph.monitoring.conflictingDates(Monitoring.IndicatorKey(plan: p, indicator: i)).contains(value.date)
            return ["indicator": indicatorNumber(value.indicator), "url": routes.path(for: .indicator(index.plan.id, value.indicator)),
                    "value": format.number(value.value), "unit": opt(value.unit), "date": format.date(value.date), "date_iso": value.date.iso,
                    "note": opt(value.note), "conflict": conflicting,
                    "breakdown": value.breakdown.map { ["dimension": dimensionName($0.dimension), "group": $0.group, "value": format.number($0.value)] as Context },
                    "has_breakdown": !value.breakdown.isEmpty]
        }
        context["has_values"] = !report.indicators.isEmpty
        return context
    }
}
