/// A node of a plan's goal tree at any level (strategic goal, direction, task …).
public struct Goal: Sendable {
    public var number: String
    public var printedNumber: String?
    public var title: String
    /// 0 for top-level goals; names its level through `Plan.levels[depth]`.
    public var depth: Int
    /// `<level slug>-<number>`, unique within the plan and used in URLs.
    public var id: String
    public var goals: [Goal]
    public var measures: [Measure]
    public var statedTotals: StatedTotals?
    public var location: SourceLocation
    /// Digest of the goal's own YAML (children left out), position excluded:
    /// a rebuild tells edited goals apart by it (`SiteChanges`).
    public var sourceDigest: Int = 0
    /// The source lines of the goal's title row (`lines:`) and printed fields (`Citation.isCited`).
    public var citation: Citation? = nil
}
