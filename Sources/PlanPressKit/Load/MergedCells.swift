/// Cells that continue the row above (`term: {same_as_row_above: true}`,
/// `responsible: {same_as_row_above: true}`, each with its `basis`: the site's reading of an
/// empty cell in an extracted text, or the Word file's own vertical merge): each takes the value
/// of the row above it in document order (a plan's own measures first, then each goal's measures
/// before its child goals), keeping the mark and its basis so pages can say which it is, and
/// where the value comes from (`MergeSource`: the top of the merge, whether the row above
/// belongs to another goal or is itself empty) so pages can state the reading's grounds.
enum MergedCells {
    /// The row above: a measure and the goal it belongs to (nil: the plan's own measures).
    struct Row {
        var measure: Measure
        var goal: String?
    }

    static func resolve(measures: inout [Measure], goals: inout [Goal], goal: String? = nil, previous: inout Row?, sink: DiagnosticSink) {
        for i in measures.indices {
            resolve(&measures[i], goal: goal, above: previous, sink: sink)
            previous = Row(measure: measures[i], goal: goal)
        }
        for g in goals.indices {
            var child = goals[g]
            resolve(measures: &child.measures, goals: &child.goals, goal: child.id, previous: &previous, sink: sink)
            goals[g] = child
        }
    }

    private static func resolve(_ measure: inout Measure, goal: String?, above row: Row?, sink: DiagnosticSink) {
        let above = row?.measure
        if let above, measure.term.sameAsRowAbove || measure.responsible?.sameAsRowAbove == true {
            // The measure shows the row above's cell: an edit there is an edit here (incremental rebuilds).
            var hasher = Hasher()
            hasher.combine(measure.sourceDigest)
            hasher.combine(above.sourceDigest)
            measure.sourceDigest = hasher.finalize()
            // The row above's text does not show here.
            var textFree = Hasher()
            textFree.combine(measure.textFreeDigest)
            textFree.combine(above.textFreeDigest)
            measure.textFreeDigest = textFree.finalize()
        }
        let acrossGoal = row.map { $0.goal != goal } ?? false
        if measure.term.sameAsRowAbove {
            if let above, above.term.printed != nil {
                let location = measure.term.location, basis = measure.term.merged
                measure.term = above.term
                measure.term.location = location
                measure.term.merged = basis
                measure.term.mergeSource = MergeSource(measure: above.term.mergeSource?.measure ?? above.number, rowAbove: above.number,
                                                       acrossGoal: acrossGoal, throughEmptyCell: above.term.sameAsRowAbove)
            } else {
                sink.error(.termSameAsRowAboveWithoutTerm(measure: measure.number),
                           at: measure.term.location ?? measure.location)
            }
        }
        if measure.responsible?.sameAsRowAbove == true {
            if let above, let cell = above.responsible, !cell.assignments.isEmpty {
                let basis = measure.responsible?.merged
                measure.responsible = cell
                measure.responsible?.merged = basis
                measure.responsible?.mergeSource = MergeSource(measure: cell.mergeSource?.measure ?? above.number, rowAbove: above.number,
                                                               acrossGoal: acrossGoal, throughEmptyCell: cell.sameAsRowAbove)
            } else {
                sink.error(.responsibleSameAsRowAboveWithoutBodies(measure: measure.number),
                           at: measure.location)
            }
        }
    }
}
