extension SiteLinker {
    /// Validates reports against the plans and builds status and value histories.
    func linkMonitoring(plans: [PlanIndex], planByID: [PlanID: Int], executors: [ExecutorID: Executor],
                        resolver: ReferenceResolver) -> Monitoring {
        var monitoring = Monitoring(asOf: site.settings.asOf)
        // Built here and set once: setting `history`, `values` and `replies` indexes them (`Monitoring.StatusIndex`, …).
        var parts = Parts(reportByID: Dictionary(site.reports.indices.map { (site.reports[$0].id, $0) }) { first, _ in first })
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
            // A report that only replies is not a second account of the period.
            let claim = "\(report.plan)|\(report.reporter.name)|\(report.period.code)"
            if !report.isReplyOnly, let other = claimed[claim] {
                sink.error(.reportsOverlap(reporter: report.reporter.name, plan: report.plan.raw, period: report.period.code, otherFile: other.file),
                           at: report.location)
                continue
            }
            if !report.isReplyOnly { claimed[claim] = report }
            monitoring.reportsByPlan[p, default: []].append(r)
            if let executor = report.reporter.executor { monitoring.reportsByExecutor[executor, default: []].append(r) }
            addStatuses(report, index: r, plan: p, plans: plans, executors: executors, resolver: resolver, into: &parts)
            addValues(report, index: r, plan: p, plans: plans, into: &parts.values)
        }
        // Each indicator's values by date, then report, then the order they were read in; replies by publication,
        // then report: sorted once here.
        for key in parts.values.keys {
            parts.values[key] = parts.values[key]!.enumerated().sorted { a, b in
                (a.element.value.date, a.element.report, a.offset) < (b.element.value.date, b.element.report, b.offset)
            }.map(\.element)
        }
        for key in parts.replies.keys {
            parts.replies[key] = parts.replies[key]!.enumerated().sorted { a, b in
                (a.element.published, a.element.report, a.offset) < (b.element.published, b.element.report, b.offset)
            }.map(\.element)
        }
        monitoring.reportByID = parts.reportByID
        monitoring.history = parts.history
        monitoring.values = parts.values
        monitoring.replies = parts.replies
        return monitoring
    }

    /// What linking the reports collects before it is set on `Monitoring` once.
    private struct Parts {
        var reportByID: [String: Int]
        var history: [SiteGraph.MeasureKey: [Monitoring.StatusEntry]] = [:]
        var values: [Monitoring.IndicatorKey: [Monitoring.ValueEntry]] = [:]
        var replies: [SiteGraph.MeasureKey: [Monitoring.Reply]] = [:]
        /// The measures each report gives a status for, made when a reply first names the report.
        var assessed: [Int: Set<String>] = [:]
    }

    private func addStatuses(_ report: Report, index r: Int, plan p: Int, plans: [PlanIndex], executors: [ExecutorID: Executor],
                             resolver: ReferenceResolver, into parts: inout Parts) {
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
                renderKeptMarkdown($0, file: report.file, firstLine: status.location.line, defaultPlan: report.plan, resolver: resolver)
            }
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            let answered = status.replyTo.flatMap { reply(to: $0, from: report, index: r, status: status, parts: &parts) }
            if let answered {
                parts.replies[key, default: []].append(Monitoring.Reply(
                    report: r, answers: answered, reporter: report.reporter, period: report.period, published: report.published,
                    status: status.status, narrativeHTML: narrative, evidence: status.evidence))
            }
            if let request = status.replyRequest, status.status == nil {
                sink.error(.replyRequestWithoutStatus, at: request.location)
            }
            guard let value = status.status else { continue }
            var entry = Monitoring.StatusEntry(report: r, period: report.period, reporter: report.reporter, published: report.published,
                                               status: value, narrativeHTML: narrative, evidence: status.evidence, replyTo: answered)
            entry.replyRequestedFrom = status.replyRequest.flatMap { replyBody($0, measure: plans[p].measures[m].measure, executors: executors) }
            parts.history[key, default: []].append(entry)
        }
    }

    /// The body asked to answer: the one `reply_requested` names (it must be in the registry), or the
    /// measure's body named first.
    private func replyBody(_ request: MeasureStatus.ReplyRequest, measure: Measure, executors: [ExecutorID: Executor]) -> ExecutorID? {
        if let named = request.executor {
            guard executors[named] != nil else {
                sink.error(.replyRequestUnknownExecutor(executor: named.raw, suggestions: Suggestions.closest(to: named.raw, in: executors.keys.map(\.raw))),
                           at: request.location)
                return nil
            }
            return named
        }
        guard let first = measure.responsible?.assignments.first?.executor else {
            sink.error(.replyRequestNoBody(measure: measure.number), at: request.location)
            return nil
        }
        return first
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
                             at: value.unitLocation ?? value.location)
            }
            // A report speaks for its own period, and a value cannot describe a day after the report was published.
            let month = YearMonth(year: value.date.year, month: value.date.month)
            if month < report.period.start || report.period.end < month {
                sink.error(.valueDateOutsidePeriod(indicator: value.indicator, date: value.date.iso, period: report.period.code),
                           at: value.dateLocation ?? value.location)
            } else if report.published < value.date {
                sink.error(.valueDateAfterPublished(indicator: value.indicator, date: value.date.iso, published: report.published.iso),
                           at: value.dateLocation ?? value.location)
            }
            let key = Monitoring.IndicatorKey(plan: p, indicator: i)
            values[key, default: []].append(Monitoring.ValueEntry(report: r, reporter: report.reporter, value: value))
        }
    }

    /// The report a `reply_to` answers, checked: it exists, covers the same plan,
    /// is another report and gives a status for the same measure.
    private func reply(to reference: MeasureStatus.ReplyReference, from report: Report, index r: Int, status: MeasureStatus,
                       parts: inout Parts) -> Int? {
        guard let target = parts.reportByID[reference.report] else {
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
        if parts.assessed[target] == nil { parts.assessed[target] = Set(answered.measures.filter { $0.status != nil }.map(\.measure)) }
        guard parts.assessed[target]!.contains(reference.measure) else {
            sink.error(.replyToMissingStatus(report: reference.report, measure: reference.measure,
                                             suggestions: Suggestions.closest(to: reference.measure, in: Set(answered.measures.map(\.measure)).sorted())),
                       at: reference.location)
            return nil
        }
        if report.published < answered.published {
            sink.error(.replyBeforeAnswered(published: report.published.iso, answered: reference.report, answeredPublished: answered.published.iso),
                       at: reference.location)
            return nil
        }
        return target
    }
}
