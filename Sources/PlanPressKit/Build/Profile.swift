import Foundation

/// Sub-stage timings on standard error when `PLANPRESS_PROFILE` is set
/// (performance work; see docs/performance.md). Off otherwise: one check per mark.
struct Profile {
    static let enabled = ProcessInfo.processInfo.environment["PLANPRESS_PROFILE"] != nil
    private var lap = DispatchTime.now().uptimeNanoseconds

    /// Prints the time since the previous mark (or since creation).
    mutating func mark(_ what: @autoclosure () -> String) {
        guard Profile.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("  \(what()): \(String(format: "%.1f", Double(now - lap) / 1e6)) ms\n".utf8))
        lap = now
    }
}

/// With `PLANPRESS_PROFILE`: render time (thread CPU) and bytes per page kind, summed over a
/// render pass and printed by `report()` — which kinds a bigger site makes dearer per page.
enum KindProfile {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var totals: [String: (pages: Int, nanos: UInt64, bytes: Int)] = [:]

    static func threadNanos() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    static func kind(_ page: PageID) -> String {
        let name = String(describing: page)
        let kind = name.prefix { $0 != "(" }
        if case .lists(let scope) = page { return "lists." + String(describing: scope).prefix { $0 != "(" } }
        return String(kind)
    }

    static func add(_ page: PageID, nanos: UInt64, bytes: Int) {
        let kind = kind(page)
        lock.lock()
        let old = totals[kind] ?? (0, 0, 0)
        totals[kind] = (old.pages + 1, old.nanos + nanos, old.bytes + bytes)
        lock.unlock()
    }

    /// Prints and clears the totals, dearest kind first.
    static func report() {
        guard Profile.enabled else { return }
        lock.lock()
        let rows = totals.sorted { $0.value.nanos > $1.value.nanos }
        totals = [:]
        lock.unlock()
        for (kind, t) in rows {
            let ms = Double(t.nanos) / 1e6
            FileHandle.standardError.write(Data(String(format: "    %-16@ %6d pages %9.1f ms CPU %7.3f ms/page %8.1f KB/page\n",
                                                       kind as NSString, t.pages, ms, ms / Double(t.pages),
                                                       Double(t.bytes) / Double(t.pages) / 1024).utf8))
        }
    }
}
