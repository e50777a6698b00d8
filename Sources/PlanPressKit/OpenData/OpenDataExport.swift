/// The open data of the site (docs/open-data.md): per plan a JSON file with
/// everything and two CSV tables, the executors table, the JSON Schema and a
/// ZIP of all of them. Built in the render stage from the linked graph;
/// the same graph gives byte-identical files.
public struct OpenDataExport: Sendable {
    /// Folder of the data files inside the output folder.
    public static let folder = "data/"

    let graph: SiteGraph

    public init(graph: SiteGraph) { self.graph = graph }

    public static func path(_ kind: OpenDataDownload.Kind, plan: PlanID? = nil) -> String {
        let name: String
        switch kind {
        case .planJSON: name = "\(plan!.raw).json"
        case .measuresCSV: name = "\(plan!.raw)-measures.csv"
        case .budgetCSV: name = "\(plan!.raw)-budget.csv"
        case .executorsCSV: name = "executors.csv"
        case .schema: name = "schema.json"
        case .archive: name = "all.zip"
        }
        return folder + name
    }

    /// The files and the catalogue that lists them with their sizes.
    public func build() -> (files: [OutputFile], catalog: OpenDataCatalog) {
        var files: [(OpenDataDownload.Kind, PlanID?, [UInt8])] = []
        let perPlan = parallelMap(Array(graph.plans.indices)) { p -> [(OpenDataDownload.Kind, PlanID?, [UInt8])] in
            let id = graph.plans[p].plan.id
            var files: [(OpenDataDownload.Kind, PlanID?, [UInt8])] = [
                (.planJSON, id, Array(PlanJSON(graph: graph, plan: p).document.serialized().utf8)),
                (.measuresCSV, id, MeasuresCSV(graph: graph, plan: p).table.bytes),
            ]
            // A plan without a budget section states no amounts: no budget table.
            if graph.plans[p].plan.budget != nil { files.append((.budgetCSV, id, BudgetCSV(graph: graph, plan: p).table.bytes)) }
            return files
        }
        files += perPlan.flatMap { $0 }
        files.append((.executorsCSV, nil, ExecutorsCSV(graph: graph).table.bytes))
        let schemaID = graph.routes.baseURL.contains("://") ? graph.routes.absolute(OpenDataExport.path(.schema)) : nil
        files.append((.schema, nil, Array(OpenDataSchema.text(id: schemaID).utf8)))
        var zip = ZipArchive()
        for (kind, plan, bytes) in files {
            zip.add(String(OpenDataExport.path(kind, plan: plan).dropFirst(OpenDataExport.folder.count)), bytes)
        }
        files.append((.archive, nil, zip.bytes))
        let outputs = files.map { OutputFile(path: OpenDataExport.path($0.0, plan: $0.1), bytes: $0.2) }
        let catalog = OpenDataCatalog(downloads: files.map {
            OpenDataDownload(kind: $0.0, plan: $0.1, path: OpenDataExport.path($0.0, plan: $0.1), size: $0.2.count)
        })
        return (outputs, catalog)
    }
}
