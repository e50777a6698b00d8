import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes under folders by polling: every path with its size,
/// modification time and inode. `subpathsOfDirectory` plus one `stat` per
/// file is cheap (a few ms for the shipped content); no platform file events.
public struct ContentWatcher: Sendable {
    let folders: [String]

    public init(folders: [String]) { self.folders = folders }

    /// Polls every `interval` seconds; calls `changed` after each change since
    /// `since` (a fingerprint taken before the first build, so edits made during
    /// it are not missed), until `stop` says so.
    public func watch(since: Int, interval: Double, stop: () -> Bool = { false }, changed: () -> Void) {
        var last = since
        while !stop() {
            usleep(UInt32(interval * 1_000_000))
            let now = fingerprint()
            if now != last && !stop() {
                last = now
                changed()
            }
        }
    }

    /// A value that changes when any file or folder below `folders` is added,
    /// removed, renamed or written.
    public func fingerprint() -> Int {
        var hasher = Hasher()
        for folder in folders {
            hasher.combine(folder)
            let stamps = FileStamps(folder: folder).stamps
            for path in stamps.keys.sorted() {
                hasher.combine(path)
                hasher.combine(stamps[path]!)
            }
        }
        return hasher.finalize()
    }
}
