/// `/methodology/`: how the site reads the reports — what each status means,
/// how «строк минув», «оцінки розходяться», the history and the replies are
/// computed, what a merged cell's reading is — and each reporter's own
/// methodology from its reports (`methodology:`), newest first.
struct MethodologyPage: LayoutPageModel {
    var layout: LayoutFields
    var statuses: [Context] = [], rules: [Context] = [], reporters: [Context] = []

    static let pageFields: [PageField<MethodologyPage>] = [
        PageField("statuses", .record(["code", "label", "meaning"])) { $0.statuses },
        PageField("rules", .record(["anchor", "heading", "text"])) { $0.rules },
        PageField("reporters", .record(PageRenderer.reporterKeys + ["kind_label", "text_html", "report_url", "report_name"])) { $0.reporters },
        PageField("has_reporters") { !$0.reporters.isEmpty },
    ]
}

extension PageRenderer {
    func methodologyPage() -> MethodologyPage {
        var page = MethodologyPage(layout: layout(page: .methodology, title: t("methodology_heading"),
                                                  breadcrumbs: [(t("nav_home"), .home), (t("reports_heading"), .reports), (t("methodology_heading"), nil)]))
        // The monitoring's date, which the rules are read at, in the layout's «станом на».
        page.layout.asOf = format.date(graph.monitoring.asOf)
        page.statuses = MeasureStatusValue.allCases.map { status -> Context in
            ["code": status.rawValue, "label": t("status_\(status.rawValue)"), "meaning": t("methodology_status_\(status.rawValue)")]
        }
        page.rules = ["overdue", "disputed", "voices", "history", "replies", "merged", "values"].map { rule -> Context in
            ["anchor": rule, "heading": t("methodology_\(rule)_heading"),
             "text": fill("methodology_\(rule)", ["date": format.date(graph.monitoring.asOf)])]
        }
        // Each reporter's methodology as its latest report that states one gives it.
        var byReporter: [Reporter: Int] = [:]
        for r in reportOrder(linkedReports) where graph.site.reports[r].methodology != nil {
            let reporter = graph.site.reports[r].reporter
            if byReporter[reporter] == nil { byReporter[reporter] = r }
        }
        let reporters = byReporter.sorted { a, b in
            (a.key.kind.rawValue, a.key.name) < (b.key.kind.rawValue, b.key.name)
        }
        page.reporters = reporters.map { reporter, r -> Context in
            let report = graph.site.reports[r]
            var item = reporterContext(reporter)
            item["kind_label"] = t("reporter_\(reporter.kind.rawValue)")
            item["text_html"] = HTML.paragraphs(report.methodology!)
            item["report_url"] = routes.path(for: .report(report.id)) + "#methodology"
            item["report_name"] = reportName(report)
            return item
        }
        return page
    }
}
