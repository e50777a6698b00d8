import CDeflate
@testable import PlanPressKit

/// ZIP archives for tests, built record by record so that an entry can declare sizes other
/// than its real ones, and zip bombs: deflate streams of zeros many times their size.
enum TestZip {
    struct Entry {
        var name: String
        var data: [UInt8]          // as stored: raw deflate or plain bytes
        var deflated: Bool
        var crc: UInt32
        var size: Int              // the uncompressed size the records declare
    }

    /// A deflated entry holding `bytes`.
    static func entry(_ name: String, _ bytes: [UInt8]) -> Entry {
        let compressed = ZipArchive.compress(bytes, deflate: true)!
        return Entry(name: name, data: compressed.data, deflated: true, crc: compressed.crc, size: bytes.count)
    }

    static func entry(_ name: String, _ text: String) -> Entry { entry(name, Array(text.utf8)) }

    /// An entry that inflates to `megabytes` MB of zeros from ~1 KB per MB, declaring `declared` bytes
    /// (a bomb declares a small size). The CRC is not the real one: reading must stop long before it counts.
    static func bomb(_ name: String, megabytes: Int, declared: Int = 1000) -> Entry {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let first = Deflate.oneShot(zeros[...], level: 9, windowBits: -MAX_WBITS, flush: Z_SYNC_FLUSH)!
        let next = Deflate.oneShot(zeros[...], level: 9, windowBits: -MAX_WBITS, flush: Z_SYNC_FLUSH,
                                   dictionary: zeros[0..<ZipArchive.windowSize])!
        var data = first
        for _ in 1..<megabytes { data += next }
        data += ZipArchive.lastBlock
        return Entry(name: name, data: data, deflated: true, crc: 0, size: declared)
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func put16(_ buffer: inout [UInt8], _ value: Int) { buffer += [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func put32(_ buffer: inout [UInt8], _ value: Int) { for s in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8((value >> s) & 0xFF)) } }
        func header(_ buffer: inout [UInt8], _ entry: Entry) {
            put16(&buffer, 20); put16(&buffer, 2048); put16(&buffer, entry.deflated ? 8 : 0)
            put16(&buffer, 0); put16(&buffer, 33)
            put32(&buffer, Int(entry.crc)); put32(&buffer, entry.data.count); put32(&buffer, entry.size)
            put16(&buffer, entry.name.utf8.count); put16(&buffer, 0)
        }
        for entry in entries {
            let offset = out.count
            put32(&out, 0x0403_4B50); header(&out, entry); out += Array(entry.name.utf8); out += entry.data
            put32(&central, 0x0201_4B50); put16(&central, 789); header(&central, entry)
            put16(&central, 0); put16(&central, 0); put16(&central, 0); put32(&central, (0o100000 | 0o644) << 16)
            put32(&central, offset); central += Array(entry.name.utf8)
        }
        let start = out.count
        out += central
        put32(&out, 0x0605_4B50); put16(&out, 0); put16(&out, 0)
        put16(&out, entries.count); put16(&out, entries.count)
        put32(&out, central.count); put32(&out, start); put16(&out, 0)
        return out
    }
}
