import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// The bytes of a file (images); nil when it cannot be read or is a link to outside the content folder.
    /// The file's size in bytes, without reading it (nil when it cannot be told).
    func size(_ relative: String) -> Int? {
        if let bytes = overlay[relative] { return bytes.count }
        return (try? FileManager.default.attributesOfItem(atPath: root + "/" + relative))?[.size] as? Int
    }

    func data(_ relative: String) -> Data? {
        guard outside(relative) == nil else { return nil }
        return overlay[relative].map { Data($0) } ?? FileManager.default.contents(atPath: root + "/" + relative)
    }

    /// Where a file really is when a symbolic link (of the file or of a folder on its way) takes it
    /// outside the content folder; nil for a file inside. Such files are never read or published:
    /// `sources/x.txt → /etc/passwd` would publish the password file.
    func outside(_ relative: String) -> String? {
        guard let base = realpath(root, nil) else { return nil }
        defer { free(base) }
        guard let target = realpath(root + "/" + relative, nil) else { return nil }
        defer { free(target) }
        let inside = String(cString: base), real = String(cString: target)
        return real.hasPrefix(inside == "/" ? "/" : inside + "/") ? nil : real
    }

    /// The error for a file that links outside the content folder.
    /// The path printed in diagnostics.
    func display(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String, sink: DiagnosticSink) -> String? {
        if overlay[relative] == nil, let target = outside(relative) {
            sink.error(.linkOutsideContent(target: target), at: SourceLocation(file: display(relative)))
            return nil
        }
        guard let data = data(relative) else {
            sink.error(.fileUnreadable, at: SourceLocation(file: display(relative)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let bytes = [UInt8](data)
            let offset = ContentFiles.firstInvalidUTF8(bytes) ?? 0
            let (line, column) = YAMLValue.lineAndColumn(ofByte: offset, in: String(decoding: bytes[..<offset], as: UTF8.self))
            sink.error(.fileNotUTF8(byte: offset + 1),
                       at: SourceLocation(file: display(relative), line: line, column: column))
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}

extension ContentFiles {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in bytes[(index + 1)..<(index + length)] where next & 0xC0 != 0x80 { return index }
            // Overlong forms, surrogates and code points above U+10FFFF.
            if length == 3, (lead == 0xE0 && bytes[index + 1] < 0xA0) || (lead == 0xED && bytes[index + 1] > 0x9F) { return index }
            if length == 4, (lead == 0xF0 && bytes[index + 1] < 0x90) || (lead == 0xF4 && bytes[index + 1] > 0x8F) { return index }
            index += length
        }
        return nil
    }
}

/// What an image file is by its first bytes, whatever its name says.
enum ImageBytes {
    /// The lower-case extensions the bytes fit (`jpg`/`jpeg`, `png`, `gif`, `webp`, `avif`, `heic`);
    /// empty for anything else. Only JPEG has two, so an upload is named by the first one (`ImageKind`).
    static func kinds(_ bytes: [UInt8]) -> Set<String> {
        guard let kind = ImageKind(sniffing: bytes) else { return [] }
        return kind == .jpeg ? ["jpg", "jpeg"] : [kind.fileExtension]
    }
}
