extension SiteLinker {
    /// Validates reports against the plans and builds status and value histories.
    func linkMonitoring(plans: [PlanIndex], planByID: [PlanID: Int], executors: [ExecutorID: Executor],
                        resolver: ReferenceResolver) -> Monitoring {
        var monitoring = Monitoring(asOf: site.settings.asOf)
        // Built here and set once: setting `history` and `values` indexes them (`Monitoring.StatusIndex`, `ValueIndex`).
        var history: [SiteGraph.MeasureKey: [Monitoring.StatusEntry]] = [:]
        var values: [Monitoring.IndicatorKey: [Monitoring.ValueEntry]] = [:]
        let reportByID = Dictionary(site.reports.indices.map { (site.reports[$0].id, $0) }) { first, _ in first }
        var measuresOf: [Int: Set<String>] = [:]
        var claimed: [String: Report] = [:]
        let order = site.reports.indices.sorted {
            let a = site.reports[$0], b = site.reports[$1]
            return (a.period, a.published, a.id) < (b.period, b.published, b.id)
        }
        for r in order {
            let report = site.reports[r]
            guard let p = planByID[report.plan] else {
                sink.error(.reportUnknownPlan(plan: report.plan.raw, suggestions: Suggestions.closest(to: report.plan.raw, in: planByID.keys.map(\.raw))),
                           at: report.planLocation)
                continue
            }
            if let executor = report.reporter.executor, executors[executor] == nil {
                sink.error(.reporterUnknownExecutor(executor: executor.raw, suggestions: Suggestions.closest(to: executor.raw, in: executors.keys.map(\.raw))),
                           at: report.reporter.executorLocation ?? report.location)
            }
            let claim = "\(report.plan)|\(report.reporter.name)|\(report.period.code)"
            if let other = claimed[claim] {
                sink.error(.reportsOverlap(reporter: report.reporter.name, plan: report.plan.raw, period: report.period.code, otherFile: other.file),
                           at: report.location)
                continue
            }
            claimed[claim] = report
            monitoring.reportsByPlan[p, default: []].append(r)
            if let executor = report.reporter.executor { monitoring.reportsByExecutor[executor, default: []].append(r) }
            addStatuses(report, index: r, plan: p, plans: plans, resolver: resolver, reports: reportByID, measuresOf: &measuresOf,
                        into: &history)
            addValues(report, index: r, plan: p, plans: plans, into: &values)
        }
        // Each indicator's values by date, then report, then the order they were read in: sorted once here.
        for key in values.keys {
            values[key] = values[key]!.enumerated().sorted { a, b in
                (a.element.value.date, a.element.report, a.offset) < (b.element.value.date, b.element.report, b.offset)
            }.map(\.element)
        }
        monitoring.reportByID = reportByID
        monitoring.history = history
        monitoring.values = values
        return monitoring
    }

    private func addStatuses(_ report: Report, index r: Int, plan p: Int, plans: [PlanIndex],
                             resolver: ReferenceResolver, reports: [String: Int], measuresOf: inout [Int: Set<String>],
                             into history: inout [SiteGraph.MeasureKey: [Monitoring.StatusEntry]]) {
        var seen: Set<String> = []
        for status in report.measures {
            guard let m = plans[p].measureByNumber[status.measure] else {
                sink.error(.reportUnknownMeasure(measure: status.measure, plan: report.plan.raw,
                                                 suggestions: Suggestions.closest(to: status.measure, in: plans[p].measureByNumber.keys)),
                           at: status.location)
                continue
            }
            guard seen.insert(status.measure).inserted else {
                sink.error(.reportMeasureTwice(measure: status.measure), at: status.location)
                continue
            }
            let narrative = status.narrative.map {
                renderMarkdown($0, file: report.file, firstLine: status.location.line, defaultPlan: report.plan, resolver: resolver)
            }
            let entry = Monitoring.StatusEntry(report: r, period: report.period, reporter: report.reporter, published: report.published,
                                               status: status.status, narrativeHTML: narrative, evidence: status.evidence,
                                               replyTo: status.replyTo.flatMap {
                                                   reply(to: $0, from: report, index: r, status: status, reports: reports, measuresOf: &measuresOf)
                                               })
            history[SiteGraph.MeasureKey(plan: p, measure: m), default: []].append(entry)
        }
    }

    private func addValues(_ report: Report, index r: Int, plan p: Int, plans: [PlanIndex],
                           into values: inout [Monitoring.IndicatorKey: [Monitoring.ValueEntry]]) {
        for value in report.indicators {
            guard let i = plans[p].indicatorByID[value.indicator] else {
                sink.error(.reportUnknownIndicator(indicator: value.indicator, plan: report.plan.raw,
                                                   suggestions: Suggestions.closest(to: value.indicator, in: plans[p].indicatorByID.keys)),
                           at: value.location)
                continue
            }
            if let target = plans[p].indicators[i].indicator.target, let targetUnit = target.unit, let unit = value.unit,
               Target.normalisedUnit(targetUnit) != Target.normalisedUnit(unit) {
                sink.warning(.indicatorUnitMismatch(indicator: value.indicator, unit: unit, targetUnit: targetUnit),
                             at: value.location)
            }
            let key = Monitoring.IndicatorKey(plan: p, indicator: i)
            values[key, default: []].append(Monitoring.ValueEntry(report: r, reporter: report.reporter, value: value))
        }
    }

    /// The report a `reply_to` answers, checked: it exists, covers the same plan,
    /// is another report and gives a status for the same measure.
    private func reply(to reference: MeasureStatus.ReplyReference, from report: Report, index r: Int, status: MeasureStatus,
                       reports: [String: Int], measuresOf: inout [Int: Set<String>]) -> Int? {
        guard let target = reports[reference.report] else {
            sink.error(.replyToUnknownReport(report: reference.report, suggestions: Suggestions.closest(to: reference.report, in: site.reports.map(\.id))),
                       at: reference.location)
            return nil
        }
        let answered = site.reports[target]
        if target == r {
            sink.error(.replyToSameReport, at: reference.location)
            return nil
        }
        if answered.plan != report.plan {
            sink.error(.replyToOtherPlan(report: reference.report, answeredPlan: "\(answered.plan)", plan: "\(report.plan)"),
                       at: reference.location)
            return nil
        }
        if reference.measure != status.measure {
            sink.error(.replyToOtherMeasure(answers: reference.measure, measure: status.measure),
                       at: reference.location)
            return nil
        }
        if measuresOf[target] == nil { measuresOf[target] = Set(answered.measures.map(\.measure)) }
        guard measuresOf[target]!.contains(reference.measure) else {
            sink.error(.replyToMissingStatus(report: reference.report, measure: reference.measure,
                                             suggestions: Suggestions.closest(to: reference.measure, in: Set(answered.measures.map(\.measure)).sorted())),
                       at: reference.location)
            return nil
        }
        return target
    }
}
