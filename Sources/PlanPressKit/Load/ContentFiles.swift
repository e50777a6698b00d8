import Foundation

/// Lists and reads the files under a folder. Only the load stage uses this.
struct ContentFiles {
    /// The folder as the user named it; used to print paths in diagnostics.
    let root: String

    /// Relative paths of regular files below `subfolder` with one of `extensions`, sorted.
    func list(_ subfolder: String, extensions: Set<String>) -> [String] {
        let base = subfolder.isEmpty ? root : root + "/" + subfolder
        guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: base) else { return [] }
        return paths.filter { path in
            let ext = (path as NSString).pathExtension.lowercased()
            let name = (path as NSString).lastPathComponent
            return extensions.contains(ext) && !name.hasPrefix(".") && !name.hasPrefix("_")
        }
        .map { subfolder.isEmpty ? $0 : subfolder + "/" + $0 }
        .sorted()
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + relative)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDir) && isDir.boolValue
    }

    /// The bytes of a file (images); nil when it cannot be read.
    func data(_ relative: String) -> Data? { FileManager.default.contents(atPath: root + "/" + relative) }

    /// The path printed in diagnostics.
    func display(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String, sink: DiagnosticSink) -> String? {
        let path = root + "/" + relative
        guard let data = FileManager.default.contents(atPath: path) else {
            sink.error(.fileUnreadable, at: SourceLocation(file: display(relative)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            sink.error(.fileNotUTF8, at: SourceLocation(file: display(relative)))
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
