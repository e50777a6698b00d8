import Foundation

/// The linker's work on each plan (its index, budget checks and citation check)
/// kept between rebuilds (`IncrementalBuilder`): a plan whose value comes from the
/// same parse (`Plan.parse`, the load cache hands back the value it parsed while
/// the file is unchanged) and whose source text has the same bytes is not linked
/// again. That work depends on nothing else.
final class PlanLinkCache: @unchecked Sendable {
    struct Linked {
        var index: PlanIndex
        var checks: [BudgetReconciler.Check]
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [UInt64: (source: String?, linked: Linked)] = [:]
    private static let counter = NSLock()
    nonisolated(unsafe) private static var last: UInt64 = 0

    /// A number no other parse in this process has.
    static func nextParse() -> UInt64 {
        counter.withLock {
            last += 1
            return last
        }
    }

    func linked(_ plan: Plan, source: String?) -> Linked? {
        guard plan.parse != 0, let entry = lock.withLock({ entries[plan.parse] }) else { return nil }
        switch (entry.source, source) {
        case (nil, nil): return entry.linked
        case let (old?, new?) where old.hasSameBytes(as: new): return entry.linked
        default: return nil
        }
    }

    func keep(_ linked: Linked, for plan: Plan, source: String?) {
        guard plan.parse != 0 else { return }
        lock.withLock { entries[plan.parse] = (source, linked) }
    }

    /// Drops the entries of plan values no longer loaded.
    func forget(except plans: [Plan]) {
        let live = Set(plans.map(\.parse))
        lock.withLock { entries = entries.filter { live.contains($0.key) } }
    }
}
