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

    public func render() -> (files: [OutputFile], pages: Int) {
        // Open data first: the pages link to its files and show their sizes.
        let openData = OpenDataExport(graph: graph).build()
        var files: [OutputFile] = []
        var pages = 0
        let languages = self.languages
        for (offset, entry) in languages.enumerated() {
            let other = languages.count > 1 ? languages[offset == 0 ? 1 : 0].routes : nil
            var renderer = PageRenderer(graph: graph, templates: templates, language: entry.language,
                                        routes: entry.routes, otherRoutes: other)
            renderer.openData = openData.catalog
            let ids = renderer.pageIDs()
            pages += ids.count
            files += renderer.render(ids)
        }
        files += templates.assets.map { OutputFile(path: $0.path, bytes: Array($0.data)) }
        files += openData.files
        files += SearchIndex(graph: graph).files(plans: graph.plans, routes: graph.routes)
        for plan in graph.plans {
            guard let source = plan.plan.source, let text = graph.site.sourceFiles[source] else { continue }
            files.append(OutputFile(path: graph.routes.relativePath(for: .planSource(plan.plan.id)), text: text))
        }
        // Last: the sitemap lists every HTML file rendered above.
        files += PressFiles(graph: graph, templates: templates, locales: languages.map(\.routes)).files(pages: files)
        return (files, pages)
    }
}
