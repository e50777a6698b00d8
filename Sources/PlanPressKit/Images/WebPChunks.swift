/// WebP's RIFF container: the EXIF and XMP chunks dropped and their flags cleared. libvips 8.14
/// writes a small EXIF chunk (resolution) into every WebP even with `strip`; an original stored
/// in `Content/` keeps its orientation as a minimal EXIF chunk (`PhotoPrivacy`). Container
/// bookkeeping only: the image data is untouched.
enum WebPChunks {
    static func strippingMetadata(_ bytes: [UInt8], keepingOrientation: Bool = false) -> [UInt8] {
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WEBP".utf8) else { return bytes }
        var chunks: [UInt8] = []
        var offset = 12
        var flagsAt: Int?
        while offset + 8 <= bytes.count {
            let tag = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return bytes }
            if tag == "EXIF" {
                var tiff = bytes[offset + 8..<offset + 8 + size]
                if tiff.starts(with: Array("Exif\0\0".utf8)) { tiff = tiff.dropFirst(6) }
                if keepingOrientation, let orientation = ExifOrientation.read(tiff), orientation != 1 {
                    let payload = ExifOrientation.minimal(orientation)
                    chunks += Array("EXIF".utf8) + littleEndian32(payload.count) + payload
                    if let flagsAt { chunks[flagsAt] |= 0x08 }
                }
            } else if tag != "XMP " {
                var chunk = Array(bytes[offset..<end])
                if tag == "VP8X", chunk.count > 8 {
                    chunk[8] &= ~UInt8(0x0C)
                    flagsAt = chunks.count + 8
                }
                chunks += chunk
            }
            offset = end
        }
        return Array("RIFF".utf8) + littleEndian32(4 + chunks.count) + Array("WEBP".utf8) + chunks
    }

    private static func littleEndian32(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
