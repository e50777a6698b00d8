/// Everything loaded from `Content/`, before linking.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var executors: [Executor]
    public var plans: [Plan]
    public var commentary: [Commentary]
    public var updates: [Update]
    public var reports: [Report]
    /// Source texts by file name (inside `Content/sources/`).
    public var sourceFiles: [String: String]
    /// Original documents by file name (`sources/<plan>.docx`, `.doc`, `.odt`, `.rtf`: what
    /// `planpress import plan` read), published beside the source text for download.
    public var originals: [String: [UInt8]] = [:]

    /// The original document of plan `id`, when `Content/sources/` holds one: its file name and bytes.
    public func original(of id: PlanID) -> (name: String, bytes: [UInt8])? {
        for ext in Site.originalExtensions {
            if let bytes = originals["\(id.raw).\(ext)"] { return ("\(id.raw).\(ext)", bytes) }
        }
        return nil
    }

    public static let originalExtensions = ["docx", "doc", "odt", "rtf"]
}

public struct SiteSettings: Sendable {
    public var title: String
    public var description: String
    public var language: String
    /// Absolute base URL ending in `/`, e.g. `https://example.org/plany/`.
    public var baseURL: String
    public var asOf: CalendarDate
    public var publisher: String?
    public var location: SourceLocation
    /// Title and description for another interface language (`en:` in site.yaml).
    public var translations: [String: (title: String, description: String)] = [:]

    public func title(language: String) -> String { translations[language]?.title ?? title }
    public func description(language: String) -> String { translations[language]?.description ?? description }
    /// `as_of: build-date`: the as-of date is the day of the build (the output then depends on the day).
    public var asOfIsBuildDate = false
    /// `report_contact`: where monitors send a filled monitoring template (an e-mail or postal address).
    public var reportContact: String? = nil

    /// The path part of the base URL: `/plany/` or `/`.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL.hasPrefix("/") ? baseURL : "/" + baseURL }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        var path = String(rest[slash...])
        if !path.hasSuffix("/") { path += "/" }
        return path
    }
}

/// Markdown text attached to a plan item.
public struct Commentary: Sendable {
    public var about: ItemReference
    public var title: String?
    public var markdown: String
    public var file: String
    /// Line of the first body line in the file (for Markdown link diagnostics).
    public var bodyLine: Int
    public var location: SourceLocation
}
