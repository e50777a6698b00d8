import CVips
import Foundation

/// Converts photos with libvips (decoding, resizing, encoding are libvips's; nothing
/// hand-rolled). Results are cached by content hash in `cacheFolder`, so a rebuild
/// does not convert the same photo again.
public struct ImageConverter: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `.build-planpress-cache/images` next to the content folder (gitignored).
    public var cacheFolder: String?

    public init(cacheFolder: String?) { self.cacheFolder = cacheFolder }

    public static func cacheFolder(forContent content: String) -> String {
        URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".build-planpress-cache/images").path
    }

    nonisolated(unsafe) private static let started: Bool = {
        guard pp_vips_init() == 0 else { return false }
        // No operation cache: each photo is converted once, and memory stays flat.
        vips_cache_set_max(0)
        return true
    }()

    public static func sha256(_ bytes: [UInt8]) -> String {
        guard let digest = bytes.withUnsafeBytes({ pp_sha256($0.baseAddress, $0.count) }) else { return "" }
        defer { g_free(digest) }
        return String(cString: digest)
    }

    public func convert(_ bytes: [UInt8]) throws -> ResponsiveImage {
        let key = Self.sha256(bytes + Array(ImageSettings.version.utf8))
        if let cached = load(key) { return cached }
        let image = try Self.convertUncached(bytes)
        store(image, key)
        return image
    }

    static func vipsError() -> Failure {
        let text = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        return Failure(description: text.isEmpty ? "libvips failed" : text.replacingOccurrences(of: "\n", with: "; "))
    }

    static func convertUncached(_ bytes: [UInt8]) throws -> ResponsiveImage {
        guard started else { throw Failure(description: "libvips did not start") }
        var decoded: UnsafeMutablePointer<VipsImage>?
        let status = bytes.withUnsafeBytes { pp_thumbnail_buffer($0.baseAddress, $0.count, &decoded, Int32(ImageSettings.widths.last!)) }
        guard status == 0, let decoded else { throw vipsError() }
        // Decoded once into memory: the smaller sizes and both encoders read it again.
        let copied = vips_image_copy_memory(decoded)
        g_object_unref(decoded)
        guard let base = copied else { throw vipsError() }
        defer { g_object_unref(base) }
        pp_strip_metadata(base)
        var variants: [ResponsiveImage.Variant] = []
        for width in ResponsiveImage.widths(forOriginal: Int(vips_image_get_width(base))) {
            var sized: UnsafeMutablePointer<VipsImage>?
            if width == Int(vips_image_get_width(base)) {
                sized = base
                g_object_ref(base)
            } else if pp_thumbnail_image(base, &sized, Int32(width)) != 0 {
                throw vipsError()
            }
            guard let sized else { throw vipsError() }
            defer { g_object_unref(sized) }
            variants.append(ResponsiveImage.Variant(width: Int(vips_image_get_width(sized)), height: Int(vips_image_get_height(sized)),
                                                    webp: try save(sized, jpeg: false), jpeg: try save(sized, jpeg: true)))
        }
        return ResponsiveImage(variants: variants)
    }

    private static func save(_ image: UnsafeMutablePointer<VipsImage>, jpeg: Bool) throws -> [UInt8] {
        var source = image
        var flattened: UnsafeMutablePointer<VipsImage>?
        defer { if let flattened { g_object_unref(flattened) } }
        if jpeg && vips_image_hasalpha(image) != 0 {
            guard pp_flatten_white(image, &flattened) == 0, let flat = flattened else { throw vipsError() }
            source = flat
        }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = jpeg ? pp_jpegsave(source, &buffer, &length, Int32(ImageSettings.jpegQuality))
                          : pp_webpsave(source, &buffer, &length, Int32(ImageSettings.webpQuality))
        guard status == 0, let buffer else { throw vipsError() }
        defer { g_free(buffer) }
        let encoded = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return jpeg ? encoded : WebPChunks.strippingMetadata(encoded)
    }

    // MARK: cache: <key>.txt lists "width height" per variant; <key>-<width>.webp/.jpg hold the bytes.

    private func load(_ key: String) -> ResponsiveImage? {
        guard let folder = cacheFolder, let index = FileManager.default.contents(atPath: "\(folder)/\(key).txt"),
              let text = String(data: index, encoding: .utf8) else { return nil }
        var variants: [ResponsiveImage.Variant] = []
        for line in text.split(separator: "\n") {
            let numbers = line.split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 2,
                  let webp = FileManager.default.contents(atPath: "\(folder)/\(key)-\(numbers[0]).webp"),
                  let jpeg = FileManager.default.contents(atPath: "\(folder)/\(key)-\(numbers[0]).jpg") else { return nil }
            variants.append(ResponsiveImage.Variant(width: numbers[0], height: numbers[1], webp: Array(webp), jpeg: Array(jpeg)))
        }
        return variants.isEmpty ? nil : ResponsiveImage(variants: variants)
    }

    /// Best effort: a cache that cannot be written only costs time. The index goes last, so a
    /// half-written entry is never read.
    private func store(_ image: ResponsiveImage, _ key: String) {
        guard let folder = cacheFolder,
              (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        for variant in image.variants {
            FileManager.default.createFile(atPath: "\(folder)/\(key)-\(variant.width).webp", contents: Data(variant.webp))
            FileManager.default.createFile(atPath: "\(folder)/\(key)-\(variant.width).jpg", contents: Data(variant.jpeg))
        }
        let index = image.variants.map { "\($0.width) \($0.height)\n" }.joined()
        try? Data(index.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(key).txt"), options: .atomic)
    }
}
