import Foundation

/// System-call failures that tests inject at named paths: a folder that cannot be listed
/// (`EACCES`, `EMFILE` from opendir), a file that cannot be opened, a folder that cannot be
/// removed. Tests here may run as root, where `chmod 000` denies nothing, and a real `EMFILE`
/// would hit the test process itself; so the loaders and the writer ask this table before
/// each such call (docs/reliability.md, «How failures of the system are tested»). Empty in
/// production: one uncontended lock per call.
enum InjectedFaults {
    enum Call: String, Sendable {
        case opendir, open, rmdir, unlink
    }

    private struct Fault {
        var call: Call
        var path: String
        var code: Int32
    }

    nonisolated(unsafe) private static var faults: [Int: Fault] = [:]
    nonisolated(unsafe) private static var nextToken = 0
    private static let lock = NSLock()

    /// Makes every `call` on exactly `path` fail with `code` until `remove` is called with the token.
    static func add(_ call: Call, path: String, code: Int32) -> Int {
        lock.withLock {
            nextToken += 1
            faults[nextToken] = Fault(call: call, path: path, code: code)
            return nextToken
        }
    }

    static func remove(_ token: Int) {
        lock.withLock { _ = faults.removeValue(forKey: token) }
    }

    /// The error `call` on `path` must fail with, if a test injected one.
    static func code(_ call: Call, _ path: String) -> Int32? {
        lock.withLock {
            guard !faults.isEmpty else { return nil }
            return faults.values.first { $0.call == call && $0.path == path }?.code
        }
    }
}
