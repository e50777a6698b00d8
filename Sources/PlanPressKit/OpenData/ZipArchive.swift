import CDeflate
import Foundation
import ZIPFoundation

/// A ZIP archive (deflated entries) written byte for byte the same for the
/// same files: fixed timestamps (1980-01-01 00:00, the format's epoch),
/// fixed permissions (`rw-r--r--`), entries in the order given, UTF-8 names.
/// Used for `data/all.zip` and the XLSX workbooks.
///
/// Written here with zlib (the same records, fields and deflate settings as
/// ZIPFoundation writes, so the bytes are those it wrote before): entries are
/// deflated in parallel, and an entry deflated once (`Compressed`) can be
/// reused by the next build (`OpenDataExport`). ZIPFoundation still reads
/// archives (`entries(of:)`, the report importer).
public struct ZipArchive: Sendable {
    private var entries: [(name: String, bytes: [UInt8], deflate: Bool, compressed: Compressed?)] = []

    /// zlib's level for deflated entries: its default (6), what ZIPFoundation used. Level 1 deflated the
    /// 20k bench's entries 2.4× faster but made `all.zip` 27 % larger (docs/performance.md, 2026-12-01).
    static let level: Int32 = Z_DEFAULT_COMPRESSION

    public init() {}

    /// An entry's data as stored in the archive: its CRC-32, method and (deflated) bytes.
    struct Compressed: Sendable {
        var crc: UInt32
        var deflated: Bool
        var size: Int
        var data: [UInt8]
    }

    /// `deflate: false` stores the bytes as they are (for files that are archives already, such as XLSX).
    /// `compressed`: the result of `compress` on these same bytes in an earlier build.
    mutating func add(_ name: String, _ bytes: [UInt8], deflate: Bool, compressed: Compressed?) {
        entries.append((name, bytes, deflate, compressed.flatMap { $0.deflated == deflate && $0.size == bytes.count ? $0 : nil }))
    }

    public mutating func add(_ name: String, _ bytes: [UInt8], deflate: Bool = true) {
        add(name, bytes, deflate: deflate, compressed: nil)
    }

    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive's bytes.
    public func bytes() throws -> [UInt8] { try assemble(compressedEntries()) }

    /// Every entry deflated (or stored), in parallel; entries given with their `Compressed` form are kept.
    func compressedEntries() throws -> [Compressed] {
        let results = parallelMap(Array(entries.indices)) { i -> Compressed? in
            let entry = entries[i]
            return entry.compressed ?? ZipArchive.compress(entry.bytes, deflate: entry.deflate)
        }
        return try results.map { try $0 ?? { throw CocoaError(.fileWriteUnknown) }() }
    }

    /// The archive from the entries' compressed forms (`compressedEntries()`, in the same order).
    func assemble(_ compressed: [Compressed]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compressed.reduce(0) { $0 + $1.data.count + 128 } + 22)
        var central: [UInt8] = []
        central.reserveCapacity(entries.count * 96)
        for (entry, data) in zip(entries, compressed) {
            let name = Array(entry.name.utf8)
            guard data.size < Int(UInt32.max), data.data.count < Int(UInt32.max), out.count < Int(UInt32.max),
                  name.count <= Int(UInt16.max) else { throw CocoaError(.fileWriteUnknown) }
            let offset = UInt32(out.count)
            // Local file header.
            ZipArchive.put32(&out, 0x0403_4B50)
            ZipArchive.header(&out, data, nameLength: name.count)
            out += name
            out += data.data
            // Central directory record: made by Unix (3), version 2.1 (789), as ZIPFoundation writes it.
            ZipArchive.put32(&central, 0x0201_4B50)
            ZipArchive.put16(&central, 789)
            ZipArchive.header(&central, data, nameLength: name.count)
            ZipArchive.put16(&central, 0)  // comment length
            ZipArchive.put16(&central, 0)  // disk number
            ZipArchive.put16(&central, 0)  // internal attributes
            ZipArchive.put32(&central, (0o100000 | 0o644) << 16)  // regular file, rw-r--r--
            ZipArchive.put32(&central, offset)
            central += name
        }
        guard entries.count < Int(UInt16.max), out.count + central.count < Int(UInt32.max) else { throw CocoaError(.fileWriteUnknown) }
        let start = UInt32(out.count)
        out += central
        // End of central directory.
        ZipArchive.put32(&out, 0x0605_4B50)
        ZipArchive.put16(&out, 0)
        ZipArchive.put16(&out, 0)
        ZipArchive.put16(&out, UInt16(entries.count))
        ZipArchive.put16(&out, UInt16(entries.count))
        ZipArchive.put32(&out, UInt32(central.count))
        ZipArchive.put32(&out, start)
        ZipArchive.put16(&out, 0)
        return out
    }

    /// The fields local header and central record share, from «version needed» to «extra field length».
    private static func header(_ out: inout [UInt8], _ data: Compressed, nameLength: Int) {
        put16(&out, 20)  // version needed: 2.0
        put16(&out, 2048)  // bit 11: UTF-8 names
        put16(&out, data.deflated ? 8 : 0)
        put16(&out, 0)  // 00:00:00
        put16(&out, 33)  // 1980-01-01: day 1 + month 1 × 32 + (1980 − 1980) × 512
        put32(&out, data.crc)
        put32(&out, UInt32(data.data.count))
        put32(&out, UInt32(data.size))
        put16(&out, UInt16(nameLength))
        put16(&out, 0)  // extra field length
    }

    private static func put16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF))
        out.append(UInt8(value >> 8))
    }

    private static func put32(_ out: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    /// The CRC-32 and the raw deflate stream (zlib, no header; memory level 9 as ZIPFoundation) or the bytes
    /// themselves. Nil only if zlib fails.
    static func compress(_ bytes: [UInt8], deflate: Bool) -> Compressed? {
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        guard deflate else { return Compressed(crc: crc, deflated: false, size: bytes.count, data: bytes) }
        guard let out = Deflate.oneShot(bytes, level: level, windowBits: -MAX_WBITS) else { return nil }
        return Compressed(crc: crc, deflated: true, size: bytes.count, data: out)
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
