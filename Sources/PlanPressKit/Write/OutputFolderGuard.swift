import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Refuses an output folder whose replacement would delete something that is
/// not the site: a folder that is, or holds, the content, the templates, the
/// working folder, the home folder or `/`. (A non-empty folder without the
/// marker file is refused by `OutputSession` itself.)
public enum OutputFolderGuard {
    public static func check(output: String, content: String, templates: String) throws {
        let target = canonical(output)
        var protected: [(String, Phrase)] = [
            ("/", Phrase(uk: "коренева папка", en: "the root folder")),
            (canonical(content), Phrase(uk: "папка з вмістом (\(content))", en: "the content folder (\(content))")),
            (canonical(templates), Phrase(uk: "папка з шаблонами (\(templates))", en: "the templates folder (\(templates))")),
            (canonical(FileManager.default.currentDirectoryPath), Phrase(uk: "робоча папка", en: "the working folder")),
        ]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            protected.append((canonical(home), Phrase(uk: "ваша домашня папка", en: "your home folder")))
        }
        for (path, name) in protected where path == target || path.hasPrefix(target == "/" ? "/" : target + "/") {
            throw WriteError(.outputFolderProtected(output: output, folder: name, contains: path != target))
        }
    }

    /// An absolute path with `.`, `..` and symbolic links resolved, also for a path that does not exist
    /// yet (its longest existing ancestor is resolved, the rest is appended).
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [String] = []
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        // Resolve the longest prefix that exists (symbolic links included).
        var rest: [String] = []
        while true {
            let prefix = "/" + parts.joined(separator: "/")
            if let resolved = realpath(prefix, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                if rest.isEmpty { return base }
                return (base == "/" ? "" : base) + "/" + rest.reversed().joined(separator: "/")
            }
            guard let last = parts.popLast() else { return "/" + rest.reversed().joined(separator: "/") }
            rest.append(last)
        }
    }
}
