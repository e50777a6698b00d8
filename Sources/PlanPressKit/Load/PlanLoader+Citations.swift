extension PlanLoader {
    /// Reads an item's citation (`lines:` or, in `stated_totals`, `source_lines:`)
    /// and its `corrections:`. An item that cites no lines gets a citation
    /// without ranges, which still carries its fields (for `planpress cite`).
    func readCitation(_ map: MappingReader, key: String = "lines", what: Phrase, fields: [CitedField]) -> Citation {
        let corrections = readCorrections(map, what: what)
        guard let value = map.optional(key) else {
            if !corrections.isEmpty {
                sink.error(.correctionsWithoutLines(what: what, key: key), at: map.keyLocation("corrections"))
            }
            return Citation(ranges: [], location: map.location, fields: fields, corrections: corrections)
        }
        let items = value.sequenceItems ?? [value]
        var ranges: [ClosedRange<Int>] = []
        for item in items {
            guard let text = item.scalarText, let range = LineRanges.parse(text) else {
                sink.error(.notLineNumbers(what: what, key: key, found: item.scalarText, kind: item.kind),
                           at: item.location)
                return Citation(ranges: [], location: item.location, fields: fields, corrections: corrections)
            }
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                sink.error(.lineRangesBackwards(what: what, key: key, start: range.lowerBound, previousEnd: last.upperBound),
                           at: item.location)
                return Citation(ranges: [], location: item.location, fields: fields, corrections: corrections)
            }
            ranges.append(range)
        }
        return Citation(ranges: ranges, location: value.location, fields: fields, corrections: corrections)
    }

    private func readCorrections(_ map: MappingReader, what: Phrase) -> [Correction] {
        (map.list("corrections") ?? []).compactMap { item in
            guard let c = MappingReader(item, what: .correction(of: what), sink: sink) else { return nil }
            let printed = c.string("printed", required: true)
            let published = c.string("published") ?? ""
            let why = c.text("why", required: true)
            c.finish()
            guard let printed, let why else { return nil }
            if printed.trimmingSpacesAndNewlines().isEmpty {
                sink.error(.correctionPrintedEmpty(what: what), at: c.keyLocation("printed"))
                return nil
            }
            return Correction(printed: printed, published: published, why: why, location: c.location)
        }
    }
}

/// `120-131`, `120–131` or `120`: one inclusive range of 1-based lines.
enum LineRanges {
    static func parse(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingSpaces() }
        guard (1...2).contains(parts.count), let low = Int(parts[0]), low >= 1 else { return nil }
        let high = parts.count == 2 ? Int(parts[1]) : low
        guard let high, high >= low else { return nil }
        return low...high
    }
}
