import Foundation
import SWXMLHash
import ZIPFoundation

/// A ZIP archive read within `ArchiveLimits` (ZIPFoundation underneath): entries by name,
/// each inflated in 64 KB chunks with its size, the archive's running total and its ratio to
/// the entry's compressed size checked after every chunk, so a zip bomb is refused after at
/// most `entryBytes` of memory, whatever sizes it declares; the CRC-32 is checked at the end. Used for Word documents (`planpress import plan`) and
/// workbooks. Not for writing: `ZipArchive` writes.
public final class BoundedZip {
    public let limits: ArchiveLimits
    /// The names of the file entries, in archive order.
    public private(set) var names: [String] = []
    private var entries: [String: Entry] = [:]
    private let archive: Archive
    /// Uncompressed bytes read so far (for `ArchiveLimits.totalBytes`).
    public private(set) var bytesRead = 0

    /// The archive at `path`, read where it lies: its size, its first bytes and its end record are
    /// checked first (an OLE compound document is read whole, within the size limit, to tell an
    /// encrypted package from an old Word file).
    public init(path: String, limits: ArchiveLimits = .office) throws {
        self.limits = limits
        guard let file = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadUnknown) }
        defer { try? file.close() }
        let size = Int(clamping: (try? file.seekToEnd()) ?? 0)
        guard size <= limits.archiveBytes else { throw ArchiveError.archiveTooLarge(limit: limits.archiveBytes) }
        try? file.seek(toOffset: 0)
        let head = [UInt8]((try? file.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            try? file.seek(toOffset: 0)
            if let compound = BoundedZip.compoundFile([UInt8]((try? file.readToEnd()) ?? Data())) { throw compound }
        }
        let tailStart = max(0, size - 22 - 65_535)
        try? file.seek(toOffset: UInt64(tailStart))
        let tail = [UInt8]((try? file.read(upToCount: size - tailStart)) ?? Data())
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]),
              BoundedZip.hasEndRecord(tail) else { throw ArchiveError.notZIP }
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) } catch { throw ArchiveError.notZIP }
        (names, entries) = try BoundedZip.index(archive, limits: limits)
    }

    /// An archive in memory (an upload). Throws `ArchiveError`.
    public init(bytes: [UInt8], limits: ArchiveLimits = .office) throws {
        self.limits = limits
        guard bytes.count <= limits.archiveBytes else { throw ArchiveError.archiveTooLarge(limit: limits.archiveBytes) }
        if let compound = BoundedZip.compoundFile(bytes) { throw compound }
        // A local file header at the start (or an empty archive), and the end-of-central-directory
        // record within the last 22 + 65,535 bytes (its comment's largest length): ZIPFoundation would
        // otherwise look for that record one byte at a time through the whole file.
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]),
              BoundedZip.hasEndRecord(bytes) else { throw ArchiveError.notZIP }
        // Read through a temporary file, not ZIPFoundation's memory mode: its in-memory reader traps
        // (a range with lowerBound > upperBound) when a damaged archive makes it seek past the end,
        // where a file read simply returns nothing (found by the fuzzer on a mutated workbook).
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-archive-\(UUID().uuidString).zip")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes),
                                             attributes: [.posixPermissions: 0o600]) else { throw ArchiveError.notZIP }
        defer { try? FileManager.default.removeItem(at: url) }  // the archive keeps its open file
        do { archive = try Archive(url: url, accessMode: .read, pathEncoding: nil) } catch { throw ArchiveError.notZIP }
        (names, entries) = try BoundedZip.index(archive, limits: limits)
    }

    /// The file entries by name (the first of a repeated name), within `ArchiveLimits.entries`.
    private static func index(_ archive: Archive, limits: ArchiveLimits) throws -> ([String], [String: Entry]) {
        var names: [String] = [], entries: [String: Entry] = [:], count = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else { throw ArchiveError.tooManyEntries(limit: limits.entries) }
            guard entry.type == .file else { continue }
            if entries[entry.path] == nil {
                entries[entry.path] = entry
                names.append(entry.path)
            }
        }
        return (names, entries)
    }

    public func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The uncompressed bytes of entry `name`, or nil when the archive has no such file.
    public func data(_ name: String) throws -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(limits.entryBytes) else {
            throw ArchiveError.entryTooLarge(entry: name, limit: limits.entryBytes)
        }
        enum Stop: Error { case refused(ArchiveError) }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        let limits = self.limits, before = bytesRead
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(declared), 1 << 20))
        do {
            let crc = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                if out.count > limits.entryBytes { throw Stop.refused(.entryTooLarge(entry: name, limit: limits.entryBytes)) }
                if before + out.count > limits.totalBytes { throw Stop.refused(.totalTooLarge(limit: limits.totalBytes)) }
                if out.count > limits.ratioGrace, out.count / compressed > limits.ratio {
                    throw Stop.refused(.ratioTooHigh(entry: name, limit: limits.ratio))
                }
            }
            guard crc == entry.checksum else { throw ArchiveError.entryDamaged(entry: name) }
        } catch Stop.refused(let error) {
            throw error
        } catch {
            throw ArchiveError.entryDamaged(entry: name)
        }
        bytesRead += out.count
        return out
    }

    /// Entry `name` parsed as XML within `xmlLimits`, or nil when the archive has no such file.
    public func xml(_ name: String, limits xmlLimits: XMLLimits = .office) throws -> XMLIndexer? {
        guard let bytes = try data(name) else { return nil }
        return try BoundedXML.parse(bytes, entry: name, limits: xmlLimits)
    }

    /// Like `data`, for a part the caller cannot do without.
    public func required(_ name: String) throws -> [UInt8] {
        guard let bytes = try data(name) else { throw ArchiveError.entryMissing(entry: name) }
        return bytes
    }

    static func hasEndRecord(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        let low = max(0, bytes.count - 22 - 65_535)
        var i = bytes.count - 22
        while i >= low {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { return true }
            i -= 1
        }
        return false
    }

    /// An OLE compound document, and whether it is an encrypted Office package (the directory
    /// names its `EncryptedPackage` stream, in UTF-16LE).
    static func compoundFile(_ bytes: [UInt8]) -> ArchiveError? {
        guard bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) else { return nil }
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let encrypted = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard buffer.count >= name.count else { return false }
            for start in 0...(buffer.count - name.count) where buffer[start] == name[0] {
                if name.indices.allSatisfy({ buffer[start + $0] == name[$0] }) { return true }
            }
            return false
        }
        return .compoundFile(encrypted: encrypted)
    }
}
