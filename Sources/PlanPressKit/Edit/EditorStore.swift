import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the editor keeps between two requests, in memory only: photos chosen
/// in a form that was not saved yet (so a failed save keeps the chosen file,
/// and a photo inserted into the text is written with the update), and the
/// forms already saved (so a second click on «Зберегти» makes no second file).
final class EditorStore: @unchecked Sendable {
    /// A photo chosen in a form, not written yet.
    struct Upload: Sendable {
        let filename: String
        let bytes: [UInt8]
        /// `jpg`, `png`, … from the bytes.
        let ext: String
        /// Where it goes below `Content/` (photos in the text: decided when inserted); nil for a cover.
        let path: String?
    }

    /// At most this many uploads and bytes are kept; the oldest go first.
    static let maxUploads = 64
    static let maxBytes = 256 * 1024 * 1024

    private let lock = NSLock()
    private var uploads: [(id: String, upload: Upload)] = []
    /// Form id → the file it was saved as and the stamp of what was typed (`UpdateForm.Values.typed`).
    private var saved: [String: (path: String, stamp: String)] = [:]

    func keep(_ upload: Upload) -> String {
        let id = Editor.randomHex()
        lock.withLock {
            uploads.append((id, upload))
            while uploads.count > Self.maxUploads || uploads.reduce(0, { $0 + $1.upload.bytes.count }) > Self.maxBytes {
                uploads.removeFirst()
            }
        }
        return id
    }

    func upload(_ id: String) -> Upload? {
        guard !id.isEmpty else { return nil }
        return lock.withLock { uploads.first { $0.id == id }?.upload }
    }

    /// The newest photo kept for `path` (a photo inserted into a text, for its preview).
    func upload(path: String) -> Upload? {
        lock.withLock { uploads.last { $0.upload.path == path }?.upload }
    }

    func forget(_ ids: [String]) {
        lock.withLock { uploads.removeAll { ids.contains($0.id) } }
    }

    /// Paths below `Content/` that photos kept here will be written to.
    var reservedPaths: Set<String> { lock.withLock { Set(uploads.compactMap(\.upload.path)) } }

    func markSaved(form: String, path: String, stamp: String) {
        guard !form.isEmpty else { return }
        lock.withLock { saved[form] = (path, stamp) }
    }

    func savedAs(form: String) -> (path: String, stamp: String)? {
        guard !form.isEmpty else { return nil }
        return lock.withLock { saved[form] }
    }
}

extension Editor {
    /// The name a new update gets: its title's slug, or with `-2`, `-3`, … when
    /// that file exists (recurring meetings keep their title), never a reserved name.
    func freeSlug(_ base: String) -> String {
        var candidate = base, number = 1
        while read("updates/\(candidate).md") != nil || UpdateLoader.reservedSlugs.contains(candidate) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        return candidate
    }

    /// A free path for a photo in the text of update `slug`: `updates/images/<slug>-photo-<n>.<ext>`.
    func freePhotoPath(slug: String, ext: String) -> String {
        let reserved = store.reservedPaths
        var number = 1
        while true {
            let path = "updates/images/\(slug)-photo-\(number).\(ext)"
            if read(path) == nil && !reserved.contains(path) { return path }
            number += 1
        }
    }

    /// Moves files below `Content/` into `Content/_trash/<time>/`, under the same
    /// relative paths (a deleted update can be put back by moving it). The build
    /// reads only its own folders (`updates/`, `plans/`, …), never `_trash/`.
    /// Returns the trash folder, relative to `Content/`.
    func moveToTrash(_ files: [String]) throws(EditorError) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n!)" }
        var folder = "\(Self.trash)/\(now.year ?? 0)-\(two(now.month))-\(two(now.day))-\(two(now.hour))\(two(now.minute))\(two(now.second))"
        if FileManager.default.fileExists(atPath: options.content + "/" + folder) {
            folder += "-" + Self.randomHex().prefix(6)
        }
        for file in files {
            let target = folder + "/" + file
            guard let from = contentPath(file), let to = contentPath(target) else { throw .outside(path: "Content/" + file) }
            do {
                try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: "Content/" + target, reason: error.localizedDescription)
            }
            guard rename(from, to) == 0 else {
                throw .cannotWrite(path: "Content/" + target, reason: String(cString: strerror(errno)))
            }
        }
        return folder
    }

    /// The trash folder inside `Content/` (docs/editor.md, «Delete and unpublish»).
    static let trash = "_trash"
}
