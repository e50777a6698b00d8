import Foundation

/// Builds once, then rebuilds after edits re-rendering only what an edit
/// can change (`planpress serve`, `planpress build --watch`). It keeps the
/// last good build in memory: each content file's parsed value (only changed
/// files are read again), the linked site, the open data, the measure list
/// items and the search terms. Everything is linked again on each rebuild
/// (cheap, and the diagnostics stay complete); `SiteChanges` and
/// `AffectedPages` decide which pages to render. Edits it cannot track
/// (site settings, executors, templates, a plan's structure) render everything.
public final class IncrementalBuilder: @unchecked Sendable {
    public let options: Builder.Options
    private let log: (@Sendable (String) -> Void)?
    private let cache = LoadCache()
    private let commentary = CommentaryCache()
    private let planLinks = PlanLinkCache()
    private var memory = SiteRenderer.Memory()
    private struct LastBuild {
        var graph: SiteGraph
        var content: FileStamps
        var templates: FileStamps
        var output: FileStamps.Stamp?
    }
    private var last: LastBuild?
    /// The templates as last loaded, with the stamps of their files then (loaded again only when these change).
    private var templates: (stamps: FileStamps, loaded: (TemplateSet?, [Diagnostic]))?
    /// What the last commit left in the output folders (a partial commit then lists neither tree).
    private var ledger: OutputLedger?
    /// The workspace being made in the background after the first build (`OutputSession.linkWorkspace`).
    private var preparing: Concurrent<OutputLedger?>?

    public init(options: Builder.Options, log: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.log = log
    }

    /// Why the last build rendered every page (nil: only the pages an edit changed).
    public private(set) var lastFullReason: Message?
    /// The token this process left in the output's lock file at its last commit (`OutputLock`):
    /// another one there means another process wrote the output folders since.
    private var lastWriter: String?
    /// Test hook: called before each step of making the workspace after the first build; a throw stops there
    /// (as a kill would).
    var workspaceFault: ((String) throws -> Void)?

    /// One build. On failure the output folder and the kept state stay as they were.
    public func build() throws -> Builder.Result {
        if let preparing {
            // Nothing touches the output folders while the workspace is made.
            if let prepared = preparing.value {
                ledger = prepared
                lastWriter = prepared.writer
            }
            self.preparing = nil
        }
        let builder = Builder(options: options, log: log)
        var profile = Profile()
        let templateStamps = FileStamps(folder: options.templates)
        let kept = self.templates.flatMap { $0.stamps == templateStamps ? $0.loaded : nil }
        var loaded = kept
        let (graph, templates, checked) = try builder.check(cache: cache, commentary: commentary, planLinks: planLinks) {
            if let kept { return kept }
            loaded = TemplateLoader.load(from: self.options.templates)
            return loaded!
        }
        self.templates = loaded.map { (templateStamps, $0) }
        profile.mark("check")
        // One writer at a time: taken before looking at what the output holds, held until the commit.
        try OutputFolderGuard.check(output: options.output, content: options.content, templates: options.templates)
        let lock = try OutputLock.acquire(output: options.output) { [log, options] pid in
            log?(Message.outputBusy(output: options.output, pid: pid).text(options.language))
        }
        let contentStamps = cache.stamps
        var (scope, reason): (SiteRenderer.Scope?, Message?) = last.map {
            scopeOfEdit(since: $0, graph: graph, content: contentStamps, templates: templateStamps)
        } ?? (nil, .fullRenderFirstBuild)
        if last != nil, lock.previousToken != lastWriter {
            // Pages rendered before and the ledger describe folders another process has changed.
            (scope, reason) = (nil, .fullRenderOtherWriter)
            ledger = nil
        }
        profile.mark("changes and affected pages")
        if scope == nil { memory = SiteRenderer.Memory() }
        do {
            let result = try builder.write(graph: graph, templates: templates, checked: checked, memory: memory, scope: scope,
                                          ledger: &ledger, lock: lock)
            last = LastBuild(graph: graph, content: contentStamps, templates: templateStamps, output: FileStamps.stampOf(options.output))
            lastWriter = lock.token
            lastFullReason = scope == nil ? reason : nil
            if let ledger, access(OutputWriter.trimmed(options.output) + OutputWriter.nextSuffix, F_OK) != 0 {
                // A first build leaves no workspace; the first edit would link the whole site into
                // a new one (3 s at 20k pages). Made now, while the user reads the preview.
                let output = options.output, fault = workspaceFault
                preparing = Concurrent { OutputSession.linkWorkspace(output: output, after: ledger, fault: fault) }
            }
            return result
        } catch {
            // The kept state may be half updated: the next build renders everything.
            last = nil
            memory = SiteRenderer.Memory()
            throw error
        }
    }

    /// The pages an edit since `last` can change, or why everything is rendered.
    private func scopeOfEdit(since last: LastBuild, graph: SiteGraph, content: FileStamps,
                             templates: FileStamps) -> (SiteRenderer.Scope?, Message?) {
        var profile = Profile()
        let changes = SiteChanges.between(old: last.graph, new: graph, changed: content.changed(since: last.content))
        profile.mark("changes")
        if let everything = changes.everything { return (nil, everything) }
        if templates != last.templates { return (nil, .fullRenderTemplatesChanged) }
        if last.output != FileStamps.stampOf(options.output) { return (nil, .fullRenderOutputReplaced) }
        let openData = OpenDataExport(graph: graph).build(reusing: memory.openData, changedPlans: changes.plans)
        profile.mark("open data of changed plans")
        guard let pages = AffectedPages.pages(for: changes, old: last.graph, new: graph,
                                              oldData: memory.catalog, newData: openData.catalog) else {
            return (nil, .fullRenderDownloadSizeChanged)
        }
        profile.mark("affected pages")
        return (SiteRenderer.Scope(pages: pages, plans: changes.plans, measures: changes.measures, openData: openData,
                                   updates: changes.updates || changes.reports), nil)
    }
}
