import CDeflate
import Foundation
import ZIPFoundation

/// A ZIP archive (deflated entries) written byte for byte the same for the
/// same files: fixed timestamps (1980-01-01 00:00, the format's epoch),
/// fixed permissions (`rw-r--r--`), entries in the order given, UTF-8 names.
/// Used for `data/all.zip` and the XLSX workbooks.
///
/// Written here with zlib (the same records, fields and deflate settings as
/// ZIPFoundation writes, so the bytes of entries up to `pieceSize` are those it
/// wrote before): entries are deflated in parallel, and an entry deflated once
/// (`Compressed`) can be reused by the next build (`OpenDataExport`). A larger
/// entry is deflated in pieces cut where its content says (`pieces(of:)`), each
/// a run of deflate blocks primed with the 32 KB before it, as pigz does: the
/// pieces of one entry deflate in parallel, and after an edit only the pieces
/// whose bytes (or the 32 KB before them) changed are deflated again. ZIPFoundation still reads archives (`entries(of:)`, the
/// report importer).
public struct ZipArchive: Sendable {
    private var entries: [(name: String, bytes: [UInt8], deflate: Bool, compressed: Compressed?,
                           previous: (bytes: [UInt8], compressed: Compressed)?)] = []

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
        /// A large entry's pieces: the input range and the deflate blocks of each (reused by `pieceWork`).
        var pieces: [Piece] = []
        /// How many pieces were taken from the previous form rather than deflated (tests).
        var reused = 0
    }

    struct Piece: Sendable {
        var range: Range<Int>
        var deflated: [UInt8]
    }

    /// `deflate: false` stores the bytes as they are (for files that are archives already, such as XLSX).
    /// `compressed`: the result of `compress` on these same bytes in an earlier build. `previous`: an earlier
    /// version of the entry with its compressed form, whose unchanged pieces are reused.
    mutating func add(_ name: String, _ bytes: [UInt8], deflate: Bool, compressed: Compressed?,
                      previous: (bytes: [UInt8], compressed: Compressed)? = nil) {
        entries.append((name, bytes, deflate, compressed.flatMap { $0.deflated == deflate && $0.size == bytes.count ? $0 : nil },
                        previous.flatMap { $0.compressed.deflated == deflate ? $0 : nil }))
    }

    public mutating func add(_ name: String, _ bytes: [UInt8], deflate: Bool = true) {
        add(name, bytes, deflate: deflate, compressed: nil)
    }

    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive's bytes.
    public func bytes() throws -> [UInt8] { try assemble(compressedEntries()) }

    /// Every entry deflated (or stored), in parallel, a large entry's pieces each on its own;
    /// entries given with their `Compressed` form are kept, pieces unchanged since `previous` reused.
    func compressedEntries() throws -> [Compressed] {
        // Cut first (cheap), so that the pieces of all entries share the cores.
        let plans = parallelMap(Array(entries.indices)) { i -> PieceWork? in
            let entry = entries[i]
            guard entry.compressed == nil, entry.deflate, entry.bytes.count > ZipArchive.pieceSize else { return nil }
            return ZipArchive.pieceWork(entry.bytes, previous: entry.previous)
        }
        var tasks: [(entry: Int, piece: Int)] = []
        for (i, plan) in plans.enumerated() {
            if let plan { tasks += plan.missing.map { (i, $0) } } else if entries[i].compressed == nil { tasks.append((i, -1)) }
        }
        // A whole entry (piece -1) or one piece of a large one.
        let done = parallelMap(tasks) { task -> (whole: Compressed?, piece: [UInt8]?) in
            let entry = entries[task.entry]
            guard task.piece >= 0 else { return (ZipArchive.compress(entry.bytes, deflate: entry.deflate), nil) }
            return (nil, ZipArchive.deflatePiece(entry.bytes, plans[task.entry]!.ranges[task.piece]))
        }
        var results: [Compressed?] = entries.map(\.compressed)
        var pieces: [Int: [Int: [UInt8]]] = [:]
        for (task, result) in zip(tasks, done) {
            if task.piece < 0 {
                guard let whole = result.whole else { throw CocoaError(.fileWriteUnknown) }
                results[task.entry] = whole
            } else {
                guard let piece = result.piece else { throw CocoaError(.fileWriteUnknown) }
                pieces[task.entry, default: [:]][task.piece] = piece
            }
        }
        for (i, plan) in plans.enumerated() {
            guard let plan else { continue }
            let made = plan.ranges.indices.map { Piece(range: plan.ranges[$0], deflated: plan.reused[$0] ?? pieces[i]![$0]!) }
            var data: [UInt8] = []
            data.reserveCapacity(made.reduce(2) { $0 + $1.deflated.count })
            for piece in made { data += piece.deflated }
            data += ZipArchive.lastBlock
            results[i] = Compressed(crc: plan.crc, deflated: true, size: entries[i].bytes.count, data: data,
                                    pieces: made, reused: plan.reused.count)
        }
        return try results.map { try $0 ?? { throw CocoaError(.fileWriteUnknown) }() }
    }

    /// Entries longer than this are deflated in pieces of at least this size.
    static let pieceSize = 256 * 1024
    /// Past `pieceSize`, a piece ends at the first line end after a byte where the rolling hash of
    /// the last 64 bytes has these bits clear (about 64 KB on), at the first line end past
    /// `maxPieceSize`, or at twice that (text without line ends). Cut by content, an edit moves
    /// no cut but the ones next to it.
    static let cutMask: UInt64 = (1 << 16) - 1
    static let maxPieceSize = 1024 * 1024
    /// An empty final block with fixed codes (BFINAL 1, BTYPE 01, end-of-block): ends a stream of pieces.
    static let lastBlock: [UInt8] = [0x03, 0x00]

    /// The rolling hash's table: fixed pseudo-random numbers (splitmix64 from 0), the same on every run.
    static let gear: [UInt64] = {
        var state: UInt64 = 0
        return (0..<256).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }()

    /// Where the pieces of `bytes` begin and end.
    static func pieces(of bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            gear.withUnsafeBufferPointer { gear in
                var start = 0, hash: UInt64 = 0, armed = false
                for i in 0..<buffer.count {
                    hash = (hash << 1) &+ gear[Int(buffer[i])]
                    let length = i + 1 - start
                    guard length >= pieceSize else { continue }
                    if (hash & cutMask) == 0 { armed = true }
                    if (buffer[i] == 0x0A && (armed || length >= maxPieceSize)) || length >= 2 * maxPieceSize {
                        ranges.append(start..<(i + 1))
                        start = i + 1
                        armed = false
                    }
                }
                if start < buffer.count { ranges.append(start..<buffer.count) }
            }
        }
        return ranges
    }

    /// A large entry's pieces: which can be taken from the previous version (same bytes), which must be deflated.
    struct PieceWork {
        var ranges: [Range<Int>]
        /// The whole entry's CRC-32 (computed with the cuts, on the same core).
        var crc: UInt32
        var reused: [Int: [UInt8]] = [:]
        var missing: [Int] = []
    }

    static func pieceWork(_ bytes: [UInt8], previous: (bytes: [UInt8], compressed: Compressed)?) -> PieceWork {
        var work = PieceWork(ranges: pieces(of: bytes), crc: crc(bytes))
        var old: [Int: [Piece]] = [:]
        for piece in previous?.compressed.pieces ?? [] { old[piece.range.count, default: []].append(piece) }
        for (index, range) in work.ranges.enumerated() {
            // The same bytes after the same window: the piece's deflate blocks are the same.
            let window = min(windowSize, range.lowerBound)
            let same = old[range.count]?.first { piece in
                min(windowSize, piece.range.lowerBound) == window && previous!.bytes.withUnsafeBufferPointer { a in
                    bytes.withUnsafeBufferPointer { b in
                        memcmp(a.baseAddress! + piece.range.lowerBound - window, b.baseAddress! + range.lowerBound - window,
                               range.count + window) == 0
                    }
                }
            }
            if let same { work.reused[index] = same.deflated } else { work.missing.append(index) }
        }
        return work
    }

    /// Deflate's window: a piece may refer back this far, into the piece before it.
    static let windowSize = 32 * 1024

    /// One piece: raw deflate blocks ending on a byte boundary (a sync flush), no final block,
    /// primed with the window before it so that the pieces compress almost as one stream.
    static func deflatePiece(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
        Deflate.oneShot(bytes[range], level: level, windowBits: -MAX_WBITS, flush: Z_SYNC_FLUSH,
                        dictionary: bytes[max(0, range.lowerBound - windowSize)..<range.lowerBound])
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
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
        let crc = ZipArchive.crc(bytes)
        guard deflate else { return Compressed(crc: crc, deflated: false, size: bytes.count, data: bytes) }
        guard let out = Deflate.oneShot(bytes[...], level: level, windowBits: -MAX_WBITS) else { return nil }
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
