/// A reference to a plan item, written `measure:<plan>/<number>` in content.
public enum ItemReference: Hashable, Sendable, CustomStringConvertible {
    case plan(PlanID)
    case goal(PlanID, String)
    case measure(PlanID, String)
    case indicator(PlanID, String)
    case executor(ExecutorID)
    case update(String)

    public static let schemes = ["plan", "goal", "measure", "indicator", "executor", "update"]

    /// Parses `scheme:target`. `defaultPlan` fills in `measure:6.2` inside a plan's own commentary.
    public init?(parsing text: String, defaultPlan: PlanID? = nil) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = String(text[..<colon])
        let target = String(text[text.index(after: colon)...])
        guard !target.isEmpty else { return nil }
        func planAndItem() -> (PlanID, String)? {
            if let slash = target.firstIndex(of: "/") {
                let plan = String(target[..<slash]), item = String(target[target.index(after: slash)...])
                guard !plan.isEmpty, !item.isEmpty else { return nil }
                return (PlanID(plan), item)
            }
            guard let defaultPlan else { return nil }
            return (defaultPlan, target)
        }
        switch scheme {
        case "plan": self = .plan(PlanID(target))
        case "executor": self = .executor(ExecutorID(target))
        case "update": self = .update(target)
        case "goal": guard let (p, i) = planAndItem() else { return nil }; self = .goal(p, i)
        case "measure": guard let (p, i) = planAndItem() else { return nil }; self = .measure(p, i)
        case "indicator": guard let (p, i) = planAndItem() else { return nil }; self = .indicator(p, i)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .plan(let p): return "plan:\(p)"
        case .goal(let p, let g): return "goal:\(p)/\(g)"
        case .measure(let p, let m): return "measure:\(p)/\(m)"
        case .indicator(let p, let i): return "indicator:\(p)/\(i)"
        case .executor(let e): return "executor:\(e)"
        case .update(let u): return "update:\(u)"
        }
    }

    public var planID: PlanID? {
        switch self {
        case .plan(let p), .goal(let p, _), .measure(let p, _), .indicator(let p, _): return p
        case .executor, .update: return nil
        }
    }
}
