/// Where an item stands in its plan's source text (`Content/sources/<plan>.txt`):
/// the lines of its row, the printed fields the row must contain, and the
/// corrections the published text declares against the printed one.
public struct Citation: Sendable {
    /// 1-based inclusive line ranges, in order (several where a page break splits the row).
    public var ranges: [ClosedRange<Int>]
    /// Where `lines:` is written.
    public var location: SourceLocation
    /// Every printed text field of the item, each with its own location.
    public var fields: [CitedField]
    public var corrections: [Correction]

    /// False for an item that cites no lines (the citation then only carries its fields).
    public var isCited: Bool { !ranges.isEmpty }

    /// First cited line: the anchor the site links to (`#L120`).
    public var firstLine: Int { ranges.first?.lowerBound ?? 1 }

    /// `120–131` or `120–125, 128–131` (en dashes, for pages).
    public var display: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ")
    }

    /// `120-131` or `[120-125, 128-131]`: the content-file form.
    public var yaml: String { Citation.yaml(ranges) }

    public static func yaml(_ ranges: [ClosedRange<Int>]) -> String {
        let parts = ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
        return parts.count == 1 ? parts[0] : "[" + parts.joined(separator: ", ") + "]"
    }
}

/// One printed text field of an item, checked against the cited lines.
public struct CitedField: Sendable {
    public enum Kind: String, Sendable {
        /// Free text: found anywhere inside one cell.
        case text
        /// An amount or dash: found as a whole token (so "2,0" is not found in "12,0").
        case amount
    }
    /// For messages: "text", "indicator 2", "amount 2021 (Інші)", in both languages.
    public var name: Phrase
    public var text: String
    public var kind: Kind
    public var location: SourceLocation
}

/// A declared difference between the printed text and the published one.
public struct Correction: Sendable {
    /// The text as the source prints it (may be a marker the site drops).
    public var printed: String
    /// The text as the site publishes it (empty: dropped).
    public var published: String
    /// Why: «технічна позначка видобування тексту», «друкарська помилка» …
    public var why: String
    public var location: SourceLocation
}
