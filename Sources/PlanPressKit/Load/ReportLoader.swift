/// Reads `reports/**/*.yaml`: one monitoring report (see docs/monitoring.md).
enum ReportLoader {
    static func load(_ value: YAMLValue, id: String, sink: DiagnosticSink) -> Report? {
        guard let map = MappingReader(value, what: .report, sink: sink) else { return nil }
        let plan = map.text("plan", required: true)
        let periodText = map.string("period", required: true)
        var period: ReportPeriod?
        if let periodText {
            period = ReportPeriod(code: periodText.trimmingSpaces())
            if period == nil {
                sink.error(.invalidReportPeriod(text: periodText),
                           at: map.optional("period")?.location ?? map.keyLocation("period"))
            }
        }
        let reporter = map.mapping("reporter", required: true).flatMap { readReporter($0, sink: sink) }
        let published = map.date("published", required: true)
        let title = map.text("title")
        let summary = map.text("summary")
        let methodology = map.text("methodology")
        let measures = (map.list("measures") ?? []).compactMap { readMeasureStatus($0, sink: sink) }
        let indicators = (map.list("indicators") ?? []).compactMap { readIndicatorValue($0, sink: sink) }
        map.finish()
        guard let plan, let period, let reporter, let published else { return nil }
        var report = Report(id: id, plan: PlanID(plan), planLocation: map.optional("plan")?.location ?? map.keyLocation("plan"), period: period,
                            reporter: reporter, published: published, title: title, summary: summary, measures: measures,
                            indicators: indicators, file: value.file, location: map.location)
        report.methodology = methodology
        return report
    }

    private static func readReporter(_ r: MappingReader, sink: DiagnosticSink) -> Reporter? {
        let kindText = r.text("kind", required: true)
        let name = r.text("name", required: true)
        let executor = r.text("executor")
        r.finish()
        guard let kindText, let name else { return nil }
        guard let kind = Reporter.Kind(rawValue: kindText) else {
            let allowed = Reporter.Kind.allCases.map(\.rawValue)
            sink.error(.unknownReporterKind(kind: kindText, allowed: allowed), at: r.keyLocation("kind"))
            return nil
        }
        return Reporter(kind: kind, name: name, executor: executor.map(ExecutorID.init), executorLocation: r.optional("executor")?.location)
    }

    private static func readMeasureStatus(_ value: YAMLValue, sink: DiagnosticSink) -> MeasureStatus? {
        guard let m = MappingReader(value, what: .measureStatus, sink: sink) else { return nil }
        let measure = m.text("measure", required: true)
        let replyTo = m.text("reply_to").flatMap { readReply($0, at: m.optional("reply_to")?.location ?? m.keyLocation("reply_to"), sink: sink) }
        // A reply may give no status of its own: it answers, it does not assess.
        let statusText = m.text("status", required: !m.has("reply_to"))
        let narrative = m.text("narrative")
        let request = readReplyRequest(m, sink: sink)
        let evidence: [MeasureStatus.Evidence] = (m.list("evidence") ?? []).compactMap { item in
            guard let e = MappingReader(item, what: .evidence, sink: sink) else { return nil }
            let title = e.text("title", required: true)
            let url = e.text("url", required: true)
            e.finish()
            if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                sink.error(.evidenceURLScheme(url: url), at: e.keyLocation("url"))
                return nil
            }
            guard let title, let url else { return nil }
            return MeasureStatus.Evidence(title: title, url: url)
        }
        m.finish()
        guard let measure, statusText != nil || m.has("reply_to") else { return nil }
        var status: MeasureStatusValue?
        if let statusText {
            status = MeasureStatusValue(codeOrLabel: statusText)
            if status == nil {
                sink.error(.unknownMeasureStatus(status: statusText, measure: measure, allowed: MeasureStatusValue.allCases.map { "\($0.rawValue) («\($0.ukrainianLabel)»)" }),
                           at: m.optional("status")?.location ?? m.keyLocation("status"))
                return nil
            }
        } else if replyTo == nil {
            return nil
        }
        if status == nil && narrative == nil && evidence.isEmpty {
            sink.error(.replyWithoutText(measure: measure), at: m.location)
            return nil
        }
        var entry = MeasureStatus(measure: measure, status: status, narrative: narrative, evidence: evidence, location: m.location, replyTo: replyTo)
        entry.replyRequest = request
        return entry
    }

    /// `reply_requested: true` (the measure's body named first) or `reply_requested: <executor id>`.
    private static func readReplyRequest(_ m: MappingReader, sink: DiagnosticSink) -> MeasureStatus.ReplyRequest? {
        guard let item = m.optional("reply_requested"), let text = item.scalarText?.trimmingSpaces() else {
            if let item = m.optional("reply_requested") { sink.error(.notText(key: "reply_requested", what: m.what, found: item.kind), at: item.location) }
            return nil
        }
        switch text {
        case "true", "yes": return MeasureStatus.ReplyRequest(executor: nil, location: item.location)
        case "false", "no", "": return nil
        default: return MeasureStatus.ReplyRequest(executor: ExecutorID(text), location: item.location)
        }
    }

    /// `reply_to: 2026/coalition-h1#1.2`: a report (its path under reports/ or its id) and a measure number.
    private static func readReply(_ text: String, at location: SourceLocation, sink: DiagnosticSink) -> MeasureStatus.ReplyReference? {
        let parts = text.trimmingSpaces().split(separator: "#", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            sink.error(.invalidReplyTo(text: text), at: location)
            return nil
        }
        // The report's id, or its path under reports/ (with or without the extension).
        var report = parts[0]
        for ext in [".yaml", ".yml"] where report.hasSuffix(ext) { report = String(report.dropLast(ext.count)) }
        return MeasureStatus.ReplyReference(report: report.replacingOccurrences(of: "/", with: "-"), measure: parts[1], location: location)
    }

    private static func readIndicatorValue(_ value: YAMLValue, sink: DiagnosticSink) -> IndicatorValue? {
        guard let i = MappingReader(value, what: .indicatorEntry, sink: sink) else { return nil }
        let indicator = i.text("indicator", required: true)
        let amount = number(i, "value", required: true, sink: sink)
        let date = i.date("date", required: true)
        let unit = i.text("unit")
        let note = i.text("note")
        let breakdown: [IndicatorValue.Disaggregation] = (i.list("breakdown") ?? []).compactMap { item in
            guard let d = MappingReader(item, what: .breakdownEntry, sink: sink) else { return nil }
            let written = d.text("dimension", required: true)
            let group = d.text("group", required: true)
            let value = number(d, "value", required: true, sink: sink)
            d.finish()
            guard let written, let group, let value else { return nil }
            guard let dimension = BreakdownDimension.named(written) else {
                sink.error(.unknownBreakdownDimension(dimension: written, allowed: BreakdownDimension.listed),
                           at: d.optional("dimension")?.location ?? d.keyLocation("dimension"))
                return nil
            }
            return IndicatorValue.Disaggregation(dimension: dimension.code, group: group, value: value)
        }
        i.finish()
        guard let indicator, let amount, let date else { return nil }
        var entry = IndicatorValue(indicator: indicator, value: amount, date: date, unit: unit, breakdown: breakdown, note: note, location: i.location)
        entry.dateLocation = i.optional("date")?.location
        entry.unitLocation = i.optional("unit")?.location
        return entry
    }

    private static func number(_ map: MappingReader, _ key: String, required: Bool, sink: DiagnosticSink) -> Money? {
        guard let item = required ? map.required(key) : map.optional(key) else { return nil }
        guard let raw = item.scalarText, let money = Money(parsing: raw) else {
            let found = item.scalarText.map { Found.text("'\($0)'") } ?? .kind(item.kind)
            sink.error(.notANumber(key: key, what: map.what, found: found), at: item.location)
            return nil
        }
        return money
    }
}
