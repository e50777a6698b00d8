/// Writes a `PlanDraft` as `plan.yaml` in the content format (docs/content-format.md), keys in
/// the order the shipped plans use, every text double-quoted (multi-line texts as `|-` blocks),
/// `lines:` after each item's number, and the new bodies as an executors file.
enum PlanDraftYAML {
    static func plan(_ draft: PlanDraft, file: String) -> String {
        var out: [String] = []
        out.append("# Imported from \(file) by `planpress import plan`: a draft to review (see REVIEW.md beside this file).")
        out.append("id: \(draft.id)")
        out.append("title: \(q(draft.title))")
        if let heading = draft.responsibleHeading { out.append("responsible_heading: \(q(heading))") }
        out.append("status: \(draft.status)")
        out.append("period: {from: \(draft.period.from), to: \(draft.period.to)}")
        if let a = draft.approval {
            out.append("approval:")
            block(&out, "printed", a.printed, indent: 2)
            out.append("  label: \(q(a.label))")
            if let by = a.by { out.append("  by: \(q(by))") }
            if let person = a.person { out.append("  person: \(q(person))") }
            if let document = a.document { out.append("  document: \(q(document))") }
            if let number = a.number { out.append("  number: \(q(number))") }
            if let date = a.date { out.append("  date: \(date.iso)") }
            if let printed = a.datePrinted { out.append("  date_printed: \(q(printed))") }
        }
        if let s = draft.signatory {
            out.append("signatory:")
            out.append("  position: \(q(s.position))")
            out.append("  name: \(q(s.name))")
        }
        out.append("source: \(draft.source)")
        out.append("levels:")
        for level in draft.levels {
            var line = "  - {name: \(q(level.name)), plural: \(q(level.plural)), slug: \(level.slug), forms: {one: \(q(level.forms[0])), few: \(q(level.forms[1])), many: \(q(level.forms[2]))}"
            if let en = level.english { line += ", en: {one: \(q(en[0])), other: \(q(en[1]))}" }
            out.append(line + "}")
        }
        if let budget = draft.budget {
            out.append("budget:")
            if let heading = budget.heading { out.append("  heading: \(q(heading))") }
            if let unit = budget.unit { out.append("  unit: \(q(unit))") }
            out.append("  years: [\(budget.years.map(String.init).joined(separator: ", "))]")
            out.append("  sources:")
            for source in budget.sources {
                out.append("    - id: \(source.id)")
                out.append("      name: \(q(source.name))")
                if !source.spellings.isEmpty { out.append("      spellings: [\(source.spellings.map(q).joined(separator: ", "))]") }
            }
            if let totals = budget.totals { self.totals(&out, totals, indent: 2) }
        }
        if !draft.goals.isEmpty {
            out.append("goals:")
            for goal in draft.goals { self.goal(&out, goal, indent: 2) }
        }
        if !draft.measures.isEmpty {
            out.append("measures:")
            for measure in draft.measures { self.measure(&out, measure, indent: 2) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func goal(_ out: inout [String], _ goal: PlanDraft.Goal, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        out.append("\(pad)- number: \(q(goal.number))")
        if let printed = goal.printedNumber { out.append("\(pad)  printed_number: \(q(printed))") }
        out.append("\(pad)  lines: \(lines(goal.lines))")
        out.append("\(pad)  title: \(q(goal.title))")
        if let totals = goal.totals { self.totals(&out, totals, indent: indent + 2) }
        if !goal.goals.isEmpty {
            out.append("\(pad)  goals:")
            for child in goal.goals { self.goal(&out, child, indent: indent + 4) }
        }
        if !goal.measures.isEmpty {
            out.append("\(pad)  measures:")
            for measure in goal.measures { self.measure(&out, measure, indent: indent + 4) }
        }
    }

    static func measure(_ out: inout [String], _ m: PlanDraft.Measure, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        out.append("\(pad)- number: \(q(m.number))")
        if let printed = m.printedNumber { out.append("\(pad)  printed_number: \(q(printed))") }
        out.append("\(pad)  lines: \(lines([m.lines]))")
        block(&out, "text", m.text, indent: indent + 2)
        if m.numberAssigned { out.append("\(pad)  number_assigned: true") }
        switch m.responsible {
        case .mergedWithRowAbove: out.append("\(pad)  responsible: {same_as_row_above: true, basis: file}")
        case .value(let r):
            out.append("\(pad)  responsible:")
            out.append("\(pad)    printed: \(q(r.printed))")
            out.append("\(pad)    executors:")
            for e in r.executors { out.append(e.consent ? "\(pad)      - {id: \(e.id), consent: true}" : "\(pad)      - \(e.id)") }
        case nil: break
        }
        switch m.term {
        case .mergedWithRowAbove: out.append("\(pad)  term: {same_as_row_above: true, basis: file}")
        case .value(.printed(let t)): out.append("\(pad)  term: \(q(t))")
        case .value(.recurring(let t)): out.append("\(pad)  term: {printed: \(q(t)), recurring: true}")
        case .value(.years(let t, let from, let to)): out.append("\(pad)  term: {printed: \(q(t)), from: \(from), to: \(to)}")
        case nil: break
        }
        if !m.indicators.isEmpty {
            out.append("\(pad)  indicators:")
            for i in m.indicators { item(&out, i, indent: indent + 4) }
        }
        if !m.results.isEmpty {
            out.append("\(pad)  results:")
            for r in m.results { item(&out, r, indent: indent + 4) }
        }
        if let f = m.funding {
            out.append("\(pad)  funding:")
            if let printed = f.printed { out.append("\(pad)    printed: \(q(printed))") }
            out.append("\(pad)    status: \(f.status.rawValue)")
            if !f.lines.isEmpty {
                out.append("\(pad)    lines:")
                for line in f.lines { out.append("\(pad)      - \(fundingLine(line))") }
            }
        }
    }

    static func totals(_ out: inout [String], _ t: PlanDraft.Totals, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        out.append("\(pad)stated_totals:")
        out.append("\(pad)  label: \(q(t.label))")
        out.append("\(pad)  source_lines: \(lines([t.sourceLines]))")
        out.append("\(pad)  lines:")
        for line in t.lines { out.append("\(pad)    - \(fundingLine(line))") }
    }

    static func fundingLine(_ line: PlanDraft.FundingLine) -> String {
        let amounts = line.amounts.map { "\($0.year): \(q($0.printed))" }.joined(separator: ", ")
        return "{source: \(q(line.source)), amounts: {\(amounts)}}"
    }

    static func item(_ out: inout [String], _ text: String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        if text.contains("\n") {
            out.append("\(pad)- |-")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out.append("\(pad)  \(line)") }
        } else {
            out.append("\(pad)- \(q(text))")
        }
    }

    /// `key: "text"`, or a `|-` block for text over several lines.
    static func block(_ out: inout [String], _ key: String, _ text: String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        guard text.contains("\n") else {
            out.append("\(pad)\(key): \(q(text))")
            return
        }
        out.append("\(pad)\(key): |-")
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out.append("\(pad)  \(line)") }
    }

    static func lines(_ ranges: [ClosedRange<Int>]) -> String {
        func one(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)" }
        return ranges.count == 1 ? one(ranges[0]) : "[" + ranges.map(one).joined(separator: ", ") + "]"
    }

    static func q(_ text: String) -> String { ReportImport.quoted(text) }

    /// The plan's registry file: one entry per body the registry did not have.
    static func executors(_ bodies: [PlanDraft.NewBody], planID: String, file: String) -> String {
        var out = ["# Bodies named in plan \(planID) that the registry did not have, imported from \(file)",
                   "# by `planpress import plan`. Kinds are proposals: see Content/plans/\(planID)/REVIEW.md.", ""]
        for body in bodies {
            out.append("- id: \(body.id)")
            out.append("  name: \(q(body.name))")
            out.append("  kind: \(body.kind)")
            if !body.aliases.isEmpty { out.append("  aliases: [\(body.aliases.map(q).joined(separator: ", "))]") }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}
