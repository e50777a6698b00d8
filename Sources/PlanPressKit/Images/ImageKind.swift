/// The type of an image file, from its first bytes (never its extension).
public enum ImageKind: String, Sendable, CaseIterable {
    /// `heic`: HEIF with HEVC pictures, the iPhone's default ("High Efficiency"); read through
    /// libheif like AVIF (`ImageConverter.canRead`).
    case jpeg, png, gif, webp, avif, heic

    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(64))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
        else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { self = .gif }
        else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { self = .webp }
        else if let kind = Self.heif(head) { self = kind }
        else { return nil }
    }

    /// An ISO base media file (`ftyp` box first) whose major or compatible brands say HEIF:
    /// AVIF when a brand says AV1, HEIC for the HEVC and generic HEIF brands.
    private static func heif(_ head: [UInt8]) -> ImageKind? {
        guard head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) else { return nil }
        let size = Int(head[0]) << 24 | Int(head[1]) << 16 | Int(head[2]) << 8 | Int(head[3])
        let end = min(max(size, 12), head.count)
        // The major brand at 8, the minor version at 12, then compatible brands.
        let brands = stride(from: 8, to: end - 3, by: 4).filter { $0 != 12 }.map { String(decoding: head[$0..<$0 + 4], as: UTF8.self) }
        if brands.contains(where: { $0 == "avif" || $0 == "avis" }) { return .avif }
        let heif: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"]
        return brands.contains(where: heif.contains) ? .heic : nil
    }

    /// The extension PlanPress gives a stored file of this kind (`jpg`, `heic`, …).
    public var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        default: return rawValue
        }
    }

    /// Every extension a file of this kind may be named with.
    public var extensions: [String] {
        switch self {
        case .jpeg: return ["jpg", "jpeg"]
        case .heic: return ["heic", "heif"]
        default: return [rawValue]
        }
    }

    /// Decoded by libheif inside libvips (present in Debian's libvips 8.14, absent from some builds).
    public var needsHEIFSupport: Bool { self == .heic || self == .avif }

    /// How messages name it.
    public var displayName: String {
        switch self {
        case .jpeg: return "JPEG"
        case .png: return "PNG"
        case .gif: return "GIF"
        case .webp: return "WebP"
        case .avif: return "AVIF"
        case .heic: return "HEIC"
        }
    }
}
