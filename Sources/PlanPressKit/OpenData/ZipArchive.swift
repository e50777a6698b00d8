/// A ZIP archive with stored (uncompressed) entries, written byte for byte
/// the same for the same files: fixed timestamps (1980-01-01 00:00, the
/// format's epoch), fixed permissions, entries in the order given, UTF-8 names.
/// No ZIP64: every entry and the whole archive stay under 4 GiB.
public struct ZipArchive: Sendable {
    private var entries: [(name: String, bytes: [UInt8], crc: UInt32)] = []

    public init() {}

    /// `crc`: the entry's CRC-32 when the caller already has it (`CRC32.checksum(bytes)`).
    public mutating func add(_ name: String, _ bytes: [UInt8], crc: UInt32? = nil) {
        entries.append((name, bytes, crc ?? CRC32.checksum(bytes)))
    }

    public var bytes: [UInt8] {
        precondition(entries.count < Int(UInt16.max), "too many entries for a non-ZIP64 archive")
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = entry.crc
            let offset = out.count
            // Sizes of the open-data files are kilobytes; the 32-bit fields cannot overflow here.
            precondition(entry.bytes.count < Int(UInt32.max) && offset < Int(UInt32.max), "zip entry too large for a non-ZIP64 archive")
            out += le32(0x0403_4B50)
            out += common(crc: crc, size: entry.bytes.count, nameLength: name.count)
            out += name
            out += entry.bytes

            central += le32(0x0201_4B50)
            central += le16(0x0314) // made by: Unix, spec 2.0 (so the mode below is read)
            central += common(crc: crc, size: entry.bytes.count, nameLength: name.count)
            central += le16(0) // file comment length
            central += le16(0) // disk number
            central += le16(0) // internal attributes
            central += le32(0o100644 << 16) // external attributes: regular file, rw-r--r--
            central += le32(UInt32(offset))
            central += name
        }
        let centralOffset = out.count
        out += central
        out += le32(0x0605_4B50)
        out += le16(0) + le16(0)
        out += le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(centralOffset))
        out += le16(0) // archive comment length
        return out
    }

    /// The fields shared by the local header and the central directory entry.
    private func common(crc: UInt32, size: Int, nameLength: Int) -> [UInt8] {
        le16(20) // version needed: 2.0
            + le16(0x0800) // flags: names are UTF-8
            + le16(0) // method: stored
            + le16(0) // time 00:00:00
            + le16(0x0021) // date 1980-01-01
            + le32(crc) + le32(UInt32(size)) + le32(UInt32(size))
            + le16(UInt16(nameLength)) + le16(0) // extra field length
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) } }
}
