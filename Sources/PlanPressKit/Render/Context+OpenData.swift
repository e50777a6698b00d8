import Foundation

/// `/data/`: every download with its size, and how the files are written.
struct OpenDataPage: LayoutPageModel {
    var layout: LayoutFields
    var plans: [Context] = [], siteFiles: [Context] = []

    static let pageFields: [PageField<OpenDataPage>] = [
        PageField("plans", .record(["title", "url", "files"])) { $0.plans },
        PageField("site_files", .record(PageRenderer.downloadKeys)) { $0.siteFiles },
    ]
}

extension PageRenderer {
    static let downloadKeys = ["url", "title", "format", "size", "name"]

    func openDataPage() -> OpenDataPage {
        var page = OpenDataPage(layout: layout(page: .openData, title: t("open_data"), breadcrumbs: [(t("nav_home"), .home), (t("open_data"), nil)]))
        page.plans = graph.plans.map { index -> Context in
            ["title": index.plan.shortTitle, "url": routes.path(for: .plan(index.plan.id)),
             "files": openData.files(of: index.plan.id).map(downloadItem)]
        }
        page.siteFiles = ([OpenDataDownload.Kind.archive, .datapackage, .schema].compactMap(openData.file)
            + openData.siteTables.prefix(1) + [openData.file(.executorsCSV)].compactMap { $0 } + openData.siteTables.dropFirst()).map(downloadItem)
        return page
    }

    func downloadItem(_ download: OpenDataDownload) -> Context {
        let title = download.table.map { t("data_table_\($0)") } ?? t("data_\(download.kind.rawValue)")
        return ["url": routes.asset(download.path), "title": title, "format": download.format,
         "size": fileSize(download.size), "name": String(download.path.dropFirst(OpenDataExport.folder.count))]
    }

    /// The files a plan's and a goal's pages offer: the whole plan (JSON, workbook), the monitoring template, the
    /// measures and budget tables; the other tables are on `/data/`.
    static let pageKinds: Set<OpenDataDownload.Kind> = [.planJSON, .workbook, .template, .measuresCSV, .budgetCSV]

    /// The downloads that cover a page: files of the given plans (all kinds, or only
    /// `kinds`, or only the tables named in `tables`; prefixed with the plan's title on pages that are not a plan's own),
    /// then the given site-wide files. `false` when there are none.
    func downloads(plans: [PlanID], kinds: Set<OpenDataDownload.Kind>? = nil, tables: Set<String>? = nil, site: [OpenDataDownload.Kind],
                   hint: String? = nil, titledByPlan: Bool = false) -> Any {
        var files: [Context] = []
        for plan in plans {
            for download in openData.files(of: plan) where (kinds?.contains(download.kind) ?? true) && (tables.map { download.table.map($0.contains) ?? false } ?? true) {
                var item = downloadItem(download)
                if titledByPlan, let title = graph.plan(plan)?.plan.shortTitle { item["title"] = "\(title): \(item["title"]!)" }
                files.append(item)
            }
        }
        files += site.compactMap(openData.file).map(downloadItem)
        guard !files.isEmpty else { return false }
        return ["files": files, "hint": opt(hint), "index_url": routes.path(for: .openData)] as Context
    }

    /// `812 Б`, `8,3 КБ`, `83 КБ`, `830 КБ`, `1,2 МБ` (binary units, two
    /// significant digits from 10 up), without floating point. Two digits are
    /// enough to judge a download, and a small edit rarely changes them, so
    /// a rebuild need not re-render every page that links the file.
    func fileSize(_ bytes: Int) -> String {
        let size = OpenDataCatalog.displaySize(bytes)
        switch size.unit {
        case 0: return "\(bytes)\u{00A0}\(t("size_bytes"))"
        default:
            let unit = size.unit == 1 ? t("size_kb") : t("size_mb")
            let scale = size.tenths >= 100 ? 0 : 1
            return "\(format.number(Money(Decimal(size.tenths) / 10, scale: scale)))\u{00A0}\(unit)"
        }
    }
}
