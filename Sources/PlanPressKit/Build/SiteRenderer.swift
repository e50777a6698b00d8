/// Renders every page in every interface language, plus assets and downloads.
public struct SiteRenderer {
    let graph: SiteGraph
    let templates: TemplateSet

    public init(graph: SiteGraph, templates: TemplateSet) {
        self.graph = graph
        self.templates = templates
    }

    /// Languages: the site's default at the root, the other under `/<lang>/`.
    var languages: [(language: String, routes: Routes)] {
        let primary = graph.site.settings.language
        var result = [(primary, graph.routes)]
        for language in templates.locales.keys.sorted() where language != primary {
            result.append((language, graph.routes.withLocale("\(language)/")))
        }
        return result
    }

    /// Pages rendered per batch: bounds memory to one batch of finished pages.
    public static let batchSize = 2_000

    /// Renders everything, handing files to `emit` batch by batch so that only
    /// one batch of pages is held in memory; returns the number of pages.
    public func render(emit: ([OutputFile]) throws -> Void) rethrows -> Int {
        var paths: [String] = []
        func send(_ files: [OutputFile]) throws {
            paths += files.map(\.path)
            try emit(files)
        }
        // Open data first: the pages link to its files and show their sizes.
        let openData = OpenDataExport(graph: graph).build()
        try send(openData.files)
        var pages = 0
        let languages = self.languages
        for (offset, entry) in languages.enumerated() {
            let other = languages.count > 1 ? languages[offset == 0 ? 1 : 0].routes : nil
            var renderer = PageRenderer(graph: graph, templates: templates, language: entry.language,
                                        routes: entry.routes, otherRoutes: other)
            renderer.openData = openData.catalog
            let ids = renderer.pageIDs()
            pages += ids.count
            for start in stride(from: 0, to: ids.count, by: SiteRenderer.batchSize) {
                try send(renderer.render(Array(ids[start..<min(start + SiteRenderer.batchSize, ids.count)])))
            }
        }
        var rest = templates.assets.map { OutputFile(path: $0.path, bytes: Array($0.data)) }
        rest += SearchIndex(graph: graph).files(plans: graph.plans, routes: graph.routes)
        for plan in graph.plans {
            guard let source = plan.plan.source, let text = graph.site.sourceFiles[source] else { continue }
            rest.append(OutputFile(path: graph.routes.relativePath(for: .planSource(plan.plan.id)), text: text))
        }
        try send(rest)
        // Last: the sitemap lists every HTML file rendered above.
        try send(PressFiles(graph: graph, templates: templates, locales: languages.map(\.routes)).files(paths: paths))
        return pages
    }

    /// Everything at once (tests and small sites).
    public func render() -> (files: [OutputFile], pages: Int) {
        var files: [OutputFile] = []
        let pages = render { files += $0 }
        return (files, pages)
    }
}
