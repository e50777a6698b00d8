/// The citation check of `planpress check` and every build: each cited item's
/// printed fields must be in the source lines it cites (`CitationMatcher`).
/// A plan either cites every goal, measure and stated total or none: once one
/// item carries `lines:`, an item without them is an error.
public enum CitationChecker {
    /// One cited (or citable) item of a plan, in document order.
    public struct Item {
        /// "measure 6.2", "goal strategic-goal-1", "stated totals of goal direction-1", in both languages.
        public var subject: Phrase
        /// The subject in English (`planpress cite`).
        public var what: String { subject.en }
        public var citation: Citation?
        public var location: SourceLocation
        /// The number as printed, for a measure (`4`, `1.`, `2)`).
        public var printedNumber: String? = nil
    }

    public static func items(of plan: Plan) -> [Item] {
        var items: [Item] = []
        func add(_ measures: [Measure]) {
            for m in measures {
                items.append(Item(subject: .measure(m.number), citation: m.citation, location: m.location,
                                  printedNumber: m.printedNumber ?? m.number))
            }
        }
        func walk(_ goals: [Goal]) {
            for goal in goals {
                items.append(Item(subject: .goal(goal.id), citation: goal.citation, location: goal.location))
                walk(goal.goals)
                add(goal.measures)
                if let totals = goal.statedTotals {
                    items.append(Item(subject: .statedTotals(ofGoal: goal.id), citation: totals.citation, location: totals.location))
                }
            }
        }
        walk(plan.goals)
        add(plan.measures)
        if let totals = plan.budget?.statedTotals {
            items.append(Item(subject: .statedTotalsOfPlan, citation: totals.citation, location: totals.location))
        }
        return items
    }

    /// The plan's own printed blocks (title, issuer, approval, vision, signature): checked when
    /// they cite lines; a plan may leave them uncited (`check` warns for status and issuer).
    public static func blocks(of plan: Plan) -> [Item] {
        [Item(subject: .planTitle, citation: plan.titleCitation, location: plan.location),
         Item(subject: .issuerLine, citation: plan.issuer?.citation, location: plan.issuer?.location ?? plan.location),
         Item(subject: .approvalBlock, citation: plan.approval?.citation, location: plan.location),
         Item(subject: .visionBlock, citation: plan.visionCitation, location: plan.location),
         Item(subject: .signatoryBlock, citation: plan.signatory?.citation, location: plan.location)]
            .filter { $0.citation?.isCited == true }
    }

    public static func check(_ plan: Plan, sourceText: String?, sink: DiagnosticSink) {
        let blocks = blocks(of: plan)
        let items = items(of: plan)
        guard items.contains(where: { $0.citation?.isCited == true }) || !blocks.isEmpty else { return }
        guard let sourceText, let sourceName = plan.source else {
            sink.error(.citationsWithoutSourceFile(plan: "\(plan.id)"), at: plan.location)
            return
        }
        let matcher = CitationMatcher(document: SourceDocument(sourceText))
        let treeCited = items.contains { $0.citation?.isCited == true }
        for item in blocks + items {
            guard let citation = item.citation, citation.isCited else {
                guard treeCited else { continue }
                sink.error(.itemWithoutLines(what: item.subject, plan: "\(plan.id)"),
                           at: item.location)
                continue
            }
            if let bad = matcher.outOfRange(citation) {
                sink.error(.linesOutsideSource(what: item.subject, from: bad.lowerBound, to: bad.upperBound, source: sourceName, lineCount: matcher.document.count),
                           at: citation.location)
                continue
            }
            for miss in matcher.check(citation) {
                sink.error(message(for: miss, what: item.subject, lines: citation.display, source: sourceName), at: miss.location)
            }
        }
    }

    static func message(for miss: CitationMatcher.Miss, what: Phrase, lines: String, source: String) -> Message {
        .fieldNotInCitedLines(what: what, field: miss.field, text: excerpt(miss.text), lines: lines, source: source,
                              agreesUpTo: miss.agreesUpTo.count >= 10 ? excerpt(String(miss.agreesUpTo.suffix(40))) : nil)
    }

    private static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return flat.count <= 80 ? flat : String(flat.prefix(79)) + "…"
    }
}
