extension PageRenderer {
    /// The language plan content is published in, whatever the interface language.
    static let contentLanguage = "uk"

    /// A short name for each kind of page (`measure`, `plan-print` …).
    static func kind(of page: PageID) -> String {
        switch page {
        case .home: return "home"
        case .plans: return "plans"
        case .plan: return "plan"
        case .goal: return "goal"
        case .measure: return "measure"
        case .indicator: return "indicator"
        case .indicatorValues: return "indicator-values"
        case .planPrint: return "plan-print"
        case .planTimeline: return "timeline"
        case .planSource: return "source"
        case .planSourceText: return "source-text"
        case .planSourceNotes: return "source-notes"
        case .executors: return "executors"
        case .executor: return "executor"
        case .glossary: return "glossary"
        case .updates: return "updates"
        case .update: return "update"
        case .updateCover: return "image"
        case .search: return "search"
        case .openData: return "open-data"
        case .notFound: return "not-found"
        // Files that are not HTML pages (feeds, images) and kinds added later.
        default: return "other"
        }
    }
}
