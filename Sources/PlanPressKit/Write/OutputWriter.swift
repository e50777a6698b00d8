import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: the only code that touches the output folder. Writes into
/// a staging folder beside it and swaps it in only when everything was
/// written, so a failed build leaves the previous site untouched. Files whose
/// bytes did not change are hard-linked from the previous site, keeping their
/// modification times so deployments sync only what changed.
public struct OutputWriter {
    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
    }

    public let output: String

    public init(output: String) {
        var path = output
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.output = path
    }

    var staging: String { output + ".planpress-staging" }
    var retired: String { output + ".planpress-old" }

    public func write(_ files: [OutputFile]) throws -> Report {
        let fm = FileManager.default
        try? fm.removeItem(atPath: staging)
        try? fm.removeItem(atPath: retired)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try checkPaths(files)
        var directories: Set<String> = []
        for file in files {
            var dir = (file.path as NSString).deletingLastPathComponent
            while !dir.isEmpty && directories.insert(dir).inserted { dir = (dir as NSString).deletingLastPathComponent }
        }
        // Parents sort before their children, so plain mkdir(2) suffices (FileManager is several times slower).
        for dir in directories.sorted() where mkdir(staging + "/" + dir, 0o755) != 0 && errno != EEXIST {
            throw WriteError(message: "cannot create \(staging)/\(dir): \(String(cString: strerror(errno)))")
        }
        let outcomes = parallelMap(files) { file -> Result<Bool, Error> in
            Result { try place(file) }
        }
        var report = Report()
        for outcome in outcomes {
            switch outcome {
            case .success(let reused): if reused { report.unchanged += 1 } else { report.written += 1 }
            case .failure(let error):
                try? fm.removeItem(atPath: staging)
                throw error
            }
        }
        try swapIn()
        return report
    }

    /// Refuses any path that could leave the output folder.
    private func checkPaths(_ files: [OutputFile]) throws {
        var seen: Set<String> = []
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            if file.path.hasPrefix("/") || parts.contains("..") || parts.contains("") || parts.contains(".") {
                throw WriteError(message: "refusing to write '\(file.path)': it would leave the output folder")
            }
            if !seen.insert(file.path).inserted {
                throw WriteError(message: "two pages would be written to '\(file.path)': two items share a URL")
            }
        }
    }

    /// Hard-links the previous copy when its bytes are identical, else writes.
    private func place(_ file: OutputFile) throws -> Bool {
        let target = staging + "/" + file.path
        let previous = output + "/" + file.path
        if sameBytes(previous, file.bytes), link(previous, target) == 0 { return true }
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError(message: "cannot create \(target): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        try file.bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                guard n > 0 else { throw WriteError(message: "cannot write \(target): \(String(cString: strerror(errno)))") }
                offset += n
            }
        }
        return false
    }

    private func sameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    private func swapIn() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output) {
            guard rename(output, retired) == 0 else {
                throw WriteError(message: "cannot move the previous \(output) aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired, output)
            throw WriteError(message: "cannot move the new site into \(output): \(reason)")
        }
        try? fm.removeItem(atPath: retired)
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
