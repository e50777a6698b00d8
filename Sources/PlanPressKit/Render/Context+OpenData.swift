import Foundation

extension PageRenderer {
    /// `/data/`: every download with its size, and how the files are written.
    func openDataContext() -> Context {
        var context = base(page: .openData, title: t("open_data"), breadcrumbs: [(t("nav_home"), .home), (t("open_data"), nil)])
        context["plans"] = graph.plans.map { index -> Context in
            ["title": index.plan.shortTitle, "url": routes.path(for: .plan(index.plan.id)),
             "files": openData.files(of: index.plan.id).map(downloadItem)]
        }
        context["site_files"] = [OpenDataDownload.Kind.executorsCSV, .archive, .schema].compactMap(openData.file).map(downloadItem)
        return context
    }

    func downloadItem(_ download: OpenDataDownload) -> Context {
        ["url": routes.asset(download.path), "title": t("data_\(download.kind.rawValue)"), "format": download.format,
         "size": fileSize(download.size), "name": String(download.path.dropFirst(OpenDataExport.folder.count))]
    }

    /// The downloads that cover a page: files of the given plans (all kinds, or only
    /// `kinds`; prefixed with the plan's title on pages that are not a plan's own),
    /// then the given site-wide files. `false` when there are none.
    func downloads(plans: [PlanID], kinds: Set<OpenDataDownload.Kind>? = nil, site: [OpenDataDownload.Kind],
                   hint: String? = nil, titledByPlan: Bool = false) -> Any {
        var files: [Context] = []
        for plan in plans {
            for download in openData.files(of: plan) where kinds?.contains(download.kind) ?? true {
                var item = downloadItem(download)
                if titledByPlan, let title = graph.plan(plan)?.plan.shortTitle { item["title"] = "\(title): \(item["title"]!)" }
                files.append(item)
            }
        }
        files += site.compactMap(openData.file).map(downloadItem)
        guard !files.isEmpty else { return false }
        return ["files": files, "hint": opt(hint), "index_url": routes.path(for: .openData)] as Context
    }

    /// `812 Б`, `12,3 КБ`, `1,2 МБ` (binary units), without floating point.
    func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes)\u{00A0}\(t("size_bytes"))" }
        let (divisor, unit) = bytes < 1024 * 1024 ? (1024, t("size_kb")) : (1024 * 1024, t("size_mb"))
        let tenths = (bytes * 10 + divisor / 2) / divisor
        return "\(format.number(Money(Decimal(tenths) / 10, scale: 1)))\u{00A0}\(unit)"
    }
}
