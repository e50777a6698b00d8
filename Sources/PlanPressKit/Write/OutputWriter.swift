import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: the only code that touches the output folder. `write`
/// does a whole site at once; builds use an `OutputSession` to stream batches.
public struct OutputWriter {
    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public let output: String
    /// Test hook: fail while writing the n-th changed file (phase 1).
    var failAfter: Int?

    static let temporarySuffix = ".planpress-tmp"

    public init(output: String) {
        self.output = OutputWriter.trimmed(output)
    }

    /// The folder path without trailing slashes (`Public/` → `Public`).
    static func trimmed(_ output: String) -> String {
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// Writes a whole site in one go (stage everything, then commit).
    public func write(_ files: [OutputFile]) throws -> Report {
        let session = try OutputSession(output: output, failAfter: failAfter)
        do {
            try session.stage(files)
            return try session.commit()
        } catch {
            session.abort()
            throw error
        }
    }
}

/// One build's writes, staged batch by batch so only one batch of pages is in
/// memory at a time, then committed — or aborted, leaving the previous site
/// exactly as it was.
///
/// First build: everything goes into a staging folder beside the output,
/// renamed into place on commit. Later builds update in place in two phases:
/// (1) `stage` writes each file whose bytes changed next to its target under a
/// temporary name; (2) `commit` renames every temporary over its target (an
/// atomic rename per file) and deletes files the site no longer has.
/// Unchanged files are never touched, so their modification times stay and
/// deployments sync only what changed.
public final class OutputSession {
    public let output: String
    private let fresh: Bool
    /// Only some files are staged (a rebuild after an edit): files not staged
    /// stay, and only `remove`d ones go.
    private let partial: Bool
    private var removals: [String] = []
    private let failAfter: Int?
    private var seen: Set<String> = []
    private var directories: Set<String> = []
    /// Changed files with a temporary beside them (update mode).
    private var pending: [String] = []
    private var report = OutputWriter.Report()

    var staging: String { output + ".planpress-staging" }
    var root: String { fresh ? staging : output }

    public convenience init(output: String) throws {
        try self.init(output: output, failAfter: nil)
    }

    /// `partial`: the caller stages only the files that may have changed and
    /// names the ones to delete; ignored when the output folder does not exist.
    init(output: String, partial: Bool = false, failAfter: Int?) throws {
        let path = OutputWriter.trimmed(output)
        self.output = path
        self.failAfter = failAfter
        var isDirectory: ObjCBool = false
        fresh = !(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        self.partial = partial && !fresh
        try prepare()
    }

    /// Files to delete on commit (partial sessions; a full session deletes whatever it did not stage).
    func remove(_ paths: [String]) { removals += paths }

    private func prepare() throws {
        guard fresh else { return }
        try? FileManager.default.removeItem(atPath: staging)
        do {
            // With its parents: `--output some/new/folder` works on a first build.
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError(message: "cannot create \(staging): \(error.localizedDescription)")
        }
    }

    /// Writes one batch (phase 1). Throws on the first problem; call `abort()` then.
    public func stage(_ files: [OutputFile]) throws {
        try checkPaths(files)
        let root = self.root
        let toWrite: [OutputFile]
        if fresh {
            toWrite = files
        } else {
            let changed = parallelMap(files) { file in !OutputSession.sameBytes(root + "/" + file.path, file.bytes) }
            toWrite = zip(files, changed).filter(\.1).map(\.0)
        }
        try makeDirectories(for: toWrite.map(\.path))
        let suffix = fresh ? "" : OutputWriter.temporarySuffix
        let alreadyWritten = report.written
        let failAfter = self.failAfter
        let outcomes = parallelMap(Array(toWrite.enumerated())) { offset, file in
            Result {
                if let failAfter, alreadyWritten + offset >= failAfter { throw WriteError(message: "injected failure writing \(file.path)") }
                try OutputSession.writeFile(root + "/" + file.path + suffix, file.bytes)
            }
        }
        if !fresh { pending += toWrite.map(\.path) }
        report.written += toWrite.count
        report.unchanged += files.count - toWrite.count
        for case .failure(let error) in outcomes { throw error }
    }

    /// Phase 2: the new site takes the place of the old one.
    public func commit() throws -> OutputWriter.Report {
        if fresh {
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                abort()
                throw WriteError(message: "cannot move the new site into \(output): \(reason)")
            }
            return report
        }
        for path in pending {
            let target = output + "/" + path
            var info = stat()
            if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: target) }
            guard rename(target + OutputWriter.temporarySuffix, target) == 0 else {
                throw WriteError(message: "cannot replace \(target): \(String(cString: strerror(errno)))")
            }
        }
        pending = []
        report.removed = partial ? removeListed() : removeStale()
        return report
    }

    /// Removes everything this session wrote; the previous site stays as it was.
    public func abort() {
        if fresh {
            try? FileManager.default.removeItem(atPath: staging)
        } else {
            for path in pending { unlink(output + "/" + path + OutputWriter.temporarySuffix) }
            pending = []
        }
    }

    /// Refuses any path that could leave the output folder, and duplicates.
    private func checkPaths(_ files: [OutputFile]) throws {
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            if file.path.hasPrefix("/") || parts.contains("..") || parts.contains("") || parts.contains(".")
                || file.path.hasSuffix(OutputWriter.temporarySuffix) {
                throw WriteError(message: "refusing to write '\(file.path)': it would leave the output folder")
            }
            if !seen.insert(file.path).inserted {
                throw WriteError(message: "two pages would be written to '\(file.path)': two items share a URL")
            }
        }
    }

    /// Deletes files the new site does not have (and folders left empty).
    private func removeStale() -> Int {
        guard let existing = try? FileManager.default.subpathsOfDirectory(atPath: output) else { return 0 }
        var removed = 0
        var folders: [String] = []
        for path in existing {
            let full = output + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(full)
            } else if !seen.contains(path) {
                unlink(full)
                removed += 1
            }
        }
        // Deepest first; rmdir(2) only succeeds on empty folders.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(folder) }
        return removed
    }

    /// Deletes the files named by `remove` (and their folders, once empty).
    private func removeListed() -> Int {
        var removed = 0
        var folders: Set<String> = []
        for path in removals where !seen.contains(path) {
            if unlink(output + "/" + path) == 0 { removed += 1 }
            var dir = path
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                folders.insert(dir)
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(output + "/" + folder) }
        return removed
    }

    /// Creates every parent folder of `paths` not created yet (parents sort before children).
    private func makeDirectories(for paths: [String]) throws {
        // Not NSString.deletingLastPathComponent: on Linux (Swift 6.3) it traps on one-character paths.
        func parent(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        var needed: [String] = []
        for path in paths {
            var dir = parent(path)
            while !dir.isEmpty && directories.insert(dir).inserted {
                needed.append(dir)
                dir = parent(dir)
            }
        }
        for dir in needed.sorted() {
            let full = root + "/" + dir
            if mkdir(full, 0o755) == 0 { continue }
            if errno == EEXIST {
                var info = stat()
                if stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
                // A file stands where the new site needs a folder: it goes (its replacement is in the file list).
                unlink(full)
                if mkdir(full, 0o755) == 0 { continue }
            }
            throw WriteError(message: "cannot create \(full): \(String(cString: strerror(errno)))")
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard n > 0 else { throw WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
    }

    static func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 }
        }
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
