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
    /// An original larger than this gets a warning (it still converts).
    public static let warnAboveMegabytes = 15
    /// An original narrower than this gets a warning: it looks blurred on a wide screen.
    public static let minimumWidth = 960
    /// `sizes`: the column is at most about 46rem wide.
    public static let sizes = "(max-width: 48rem) 100vw, 46rem"
    static let version = "v1 \(widths) webp\(webpQuality) jpeg\(jpegQuality) libvips"
}
