/// Why a ZIP archive or one of its XML parts was not read. Each case becomes a catalogue
/// message naming the file (`message(file:)`); `entry` is the part's name inside the archive
/// (`word/document.xml`).
public enum ArchiveError: Error, Hashable, Sendable {
    /// The bytes are not a ZIP archive (no local header at the start, no central directory at the end).
    case notZIP
    /// An OLE compound document (`D0 CF 11 E0`): a password-protected Office file (`encrypted`,
    /// it holds an `EncryptedPackage` stream) or a legacy binary `.doc`/`.xls`.
    case compoundFile(encrypted: Bool)
    /// The archive file itself is larger than `ArchiveLimits.archiveBytes`.
    case archiveTooLarge(limit: Int)
    case tooManyEntries(limit: Int)
    case entryTooLarge(entry: String, limit: Int)
    case totalTooLarge(limit: Int)
    case ratioTooHigh(entry: String, limit: Int)
    /// Inflating failed or the CRC-32 did not match (a damaged or ZIP-encrypted entry).
    case entryDamaged(entry: String)
    /// A part the caller needs is not in the archive.
    case entryMissing(entry: String)
    case xmlTooLarge(entry: String, limit: Int)
    case xmlTooDeep(entry: String, line: Int, limit: Int)
    case xmlDoctype(entry: String, line: Int)
    case xmlMalformed(entry: String, line: Int, column: Int)

    /// The catalogue message for this refusal of `file` (the path as the user gave it).
    public func message(file: String) -> Message { .archiveRefused(file: file, problem: self) }
}
