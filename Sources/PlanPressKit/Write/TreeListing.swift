import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every entry below a folder, from readdir(3) alone: the type and inode number
/// come with each name, so no stat(2) is made (except where the file system does
/// not report the type). Foundation's `subpathsOfDirectory` plus an `lstat` per
/// file took ~0.5 s for a 22k-file site; this takes a few tens of milliseconds.
/// Symbolic links are listed as files and never followed.
struct TreeListing {
    /// Relative path → inode number, for every entry that is not a folder.
    private(set) var files: [String: UInt64] = [:]
    /// Relative paths of the folders below the root.
    private(set) var folders: [String] = []

    init(_ root: String) {
        walk(root, relative: "")
    }

    private mutating func walk(_ root: String, relative: String) {
        for entry in TreeListing.entries(relative.isEmpty ? root : root + "/" + relative) {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            var isFolder = entry.type == DT_DIR
            var inode = entry.inode
            if entry.type == DT_UNKNOWN {
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                inode = UInt64(info.st_ino)
            }
            if isFolder {
                folders.append(path)
                walk(root, relative: path)
            } else {
                files[path] = inode
            }
        }
    }

    /// The names in one folder (without `.` and `..`) with the type and inode number readdir(3) gives.
    static func entries(_ folder: String) -> [(name: String, type: Int, inode: UInt64)] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var found: [(name: String, type: Int, inode: UInt64)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            found.append((name, Int(entry.pointee.d_type), UInt64(entry.pointee.d_ino)))
        }
        return found
    }

    /// Whether the inode numbers readdir reports under `root` are the ones stat(2)
    /// reports (not so on some overlay file systems), checked on one file.
    static func inodesAgree(_ listing: TreeListing, root: String, sample path: String) -> Bool {
        var info = stat()
        guard let listed = listing.files[path], lstat(root + "/" + path, &info) == 0 else { return false }
        return UInt64(info.st_ino) == listed
    }
}
