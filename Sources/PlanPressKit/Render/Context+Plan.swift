/// A plan's page (`plan.mustache`): the document's title block, its tree of goals, its budget, its monitoring.
struct PlanPage: LayoutPageModel {
    var layout: LayoutFields
    /// The plan's card as lists show it (`planSummary`).
    var plan: Context
    /// The approval block as far as the document shows it (`approvalContext`).
    var approval: Context
    var titleHTML = "", measuresHeading = "", printURL = ""
    var documentKind: String?, visionHTML: String?, preambleHTML: String?
    var sourceURL: String?, sourcePageURL: String?, notesURL: String?
    /// Position, name and citation; absent when the document prints no signature.
    var signatory: Context?
    /// Citations (`citationContext`), each a record or `false`.
    var titleCitation: Any = false, visionCitation: Any = false, totalsCitation: Any = false
    var tree: [Context] = []
    var measures: [Record] = []
    var commentary: [Context] = []
    /// The downloads block, or `false`.
    var downloads: Any = false
    var monitoring: Context = [:]
    /// Updates about the plan or its items: a section or `false`.
    var relatedUpdates: Any = false
    /// Absent when the document has no budget.
    var budget: PlanBudget?

    static let pageFields: [PageField<PlanPage>] = [
        PageField("plan", .record(PageRenderer.planSummaryKeys)) { $0.plan },
        PageField("title_html") { $0.titleHTML },
        PageField("document_kind") { opt($0.documentKind) },
        PageField("approval", .record(["none", "printed_html", "label", "by", "person", "document", "number", "citation", "date"])) { $0.approval },
        PageField("signatory", .record(["position", "name", "citation"])) { $0.signatory },
        PageField("title_citation", .record(PageRenderer.citationKeys)) { $0.titleCitation },
        PageField("vision_html") { opt($0.visionHTML) },
        PageField("vision_citation", .record(PageRenderer.citationKeys)) { $0.visionCitation },
        PageField("preamble_html") { opt($0.preambleHTML) },
        PageField("tree", .record(PageRenderer.goalItemKeys)) { $0.tree },
        PageField("has_tree") { !$0.tree.isEmpty },
        PageField("measures", .open) { $0.measures },
        PageField("has_root_measures") { !$0.measures.isEmpty },
        PageField("measures_heading") { $0.measuresHeading },
        PageField("source_url") { $0.sourceURL },
        PageField("source_page_url") { opt($0.sourcePageURL) },
        PageField("notes_url") { opt($0.notesURL) },
        PageField("print_url") { $0.printURL },
        PageField("commentary", .record(PageRenderer.commentaryKeys)) { $0.commentary },
        PageField("downloads", .record(PageRenderer.downloadsKeys)) { $0.downloads },
        PageField("plan_monitoring", .open) { $0.monitoring },
        PageField("related_updates", .record(PageRenderer.relatedUpdatesKeys)) { $0.relatedUpdates },
        PageField("totals_citation", .record(PageRenderer.citationKeys)) { $0.totalsCitation },
    ] + PlanBudget.fields { $0.budget }
}

/// The whole plan on one page for printing (`plan-print.mustache`): the plan page's fields, its own
/// layout (breadcrumbs, the stylesheet with its running header) and every goal and measure in order.
struct PrintPage: LayoutPageModel {
    var plan: PlanPage
    var sections: [PageRenderer.Context]
    /// The plan page's, replaced by the print version's own (`printPage`); read in place, not copied.
    var layout: LayoutFields { _read { yield plan.layout } }

    static let pageFields: [PageField<PrintPage>] = PlanPage.pageFields.map { field in
        PageField(field.field.name, field.field.kind) { field.read($0.plan) }
    } + [
        PageField("sections", .open) { $0.sections },
    ]
}

/// A plan's budget: by source × year, by top-level goal × year, stated totals against computed ones.
struct PlanBudget {
    var heading, unit: String
    var bySource: PageRenderer.Context
    /// The chart, or nil when the sums have no years to draw.
    var chart: PageRenderer.Context?
    var byGoal: PageRenderer.Context
    var hasChecks: Bool
    var mismatches: [PageRenderer.Context]
    var checksHeading: String
    var hasPlanReconciliation: Bool
    var planReconciliation: [PageRenderer.Context]

    static func fields<Page>(_ get: @escaping @Sendable (Page) -> PlanBudget?) -> [PageField<Page>] {
        [
            PageField("has_budget") { get($0) != nil },
            PageField("budget_heading") { get($0)?.heading },
            PageField("budget_unit") { get($0)?.unit },
            PageField("budget_by_source", .open) { get($0)?.bySource },
            PageField("budget_chart", .open) { get($0).map { $0.chart ?? false } },
            PageField("budget_by_goal", .open) { get($0)?.byGoal },
            PageField("has_checks") { get($0)?.hasChecks },
            PageField("mismatches", .open) { get($0)?.mismatches },
            PageField("has_mismatches") { get($0).map { !$0.mismatches.isEmpty } },
            PageField("checks_heading") { get($0)?.checksHeading },
            PageField("has_plan_reconciliation") { get($0)?.hasPlanReconciliation },
            PageField("plan_reconciliation", .open) { get($0)?.planReconciliation },
            PageField("reconciliation", .open) { get($0)?.planReconciliation },
        ]
    }
}

extension PageRenderer {
    static let planSummaryKeys = ["title", "short_title", "url", "uk_only", "period", "draft", "period_inferred", "period_passed",
                                  "status", "status_code", "counts", "level_notes", "monitoring", "issuer"]

    func planSummary(_ p: Int) -> Context {
        summaries.summary(p) { makePlanSummary(p) }
    }

    private func makePlanSummary(_ p: Int) -> Context {
        let index = graph.plans[p]
        let plan = index.plan
        var levelCounts: [Context] = []
        // Counts with the plural form each number takes: «5 напрямів · 28 заходів», "5 directions · 28 measures".
        for (depth, level) in plan.levels.dropLast().enumerated() {
            let n = index.goals.filter { $0.goal.depth == depth }.count
            if n > 0 { levelCounts.append(["count": n, "label": format.plural(n, level.countForms(language: language))]) }
        }
        let measures = index.measures.count
        levelCounts.append(["count": measures, "label": format.plural(measures, plan.measureLevel.countForms(language: language))])
        if !index.indicators.isEmpty { levelCounts.append(["count": index.indicators.count, "label": pluralWord(index.indicators.count, "count_indicators")]) }
        let executors = Set(index.measures.flatMap { $0.measure.responsible?.assignments.map(\.executor) ?? [] })
        if !executors.isEmpty { levelCounts.append(["count": executors.count, "label": pluralWord(executors.count, "count_executors")]) }
        return [
            "title": plan.title, "short_title": planTitle(plan), "url": routes.path(for: .plan(plan.id)),
            "uk_only": language == "en",   // every document is Ukrainian, whatever its English label
            "period": periodText(plan.period), "draft": plan.status == .draft,
            "period_inferred": opt(plan.period.inferredFrom.map { fill("period_inferred", ["printed": $0]) }),
            "period_passed": plan.period.to.map { $0 < graph.site.settings.asOf.year } ?? false,
            "status": t("status_\(plan.status.rawValue)"), "status_code": plan.status.rawValue,
            "counts": levelCounts,
            "level_notes": plan.levels.filter(\.nameAssigned).map { ["text": fill("level_name_assigned", ["name": levelName($0)])] },
            "monitoring": homeMonitoring(p),
            "issuer": issuerContext(plan),
        ]
    }

    /// The issuer as the document names it, quoted, with its lines and the registry body the site
    /// identifies it with; `false` when the document names none (pages then say so).
    func issuerContext(_ plan: Plan) -> Any {
        guard let issuer = plan.issuer, let printed = issuer.printed else { return false }
        let body = issuer.executor.flatMap { graph.executors[$0] }
        return ["printed": printed, "citation": citationContext(issuer.citation, plan: plan.id),
                "body": body.map { ["name": $0.displayName, "url": routes.path(for: .executor($0.id))] as Context } ?? false] as Context
    }

    /// The approval block exactly as far as the document shows it; blanks («№ _____») are
    /// said to be blank, and a plan without a block says so (issue 13 §3).
    func approvalContext(_ approval: Approval?, plan: PlanID) -> Context {
        guard let approval else { return ["none": true, "printed_html": false, "citation": false] }
        func field(_ printed: String?, blankWhenMissing: Bool) -> Any {
            guard let printed else { return blankWhenMissing ? t("not_stated") : false }
            return Approval.isBlank(printed) ? "\(t("approval_blank")) («\(printed)»)" : printed
        }
        return [
            "none": false,
            "printed_html": opt(approval.printed.map { HTML.escape($0).replacingEvery("\n", with: "<br>\n") }),
            "label": opt(approval.label), "by": opt(approval.by), "person": opt(approval.person),
            "document": opt(approval.document),
            "number": field(approval.number, blankWhenMissing: true),
            "citation": citationContext(approval.citation, plan: plan),
            "date": approval.datePrinted == nil ? approval.date.map(format.date) ?? t("not_stated")
                : field(approval.datePrinted, blankWhenMissing: true),
        ] as Context
    }

    func periodText(_ period: Period) -> String {
        switch (period.from, period.to) {
        case let (from?, to?): return from == to ? "\(from)" : "\(from)–\(to)"
        case let (nil, to?): return language == "en" ? "until \(to)" : "до \(to)"
        case let (from?, nil): return language == "en" ? "from \(from)" : "з \(from)"
        default: return t("not_stated")
        }
    }

    func planPage(_ p: Int) -> PlanPage {
        let index = graph.plans[p]
        let plan = index.plan
        var layout = layout(page: .plan(plan.id), title: planTitle(plan), description: plan.title,
                            breadcrumbs: [(t("nav_home"), .home), (t("plans_heading"), .plans), (planTitle(plan), nil)])
        layout.planFeedURL = routes.path(for: .planFeed(plan.id))
        var page = PlanPage(layout: layout, plan: planSummary(p), approval: approvalContext(plan.approval, plan: plan.id))
        page.titleHTML = inline(plan.title, plan: plan.id)
        page.documentKind = plan.documentKind
        if let signatory = plan.signatory {
            page.signatory = ["position": opt(signatory.position), "name": opt(signatory.name),
                              "citation": citationContext(signatory.citation, plan: plan.id)] as Context
        }
        page.titleCitation = citationContext(plan.titleCitation, plan: plan.id)
        page.visionHTML = plan.vision.map { text($0, plan: plan.id) }
        page.visionCitation = citationContext(plan.visionCitation, plan: plan.id)
        page.preambleHTML = plan.preamble.map { text($0, plan: plan.id) }
        page.tree = index.topGoals.map { goalItem(p, $0, recursive: true) }
        page.measures = index.rootMeasures.map { measureItem(SiteGraph.MeasureKey(plan: p, measure: $0)) }
        page.measuresHeading = levelPlural(plan.measureLevel)
        if plan.source != nil { page.sourceURL = routes.asset(routes.relativePath(for: .planSource(plan.id))) }
        let sourcePages = PageRenderer.sourcePages(plan, graph: graph)
        page.sourcePageURL = sourcePages.first.map { routes.path(for: $0) }
        page.notesURL = sourcePages.count > 1 ? routes.path(for: sourcePages[1]) : nil
        page.printURL = routes.path(for: .planPrint(plan.id))
        page.commentary = commentary(.plan(plan.id))
        page.downloads = downloads(plans: [plan.id], kinds: PageRenderer.pageKinds, site: [.archive])
        page.monitoring = planMonitoring(p)
        page.relatedUpdates = planUpdates(plan.id)
        page.budget = planBudget(p)
        page.totalsCitation = citationContext(plan.budget?.statedTotals?.citation, plan: plan.id)
        return page
    }

    /// Plan budget: by source × year, by top-level goal × year, stated vs computed.
    func planBudget(_ p: Int) -> PlanBudget? {
        let index = graph.plans[p]
        guard let budget = index.plan.budget else { return nil }
        let sums = BudgetSums(measures: index.measures.map(\.measure))
        let years = budget.displayYears(sums)
        let goalRows: [Context] = index.topGoals.map { g in
            let node = index.goals[g]
            let goalSums = BudgetSums(measures: index.measures[node.subtree].map(\.measure))
            return ["label": "\(levelName(index.level(of: g))) \(node.goal.number)", "printed": false, "url": routes.path(for: .goal(index.plan.id, node.goal.id)),
                    "cells": years.map { ["value": goalSums.total(year: $0).map(format.money) ?? "—"] },
                    "total": goalSums.grandTotal.map(format.money) ?? "—"]
        }
        let byGoal: Context = [
            "caption": t("budget_by_goal"), "unit": budget.unit, "years": years.map { ["year": $0] },
            "row_header": opt(index.plan.levels.first.map(levelName)), "rows": goalRows, "has_rows": !goalRows.isEmpty, "has_totals": true,
            "computed": true, "total_label": t("total_computed"),
            "totals": years.map { ["value": sums.total(year: $0).map(format.money) ?? "—"] },
            "grand_total": sums.grandTotal.map(format.money) ?? "—",
        ]
        let checks = graph.budgetChecks[p]
        let mismatches = checks.filter { !$0.matches }
        let planChecks = checks.filter { $0.goal == nil }
        return PlanBudget(
            heading: budgetHeading(budget), unit: budget.unit,
            bySource: sourceTable(sums, budget: budget, caption: t("budget_by_source")),
            chart: budgetChart(BudgetChart(sums: sums, budget: budget), id: "budget-chart"),
            byGoal: byGoal, hasChecks: !checks.isEmpty,
            mismatches: mismatches.map { check -> Context in
                var row = reconciliation([check], plan: index.plan)[0]
                row["scope"] = check.goal.map { "\(levelName(index.level(of: $0))) \(index.goals[$0].goal.number)" } ?? t("total")
                row["scope_url"] = opt(check.goal.map { routes.path(for: .goal(index.plan.id, index.goals[$0].goal.id)) })
                return row
            },
            checksHeading: t("stated_totals_heading"),
            hasPlanReconciliation: !planChecks.isEmpty,
            planReconciliation: reconciliation(planChecks, plan: index.plan))
    }

    /// The whole plan on one page for printing.
    func printPage(_ p: Int) -> PrintPage {
        let index = graph.plans[p]
        var plan = planPage(p)
        plan.layout = layout(page: .planPrint(index.plan.id), title: planTitle(index.plan), breadcrumbs: planCrumbs(p) + [(t("print_version"), nil)])
        plan.layout.pageCSS = routes.path(for: .planPrint(index.plan.id)) + PageRenderer.printPageCSS
        return PrintPage(plan: plan, sections: printSections(p, goals: index.topGoals, measures: index.rootMeasures, level: 2))
    }

    /// The print version's own stylesheet: @page margin boxes with the plan's short
    /// title, the as-of date and the page number, on every printed page.
    static let printPageCSS = "page.css"

    func printPageStyle(_ p: Int) -> String {
        let plan = graph.plans[p].plan
        let asOf = "\(t("as_of")) \(format.date(graph.site.settings.asOf))"
        return """
            /* The running header of the print version (generated; see Templates/assets/print.css). */
            @page {
              @top-left { content: \(PageRenderer.cssString(planTitle(plan))); font-size: 8pt; color: #333; vertical-align: bottom; padding-bottom: 2mm; }
              @top-right { content: \(PageRenderer.cssString(asOf)); font-size: 8pt; color: #333; vertical-align: bottom; padding-bottom: 2mm; }
              @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #333; }
            }

            """
    }

    /// A CSS string literal: quotes, backslashes and line breaks escaped.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r": out += "\\A "
            default:
                if scalar.value < 0x20 || scalar == "<" { out += "\\\(String(scalar.value, radix: 16)) " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    private func printSections(_ p: Int, goals: [Int], measures: [Int], level: Int) -> [Context] {
        let index = graph.plans[p]
        var sections: [Context] = measures.map { m in
            var measure = printMeasure(SiteGraph.MeasureKey(plan: p, measure: m))
            measure["is_measure"] = true
            measure["is_goal"] = false
            measure["body"] = false
            measure["has_reconciliation"] = false
            measure["heading_level"] = min(6, level)
            return measure
        }
        for g in goals {
            let node = index.goals[g]
            var section = goalItem(p, g, recursive: false)
            section["is_goal"] = true
            section["is_measure"] = false
            section["heading_level"] = min(6, level)
            section["body"] = printSections(p, goals: node.children, measures: node.directMeasures, level: level + 1)
            // The goal's stated subtotals next to the sums of its rows, as on its page, with their lines.
            section.merge(reconciliationBlock(graph.budgetChecksByGoal[p][g] ?? [], plan: index.plan)) { _, new in new }
            section["totals_citation"] = citationContext(node.goal.statedTotals?.citation, plan: index.plan.id)
            section["citation"] = citationContext(node.goal.citation, plan: index.plan.id)
            sections.append(section)
        }
        return sections
    }

    /// Only what the print template shows of a measure: the full page context
    /// (breadcrumbs, pager, monitoring) would be built for nothing, hundreds of times.
    private func printMeasure(_ key: SiteGraph.MeasureKey) -> Context {
        let index = graph.plans[key.plan]
        let node = index.measures[key.measure]
        let measure = node.measure
        let planID = index.plan.id
        // The document's words: the responsible cell as printed (the registry's names only where the
        // content gives no printed cell), a merged cell as the site's reading, the citation and corrections.
        let registryNames = executorRefs(measure, plan: planID).compactMap { $0["full_name"] as? String }
        let responsibleText = measure.responsible?.printed ?? (registryNames.isEmpty ? nil : registryNames.joined(separator: "; "))
        var item: Context = [
            "level": levelName(index.plan.measureLevel),
            "number": displayNumber(measure), "number_assigned": measure.numberAssigned,
            "printed_number": opt(measure.printedNumber),
            "responsible_merged": mergedCellContext(measure.responsible?.merged, source: measure.responsible?.mergeSource, key: key),
            "responsible_heading": responsibleHeading(index.plan),
            "responsible_text": opt(responsibleText),
            "text_html": text(measure.text, plan: planID),
            "citation": citationContext(measure.citation, plan: planID),
            "term": termContext(measure.term, key: key),
            "indicators": index.indicators[node.indicators].map { indicatorItem(key.plan, $0) },
            "has_indicators": !node.indicators.isEmpty,
            "results": measure.results.map { ["html": inline($0, plan: planID)] },
            "has_results": !measure.results.isEmpty,
            "funding": fundingContext(measure, plan: index.plan),
        ]
        item.merge(columnsContext(index.columns)) { _, new in new }
        return item
    }
}
