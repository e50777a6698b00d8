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
    /// The templates folder rather than the content folder (which one a link must not leave).
    var isTemplates = false

    /// The error for a file whose symbolic link leads out of this folder.
    func linkOutside(_ target: String) -> Message {
        isTemplates ? .linkOutsideTemplates(target: target) : .linkOutsideContent(target: target)
    }

    /// Relative paths of regular files below `subfolder` with one of `extensions`, sorted. Names
    /// starting with `.` or `_` are left out (folders starting with `.` are not entered). A folder
    /// that does not exist holds nothing; one that exists but cannot be listed (permissions, no file
    /// descriptors left, an I/O error) is an error naming it: a build never publishes less because
    /// the system failed.
    func list(_ subfolder: String, extensions: Set<String>, sink: DiagnosticSink) -> [String] {
        let prefix = subfolder.isEmpty ? "" : subfolder + "/"
        var found = Set(overlay.keys.filter { $0.hasPrefix(prefix) })
        walk(subfolder, top: true, sink: sink) { found.insert($0) }
        return found.filter { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
            return extensions.contains(ext) && !name.hasPrefix(".") && !name.hasPrefix("_")
        }
        .sorted()
    }

    /// Every file below `relative` (its path relative to the root), from readdir(3); symbolic links
    /// are listed as files and not entered as folders (as `FileStamps` walks).
    private func walk(_ relative: String, top: Bool, sink: DiagnosticSink, _ file: (String) -> Void) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        let listed: [(name: String, type: Int, inode: UInt64)]
        switch ContentFiles.entries(folder) {
        case .success(let entries): listed = entries
        case .failure(let failure):
            // A missing folder is an empty one (every folder under Content/ is optional).
            if top && (failure.code == ENOENT || failure.code == ENOTDIR) { return }
            sink.error(.folderUnreadable(reason: failure.reason), at: SourceLocation(file: display(relative)))
            return
        }
        for entry in listed {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            var type = entry.type
            if type == DT_UNKNOWN {
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else {
                    sink.error(.fileUnreadable(reason: FileFailure(errno).reason), at: SourceLocation(file: display(path)))
                    continue
                }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int(DT_DIR) : Int(DT_REG)
            }
            if type == DT_DIR {
                if !entry.name.hasPrefix(".") { walk(path, top: false, sink: sink, file) }
            } else {
                file(path)
            }
        }
    }

    /// Why a system call failed: its `errno`, with the C library's text and the name (`EACCES`).
    struct FileFailure: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
        var reason: String {
            let names: [Int32: String] = [EACCES: "EACCES", EPERM: "EPERM", EMFILE: "EMFILE", ENFILE: "ENFILE", EIO: "EIO",
                                          ENOENT: "ENOENT", ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", ELOOP: "ELOOP", ENOMEM: "ENOMEM"]
            let text = String(cString: strerror(code))
            return names[code].map { "\(text), \($0)" } ?? text
        }
    }

    /// The names in one folder, or why it cannot be listed (readdir errors included, not only opendir's).
    static func entries(_ folder: String) -> Result<[(name: String, type: Int, inode: UInt64)], FileFailure> {
        if let code = InjectedFaults.code(.opendir, folder) { return .failure(FileFailure(code)) }
        guard let dir = opendir(folder) else { return .failure(FileFailure(errno)) }
        defer { closedir(dir) }
        var found: [(name: String, type: Int, inode: UInt64)] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(FileFailure(errno)) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            found.append((name, Int(entry.pointee.d_type), UInt64(entry.pointee.d_ino)))
        }
        return .success(found)
    }

    func exists(_ relative: String) -> Bool {
        overlay[relative] != nil || FileManager.default.fileExists(atPath: root + "/" + relative)
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDir) && isDir.boolValue
    }

    /// The file's size in bytes, without reading it (nil when it cannot be told).
    func size(_ relative: String) -> Int? {
        if let bytes = overlay[relative] { return bytes.count }
        return (try? FileManager.default.attributesOfItem(atPath: root + "/" + relative))?[.size] as? Int
    }

    /// The bytes of a file (images); nil when it cannot be read or is a link to outside the content folder.
    func data(_ relative: String) -> Data? {
        guard outside(relative) == nil else { return nil }
        return try? contents(relative).get()
    }

    /// The bytes of a file, or why they cannot be read (the overlay first; links are not checked here).
    func contents(_ relative: String) -> Result<Data, FileFailure> {
        if let bytes = overlay[relative] { return .success(Data(bytes)) }
        return ContentFiles.readFile(root + "/" + relative)
    }

    /// A whole file through open(2) and read(2), so that a failure keeps its reason.
    static func readFile(_ path: String) -> Result<Data, FileFailure> {
        if let code = InjectedFaults.code(.open, path) { return .failure(FileFailure(code)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileFailure(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(FileFailure(errno)) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { return .failure(FileFailure(EISDIR)) }
        // One byte more than the size, so that the common case ends with one read returning 0.
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)) + 1)
        var length = 0
        while true {
            if length == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + length, $0.count - length) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(FileFailure(errno))
            }
            length += count
        }
        return .success(Data(bytes[..<length]))
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
            sink.error(linkOutside(target), at: SourceLocation(file: display(relative)))
            return nil
        }
        let data: Data
        switch contents(relative) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            sink.error(.fileUnreadable(reason: failure.reason), at: SourceLocation(file: display(relative)))
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
        // Control characters (ESC, BEL, NUL, C1 …) are invisible, can drive a terminal and break pages
        // and CSV files: refused in every text file, wherever they are (tab and line ends are text).
        if let (offset, scalar) = ContentFiles.firstControlCharacter(text, allowing: relative.hasSuffix(".txt") ? [0x0C] : []) {
            let (line, column) = YAMLValue.lineAndColumn(ofByte: offset, in: text)
            sink.error(.controlCharacter(code: ContentFiles.code(scalar), markdown: true),
                       at: SourceLocation(file: display(relative), line: line, column: column))
            return nil
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}

extension ContentFiles {
    /// The byte offset and value of the first control character in `text` (C0 but tab, line feed and
    /// carriage return; DEL; C1), or nil. `allowing`: more C0 characters to let through (the form feed
    /// of a page break in a transcribed document). A byte scan: the common case costs one pass.
    static func firstControlCharacter(_ text: String, allowing: Set<UInt8> = []) -> (offset: Int, scalar: UInt32)? {
        var text = text
        return text.withUTF8 { bytes -> (Int, UInt32)? in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D && !allowing.contains(byte) { return (index, UInt32(byte)) }
                } else if byte == 0x7F {
                    return (index, 0x7F)
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return (index, UInt32(bytes[index + 1]))
                }
                index += 1
            }
            return nil
        }
    }

    /// `U+001B` for a message.
    static func code(_ scalar: UInt32) -> String { "U+" + String(format: "%04X", scalar) }
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
