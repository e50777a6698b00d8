extension PlanJSON {
    func measure(_ m: Int) -> JSONValue {
        let node = index.measures[m]
        let measure = node.measure
        let key = SiteGraph.MeasureKey(plan: p, measure: m)
        return .object([
            ("number", .string(measure.number)),
            ("number_assigned", .bool(measure.numberAssigned)),
            ("printed_number", .text(measure.printedNumber)),
            ("url", .string(routes.url(for: .measure(index.plan.id, measure.number)))),
            ("goal", .text(node.goal.map { index.goals[$0].goal.id })),
            ("goal_path", .array(fields.goalIDs(ofMeasure: m).map(JSONValue.string))),
            ("text", .string(measure.text)),
            ("lines", PlanJSON.lines(measure.citation)),
            ("corrections", PlanJSON.corrections(measure.citation)),
            ("responsible", measure.responsible.map { r in
                .object([("printed", .text(r.merged == nil ? fields.printed(r.printed, measure, source: source) : nil)),
                         ("same_as_row_above", .bool(r.sameAsRowAbove)),
                         ("reading", .text(r.merged == nil ? nil : r.printed)), ("reading_basis", .text(r.merged?.rawValue)),
                         ("reading_from", .text(r.mergeSource?.measure)),
                         ("executors", .array(r.assignments.map { .object([("id", .string($0.executor.raw)), ("consent", .bool($0.consent))]) }))])
            } ?? .null),
            ("term", term(measure.term, printed: fields.printed(measure.term.printedHere, measure, source: source))),
            ("indicators", .array(index.indicators[node.indicators].map { .string($0.indicator.id) })),
            ("results", .array(measure.results.map(JSONValue.string))),
            ("funding", funding(measure.funding, printed: fields.printed(measure.funding.printed, measure, source: source))),
            ("monitoring", monitoring(key, term: measure.term)),
        ])
    }

    /// `printed`: what the row's own cell prints, corrections undone (nil: empty).
    func term(_ term: Term, printed: String?) -> JSONValue {
        .object([
            ("printed", .text(printed)),
            ("same_as_row_above", .bool(term.sameAsRowAbove)),
            ("reading", .text(term.merged == nil ? nil : term.printed)),
            ("reading_basis", .text(term.merged?.rawValue)),
            ("reading_from", .text(term.mergeSource?.measure)),
            ("kind", .string(term.reading.kindCode)),
            ("start", .text(OpenDataFields.month(term.reading.start))),
            ("end", .text(OpenDataFields.month(term.reading.end))),
            ("due", .text(OpenDataFields.due(term))),
            ("frequency", .text(OpenDataFields.frequency(term))),
        ])
    }

    func funding(_ funding: Funding, printed: String?) -> JSONValue {
        let all = funding.lines.flatMap { $0.amounts.values.compactMap(\.money) }
        return .object([
            ("status", .string(funding.status.rawValue)),
            ("printed", .text(printed)),
            ("lines", .array(funding.lines.map(line))),
            ("total", .money(all.isEmpty ? nil : all.reduce(Money.zero, +))),
            ("total_origin", .string("computed")),
        ])
    }

    /// A funding line or a stated-total line: source id, printed spelling, amounts by year.
    func line(_ line: FundingLine) -> JSONValue {
        .object([
            ("source", .string(line.source)),
            ("source_printed", .string(line.printedSource)),
            ("amounts", .array(line.amounts.keys.sorted().map { year in
                let amount = line.amounts[year]!
                return .object([("year", .int(year)), ("amount", .money(amount.money)), ("dash", .bool(amount == .dash))])
            })),
        ])
    }

    func indicator(_ i: Int) -> JSONValue {
        let node = index.indicators[i]
        let indicator = node.indicator
        let values = graph.monitoring.values[Monitoring.IndicatorKey(plan: p, indicator: i)] ?? []
        return .object([
            ("id", .string(indicator.id)),
            ("measure", .string(index.measures[node.measure].measure.number)),
            ("text", .string(indicator.text)),
            ("url", .string(routes.url(for: .indicator(index.plan.id, indicator.id)))),
            ("target", indicator.target.map { t in
                .object([("printed", .string(t.printed)), ("value", .money(t.value)), ("unit", .text(t.unit)),
                         ("comparator", .text(t.comparator?.rawValue))])
            } ?? .null),
            ("values", .array(values.map { entry in
                let v = entry.value
                return .object([
                    ("date", .string(v.date.iso)), ("value", .decimal(v.value)), ("unit", .text(v.unit)),
                    ("report", .string(graph.site.reports[entry.report].id)), ("reporter", reporter(entry.reporter)),
                    ("breakdown", .array(v.breakdown.map {
                        .object([("dimension", .string($0.dimension)), ("group", .string($0.group)), ("value", .decimal($0.value))])
                    })),
                    ("note", .text(v.note)),
                ])
            })),
        ])
    }

    /// Each voice's latest status (neither stands for the other), disputed, due, term passed and the history.
    func monitoring(_ key: SiteGraph.MeasureKey, term: Term) -> JSONValue {
        let monitoring = graph.monitoring
        let voices = monitoring.voices(key)
        func latest(_ kind: Reporter.Kind) -> JSONValue {
            guard let entry = voices?.counted(kind) else { return .null }
            return .object([("status", .string(entry.status.rawValue)), ("period", .string(entry.period.code)),
                            ("report", .string(graph.site.reports[entry.report].id)), ("published", .string(entry.published.iso))])
        }
        return .object([
            ("official", latest(.official)),
            ("civil_society", latest(.civilSociety)),
            ("disputed", .bool(voices?.disputed ?? false)),
            ("due", .bool(monitoring.isDue(term))),
            ("term_passed", .bool(monitoring.isOverdue(key, term: term))),
            ("history", .array((monitoring.history[key] ?? []).map { entry in
                .object([
                    ("period", .string(entry.period.code)), ("status", .string(entry.status.rawValue)),
                    ("report", .string(graph.site.reports[entry.report].id)), ("reporter", reporter(entry.reporter)),
                    ("published", .string(entry.published.iso)),
                    ("narrative", .text(narrative(report: entry.report, measure: graph.measure(key).measure.number))),
                    ("evidence", .array(entry.evidence.map { .object([("title", .string($0.title)), ("url", .string($0.url))]) })),
                    ("reply_to", .text(entry.replyTo.map { graph.site.reports[$0].id })),
                ])
            })),
        ])
    }

    /// The report's narrative about a measure, as written (Markdown).
    func narrative(report: Int, measure: String) -> String? {
        graph.site.reports[report].measures.first { $0.measure == measure }?.narrative
    }

    func reporter(_ reporter: Reporter) -> JSONValue {
        .object([("kind", .string(reporter.kind.rawValue)), ("name", .string(reporter.name)), ("executor", .text(reporter.executor?.raw))])
    }

    /// Every body named in the plan, in registry order, with its part in each measure.
    var executors: [JSONValue] {
        var roles: [ExecutorID: [(number: String, consent: Bool, position: Int)]] = [:]
        for node in index.measures {
            for (position, assignment) in (node.measure.responsible?.assignments ?? []).enumerated() {
                roles[assignment.executor, default: []].append((node.measure.number, assignment.consent, position))
            }
        }
        return graph.executorOrder.filter { roles[$0] != nil }.compactMap { id in
            guard let executor = graph.executors[id] else { return nil }
            return .object([
                ("id", .string(id.raw)), ("name", .string(executor.name)), ("short", .text(executor.short)),
                ("kind", .string(executor.kind.rawValue)), ("parent", .text(executor.parent?.raw)),
                ("url", .string(routes.url(for: .executor(id)))),
                ("measures", .array(roles[id]!.map {
                    .object([("number", .string($0.number)), ("consent", .bool($0.consent)), ("position", .int($0.position))])
                })),
            ])
        }
    }

    /// Monitoring reports about this plan, oldest period first.
    var reports: [JSONValue] {
        (graph.monitoring.reportsByPlan[p] ?? []).map { r in
            let report = graph.site.reports[r]
            return .object([
                ("id", .string(report.id)), ("period", .string(report.period.code)), ("reporter", reporter(report.reporter)),
                ("published", .string(report.published.iso)), ("title", .text(report.title)), ("summary", .text(report.summary)),
            ])
        }
    }
}
