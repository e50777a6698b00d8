import CDeflate

/// What is left of a photo's metadata when the original is stored in `Content/` (the site's
/// repository may be public): the picture itself, untouched, and the orientation — nothing
/// else. GPS position, camera make, model and serial number, owner, dates, XMP, IPTC, comments
/// and embedded thumbnails go. Lossless: the encoded picture data is copied byte for byte; only
/// the containers' metadata parts are dropped or, where a container's layout must stay as it
/// is (HEIC, AVIF), overwritten in place. The Orientation tag is kept with its value (in a
/// minimal EXIF block of that one tag), so the photo is turned upright exactly as before; the
/// colour profile (ICC) is kept, so colours stay as they were. docs/updates.md, «Photos».
public enum PhotoPrivacy {
    /// The photo without private metadata; bytes of any other kind are returned as they are.
    public static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        switch ImageKind(sniffing: bytes) {
        case .jpeg: return JPEGSegments.stripped(bytes)
        case .png: return PNGChunks.stripped(bytes)
        case .webp: return WebPChunks.strippingMetadata(bytes, keepingOrientation: true)
        case .gif: return GIFBlocks.stripped(bytes)
        case .heic, .avif: return HEIFBoxes.stripped(bytes)
        case nil: return bytes
        }
    }
}

/// EXIF's TIFF structure: the Orientation tag read from IFD0, and a minimal block holding only it.
enum ExifOrientation {
    /// Orientation (tag 0x0112) of a TIFF block (`II*\0` or `MM\0*` first), 1–8; nil when absent or unreadable.
    static func read(_ tiff: ArraySlice<UInt8>) -> UInt16? {
        let t = Array(tiff)
        guard t.count >= 8 else { return nil }
        let little: Bool
        if t[0] == 0x49 && t[1] == 0x49 { little = true } else if t[0] == 0x4D && t[1] == 0x4D { little = false } else { return nil }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= t.count else { return nil }
            return little ? Int(t[at]) | Int(t[at + 1]) << 8 : Int(t[at]) << 8 | Int(t[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0..<count {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at), let type = u16(at + 2) else { return nil }
            if tag == 0x0112, type == 3, let value = u16(at + 8), (1...8).contains(value) { return UInt16(value) }
        }
        return nil
    }

    /// A big-endian TIFF block whose IFD0 holds the one Orientation tag (26 bytes), or nothing (14).
    static func minimal(_ orientation: UInt16?) -> [UInt8] {
        var block = Array("MM".utf8) + [0x00, 0x2A, 0, 0, 0, 8]   // header, IFD0 at 8
        if let orientation {
            block += [0, 1]                                       // one entry: Orientation, SHORT, count 1
                + [0x01, 0x12, 0, 3, 0, 0, 0, 1, UInt8(orientation >> 8), UInt8(orientation & 0xFF), 0, 0]
        } else {
            block += [0, 0]                                       // no entry
        }
        return block + [0, 0, 0, 0]                               // no next IFD
    }
}

private func bigEndian16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
private func bigEndian32(_ bytes: [UInt8], _ at: Int) -> Int {
    Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
}
private func starts(_ bytes: [UInt8], at offset: Int, with prefix: String) -> Bool {
    let p = Array(prefix.utf8)
    return offset >= 0 && offset + p.count <= bytes.count && Array(bytes[offset..<offset + p.count]) == p
}

/// JPEG: the segments before the picture data. Kept: JFIF (APP0), the ICC profile (APP2), Adobe's
/// colour transform (APP14) and every segment the decoder needs; dropped: EXIF and XMP (APP1),
/// the multi-picture index (APP2 `MPF`, with the pictures it points to after the end marker),
/// APP3–APP13 and APP15 (IPTC, makers' blocks) and comments. An EXIF block's Orientation comes
/// back as a minimal EXIF block where the old one was.
enum JPEGSegments {
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 1 < bytes.count {
            guard bytes[i] == 0xFF else { out += bytes[i...]; return out }   // not a marker: keep the rest as it is
            let marker = bytes[i + 1]
            if marker == 0xFF { i += 1; continue }                           // fill byte
            if marker == 0xD9 { out += [0xFF, 0xD9]; return out }           // end of image: anything after goes
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { out += [0xFF, marker]; i += 2; continue }
            guard i + 4 <= bytes.count else { out += bytes[i...]; return out }
            let end = min(i + 2 + bigEndian16(bytes, i + 2), bytes.count)
            let body = i + 4
            switch marker {
            case 0xE1:
                if starts(bytes, at: body, with: "Exif\0\0"), let orientation = ExifOrientation.read(bytes[min(body + 6, end)..<end]),
                   orientation != 1 {
                    let payload = Array("Exif\0\0".utf8) + ExifOrientation.minimal(orientation)
                    out += [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
                }
            case 0xE2 where starts(bytes, at: body, with: "ICC_PROFILE\0"), 0xE0, 0xEE:
                out += bytes[i..<end]
            case 0xE2...0xEF, 0xFE:
                break
            case 0xDA:
                // Start of scan: the entropy-coded data runs to the next marker that is not a
                // stuffed 0xFF00 or a restart marker.
                var j = end
                while j + 1 < bytes.count && !(bytes[j] == 0xFF && bytes[j + 1] != 0 && !(0xD0...0xD7).contains(bytes[j + 1]) && bytes[j + 1] != 0xFF) {
                    j += 1
                }
                if j + 1 >= bytes.count { j = bytes.count }
                out += bytes[i..<j]
                i = j
                continue
            default:
                out += bytes[i..<end]
            }
            i = end
        }
        return out
    }
}

/// PNG: text chunks (`tEXt`, `zTXt`, `iTXt`, where XMP lives), the time stamp (`tIME`) and EXIF
/// (`eXIf`, replaced by a minimal one when it holds an orientation) go; chunks after `IEND` too.
enum PNGChunks {
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        var out = Array(bytes.prefix(8))
        var i = 8
        while i + 12 <= bytes.count {
            let length = bigEndian32(bytes, i)
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            let end = min(i + 12 + length, bytes.count)
            switch type {
            case "tEXt", "zTXt", "iTXt", "tIME":
                break
            case "eXIf":
                if let orientation = ExifOrientation.read(bytes[min(i + 8, end)..<min(i + 8 + length, end)]), orientation != 1 {
                    out += chunk("eXIf", ExifOrientation.minimal(orientation))
                }
            default:
                out += bytes[i..<end]
            }
            if type == "IEND" { return out }
            i = end
        }
        if i < bytes.count { out += bytes[i...] }   // a truncated last chunk: left for the decoder to judge
        return out
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
        return be(UInt32(data.count)) + typed + be(crc)
    }
}

/// GIF: comment extensions and application extensions (XMP is one) go, except the looping
/// ones (`NETSCAPE2.0`, `ANIMEXTS1.0`); anything after the trailer goes.
enum GIFBlocks {
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 13 else { return bytes }
        var i = 13
        if bytes[10] & 0x80 != 0 { i += 3 << (Int(bytes[10] & 0x07) + 1) }   // global colour table
        guard i <= bytes.count else { return bytes }
        var out = Array(bytes[0..<i])
        /// The end of a run of sub-blocks starting at `at` (after its 0 terminator).
        func subBlocksEnd(_ at: Int) -> Int {
            var j = at
            while j < bytes.count {
                let size = Int(bytes[j])
                j += 1 + size
                if size == 0 { break }
            }
            return min(j, bytes.count)
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x3B:
                out.append(0x3B)
                return out
            case 0x21 where i + 1 < bytes.count:
                let label = bytes[i + 1]
                let end = subBlocksEnd(i + 2)
                let looping = label == 0xFF && (starts(bytes, at: i + 3, with: "NETSCAPE2.0") || starts(bytes, at: i + 3, with: "ANIMEXTS1.0"))
                if !(label == 0xFE || label == 0xFF) || looping { out += bytes[i..<end] }
                i = end
            case 0x2C where i + 10 <= bytes.count:
                var j = i + 10
                if bytes[i + 9] & 0x80 != 0 { j += 3 << (Int(bytes[i + 9] & 0x07) + 1) }   // local colour table
                j = subBlocksEnd(min(j + 1, bytes.count))                                // LZW code size, then data
                out += bytes[i..<j]
                i = j
            default:
                out += bytes[i...]   // not a block: left for the decoder to judge
                return out
            }
        }
        return out
    }
}

/// HEIC and AVIF (ISO base media files): the `Exif` item and XMP items (`mime`,
/// `application/rdf+xml`) are overwritten where they lie — every offset in the file stays
/// valid — the EXIF with a minimal block holding only the orientation (zeros after it), the XMP
/// with spaces. A file whose boxes do not add up is returned unchanged (the decoder refuses it).
enum HEIFBoxes {
    struct Box { var type: String; var start: Int; var body: Int; var end: Int }

    static func boxes(_ bytes: [UInt8], from: Int, to: Int) -> [Box]? {
        var result: [Box] = []
        var i = from
        while i + 8 <= to {
            var size = bigEndian32(bytes, i)
            var header = 8
            if size == 1 {
                guard i + 16 <= to else { return nil }
                size = Int(clamping: UInt64(bigEndian32(bytes, i + 8)) << 32 | UInt64(bigEndian32(bytes, i + 12)))
                header = 16
            } else if size == 0 {
                size = to - i
            }
            guard size >= header, i + size <= to else { return nil }
            result.append(Box(type: String(decoding: bytes[i + 4..<i + 8], as: UTF8.self), start: i, body: i + header, end: i + size))
            i += size
        }
        return result
    }

    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard let top = boxes(bytes, from: 0, to: bytes.count), let meta = top.first(where: { $0.type == "meta" }),
              let inner = boxes(bytes, from: meta.body + 4, to: meta.end) else { return bytes }
        var exif: Set<Int> = [], xmp: Set<Int> = []
        if let iinf = inner.first(where: { $0.type == "iinf" }), iinf.end - iinf.body >= 6 {
            let version = bytes[iinf.body]
            let entries = iinf.body + 4 + (version == 0 ? 2 : 4)
            for infe in boxes(bytes, from: entries, to: iinf.end) ?? [] where infe.type == "infe" && infe.end > infe.body {
                let v = bytes[infe.body]
                guard v >= 2, infe.body + 4 + (v == 2 ? 2 : 4) + 6 <= infe.end else { continue }
                var at = infe.body + 4
                let id = v == 2 ? bigEndian16(bytes, at) : bigEndian32(bytes, at)
                at += (v == 2 ? 2 : 4) + 2   // item_ID, protection index
                let type = String(decoding: bytes[at..<at + 4], as: UTF8.self)
                if type == "Exif" { exif.insert(id) }
                if type == "mime" {
                    let name = bytes[(at + 4)..<infe.end].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
                    if name.count > 1, String(decoding: name[1], as: UTF8.self) == "application/rdf+xml" { xmp.insert(id) }
                }
            }
        }
        guard !exif.isEmpty || !xmp.isEmpty, let iloc = inner.first(where: { $0.type == "iloc" }),
              let extents = locations(bytes, iloc: iloc, idat: inner.first(where: { $0.type == "idat" })) else { return bytes }
        var out = bytes
        for (id, ranges) in extents where exif.contains(id) || xmp.contains(id) {
            let data = ranges.flatMap { bytes[$0] }
            var replacement: [UInt8]
            if exif.contains(id) {
                // A 4-byte offset to the TIFF header, then (often "Exif\0\0" and) the TIFF block.
                var orientation: UInt16?
                if data.count >= 4 {
                    let offset = 4 + bigEndian32(data, 0)
                    if offset >= 4, offset < data.count { orientation = ExifOrientation.read(data[offset...]) }
                }
                replacement = [0, 0, 0, 0] + ExifOrientation.minimal(orientation)
                if replacement.count > data.count { replacement = [UInt8](repeating: 0, count: data.count) }
                replacement += [UInt8](repeating: 0, count: data.count - replacement.count)
            } else {
                replacement = [UInt8](repeating: 0x20, count: data.count)
            }
            var k = 0
            for range in ranges {
                for position in range {
                    out[position] = replacement[k]
                    k += 1
                }
            }
        }
        return out
    }

    /// Item id → its byte ranges in the file (`iloc` versions 0–2, construction methods 0 and 1).
    static func locations(_ bytes: [UInt8], iloc: Box, idat: Box?) -> [Int: [Range<Int>]]? {
        guard iloc.end - iloc.body >= 4 else { return nil }
        let version = bytes[iloc.body]
        var at = iloc.body + 4
        func read(_ size: Int) -> Int? {
            guard at + size <= iloc.end else { return nil }
            var value = 0
            for k in 0..<size { value = value << 8 | Int(bytes[at + k]) }
            at += size
            return value
        }
        guard let sizes = read(2) else { return nil }
        let offsetSize = sizes >> 12, lengthSize = (sizes >> 8) & 0xF, baseSize = (sizes >> 4) & 0xF
        let indexSize = version >= 1 ? sizes & 0xF : 0
        guard let count = read(version < 2 ? 2 : 4) else { return nil }
        var result: [Int: [Range<Int>]] = [:]
        for _ in 0..<count {
            guard let id = read(version < 2 ? 2 : 4) else { return nil }
            var method = 0
            if version >= 1 { guard let m = read(2) else { return nil }; method = m & 0xF }
            guard read(2) != nil, let base = read(baseSize), let extentCount = read(2) else { return nil }
            var ranges: [Range<Int>] = []
            for _ in 0..<extentCount {
                if indexSize > 0 { guard read(indexSize) != nil else { return nil } }
                guard let offset = read(offsetSize), let length = read(lengthSize) else { return nil }
                let start: Int
                switch method {
                case 0: start = base + offset
                case 1:
                    guard let idat else { return nil }
                    start = idat.body + base + offset
                default: return nil
                }
                guard length > 0, start >= 0, start + length <= bytes.count else { return nil }
                ranges.append(start..<start + length)
            }
            result[id] = ranges
        }
        return result
    }
}
