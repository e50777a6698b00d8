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

    /// Why libvips is not available, or nil once it is loaded and started. libvips is
    /// loaded on first use (`Sources/CVips`): a site without photos never maps it.
    private static let unavailable: String? = {
        guard pp_vips_init() == 0 else {
            return pp_load_error().map { String(cString: $0) } ?? "libvips did not start"
        }
        // No operation cache: each photo is converted once, and memory stays flat.
        pp_cache_set_max(0)
        return nil
    }()

    /// Thrown when libvips cannot be loaded: the photo is fine, the machine lacks the library.
    public struct LibraryMissing: Error, CustomStringConvertible {
        public var description: String
    }

    static func start() throws {
        if let unavailable { throw LibraryMissing(description: unavailable) }
    }

    public static func sha256(_ bytes: [UInt8]) throws -> String {
        try start()
        guard let digest = bytes.withUnsafeBytes({ pp_sha256($0.baseAddress, $0.count) }) else { throw vipsError() }
        defer { pp_free(digest) }
        return String(cString: digest)
    }

    /// Why a photo is refused before or instead of being converted.
    public enum Refusal: Error, Equatable {
        /// A 0-byte file.
        case empty
        /// More than `ImageSettings.maxOriginalBytes`.
        case tooLarge(bytes: Int)
        /// More than `ImageSettings.maxPixels`, as the header declares it (nothing decoded).
        case tooManyPixels(width: Int, height: Int)
        /// HEIC or AVIF where this machine's libvips has no HEIF loader.
        case unsupported(ImageKind)
    }

    /// `share`: also the 1200 × 630 crop for sharing (`ResponsiveImage.share`), for a cover.
    public func convert(_ bytes: [UInt8], share: Bool = false) throws -> ResponsiveImage {
        try Self.inspect(bytes)
        let settings = ImageSettings.version + (share ? " share \(ImageSettings.shareWidth)x\(ImageSettings.shareHeight) jpeg\(ImageSettings.jpegQuality)" : "")
        let key = try Self.sha256(bytes + Array(settings.utf8))
        if let cached = load(key, share: share) { return cached }
        let image = try Self.convertUncached(bytes, share: share)
        store(image, key)
        return image
    }

    /// The checks made before anything is decoded: size, a HEIF loader for HEIC and AVIF, and the
    /// pixel count from the header (a 74-byte PNG can declare 60000 × 60000: decoding it took 27 s
    /// and 1.2 GB). Returns the declared size.
    @discardableResult
    public static func inspect(_ bytes: [UInt8]) throws -> (width: Int, height: Int) {
        guard !bytes.isEmpty else { throw Refusal.empty }
        guard bytes.count <= ImageSettings.maxOriginalBytes else { throw Refusal.tooLarge(bytes: bytes.count) }
        try start()
        if let kind = ImageKind(sniffing: bytes), kind.needsHEIFSupport,
           bytes.withUnsafeBytes({ pp_loader_for($0.baseAddress, $0.count) }) == nil {
            pp_error_clear()
            throw Refusal.unsupported(kind)
        }
        var width: Int32 = 0, height: Int32 = 0
        guard bytes.withUnsafeBytes({ pp_header($0.baseAddress, $0.count, &width, &height) }) == 0 else { throw vipsError() }
        guard Int(width) * Int(height) <= ImageSettings.maxPixels else { throw Refusal.tooManyPixels(width: Int(width), height: Int(height)) }
        return (Int(width), Int(height))
    }

    static func vipsError() -> Failure {
        let text = String(cString: pp_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        pp_error_clear()
        return Failure(description: text.isEmpty ? "libvips failed" : text.replacingOccurrences(of: "\n", with: "; "))
    }

    static func convertUncached(_ bytes: [UInt8], share: Bool = false) throws -> ResponsiveImage {
        try start()
        var decoded: OpaquePointer?
        let status = bytes.withUnsafeBytes { pp_thumbnail_buffer($0.baseAddress, $0.count, &decoded, Int32(ImageSettings.widths.last!)) }
        guard status == 0, let decoded else { throw vipsError() }
        // Decoded once into memory: the smaller sizes and both encoders read it again.
        let copied = pp_copy_memory(decoded)
        pp_unref(decoded)
        guard let base = copied else { throw vipsError() }
        defer { pp_unref(base) }
        pp_strip_metadata(base)
        var variants: [ResponsiveImage.Variant] = []
        for width in ResponsiveImage.widths(forOriginal: Int(pp_width(base))) {
            var sized: OpaquePointer?
            if width == Int(pp_width(base)) {
                sized = base
                pp_ref(base)
            } else if pp_thumbnail_image(base, &sized, Int32(width)) != 0 {
                throw vipsError()
            }
            guard let sized else { throw vipsError() }
            defer { pp_unref(sized) }
            variants.append(ResponsiveImage.Variant(width: Int(pp_width(sized)), height: Int(pp_height(sized)),
                                                    webp: try save(sized, jpeg: false), jpeg: try save(sized, jpeg: true)))
        }
        var image = ResponsiveImage(variants: variants)
        if share {
            var cropped: OpaquePointer?
            guard pp_share_crop(base, &cropped, Int32(ImageSettings.shareWidth), Int32(ImageSettings.shareHeight)) == 0,
                  let cropped else { throw vipsError() }
            defer { pp_unref(cropped) }
            image.share = try save(cropped, jpeg: true)
        }
        return image
    }

    private static func save(_ image: OpaquePointer, jpeg: Bool) throws -> [UInt8] {
        var source = image
        var flattened: OpaquePointer?
        defer { if let flattened { pp_unref(flattened) } }
        if jpeg && pp_hasalpha(image) != 0 {
            guard pp_flatten_white(image, &flattened) == 0, let flat = flattened else { throw vipsError() }
            source = flat
        }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = jpeg ? pp_jpegsave(source, &buffer, &length, Int32(ImageSettings.jpegQuality))
                          : pp_webpsave(source, &buffer, &length, Int32(ImageSettings.webpQuality))
        guard status == 0, let buffer else { throw vipsError() }
        defer { pp_free(buffer) }
        let encoded = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return jpeg ? encoded : WebPChunks.strippingMetadata(encoded)
    }

    // MARK: cache: <key>.txt lists "width height" per variant; <key>-<width>.webp/.jpg hold the bytes,
    // <key>-share.jpg the share crop.

    private func load(_ key: String, share: Bool) -> ResponsiveImage? {
        guard let folder = cacheFolder, let index = FileManager.default.contents(atPath: "\(folder)/\(key).txt"),
              let text = String(data: index, encoding: .utf8) else { return nil }
        var variants: [ResponsiveImage.Variant] = []
        var shared: [UInt8]?
        if share {
            guard let bytes = FileManager.default.contents(atPath: "\(folder)/\(key)-share.jpg") else { return nil }
            shared = Array(bytes)
        }
        for line in text.split(separator: "\n") {
            let numbers = line.split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 2,
                  let webp = FileManager.default.contents(atPath: "\(folder)/\(key)-\(numbers[0]).webp"),
                  let jpeg = FileManager.default.contents(atPath: "\(folder)/\(key)-\(numbers[0]).jpg") else { return nil }
            variants.append(ResponsiveImage.Variant(width: numbers[0], height: numbers[1], webp: Array(webp), jpeg: Array(jpeg)))
        }
        return variants.isEmpty ? nil : ResponsiveImage(variants: variants, share: shared)
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
        if let share = image.share { FileManager.default.createFile(atPath: "\(folder)/\(key)-share.jpg", contents: Data(share)) }
        let index = image.variants.map { "\($0.width) \($0.height)\n" }.joined()
        try? Data(index.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(key).txt"), options: .atomic)
    }
}
