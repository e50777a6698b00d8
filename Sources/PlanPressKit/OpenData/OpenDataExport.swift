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

    /// One file: its kind, its plan (nil for site-wide files), bytes and CRC-32 (for the archive).
    public struct Piece: Sendable {
        var kind: OpenDataDownload.Kind
        var plan: PlanID?
        var bytes: [UInt8]
        var crc: UInt32

        init(_ kind: OpenDataDownload.Kind, _ plan: PlanID?, _ bytes: [UInt8]) {
            self.kind = kind
            self.plan = plan
            self.bytes = bytes
            // The archive is not archived itself: no checksum needed.
            self.crc = kind == .archive ? 0 : CRC32.checksum(bytes)
        }
    }

    /// What `build(reusing:changedPlans:)` gives: the files, their catalogue, and the pieces to reuse next time.
    public struct Built: Sendable {
        public var files: [OutputFile]
        public var catalog: OpenDataCatalog
        var pieces: [Piece]
    }

    /// The files and the catalogue that lists them with their sizes.
    public func build() -> (files: [OutputFile], catalog: OpenDataCatalog) {
        let built = build(reusing: nil, changedPlans: [])
        return (built.files, built.catalog)
    }

    /// With `previous` (the pieces of the last build of the same plans), only
    /// the plans in `changedPlans` are exported again; site-wide files always are.
    func build(reusing previous: [Piece]?, changedPlans: Set<Int>) -> Built {
        var files: [Piece] = []
        var profile = Profile()
        // One task per file, so one changed plan still keeps both cores busy.
        var work: [(plan: Int, kind: OpenDataDownload.Kind)] = []
        for p in graph.plans.indices {
            work += [(p, .planJSON), (p, .measuresCSV)]
            // A plan without a budget section states no amounts: no budget table.
            if graph.plans[p].plan.budget != nil { work.append((p, .budgetCSV)) }
        }
        let perPlan = parallelMap(work) { p, kind -> [Piece] in
            let id = graph.plans[p].plan.id
            if let previous, !changedPlans.contains(p) { return previous.filter { $0.plan == id && $0.kind == kind } }
            switch kind {
            case .planJSON: return [Piece(.planJSON, id, PlanJSON(graph: graph, plan: p).document.bytes())]
            case .measuresCSV: return [Piece(.measuresCSV, id, MeasuresCSV(graph: graph, plan: p).table.bytes)]
            default: return [Piece(.budgetCSV, id, BudgetCSV(graph: graph, plan: p).table.bytes)]
            }
        }
        files += perPlan.flatMap { $0 }
        profile.mark("open data: plans")
        files.append(Piece(.executorsCSV, nil, ExecutorsCSV(graph: graph).table.bytes))
        let schemaID = graph.routes.baseURL.contains("://") ? graph.routes.absolute(OpenDataExport.path(.schema)) : nil
        files.append(Piece(.schema, nil, Array(OpenDataSchema.text(id: schemaID).utf8)))
        var zip = ZipArchive()
        for piece in files {
            zip.add(String(OpenDataExport.path(piece.kind, plan: piece.plan).dropFirst(OpenDataExport.folder.count)), piece.bytes, crc: piece.crc)
        }
        profile.mark("open data: executors, schema")
        files.append(Piece(.archive, nil, zip.bytes))
        profile.mark("open data: zip")
        let outputs = files.map { OutputFile(path: OpenDataExport.path($0.kind, plan: $0.plan), bytes: $0.bytes) }
        let catalog = OpenDataCatalog(downloads: files.map {
            OpenDataDownload(kind: $0.kind, plan: $0.plan, path: OpenDataExport.path($0.kind, plan: $0.plan), size: $0.bytes.count)
        })
        return Built(files: outputs, catalog: catalog, pieces: files)
    }
}
