/// Renders every page in every interface language, plus assets and downloads.
public struct SiteRenderer {
    let graph: SiteGraph
    let templates: TemplateSet
    /// The byte bound of a batch (`SiteRenderer.batchBytes`; tests set a small one).
    var batchBytes = SiteRenderer.batchBytes
    var chunkSize = SiteRenderer.chunkSize

    public init(graph: SiteGraph, templates: TemplateSet) {
        self.graph = graph
        self.templates = templates
    }

    /// What a render keeps for the next one (rebuilds while serving): the
    /// open data, each language's measure list items and the search terms.
    public final class Memory: @unchecked Sendable {
        var openData: [OpenDataExport.Piece] = []
        var catalog = OpenDataCatalog()
        var items: [String: MeasureItemCache] = [:]
        var search = SearchIndex.Cache()
        /// Files the last render produced that a later one may no longer have.
        var searchPaths: Set<String> = []
        var pagePaths: Set<String> = []

        public init() {}
    }

    /// A partial render after an edit: only these pages, only these plans'
    /// open data, only these measures' list items; the rest of `memory` is reused.
    struct Scope {
        var pages: Set<PageID>
        var plans: Set<Int>
        var measures: Set<SiteGraph.MeasureKey>
        /// The open data, already exported again for the changed plans.
        var openData: OpenDataExport.Built
        /// Some update or report was added, removed or edited (feeds and sitemap follow them).
        var updates: Bool
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

    /// A batch handed to the writer holds at most this many pages or `batchBytes` bytes,
    /// whichever comes first: memory holds about three batches (one rendering, one waiting,
    /// one being written). A count alone let one batch of executor pages reach 360 MB at 100k
    /// (2,000 pages of 180 KB), most of the peak.
    public static let batchSize = 2_000
    public static let batchBytes = 12 << 20
    /// Pages rendered together on all cores before the batch's size is looked at.
    static let chunkSize = 64

    /// Renders everything, handing files to `emit` batch by batch (`batchSize`, `batchBytes`)
    /// so that memory holds a few batches, not the site; returns the number of pages.
    public func render(emit: ([OutputFile]) throws -> Void) throws -> Int {
        try render(memory: nil, scope: nil, emit: emit).pages
    }

    /// With a `scope`, only its pages (and the files derived from the whole
    /// site: search index, feeds, sitemap) are emitted; `removed` lists the
    /// files of pages and search files the site no longer has.
    func render(memory: Memory?, scope: Scope?, emit: ([OutputFile]) throws -> Void) throws
        -> (pages: Int, rendered: Int, removed: [String], notes: [Diagnostic]) {
        var profile = Profile()
        // Open data first: the pages link to its files and show their sizes. Only the catalogue and
        // the paths are kept past this point: the bytes (40–50 MB at 20k) go to the writer and are
        // freed before the pages render.
        let (catalog, openDataPaths) = try emitOpenData(memory: memory, scope: scope, emit: emit)
        profile.mark("open data")
        // The search index needs the linked site only: it is built while the pages render.
        let graph = self.graph, searchCache = memory?.search, vocabulary = templates.search
        let searchWork = Concurrent { () -> [OutputFile] in
            let index = SearchIndex(graph: graph, vocabulary: vocabulary, cache: searchCache)
            return index.files(plans: graph.plans, routes: graph.routes, asOf: graph.site.settings.asOf)
        }
        var paths = openDataPaths
        var pages = 0, rendered = 0
        var pagePaths: Set<String> = []
        let languages = self.languages
        // Which picture each page names for sharing; the cards are written with the feeds.
        let share = ShareImages(graph: graph, languages: languages.map(\.routes))
        pagePaths.formUnion(share.cardPaths())
        var scoped: [(renderer: PageRenderer, page: PageID)] = []
        for (offset, entry) in languages.enumerated() {
            let other = languages.count > 1 ? languages[offset == 0 ? 1 : 0].routes : nil
            let items = scope == nil ? nil : memory?.items[entry.language]
            var renderer = PageRenderer(graph: graph, templates: templates, language: entry.language,
                                        routes: entry.routes, otherRoutes: other, items: items)
            renderer.openData = catalog
            renderer.share = share
            if items != nil, let scope { renderer.refreshItems(scope.measures) } else { renderer.prepareItems() }
            memory?.items[entry.language] = renderer.itemCache
            profile.mark("items")
            let all = renderer.pageIDs()
            pages += all.count
            let files = all.map { entry.routes.file(for: $0) } + all.flatMap { renderer.companionPaths($0) }
            paths += files
            pagePaths.formUnion(files)
            if let scope {
                // A few pages: all languages together, so one long page (a plan's print
                // version) does not leave a core idle while the other language waits.
                scoped += all.filter(scope.pages.contains).map { (renderer, $0) }
                continue
            }
            rendered += all.count
            var batch: [OutputFile] = [], batchBytes = 0, batchPages = 0
            for start in stride(from: 0, to: all.count, by: chunkSize) {
                let chunk = all[start..<min(start + chunkSize, all.count)]
                let files = renderer.render(Array(chunk))
                batch += files
                batchPages += chunk.count
                batchBytes += files.reduce(0) { $0 + $1.bytes.count }
                if batchPages >= SiteRenderer.batchSize || batchBytes >= self.batchBytes {
                    try emit(batch)
                    batch = []
                    batchBytes = 0
                    batchPages = 0
                }
            }
            if !batch.isEmpty { try emit(batch) }
            profile.mark("pages \(all.count)")
            KindProfile.report()
        }
        if scope != nil {
            rendered = scoped.count
            try emit(parallelMap(scoped) { renderer, page in renderer.files(for: page) }.flatMap { $0 })
            profile.mark("pages \(scoped.count)")
            KindProfile.report()
        }
        var removed = memory.map { $0.pagePaths.subtracting(pagePaths) } ?? []
        let pageSetChanged = memory.map { $0.pagePaths != pagePaths } ?? true
        memory?.pagePaths = pagePaths
        let assets = templates.assets.map { OutputFile(path: $0.path, bytes: Array($0.data)) }
        let search = searchWork.value
        if let memory {
            let searchPaths = Set(search.map(\.path))
            removed.formUnion(memory.searchPaths.subtracting(searchPaths))
            memory.searchPaths = searchPaths
        }
        var sources: [OutputFile] = []
        for plan in graph.plans {
            guard let source = plan.plan.source, SourceNotes.isSourceText(source), let text = graph.site.sourceFiles[source] else { continue }
            sources.append(OutputFile(path: graph.routes.relativePath(for: .planSource(plan.plan.id)), text: text,
                                      origin: graph.origin(of: .planSource(plan.plan.id))))
            // The Word original an import kept beside the source text, for download.
            if let original = graph.site.original(of: plan.plan.id) {
                sources.append(OutputFile(path: "sources/" + original.name, bytes: original.bytes,
                                          origin: SourceLocation(file: graph.contentFile("sources/" + original.name))))
            }
        }
        paths += (assets + search + sources).map(\.path)
        profile.mark("search")
        // A partial render: templates and sources did not change (else everything is rendered).
        try emit(scope == nil ? assets + search + sources : search)
        profile.mark("emit rest")
        // Last: the sitemap lists every HTML file of the site. Feeds and sitemap depend only
        // on updates, plan titles (an edit that renders everything) and the set of pages.
        if scope == nil || scope!.updates || pageSetChanged {
            try emit(PressFiles(graph: graph, templates: templates, locales: languages.map(\.routes)).files(paths: paths))
            try share.files(emit: emit)
        }
        profile.mark("press files")
        var notes: [Diagnostic] = []
        if let why = share.unavailable, let first = ShareImages.cards(graph: graph, languages: languages.map(\.routes)).first {
            notes.append(.warning(.shareCardsNotMade(detail: why), at: first.origin ?? graph.site.settings.location))
        }
        return (pages, rendered, removed.sorted(), notes)
    }

    private func emitOpenData(memory: Memory?, scope: Scope?, emit: ([OutputFile]) throws -> Void) rethrows
        -> (catalog: OpenDataCatalog, paths: [String]) {
        let openData = scope?.openData ?? OpenDataExport(graph: graph).build(reusing: nil, changedPlans: [],
                                                                                    forRebuilds: memory != nil)
        if scope != nil, let previous = memory?.openData {
            // Only files whose bytes changed (the writer would otherwise read every file back to compare).
            let old = Dictionary(previous.map { ($0.path, $0.bytes) }) { a, _ in a }
            try emit(openData.files.filter { old[$0.path] != $0.bytes })
        } else {
            try emit(openData.files)
        }
        memory?.openData = openData.pieces
        memory?.catalog = openData.catalog
        return (openData.catalog, openData.files.map(\.path))
    }

    /// Everything at once (tests and small sites).
    public func render() throws -> (files: [OutputFile], pages: Int) {
        var files: [OutputFile] = []
        let pages = try render { files += $0 }
        return (files, pages)
    }
}
