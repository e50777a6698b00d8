/// `/data/executors.csv`: the registry of responsible bodies, with their
/// part in each plan's measures.
struct ExecutorsCSV {
    let graph: SiteGraph

    static let columns = ["id", "name", "short", "kind", "parent", "aliases", "url", "plans",
                          "measures_named", "measures_without_consent", "measures_by_consent", "measures"]

    var table: CSVTable {
        var table = CSVTable(header: ExecutorsCSV.columns)
        for id in graph.executorOrder {
            guard let executor = graph.executors[id] else { continue }
            let involvements = (graph.involvements[id] ?? []).sorted { $0.key < $1.key }
            var plans: [String] = []
            for involvement in involvements {
                let plan = graph.plans[involvement.key.plan].plan.id.raw
                if !plans.contains(plan) { plans.append(plan) }
            }
            let consent = involvements.filter(\.consent).count
            table.append([
                id.raw, executor.name, executor.short ?? "", executor.kind.rawValue, executor.parent?.raw ?? "",
                CSVTable.list(executor.aliases), graph.routes.url(for: .executor(id)), CSVTable.list(plans),
                String(involvements.count), String(involvements.count - consent), String(consent),
                CSVTable.list(involvements.map { "\(graph.plans[$0.key.plan].plan.id.raw)/\(graph.measure($0.key).measure.number)" }),
            ])
        }
        return table
    }
}
