/// A press update (`Content/updates/*.md`).
public struct Update: Sendable {
    public var slug: String
    public var title: String
    public var date: CalendarDate
    public var summary: String?
    public var author: String?
    public var items: [ItemReference]
    public var itemLocations: [SourceLocation]
    public var tags: [String]
    public var cover: Cover?
    /// Photos in the text (`![…](updates/images/x.jpg)`, paths inside Content/), converted like the cover.
    public var images: [String: ResponsiveImage] = [:]
    public var draft: Bool
    public var markdown: String
    /// The front matter could not be read whole (its errors are reported): the update is kept only
    /// so that its text and items are checked in the same run, never published or edited.
    public var readWithErrors = false

    /// `photo-2.960.webp`: the second photo of the text (by path, sorted), 960 px wide.
    public static func photoFileName(_ number: Int, width: Int, format: String) -> String { "photo-\(number).\(width).\(format)" }
    public var file: String
    public var bodyLine: Int
    public var location: SourceLocation

    public struct Cover: Sendable {
        /// Path inside `Content/` (e.g. `updates/images/x.jpg`).
        public var path: String
        public var alt: String
        public var location: SourceLocation
        /// The original file as uploaded (never published: it may carry EXIF and GPS data).
        public var bytes: [UInt8]
        /// The published sizes and formats (nil when the file is not a usable picture).
        public var image: ResponsiveImage? = nil

        /// The file name of a published size: `cover.960.jpg`, `cover.480.webp`.
        public static func fileExtension(width: Int, format: String) -> String { "\(width).\(format)" }

        /// Lowercase file extension (`jpg`, `png`, …).
        public var fileExtension: String { (path.split(separator: ".").last.map(String.init) ?? "").lowercased() }

        /// Image types a cover may have (no SVG: it can carry scripts).
        public static let extensions: Set<String> = Set(ImageKind.allCases.flatMap(\.extensions))
    }
}
