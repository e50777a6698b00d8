/// The pages an edit can change: what each page kind shows, written down
/// once. A page is listed when any item it prints changed — its own item,
/// a list it shows, a neighbour it links by title, a sum or count it states.
/// The rebuild test (`IncrementalBuildTests`) checks that rendering only
/// these pages gives the same site, byte for byte, as a full build.
enum AffectedPages {
    /// nil: the edit reaches everything (downloads whose printed size changed on many pages).
    static func pages(for changes: SiteChanges, old: SiteGraph, new: SiteGraph,
                      oldData: OpenDataCatalog, newData: OpenDataCatalog) -> Set<PageID>? {
        var pages: Set<PageID> = [.home, .plans, .executors, .glossary, .notFound, .openData, .search, .methodology]
        var plans = changes.plans, textOnlyPlans = changes.textOnlyPlans
        var executors = changes.executors
        var updates: Set<String> = []

        // Printed download sizes: per-plan files show on the plan's goal pages and
        // (the measure × executor table) on its executors' pages; site-wide files on every goal page.
        let oldSizes = Dictionary(oldData.downloads.map { ($0.path, OpenDataCatalog.displaySize($0.size)) }) { a, _ in a }
        for download in newData.downloads where oldSizes[download.path].map({ $0 != OpenDataCatalog.displaySize(download.size) }) ?? true {
            guard let planID = download.plan, let p = new.planByID[planID] else { return nil }
            plans.insert(p)
            textOnlyPlans.remove(p)
            pages.formUnion(new.plans[p].goals.map { .goal(planID, $0.goal.id) })
            if download.table == "measure-executors" {
                for node in new.plans[p].measures {
                    executors.formUnion((node.measure.responsible?.assignments ?? []).map(\.executor))
                }
            }
        }

        for key in changes.measures where changes.textOnlyMeasures.contains(key) {
            // Only the text, and no excerpt of it: the pages printing it whole (the print version and
            // report pages follow the plan, below).
            for graph in [old, new] {
                let id = graph.plans[key.plan].plan.id, number = graph.plans[key.plan].measures[key.measure].measure.number
                pages.insert(.measure(id, number))
                updates.formUnion(related(.measure(id, number), graph))
            }
            plans.insert(key.plan)
        }
        for key in changes.measures where !changes.textOnlyMeasures.contains(key) {
            for graph in [old, new] {
                let index = graph.plans[key.plan], id = index.plan.id, node = index.measures[key.measure]
                pages.insert(.measure(id, node.measure.number))
                // Siblings link this one by title (previous/next).
                let siblings = node.goal.map { index.goals[$0].directMeasures } ?? index.rootMeasures
                pages.formUnion(siblings.map { .measure(id, index.measures[$0].measure.number) })
                var goal = node.goal
                while let g = goal {
                    pages.insert(.goal(id, index.goals[g].goal.id))
                    goal = index.goals[g].parent
                }
                pages.formUnion(node.indicators.map { .indicator(id, index.indicators[$0].indicator.id) })
                if changes.ownMeasures.contains(key) { pages.formUnion(PageRenderer.valuePages(key.plan, node.indicators, graph: graph)) }
                executors.formUnion((node.measure.responsible?.assignments ?? []).map(\.executor))
                updates.formUnion(related(.measure(id, node.measure.number), graph))
                for i in node.indicators { updates.formUnion(related(.indicator(id, index.indicators[i].indicator.id), graph)) }
            }
            if !changes.ownMeasures.contains(key) { pages.formUnion(changedValuePages(key, old: old, new: new)) }
            plans.insert(key.plan)
        }

        for key in changes.goals {
            for graph in [old, new] {
                let index = graph.plans[key.plan], id = index.plan.id, node = index.goals[key.goal]
                // The goal's title shows on its subtree's pages, its parent's and its siblings'.
                var goal: Int? = key.goal
                while let g = goal {
                    pages.insert(.goal(id, index.goals[g].goal.id))
                    goal = index.goals[g].parent
                }
                let siblings = node.parent.map { index.goals[$0].children } ?? index.topGoals
                pages.formUnion(siblings.map { .goal(id, index.goals[$0].goal.id) })
                var stack = node.children
                while let g = stack.popLast() {
                    pages.insert(.goal(id, index.goals[g].goal.id))
                    stack += index.goals[g].children
                }
                for m in node.subtree {
                    let measure = index.measures[m]
                    pages.insert(.measure(id, measure.measure.number))
                    pages.formUnion(measure.indicators.map { .indicator(id, index.indicators[$0].indicator.id) })
                    pages.formUnion(PageRenderer.valuePages(key.plan, measure.indicators, graph: graph))
                    executors.formUnion((measure.measure.responsible?.assignments ?? []).map(\.executor))
                }
                updates.formUnion(related(.goal(id, node.goal.id), graph))
            }
            plans.insert(key.plan)
        }

        for p in plans where textOnlyPlans.contains(p) {
            let id = new.plans[p].plan.id
            pages.insert(.planPrint(id))
            pages.formUnion(reportPages(p, old: old, new: new))
        }
        plans.subtract(textOnlyPlans)
        for p in plans {
            let id = new.plans[p].plan.id
            pages.formUnion([.plan(id), .planPrint(id), .planTimeline(id)])
            pages.formUnion(PageRenderer.sourcePages(new.plans[p].plan, graph: new))
            updates.formUnion(related(.plan(id), old).union(related(.plan(id), new)))
        }
        for p in changes.notes {
            // Both languages' notes pages (a page renders both); when the Ukrainian notes came or went,
            // also the pages that link to the notes page.
            let plan = new.plans[p].plan
            pages.formUnion(PageRenderer.sourcePages(plan, graph: old) + PageRenderer.sourcePages(plan, graph: new))
            if (old.sourceNotes[plan.id] == nil) != (new.sourceNotes[plan.id] == nil) { pages.insert(.plan(plan.id)) }
        }
        for executor in executors {
            if new.executors[executor] != nil { pages.insert(.executor(executor)) }
            updates.formUnion(related(.executor(executor), old).union(related(.executor(executor), new)))
        }
        if changes.updates {
            // Titles, dates and order show on every update page and the lists.
            updates.formUnion(old.updates.map(\.slug))
            updates.formUnion(new.updates.map(\.slug))
            let count = max(PageRenderer.updatePageCount(old.updates.count), PageRenderer.updatePageCount(new.updates.count))
            pages.formUnion((1...max(1, count)).map { .updates(page: $0) })
        }
        pages.formUnion(updates.map { .update($0) })
        listPages(for: changes, plans: plans, executors: executors, old: old, new: new, into: &pages)
        return pages
    }

    /// Monitoring pages that follow the pages above: a goal's, plan's or executor's
    /// list page shows what its page counts; report pages and the index show
    /// their plan's measures; a year page shows the measures falling due in it.
    private static func listPages(for changes: SiteChanges, plans: Set<Int>, executors: Set<ExecutorID>,
                                  old: SiteGraph, new: SiteGraph, into pages: inout Set<PageID>) {
        for case .goal(let plan, let goal) in pages { pages.insert(.lists(.goal(plan, goal))) }
        for p in plans {
            let id = new.plans[p].plan.id
            pages.formUnion([.lists(.plan(id)), .reports])
            pages.formUnion(reportPages(p, old: old, new: new))
        }
        for executor in executors where new.involvements[executor] != nil { pages.insert(.lists(.executor(executor))) }
        if !plans.isEmpty || !executors.isEmpty {
            // A body's «Без відповіді» page follows every report that asks it or answers it.
            for graph in [old, new] {
                for body in graph.monitoring.replyRequests().keys where new.executors[body] != nil {
                    pages.formUnion([.unanswered(body), .executor(body)])
                }
            }
        }
        for key in changes.measures where !changes.textOnlyMeasures.contains(key) {
            for graph in [old, new] {
                let years = graph.plans[key.plan].measures[key.measure].measure.term.reading.dueDates.map(\.year)
                pages.formUnion(years.map { .year($0) })
            }
        }
    }

    /// A measure changed only by reports: of each long value series of its indicators, the value pages
    /// whose rows print differently. A changed number of values moves every page's range and pager:
    /// then all of them. (One edited value in a 4,000-value series: one page of 20, in both languages.)
    private static func changedValuePages(_ key: SiteGraph.MeasureKey, old: SiteGraph, new: SiteGraph) -> [PageID] {
        let index = new.plans[key.plan]
        var pages: [PageID] = []
        for i in index.measures[key.measure].indicators {
            let series = Monitoring.IndicatorKey(plan: key.plan, indicator: i)
            let before = old.monitoring.values[series] ?? [], after = new.monitoring.values[series] ?? []
            guard before.count == after.count else {
                pages += PageRenderer.valuePages(key.plan, [i], graph: old) + PageRenderer.valuePages(key.plan, [i], graph: new)
                continue
            }
            let conflictsBefore = old.monitoring.conflictingDates(series), conflictsAfter = new.monitoring.conflictingDates(series)
            // What a row prints (`PageRenderer.valueRow`) and its conflict mark.
            func printedAlike(_ n: Int) -> Bool {
                let a = before[n], b = after[n]
                return a.reporter == b.reporter && a.value.date == b.value.date && a.value.value == b.value.value
                    && a.value.unit == b.value.unit && a.value.note == b.value.note && a.value.breakdown == b.value.breakdown
                    && old.site.reports[a.report].period == new.site.reports[b.report].period
                    && conflictsBefore.contains(a.value.date) == conflictsAfter.contains(b.value.date)
            }
            for page in 0..<PageRenderer.valuePageCount(after.count) {
                let rows = page * PageRenderer.valuesPerPage..<min((page + 1) * PageRenderer.valuesPerPage, after.count)
                if !rows.allSatisfy(printedAlike) {
                    pages.append(.indicatorValues(index.plan.id, index.indicators[i].indicator.id, page: page + 1))
                }
            }
        }
        return pages
    }

    /// The plan's report pages, before and after the edit (each prints its measures' texts).
    private static func reportPages(_ p: Int, old: SiteGraph, new: SiteGraph) -> [PageID] {
        [old, new].flatMap { graph in (graph.monitoring.reportsByPlan[p] ?? []).map { .report(graph.site.reports[$0].id) } }
    }

    private static func related(_ reference: ItemReference, _ graph: SiteGraph) -> Set<String> {
        Set((graph.updatesByItem[reference] ?? []).map { graph.updates[$0].slug })
    }
}
