/// Cells that continue the row above (`term: {same_as_row_above: true}`,
/// `responsible: {same_as_row_above: true}`, each with its `basis`: the site's reading of an
/// empty cell in an extracted text, or the Word file's own vertical merge): each takes the value
/// of the row above it in document order (a plan's own measures first, then each goal's measures
/// before its child goals), keeping the mark and its basis so pages can say which it is.
enum MergedCells {
    static func resolve(measures: inout [Measure], goals: inout [Goal], previous: inout Measure?, sink: DiagnosticSink) {
        for i in measures.indices {
            resolve(&measures[i], above: previous, sink: sink)
            previous = measures[i]
        }
        for g in goals.indices {
            var goal = goals[g]
            resolve(measures: &goal.measures, goals: &goal.goals, previous: &previous, sink: sink)
            goals[g] = goal
        }
    }

    private static func resolve(_ measure: inout Measure, above: Measure?, sink: DiagnosticSink) {
        if let above, measure.term.sameAsRowAbove || measure.responsible?.sameAsRowAbove == true {
            // The measure shows the row above's cell: an edit there is an edit here (incremental rebuilds).
            var hasher = Hasher()
            hasher.combine(measure.sourceDigest)
            hasher.combine(above.sourceDigest)
            measure.sourceDigest = hasher.finalize()
        }
        if measure.term.sameAsRowAbove {
            if let above, above.term.printed != nil {
                let location = measure.term.location, basis = measure.term.merged
                measure.term = above.term
                measure.term.location = location
                measure.term.merged = basis
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
            } else {
                sink.error(.responsibleSameAsRowAboveWithoutBodies(measure: measure.number),
                           at: measure.location)
            }
        }
    }
}
