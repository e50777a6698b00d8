/// The open data of the site (docs/open-data.md): per plan a JSON file with
/// everything, tidy CSV tables, an XLSX workbook of the same tables and a
/// monitoring template; site-wide the same tables for every plan, the
/// executors, the JSON Schema, a Frictionless Data Package descriptor and a
/// ZIP of all of them. Built in the render stage from the linked graph; the
/// same graph gives byte-identical files.
public struct OpenDataExport: Sendable {
    /// Folder of the data files inside the output folder.
    public static let folder = "data/"

    let graph: SiteGraph

    public init(graph: SiteGraph) { self.graph = graph }

    public static func path(_ kind: OpenDataDownload.Kind, plan: PlanID? = nil, table: String? = nil) -> String {
        let name: String
        switch kind {
        case .planJSON: name = "\(plan!.raw).json"
        case .measuresCSV: name = "\(plan!.raw)-measures.csv"
        case .budgetCSV: name = "\(plan!.raw)-budget.csv"
        case .executorsCSV: name = "executors.csv"
        case .schema: name = "schema.json"
        case .archive: name = "all.zip"
        case .table: name = plan.map { "\($0.raw)-\(table!).csv" } ?? "\(table!).csv"
        case .workbook: name = "\(plan!.raw).xlsx"
        case .template: name = "\(plan!.raw)-monitoring-template.xlsx"
        case .datapackage: name = "datapackage.json"
        }
        return folder + name
    }

    /// One file: its kind, its plan (nil for site-wide files), its table (CSV files) and bytes.
    public struct Piece: Sendable {
        var kind: OpenDataDownload.Kind
        var plan: PlanID?
        var table: DataTable?
        var bytes: [UInt8]
        /// The bytes as `all.zip` holds them, kept for the next build (`ZipArchive.Compressed`).
        var zipped: ZipArchive.Compressed?

        init(_ kind: OpenDataDownload.Kind, _ plan: PlanID?, _ bytes: [UInt8], table: DataTable? = nil) {
            self.kind = kind
            self.plan = plan
            self.table = table
            self.bytes = bytes
        }

        var path: String { OpenDataExport.path(kind, plan: plan, table: table?.name) }
    }

    /// What `build(reusing:changedPlans:)` gives: the files, their catalogue, and the pieces to reuse next time.
    public struct Built: Sendable {
        public var files: [OutputFile]
        public var catalog: OpenDataCatalog
        var pieces: [Piece]
    }

    /// The files and the catalogue that lists them with their sizes.
    public func build() -> (files: [OutputFile], catalog: OpenDataCatalog) {
        let built = build(reusing: nil, changedPlans: [], forRebuilds: false)
        return (built.files, built.catalog)
    }

    /// The CSV kind of a plan's table: the two tables that had their own kinds before the tidy tables keep them.
    static func kind(ofPlanTable name: String) -> OpenDataDownload.Kind {
        switch name {
        case "measures": return .measuresCSV
        case "budget": return .budgetCSV
        default: return .table
        }
    }

    /// A plan's tables as CSV pieces and its workbook: each table is built once and written as CSV and as a sheet.
    func tablePieces(_ p: Int) throws -> [Piece] {
        let id = graph.plans[p].plan.id
        let tables = TidyTables(graph: graph, plan: p).all(amountYears: true)
        var workbook = XLSXWriter()
        workbook.sheets = tables.map { XLSXWriter.Sheet(name: $0.name, columns: XLSXWriter.columns($0), rows: $0.rows) }
        // Only the measures rows are read again (the site-wide measures table); the rest keep their columns.
        return tables.map { Piece(OpenDataExport.kind(ofPlanTable: $0.name), id, $0.csvBytes, table: $0.name == "measures" ? $0 : $0.withoutRows) }
            + [Piece(.workbook, id, try workbook.bytes())]
    }

    /// With `previous` (the pieces of the last build of the same plans), only
    /// the plans in `changedPlans` are exported again; site-wide files always are.
    /// `forRebuilds`: the pieces are kept for a later rebuild (`SiteRenderer.Memory`), so they keep
    /// what a rebuild reuses (the plans' measure rows, the deflated entries); otherwise they keep
    /// only what the catalogue needs, and a build's open data holds its bytes alone while pages
    /// render (at 100k pages the tables' rows as strings were ~600 MB).
    func build(reusing previous: [Piece]?, changedPlans: Set<Int>, forRebuilds: Bool = true) -> Built {
        var files: [Piece] = []
        var profile = Profile()
        // Per plan: the JSON, the tables with their workbook, the template; one task each, so one changed plan still keeps both cores busy.
        enum Work: Sendable { case json, tables, template }
        var work: [(plan: Int, kind: Work)] = []
        for p in graph.plans.indices { work += [(p, .json), (p, .tables), (p, .template)] }
        let perPlan = parallelMap(work) { p, kind -> [Piece] in
            let id = graph.plans[p].plan.id
            if let previous, !changedPlans.contains(p) {
                return previous.filter { piece in
                    guard piece.plan == id else { return false }
                    switch kind {
                    case .json: return piece.kind == .planJSON
                    case .template: return piece.kind == .template
                    case .tables: return piece.kind != .planJSON && piece.kind != .template
                    }
                }
            }
            switch kind {
            case .json: return [Piece(.planJSON, id, PlanJSON(graph: graph, plan: p).document.bytes())]
            // Writing in memory fails only without memory; the file is then left out, and the page lists what exists.
            case .tables: return (try? tablePieces(p)) ?? []
            case .template: return (try? MonitoringTemplate(graph: graph, plan: p).bytes()).map { [Piece(.template, id, $0)] } ?? []
            }
        }
        files += perPlan.flatMap { $0 }
        profile.mark("open data: plans")
        files += siteTables(files)
        let schemaID = graph.routes.baseURL.contains("://") ? graph.routes.absolute(OpenDataExport.path(.schema)) : nil
        files.append(Piece(.schema, nil, Array(OpenDataSchema.text(id: schemaID).utf8)))
        files.append(Piece(.datapackage, nil, dataPackage(files).document.bytes()))
        profile.mark("open data: site tables, schema")
        var zip = ZipArchive()
        // Entries deflated by the last build are reused when their bytes are the same (unchanged plans, most site tables).
        var zipped: [String: (bytes: [UInt8], zipped: ZipArchive.Compressed)] = [:]
        for piece in previous ?? [] { if let z = piece.zipped { zipped[piece.path] = (piece.bytes, z) } }
        // The workbooks are deflated ZIPs already: stored as they are, they cost no second compression.
        for piece in files {
            let path = piece.path
            zip.add(String(path.dropFirst(OpenDataExport.folder.count)), piece.bytes, deflate: piece.kind != .workbook && piece.kind != .template,
                    compressed: piece.zipped ?? zipped[path].flatMap { $0.bytes == piece.bytes ? $0.zipped : nil },
                    previous: zipped[path].map { ($0.bytes, $0.zipped) })
        }
        if let entries = try? zip.compressedEntries(), let bytes = try? zip.assemble(entries) {
            for i in files.indices { files[i].zipped = entries[i] }
            files.append(Piece(.archive, nil, bytes))
        }
        profile.mark("open data: zip")
        for i in files.indices where !(forRebuilds && files[i].plan != nil && files[i].table?.name == "measures") {
            // The site-wide measures table is made from the plans' rows; every other use needs the columns only.
            files[i].table = files[i].table?.withoutRows
            if !forRebuilds { files[i].zipped = nil }
        }
        let outputs = files.map { OutputFile(path: $0.path, bytes: $0.bytes) }
        let catalog = OpenDataCatalog(downloads: files.map {
            OpenDataDownload(kind: $0.kind, plan: $0.plan, table: $0.kind == .table ? $0.table?.name : nil, path: $0.path, size: $0.bytes.count)
        })
        return Built(files: outputs, catalog: catalog, pieces: files)
    }

    /// The site-wide tables: every plan's table one after another (measures without the per-plan `amount_<year>`
    /// columns), then the executors registry and its aliases. A table with the plans' own columns is their CSV
    /// files' rows one after another (the bytes of a row do not depend on its file); its piece keeps the
    /// columns and no rows (the data package and the catalogue read only those).
    private func siteTables(_ planPieces: [Piece]) -> [Piece] {
        var pieces: [Piece] = []
        for name in ["measures", "budget"] + TidyTables.names.dropFirst() {
            let parts = planPieces.filter { $0.table?.name == name }
            guard let first = parts.first?.table else { continue }
            if name == "measures" {
                var merged = first.dropping { $0.hasPrefix("amount_") && $0 != "amount_total" }
                for part in parts.dropFirst() { merged.append(contentsOf: part.table!.dropping { $0.hasPrefix("amount_") && $0 != "amount_total" }) }
                pieces.append(Piece(.table, nil, merged.csvBytes, table: merged.withoutRows))
                continue
            }
            var bytes = CSVTable.bom
            CSVTable.write(first.fields.map(\.name), into: &bytes)
            bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
            for part in parts {
                var header = CSVTable.bom
                CSVTable.write(part.table!.fields.map(\.name), into: &header)
                bytes += part.bytes[header.count...]
            }
            pieces.append(Piece(.table, nil, bytes, table: first.withoutRows))
        }
        let executors = ExecutorsCSV(graph: graph)
        return pieces
            + [Piece(.executorsCSV, nil, executors.dataTable.csvBytes, table: executors.dataTable),
               Piece(.table, nil, executors.aliases.csvBytes, table: executors.aliases)]
    }

    private func dataPackage(_ pieces: [Piece]) -> DataPackage {
        let resources = pieces.compactMap { piece -> DataPackage.Resource? in
            guard let table = piece.table else { return nil }
            let file = String(piece.path.dropFirst(OpenDataExport.folder.count))
            let group = piece.plan.map { "\($0.raw)-" } ?? ""
            return DataPackage.Resource(path: file, name: String(file.dropLast(4)), table: table, group: group)
        }
        return DataPackage(title: graph.site.settings.title, resources: resources)
    }
}
