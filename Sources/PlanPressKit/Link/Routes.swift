/// The one place that builds URLs and output paths. Templates, Markdown links
/// and feeds never assemble them by hand.
public struct Routes: Sendable {
    /// Path prefix every URL starts with, `/` or `/plany/`.
    public let basePath: String
    /// Absolute base URL for feeds, sitemaps and canonical links.
    public let baseURL: String
    /// `""` for the default language, `"en/"` for the English interface.
    public let localePrefix: String

    public init(baseURL: String, localePrefix: String = "") {
        var url = baseURL
        if !url.hasSuffix("/") { url += "/" }
        self.baseURL = url
        self.basePath = SiteSettings(title: "", description: "", language: "uk", baseURL: url,
                                     asOf: CalendarDate(year: 2000, month: 1, day: 1), location: SourceLocation(file: "")).basePath
        self.localePrefix = localePrefix
    }

    public func withLocale(_ prefix: String) -> Routes {
        Routes(baseURL: baseURL, localePrefix: prefix)
    }

    /// Output path of a page, relative to the output folder (`plans/x/index.html`).
    public func file(for page: PageID) -> String {
        let relative = relativePath(for: page)
        if relative.hasSuffix("/") || relative.isEmpty { return relative + "index.html" }
        return relative
    }

    /// Root-relative URL of a page (`/plany/plans/x/`).
    public func path(for page: PageID) -> String { basePath + relativePath(for: page) }

    /// Absolute URL (`https://example.org/plany/plans/x/`).
    public func url(for page: PageID) -> String { absolute(relativePath(for: page)) }

    /// Root-relative URL of one line of a plan's source page (`/plans/x/source/#L120`).
    public func sourceLine(_ plan: PlanID, line: Int) -> String {
        path(for: .planSourceText(plan)) + "#L\(line)"
    }

    /// Root-relative URL of a file that is not a page (assets, data).
    public func asset(_ relative: String) -> String { basePath + relative }

    public func absolute(_ relative: String) -> String {
        if baseURL.contains("://") { return baseURL + relative }
        return basePath + relative
    }

    func relativePath(for page: PageID) -> String {
        let l = localePrefix
        switch page {
        case .home: return l
        case .plans: return "\(l)plans/"
        case .plan(let p): return "\(l)plans/\(p)/"
        case .goal(let p, let g): return "\(l)plans/\(p)/goals/\(g)/"
        case .measure(let p, let m): return "\(l)plans/\(p)/measures/\(m)/"
        case .indicator(let p, let i): return "\(l)plans/\(p)/indicators/\(i)/"
        case .planPrint(let p): return "\(l)plans/\(p)/print/"
        case .planTimeline(let p): return "\(l)plans/\(p)/timeline/"
        case .planSource(let p): return "sources/\(p).txt"
        case .planSourceText(let p): return "\(l)plans/\(p)/source/"
        case .planSourceNotes(let p): return "\(l)plans/\(p)/source/notes/"
        case .executors: return "\(l)executors/"
        case .executor(let e): return "\(l)executors/\(e)/"
        case .glossary: return "\(l)glossary/"
        case .updates(let page): return page <= 1 ? "\(l)updates/" : "\(l)updates/page/\(page)/"
        case .update(let slug): return "\(l)updates/\(slug)/"
        case .updateCover(let slug, let ext): return "updates/\(slug)/cover.\(ext)"
        case .updatePhoto(let slug, let file): return "updates/\(slug)/\(file)"
        case .updatesFeed: return "updates/feed.xml"
        case .planFeed(let p): return "plans/\(p)/feed.xml"
        case .reports: return "\(l)reports/"
        case .report(let id): return "\(l)reports/\(id)/"
        case .planReportsFeed(let p): return "plans/\(p)/reports.xml"
        case .lists(.plan(let p)): return "\(l)plans/\(p)/lists/"
        case .lists(.goal(let p, let g)): return "\(l)plans/\(p)/goals/\(g)/lists/"
        case .lists(.executor(let e)): return "\(l)executors/\(e)/lists/"
        case .unanswered(let e): return "\(l)executors/\(e)/unanswered/"
        case .methodology: return "\(l)methodology/"
        case .year(let year): return "\(l)years/\(year)/"
        case .search: return "\(l)search/"
        case .openData: return "\(l)data/"
        case .notFound: return "\(l)404.html"
        }
    }
}

/// Every kind of page the site has.
public enum PageID: Hashable, Sendable {
    case home
    /// The index of plans, grouped as on the home page.
    case plans
    case plan(PlanID)
    case goal(PlanID, String)
    case measure(PlanID, String)
    case indicator(PlanID, String)
    case planPrint(PlanID)
    case planTimeline(PlanID)
    /// The raw source text download.
    case planSource(PlanID)
    /// The source text as a page, one anchor per line.
    case planSourceText(PlanID)
    /// How the source was read: the transcription notes.
    case planSourceNotes(PlanID)
    case executors
    case executor(ExecutorID)
    case glossary
    case updates(page: Int)
    case update(String)
    /// The cover image of an update (one file, shared by every language).
    case updateCover(String, ext: String)
    /// A converted photo from an update's text (`photo-1.480.webp`), next to its page.
    case updatePhoto(String, file: String)
    case updatesFeed
    case planFeed(PlanID)
    /// Every monitoring report, newest first.
    case reports
    /// One monitoring report as a whole (its id: the file's path under `reports/`, without extension).
    case report(String)
    /// An Atom feed of a plan's monitoring reports.
    case planReportsFeed(PlanID)
    /// The measures behind every count of a page (docs/monitoring.md, *Lists*).
    case lists(ListScope)
    /// How the site reads the reports, and each reporter's own methodology.
    case methodology
    /// «Без відповіді»: the assessments a body was asked to answer, awaited ones first.
    case unanswered(ExecutorID)
    /// «Що мало бути виконано у 2026 році»: every measure falling due in the year.
    case year(Int)
    case search
    case openData
    case notFound
}

/// Whose measures a list page sorts: a plan's, a goal's subtree, an executor's.
public enum ListScope: Hashable, Sendable {
    case plan(PlanID)
    case goal(PlanID, String)
    case executor(ExecutorID)
}
