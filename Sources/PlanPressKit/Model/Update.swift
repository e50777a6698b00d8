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
    public var draft: Bool
    public var markdown: String
    public var file: String
    public var bodyLine: Int
    public var location: SourceLocation

    public struct Cover: Sendable {
        /// Path inside `Content/` (e.g. `updates/images/x.jpg`).
        public var path: String
        public var alt: String
        public var location: SourceLocation
    }
}
