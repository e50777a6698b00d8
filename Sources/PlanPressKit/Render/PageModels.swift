/// Typed page models (docs/performance.md, «Typed page models»): the fields of
/// a page as a struct, printed by the compiled renderer through `TemplateModel`.
/// Kinds not converted yet still build `[String: Any]` contexts; their common
/// part is `LayoutFields.dictionary` (`PageRenderer.base`).

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
struct MeasurePage: TemplateModel {
    /// Named as the templates name them; indices follow the layout's.
    enum Field: Int, CaseIterable {
        case level, number, printed_number, number_assigned, number_assigned_note, responsible_merged, responsible_printed_label, text_html
        case plan_title, plan_url, goal_path, has_goal_path, responsible_heading, responsible_printed
        case executors, has_executors, any_consent, consent_url, column_responsible, column_term, column_indicators, column_funding, term, indicators, has_indicators, results, has_results
        case funding, commentary, related_updates, pager, status, overdue, monitoring, citation
    }

    static let fields: [TemplateField] = LayoutFields.fields + Field.allCases.map { (field: Field) -> TemplateField in
        switch field {
        case .goal_path: return TemplateField("goal_path", .record(["level", "number", "title_html", "url"]))
        case .executors: return TemplateField("executors", .record(PageRenderer.executorRefShape.names))
        case .term: return TemplateField("term", .record(["printed", "stated", "value", "merged", "due", "due_iso", "next_due", "next_due_iso", "reading"]))
        case .responsible_merged: return TemplateField("responsible_merged", .record(PageRenderer.mergedCellKeys))
        case .indicators: return TemplateField("indicators", .record(["id", "number", "url", "html", "target"]))
        case .results: return TemplateField("results", .record(["html"]))
        case .funding: return TemplateField("funding", .record(["printed", "status", "status_label", "table"]))
        case .commentary: return TemplateField("commentary", .record(["title", "html"]))
        case .related_updates:
            return TemplateField("related_updates", .record(["heading", "items", "all_url", "feed_url", "feed_label"]))
        case .pager: return TemplateField("pager", .record(["previous", "next", "has_any"]))
        case .status: return TemplateField("status", .record(PageRenderer.badgesShape.names))
        case .citation: return TemplateField("citation", .record(["url", "label", "corrections", "has_corrections"]))
        // Periods, columns and report entries: not declared yet.
        case .monitoring: return TemplateField("monitoring", .open)
        default: return TemplateField("\(field)")
        }
    }

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

    func value(ofField index: Int) -> Any? {
        let layoutCount = LayoutFields.Field.allCases.count
        guard index >= layoutCount else { return layout.value(ofField: index) }
        switch Field(rawValue: index - layoutCount)! {
        case .level: return level
        case .number: return number
        case .printed_number: return opt(printedNumber)
        case .number_assigned: return numberAssigned
        case .number_assigned_note: return numberAssignedNote
        case .responsible_merged: return responsibleMerged
        case .responsible_printed_label: return responsiblePrintedLabel
        case .text_html: return textHTML
        case .plan_title: return planTitle
        case .plan_url: return planURL
        case .goal_path: return goalPath
        case .has_goal_path: return hasGoalPath
        case .responsible_heading: return responsibleHeading
        case .responsible_printed: return opt(responsiblePrinted)
        case .executors: return executors
        case .has_executors: return hasExecutors
        case .any_consent: return anyConsent
        case .consent_url: return consentURL
        case .column_responsible: return columns.responsible
        case .column_term: return columns.term
        case .column_indicators: return columns.indicators
        case .column_funding: return columns.funding
        case .term: return term
        case .indicators: return indicators
        case .has_indicators: return !indicators.isEmpty
        case .results: return results
        case .has_results: return !results.isEmpty
        case .funding: return funding
        case .commentary: return commentary
        case .related_updates: return relatedUpdates
        case .pager: return pager
        case .status: return status
        case .overdue: return overdue
        case .monitoring: return monitoring
        case .citation: return citation
        }
    }
}

extension TemplateRenderer {
    /// Binds the templates of every page kind to its typed model; returns the names they lack,
    /// a name in a template several kinds share (the layout, a partial) once.
    mutating func bindPageModels() -> [TemplateVocabulary.UnknownName] {
        var unknown: [TemplateVocabulary.UnknownName] = []
        var seen: Set<String> = []
        func add(_ names: [TemplateVocabulary.UnknownName]) {
            for name in names where seen.insert("\(name.template):\(name.line):\(name.name)").inserted { unknown.append(name) }
        }
        add(bind(MeasurePage.self, page: "measure"))
        for (model, page) in PageRenderer.pageModels { add(bindLayoutPage(model, page: page)) }
        return unknown
    }

    private mutating func bindLayoutPage<M: LayoutPageModel>(_ model: M.Type, page: String) -> [TemplateVocabulary.UnknownName] {
        bind(model, page: page)
    }
}

extension PageRenderer {
    /// Every page kind but the measure's, with its template.
    static var pageModels: [(any LayoutPageModel.Type, String)] { [
        (SearchPage.self, "search"), (GlossaryPage.self, "glossary"), (NotFoundPage.self, "not-found"),
        (MethodologyPage.self, "methodology"), (ReportsPage.self, "reports"), (YearPage.self, "year"),
        (ListsPage.self, "lists"), (UpdatesPage.self, "updates"), (UpdatePage.self, "update"),
        (SourcePage.self, "source"), (SourceNotesPage.self, "source-notes"), (TimelinePage.self, "timeline"),
        (OpenDataPage.self, "open-data"), (HomePage.self, "home"), (PlansPage.self, "plans"), (ExecutorsPage.self, "executors"),
        (ExecutorPage.self, "executor"), (UnansweredPage.self, "unanswered"),
        (GoalPage.self, "goal"), (IndicatorPage.self, "indicator"), (IndicatorValuesPage.self, "indicator-values"),
        (ReportPage.self, "report"), (PlanPage.self, "plan"), (PrintPage.self, "plan-print"),
    ] }
}
