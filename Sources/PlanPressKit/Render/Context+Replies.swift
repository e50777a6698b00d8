/// The right of reply on pages: a body's page of assessments it was asked to
/// answer («Без відповіді»), and a report's entries that only reply
/// (docs/monitoring.md, *Right of reply*).
/// The assessments that asked an executor for an answer (`unanswered.mustache`): those still awaiting it, those answered.
struct UnansweredPage: LayoutPageModel {
    var layout: LayoutFields
    var ownerTitle = "", ownerURL = "", intro = "", awaitedCount = "", answeredCount = ""
    var awaited: [Context] = [], answered: [Context] = []

    static let pageFields: [PageField<UnansweredPage>] = [
        PageField("owner_title") { $0.ownerTitle },
        PageField("owner_url") { $0.ownerURL },
        PageField("intro") { $0.intro },
        PageField("awaited", .open) { $0.awaited },
        PageField("has_awaited") { !$0.awaited.isEmpty },
        PageField("awaited_count") { $0.awaitedCount },
        PageField("answered", .open) { $0.answered },
        PageField("has_answered") { !$0.answered.isEmpty },
        PageField("answered_count") { $0.answeredCount },
    ]
}

extension PageRenderer {
    /// Bodies some report asked for a reply, in registry order: each has an «unanswered» page.
    func askedBodies() -> [ExecutorID] {
        let asked = graph.monitoring.replyRequests()
        return graph.executorOrder.filter { asked[$0] != nil }
    }

    /// The executor page's link to its «Без відповіді» page, with the number still awaited.
    func unansweredLink(_ id: ExecutorID) -> Any {
        guard let requests = graph.monitoring.replyRequests()[id] else { return false }
        let awaited = requests.filter { graph.monitoring.awaitsReply($0.entry, $0.key, reports: graph.site.reports) }.count
        return ["url": routes.path(for: .unanswered(id)),
                "text": fill("unanswered_count", ["count": count(awaited, "count_assessments"), "total": "\(requests.count)"])] as Context
    }

    func unansweredPage(_ id: ExecutorID) -> UnansweredPage {
        let executor = graph.executors[id]!
        let title = "\(t("unanswered_heading")) — \(executor.displayName)"
        var page = UnansweredPage(layout: layout(page: .unanswered(id), title: title,
                                                 breadcrumbs: [(t("nav_home"), .home), (t("executors_heading"), .executors),
                                                               (executor.displayName, .executor(id)), (t("unanswered_heading"), nil)]))
        page.ownerTitle = executor.name
        page.ownerURL = routes.path(for: .executor(id))
        let requests = graph.monitoring.replyRequests()[id] ?? []
        let awaited = requests.filter { graph.monitoring.awaitsReply($0.entry, $0.key, reports: graph.site.reports) }
        let answered = requests.filter { !graph.monitoring.awaitsReply($0.entry, $0.key, reports: graph.site.reports) }
        func item(_ request: (key: SiteGraph.MeasureKey, entry: Monitoring.StatusEntry)) -> Context {
            var item = entryContext(request.entry, request.key)
            item["measure"] = measureItem(request.key)
            item["period"] = periodLabel(request.entry.period)
            return item
        }
        page.intro = fill("unanswered_intro", ["body": executor.displayName])
        page.awaited = awaited.map(item)
        page.awaitedCount = count(awaited.count, "count_assessments")
        page.answered = answered.map(item)
        page.answeredCount = count(answered.count, "count_assessments")
        return page
    }

    /// A report's entries that answer another report without a status of their own.
    func reportReplies(_ r: Int) -> [Context] {
        let report = graph.site.reports[r]
        guard let p = graph.planByID[report.plan] else { return [] }
        let index = graph.plans[p]
        return report.measures.compactMap { status -> Context? in
            guard status.status == nil, let m = index.measureByNumber[status.measure] else { return nil }
            let key = SiteGraph.MeasureKey(plan: p, measure: m)
            guard let reply = graph.monitoring.reply(report: r, key) else { return nil }
            var item = replyContext(reply)
            let answered = graph.site.reports[reply.answers]
            item["measure"] = measureItem(key)
            item["answers"] = ["text": fill("reply_answers", ["reporter": answered.reporter.name]),
                               "url": routes.path(for: .report(answered.id)) + "#measure-\(status.measure)"] as Context
            return item
        }
    }
}
