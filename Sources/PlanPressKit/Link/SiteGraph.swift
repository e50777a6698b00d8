/// The linked site: indexed plans, the executor registry with back-links,
/// resolved commentary. Built once by `SiteLinker`; read-only afterwards.
public struct SiteGraph: Sendable {
    /// A measure anywhere in the site.
    public struct MeasureKey: Hashable, Sendable, Comparable {
        public var plan: Int
        public var measure: Int
        public static func < (a: MeasureKey, b: MeasureKey) -> Bool { (a.plan, a.measure) < (b.plan, b.measure) }
    }

    /// One executor's part in one measure.
    public struct Involvement: Sendable {
        public var key: MeasureKey
        public var consent: Bool
        /// 0 for the first-named (leading) body.
        public var position: Int
    }

    public struct GlossaryEntry: Sendable {
        public var abbr: String
        public var full: String
        /// Plans that define it (`defined: true`), then plans that only use it.
        public var definedIn: [PlanID]
        public var usedIn: [PlanID]
    }

    public struct RenderedCommentary: Sendable {
        public var title: String?
        public var html: String
        public var file: String
    }

    public let site: Site
    public let routes: Routes
    public let plans: [PlanIndex]
    public let planByID: [PlanID: Int]
    public let executors: [ExecutorID: Executor]
    /// Registry order: sorted by name for lists.
    public let executorOrder: [ExecutorID]
    public let involvements: [ExecutorID: [Involvement]]
    public let subordinates: [ExecutorID: [ExecutorID]]
    public let commentary: [ItemReference: [RenderedCommentary]]
    public let glossary: [GlossaryEntry]
    /// Rendered update bodies by slug (published updates only).
    public let updateHTML: [String: String]
    public let updates: [Update]
    public let updatesByItem: [ItemReference: [Int]]
    /// Index into `updates` by slug.
    public var updateBySlug: [String: Int] = [:]
    /// Updates naming a plan or any of its items, in `updates` order.
    public var updatesByPlan: [PlanID: [Int]] = [:]
    public let monitoring: Monitoring
    /// Stated-versus-computed budget checks per plan (index as `plans`), computed once.
    public let budgetChecks: [[BudgetReconciler.Check]]
    /// The same checks by goal (index as `plans`, then the goal), in their order: each goal page and each goal
    /// of a print page shows its own.
    public var budgetChecksByGoal: [[Int: [BudgetReconciler.Check]]] = []
    /// Each plan's transcription notes (`Content/sources/<plan>.md`, Ukrainian) as HTML;
    /// a plan has a notes page when it has these.
    public var sourceNotes: [PlanID: String] = [:]
    /// Their English version (`Content/sources/<plan>.en.md`) as HTML, for the English
    /// notes page; a plan without it shows the Ukrainian notes there, marked as such.
    public var englishSourceNotes: [PlanID: String] = [:]

    public func plan(_ id: PlanID) -> PlanIndex? { planByID[id].map { plans[$0] } }

    public func measure(_ key: MeasureKey) -> PlanIndex.MeasureNode { plans[key.plan].measures[key.measure] }
}
