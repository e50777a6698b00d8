/// The citation check of `planpress check` and every build: each cited item's
/// printed fields must be in the source lines it cites (`CitationMatcher`).
/// A plan either cites every goal, measure and stated total or none: once one
/// item carries `lines:`, an item without them is an error.
public enum CitationChecker {
    /// One cited (or citable) item of a plan, in document order.
    public struct Item {
        /// "measure 6.2", "goal strategic-goal-1", "stated totals of goal direction-1".
        public var what: String
        public var citation: Citation?
        public var location: SourceLocation
        /// The number as printed, for a measure (`4`, `1.`, `2)`).
        public var printedNumber: String? = nil
    }

    public static func items(of plan: Plan) -> [Item] {
        var items: [Item] = []
        func add(_ measures: [Measure]) {
            for m in measures {
                items.append(Item(what: "measure \(m.number)", citation: m.citation, location: m.location,
                                  printedNumber: m.printedNumber ?? m.number))
            }
        }
        func walk(_ goals: [Goal]) {
            for goal in goals {
                items.append(Item(what: "goal \(goal.id)", citation: goal.citation, location: goal.location))
                walk(goal.goals)
                add(goal.measures)
                if let totals = goal.statedTotals {
                    items.append(Item(what: "stated totals of goal \(goal.id)", citation: totals.citation, location: totals.location))
                }
            }
        }
        walk(plan.goals)
        add(plan.measures)
        if let totals = plan.budget?.statedTotals {
            items.append(Item(what: "stated totals of the plan", citation: totals.citation, location: totals.location))
        }
        return items
    }

    public static func check(_ plan: Plan, sourceText: String?, sink: DiagnosticSink) {
        let items = items(of: plan)
        guard items.contains(where: { $0.citation?.isCited == true }) else { return }
        guard let sourceText, let sourceName = plan.source else {
            sink.error("plan '\(plan.id)' cites source lines but names no source file: add `source: \(plan.id).txt`", at: plan.location)
            return
        }
        let matcher = CitationMatcher(document: SourceDocument(sourceText))
        for item in items {
            guard let citation = item.citation, citation.isCited else {
                sink.error("\(item.what) has no `lines:`; every item of a plan that cites its source must cite it (`planpress cite --plan \(plan.id)` proposes lines)",
                           at: item.location)
                continue
            }
            if let bad = matcher.outOfRange(citation) {
                sink.error("\(item.what): lines \(bad.lowerBound)–\(bad.upperBound) are outside \(sourceName), which has \(matcher.document.count) lines",
                           at: citation.location)
                continue
            }
            for miss in matcher.check(citation) {
                sink.error(message(for: miss, what: item.what, lines: citation.display, source: sourceName), at: miss.location)
            }
        }
    }

    static func message(for miss: CitationMatcher.Miss, what: String, lines: String, source: String) -> String {
        var text = "\(what): \(miss.field) «\(excerpt(miss.text))» is not in the cited lines \(lines) of \(source)"
        if miss.agreesUpTo.count >= 10 {
            text += "; they agree up to «…\(excerpt(String(miss.agreesUpTo.suffix(40))))»"
        }
        text += ". Fix the text to read as printed, fix `lines:`, or declare a correction (printed, published, why)"
        return text
    }

    private static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return flat.count <= 80 ? flat : String(flat.prefix(79)) + "…"
    }
}
