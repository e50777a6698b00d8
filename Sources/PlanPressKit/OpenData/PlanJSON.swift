/// `/data/<plan>.json`: the whole plan for machines. Keys in the order of
/// `OpenDataSchema`; money and indicator values as exact decimal numbers.
struct PlanJSON {
    static let formatVersion = 1

    let graph: SiteGraph
    let p: Int
    let fields: OpenDataFields
    /// The plan's source text, read once: printed fields undo their corrections against it.
    let source: SourceDocument?

    init(graph: SiteGraph, plan p: Int) {
        self.graph = graph
        self.p = p
        self.fields = OpenDataFields(graph: graph, p: p)
        self.source = fields.source
    }

    var index: PlanIndex { graph.plans[p] }
    var routes: Routes { graph.routes }

    var document: JSONValue {
        .object([
            ("format", .string("planpress-plan")),
            ("format_version", .int(PlanJSON.formatVersion)),
            ("schema", .string(routes.absolute(OpenDataExport.path(.schema)))),
            ("as_of", .string(graph.site.settings.asOf.iso)),
            ("plan", planInfo),
            ("levels", .array(index.plan.levels.enumerated().map { depth, level in
                .object([("depth", .int(depth)), ("name", .string(level.name)), ("plural", .string(level.plural)), ("slug", .string(level.slug)),
                         ("name_assigned", .bool(level.nameAssigned)), ("numbers_assigned", .bool(level.assignedNumbers))])
            })),
            ("abbreviations", .array(index.plan.abbreviations.map {
                .object([("abbr", .string($0.abbr)), ("full", .string($0.full)), ("defined", .bool($0.defined))])
            })),
            ("budget", budget),
            ("goals", .array(index.topGoals.map(goal))),
            ("measures", .array(index.measures.indices.map(measure))),
            ("indicators", .array(index.indicators.indices.map(indicator))),
            ("executors", .array(executors)),
            ("reports", .array(reports)),
        ])
    }

    private var planInfo: JSONValue {
        let plan = index.plan
        return .object([
            ("id", .string(plan.id.raw)),
            ("title", .string(plan.title)),
            ("short_title", .string(plan.shortTitle)),
            ("document_kind", .text(plan.documentKind)),
            ("responsible_heading", .text(plan.responsibleHeading)),
            ("status", .string(plan.status.rawValue)),
            ("title_lines", PlanJSON.lines(plan.titleCitation)),
            ("period", .object([("from", .number(plan.period.from)), ("to", .number(plan.period.to)),
                                ("inferred_from", .text(plan.period.inferredFrom))])),
            ("issuer", plan.issuer.flatMap { i in i.printed.map { printed in
                .object([("printed", .string(printed)), ("lines", PlanJSON.lines(i.citation)), ("executor", .text(i.executor?.raw))])
            } } ?? .null),
            ("approval", plan.approval.map { a in
                .object([("printed", .text(a.printed)), ("label", .text(a.label)), ("by", .text(a.by)), ("person", .text(a.person)),
                         ("document", .text(a.document)), ("number", .text(a.number)),
                         ("date", .text(a.date?.iso)), ("date_printed", .text(a.datePrinted)), ("lines", PlanJSON.lines(a.citation))])
            } ?? .null),
            ("signatory", plan.signatory.map {
                .object([("position", .text($0.position)), ("name", .text($0.name)), ("lines", PlanJSON.lines($0.citation))])
            } ?? .null),
            ("vision", .text(plan.vision)),
            ("vision_lines", PlanJSON.lines(plan.visionCitation)),
            ("vision_corrections", PlanJSON.corrections(plan.visionCitation)),
            ("preamble", .text(plan.preamble)),
            ("url", .string(routes.url(for: .plan(plan.id)))),
            ("source_url", .text(plan.source.map { _ in routes.absolute(routes.relativePath(for: .planSource(plan.id))) })),
        ])
    }

    /// An item's lines in the published source text: `[{"from": 106, "to": 112}]` (empty when uncited).
    static func lines(_ citation: Citation?) -> JSONValue {
        guard let citation, citation.isCited else { return .array([]) }
        return .array(citation.ranges.map { .object([("from", .int($0.lowerBound)), ("to", .int($0.upperBound))]) })
    }

    /// The corrections the published text makes to the printed one, each with its reason.
    static func corrections(_ citation: Citation?) -> JSONValue {
        .array((citation?.corrections ?? []).map {
            .object([("printed", .string($0.printed)), ("published", .string($0.published)), ("why", .string($0.why))])
        })
    }

    /// A goal with its children, nested as in the document.
    private func goal(_ g: Int) -> JSONValue {
        let node = index.goals[g]
        let level = index.level(of: g)
        return .object([
            ("id", .string(node.goal.id)),
            ("number", .string(node.goal.number)),
            ("printed_number", .text(node.goal.printedNumber)),
            ("level", .string(level.name)),
            ("depth", .int(node.goal.depth)),
            ("title", .string(node.goal.title)),
            ("lines", PlanJSON.lines(node.goal.citation)),
            ("corrections", PlanJSON.corrections(node.goal.citation)),
            ("url", .string(routes.url(for: .goal(index.plan.id, node.goal.id)))),
            ("measures", .array(node.directMeasures.map { .string(index.measures[$0].measure.number) })),
            ("budget", goalBudget(g)),
            ("goals", .array(node.children.map(goal))),
        ])
    }
}
