import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: the only code that touches the output folder.
///
/// First build: everything is written into a staging folder beside the output,
/// which is then renamed into place. Later builds update the output in place
/// in two phases, so a failed build leaves the previous site exactly as it was:
/// (1) every file whose bytes changed is written next to its target under a
/// temporary name — if any write fails, the temporaries are removed and
/// nothing else has changed; (2) each temporary is renamed over its target
/// (an atomic rename per file) and files the site no longer has are deleted.
/// Unchanged files are never touched, so their modification times stay and
/// deployments sync only what changed.
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
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.output = path
    }

    var staging: String { output + ".planpress-staging" }

    public func write(_ files: [OutputFile]) throws -> Report {
        try checkPaths(files)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            return try update(files)
        }
        return try writeFresh(files)
    }

    /// Refuses any path that could leave the output folder.
    private func checkPaths(_ files: [OutputFile]) throws {
        var seen: Set<String> = []
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

    // MARK: first build

    private func writeFresh(_ files: [OutputFile]) throws -> Report {
        try? FileManager.default.removeItem(atPath: staging)
        try makeDirectories(for: files.map(\.path), under: staging)
        let outcomes = parallelMap(files) { file in Result { try writeFile(staging + "/" + file.path, file.bytes) } }
        if let failure = outcomes.first(where: { if case .failure = $0 { return true }; return false }), case .failure(let error) = failure {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: staging)
            throw WriteError(message: "cannot move the new site into \(output): \(reason)")
        }
        return Report(written: files.count)
    }

    // MARK: later builds

    private func update(_ files: [OutputFile]) throws -> Report {
        let changed = parallelMap(files) { file in !sameBytes(output + "/" + file.path, file.bytes) }
        let toWrite = zip(files, changed).filter(\.1).map(\.0)
        // Phase 1: temporaries beside their targets. Parent folders are created
        // as needed; a new empty folder is harmless if the build then fails.
        try makeDirectories(for: toWrite.map(\.path), under: output)
        let outcomes = parallelMap(Array(toWrite.enumerated())) { offset, file in
            Result {
                if let failAfter, offset >= failAfter { throw WriteError(message: "injected failure writing \(file.path)") }
                try writeFile(output + "/" + file.path + OutputWriter.temporarySuffix, file.bytes)
            }
        }
        if outcomes.contains(where: { if case .failure = $0 { return true }; return false }) {
            for file in toWrite { unlink(output + "/" + file.path + OutputWriter.temporarySuffix) }
            for case .failure(let error) in outcomes { throw error }
        }
        // Phase 2: swap each file in, then remove what the site no longer has.
        for file in toWrite {
            let target = output + "/" + file.path
            var info = stat()
            if lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { try? FileManager.default.removeItem(atPath: target) }
            guard rename(target + OutputWriter.temporarySuffix, target) == 0 else {
                throw WriteError(message: "cannot replace \(target): \(String(cString: strerror(errno)))")
            }
        }
        let removed = removeStale(keeping: Set(files.map(\.path)))
        return Report(written: toWrite.count, unchanged: files.count - toWrite.count, removed: removed)
    }

    /// Deletes files the new site does not have (and folders left empty).
    private func removeStale(keeping wanted: Set<String>) -> Int {
        guard let existing = try? FileManager.default.subpathsOfDirectory(atPath: output) else { return 0 }
        var removed = 0
        var folders: [String] = []
        for path in existing {
            let full = output + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                folders.append(full)
            } else if !wanted.contains(path) {
                unlink(full)
                removed += 1
            }
        }
        // Deepest first; rmdir(2) only succeeds on empty folders.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(folder) }
        return removed
    }

    // MARK: files

    /// Creates every parent folder of `paths` under `root` (parents sort before children).
    private func makeDirectories(for paths: [String], under root: String) throws {
        var directories: Set<String> = []
        // Not NSString.deletingLastPathComponent: on Linux (Swift 6.3) it traps on one-character paths.
        func parent(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        for path in paths {
            var dir = parent(path)
            while !dir.isEmpty && directories.insert(dir).inserted { dir = parent(dir) }
        }
        if mkdir(root, 0o755) != 0 && errno != EEXIST {
            throw WriteError(message: "cannot create \(root): \(String(cString: strerror(errno)))")
        }
        for dir in directories.sorted() {
            let full = root + "/" + dir
            if mkdir(full, 0o755) == 0 || errno == EEXIST {
                var info = stat()
                if stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
                // A file stands where the new site needs a folder: it goes (its replacement is in the file list).
                unlink(full)
                if mkdir(full, 0o755) == 0 { continue }
            }
            throw WriteError(message: "cannot create \(full): \(String(cString: strerror(errno)))")
        }
    }

    private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
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

    private func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
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
