import Foundation
import ZIPFoundation

/// A ZIP archive (deflated entries, ZIPFoundation) written byte for byte the
/// same for the same files: fixed timestamps (1980-01-01 00:00, the format's
/// epoch, read in UTC), fixed permissions (`rw-r--r--`), entries in the order
/// given, UTF-8 names. Used for `data/all.zip` and the XLSX workbooks.
public struct ZipArchive: Sendable {
    private var entries: [(name: String, bytes: [UInt8], deflate: Bool)] = []

    /// 1980-01-01 00:00:00 UTC; ZIPFoundation writes dates through `gmtime`, so every time zone gives the same bytes.
    static let epoch = Date(timeIntervalSince1970: 315_532_800)

    public init() {}

    /// `deflate: false` stores the bytes as they are (for files that are archives already, such as XLSX).
    public mutating func add(_ name: String, _ bytes: [UInt8], deflate: Bool = true) {
        entries.append((name, bytes, deflate))
    }

    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive's bytes. Fails only if ZIPFoundation cannot write in memory.
    public func bytes() throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(with: entry.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: ZipArchive.epoch,
                                 permissions: 0o644, compressionMethod: entry.deflate ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// The entries of an archive (an XLSX file): name → bytes. Throws on anything that is not a readable ZIP.
    public static func entries(of bytes: [UInt8]) throws -> [String: [UInt8]] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [String: [UInt8]] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            out[entry.path] = Array(data)
        }
        return out
    }
}
