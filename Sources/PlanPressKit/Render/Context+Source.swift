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

    func sourceContext(_ p: Int) -> Context {
        let plan = graph.plans[p].plan
        var context = base(page: .planSourceText(plan.id), title: "\(t("source_page")) — \(planTitle(plan))",
                           description: plan.title, breadcrumbs: planCrumbs(p) + [(t("source_page"), nil)])
        context.merge(sourceLinks(plan)) { _, new in new }
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
        context["lines"] = lines
        context["line_count"] = count(document.count, "source_lines_count")
        return context
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

    func sourceNotesContext(_ p: Int) -> Context {
        let plan = graph.plans[p].plan
        var context = base(page: .planSourceNotes(plan.id), title: "\(t("source_notes")) — \(planTitle(plan))",
                           description: plan.title,
                           breadcrumbs: planCrumbs(p) + [(t("source_page"), .planSourceText(plan.id)), (t("source_notes"), nil)])
        context.merge(sourceLinks(plan)) { _, new in new }
        // The page's own language when the notes exist in it; otherwise the Ukrainian notes, marked
        // (lang="uk") and introduced by a sentence saying they exist only in Ukrainian.
        let translated: String? = switch language {
        case PageRenderer.contentLanguage: graph.sourceNotes[plan.id]
        case "en": graph.englishSourceNotes[plan.id]
        default: nil
        }
        context["notes_html"] = translated ?? graph.sourceNotes[plan.id] ?? ""
        context["notes_uk_only"] = translated == nil && language != PageRenderer.contentLanguage
        return context
    }

    private func sourceLinks(_ plan: Plan) -> Context {
        [
            "plan_title": plan.shortTitle,
            "plan_url": routes.path(for: .plan(plan.id)),
            "source_page_url": routes.path(for: .planSourceText(plan.id)),
            "notes_url": opt(graph.sourceNotes[plan.id] == nil ? nil : routes.path(for: .planSourceNotes(plan.id))),
            "download_url": routes.asset(routes.relativePath(for: .planSource(plan.id))),
            "original": graph.site.original(of: plan.id).map { original -> Context in
                ["url": routes.asset("sources/" + original.name), "type": String(original.name.split(separator: ".").last ?? "").uppercased(),
                 "size": fileSize(original.bytes.count)]
            } ?? false,
        ]
    }

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
