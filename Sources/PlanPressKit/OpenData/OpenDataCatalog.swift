/// One file of the open data, as listed on the `/data/` page and linked from
/// the pages it covers.
public struct OpenDataDownload: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// `/data/<plan>.json`: the whole plan.
        case planJSON = "plan-json"
        /// `/data/<plan>-measures.csv`: one row per measure.
        case measuresCSV = "measures-csv"
        /// `/data/<plan>-budget.csv`: one row per measure, source and year.
        case budgetCSV = "budget-csv"
        /// `/data/executors.csv`: the registry of responsible bodies.
        case executorsCSV = "executors-csv"
        /// `/data/schema.json`: JSON Schema of the plan files.
        case schema
        /// `/data/all.zip`: every file above.
        case archive = "zip"
        /// A tidy table (`table` names it): `/data/<plan>-<table>.csv` or, site-wide, `/data/<table>.csv`.
        case table
        /// `/data/<plan>.xlsx`: every table of the plan, one sheet each.
        case workbook
        /// `/data/<plan>-monitoring-template.xlsx`: the spreadsheet a monitor fills (`planpress import report`).
        case template = "monitoring-template"
        /// `/data/datapackage.json`: Frictionless Data Package descriptor of every CSV.
        case datapackage
    }

    public var kind: Kind
    /// The plan a per-plan file covers; nil for site-wide files.
    public var plan: PlanID?
    /// The table of a `.table` file (`statuses`, `indicator-values` …).
    public var table: String?
    /// Path relative to the output folder, e.g. `data/kreminna-wps-2020-2022.json`.
    public var path: String
    public var size: Int

    /// `JSON`, `CSV` or `ZIP`, for link labels.
    public var format: String {
        switch kind {
        case .planJSON, .schema, .datapackage: return "JSON"
        case .measuresCSV, .budgetCSV, .executorsCSV, .table: return "CSV"
        case .archive: return "ZIP"
        case .workbook, .template: return "XLSX"
        }
    }
}

/// Every open-data file with its size, produced with the files themselves.
public struct OpenDataCatalog: Sendable {
    public var downloads: [OpenDataDownload] = [] { didSet { byPlan = OpenDataCatalog.index(downloads) } }
    /// `downloads` by plan, in their order: every goal and executor page asks for its plans' files.
    private var byPlan: [PlanID: [OpenDataDownload]] = [:]

    public init(downloads: [OpenDataDownload] = []) {
        self.downloads = downloads
        byPlan = OpenDataCatalog.index(downloads)
    }

    private static func index(_ downloads: [OpenDataDownload]) -> [PlanID: [OpenDataDownload]] {
        var byPlan: [PlanID: [OpenDataDownload]] = [:]
        for download in downloads {
            if let plan = download.plan { byPlan[plan, default: []].append(download) }
        }
        return byPlan
    }

    /// The per-plan files of one plan, in a fixed order (JSON, measures, budget).
    public func files(of plan: PlanID) -> [OpenDataDownload] { byPlan[plan] ?? [] }

    /// A site-wide file.
    public func file(_ kind: OpenDataDownload.Kind) -> OpenDataDownload? {
        downloads.first { $0.kind == kind && $0.plan == nil }
    }

    /// The site-wide tidy tables.
    public var siteTables: [OpenDataDownload] { downloads.filter { $0.kind == .table && $0.plan == nil } }

    public var isEmpty: Bool { downloads.isEmpty }

    /// A size as pages print it: unit 0 (bytes), 1 (KiB) or 2 (MiB) and the
    /// amount in tenths of that unit, rounded to two significant digits from 10 up.
    public static func displaySize(_ bytes: Int) -> (unit: Int, tenths: Int) {
        if bytes < 1024 { return (0, bytes * 10) }
        let (divisor, unit) = bytes < 1024 * 1024 ? (1024, 1) : (1024 * 1024, 2)
        var tenths = (bytes * 10 + divisor / 2) / divisor
        if tenths >= 1000 { tenths = (tenths + 50) / 100 * 100 } else if tenths >= 100 { tenths = (tenths + 5) / 10 * 10 }
        return (unit, tenths)
    }
}
