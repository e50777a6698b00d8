/// A plan flattened for lookups: goals in document order (pre-order), each
/// goal's measures forming a contiguous range of `measures`.
public struct PlanIndex: Sendable {
    public struct GoalNode: Sendable {
        public var goal: Goal
        public var parent: Int?
        public var children: [Int]
        /// Measures directly under this goal.
        public var directMeasures: [Int]
        /// All measures of the subtree: `measures[subtree]`.
        public var subtree: Range<Int>
    }

    public struct MeasureNode: Sendable {
        public var measure: Measure
        /// The goal directly above, nil for a measure directly under the plan.
        public var goal: Int?
        /// Indices into `indicators`.
        public var indicators: Range<Int>
    }

    public struct IndicatorNode: Sendable {
        public var indicator: Indicator
        public var measure: Int
    }

    /// The columns the plan's table has, as far as its measures show: a column no measure fills
    /// (the strategy's bullets have no responsible, term or indicators; most plans no money) is
    /// one the document does not have, and pages show no empty row for it.
    public struct Columns: Sendable {
        public var responsible = false, term = false, indicators = false, results = false, funding = false
    }

    public let plan: Plan
    public private(set) var columns = Columns()
    public private(set) var goals: [GoalNode] = []
    public private(set) var measures: [MeasureNode] = []
    public private(set) var indicators: [IndicatorNode] = []
    public private(set) var topGoals: [Int] = []
    public private(set) var rootMeasures: [Int] = []
    public private(set) var goalByID: [String: Int] = [:]
    public private(set) var measureByNumber: [String: Int] = [:]
    public private(set) var indicatorByID: [String: Int] = [:]

    init(plan: Plan, sink: DiagnosticSink) {
        self.plan = plan
        for goal in plan.goals { topGoals.append(add(goal, parent: nil, sink: sink)) }
        rootMeasures = plan.measures.map { add($0, goal: nil, sink: sink) }
    }

    private mutating func add(_ goal: Goal, parent: Int?, sink: DiagnosticSink) -> Int {
        let index = goals.count
        var node = goal
        node.goals = []
        node.measures = []
        goals.append(GoalNode(goal: node, parent: parent, children: [], directMeasures: [], subtree: measures.count..<measures.count))
        if let existing = goalByID[goal.id] {
            sink.error(.goalTwice(goal: goal.id, plan: plan.id.raw, firstLine: goals[existing].goal.location.line),
                       at: goal.location)
        } else {
            goalByID[goal.id] = index
        }
        let start = measures.count
        let direct = goal.measures.map { add($0, goal: index, sink: sink) }
        let children = goal.goals.map { add($0, parent: index, sink: sink) }
        goals[index].children = children
        goals[index].directMeasures = direct
        goals[index].subtree = start..<measures.count
        return index
    }

    private mutating func add(_ measure: Measure, goal: Int?, sink: DiagnosticSink) -> Int {
        let index = measures.count
        if let existing = measureByNumber[measure.number] {
            sink.error(.measureTwice(number: measure.number, plan: plan.id.raw, firstLine: measures[existing].measure.location.line),
                       at: measure.location)
        } else {
            measureByNumber[measure.number] = index
        }
        let start = indicators.count
        for indicator in measure.indicators {
            if let existing = indicatorByID[indicator.id] {
                sink.error(.indicatorTwice(id: indicator.id, plan: plan.id.raw, firstLine: indicators[existing].indicator.location.line),
                           at: indicator.location)
            } else {
                indicatorByID[indicator.id] = indicators.count
            }
            indicators.append(IndicatorNode(indicator: indicator, measure: index))
        }
        measures.append(MeasureNode(measure: measure, goal: goal, indicators: start..<indicators.count))
        columns.responsible = columns.responsible || measure.responsible != nil
        columns.term = columns.term || measure.term.printed != nil
        columns.indicators = columns.indicators || !measure.indicators.isEmpty
        columns.results = columns.results || !measure.results.isEmpty
        columns.funding = columns.funding || plan.budget != nil || measure.funding.printed != nil || measure.funding.status != .notStated
        return index
    }

    /// Goal ancestors from the top down, ending with `goal` itself.
    public func path(toGoal goal: Int) -> [Int] {
        var chain: [Int] = []
        var current: Int? = goal
        while let index = current {
            chain.append(index)
            current = goals[index].parent
        }
        return chain.reversed()
    }

    /// The level of a goal (its depth names it).
    public func level(of goal: Int) -> Level {
        let depth = goals[goal].goal.depth
        return depth < plan.levels.count ? plan.levels[depth] : Level(name: "Рівень \(depth + 1)", plural: "Рівень \(depth + 1)", slug: "level")
    }

    /// The sibling list a measure belongs to, for previous/next links.
    public func siblings(ofMeasure index: Int) -> [Int] {
        if let goal = measures[index].goal { return goals[goal].directMeasures }
        return rootMeasures
    }

    public func siblings(ofGoal index: Int) -> [Int] {
        if let parent = goals[index].parent { return goals[parent].children }
        return topGoals
    }
}
