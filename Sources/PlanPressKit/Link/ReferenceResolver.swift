/// Turns `measure:<plan>/<number>` and friends into page URLs, or explains
/// why it cannot, with the closest existing ids.
struct ReferenceResolver {
    let plans: [PlanIndex]
    let planByID: [PlanID: Int]
    let executors: [ExecutorID: Executor]
    let updates: Set<String>
    let routes: Routes

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

    /// nil when the reference exists; otherwise "but … does not exist (did you mean …)".
    func problem(with reference: ItemReference) -> String? {
        func inPlan(_ plan: PlanID, _ check: (PlanIndex) -> String?) -> String? {
            guard let index = planByID[plan] else {
                return "but plan '\(plan)' does not exist\(Suggestions.hint(for: plan.raw, in: planByID.keys.map(\.raw)))"
            }
            return check(plans[index])
        }
        switch reference {
        case .plan(let plan):
            return inPlan(plan) { _ in nil }
        case .goal(let plan, let goal):
            return inPlan(plan) { index in
                index.goalByID[goal] != nil ? nil
                    : "but plan '\(plan)' has no goal '\(goal)'\(Suggestions.hint(for: goal, in: index.goalByID.keys))"
            }
        case .measure(let plan, let number):
            return inPlan(plan) { index in
                index.measureByNumber[number] != nil ? nil
                    : "but plan '\(plan)' has no measure \(number)\(Suggestions.hint(for: number, in: index.measureByNumber.keys))"
            }
        case .indicator(let plan, let id):
            return inPlan(plan) { index in
                index.indicatorByID[id] != nil ? nil
                    : "but plan '\(plan)' has no indicator '\(id)'\(Suggestions.hint(for: id, in: index.indicatorByID.keys))"
            }
        case .executor(let id):
            return executors[id] != nil ? nil
                : "but executor '\(id)' does not exist\(Suggestions.hint(for: id.raw, in: executors.keys.map(\.raw)))"
        case .update(let slug):
            return updates.contains(slug) ? nil
                : "but update '\(slug)' is not published (no such file, a draft, or dated after as_of)\(Suggestions.hint(for: slug, in: updates))"
        }
    }

    /// For Markdown links: plan-item schemes are resolved, anything else is kept.
    func resolveLink(_ url: String, defaultPlan: PlanID?) -> Markdown.LinkResolution {
        guard let colon = url.firstIndex(of: ":"), ItemReference.schemes.contains(String(url[..<colon])) else { return .keep }
        guard let reference = ItemReference(parsing: url, defaultPlan: defaultPlan) else {
            return .unknown("link '\(url)' is not a valid item reference; write e.g. measure:<plan>/<number>")
        }
        if let problem = problem(with: reference) { return .unknown("link '\(url)' points to \(reference), \(problem)") }
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
