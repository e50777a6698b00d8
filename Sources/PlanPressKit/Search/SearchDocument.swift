import Foundation

/// One thing the search can find: a plan, measure, goal, indicator, executor, update or monitoring report.
/// Another kind of page joins the search with a case here, a collecting function in
/// `SearchDocuments` and its name in the locales (`search_kind_<kind>`); see docs/search.md.
public struct SearchDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case plan, measure, goal, indicator, executor, update, report
    }

    public var kind: Kind
    /// Index into `SiteGraph.plans`, nil for executors and updates.
    public var plan: Int?
    /// What the result is called: «Захід 1.2», «Стратегічна ціль 1. …», an
    /// executor's name, an update's title; for an indicator only its number
    /// (the page puts the localised word «Показник» in front).
    public var heading: String
    /// Text for the snippet.
    public var text: String
    /// URL relative to the interface language's root (`plans/x/measures/1.2/`).
    public var path: String
    /// Weighted text: (text, weight). Level names and headings weigh more than body text.
    public var fields: [(String, Int)]
    /// The item's own numbers («13.4», «6.3-1»): a query for one puts this item first.
    public var numbers: [String] = []
    /// For goals and measures: the depth of its level in the plan's `levels` (the
    /// page names it in the interface language), its number and printed term.
    public var level: Int = -1
    public var number: String = ""
    public var term: String = ""

    public static func == (a: SearchDocument, b: SearchDocument) -> Bool {
        a.kind == b.kind && a.plan == b.plan && a.heading == b.heading && a.path == b.path && a.text == b.text
            && a.level == b.level && a.number == b.number && a.term == b.term && a.numbers == b.numbers
    }

    /// The same bytes in everything a chunk file prints (cheaper than `==` on Cyrillic text).
    func isSame(as other: SearchDocument) -> Bool {
        kind == other.kind && plan == other.plan && heading.hasSameBytes(as: other.heading)
            && path.hasSameBytes(as: other.path) && text.hasSameBytes(as: other.text)
            && level == other.level && number.hasSameBytes(as: other.number) && term.hasSameBytes(as: other.term)
    }
}

/// Collects the search documents of a linked site, in a fixed order: plans in
/// site order (the plan, its goals, measures, indicators), then executors, updates and reports.
public enum SearchDocuments {
    static let levelWeight = 8, headingWeight = 4, textWeight = 1

    public static func collect(_ graph: SiteGraph) -> [SearchDocument] {
        let routes = Routes(baseURL: "/")
        var documents: [SearchDocument] = []
        for (p, index) in graph.plans.enumerated() {
            documents.append(plan(index, plan: p, graph: graph, routes: routes))
            documents += goals(index, plan: p, routes: routes)
            documents += measures(index, plan: p, graph: graph, routes: routes)
            documents += indicators(index, plan: p, routes: routes)
        }
        documents += executors(graph, routes: routes)
        documents += updates(graph, routes: routes)
        documents += reports(graph, routes: routes)
        return documents
    }

    /// A monitoring report, found by its title, reporter, summary and every narrative it gives.
    static func reports(_ graph: SiteGraph, routes: Routes) -> [SearchDocument] {
        graph.monitoring.reportsByPlan.keys.sorted().flatMap { p in
            (graph.monitoring.reportsByPlan[p] ?? []).map { r in
                let report = graph.site.reports[r]
                let narratives = report.measures.compactMap { $0.narrative.map { plainText(markdown: $0) } }
                let heading = report.title ?? "\(report.reporter.name), \(report.period.code)"
                return SearchDocument(kind: .report, plan: p, heading: heading, text: report.summary ?? narratives.first ?? "",
                                      path: routes.relativePath(for: .report(report.id)),
                                      fields: [(heading, headingWeight), (report.reporter.name, headingWeight),
                                               (([report.summary ?? ""] + narratives).joined(separator: "\n"), textWeight)])
            }
        }
    }

    /// The plan itself: its titles, kind of document, issuer, period and vision.
    static func plan(_ index: PlanIndex, plan p: Int, graph: SiteGraph, routes: Routes) -> SearchDocument {
        let plan = index.plan
        // The issuer as the document names it (and the registry body the site identifies it with).
        let body = plan.issuer?.printed == nil ? nil : plan.issuer?.executor.flatMap { graph.executors[$0] }
        let issuer = ([plan.issuer?.printed ?? ""] + (body.map { [$0.name, $0.short ?? ""] } ?? [])).joined(separator: " ")
        let period = [plan.period.from, plan.period.to].compactMap { $0 }.map(String.init).joined(separator: " ")
        return SearchDocument(kind: .plan, plan: p, heading: plan.shortTitle, text: plan.title,
                              path: routes.relativePath(for: .plan(plan.id)),
                              fields: [(plan.shortTitle, headingWeight), (plan.title, headingWeight),
                                       ([plan.documentKind ?? "", issuer, period, plan.vision ?? ""].joined(separator: "\n"), textWeight)])
    }

    static func goals(_ index: PlanIndex, plan p: Int, routes: Routes) -> [SearchDocument] {
        index.goals.indices.map { g in
            let goal = index.goals[g].goal
            let level = index.level(of: g).name
            return SearchDocument(kind: .goal, plan: p, heading: "\(level) \(goal.number). \(goal.title)", text: goal.title,
                                  path: routes.relativePath(for: .goal(index.plan.id, goal.id)),
                                  fields: [(level, levelWeight), (goal.title, headingWeight)], numbers: [goal.number],
                                  level: goal.depth, number: goal.number)
        }
    }

    static func measures(_ index: PlanIndex, plan p: Int, graph: SiteGraph, routes: Routes) -> [SearchDocument] {
        index.measures.map { node in
            let measure = node.measure
            let level = index.plan.measureLevel.name
            let executors = (measure.responsible?.assignments ?? []).compactMap { graph.executors[$0.executor] }
                .map { [$0.name, $0.short ?? ""].joined(separator: " ") }
            var fields: [(String, Int)] = [(level, levelWeight), (measure.text, headingWeight)]
            fields.append(((measure.results + [measure.responsible?.printed ?? ""] + executors).joined(separator: "\n"), textWeight))
            return SearchDocument(kind: .measure, plan: p, heading: "\(level) \(measure.numberAssigned ? "[\(measure.number)]" : measure.number)", text: measure.text,
                                  path: routes.relativePath(for: .measure(index.plan.id, measure.number)), fields: fields,
                                  numbers: [measure.number], level: index.plan.levels.count - 1, number: measure.number, term: measure.term.printed ?? "")
        }
    }

    static func indicators(_ index: PlanIndex, plan p: Int, routes: Routes) -> [SearchDocument] {
        index.indicators.map { node in
            let indicator = node.indicator
            return SearchDocument(kind: .indicator, plan: p, heading: indicator.id, text: indicator.text,
                                  path: routes.relativePath(for: .indicator(index.plan.id, indicator.id)),
                                  fields: [(indicator.text, headingWeight), (indicator.target?.printed ?? "", textWeight)],
                                  numbers: [indicator.id])
        }
    }

    static func executors(_ graph: SiteGraph, routes: Routes) -> [SearchDocument] {
        graph.executorOrder.compactMap { id in
            guard let executor = graph.executors[id] else { return nil }
            let names = ([executor.short ?? ""] + executor.aliases).filter { !$0.isEmpty }
            return SearchDocument(kind: .executor, plan: nil, heading: executor.name, text: names.joined(separator: "; "),
                                  path: routes.relativePath(for: .executor(id)),
                                  fields: nameFields([executor.name] + names + [executor.englishName ?? ""]))
        }
    }

    /// Each name of a body a field of its own (a synonym that is a whole name weighs as the name),
    /// once: aliases that differ from the name only in punctuation («голови – уповноважена»,
    /// «голови-уповноважена») would count its words again.
    static func nameFields(_ names: [String]) -> [(String, Int)] {
        var seen = Set<[String]>()
        return names.filter { seen.insert(SearchText.words($0)).inserted }.map { ($0, headingWeight) }
    }

    static func updates(_ graph: SiteGraph, routes: Routes) -> [SearchDocument] {
        graph.updates.map { update in
            let body = plainText(markdown: update.markdown)
            return SearchDocument(kind: .update, plan: nil, heading: update.title, text: update.summary ?? body,
                                  path: routes.relativePath(for: .update(update.slug)),
                                  fields: [(update.title, headingWeight), (update.summary ?? "", textWeight),
                                           (body, textWeight), (update.tags.joined(separator: " "), textWeight)])
        }
    }

    /// Markdown as readable text for snippets: link targets, emphasis and heading marks removed.
    static func plainText(markdown: String) -> String {
        // `](target)` → `]` (as the regex `\]\([^)]*\)`), then the marks `*_#>[]`` go and
        // whitespace runs become single spaces: one pass over the scalars.
        let input = Array(markdown.unicodeScalars)
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        var i = 0
        while i < input.count {
            let scalar = input[i]
            if scalar == "]", i + 1 < input.count, input[i + 1] == "(",
               let close = input[(i + 2)...].firstIndex(of: ")") {
                i = close + 1
                continue
            }
            i += 1
            switch scalar {
            case "*", "_", "#", ">", "[", "]", "`": continue
            default: break
            }
            if ScalarKind.isWhitespace(scalar) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(scalar)
        }
        return String(output)
    }
}
