/// Compact JSON written straight into bytes, for the search index files
/// (tens of thousands of strings and numbers; `JSONSerialization` spent most
/// of a rebuild's time on them). Strings are written as UTF-8 with quotes,
/// backslashes and control characters escaped, and U+2028/2029 escaped so
/// the text is also safe as JavaScript.
struct CompactJSON {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 { bytes.append(UInt8(48 + value)); return }
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        bytes.append(0x22)
        var text = value
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let b = utf8[index]
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x00..<0x20, 0x7F: escape(UInt32(b))
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: bytes.append(b)
                }
                index += 1
            }
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ scalar: UInt32) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, 0x75])
        for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
    }

    /// `[a, b, …]` with `write` called for each element.
    mutating func array<S: Sequence>(_ items: S, _ write: (inout CompactJSON, S.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            write(&self, item)
        }
        bytes.append(0x5D)
    }
}
