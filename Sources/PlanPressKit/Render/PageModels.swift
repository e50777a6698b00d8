/// Typed page models (docs/architecture.md, «One typed render path»): every page
/// kind is a struct printed by the compiled renderer through `TemplateModel`; the
/// layout's part is `LayoutFields`, the kind's own fields its `pageFields`. Each
/// kind's struct lives beside its builder (`Context+<Page>.swift`); the measure
/// page's is here. `PageKindModel.all` lists them with their templates.

/// What the layout prints on every page: site, navigation, sharing, breadcrumbs.
struct LayoutFields: TemplateModel {
    /// Named as the templates name them; the order is the field index.
    enum Field: Int, CaseIterable {
        case lang, t, site_title, site_description, page_title, description, canonical, css, print_css
        case home_url, executors_url, glossary_url, data_url, updates_url, feed_url, search_url, as_of
        case breadcrumbs, has_breadcrumbs, og_type, og_locale, og_image, og_image_alt, twitter_card
        case og_image_width, og_image_height, published_time
        case plan_feed_url, page_kind, page_css, alternate_url, alternate_lang
        case plans_url
        case reports_url
        case head_title, favicon
    }

    static let fields: [TemplateField] = Field.allCases.map { (field: Field) -> TemplateField in
        switch field {
        case .t: return TemplateField("t", .open)
        case .breadcrumbs: return TemplateField("breadcrumbs", .record(["title", "url", "current"]))
        default: return TemplateField("\(field)")
        }
    }

    var language: String
    var strings: [String: String]
    var siteTitle, siteDescription, pageTitle, description, canonical, css, printCSS: String
    var homeURL, executorsURL, glossaryURL, dataURL, updatesURL, feedURL, searchURL, asOf: String
    /// The index of plans (`/plans/`), the navigation's «Плани».
    var plansURL = ""
    var breadcrumbs: [PageRenderer.Context]
    var ogLocale: String
    /// The picture shared with a link to the page (`ShareImages`): absolute URL, size, description.
    var shareImage: (url: String, width: Int, height: Int, alt: String)?
    var pageKind: String
    /// The other language's address of this page, when the site has one.
    var alternateURL: String?
    var alternateLanguage: String?
    var reportsURL = ""
    /// `og:type`: «article» on an update's page.
    var ogType = "website"
    /// An update's date (`article:published_time`); a plan's own feed (plan and print pages);
    /// the print version's own stylesheet.
    var publishedTime: String?
    var planFeedURL: String?
    var pageCSS: String?
    /// `<title>`: «page · site», or the site's name alone on the home page.
    var headTitle = ""
    var favicon = ""

    func value(ofField index: Int) -> Any? {
        switch Field(rawValue: index)! {
        case .lang: return language
        case .t: return strings
        case .site_title: return siteTitle
        case .site_description: return siteDescription
        case .page_title: return pageTitle
        case .description: return description
        case .canonical: return canonical
        case .css: return css
        case .print_css: return printCSS
        case .home_url: return homeURL
        case .executors_url: return executorsURL
        case .glossary_url: return glossaryURL
        case .data_url: return dataURL
        case .updates_url: return updatesURL
        case .feed_url: return feedURL
        case .search_url: return searchURL
        case .as_of: return asOf
        case .breadcrumbs: return breadcrumbs
        case .has_breadcrumbs: return breadcrumbs.count > 1
        case .og_type: return ogType
        case .og_locale: return ogLocale
        case .og_image: return shareImage?.url ?? false
        case .og_image_alt: return shareImage?.alt ?? false
        case .og_image_width: return shareImage?.width ?? false
        case .og_image_height: return shareImage?.height ?? false
        case .plan_feed_url: return planFeedURL ?? false
        case .published_time: return publishedTime ?? false
        case .twitter_card: return shareImage == nil ? "summary" : "summary_large_image"
        case .page_kind: return pageKind
        case .page_css: return pageCSS
        case .alternate_url: return alternateURL
        case .alternate_lang: return alternateLanguage
        case .plans_url: return plansURL
        case .reports_url: return reportsURL
        case .head_title: return headTitle
        case .favicon: return favicon
        }
    }
}

extension LayoutFields {
    static let count = Field.allCases.count
}

extension PageRenderer {
    /// The keys of records several kinds print: made by `pager`, `commentary`, `downloads`, `goalPath`.
    static let pagerKeys = ["previous", "next", "has_any"]
    static let commentaryKeys = ["title", "html"]
    static let downloadsKeys = ["files", "hint", "index_url"]
    static let goalPathKeys = ["level", "number", "title_html", "url"]
}

/// One name a page kind offers after the layout's: as templates spell it, what a
/// section over it opens, and how the page model gives its value.
struct PageField<Page>: Sendable {
    let field: TemplateField
    let read: @Sendable (Page) -> Any?

    init(_ name: String, _ kind: TemplateField.Kind = .value, _ read: @escaping @Sendable (Page) -> Any?) {
        field = TemplateField(name, kind)
        self.read = read
    }
}

/// A page kind printed inside the layout: the layout's fields first (`LayoutFields`),
/// then the kind's own (`pageFields`, in field-index order). Each kind is a struct
/// of typed values; `pageFields` is the only place its template names are spelt,
/// and what `docs/templates.md` lists.
protocol LayoutPageModel: TemplateModel {
    var layout: LayoutFields { get }
    static var pageFields: [PageField<Self>] { get }
}

extension LayoutPageModel {
    typealias Context = PageRenderer.Context

    static var fields: [TemplateField] { LayoutFields.fields + pageFields.map(\.field) }

    func value(ofField index: Int) -> Any? {
        index < LayoutFields.count ? layout.value(ofField: index) : Self.pageFields[index - LayoutFields.count].read(self)
    }
}

/// A measure's page (`measure.mustache`).
struct MeasurePage: LayoutPageModel {
    var layout: LayoutFields
    var level, number: String
    var printedNumber: String?
    var numberAssigned: Bool
    var numberAssignedNote: String
    /// What the page says of a responsible cell that continues the row above, or `false`
    /// (`mergedCellContext`).
    var responsibleMerged: Any
    /// The heading of the cell as printed: the row above's, for a merged cell.
    var responsiblePrintedLabel: String
    var textHTML, planTitle, planURL: String
    var goalPath: [PageRenderer.Context]
    var hasGoalPath: Bool
    var responsibleHeading: String
    var responsiblePrinted: String?
    var executors: [Record]
    var hasExecutors, anyConsent: Bool
    /// The glossary's entry for «за згодою»: explained once there, as the site's explanation.
    var consentURL: String
    /// Which rows the document's table has (`PlanIndex.Columns`): no empty row for a column it lacks.
    var columns: PlanIndex.Columns
    var term: PageRenderer.Context
    var indicators: [PageRenderer.Context]
    var results: [[String: String]]
    var funding: PageRenderer.Context
    var commentary: [PageRenderer.Context]
    /// A section or `false`, as `relatedUpdates` gives it.
    var relatedUpdates: Any
    var pager: PageRenderer.Context
    /// Badges or `false`, as `statusBadges` gives them.
    var status: Any
    var overdue: Bool
    var monitoring: PageRenderer.Context
    /// A citation or `false`, as `citationContext` gives it.
    var citation: Any

    static let pageFields: [PageField<MeasurePage>] = [
        PageField("level") { $0.level },
        PageField("number") { $0.number },
        PageField("printed_number") { opt($0.printedNumber) },
        PageField("number_assigned") { $0.numberAssigned },
        PageField("number_assigned_note") { $0.numberAssignedNote },
        PageField("responsible_merged", .record(PageRenderer.mergedCellKeys)) { $0.responsibleMerged },
        PageField("responsible_printed_label") { $0.responsiblePrintedLabel },
        PageField("text_html") { $0.textHTML },
        PageField("plan_title") { $0.planTitle },
        PageField("plan_url") { $0.planURL },
        PageField("goal_path", .record(PageRenderer.goalPathKeys)) { $0.goalPath },
        PageField("has_goal_path") { $0.hasGoalPath },
        PageField("responsible_heading") { $0.responsibleHeading },
        PageField("responsible_printed") { opt($0.responsiblePrinted) },
        PageField("executors", .record(PageRenderer.executorRefShape.names)) { $0.executors },
        PageField("has_executors") { $0.hasExecutors },
        PageField("any_consent") { $0.anyConsent },
        PageField("consent_url") { $0.consentURL },
        PageField("column_responsible") { $0.columns.responsible },
        PageField("column_term") { $0.columns.term },
        PageField("column_indicators") { $0.columns.indicators },
        PageField("column_funding") { $0.columns.funding },
        PageField("term", .record(["printed", "stated", "value", "merged", "due", "due_iso", "next_due", "next_due_iso", "reading"])) { $0.term },
        PageField("indicators", .record(["id", "number", "url", "html", "target"])) { $0.indicators },
        PageField("has_indicators") { !$0.indicators.isEmpty },
        PageField("results", .record(["html"])) { $0.results },
        PageField("has_results") { !$0.results.isEmpty },
        PageField("funding", .record(["printed", "status", "status_label", "table"])) { $0.funding },
        PageField("commentary", .record(PageRenderer.commentaryKeys)) { $0.commentary },
        PageField("related_updates", .record(PageRenderer.relatedUpdatesKeys)) { $0.relatedUpdates },
        PageField("pager", .record(PageRenderer.pagerKeys)) { $0.pager },
        PageField("status", .record(PageRenderer.badgesShape.names)) { $0.status },
        PageField("overdue") { $0.overdue },
        PageField("monitoring", .open) { $0.monitoring },
        PageField("citation", .record(PageRenderer.citationKeys)) { $0.citation },
    ]
}

extension TemplateRenderer {
    /// Binds the templates of every page kind to its typed model; returns the names they lack,
    /// a name in a template several kinds share (the layout, a partial) once.
    mutating func bindPageModels() -> [TemplateVocabulary.UnknownName] {
        var unknown: [TemplateVocabulary.UnknownName] = []
        var seen: Set<String> = []
        for kind in PageKindModel.all {
            for name in bind(kind.model, page: kind.template) where seen.insert("\(name.template):\(name.line):\(name.name)").inserted {
                unknown.append(name)
            }
        }
        return unknown
    }
}

/// A page kind: its template, its typed model and what the page is, for `docs/templates.md`.
struct PageKindModel {
    let template: String
    let model: any TemplateModel.Type
    let about: String

    /// Every page kind the site has, in the order `docs/templates.md` lists them.
    static var all: [PageKindModel] { [
        PageKindModel(template: "home", model: HomePage.self, about: "The home page: the plans grouped by what each document prints, what falls due this year, the latest updates."),
        PageKindModel(template: "plans", model: PlansPage.self, about: "`/plans/`: every plan, grouped as on the home page."),
        PageKindModel(template: "plan", model: PlanPage.self, about: "A plan: the document's title block, its tree of goals, its budget and monitoring."),
        PageKindModel(template: "plan-print", model: PrintPage.self, about: "A plan's print version: the plan page's fields, then every goal and measure in order (`sections`)."),
        PageKindModel(template: "timeline", model: TimelinePage.self, about: "A plan's measures by the years of their term."),
        PageKindModel(template: "source", model: SourcePage.self, about: "A plan's source text, one anchored line per source line."),
        PageKindModel(template: "source-notes", model: SourceNotesPage.self, about: "How the plan's source was read."),
        PageKindModel(template: "goal", model: GoalPage.self, about: "A goal (or any level above the measures): the goals and measures under it, their money and monitoring."),
        PageKindModel(template: "measure", model: MeasurePage.self, about: "A measure: its text, executors, term, indicators, funding, monitoring and citation."),
        PageKindModel(template: "indicator", model: IndicatorPage.self, about: "An indicator: its text and target, its measure, the values reported for it."),
        PageKindModel(template: "indicator-values", model: IndicatorValuesPage.self, about: "One page of a long series of an indicator's values."),
        PageKindModel(template: "executors", model: ExecutorsPage.self, about: "`/executors/`: every body some plan names."),
        PageKindModel(template: "executor", model: ExecutorPage.self, about: "An executor: the measures naming the body, plan by plan, their money and monitoring."),
        PageKindModel(template: "unanswered", model: UnansweredPage.self, about: "The assessments that asked an executor for an answer."),
        PageKindModel(template: "lists", model: ListsPage.self, about: "The lists behind the counts of a plan, goal or executor page."),
        PageKindModel(template: "year", model: YearPage.self, about: "The measures of every plan falling due in one year."),
        PageKindModel(template: "reports", model: ReportsPage.self, about: "`/reports/`: every monitoring report, newest first."),
        PageKindModel(template: "report", model: ReportPage.self, about: "One monitoring report: each measure's status and each value it gives."),
        PageKindModel(template: "methodology", model: MethodologyPage.self, about: "How the site reads the reports, and each reporter's own methodology."),
        PageKindModel(template: "updates", model: UpdatesPage.self, about: "`/updates/` and its further pages."),
        PageKindModel(template: "update", model: UpdatePage.self, about: "One press update."),
        PageKindModel(template: "open-data", model: OpenDataPage.self, about: "`/data/`: every download with its size."),
        PageKindModel(template: "glossary", model: GlossaryPage.self, about: "`/glossary/`: abbreviations, the documents' marks and the site's own words."),
        PageKindModel(template: "search", model: SearchPage.self, about: "`/search/`: the search form and, without JavaScript, the complete lists."),
        PageKindModel(template: "not-found", model: NotFoundPage.self, about: "The page for an address the site does not have."),
    ] }
}
