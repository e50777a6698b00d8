/// How much a ZIP archive (a `.docx`, an `.xlsx`) may make PlanPress read. Every limit is
/// checked while reading, on the bytes actually inflated, not only on the sizes an archive
/// declares (a zip bomb declares whatever it likes), so memory stays bounded by the
/// per-entry limit whatever the file holds. The values and their reasons:
/// docs/reliability.md, «Limits».
public struct ArchiveLimits: Hashable, Sendable {
    /// The archive file itself (compressed).
    public var archiveBytes: Int
    /// Entries in the central directory.
    public var entries: Int
    /// Uncompressed bytes of one entry.
    public var entryBytes: Int
    /// Uncompressed bytes of all entries read from one archive, together.
    public var totalBytes: Int
    /// Uncompressed ÷ compressed bytes of one entry; checked once the entry has inflated past
    /// `ratioGrace` bytes (small, very regular parts compress well and are harmless).
    public var ratio: Int
    public var ratioGrace: Int

    public init(archiveBytes: Int, entries: Int, entryBytes: Int, totalBytes: Int, ratio: Int, ratioGrace: Int) {
        self.archiveBytes = archiveBytes
        self.entries = entries
        self.entryBytes = entryBytes
        self.totalBytes = totalBytes
        self.ratio = ratio
        self.ratioGrace = ratioGrace
    }

    /// For office documents (Word, Excel). A 300-measure plan's `.docx` is ~100 KB and its
    /// `document.xml` ~2 MB; the largest real documents with photos stay far below these.
    /// The ratio and its grace are Apache POI's (`ZipSecureFile`: 1 % minimum inflate ratio,
    /// checked past 100 KB); a real `document.xml` deflates 8–20×.
    public static let office = ArchiveLimits(archiveBytes: 64 << 20, entries: 2_000, entryBytes: 64 << 20,
                                             totalBytes: 256 << 20, ratio: 100, ratioGrace: 100 << 10)
}

/// How much an XML part may make PlanPress parse. The depth is checked by a scan of the bytes
/// before the parser builds anything (a deeply nested tree would also be freed recursively);
/// a document type declaration is refused (OOXML parts never have one, and it is where entity
/// expansion bombs live).
public struct XMLLimits: Hashable, Sendable {
    /// Bytes of the XML text.
    public var bytes: Int
    /// Elements open at once.
    public var depth: Int

    public init(bytes: Int, depth: Int) {
        self.bytes = bytes
        self.depth = depth
    }

    /// WordprocessingML nests paragraphs in cells in tables in cells (a nested table) a few
    /// levels deep; a real `document.xml` is rarely past depth 20.
    public static let office = XMLLimits(bytes: 64 << 20, depth: 256)
}
