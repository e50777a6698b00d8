import CVips
import Foundation

/// The plain card shown when a page without a photo is shared (Open Graph `og:image`): the
/// site's colours, a small caption (the site's name) and a large title, 1200 × 630 PNG, drawn
/// by libvips with Pango (DejaVu Sans, Debian's `fonts-dejavu-core`: Cyrillic, Latin, Greek).
/// Same text, same bytes; cards are cached in the image cache by their text, so a rebuild
/// reads them without starting libvips.
public enum ShareCard {
    public struct Text: Hashable, Sendable {
        /// Above the title, smaller (the site's name on an update's card); nil for none.
        public var caption: String?
        public var title: String
        /// Under the title in the same block, smaller and not bold (the site's description on its card).
        public var subtitle: String?
        public init(caption: String?, title: String, subtitle: String? = nil) {
            self.caption = caption
            self.title = title
            self.subtitle = subtitle
        }
    }

    /// The design, from `Templates/assets/site.css`: the accent blue behind white text and a
    /// bar in the focus yellow. Part of the cache key.
    static let margin = 80, gap = 28, barHeight = 16, captionMaxHeight = 130
    static let background: (Double, Double, Double) = (11, 79, 138)       // --accent #0b4f8a
    static let barInk: (Double, Double, Double) = (255, 191, 71)          // --focus #ffbf47
    static let captionInk: (Double, Double, Double) = (214, 228, 242)
    static let titleInk: (Double, Double, Double) = (255, 255, 255)
    static let captionFont = "DejaVu Sans 34", titleFont = "DejaVu Sans Bold 64"
    /// Debian's paths of the two faces; where they are missing, fontconfig picks the nearest sans.
    static let fontFolder = "/usr/share/fonts/truetype/dejavu/"
    static let captionFontFile = fontFolder + "DejaVuSans.ttf", titleFontFile = fontFolder + "DejaVuSans-Bold.ttf"
    /// PNG deflate level 5: 42 KB in ~30 ms for a typical card (level 9: 36 KB in ~800 ms).
    static let pngCompression = 5
    static var version: String {
        "card v1 \(ImageSettings.shareWidth)x\(ImageSettings.shareHeight) m\(margin) g\(gap) b\(barHeight) c\(captionMaxHeight) "
            + "\(background) \(barInk) \(captionInk) \(titleInk) \(captionFont) \(titleFont) png\(pngCompression)"
    }

    /// The card's PNG: from the cache when it holds this text, otherwise drawn (and stored).
    public static func png(_ text: Text, cacheFolder: String?) throws -> [UInt8] {
        if let cached = cached(text, cacheFolder: cacheFolder) { return cached }
        let bytes = try render(text)
        store(bytes, text, cacheFolder: cacheFolder)
        return bytes
    }

    /// Whether the cache holds the card (no libvips needed to publish it).
    public static func isCached(_ text: Text, cacheFolder: String?) -> Bool {
        guard let cacheFolder else { return false }
        let name = fileName(text)
        return FileManager.default.fileExists(atPath: "\(cacheFolder)/\(name).png")
            && FileManager.default.contents(atPath: "\(cacheFolder)/\(name).txt").map(Array.init) == Array(key(text).utf8)
    }

    static func render(_ text: Text) throws -> [UInt8] {
        try ImageConverter.start()
        let fonts = FileManager.default
        let captionFile = fonts.fileExists(atPath: captionFontFile) ? captionFontFile : nil
        let titleFile = fonts.fileExists(atPath: titleFontFile) ? titleFontFile : nil
        let caption = text.caption.map(markup) ?? ""
        let title = markup(text.title) + (text.subtitle.map { "\n<span size=\"x-small\" weight=\"normal\">\(markup($0))</span>" } ?? "")
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = caption.withCString { caption in
            title.withCString { title in
                captionFont.withCString { captionFont in
                    titleFont.withCString { titleFont in
                        withOptionalCString(captionFile) { captionFile in
                            withOptionalCString(titleFile) { titleFile in
                                var card = pp_card()
                                card.width = Int32(ImageSettings.shareWidth)
                                card.height = Int32(ImageSettings.shareHeight)
                                card.margin = Int32(margin)
                                card.gap = Int32(gap)
                                card.bar_height = Int32(barHeight)
                                card.caption_max_height = Int32(captionMaxHeight)
                                card.background = background
                                card.bar_ink = barInk
                                card.caption_ink = captionInk
                                card.title_ink = titleInk
                                card.caption_markup = caption
                                card.caption_font = captionFont
                                card.caption_fontfile = captionFile
                                card.title_markup = title
                                card.title_font = titleFont
                                card.title_fontfile = titleFile
                                card.png_compression = Int32(pngCompression)
                                return pp_share_card(&card, &buffer, &length)
                            }
                        }
                    }
                }
            }
        }
        guard status == 0, let buffer else { throw ImageConverter.vipsError() }
        defer { pp_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// Pango markup of plain text: XML's escaping (Pango reads GLib's XML subset), characters XML
    /// forbids dropped (they are refused in content anyway).
    static func markup(_ text: String) -> String { HTML.escape(XMLText.clean(text)) }

    private static func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let text else { return body(nil) }
        return text.withCString { body($0) }
    }

    // MARK: cache: card-<hash>.txt holds the whole key (the text is compared on every read, so a
    // collision of the 64-bit hash can only cost a redraw), card-<hash>.png the card.

    static func key(_ text: Text) -> String {
        version + "\n" + (text.caption.map { "caption: " + $0 } ?? "no caption") + "\ntitle: " + text.title + "\n"
            + (text.subtitle.map { "subtitle: " + $0 + "\n" } ?? "")
    }

    static func fileName(_ text: Text) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a, 64 bits
        for byte in key(text).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "card-" + String(hash, radix: 16)
    }

    private static func cached(_ text: Text, cacheFolder: String?) -> [UInt8]? {
        guard let cacheFolder else { return nil }
        let name = fileName(text)
        guard let stored = FileManager.default.contents(atPath: "\(cacheFolder)/\(name).txt"), Array(stored) == Array(key(text).utf8),
              let png = FileManager.default.contents(atPath: "\(cacheFolder)/\(name).png") else { return nil }
        return Array(png)
    }

    /// Best effort, like the photos' cache: the key goes last, so a half-written entry is never read.
    private static func store(_ png: [UInt8], _ text: Text, cacheFolder: String?) {
        guard let cacheFolder,
              (try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)) != nil else { return }
        let name = fileName(text)
        guard (try? Data(png).write(to: URL(fileURLWithPath: "\(cacheFolder)/\(name).png"), options: .atomic)) != nil else { return }
        try? Data(key(text).utf8).write(to: URL(fileURLWithPath: "\(cacheFolder)/\(name).txt"), options: .atomic)
    }
}
