/// libvips 8.14 writes a small EXIF chunk (resolution) into every WebP even with
/// `strip`; this drops the EXIF and XMP chunks from the RIFF container and clears
/// their flags. Container bookkeeping only: the image data is untouched.
enum WebPChunks {
    static func strippingMetadata(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WEBP".utf8) else { return bytes }
        var chunks: [UInt8] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let tag = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return bytes }
            if tag != "EXIF" && tag != "XMP " {
                var chunk = Array(bytes[offset..<end])
                if tag == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x0C) }
                chunks += chunk
            }
            offset = end
        }
        let riffSize = UInt32(4 + chunks.count)
        let sizeBytes = (0..<4).map { UInt8(truncatingIfNeeded: riffSize >> (8 * UInt32($0))) }
        return Array("RIFF".utf8) + sizeBytes + Array("WEBP".utf8) + chunks
    }
}
