import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps a request target to a file of the built site, the way a production
/// web server would under the site's base path — and never to anything
/// outside the site folder.
///
/// The target is percent-decoded exactly once. Refused: encoded slashes and
/// backslashes (`%2f`, `%5c`), backslashes, NUL, `.` and `..` segments
/// (also when written `%2e%2e`), empty segments (`//etc/passwd`), and any
/// path that, with symlinks resolved (`realpath`), is not inside the site.
public struct SiteFiles: Sendable {
    public enum Resolution: Equatable, Sendable {
        /// Absolute path of a regular file inside the site.
        case file(String)
        /// A folder asked for without its trailing slash.
        case redirect(String)
        case notFound
        case badRequest
    }

    /// The site folder (the build output).
    public let root: String
    /// `/` or `/plany/`: URLs outside it are not the site's.
    public let basePath: String

    public init(root: String, basePath: String) {
        self.root = root
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    public func resolve(_ target: String) -> Resolution {
        guard target.hasPrefix("/") else { return .badRequest }
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        let lowered = rawPath.lowercased()
        if rawPath.contains("\\") || lowered.contains("%2f") || lowered.contains("%5c") { return .notFound }
        guard let path = Self.percentDecoded(rawPath) else { return .badRequest }
        if path.contains("\0") { return .badRequest }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (i, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return .notFound }
            if segment.isEmpty && i != segments.count - 1 { return .notFound }
            if segment.contains("\\") { return .notFound }
        }
        if path + "/" == basePath { return .redirect(basePath) }
        guard path.hasPrefix(basePath) else { return .notFound }
        let relative = String(path.dropFirst(basePath.count))
        return file(relative, rawPath: rawPath)
    }

    /// A file below the root, by a relative path already checked for `..`.
    func file(_ relative: String, rawPath: String? = nil) -> Resolution {
        // The writer swaps a new build in with two renames: wait out that instant.
        var realRoot = Self.realPath(root)
        for _ in 0..<50 where realRoot == nil {
            usleep(20_000)
            realRoot = Self.realPath(root)
        }
        guard let realRoot else { return .notFound }
        let folderRequest = relative.isEmpty || relative.hasSuffix("/")
        let candidate = realRoot + "/" + relative + (folderRequest ? "index.html" : "")
        guard let resolved = Self.realPath(candidate), resolved.hasPrefix(realRoot + "/") else { return .notFound }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file(resolved)
        case S_IFDIR where !folderRequest && rawPath != nil:
            return file(relative + "/") == .notFound ? .notFound : .redirect(rawPath! + "/")
        default: return .notFound
        }
    }

    /// The 404 page for a path: `<lang>/404.html` under a language folder, else `404.html`.
    public func notFoundPage(for target: String) -> String? {
        let path = Self.percentDecoded(String(target.prefix { $0 != "?" })) ?? ""
        if path.hasPrefix(basePath), let first = path.dropFirst(basePath.count).split(separator: "/").first,
           first.count == 2, first.allSatisfy({ $0 >= "a" && $0 <= "z" }), case .file(let page) = file("\(first)/404.html") {
            return page
        }
        if case .file(let page) = file("404.html") { return page }
        return nil
    }

    /// Decodes `%XX` once; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
