/// The validate-and-link stage: checks every reference, computes back-links
/// and renders Markdown with resolved links. Reports every problem it finds.
public struct SiteLinker {
    public struct Options: Sendable {
        public var includeDrafts = false
        /// Updates dated after the as-of date too (the preview; see `Builder.Options.includeScheduled`).
        public var includeScheduled = false
        public var baseURL: String?
        /// Commentary rendered by an earlier link of the same site (rebuilds while serving).
        public var cache: CommentaryCache?
        /// Plans linked by an earlier link (rebuilds while serving).
        var plans: PlanLinkCache?
        public init(includeDrafts: Bool = false, baseURL: String? = nil, cache: CommentaryCache? = nil) {
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
            self.cache = cache
        }
    }

    let site: Site
    let options: Options
    let sink = DiagnosticSink()

    public static func link(_ site: Site, options: Options = Options()) -> (graph: SiteGraph?, diagnostics: [Diagnostic]) {
        let linker = SiteLinker(site: site, options: options)
        let graph = linker.run()
        return (graph, linker.sink.diagnostics)
    }

    private func run() -> SiteGraph {
        var profile = Profile()
        let routes = Routes(baseURL: options.baseURL ?? site.settings.baseURL)
        let executors = registry()
        let cache = options.plans
        let linked = parallelMap(site.plans) { plan -> PlanLinkCache.Linked in
            let source = plan.source.flatMap { site.sourceFiles[$0] }
            if let done = cache?.linked(plan, source: source) { return done }
            let local = DiagnosticSink()
            let index = PlanIndex(plan: plan, sink: local)
            let checks = BudgetReconciler.checks(index)
            BudgetReconciler.report(checks, of: index, sink: local)
            CitationChecker.check(plan, sourceText: source, sink: local)
            let done = PlanLinkCache.Linked(index: index, checks: checks, diagnostics: local.diagnostics)
            cache?.keep(done, for: plan, source: source)
            return done
        }
        cache?.forget(except: site.plans)
        let plans = linked.map { done in
            sink.append(contentsOf: done.diagnostics)
            return done.index
        }
        profile.mark("link: plans")
        let planByID = Dictionary(plans.enumerated().map { ($1.plan.id, $0) }, uniquingKeysWith: { first, _ in first })
        let involvements = checkAssignments(plans, executors: executors)
        checkPlanMetadata(plans, executors: executors)
        let resolver = ReferenceResolver(plans: plans, planByID: planByID, executors: executors,
                                         updates: publishedUpdateSlugs(), routes: routes)
        profile.mark("link: assignments, resolver")
        // Commentary, updates and narratives rendered by the last link are reused while what links can point to is the same.
        options.cache?.prepare(vocabulary: resolver.vocabulary)
        let commentary = renderCommentary(resolver: resolver)
        profile.mark("link: commentary")
        let (updates, updateHTML, updatesByItem) = linkUpdates(resolver: resolver)
        let monitoring = linkMonitoring(plans: plans, planByID: planByID, executors: executors, resolver: resolver)
        options.cache?.finish()
        profile.mark("link: updates, monitoring")
        var subordinates: [ExecutorID: [ExecutorID]] = [:]
        for executor in executors.values.sorted(by: { $0.id < $1.id }) {
            if let parent = executor.parent { subordinates[parent, default: []].append(executor.id) }
        }
        let order = UkrainianCollation.sorted(Array(executors.values), by: \.name).map(\.id)
        let glossary = self.glossary()
        profile.mark("link: glossary, registry")
        var graph = SiteGraph(site: site, routes: routes, plans: plans, planByID: planByID, executors: executors,
                              executorOrder: order, involvements: involvements, subordinates: subordinates,
                              commentary: commentary, glossary: glossary, updateHTML: updateHTML, updates: updates,
                              updatesByItem: updatesByItem, monitoring: monitoring, budgetChecks: linked.map(\.checks))
        (graph.sourceNotes, graph.englishSourceNotes) = renderSourceNotes(resolver: resolver)
        graph.budgetChecksByGoal = graph.budgetChecks.map { checks in
            var byGoal: [Int: [BudgetReconciler.Check]] = [:]
            for check in checks { if let goal = check.goal { byGoal[goal, default: []].append(check) } }
            return byGoal
        }
        graph.updateBySlug = Dictionary(updates.indices.map { (updates[$0].slug, $0) }) { first, _ in first }
        for (u, update) in updates.enumerated() {
            for plan in Set(update.items.compactMap(\.planID)).sorted(by: { $0.raw < $1.raw }) { graph.updatesByPlan[plan, default: []].append(u) }
        }
        return graph
    }

    /// Merges the registry files; duplicates, unknown parents and cycles are errors.
    private func registry() -> [ExecutorID: Executor] {
        var byID: [ExecutorID: Executor] = [:]
        for executor in site.executors {
            if let existing = byID[executor.id] {
                sink.error(.executorTwice(id: executor.id.raw, other: existing.location.description),
                           at: executor.location)
                continue
            }
            byID[executor.id] = executor
        }
        let ids = byID.keys.map(\.raw)
        for executor in byID.values {
            guard let parent = executor.parent else { continue }
            if byID[parent] == nil {
                sink.error(.executorUnknownParent(id: executor.id.raw, parent: parent.raw, suggestions: Suggestions.closest(to: parent.raw, in: ids)),
                           at: executor.location)
                continue
            }
            var seen: Set<ExecutorID> = [executor.id]
            var current = byID[parent]
            while let body = current {
                if !seen.insert(body.id).inserted {
                    sink.error(.executorCycle(id: executor.id.raw), at: executor.location)
                    break
                }
                current = body.parent.flatMap { byID[$0] }
            }
        }
        return byID
    }

    private func checkAssignments(_ plans: [PlanIndex], executors: [ExecutorID: Executor]) -> [ExecutorID: [SiteGraph.Involvement]] {
        var involvements: [ExecutorID: [SiteGraph.Involvement]] = [:]
        let known = executors.keys.map(\.raw)
        for (p, plan) in plans.enumerated() {
            for (m, node) in plan.measures.enumerated() {
                var seen: Set<ExecutorID> = []
                for (position, assignment) in (node.measure.responsible?.assignments ?? []).enumerated() {
                    guard executors[assignment.executor] != nil else {
                        sink.error(.measureUnknownExecutor(measure: node.measure.number, executor: assignment.executor.raw,
                                                                   suggestions: Suggestions.closest(to: assignment.executor.raw, in: known)),
                                   at: assignment.location)
                        continue
                    }
                    guard seen.insert(assignment.executor).inserted else {
                        sink.error(.measureExecutorTwice(measure: node.measure.number, executor: assignment.executor.raw), at: assignment.location)
                        continue
                    }
                    involvements[assignment.executor, default: []].append(
                        SiteGraph.Involvement(key: SiteGraph.MeasureKey(plan: p, measure: m), consent: assignment.consent, position: position))
                }
            }
        }
        return involvements
    }

    private func checkPlanMetadata(_ plans: [PlanIndex], executors: [ExecutorID: Executor]) {
        for plan in plans.map(\.plan) {
            if let issuer = plan.issuer, let id = issuer.executor, executors[id] == nil {
                sink.error(.planUnknownIssuer(plan: plan.id.raw, issuer: id.raw, suggestions: Suggestions.closest(to: id.raw, in: executors.keys.map(\.raw))),
                           at: issuer.location)
            }
            if let source = plan.source, site.sourceFiles[source] == nil {
                let texts = site.sourceFiles.keys.filter(SourceNotes.isSourceText)
                sink.error(.planUnknownSource(plan: plan.id.raw, source: source, suggestions: Suggestions.closest(to: source, in: texts)),
                           at: plan.sourceLocation ?? plan.location)
            } else if let source = plan.source, !SourceNotes.isSourceText(source) {
                sink.error(.planSourceNotText(plan: plan.id.raw, source: source), at: plan.sourceLocation ?? plan.location)
            }
        }
    }

    private func glossary() -> [SiteGraph.GlossaryEntry] {
        var entries: [String: SiteGraph.GlossaryEntry] = [:]
        for plan in site.plans {
            for abbreviation in plan.abbreviations {
                let key = abbreviation.abbr + "\u{0}" + abbreviation.full
                var entry = entries[key] ?? SiteGraph.GlossaryEntry(abbr: abbreviation.abbr, full: abbreviation.full, definedIn: [], usedIn: [])
                if abbreviation.defined {
                    if !entry.definedIn.contains(plan.id) { entry.definedIn.append(plan.id) }
                } else if !entry.usedIn.contains(plan.id) {
                    entry.usedIn.append(plan.id)
                }
                entries[key] = entry
            }
        }
        return entries.values.sorted {
            $0.abbr != $1.abbr ? UkrainianCollation.less($0.abbr, $1.abbr) : $0.full < $1.full
        }
    }

    /// Every commentary file's Markdown to HTML, on all cores; with a cache,
    /// only files whose text (or the set of items links can point to) changed.
    private func renderCommentary(resolver: ReferenceResolver) -> [ItemReference: [SiteGraph.RenderedCommentary]] {
        let rendered = parallelMap(site.commentary) { item -> (String, [Diagnostic])? in
            if resolver.problem(with: item.about) != nil { return nil }
            return keptMarkdown(item.markdown, file: item.file, firstLine: item.bodyLine, defaultPlan: item.about.planID, resolver: resolver)
        }
        var result: [ItemReference: [SiteGraph.RenderedCommentary]] = [:]
        for (item, rendered) in zip(site.commentary, rendered) {
            guard let (html, diagnostics) = rendered else {
                sink.error(.commentaryAboutMissingItem(reference: "\(item.about)", problem: resolver.referenceProblem(with: item.about)!), at: item.location)
                continue
            }
            sink.append(contentsOf: diagnostics)
            result[item.about, default: []].append(SiteGraph.RenderedCommentary(title: item.title, html: html, file: item.file))
        }
        return result
    }

    /// `Content/sources/<plan>.md` (Ukrainian) and `<plan>.en.md` (English): how each plan's
    /// source was read, published on its notes page. A name ending in `.en.md` is always
    /// English notes, never the Ukrainian notes of a plan whose id ends in `.en`; notes
    /// that belong to no plan, or English notes without Ukrainian ones, are not published
    /// (a warning says so).
    private func renderSourceNotes(resolver: ReferenceResolver) -> (uk: [PlanID: String], en: [PlanID: String]) {
        var uk: [PlanID: String] = [:], en: [PlanID: String] = [:]
        let plans = Set(site.plans.map(\.id))
        // English notes link to the English pages (`/en/…`, as `SiteRenderer` places them).
        var englishResolver = resolver
        if site.settings.language != "en" { englishResolver.routes = resolver.routes.withLocale("en/") }
        for file in site.sourceFiles.keys.sorted() {
            guard let (plan, english) = SourceNotes.plan(ofFile: file) else { continue }
            let path = "sources/\(file)"
            guard plans.contains(plan) else {
                sink.warning(.sourceNotesUnknownPlan(file: path, plan: plan.raw, suggestions: Suggestions.closest(to: plan.raw, in: plans.map(\.raw))),
                             at: SourceLocation(file: path))
                continue
            }
            if english && site.sourceFiles[SourceNotes.file(of: plan, english: false)] == nil {
                sink.warning(.englishNotesWithoutUkrainian(file: path, plan: plan.raw), at: SourceLocation(file: path))
                continue
            }
            let html = renderMarkdown(site.sourceFiles[file]!, file: path, firstLine: 1, defaultPlan: plan,
                                      resolver: english ? englishResolver : resolver)
            // English notes quote the document in Ukrainian: mark those passages, not the whole sentence.
            if english { en[plan] = ContentLanguage.markPassages(html) } else { uk[plan] = html }
        }
        return (uk, en)
    }

    /// Markdown rendered with the site's own resolver (commentary, updates, report narratives) and its
    /// diagnostics, kept between links (`CommentaryCache`) so a rebuild does not run cmark over every
    /// text again. Safe on any thread; the caller gives the diagnostics to the sink, on every link.
    private func keptMarkdown(_ markdown: String, file: String, firstLine: Int, defaultPlan: PlanID?,
                              resolver: ReferenceResolver) -> (String, [Diagnostic]) {
        let key = CommentaryCache.Key(markdown: markdown, file: file, line: firstLine, plan: defaultPlan)
        if let hit = options.cache?.lookup(key) { return hit }
        let local = DiagnosticSink()
        let html = Markdown.render(markdown, file: file, firstLine: firstLine, resolve: { url in
            resolver.resolveLink(url, defaultPlan: defaultPlan)
        }, sink: local)
        options.cache?.store(key, (html, local.diagnostics))
        return (html, local.diagnostics)
    }

    /// `keptMarkdown`, its diagnostics given to the sink in place.
    func renderKeptMarkdown(_ markdown: String, file: String, firstLine: Int, defaultPlan: PlanID?, resolver: ReferenceResolver) -> String {
        let (html, diagnostics) = keptMarkdown(markdown, file: file, firstLine: firstLine, defaultPlan: defaultPlan, resolver: resolver)
        sink.append(contentsOf: diagnostics)
        return html
    }

    func renderMarkdown(_ markdown: String, file: String, firstLine: Int, defaultPlan: PlanID?, resolver: ReferenceResolver) -> String {
        Markdown.render(markdown, file: file, firstLine: firstLine, resolve: { url in
            resolver.resolveLink(url, defaultPlan: defaultPlan)
        }, sink: sink)
    }
}
