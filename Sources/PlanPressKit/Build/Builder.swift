import Foundation

/// The pipeline: load → link (validate) → render → write. Each stage is timed.
public struct Builder {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        public var baseURL: String?
        public var includeDrafts: Bool
        /// Treat warnings as errors (`check --strict`).
        public var strict: Bool
        /// Also publish updates dated after the as-of date, with a «заплановано на …» badge
        /// (`serve`, `build --drafts`): a preview of what will go out.
        public var includeScheduled = false
        /// The language of the lines given to `log` (stage times).
        public var language: MessageLanguage = .uk
        /// Write a gzip twin of every text file (`build --precompress`, for nginx `gzip_static`).
        public var precompress = false
        /// Files laid over the content folder in memory (relative path → bytes): `import report` checks
        /// the site with its would-be report before writing anything.
        public var overlay: [String: [UInt8]] = [:]

        public init(content: String = "Content", templates: String = "Templates", output: String = "Public",
                    baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false) {
            self.content = content
            self.templates = templates
            self.output = output
            self.baseURL = baseURL
            self.includeDrafts = includeDrafts
            self.strict = strict
        }
    }

    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var stages: [Stage]
        public var pages: Int
        public var files: Int
        public var unchanged: Int
        /// Pages rendered this time: all of them, or after an edit (`IncrementalBuilder`) only those it can change.
        public var rendered: Int = 0
        /// Files deleted because the site no longer has them.
        public var removed: Int = 0
        /// Updates dated after as_of (shown only in a preview): why a normal build leaves them out.
        public var scheduled: [Message] = []
        /// The base path the site was built for (`/plany/`): the preview serves under it.
        public var basePath: String = "/"
        /// The commit listed the published site and the workspace (no `OutputLedger` to go by).
        var listedTrees = false
    }

    public let options: Options
    public var log: (@Sendable (String) -> Void)?
    /// Test hook: called before each step of writing the output (`OutputSession.fault`); a throw is a failure there.
    var writeFault: ((String) throws -> Void)?

    public init(options: Options, log: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.log = log
    }

    /// Loads and links everything without writing. Throws `BuildFailure` on errors.
    public func check() throws -> (graph: SiteGraph, templates: TemplateSet, result: Result) {
        try check(cache: nil, commentary: nil)
    }

    /// With caches (`IncrementalBuilder`), files and commentary that did not change are not parsed again.
    /// `loadTemplates`: how to load the templates when not from `options.templates` each time (a rebuild
    /// reuses them while their files did not change, `IncrementalBuilder`).
    func check(cache: LoadCache?, commentary: CommentaryCache?, planLinks: PlanLinkCache? = nil,
               loadTemplates: (() -> (TemplateSet?, [Diagnostic]))? = nil) throws -> (graph: SiteGraph, templates: TemplateSet, result: Result) {
        var stages: [Stage] = []
        var diagnostics: [Diagnostic] = []
        let (site, contentDiagnostics) = timed("load content", &stages) { ContentLoader.load(from: options.content, cache: cache, overlay: options.overlay) }
        let (templates, templateDiagnostics) = timed("load templates", &stages) {
            loadTemplates?() ?? TemplateLoader.load(from: options.templates)
        }
        diagnostics += contentDiagnostics + templateDiagnostics
        var linkBaseURL = options.baseURL
        if let flag = options.baseURL {
            switch BaseURL.check(flag) {
            case .success(let url): linkBaseURL = url
            case .failure(let problem):
                diagnostics.append(.error(.baseURLUnusable(written: flag, option: true, problem: problem), at: SourceLocation(file: "--base-url")))
            }
        }
        // Link whatever loaded, even after load errors, so one run lists every problem
        // (an entry that failed to load can make references to it show up as unknown too).
        guard let site else { throw BuildFailure(diagnostics) }
        var linkOptions = SiteLinker.Options(includeDrafts: options.includeDrafts, baseURL: linkBaseURL, cache: commentary)
        linkOptions.includeScheduled = options.includeScheduled
        linkOptions.plans = planLinks
        let (graph, linkDiagnostics) = timed("link and validate", &stages) { SiteLinker.link(site, options: linkOptions) }
        diagnostics += linkDiagnostics
        let failing = options.strict ? diagnostics.count : diagnostics.errorCount
        guard let graph, let templates, failing == 0 else { throw BuildFailure(diagnostics) }
        var result = Result(diagnostics: diagnostics, stages: stages, pages: 0, files: 0, unchanged: 0)
        let asOf = graph.site.settings.asOf
        result.scheduled = graph.site.updates.filter { asOf < $0.date && (options.includeDrafts || !$0.draft) }.sorted { ($0.date, $0.slug) < ($1.date, $1.slug) }
            .map { .scheduledUpdate(title: $0.title, date: $0.date, asOf: asOf) }
        return (graph, templates, result)
    }

    /// The whole build. On failure nothing in the output folder changes.
    public func build() throws -> Result {
        // Before anything else: a wrong --output is refused even when the content has errors.
        try OutputFolderGuard.check(output: options.output, content: options.content, templates: options.templates)
        let (graph, templates, result) = try check()
        var ledger: OutputLedger?
        return try write(graph: graph, templates: templates, checked: result, memory: nil, scope: nil, ledger: &ledger)
    }

    /// Render and write; with a `scope`, only part of the site (`IncrementalBuilder`), and with a
    /// `ledger` from the last commit in this process, without listing the output (`OutputLedger`).
    /// The ledger is replaced by the new commit's (nil after a failure).
    /// `lock`: the output's lock when the caller took it already (`IncrementalBuilder`); otherwise it is
    /// taken here, with a line to `log` if another writer holds it.
    func write(graph: SiteGraph, templates: TemplateSet, checked: Result,
               memory: SiteRenderer.Memory?, scope: SiteRenderer.Scope?, ledger: inout OutputLedger?,
               lock: OutputLock? = nil) throws -> Result {
        var result = checked
        var stages = result.stages
        // Render and write overlap: a batch is written on a thread of its own while the
        // next one renders (bounded memory). "render" is the time spent rendering (not
        // waiting for the writer), "write" the writer's busy time plus the commit.
        try OutputFolderGuard.check(output: options.output, content: options.content, templates: options.templates)
        let given = ledger
        ledger = nil
        let (log, output, language) = (self.log, options.output, options.language)
        let session = try OutputSession(output: options.output, partial: scope != nil, failAfter: nil, fault: writeFault, lock: lock) { pid in
            log?(Message.outputBusy(output: output, pid: pid).text(language))
        }
        session.precompress = options.precompress
        session.ledger = given
        let writer = BackgroundWriter(session: session)
        let start = DispatchTime.now().uptimeNanoseconds
        var writeSeconds = 0.0
        do {
            let rendered = try SiteRenderer(graph: graph, templates: templates).render(memory: memory, scope: scope) { batch in
                result.files += batch.count
                try writer.enqueue(batch)
            }
            let (busy, waited) = try writer.finish()
            writeSeconds = busy
            let renderSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 - waited
            stages.append(Stage(name: "render", seconds: renderSeconds))
            logStage("render", renderSeconds)
            result.pages = rendered.pages
            result.rendered = rendered.rendered
            result.diagnostics += rendered.notes
            session.remove(rendered.removed)
        } catch {
            _ = try? writer.finish()
            throw Builder.failure(error, leaving: session.abort())
        }
        let commitStart = DispatchTime.now().uptimeNanoseconds
        let report: OutputWriter.Report
        do {
            report = try session.commit()
        } catch {
            throw Builder.failure(error, leaving: session.abort())
        }
        ledger = session.ledger
        result.listedTrees = session.listedTrees
        writeSeconds += Double(DispatchTime.now().uptimeNanoseconds - commitStart) / 1e9
        stages.append(Stage(name: "write", seconds: writeSeconds))
        logStage("write", writeSeconds)
        result.stages = stages
        result.unchanged = report.unchanged
        result.removed = report.removed
        result.basePath = graph.routes.basePath
        return result
    }

    /// A write failure; when cleaning up after it left something behind, the error says what and where.
    static func failure(_ error: Error, leaving left: [String]) -> Error {
        guard !left.isEmpty else { return error }
        let problem = (error as? WriteError).map { Phrase(uk: $0.text.text(.uk), en: $0.text.text(.en)) } ?? Phrase(data: "\(error)")
        return WriteError(.outputLeftBehind(problem: problem, paths: left))
    }

    private func timed<T>(_ name: String, _ stages: inout [Stage], _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        stages.append(Stage(name: name, seconds: seconds))
        logStage(name, seconds)
        return value
    }

    private func logStage(_ name: String, _ seconds: Double) {
        log?(Message.stageTime(stage: name, seconds: String(format: "%.3f", seconds)).text(options.language))
    }
}
