extension PageRenderer {
    /// The names of a measure's list item (`partials/measure-list` and every list of measures).
    static let measureItemShape = RecordShape([
        "number", "number_assigned", "url", "level", "excerpt", "short_excerpt", "executors", "has_executors", "term",
        "term_stated", "responsible_merged", "plan_title", "plan_url", "responsible_heading", "status", "overdue",
    ])

    /// Every length a measure's text is cut to on a page (`HTML.excerpt`). Only the measure's own
    /// page, the print version and report pages print the whole text; a rebuild after an edit of
    /// the text alone compares the excerpts at each of these lengths (`SiteChanges`), and when none
    /// moved, renders only those pages.
    enum Excerpt: Int, CaseIterable {
        /// Lists behind counts and year pages repeat a measure many times.
        case short = 100
        /// Timeline and monitoring rows.
        case row = 140
        /// The page's description (`<meta name="description">`).
        case description = 200
        /// Lists of measures: goals, executors, plans, reports.
        case list = 220
        /// An indicator's page, naming its measure.
        case indicator = 400

        func of(_ text: String) -> String { HTML.excerpt(text, limit: rawValue) }
    }

    /// A measure as it appears in lists: number, excerpt, executors, term, status.
    /// Lists repeat measures on many pages (goals, executors, timelines), so the
    /// default form is built once per language by `prepareItems()`; it is a record,
    /// which rows that add names (a role, due dates) extend.
    func measureItem(_ key: SiteGraph.MeasureKey, excerpt: Excerpt = .list) -> Record {
        if excerpt == .list, let cached = itemCache.item(key) { return cached }
        return buildMeasureItem(key, excerpt: excerpt)
    }

    func buildMeasureItem(_ key: SiteGraph.MeasureKey, excerpt: Excerpt) -> Record {
        let index = graph.plans[key.plan]
        let node = index.measures[key.measure]
        let measure = node.measure
        var item: Context = [
            "number": displayNumber(measure), "number_assigned": measure.numberAssigned,
            "url": routes.path(for: .measure(index.plan.id, measure.number)),
            "level": levelName(index.plan.measureLevel),
            "excerpt": excerpt.of(measure.text),
            "short_excerpt": Excerpt.short.of(measure.text),
            "executors": executorRefs(measure, plan: index.plan.id),
            "has_executors": !(measure.responsible?.assignments.isEmpty ?? true),
            "term": termText(measure.term),
            "term_stated": measure.term.printed != nil,
            "responsible_merged": opt(mergedWords(measure.responsible?.merged)),
            "plan_title": index.plan.shortTitle,
            "plan_url": routes.path(for: .plan(index.plan.id)),
            "responsible_heading": responsibleHeading(index.plan),
        ]
        item.merge(statusContext(key, term: measure.term)) { _, new in new }
        return Record(PageRenderer.measureItemShape, item)
    }

    static let executorRefShape = RecordShape(["name", "full_name", "url", "consent"])

    func executorRefs(_ measure: Measure, plan: PlanID) -> [Record] {
        (measure.responsible?.assignments ?? []).compactMap { assignment in
            guard let executor = graph.executors[assignment.executor] else { return nil }
            return Record(PageRenderer.executorRefShape,
                          ["name": executor.displayName, "full_name": executor.name,
                           "url": routes.path(for: .executor(executor.id)), "consent": assignment.consent])
        }
    }

    func measurePage(_ key: SiteGraph.MeasureKey) -> MeasurePage {
        let index = graph.plans[key.plan]
        let node = index.measures[key.measure]
        let measure = node.measure
        let planID = index.plan.id
        let label = measureLabel(measure, plan: index.plan)
        let crumbs = (node.goal.map { goalCrumbs(key.plan, goal: $0) } ?? planCrumbs(key.plan)) + [(label, nil)]
        let reference = ItemReference.measure(planID, measure.number)
        return MeasurePage(
            layout: layout(page: .measure(planID, measure.number), title: "\(label) — \(planTitle(index.plan))",
                           description: Excerpt.description.of(measure.text), breadcrumbs: crumbs),
            level: levelName(index.plan.measureLevel),
            number: displayNumber(measure),
            printedNumber: measure.printedNumber,
            numberAssigned: measure.numberAssigned,
            numberAssignedNote: fill("number_assigned_note", ["number": displayNumber(measure)]),
            responsibleMerged: mergedCellContext(measure.responsible?.merged, source: measure.responsible?.mergeSource, key: key),
            responsiblePrintedLabel: measure.responsible?.mergeSource.map {
                fill("responsible_printed_above", ["above": "\(levelName(index.plan.measureLevel)) \($0.measure)"]) } ?? t("responsible_printed"),
            textHTML: text(measure.text, plan: planID),
            planTitle: index.plan.shortTitle,
            planURL: routes.path(for: .plan(planID)),
            goalPath: node.goal.map { goalPath(key.plan, goal: $0) } ?? [],
            hasGoalPath: node.goal != nil,
            responsibleHeading: responsibleHeading(index.plan),
            responsiblePrinted: measure.responsible?.printed.map { inline($0, plan: planID) },
            executors: executorRefs(measure, plan: planID),
            hasExecutors: !(measure.responsible?.assignments.isEmpty ?? true),
            anyConsent: measure.responsible?.assignments.contains { $0.consent } ?? false,
            consentURL: routes.path(for: .glossary) + "#by-consent",
            columns: index.columns,
            term: termContext(measure.term, key: key),
            indicators: index.indicators[node.indicators].map { indicatorItem(key.plan, $0) },
            results: measure.results.map { ["html": inline($0, plan: planID)] },
            funding: fundingContext(measure, plan: index.plan),
            commentary: commentary(reference),
            relatedUpdates: relatedUpdates(reference, heading: "updates_about_measure"),
            pager: pager(index.siblings(ofMeasure: key.measure), current: key.measure) { m in
                (measureLabel(index.measures[m].measure, plan: index.plan), .measure(planID, index.measures[m].measure.number))
            },
            status: statusBadges(key),
            overdue: graph.monitoring.isOverdue(key, term: measure.term),
            monitoring: measureMonitoring(key),
            citation: citationContext(measure.citation, plan: planID))
    }

    /// The columns a plan's table has, as the print template's `column_*` flags.
    func columnsContext(_ columns: PlanIndex.Columns) -> Context {
        ["column_responsible": columns.responsible, "column_term": columns.term, "column_indicators": columns.indicators,
         "column_funding": columns.funding]
    }

    func goalPath(_ p: Int, goal: Int) -> [Context] {
        let index = graph.plans[p]
        return index.path(toGoal: goal).map { g in
            let node = index.goals[g].goal
            return ["level": levelName(index.level(of: g)), "number": node.number, "title_html": inline(node.title, plan: index.plan.id),
                    "url": routes.path(for: .goal(index.plan.id, node.id))]
        }
    }

    /// The document's own heading of its responsible column.
    /// The document's own column heading; on English pages the interface's word (the heading is Ukrainian text).
    func responsibleHeading(_ plan: Plan) -> String { language == "en" ? t("responsible") : (plan.responsibleHeading ?? t("responsible")) }

    /// A number the document does not print is shown in brackets, «[1.2]» (issue 13 §3).
    func displayNumber(_ measure: Measure) -> String {
        measure.numberAssigned ? "[\(measure.number)]" : measure.number
    }

    func measureLabel(_ measure: Measure, plan: Plan) -> String {
        "\(levelName(plan.measureLevel)) \(displayNumber(measure))"
    }

    /// The term cell as the document shows it; the value of a cell that continues the row above
    /// is followed by what it is (the site's reading, or the Word file's merge).
    func termText(_ term: Term) -> String {
        guard let printed = term.printed else { return t("not_stated") }
        return mergedWords(term.merged).map { "\(printed) (\($0))" } ?? printed
    }

    func termContext(_ term: Term, key: SiteGraph.MeasureKey? = nil) -> Context {
        var context: Context = ["printed": termText(term), "stated": term.printed != nil, "value": opt(term.printed),
                                "merged": key.map { mergedCellContext(term.merged, source: term.mergeSource, value: term.printed, key: $0) } ?? false]
        if let due = term.reading.due, !term.reading.isRecurring {
            context["due"] = format.date(due)
            context["due_iso"] = due.iso
        } else if let next = graph.monitoring.nextDue(term), term.reading.isRecurring {
            context["next_due"] = format.date(next)
            context["next_due_iso"] = next.iso
        }
        context["reading"] = termReading(term.reading)
        return context
    }

    func termReading(_ reading: TermReading) -> String {
        switch reading {
        case .notStated: return t("not_stated")
        case .years(let from, let to): return from == to ? "\(from)" : "\(from)–\(to)"
        case .quarters(let year, let from, let to):
            let roman = ["I", "II", "III", "IV"]
            let quarters = from == to ? roman[from - 1] : "\(roman[from - 1])–\(roman[to - 1])"
            return language == "en" ? "Q\(quarters) \(year)" : "\(quarters) квартал \(year) р."
        case .months(let year, let from, let to):
            let months = from == to ? format.monthName(from) : "\(format.monthName(from))–\(format.monthName(to))"
            return "\(months) \(year)"
        case .duringYear(let year): return "\(t("term_during_year")) \(year)"
        case .recurring(_, let from, let to):
            let span = [from, to].compactMap { $0 }.map(String.init)
            return t("term_recurring") + (span.isEmpty ? "" : " (\(Set(span).count == 1 ? span[0] : span.joined(separator: "–")))")
        }
    }

    /// Previous/next among siblings.
    /// `siblings` are in ascending order (a plan's goals, measures and indicators are numbered in document
    /// order): the position is found by bisection, so a goal of n measures costs n log n, not n².
    func pager<Siblings: RandomAccessCollection<Int>>(_ siblings: Siblings, current: Int, describe: (Int) -> (String, PageID)) -> Context
        where Siblings.Index == Int {
        var low = siblings.startIndex, high = siblings.endIndex
        while low < high {
            let middle = (low + high) / 2
            if siblings[middle] < current { low = middle + 1 } else { high = middle }
        }
        guard low < siblings.endIndex, siblings[low] == current else { return [:] }
        let position = low
        var context: Context = [:]
        if position > siblings.startIndex {
            let (title, page) = describe(siblings[position - 1])
            context["previous"] = ["title": title, "url": routes.path(for: page)]
        }
        if position + 1 < siblings.endIndex {
            let (title, page) = describe(siblings[position + 1])
            context["next"] = ["title": title, "url": routes.path(for: page)]
        }
        context["has_any"] = !context.isEmpty
        return context
    }

    /// Each voice's status badge, overdue and due flags for a measure.
    func statusContext(_ key: SiteGraph.MeasureKey, term: Term) -> Context {
        ["status": statusBadges(key), "overdue": graph.monitoring.isOverdue(key, term: term)]
    }
}
