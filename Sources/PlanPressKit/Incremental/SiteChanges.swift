/// What an edit changed, worked out from the content files that changed and
/// the values loaded from them before and after. Either the items it
/// touched, or `everything` when the edit reaches too far to track (site
/// settings, executors, templates, a plan's structure or metadata).
struct SiteChanges {
    /// Why everything is re-rendered (a line of the `--watch` log); nil when only `items` changed.
    var everything: Message?
    /// Plans with any changed item (their plan, print and timeline pages, open data).
    var plans: Set<Int> = []
    /// Measures whose own data, commentary, reports or news changed.
    var measures: Set<SiteGraph.MeasureKey> = []
    /// The part of `measures` changed by their plan file, commentary or news, not only by reports: every
    /// page of their long value series shows it. A measure changed only by reports has its value pages
    /// compared row by row (`AffectedPages`).
    var ownMeasures: Set<SiteGraph.MeasureKey> = []
    /// The part of `ownMeasures` whose plan-file edit changed only their text, and none of the
    /// excerpts pages print (`PageRenderer.Excerpt`): only pages printing the whole text change.
    /// Nothing else (commentary, news, a report) changed them.
    var textOnlyMeasures: Set<SiteGraph.MeasureKey> = []
    /// Plans whose file changed with no goal and only `textOnlyMeasures` changed (or none: a comment
    /// line), and that nothing else changed: of the plan's own pages, only those printing a measure's
    /// whole text (the print version, report pages) change.
    var textOnlyPlans: Set<Int> = []
    /// Plans and measures reached by a changed commentary, update or report, not only by their plan file.
    private var reachedOtherwise: (plans: Set<Int>, measures: Set<SiteGraph.MeasureKey>) = ([], [])
    /// Goals (plan, goal index) whose own fields, commentary or news changed.
    var goals: Set<GoalKey> = []
    /// Executors whose page shows something that changed (beyond their measures).
    var executors: Set<ExecutorID> = []
    /// Some update was added, removed or edited.
    var updates = false
    /// Some monitoring report was added, removed or edited (report pages, the index, the plan's report feed).
    var reports = false
    /// Plans whose transcription notes (`sources/<plan>.md` or `<plan>.en.md`) changed: their notes pages.
    var notes: Set<Int> = []

    struct GoalKey: Hashable {
        var plan: Int
        var goal: Int
    }

    static func everything(_ reason: Message) -> SiteChanges { SiteChanges(everything: reason) }

    /// `changed`: paths relative to the content folder, as `FileStamps.changed` gives them.
    static func between(old: SiteGraph, new: SiteGraph, changed: [String]) -> SiteChanges {
        var changes = SiteChanges()
        guard old.plans.map(\.plan.id) == new.plans.map(\.plan.id) else { return .everything(.fullRenderPlanListChanged) }
        for path in changed {
            let parts = path.split(separator: "/").map(String.init)
            let name = parts.last ?? ""
            switch parts.first {
            case "plans" where parts.count == 3 && (name == "plan.yaml" || name == "plan.yml"):
                if let reason = changes.addPlan(PlanID(parts[1]), old: old, new: new) { return .everything(reason) }
            case "commentary" where name.hasSuffix(".md") || name.hasSuffix(".markdown"):
                let file = "/" + path
                for graph in [old, new] {
                    for commentary in graph.site.commentary where commentary.file.hasSuffix(file) {
                        changes.add(commentary.about, in: graph)
                    }
                }
            case "updates" where parts.count == 2 && (name.hasSuffix(".md") || name.hasSuffix(".markdown")):
                changes.updates = true
                let file = "/" + path
                for graph in [old, new] {
                    for update in graph.site.updates where update.file.hasSuffix(file) {
                        for reference in update.items { changes.add(reference, in: graph) }
                    }
                }
            case "reports" where name.hasSuffix(".yaml") || name.hasSuffix(".yml"):
                changes.reports = true
                let file = "/" + path
                for graph in [old, new] {
                    for report in graph.site.reports where report.file.hasSuffix(file) {
                        guard let p = graph.planByID[report.plan] else { continue }
                        changes.plans.insert(p)
                        changes.reachedOtherwise.plans.insert(p)
                        let index = graph.plans[p]
                        var keys: [SiteGraph.MeasureKey] = []
                        for status in report.measures {
                            if let m = index.measureByNumber[status.measure] { keys.append(.init(plan: p, measure: m)) }
                        }
                        for value in report.indicators {
                            if let i = index.indicatorByID[value.indicator] { keys.append(.init(plan: p, measure: index.indicators[i].measure)) }
                        }
                        changes.measures.formUnion(keys)
                        changes.reachedOtherwise.measures.formUnion(keys)
                        if let executor = report.reporter.executor { changes.executors.insert(executor) }
                    }
                }
            case "sources" where parts.count == 2 && SourceNotes.plan(ofFile: name) != nil:
                // Notes of no plan are not published: nothing to render.
                if let p = new.planByID[SourceNotes.plan(ofFile: name)!.plan] { changes.notes.insert(p) }
            default:
                return .everything(.fullRenderFileChanged(path: path))
            }
        }
        changes.textOnlyMeasures.subtract(changes.reachedOtherwise.measures)
        changes.textOnlyPlans.subtract(changes.reachedOtherwise.plans)
        return changes
    }

    /// A changed plan file: which goals and measures differ. Structure or plan-level changes: everything.
    private mutating func addPlan(_ id: PlanID, old: SiteGraph, new: SiteGraph) -> Message? {
        guard let p = old.planByID[id], new.planByID[id] == p else { return .fullRenderPlanAddedOrRemoved(plan: id.raw) }
        let before = old.plans[p], after = new.plans[p]
        guard before.goals.map(\.goal.id) == after.goals.map(\.goal.id),
              before.goals.map(\.parent) == after.goals.map(\.parent),
              before.measures.map(\.measure.number) == after.measures.map(\.measure.number),
              before.measures.map(\.goal) == after.measures.map(\.goal),
              before.indicators.map(\.indicator.id) == after.indicators.map(\.indicator.id) else {
            return .fullRenderPlanStructureChanged(plan: id.raw)
        }
        // Plan, goals and measures by the digest of their own YAML: the plan-level
        // fields goals and measures are read with (levels, period, budget) come first.
        guard before.plan.sourceDigest == after.plan.sourceDigest else { return .fullRenderPlanMetadataChanged(plan: id.raw) }
        var textOnly = true
        for g in before.goals.indices where before.goals[g].goal.sourceDigest != after.goals[g].goal.sourceDigest {
            goals.insert(GoalKey(plan: p, goal: g))
            textOnly = false
        }
        for m in before.measures.indices where before.measures[m].measure.sourceDigest != after.measures[m].measure.sourceDigest {
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            measures.insert(key)
            ownMeasures.insert(key)
            let a = before.measures[m].measure, b = after.measures[m].measure
            if a.textFreeDigest == b.textFreeDigest && PageRenderer.Excerpt.allCases.allSatisfy({ $0.of(a.text) == $0.of(b.text) }) {
                textOnlyMeasures.insert(key)
            } else {
                textOnly = false
            }
        }
        if textOnly { textOnlyPlans.insert(p) }
        // The file changed: its plan's own pages and open data are made again even when no
        // item did (the JSON gives every item's line in the file, and lines may have moved).
        plans.insert(p)
        return nil
    }

    private mutating func addOtherwise(_ key: SiteGraph.MeasureKey) {
        plans.insert(key.plan)
        measures.insert(key)
        ownMeasures.insert(key)
        reachedOtherwise.plans.insert(key.plan)
        reachedOtherwise.measures.insert(key)
    }

    /// An item named by changed commentary or a changed update, looked up in the graph that has it.
    private mutating func add(_ reference: ItemReference, in graph: SiteGraph) {
        func plan(_ id: PlanID) -> Int? { graph.planByID[id] }
        switch reference {
        case .plan(let id):
            if let p = plan(id) { plans.insert(p); reachedOtherwise.plans.insert(p) }
        case .goal(let id, let goal):
            if let p = plan(id), let g = graph.plans[p].goalByID[goal] {
                plans.insert(p)
                reachedOtherwise.plans.insert(p)
                goals.insert(GoalKey(plan: p, goal: g))
            }
        case .measure(let id, let number):
            if let p = plan(id), let m = graph.plans[p].measureByNumber[number] {
                addOtherwise(.init(plan: p, measure: m))
            }
        case .indicator(let id, let indicator):
            if let p = plan(id), let i = graph.plans[p].indicatorByID[indicator] {
                addOtherwise(.init(plan: p, measure: graph.plans[p].indicators[i].measure))
            }
        case .executor(let id):
            executors.insert(id)
        case .update:
            updates = true
        }
    }
}
