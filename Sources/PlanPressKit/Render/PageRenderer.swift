import Foundation
import Mustache

/// A file of the finished site, relative to the output folder.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
    /// Provenance: the content file (and line, where known) the file is made from, named when
    /// writing it fails; nil for files PlanPress makes from the whole site (home, search, sitemap).
    public var origin: SourceLocation?
    public init(path: String, bytes: [UInt8], origin: SourceLocation? = nil) {
        self.path = path
        self.bytes = bytes
        self.origin = origin
    }
    public init(path: String, text: String, origin: SourceLocation? = nil) { self.init(path: path, bytes: Array(text.utf8), origin: origin) }
}

/// The render stage for one interface language: page contexts, fully
/// resolved, printed by the templates.
public struct PageRenderer: Sendable {
    public typealias Context = [String: Any]

    let graph: SiteGraph
    let templates: TemplateSet
    let language: String
    let routes: Routes
    let format: Formatting
    let strings: [String: String]
    let markers: [PlanID: AbbreviationMarker]
    let otherRoutes: Routes?
    let itemCache: MeasureItemCache
    /// Each plan's summary (home, not-found and plan pages), made once per renderer.
    let summaries = PlanSummaries()
    /// The measures due in each year, made once per renderer (`yearIndex()`).
    let yearIndexCache = YearIndex()
    /// The open-data files and their sizes, for the `/data/` page and download links.
    public var openData = OpenDataCatalog()
    /// The pictures pages name for sharing (`og:image`); none when not set.
    var share: ShareImages?

    /// `items`: the list items of a previous build to reuse (see `refreshItems`).
    public init(graph: SiteGraph, templates: TemplateSet, language: String, routes: Routes, otherRoutes: Routes?,
                items: MeasureItemCache? = nil) {
        self.itemCache = items ?? MeasureItemCache()
        self.graph = graph
        self.templates = templates
        self.language = language
        self.routes = routes
        self.otherRoutes = otherRoutes
        self.format = Formatting(language: language)
        self.strings = templates.locales[language] ?? templates.locales["uk"] ?? [:]
        var markers: [PlanID: AbbreviationMarker] = [:]
        let global = graph.glossary.map { (abbr: $0.abbr, full: $0.full) }
        for plan in graph.plans {
            let own = plan.plan.abbreviations.map { (abbr: $0.abbr, full: $0.full) }
            markers[plan.plan.id] = AbbreviationMarker(own + global)
        }
        self.markers = markers
    }

    /// Every page of this language, in a fixed order.
    public func pageIDs() -> [PageID] {
        var pages: [PageID] = [.home, .plans, .executors, .glossary, .notFound, .openData]
        for (p, index) in graph.plans.enumerated() {
            let id = index.plan.id
            pages.append(.plan(id))
            pages.append(.planPrint(id))
            pages.append(.planTimeline(id))
            pages += PageRenderer.sourcePages(index.plan, graph: graph)
            pages.append(.lists(.plan(id)))
            pages += index.goals.map { .goal(id, $0.goal.id) }
            pages += index.goals.map { .lists(.goal(id, $0.goal.id)) }
            pages += index.measures.map { .measure(id, $0.measure.number) }
            pages += index.indicators.map { .indicator(id, $0.indicator.id) }
            pages += PageRenderer.valuePages(p, index.indicators.indices, graph: graph)
        }
        pages += graph.executorOrder.map { .executor($0) }
        pages += graph.executorOrder.filter { graph.involvements[$0] != nil }.map { .lists(.executor($0)) }
        pages += askedBodies().map { .unanswered($0) }
        pages.append(.reports)
        pages.append(.methodology)
        pages += reportOrder(linkedReports).map { .report(graph.site.reports[$0].id) }
        pages += dueYears().map { .year($0) }
        pages += updatePageIDs()
        pages.append(.search)
        return pages
    }

    /// Renders the given pages on all cores.
    public func render(_ pages: [PageID]) -> [OutputFile] {
        prepareItems()
        return parallelMap(pages, files(for:)).flatMap { $0 }
    }

    /// A page's file, with the content file it is made from (`SiteGraph.origin`), and its companion files.
    public func files(for page: PageID) -> [OutputFile] {
        let start = Profile.enabled ? KindProfile.threadNanos() : 0
        let bytes = renderBytes(page)
        if Profile.enabled { KindProfile.add(page, nanos: KindProfile.threadNanos() - start, bytes: bytes.count) }
        return [OutputFile(path: routes.file(for: page), bytes: bytes, origin: graph.origin(of: page))] + companionFiles(page)
    }

    /// Files a page brings with it: the print version's own stylesheet (its running header).
    public func companionFiles(_ page: PageID) -> [OutputFile] {
        guard case .planPrint(let id) = page, let p = graph.planByID[id], let path = companionPaths(page).first else { return [] }
        return [OutputFile(path: path, text: printPageStyle(p), origin: graph.origin(of: page))]
    }

    public func companionPaths(_ page: PageID) -> [String] {
        guard case .planPrint = page else { return [] }
        let file = routes.file(for: page)
        return [String(file.dropLast("index.html".count)) + PageRenderer.printPageCSS]
    }

    func render(_ page: PageID) -> String {
        String(decoding: renderBytes(page), as: UTF8.self)
    }

    /// The page as written: on pages of another interface language, the plan content (always
    /// Ukrainian) is marked for screen readers; the marking works on bytes and hands them on.
    func renderBytes(_ page: PageID) -> [UInt8] {
        let html = renderTemplate(page)
        return language == PageRenderer.contentLanguage ? Array(html.utf8) : ContentLanguage.markedBytes(html, language: PageRenderer.contentLanguage)
    }

    /// The page's HTML as its template prints it from the kind's typed model (`PageModels.swift`).
    func renderTemplate(_ page: PageID) -> String {
        visitModel(for: page, Printer(renderer: templates.renderer))
    }

    /// The page's template and its typed model (tests, `docs/templates.md`).
    func model(for page: PageID) -> (String, any TemplateModel) {
        visitModel(for: page, Boxer())
    }

    /// Hands the page's model, with its concrete type, to `visitor`: the renderer is specialised
    /// for each model type (through `any TemplateModel` every field read would go through
    /// witness tables and copy the layout's fields; docs/performance.md, «One typed render path»).
    func visitModel<V: PageModelVisitor>(for page: PageID, _ visitor: V) -> V.Result {
        switch page {
        case .home: return visitor.visit(homePage(), template: "home")
        case .plan(let id): return visitor.visit(planPage(graph.planByID[id]!), template: "plan")
        case .planPrint(let id): return visitor.visit(printPage(graph.planByID[id]!), template: "plan-print")
        case .plans: return visitor.visit(plansPage(), template: "plans")
        case .measure(let id, let number):
            let p = graph.planByID[id]!
            return visitor.visit(measurePage(SiteGraph.MeasureKey(plan: p, measure: graph.plans[p].measureByNumber[number]!)), template: "measure")
        case .goal(let id, let goal):
            let p = graph.planByID[id]!
            return visitor.visit(goalPage(p, graph.plans[p].goalByID[goal]!), template: "goal")
        case .indicator(let id, let indicator):
            let p = graph.planByID[id]!
            return visitor.visit(indicatorPage(p, graph.plans[p].indicatorByID[indicator]!), template: "indicator")
        case .indicatorValues(let id, let indicator, let page):
            let p = graph.planByID[id]!
            return visitor.visit(indicatorValuesPage(p, graph.plans[p].indicatorByID[indicator]!, page: page), template: "indicator-values")
        case .executors: return visitor.visit(executorsPage(), template: "executors")
        case .executor(let id): return visitor.visit(executorPage(id), template: "executor")
        case .unanswered(let id): return visitor.visit(unansweredPage(id), template: "unanswered")
        case .glossary: return visitor.visit(glossaryPage(), template: "glossary")
        case .notFound: return visitor.visit(notFoundPage(), template: "not-found")
        case .openData: return visitor.visit(openDataPage(), template: "open-data")
        case .updates(let n): return visitor.visit(updatesPage(page: n), template: "updates")
        case .update(let slug): return visitor.visit(updatePage(slug), template: "update")
        case .search: return visitor.visit(searchPage(), template: "search")
        case .planTimeline(let id): return visitor.visit(timelinePage(graph.planByID[id]!), template: "timeline")
        case .planSourceText(let id): return visitor.visit(sourcePage(graph.planByID[id]!), template: "source")
        case .planSourceNotes(let id): return visitor.visit(sourceNotesPage(graph.planByID[id]!), template: "source-notes")
        case .lists(let scope): return visitor.visit(listsPage(scope), template: "lists")
        case .methodology: return visitor.visit(methodologyPage(), template: "methodology")
        case .year(let year): return visitor.visit(yearPage(year), template: "year")
        case .reports: return visitor.visit(reportsPage(), template: "reports")
        case .report(let id): return visitor.visit(reportPage(id), template: "report")
        default: return visitor.visit(notFoundPage(), template: "not-found")
        }
    }


    // MARK: shared pieces

    func t(_ key: String) -> String { strings[key] ?? key }

    func count(_ n: Int, _ key: String) -> String {
        format.count(n, t(key).split(separator: "|").map(String.init))
    }

    /// The form of a `one|few|many` interface string that goes with `n`.
    func pluralWord(_ n: Int, _ key: String) -> String {
        format.plural(n, t(key).split(separator: "|").map(String.init))
    }

    /// A plan's short title in the interface language (the Ukrainian one when the plan gives no English title).
    func planTitle(_ plan: Plan) -> String { language == "en" ? plan.englishShortTitle ?? plan.shortTitle : plan.shortTitle }

    /// A plan level's name in the interface language («Захід» / "Measure").
    func levelName(_ level: Level) -> String { level.name(language: language) }
    func levelPlural(_ level: Level) -> String { level.pluralName(language: language) }
    /// «5 напрямів проєктів», "5 project areas": a count in the level's own words.
    func levelCount(_ n: Int, _ level: Level) -> String { format.count(n, level.countForms(language: language)) }

    /// What the layout prints on every page: site, navigation, interface strings, breadcrumbs.
    func layout(page: PageID, title: String, description: String? = nil, breadcrumbs: [(String, PageID?)]) -> LayoutFields {
        var crumbs: [Context] = breadcrumbs.map { title, target in
            var crumb: Context = ["title": title]
            if let target { crumb["url"] = routes.path(for: target) }
            return crumb
        }
        if !crumbs.isEmpty { crumbs[crumbs.count - 1]["current"] = true }
        let settings = graph.site.settings
        let siteTitle = settings.title(language: language)
        var fields = LayoutFields(
            language: language, strings: strings, siteTitle: siteTitle,
            siteDescription: settings.description(language: language), pageTitle: title,
            description: headDescription(page, title: title, description ?? settings.description(language: language)), canonical: routes.url(for: page),
            css: routes.asset("assets/site.css"), printCSS: routes.asset("assets/print.css"), homeURL: routes.path(for: .home),
            executorsURL: routes.path(for: .executors), glossaryURL: routes.path(for: .glossary), dataURL: routes.path(for: .openData),
            updatesURL: routes.path(for: .updates(page: 1)), feedURL: routes.path(for: .updatesFeed), searchURL: routes.path(for: .search),
            asOf: format.date(settings.asOf), breadcrumbs: crumbs, ogLocale: language == "en" ? "en_US" : "uk_UA",
            shareImage: share?.siteImage(routes).map { (routes.absolute($0.path), $0.width, $0.height, $0.alt) },
            pageKind: PageRenderer.kind(of: page), alternateURL: otherRoutes?.path(for: page),
            alternateLanguage: otherRoutes == nil ? nil : (language == "uk" ? "en" : "uk"))
        fields.headTitle = title == siteTitle ? siteTitle : "\(title) · \(siteTitle)"
        fields.favicon = routes.asset("assets/favicon.svg")
        fields.plansURL = routes.path(for: .plans)
        fields.reportsURL = routes.path(for: .reports)
        return fields
    }

    /// The page's description for search engines and link previews: on a page whose
    /// interface is not the documents' language, a description in the documents'
    /// language (a measure's text, a plan's title) gives way to one in the interface's
    /// language that names the page and says its text is Ukrainian.
    func headDescription(_ page: PageID, title: String, _ description: String) -> String {
        guard language != graph.site.settings.language, description.unicodeScalars.contains(where: ScalarKind.isCyrillic) else { return description }
        let key: String
        switch page {
        case .plan, .planPrint, .planTimeline: key = "head_description_plan"
        case .measure, .goal, .indicator: key = "head_description_item"
        default: key = "head_description_page"
        }
        return t(key).replacingEvery("{title}", with: title)
    }

    func planCrumbs(_ p: Int) -> [(String, PageID?)] {
        [(t("nav_home"), .home), (t("plans_heading"), .plans), (planTitle(graph.plans[p].plan), .plan(graph.plans[p].plan.id))]
    }

    func goalCrumbs(_ p: Int, goal: Int) -> [(String, PageID?)] {
        let index = graph.plans[p]
        return planCrumbs(p) + index.path(toGoal: goal).map { g in
            ("\(levelName(index.level(of: g))) \(index.goals[g].goal.number)", .goal(index.plan.id, index.goals[g].goal.id))
        }
    }

    func text(_ text: String, plan: PlanID) -> String { HTML.paragraphs(text, abbreviations: markers[plan]) }
    func inline(_ text: String, plan: PlanID) -> String { HTML.inline(text, markers[plan]) }

    func commentary(_ reference: ItemReference) -> [Context] {
        (graph.commentary[reference] ?? []).map { ["title": $0.title ?? t("commentary"), "html": $0.html] }
    }
}

/// Something done with a page's typed model, whatever its kind (`PageRenderer.visitModel`).
protocol PageModelVisitor {
    associatedtype Result
    func visit<M: TemplateModel>(_ model: M, template: String) -> Result
}

/// Prints the page.
private struct Printer: PageModelVisitor {
    let renderer: TemplateRenderer
    func visit<M: TemplateModel>(_ model: M, template: String) -> String { renderer.render(model, template: template) ?? "" }
}

/// The model as an existential, with its template's name.
private struct Boxer: PageModelVisitor {
    func visit<M: TemplateModel>(_ model: M, template: String) -> (String, any TemplateModel) { (template, model) }
}

/// Mustache treats every string, even an empty one, as true in a section:
/// absent values must be `false` so `{{#x}}…{{/x}}` hides them (and does not
/// fall through to a parent context's key of the same name).
func opt(_ value: String?) -> Any {
    guard let value, !value.isEmpty else { return false }
    return value
}

/// `PageRenderer.planSummary` per plan, computed by the first page that needs it
/// (the summary counts a plan's monitoring over all its measures: ~1 ms each).
final class PlanSummaries: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Int: [String: Any]] = [:]

    func summary(_ p: Int, make: () -> [String: Any]) -> [String: Any] {
        if let done = lock.withLock({ made[p] }) { return done }
        let value = make()
        lock.withLock { made[p] = value }
        return value
    }
}

/// Measure list items of one language, built once before the pages render.
public final class MeasureItemCache: @unchecked Sendable {
    // Written by `PageRenderer.prepareItems()` / `refreshItems` before any page renders; only read while pages render.
    private var items: [[Record]] = []

    func item(_ key: SiteGraph.MeasureKey) -> Record? {
        key.plan < items.count ? items[key.plan][key.measure] : nil
    }

    func fill(_ items: [[Record]]) { self.items = items }
    func replace(_ key: SiteGraph.MeasureKey, _ item: Record) { items[key.plan][key.measure] = item }
    var isFilled: Bool { !items.isEmpty }
}

extension PageRenderer {
    /// Builds every measure's list item in parallel; later lookups are reads only.
    func prepareItems() {
        guard !itemCache.isFilled else { return }
        let keys = graph.plans.indices.map { p in graph.plans[p].measures.indices.map { SiteGraph.MeasureKey(plan: p, measure: $0) } }
        let flat = parallelMap(keys.flatMap { $0 }) { SendableBox(buildMeasureItem($0, excerpt: .list)) }
        var offset = 0
        var items: [[Record]] = []
        for plan in keys {
            items.append(flat[offset..<(offset + plan.count)].map(\.value))
            offset += plan.count
        }
        itemCache.fill(items)
    }

    /// After an edit: rebuilds the items of the measures that changed, keeps the rest.
    func refreshItems(_ keys: Set<SiteGraph.MeasureKey>) {
        guard itemCache.isFilled else { return prepareItems() }
        let sorted = keys.sorted()
        let built = parallelMap(sorted) { SendableBox(buildMeasureItem($0, excerpt: .list)) }
        for (key, item) in zip(sorted, built) { itemCache.replace(key, item.value) }
    }
}

/// Carries a non-Sendable value out of a parallel task that created it.
struct SendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
