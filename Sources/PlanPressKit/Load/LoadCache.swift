import Foundation

/// What the load stage read last time, per file, so that a rebuild parses
/// only the files that changed (`planpress serve`, `build --watch`). A file
/// is taken from the cache only while its stamp (size, modification time,
/// inode) is the same as when it was parsed.
public final class LoadCache: @unchecked Sendable {
    private struct Entry {
        var stamp: FileStamps.Stamp
        var value: Any?
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Stamps of the content folder taken just before this load.
    var stamps = FileStamps()

    public init() {}

    /// The cached result for `path`, or `parse()` (then remembered).
    func value<T>(_ path: String, parse: () -> (T?, [Diagnostic])) -> (T?, [Diagnostic]) {
        guard let stamp = stamps.stamp(path) else { return parse() }
        lock.lock()
        let entry = entries[path]
        lock.unlock()
        if let entry, entry.stamp == stamp, let value = entry.value as? T? {
            return (value, entry.diagnostics)
        }
        let (value, diagnostics) = parse()
        lock.lock()
        entries[path] = Entry(stamp: stamp, value: value, diagnostics: diagnostics)
        lock.unlock()
        return (value, diagnostics)
    }
}
