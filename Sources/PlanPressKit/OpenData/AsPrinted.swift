/// A printed field as the document prints it: the published text with the item's declared
/// corrections undone, so the open data's `printed` fields hold the printed text and the
/// corrections stand in their own field (`corrections`, with the reason).
enum AsPrinted {
    /// `published` with each correction's published form turned back into its printed form; a
    /// dropped marker («[bookmark: …]») goes back before the words that follow it in the cited
    /// lines (or after those before it). A field a correction does not touch is returned as is.
    static func text(_ published: String?, citation: Citation?, source: SourceDocument?) -> String? {
        guard var text = published, let citation, !citation.corrections.isEmpty else { return published }
        for correction in citation.corrections {
            if !correction.published.isEmpty {
                if let range = text.range(of: correction.published) { text.replaceSubrange(range, with: correction.printed) }
            } else if let source, let place = markerPlace(correction.printed, in: text, citation: citation, source: source) {
                text.insert(contentsOf: correction.printed, at: place)
            }
        }
        return text
    }

    /// Where a dropped marker stood in `text`: before the cell's words that follow it in the source
    /// line, else after the words that precede it; nil when neither is in `text`.
    private static func markerPlace(_ marker: String, in text: String, citation: Citation, source: SourceDocument) -> String.Index? {
        for range in citation.ranges {
            for number in range where number <= source.count {
                let line = String(source.line(number))
                guard let found = line.range(of: marker) else { continue }
                let after = words(line[found.upperBound...].prefix { $0 != "\t" }, first: true)
                if !after.isEmpty, let at = text.range(of: after) { return at.lowerBound }
                let before = words(line[..<found.lowerBound].split(separator: "\t", omittingEmptySubsequences: false).last ?? "", first: false)
                if !before.isEmpty, let at = text.range(of: before, options: .backwards) { return at.upperBound }
            }
        }
        return nil
    }

    /// Up to 24 characters of a cell next to the marker, spaces collapsed as in the content.
    private static func words(_ cell: Substring, first: Bool) -> String {
        let flat = cell.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " ")
        return first ? String(flat.prefix(24)) : String(flat.suffix(24))
    }
}
