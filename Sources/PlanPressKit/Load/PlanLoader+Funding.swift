extension PlanLoader {
    func readBudget(_ map: MappingReader, period: Period) -> BudgetSpec? {
        guard let b = map.mapping("budget") else { return nil }
        let unit = b.text("unit") ?? "тис. грн"
        let heading = b.text("heading")
        let years: [Int] = (b.list("years") ?? []).compactMap { item in
            guard let text = item.scalarText, let year = Int(text), (1900...2200).contains(year) else {
                sink.error(.budgetYearNotYear(found: item.found), at: item.location)
                return nil
            }
            return year
        }
        var ids: Set<String> = []
        let sources: [FundingSource] = (b.list("sources", required: true) ?? []).compactMap { item in
            guard let s = MappingReader(item, what: .fundingSource, sink: sink) else { return nil }
            let id = s.text("id", required: true)
            let name = s.text("name", required: true)
            let spellings = s.strings("spellings")
            s.finish()
            guard let id, let name else { return nil }
            if !IDRules.isValid(id) { sink.error(.invalidSourceID(id: id), at: s.keyLocation("id")) }
            if !ids.insert(id).inserted { sink.error(.fundingSourceTwice(id: id), at: s.keyLocation("id")) }
            return FundingSource(id: id, name: name, spellings: spellings)
        }
        var spec = BudgetSpec(unit: unit, years: years, sources: sources, statedTotals: nil, heading: heading)
        let context = TreeContext(planID: folderID, levels: [], period: period, budget: spec)
        spec.statedTotals = b.mapping("stated_totals").flatMap { readStatedTotals($0, context: context) }
        b.finish()
        return spec
    }

    func readStatedTotals(_ t: MappingReader, context: TreeContext) -> StatedTotals? {
        let label = t.text("label")
        let lines = (t.list("lines") ?? []).compactMap { readFundingLine($0, what: .statedTotal, context: context) }
        let citation = readCitation(t, key: "source_lines", what: .statedTotals, fields: CitationFields.statedTotals(t.value))
        t.finish()
        if context.budget == nil {
            sink.error(.statedTotalsWithoutBudget, at: t.location)
        }
        return StatedTotals(label: label, lines: lines, location: t.location, citation: citation)
    }

    func readFunding(_ value: YAMLValue, what: Phrase, context: TreeContext) -> Funding {
        guard let f = MappingReader(value, what: .funding(of: what), sink: sink) else { return .notStated }
        let printed = f.text("printed")
        let lines = (f.list("lines") ?? []).compactMap { readFundingLine($0, what: what, context: context) }
        var status: Funding.Status = lines.isEmpty ? .notStated : .stated
        if let raw = f.text("status") {
            if let parsed = Funding.Status(rawValue: raw) {
                status = parsed
            } else {
                let allowed = Funding.Status.allCases.map(\.rawValue)
                sink.error(.unknownFundingStatus(what: what, raw: raw, allowed: allowed), at: f.keyLocation("status"))
            }
        }
        if status == .stated && lines.isEmpty {
            sink.error(.statedWithoutLines(what: what), at: f.location)
        }
        if status != .stated && !lines.isEmpty {
            let hasMoney = lines.contains { $0.amounts.values.contains { $0.money != nil } }
            if hasMoney {
                sink.error(.amountsNotAllowed(what: what, status: status.rawValue), at: f.location)
            }
        }
        if !lines.isEmpty && context.budget == nil {
            sink.error(.fundingWithoutBudget(what: what), at: f.location)
        }
        f.finish()
        return Funding(printed: printed, status: status, lines: lines)
    }

    private func readFundingLine(_ value: YAMLValue, what: Phrase, context: TreeContext) -> FundingLine? {
        guard let l = MappingReader(value, what: .fundingLine(of: what), sink: sink) else { return nil }
        let printedSource = l.text("source", required: true) ?? ""
        let amountsMap = l.mapping("amounts")
        l.finish()
        var sourceID = printedSource
        if let budget = context.budget {
            if let match = budget.sources.first(where: { $0.id == printedSource || $0.spellings.contains(printedSource) || $0.name == printedSource }) {
                sourceID = match.id
            } else {
                let known = budget.sources.flatMap { [$0.id] + $0.spellings }
                sink.error(.unknownFundingSource(what: what, printed: printedSource, known: known),
                           at: l.keyLocation("source"))
            }
        }
        var amounts: [Int: Amount] = [:]
        if let amountsMap {
            for key in amountsMap.keys {
                guard let item = amountsMap.optional(key) else { continue }
                guard let year = Int(key), (1900...2200).contains(year) else {
                    sink.error(.amountKeyNotYear(what: what, key: key), at: amountsMap.keyLocation(key))
                    continue
                }
                if let years = context.budget?.years, !years.isEmpty, !years.contains(year) {
                    sink.error(.yearNotInBudget(what: what, year: year, years: years), at: amountsMap.keyLocation(key))
                }
                guard let raw = item.scalarText else {
                    sink.error(.amountNotText(what: what, year: year), at: item.location)
                    continue
                }
                let trimmed = raw.trimmingSpaces()
                if trimmed == "-" || trimmed == "–" || trimmed == "—" {
                    amounts[year] = .dash
                } else if let money = Money(parsing: trimmed) {
                    amounts[year] = .value(money)
                } else {
                    sink.error(.amountNotNumber(what: what, raw: raw, year: year), at: item.location)
                }
            }
            amountsMap.finish()
        }
        return FundingLine(source: sourceID, printedSource: printedSource, amounts: amounts, location: l.location)
    }
}
