/// Reads one `plans/<id>/plan.yaml` into a `Plan`.
struct PlanLoader {
    let sink: DiagnosticSink
    /// The folder name, which must equal the plan id.
    let folderID: String

    func load(_ value: YAMLValue) -> Plan? {
        guard let map = MappingReader(value, what: .plan, sink: sink) else { return nil }
        let id = map.text("id", required: true) ?? folderID
        if !IDRules.isValid(id) {
            sink.error(.invalidPlanID(id: id), at: map.keyLocation("id"))
        } else if id != folderID {
            sink.error(.planIDDiffersFromFolder(id: id, folder: folderID), at: map.keyLocation("id"))
        }
        let title = map.text("title", required: true) ?? id
        let shortTitle = map.text("short_title") ?? title
        // The English interface's short title, when the plan gives one: `en: {short_title: …}`.
        var englishShortTitle: String?
        if let en = map.mapping("en") {
            englishShortTitle = en.text("short_title")
            en.finish()
        }
        let issuer = readIssuer(map)
        let documentKind = map.text("document_kind")
        let responsibleHeading = map.text("responsible_heading")
        let status = readStatus(map)
        let period = readPeriod(map)
        let approval = readApproval(map)
        checkStatus(status, approval: approval, map: map)
        let signatory = readSignatory(map)
        let (vision, visionCitation) = readVision(map)
        let titleCitation = readCitation(map, what: .planTitle, fields: CitationFields.planTitle(value))
        checkClaimsAreCited(status: status, approval: approval, issuer: issuer, map: map)
        let preamble = map.text("preamble")
        let source = map.text("source")
        let levels = readLevels(map)
        let abbreviations = readAbbreviations(map)
        let budget = readBudget(map, period: period)
        let context = TreeContext(planID: id, levels: levels, period: period, budget: budget)
        var goals = (map.list("goals") ?? []).compactMap { readGoal($0, depth: 0, context: context) }
        var measures = (map.list("measures") ?? []).compactMap { readMeasure($0, context: context) }
        var previous: MergedCells.Row?
        MergedCells.resolve(measures: &measures, goals: &goals, previous: &previous, sink: sink)
        if levels.count > 0, goals.isEmpty, measures.isEmpty {
            sink.error(.planWithoutItems(id: id), at: map.location)
        }
        map.finish()
        return Plan(id: PlanID(id), title: title, shortTitle: shortTitle, issuer: issuer,
                    documentKind: documentKind, responsibleHeading: responsibleHeading, status: status, period: period, approval: approval,
                    signatory: signatory, vision: vision, visionCitation: visionCitation, preamble: preamble, titleCitation: titleCitation, source: source,
                    sourceLocation: map.optional("source")?.location, levels: levels,
                    abbreviations: abbreviations, budget: budget, goals: goals, measures: measures,
                    location: map.location, sourceDigest: value.digest(skipping: ["goals", "measures"]),
                    englishShortTitle: englishShortTitle)
    }

    private func readStatus(_ map: MappingReader) -> Plan.Status {
        guard let text = map.text("status") else { return .notStated }
        if let status = Plan.Status(rawValue: text) { return status }
sink.error(.unknownPlanStatus(found: text, allowed: Plan.Status.allCases.map(\.rawValue)), at: map.keyLocation("status"))
        return .notStated
    }

    /// The status may claim no more than the approval block shows (issue 13 §3).
    private func checkStatus(_ status: Plan.Status, approval: Approval?, map: MappingReader) {
        switch status {
        case .approved where !(approval?.isFilledIn ?? false):
            sink.error(.approvedWithoutApproval,
                       at: map.has("status") ? map.keyLocation("status") : map.location)
        case .draft where approval == nil || approval?.isFilledIn == true:
            sink.error(.draftWithoutBlankApproval,
                       at: map.has("status") ? map.keyLocation("status") : map.location)
        case .notStated where approval != nil:
            sink.error(.notStatedWithApproval,
                       at: map.has("status") ? map.keyLocation("status") : map.location)
        default: break
        }
    }

    private func readPeriod(_ map: MappingReader) -> Period {
        guard let periodMap = map.mapping("period", required: true) else { return Period(from: nil, to: nil) }
        let from = periodMap.year("from"), to = periodMap.year("to")
        let inferredFrom = periodMap.text("inferred_from")
        periodMap.finish()
        if from == nil && to == nil {
            sink.error(.periodWithoutYears, at: periodMap.location)
        }
        if let from, let to, from > to {
            sink.error(.periodReversed(from: from, to: to), at: periodMap.location)
        }
        return Period(from: from, to: to, inferredFrom: inferredFrom)
    }

    private func readApproval(_ map: MappingReader) -> Approval? {
        guard let a = map.mapping("approval") else { return nil }
        var approval = Approval(printed: a.text("printed"), label: a.text("label"), by: a.text("by"), person: a.text("person"),
                                document: a.text("document"), number: a.text("number"), date: a.date("date"),
                                datePrinted: a.text("date_printed"))
        approval.citation = readCitation(a, what: .approvalBlock, fields: CitationFields.approval(a.value))
        a.finish()
        return approval
    }

    private func readSignatory(_ map: MappingReader) -> Signatory? {
        guard let s = map.mapping("signatory") else { return nil }
        var signatory = Signatory(position: s.text("position"), name: s.text("name"))
        signatory.citation = readCitation(s, what: .signatoryBlock, fields: CitationFields.signatory(s.value))
        s.finish()
        return signatory
    }

    /// `issuer: {printed: "…", lines: 2, executor: id}`: the words that name the body, where they stand,
    /// and (optionally) the registry body they are. A bare id names no printed words: a warning.
    private func readIssuer(_ map: MappingReader) -> Issuer? {
        guard let value = map.optional("issuer") else { return nil }
        if let id = value.scalarText {
            return Issuer(printed: nil, executor: ExecutorID(id.trimmingSpaces()), location: value.location, citation: nil)
        }
        guard let i = MappingReader(value, what: .issuerLine, sink: sink) else { return nil }
        let printed = i.text("printed", required: true)
        let executor = i.text("executor").map(ExecutorID.init)
        let citation = readCitation(i, what: .issuerLine, fields: CitationFields.issuer(value))
        i.finish()
        return Issuer(printed: printed, executor: executor, location: value.location, citation: citation)
    }

    /// `vision: "…"` or `vision: {text: "…", lines: 1-4, corrections: […]}`.
    private func readVision(_ map: MappingReader) -> (String?, Citation?) {
        guard let value = map.optional("vision") else { return (nil, nil) }
        if value.scalarText != nil { return (map.text("vision"), nil) }
        guard let v = MappingReader(value, what: .visionBlock, sink: sink) else { return (nil, nil) }
        let text = v.text("text", required: true)
        let citation = readCitation(v, what: .visionBlock, fields: CitationFields.vision(value))
        v.finish()
        return (text, citation)
    }

    /// A status or an issuer is a claim about the document: `check` warns when the lines that print
    /// the approval block or the issuer's name are not cited, so a reader cannot find them.
    private func checkClaimsAreCited(status: Plan.Status, approval: Approval?, issuer: Issuer?, map: MappingReader) {
        if status != .notStated, approval != nil, approval?.citation?.isCited != true {
            sink.warning(.statusWithoutCitedApproval(status: status.rawValue), at: map.has("approval") ? map.keyLocation("approval") : map.location)
        }
        if let issuer, issuer.citation?.isCited != true {
            sink.warning(.issuerWithoutCitedLine(issuer: issuer.printed ?? issuer.executor?.raw ?? ""), at: issuer.location)
        }
    }

    private func readLevels(_ map: MappingReader) -> [Level] {
        guard let items = map.list("levels", required: true) else { return [] }
        var slugs: Set<String> = []
        let levels: [Level] = items.compactMap { item in
            guard let l = MappingReader(item, what: .level, sink: sink) else { return nil }
            let name = l.text("name", required: true)
            let plural = l.text("plural")
            let slug = l.text("slug", required: true)
            let assignedNumbers = l.bool("assigned_numbers") ?? false
            let nameAssigned = l.bool("name_assigned") ?? false
            var forms: [String]?, english: [String]?
            if let f = l.mapping("forms") {
                let read = ["one", "few", "many"].map { f.text($0, required: true) }
                f.finish()
                forms = read.allSatisfy { $0 != nil } ? read.compactMap { $0 } : nil
            }
            if let e = l.mapping("en") {
                let read = ["one", "other"].map { e.text($0, required: true) }
                e.finish()
                english = read.allSatisfy { $0 != nil } ? read.compactMap { $0 } : nil
            }
            l.finish()
            guard let name, let slug else { return nil }
            if !IDRules.isValid(slug) || slug.contains(".") {
                sink.error(.invalidLevelSlug(slug: slug), at: l.keyLocation("slug"))
            }
            if !slugs.insert(slug).inserted {
                sink.error(.levelSlugTwice(slug: slug), at: l.keyLocation("slug"))
            }
            return Level(name: name, plural: plural ?? name, slug: slug, assignedNumbers: assignedNumbers, nameAssigned: nameAssigned,
                         forms: forms, english: english)
        }
        if levels.isEmpty { sink.error(.noLevels, at: map.keyLocation("levels")) }
        return levels
    }

    private func readAbbreviations(_ map: MappingReader) -> [Abbreviation] {
        (map.list("abbreviations") ?? []).compactMap { item in
            guard let a = MappingReader(item, what: .abbreviation, sink: sink) else { return nil }
            let abbr = a.text("abbr", required: true)
            let full = a.text("full", required: true)
            let defined = a.bool("defined") ?? false
            a.finish()
            guard let abbr, let full else { return nil }
            return Abbreviation(abbr: abbr, full: full, defined: defined, location: a.location)
        }
    }
}

/// What measures and goals need to know about their plan while loading.
struct TreeContext {
    let planID: String
    let levels: [Level]
    let period: Period
    let budget: BudgetSpec?
}
