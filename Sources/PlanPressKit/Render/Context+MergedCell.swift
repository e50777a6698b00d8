/// What pages say of a cell that continues the row above (docs/content-format.md, "Merged cells").
/// With `basis: file` the Word file marks the merge, so the value is stated as the file's fact.
/// With `basis: reading` the cell is empty in the extracted text: pages show it as empty and the
/// value as the site's reading, with its grounds, how certain it is and a link to the notes.
extension PageRenderer {
    /// The names a merged cell's context offers templates.
    static let mergedCellKeys = ["reading", "file", "value", "statement", "notes_url"]

    /// The short words lists put after a merged cell's value: «прочитання сайту: клітинка в тексті порожня».
    func mergedWords(_ basis: MergeBasis?) -> String? {
        switch basis {
        case nil: return nil
        case .reading: return t("merged_reading_short")
        case .file: return t("merged_in_file")
        }
    }

    /// A measure page's account of a merged cell: what the row prints, the value and its grounds.
    /// `false` for a cell of the row's own.
    func mergedCellContext(_ basis: MergeBasis?, source: MergeSource?, value: String? = nil, key: SiteGraph.MeasureKey) -> Any {
        guard let basis, let source else { return false }
        let index = graph.plans[key.plan]
        let plan = index.plan
        let level = levelName(plan.measureLevel)
        var context: Context = ["reading": basis == .reading, "file": basis == .file, "value": opt(value),
                                "notes_url": opt(graph.sourceNotes[plan.id] == nil ? nil : routes.path(for: .planSourceNotes(plan.id)))]
        switch basis {
        case .file:
            let rows = source.measure == source.rowAbove ? "\(level) \(source.rowAbove)" : "\(level) \(source.measure)–\(source.rowAbove)"
            context["statement"] = fill("merged_file_statement", ["rows": rows])
        case .reading:
            var grounds = [fill(source.likely ? "merged_reading_likely" : "merged_reading_possible",
                                ["above": "\(level) \(source.rowAbove)"])]
            if source.acrossGoal, let g = index.measures[key.measure].goal {
                grounds.append(fill("merged_reading_across_goal", ["goal": "\(levelName(index.level(of: g))) \(index.goals[g].goal.number)"]))
            }
            if source.throughEmptyCell {
                grounds.append(fill("merged_reading_through_empty", ["above": "\(level) \(source.rowAbove)", "source": "\(level) \(source.measure)"]))
            }
            grounds.append(t("merged_reading_caveat"))
            context["statement"] = grounds.joined(separator: " ")
        }
        return context
    }

    static let readingNoteKeys = ["text", "notes_url"]

    /// «Строки 3 заходів на цій сторінці — прочитання сайту …»: a note for pages that count or list
    /// measures by a value the site read from an empty cell. `false` when none does.
    func readingNote(_ keys: [SiteGraph.MeasureKey], term: Bool = true, responsible: Bool = false) -> Any {
        let readTerm = { (key: SiteGraph.MeasureKey) in term && graph.measure(key).measure.term.merged == .reading }
        let readResponsible = { (key: SiteGraph.MeasureKey) in responsible && graph.measure(key).measure.responsible?.merged == .reading }
        let read = keys.filter { readTerm($0) || readResponsible($0) }
        guard let first = read.first else { return false }
        let numbers = read.map { graph.measure($0).measure.number }
        let notes = Set(read.map(\.plan)).count == 1 && graph.sourceNotes[graph.plans[first.plan].plan.id] != nil
            ? routes.path(for: .planSourceNotes(graph.plans[first.plan].plan.id)) : nil
        let cells = !read.contains(where: readResponsible) ? "reading_note_term"
            : !read.contains(where: readTerm) ? "reading_note_responsible" : "reading_note_cells"
        return ["text": fill(cells,
                             ["count": itemCount(read), "numbers": numbers.joined(separator: ", ")]),
                "notes_url": opt(notes)] as Context
    }
}
