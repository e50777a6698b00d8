import Foundation

/// Lists and reads the files under a folder. Only the load stage uses this.
struct ContentFiles {
    /// The folder as the user named it; used to print paths in diagnostics.
    let root: String
    /// Files that do not exist on disk yet, by relative path: the editor checks
    /// a would-be file with the real loader before writing it (docs/editor.md).
    var overlay: [String: [UInt8]] = [:]

    /// Relative paths of regular files below `subfolder` with one of `extensions`, sorted.
    func list(_ subfolder: String, extensions: Set<String>) -> [String] {
        let base = subfolder.isEmpty ? root : root + "/" + subfolder
        let prefix = subfolder.isEmpty ? "" : subfolder + "/"
        let added = overlay.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        let onDisk = (try? FileManager.default.subpathsOfDirectory(atPath: base)) ?? []
        guard !onDisk.isEmpty || !added.isEmpty else { return [] }
        let paths = Array(Set(onDisk).union(added))
        return paths.filter { path in
            let ext = (path as NSString).pathExtension.lowercased()
            let name = (path as NSString).lastPathComponent
            return extensions.contains(ext) && !name.hasPrefix(".") && !name.hasPrefix("_")
        }
        .map { subfolder.isEmpty ? $0 : subfolder + "/" + $0 }
        .sorted()
    }

    func exists(_ relative: String) -> Bool {
        overlay[relative] != nil || FileManager.default.fileExists(atPath: root + "/" + relative)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDir) && isDir.boolValue
    }

    /// The bytes of a file (images); nil when it cannot be read.
    func data(_ relative: String) -> Data? { overlay[relative].map { Data($0) } ?? FileManager.default.contents(atPath: root + "/" + relative) }

    /// The path printed in diagnostics.
    func display(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String, sink: DiagnosticSink) -> String? {
        guard let data = data(relative) else {
            sink.error("cannot read the file: check that it exists and is readable", at: SourceLocation(file: display(relative)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error("the file is not valid UTF-8: save it as UTF-8", at: SourceLocation(file: display(relative)))
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
