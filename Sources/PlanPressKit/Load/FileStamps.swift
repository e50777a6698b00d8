import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Size, modification time and inode of every file below a folder: what
/// changed between two builds without reading any file.
public struct FileStamps: Equatable, Sendable {
    public struct Stamp: Hashable, Sendable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt
        var isDirectory: Bool
    }

    /// Relative path → stamp (folders included, so renames and new folders show).
    public private(set) var stamps: [String: Stamp] = [:]

    public init() {}

    /// Walks the folder with readdir(3) and one stat(2) per entry (Foundation's
    /// enumeration is several times slower on Linux; DEPENDENCY-NOTES.md).
    /// Symbolic links are followed for files, not descended into for folders.
    public init(folder: String) {
        walk(folder, relative: "")
    }

    private mutating func walk(_ root: String, relative: String) {
        for (name, _, _) in TreeListing.entries(relative.isEmpty ? root : root + "/" + relative) {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            stamps[path] = Stamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec),
                                 nanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt(info.st_ino), isDirectory: isDirectory)
            var link = stat()
            if isDirectory && lstat(root + "/" + path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFDIR {
                walk(root, relative: path)
            }
        }
    }

    /// Files (not folders) added, removed or written since `old`, sorted.
    public func changed(since old: FileStamps) -> [String] {
        var paths: Set<String> = []
        for (path, stamp) in stamps where !stamp.isDirectory && old.stamps[path] != stamp { paths.insert(path) }
        for (path, stamp) in old.stamps where !stamp.isDirectory && stamps[path] == nil { paths.insert(path) }
        return paths.sorted()
    }

    public func stamp(_ path: String) -> Stamp? { stamps[path] }

    /// One path's stamp (the output folder: replaced or removed behind a watcher's back).
    static func stampOf(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: 0, seconds: 0, nanoseconds: 0, inode: UInt(info.st_ino), isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
