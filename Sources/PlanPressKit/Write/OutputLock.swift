import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer at a time per output folder: an exclusive `flock(2)` on a file
/// beside it (`Public.planpress-lock`), held for the whole write and commit of
/// a build (`OutputSession`), of each `build --watch` rebuild and of each
/// preview rebuild. A second writer waits for the first to finish (its
/// `waiting` callback says so once); it never writes at the same time.
///
/// The lock file names its holder (`pid`) and a token new for every
/// acquisition. A long-running builder remembers the token it wrote: when the
/// file holds another one at its next build, another process wrote the output
/// folders in between, and what the builder knew of them (`OutputLedger`, the
/// pages it rendered) is no longer true (docs/reliability.md, «One writer»).
///
/// The kernel releases the lock when its holder dies, so a killed build never
/// blocks the next one. The file stays beside the output (deleting a lock file
/// other processes may hold open would let two writers in); deleting it while
/// nothing runs is safe.
final class OutputLock: @unchecked Sendable {
    static let suffix = ".planpress-lock"

    /// The lock file's path.
    let path: String
    /// The token the previous holder left (nil: none, or the file is new).
    let previousToken: String?
    /// This acquisition's token, written into the file.
    let token: String
    /// Folders above the output this lock had to create for its file (removed again by
    /// `release(removingCreatedFolders:)` when a failed first build leaves nothing there).
    private(set) var createdParents: [String]
    private var descriptor: Int32

    private init(path: String, descriptor: Int32, previousToken: String?, createdParents: [String]) {
        self.path = path
        self.descriptor = descriptor
        self.previousToken = previousToken
        self.createdParents = createdParents
        token = UUID().uuidString
        let text = "pid \(getpid())\ntoken \(token)\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit { release() }

    /// The lock file of an output folder (`Public` → `Public.planpress-lock`).
    static func path(for output: String) -> String { OutputWriter.trimmed(output) + suffix }

    /// Takes the lock, waiting while another writer holds it; `waiting` is called once,
    /// with the holder's process id when the file names one, before the wait.
    static func acquire(output: String, waiting: ((Int?) -> Void)? = nil) throws -> OutputLock {
        try take(output: output, wait: true, waiting: waiting)!
    }

    /// Takes the lock only if nobody holds it (nil otherwise, or on any error).
    static func attempt(output: String) -> OutputLock? {
        (try? take(output: output, wait: false, waiting: nil)) ?? nil
    }

    private static func take(output: String, wait: Bool, waiting: ((Int?) -> Void)?) throws -> OutputLock? {
        let path = self.path(for: output)
        var told = false
        while true {
            let created = try createParents(of: path)
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                removeFolders(created)
                throw WriteError(.outputCannotLock(path: path, reason: reason))
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK || errno == EINTR, wait else {
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    if !wait { return nil }
                    throw WriteError(.outputCannotLock(path: path, reason: reason))
                }
                if !told {
                    told = true
                    waiting?(holder(fd))
                }
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let reason = String(cString: strerror(errno))
                        close(fd)
                        throw WriteError(.outputCannotLock(path: path, reason: reason))
                    }
                }
            }
            // The holder before us may have deleted the file (a failed first build removes what it
            // created): a lock on a file no longer at `path` excludes nobody. Take the one there now.
            var held = stat(), named = stat()
            guard fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev else {
                close(fd)
                continue
            }
            return OutputLock(path: path, descriptor: fd, previousToken: token(fd), createdParents: created)
        }
    }

    /// Releases the lock (idempotent). With `removingCreatedFolders`, also deletes the lock file
    /// and the folders its acquisition created, while still holding it (a failed first build).
    func release(removingCreatedFolders: Bool = false) {
        guard descriptor >= 0 else { return }
        if removingCreatedFolders && !createdParents.isEmpty {
            unlink(path)
            OutputLock.removeFolders(createdParents)
        }
        createdParents = []
        close(descriptor)
        descriptor = -1
    }

    /// The folders that must exist for the lock file (an `--output some/new/folder` on a first build),
    /// created; returned outermost first.
    private static func createParents(of path: String) throws -> [String] {
        var missing: [String] = []
        var info = stat()
        var parent = OutputSession.parent(path)
        while !parent.isEmpty, parent != "/", lstat(parent, &info) != 0 {
            missing.append(parent)
            parent = OutputSession.parent(parent)
        }
        var created: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                removeFolders(created)
                throw WriteError(.outputCannotCreateFolder(path: folder, reason: reason))
            }
            created.append(folder)
        }
        return created
    }

    /// Deepest first; rmdir(2) removes only folders that are still empty.
    private static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    private static func contents(_ fd: Int32) -> [String: String] {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return [:] }
        var fields: [String: String] = [:]
        for line in String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    private static func holder(_ fd: Int32) -> Int? { contents(fd)["pid"].flatMap { Int($0) } }
    private static func token(_ fd: Int32) -> String? { contents(fd)["token"] }
}
