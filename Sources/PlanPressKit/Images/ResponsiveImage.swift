/// A photo converted for phones and screens: the same picture at up to three widths
/// (480, 960, 1600 px, never wider than the original), each as WebP and JPEG,
/// orientation applied and every metadata field (EXIF, GPS, camera serial) left out.
public struct ResponsiveImage: Sendable, Hashable {
    public struct Variant: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var webp: [UInt8]
        public var jpeg: [UInt8]
    }

    /// Narrowest first.
    public var variants: [Variant]
    /// A cover's image for sharing: exactly 1200 × 630 (`ImageSettings.shareWidth`/`shareHeight`),
    /// cut around the picture's most interesting part, JPEG without metadata.
    public var share: [UInt8]? = nil

    public var largest: Variant { variants[variants.count - 1] }

    /// The widths a picture `width` px wide is published at: the standard ones below
    /// it, then its own width (up to the largest standard one).
    public static func widths(forOriginal width: Int) -> [Int] {
        let largest = min(width, ImageSettings.widths.last!)
        return ImageSettings.widths.filter { $0 < largest } + [largest]
    }
}

/// The conversion's fixed parameters (part of the cache key: changing one converts again).
public enum ImageSettings {
    public static let widths = [480, 960, 1600]
    public static let webpQuality = 80
    public static let jpegQuality = 82
    /// The one size limit of an original photo, the same for the editor's upload and the build:
    /// a 12-megapixel phone photo is 2–5 MB as HEIC and 3–8 MB as JPEG, 20–25 MB at the highest
    /// JPEG quality; a larger file is refused (docs/updates.md, «Photos»).
    public static let maxOriginalMegabytes = 32
    public static let maxOriginalBytes = maxOriginalMegabytes * 1024 * 1024
    /// The pixel limit, read from the file's header before anything is decoded: a 48-megapixel
    /// phone photo (8064 × 6048) passes; HEIC, AVIF and PNG decode whole into memory, so
    /// 50 megapixels keeps a photo's conversion within a few hundred MB (docs/reliability.md).
    public static let maxPixels = 50_000_000
    /// An original narrower than this gets a warning: it looks blurred on a wide screen.
    public static let minimumWidth = 960
    /// `sizes`: the column is at most about 46rem wide.
    public static let sizes = "(max-width: 48rem) 100vw, 46rem"
    static let version = "v1 \(widths) webp\(webpQuality) jpeg\(jpegQuality) libvips"

    /// The share image's size (Open Graph's recommended 1.91:1; Facebook, Telegram, X and
    /// LinkedIn show it whole).
    public static let shareWidth = 1200
    public static let shareHeight = 630
}
