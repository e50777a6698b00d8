extension PlanLoader {
    func readGoal(_ value: YAMLValue, depth: Int, context: TreeContext) -> Goal? {
        guard let map = MappingReader(value, what: .goal, sink: sink) else { return nil }
        let number = map.text("number", required: true) ?? "?"
        let what = Phrase.goal(number)
        let printedNumber = map.text("printed_number")
        let title = map.text("title", required: true) ?? ""
        let statedTotals = map.mapping("stated_totals").flatMap { readStatedTotals($0, context: context) }
        if !IDRules.isValid(number) {
            sink.error(.numberNotURLSafe(what: what, number: number), at: map.keyLocation("number"))
        }
        if depth >= context.levels.count - 1 {
            sink.error(.nestedTooDeep(what: what, goalLevels: context.levels.count - 1),
                       at: map.location)
        }
        let slug = depth < context.levels.count ? context.levels[depth].slug : "level\(depth)"
        let goals = (map.list("goals") ?? []).compactMap { readGoal($0, depth: depth + 1, context: context) }
        let measures = (map.list("measures") ?? []).compactMap { readMeasure($0, context: context) }
        let citation = readCitation(map, what: what, fields: CitationFields.goal(value))
        if goals.isEmpty && measures.isEmpty && depth < context.levels.count - 2 {
            sink.warning(.goalWithoutChildren(what: what), at: map.location)
        }
        map.finish()
        return Goal(number: number, printedNumber: printedNumber, title: title, depth: depth, id: "\(slug)-\(number)",
                    goals: goals, measures: measures, statedTotals: statedTotals, location: map.location,
                    sourceDigest: value.digest(skipping: ["goals", "measures"]), citation: citation)
    }

    func readMeasure(_ value: YAMLValue, context: TreeContext) -> Measure? {
        guard let map = MappingReader(value, what: .measure, sink: sink) else { return nil }
        let number = map.text("number", required: true) ?? "?"
        let what = Phrase.measure(number)
        if !IDRules.isValid(number) {
            sink.error(.numberNotURLSafe(what: what, number: number), at: map.keyLocation("number"))
        }
        let printedNumber = map.text("printed_number")
        let numberAssigned = (map.bool("number_assigned") ?? false) || (context.levels.last?.assignedNumbers ?? false)
        if numberAssigned && printedNumber != nil {
            sink.error(.printedNumberAndAssigned(what: what),
                       at: map.keyLocation("printed_number"))
        }
        let text = map.text("text", required: true) ?? ""
        let responsible = map.optional("responsible").flatMap { readResponsibility($0, what: what) }
        let term = readTerm(map, what: what, context: context)
        let indicators = readIndicators(map, measureNumber: number)
        let results = map.strings("results")
        let funding = map.optional("funding").map { readFunding($0, what: what, context: context) } ?? .notStated
        let citation = readCitation(map, what: what, fields: CitationFields.measure(value))
        map.finish()
        let textFree = value.digest(skipping: ["text"])
        return Measure(number: number, printedNumber: printedNumber, numberAssigned: numberAssigned, text: text, responsible: responsible, term: term,
                       indicators: indicators, results: results, funding: funding, location: map.location,
                       sourceDigest: Self.digest(textFree: textFree, text: text), textFreeDigest: textFree, citation: citation)
    }

    /// A measure's digest: its YAML without the text, and the text's bytes as read (a `String`'s
    /// own hash would take canonically equal spellings for one, which print different bytes).
    static func digest(textFree: Int, text: String) -> Int {
        var hasher = Hasher(), text = text
        hasher.combine(textFree)
        hasher.combine(text.utf8.count)
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    private func readResponsibility(_ value: YAMLValue, what: Phrase) -> Responsibility? {
        guard let map = MappingReader(value, what: .responsible(of: what), sink: sink) else { return nil }
        if map.bool("same_as_row_above") == true {
            let basis = readMergeBasis(map)
            map.finish()
            return Responsibility(printed: nil, assignments: [], merged: basis)
        }
        let printed = map.text("printed")
        let assignments: [Assignment] = (map.list("executors") ?? []).compactMap { item in
            if let id = item.scalarText {
                return Assignment(executor: ExecutorID(id.trimmingSpaces()), consent: false, location: item.location)
            }
            guard let a = MappingReader(item, what: .executor(of: what), sink: sink) else { return nil }
            let id = a.text("id", required: true)
            let consent = a.bool("consent") ?? false
            a.finish()
            return id.map { Assignment(executor: ExecutorID($0), consent: consent, location: a.location) }
        }
        if assignments.isEmpty && printed != nil {
            sink.error(.responsibleWithoutExecutors(what: what), at: map.location)
        }
        map.finish()
        return Responsibility(printed: printed, assignments: assignments)
    }

    private func readTerm(_ map: MappingReader, what: Phrase, context: TreeContext) -> Term {
        guard let value = map.optional("term") else { return .notStated }
        if let printed = value.scalarText {
            guard let reading = TermParser.read(printed, period: context.period) else {
                sink.error(.unreadableTerm(what: what, printed: printed),
                           at: value.location)
                return Term(printed: printed, reading: .notStated, location: value.location)
            }
            return Term(printed: printed, reading: reading, location: value.location)
        }
        guard let t = MappingReader(value, what: .term(of: what), sink: sink) else { return .notStated }
        if t.bool("same_as_row_above") == true {
            let basis = readMergeBasis(t)
            t.finish()
            return Term(printed: nil, reading: .notStated, location: t.location, merged: basis)
        }
        let printed = t.text("printed")
        let from = t.year("from"), to = t.year("to")
        let recurring = t.bool("recurring") ?? false
        t.finish()
        let reading: TermReading
        if recurring {
            reading = TermParser.recurringReading(printed, from: from ?? context.period.from, to: to ?? context.period.to)
        } else if let start = from ?? to, let end = to ?? from {
            reading = .years(from: start, to: end)
        } else {
            sink.error(.termWithoutYears(what: what), at: t.location)
            reading = .notStated
        }
        return Term(printed: printed, reading: reading, location: t.location)
    }

    /// `basis:` beside `same_as_row_above: true`: `reading` (the default) or `file`.
    private func readMergeBasis(_ map: MappingReader) -> MergeBasis {
        guard let raw = map.text("basis") else { return .reading }
        guard let basis = MergeBasis(rawValue: raw) else {
            sink.error(.unknownMergeBasis(raw: raw, allowed: MergeBasis.allCases.map(\.rawValue)), at: map.keyLocation("basis"))
            return .reading
        }
        return basis
    }

    private func readIndicators(_ map: MappingReader, measureNumber: String) -> [Indicator] {
        guard let items = map.list("indicators") else { return [] }
        return items.enumerated().compactMap { offset, item in
            let defaultID = "\(measureNumber)-\(offset + 1)"
            if let text = item.scalarText {
                return Indicator(id: defaultID, text: text.trimmingSpacesAndNewlines(), target: nil, location: item.location)
            }
            guard let i = MappingReader(item, what: .indicator(defaultID), sink: sink) else { return nil }
            let id = i.text("id") ?? defaultID
            let text = i.text("text", required: true) ?? ""
            let target = i.mapping("target").flatMap(readTarget)
            i.finish()
            if !IDRules.isValid(id) {
                sink.error(.invalidIndicatorID(id: id), at: i.keyLocation("id"))
            }
            return Indicator(id: id, text: text, target: target, location: i.location)
        }
    }

    private func readTarget(_ t: MappingReader) -> Target? {
        let printed = t.text("printed", required: true)
        var value: Money?
        if let raw = t.string("value") {
            value = Money(parsing: raw)
            if value == nil { sink.error(.targetValueNotNumber(raw: raw), at: t.keyLocation("value")) }
        }
        let unit = t.text("unit")
        var comparator: Target.Comparator?
        if let raw = t.text("comparator") {
            comparator = Target.Comparator(rawValue: raw)
            if comparator == nil {
                sink.error(.unknownComparator(raw: raw, allowed: Target.Comparator.allCases.map(\.rawValue)), at: t.keyLocation("comparator"))
            }
        }
        t.finish()
        guard let printed else { return nil }
        return Target(printed: printed, value: value, unit: unit, comparator: comparator)
    }
}
