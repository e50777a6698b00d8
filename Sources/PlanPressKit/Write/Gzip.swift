import CDeflate

/// gzip copies of the text files (`planpress build --precompress`), for web
/// servers that send a file's `.gz` twin as it is instead of compressing every
/// response (nginx `gzip_static on;`, docs/deploy.md). The header carries no
/// file name and no time, so the same bytes always give the same copy.
enum Gzip {
    /// Extensions of files worth compressing (text); images, ZIPs and workbooks are compressed already.
    static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg", "csv", "txt"]

    /// Whether `path` gets a `.gz` twin.
    static func compressible(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path.hasSuffix(".gz") else { return false }
        return extensions.contains(String(path[path.index(after: dot)...]))
    }

    /// The gzip member of `bytes` at the highest level (nginx sends it as it is, so a
    /// slower, smaller copy costs once per build, never per request).
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        // windowBits 15 + 16: a gzip header and trailer.
        guard let packed = Deflate.oneShot(bytes[...], level: 9, windowBits: 15 + 16) else { fatalError("zlib: deflate failed") }
        return packed
    }

    /// The bytes of a gzip member (tests and `serve`).
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let (status, count) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, out.count - Int(stream.avail_out))
                }
                result.append(contentsOf: chunk[..<count])
                if status == Z_STREAM_END { return result }
                if status != Z_OK { return nil }
            }
        }
    }
}

/// One call of zlib's deflate over a whole buffer, memory level 9 (the best ratio; ZIPFoundation's
/// setting too): the gzip twins (`Gzip`) and the ZIP entries (`ZipArchive`). Nil only if zlib fails.
enum Deflate {
    /// `bytes`: a whole buffer or a slice of one (a piece of a ZIP entry, not copied).
    /// `windowBits`: 15 + 16 for a gzip member, -15 for a raw stream (ZIP). `flush`: `Z_FINISH` for a
    /// whole stream, `Z_SYNC_FLUSH` for one piece of a raw stream (`ZipArchive`: no final block, byte-aligned end).
    /// `dictionary`: the bytes before these in the same stream (a piece after another), for back-references.
    static func oneShot(_ bytes: ArraySlice<UInt8>, level: Int32, windowBits: Int32, flush: Int32 = Z_FINISH,
                        dictionary: ArraySlice<UInt8> = []) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            let status = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            guard status == Z_OK else { return nil }
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let (status, produced): (Int32, Int) = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, flush)
                return (status, out.count - Int(stream.avail_out))
            }
        }
        guard flush == Z_FINISH ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0) else { return nil }
        output.removeSubrange(produced...)
        return output
    }
}
