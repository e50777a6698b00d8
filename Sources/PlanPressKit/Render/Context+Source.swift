/// What both source pages link: the plan, the text page, the notes, the text file and the original document.
struct SourceLinks {
    var planTitle, planURL, sourcePageURL: String
    var notesURL: String?
    var downloadURL: String
    /// The original document's link, type and size, or `false`.
    var original: Any

    static func fields<Page>(_ get: @escaping @Sendable (Page) -> SourceLinks) -> [PageField<Page>] {
        [
            PageField("plan_title") { get($0).planTitle },
            PageField("plan_url") { get($0).planURL },
            PageField("source_page_url") { get($0).sourcePageURL },
            PageField("notes_url") { opt(get($0).notesURL) },
            PageField("download_url") { get($0).downloadURL },
            PageField("original", .record(["url", "type", "size"])) { get($0).original },
        ]
    }
}

/// `/plans/<plan>/source/` (`source.mustache`).
struct SourcePage: LayoutPageModel {
    var layout: LayoutFields
    var links: SourceLinks
    var lines: [Context] = []
    var lineCount = ""

    static let pageFields: [PageField<SourcePage>] = SourceLinks.fields { $0.links } + [
        PageField("lines", .record(["number", "cells", "page_header", "header_start", "items"])) { $0.lines },
        PageField("line_count") { $0.lineCount },
    ]
}

/// `/plans/<plan>/source/notes/` (`source-notes.mustache`).
struct SourceNotesPage: LayoutPageModel {
    var layout: LayoutFields
    var links: SourceLinks
    var notesHTML = ""
    var ukOnly = false

    static let pageFields: [PageField<SourceNotesPage>] = SourceLinks.fields { $0.links } + [
        PageField("notes_html") { $0.notesHTML },
        PageField("notes_uk_only") { $0.ukOnly },
    ]
}

/// `/plans/<plan>/source/`: the plan's source text, one anchored line per
/// source line (`#L120`), tab-separated cells shown as cells, page-break
/// header rows marked; and `/plans/<plan>/source/notes/`: how it was read.
extension PageRenderer {
    /// The source pages a plan has: the text page when it names a source file,
    /// the notes page when `Content/sources/<plan>.md` exists.
    static func sourcePages(_ plan: Plan, graph: SiteGraph) -> [PageID] {
        guard let source = plan.source, SourceNotes.isSourceText(source), graph.site.sourceFiles[source] != nil else { return [] }
        return graph.sourceNotes[plan.id] == nil ? [.planSourceText(plan.id)] : [.planSourceText(plan.id), .planSourceNotes(plan.id)]
    }

    func sourcePage(_ p: Int) -> SourcePage {
        let plan = graph.plans[p].plan
        var page = SourcePage(layout: layout(page: .planSourceText(plan.id), title: "\(t("source_page")) — \(planTitle(plan))",
                                             description: plan.title, breadcrumbs: planCrumbs(p) + [(t("source_page"), nil)]),
                              links: sourceLinks(plan))
        let document = SourceDocument(plan.source.flatMap { graph.site.sourceFiles[$0] } ?? "")
        let starts = citedItems(p)
        var lines: [Context] = []
        lines.reserveCapacity(document.count)
        for number in 1...max(document.count, 1) where number <= document.count {
            let header = document.isPageHeader[number - 1]
            let cells = document.line(number).utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            lines.append([
                "number": number,
                "cells": cells.enumerated().map { k, cell in ["text": String(cell), "boundary": k > 0] as Context },
                "page_header": header,
                "header_start": header && (number == 1 || !document.isPageHeader[number - 2]),
                "items": starts[number] ?? [],
            ])
        }
        page.lines = lines
        page.lineCount = count(document.count, "source_lines_count")
        return page
    }

    /// Line → the goals and measures whose citation starts there, as links («→ Захід 1.1»).
    private func citedItems(_ p: Int) -> [Int: [Context]] {
        let index = graph.plans[p]
        var starts: [Int: [Context]] = [:]
        for (g, node) in index.goals.enumerated() {
            guard let citation = node.goal.citation, citation.isCited else { continue }
            starts[citation.firstLine, default: []].append(
                ["label": "\(levelName(index.level(of: g))) \(node.goal.number)", "url": routes.path(for: .goal(index.plan.id, node.goal.id))])
        }
        for node in index.measures {
            guard let citation = node.measure.citation, citation.isCited else { continue }
            starts[citation.firstLine, default: []].append(
                ["label": "\(levelName(index.plan.measureLevel)) \(node.measure.number)", "url": routes.path(for: .measure(index.plan.id, node.measure.number))])
        }
        return starts
    }

    func sourceNotesPage(_ p: Int) -> SourceNotesPage {
        let plan = graph.plans[p].plan
        var page = SourceNotesPage(layout: layout(page: .planSourceNotes(plan.id), title: "\(t("source_notes")) — \(planTitle(plan))",
                                                  description: plan.title,
                                                  breadcrumbs: planCrumbs(p) + [(t("source_page"), .planSourceText(plan.id)), (t("source_notes"), nil)]),
                                   links: sourceLinks(plan))
        // The page's own language when the notes exist in it; otherwise the Ukrainian notes, marked
        // (lang="uk") and introduced by a sentence saying they exist only in Ukrainian.
        let translated: String? = switch language {
        case PageRenderer.contentLanguage: graph.sourceNotes[plan.id]
        case "en": graph.englishSourceNotes[plan.id]
        default: nil
        }
        page.notesHTML = translated ?? graph.sourceNotes[plan.id] ?? ""
        page.ukOnly = translated == nil && language != PageRenderer.contentLanguage
        return page
    }

    private func sourceLinks(_ plan: Plan) -> SourceLinks {
        SourceLinks(
            planTitle: plan.shortTitle,
            planURL: routes.path(for: .plan(plan.id)),
            sourcePageURL: routes.path(for: .planSourceText(plan.id)),
            notesURL: graph.sourceNotes[plan.id] == nil ? nil : routes.path(for: .planSourceNotes(plan.id)),
            downloadURL: routes.asset(routes.relativePath(for: .planSource(plan.id))),
            original: graph.site.original(of: plan.id).map { original -> Context in
                ["url": routes.asset("sources/" + original.name), "type": String(original.name.split(separator: ".").last ?? "").uppercased(),
                 "size": fileSize(original.bytes.count)]
            } ?? false)
    }

    static let citationKeys = ["url", "label", "corrections", "has_corrections"]

    /// «у документі: рядки 120–131», linked to the first cited line; nil when not cited.
    func citationContext(_ citation: Citation?, plan: PlanID) -> Any {
        guard let citation, citation.isCited else { return false }
        let single = citation.ranges.count == 1 && citation.ranges[0].count == 1
        let corrections: [Context] = citation.corrections.map { c in
            ["printed": c.printed, "published": opt(c.published.isEmpty ? nil : c.published), "why": c.why]
        }
        return [
            "url": routes.sourceLine(plan, line: citation.firstLine),
            "label": fill(single ? "cited_line" : "cited_lines", ["lines": citation.display]),
            "corrections": corrections,
            "has_corrections": !corrections.isEmpty,
        ] as Context
    }
}
