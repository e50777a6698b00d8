import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes under folders by polling: every path with its size,
/// modification time and inode. `subpathsOfDirectory` plus one `stat` per
/// file is cheap (a few ms for the shipped content); no platform file events.
struct ContentWatcher {
    let folders: [String]

    /// A value that changes when any file or folder below `folders` is added,
    /// removed, renamed or written.
    func fingerprint() -> Int {
        var hasher = Hasher()
        for folder in folders {
            hasher.combine(folder)
            let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
            for path in paths.sorted() {
                var info = stat()
                guard stat(folder + "/" + path, &info) == 0 else { continue }
                hasher.combine(path)
                hasher.combine(Int(info.st_size))
                hasher.combine(Int(info.st_mtim.tv_sec))
                hasher.combine(Int(info.st_mtim.tv_nsec))
                hasher.combine(UInt(info.st_ino))
            }
        }
        return hasher.finalize()
    }
}
