import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creating a new content file safely (docs/reliability.md, «Imports»): the
/// content folder is held under an exclusive `flock` while the caller checks
/// and writes, the target folder is opened without following a symlink, and
/// the file is created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW`, so an existing file or a symlink in its
/// place (dangling or not) is never replaced, and of two writers of the same
/// name exactly one creates it.
enum ContentFileCreation {
    enum Failure: Error {
        /// Something (a file, a folder, a symlink) already has the name.
        case exists
        case system(String)
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Locks the content folder exclusively (every writer of new content files takes the same lock) and
    /// runs `body` with a way to open `folder` inside it — made when missing, never through a symlink — for
    /// writing. A folder that cannot be opened or locked gives `onFailure`'s value.
    static func withLockedFolder<T>(content: String, folder: String, _ body: (() throws -> CInt) throws -> T,
                                    onFailure: (String) -> T) rethrows -> T {
        let root = open(content, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return onFailure(reason(errno)) }
        defer { close(root) }
        while flock(root, LOCK_EX) != 0 {
            guard errno == EINTR else { return onFailure(reason(errno)) }
        }
        defer { flock(root, LOCK_UN) }
        var opened: CInt = -1
        defer { if opened >= 0 { close(opened) } }
        return try body {
            if opened >= 0 { return opened }
            if mkdirat(root, folder, 0o755) != 0 && errno != EEXIST { throw Failure.system(reason(errno)) }
            opened = openat(root, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard opened >= 0 else { throw Failure.system(reason(errno)) }
            return opened
        }
    }

    /// Whether anything (a symlink included, dangling or not) has the name `folder/name` under the locked root.
    static func exists(content: String, relative: String) -> Bool {
        var info = stat()
        return lstat(content + "/" + relative, &info) == 0
    }

    /// Creates `name` in the folder with exactly `bytes`; on a failure after creation the file is removed again.
    static func create(in folder: CInt, name: String, bytes: [UInt8], mode: mode_t = 0o644) throws {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw errno == EEXIST ? Failure.exists : Failure.system(reason(errno)) }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlinkat(folder, name, 0)
            throw Failure.system(reason(failure))
        }
    }
}
