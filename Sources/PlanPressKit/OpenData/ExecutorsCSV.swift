/// `/data/executors.csv`: the registry of responsible bodies, and
/// `/data/executor-aliases.csv`: their other printed names, one per row.
/// Which measures name a body is in `measure-executors.csv`.
struct ExecutorsCSV {
    let graph: SiteGraph

    static let fields: [DataTable.Field] = [
        .init("id", .string, "Registry id"),
        .init("name", .string, "Full name"),
        .init("short", .string, "Short name"),
        .init("kind", .string, "authority, unit, territorial-body … (docs/content-format.md)"),
        .init("parent", .string, "Id of the body it belongs to"),
        .init("url", .string, "The body's page"),
        .init("measures_named", .integer, "Measures that name it in the column of executors"),
        .init("measures_without_consent", .integer, "Measures that name it without «за згодою»"),
        .init("measures_by_consent", .integer, "Measures that name it «за згодою»"),
    ]
    static var columns: [String] { fields.map(\.name) }

    var table: CSVTable { dataTable.csv }

    var dataTable: DataTable {
        var table = DataTable(name: "executors", title: "Responsible bodies", fields: ExecutorsCSV.fields, primaryKey: ["id"],
                              foreignKeys: [.init(fields: ["parent"], table: "executors", reference: ["id"])])
        for id in graph.executorOrder {
            guard let executor = graph.executors[id] else { continue }
            let involvements = graph.involvements[id] ?? []
            let consent = involvements.filter(\.consent).count
            table.append([
                id.raw, executor.name, executor.short ?? "", executor.kind.rawValue, executor.parent?.raw ?? "",
                graph.routes.url(for: .executor(id)), String(involvements.count), String(involvements.count - consent), String(consent),
            ])
        }
        return table
    }

    var aliases: DataTable {
        var table = DataTable(name: "executor-aliases", title: "Other printed names of the bodies", fields: [
            .init("executor", .string, "The body (executors.id)"),
            .init("alias", .string, "A name the documents print for it"),
        ], primaryKey: ["executor", "alias"], foreignKeys: [.init(fields: ["executor"], table: "executors", reference: ["id"])])
        for id in graph.executorOrder {
            guard let executor = graph.executors[id] else { continue }
            var seen: Set<String> = []
            for alias in executor.aliases where seen.insert(alias).inserted { table.append([id.raw, alias]) }
        }
        return table
    }
}
