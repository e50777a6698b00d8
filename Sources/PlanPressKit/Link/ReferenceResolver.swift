/// Turns `measure:<plan>/<number>` and friends into page URLs, or explains
/// why it cannot, with the closest existing ids.
struct ReferenceResolver {
    let plans: [PlanIndex]
    let planByID: [PlanID: Int]
    let executors: [ExecutorID: Executor]
    let updates: Set<String>
    var routes: Routes

    /// Everything a reference can resolve to, and the base URL links get: equal
    /// vocabularies resolve every link to the same URL or the same problem.
    var vocabulary: [String] {
        var words = [routes.basePath, routes.baseURL]
        for index in plans {
            words.append("plan \(index.plan.id)")
            words += index.goals.map(\.goal.id)
            words.append("measures")
            words += index.measures.map(\.measure.number)
            words.append("indicators")
            words += index.indicators.map(\.indicator.id)
        }
        words.append("executors")
        words += executors.keys.map(\.raw).sorted()
        words.append("updates")
        words += updates.sorted()
        return words
    }

    func page(for reference: ItemReference) -> PageID? {
        problem(with: reference) == nil ? PageID(reference) : nil
    }

    /// nil when the reference exists; otherwise why not, with the closest existing ids.
    func referenceProblem(with reference: ItemReference) -> ReferenceProblem? {
        func inPlan(_ plan: PlanID, _ check: (PlanIndex) -> ReferenceProblem?) -> ReferenceProblem? {
            guard let index = planByID[plan] else {
                return .noPlan(plan: plan.raw, suggestions: Suggestions.closest(to: plan.raw, in: planByID.keys.map(\.raw)))
            }
            return check(plans[index])
        }
        switch reference {
        case .plan(let plan):
            return inPlan(plan) { _ in nil }
        case .goal(let plan, let goal):
            return inPlan(plan) { index in
                index.goalByID[goal] != nil ? nil
                    : .noGoal(plan: plan.raw, goal: goal, suggestions: Suggestions.closest(to: goal, in: index.goalByID.keys))
            }
        case .measure(let plan, let number):
            return inPlan(plan) { index in
                index.measureByNumber[number] != nil ? nil
                    : .noMeasure(plan: plan.raw, number: number, suggestions: Suggestions.closest(to: number, in: index.measureByNumber.keys))
            }
        case .indicator(let plan, let id):
            return inPlan(plan) { index in
                index.indicatorByID[id] != nil ? nil
                    : .noIndicator(plan: plan.raw, indicator: id, suggestions: Suggestions.closest(to: id, in: index.indicatorByID.keys))
            }
        case .executor(let id):
            return executors[id] != nil ? nil
                : .noExecutor(executor: id.raw, suggestions: Suggestions.closest(to: id.raw, in: executors.keys.map(\.raw)))
        case .update(let slug):
            return updates.contains(slug) ? nil : .unpublishedUpdate(slug: slug, suggestions: Suggestions.closest(to: slug, in: updates))
        }
    }

    /// The problem in English ("but … does not exist (did you mean …)"), for messages not yet in the catalogue.
    func problem(with reference: ItemReference) -> String? { referenceProblem(with: reference)?.text(.en) }

    /// For Markdown links: plan-item schemes are resolved, anything else is kept.
    func resolveLink(_ url: String, defaultPlan: PlanID?) -> Markdown.LinkResolution {
        guard let colon = url.firstIndex(of: ":"), ItemReference.schemes.contains(String(url[..<colon])) else { return .keep }
        guard let reference = ItemReference(parsing: url, defaultPlan: defaultPlan) else {
            return .unknown(.linkNotAReference(url: url))
        }
        if let problem = referenceProblem(with: reference) {
            return .unknown(.linkToMissingItem(url: url, reference: "\(reference)", problem: problem))
        }
        return .replace(routes.path(for: PageID(reference)))
    }
}

extension PageID {
    init(_ reference: ItemReference) {
        switch reference {
        case .plan(let p): self = .plan(p)
        case .goal(let p, let g): self = .goal(p, g)
        case .measure(let p, let m): self = .measure(p, m)
        case .indicator(let p, let i): self = .indicator(p, i)
        case .executor(let e): self = .executor(e)
        case .update(let u): self = .update(u)
        }
    }
}
