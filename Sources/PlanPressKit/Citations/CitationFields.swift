import Yams

/// Collects the printed text fields of an item from its YAML, each with the
/// location of its own value, for the citation check. Reads the node as
/// written; the loader has already reported type errors.
enum CitationFields {
    /// title or text, responsible as printed, term as printed, each indicator,
    /// each expected result, the funding cell and every amount.
    static func measure(_ value: YAMLValue) -> [CitedField] {
        var fields: [CitedField] = []
        text(value["text"], .textField, into: &fields)
        text(value["responsible"]?["printed"], .responsibleField, into: &fields)
        if let term = value["term"] {
            text(term.scalarText != nil ? term : term["printed"], .termField, into: &fields)
        }
        for (n, item) in (value["indicators"]?.sequenceItems ?? []).enumerated() {
            text(item.scalarText != nil ? item : item["text"], .indicatorField(n + 1), into: &fields)
        }
        for (n, item) in (value["results"]?.sequenceItems ?? []).enumerated() {
            text(item, .resultField(n + 1), into: &fields)
        }
        if let funding = value["funding"] {
            text(funding["printed"], .fundingField, into: &fields)
            fundingLines(funding["lines"], into: &fields)
        }
        return fields
    }

    static func goal(_ value: YAMLValue) -> [CitedField] {
        var fields: [CitedField] = []
        text(value["title"], .titleField, into: &fields)
        return fields
    }

    /// The plan's title, cited by the plan's own `lines:`.
    static func planTitle(_ value: YAMLValue) -> [CitedField] { named(value, [("title", .titleField)]) }

    /// Each printed part of an approval block (the `printed` block itself holds the same words
    /// with the extraction's line breaks and emphasis, so its parts are what the lines must hold).
    static func approval(_ value: YAMLValue) -> [CitedField] {
        named(value, [("label", .labelField), ("by", .approvalByField), ("person", .approvalPersonField),
                      ("document", .approvalDocumentField), ("number", .approvalNumberField), ("date_printed", .approvalDateField)])
    }

    static func signatory(_ value: YAMLValue) -> [CitedField] {
        named(value, [("position", .signatoryPositionField), ("name", .signatoryNameField)])
    }

    static func issuer(_ value: YAMLValue) -> [CitedField] { named(value, [("printed", .issuerField)]) }

    static func vision(_ value: YAMLValue) -> [CitedField] { named(value, [("text", .textField)]) }

    /// The text fields under `keys` of a plan-level block, in that order.
    private static func named(_ value: YAMLValue, _ keys: [(String, Phrase)]) -> [CitedField] {
        var fields: [CitedField] = []
        for (key, name) in keys { text(value[key], name, into: &fields) }
        return fields
    }

    static func statedTotals(_ value: YAMLValue) -> [CitedField] {
        var fields: [CitedField] = []
        text(value["label"], .labelField, into: &fields)
        fundingLines(value["lines"], into: &fields)
        return fields
    }

    private static func fundingLines(_ lines: YAMLValue?, into fields: inout [CitedField]) {
        for line in lines?.sequenceItems ?? [] {
            let source = line["source"]?.scalarText ?? "?"
            text(line["source"], .fundingSource, into: &fields)
            guard case .mapping(let amounts)? = line["amounts"]?.node else { continue }
            for (key, amount) in amounts {
                let item = line.child(amount)
                guard let printed = item.scalarText?.trimmingSpaces(), !printed.isEmpty else { continue }
                fields.append(CitedField(name: .amountField(year: key.string ?? "?", source: source), text: printed, kind: .amount,
                                         location: item.location))
            }
        }
    }

    private static func text(_ value: YAMLValue?, _ name: Phrase, into fields: inout [CitedField]) {
        guard let value, !value.isNull, let raw = value.scalarText else { return }
        let trimmed = raw.trimmingSpacesAndNewlines()
        guard !trimmed.isEmpty else { return }
        fields.append(CitedField(name: name, text: trimmed, kind: .text, location: value.location))
    }
}

extension YAMLValue {
    /// The value under `key` of a mapping, nil when absent or not a mapping.
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let mapping) = node else { return nil }
        for (k, v) in mapping where k.string == key { return child(v) }
        return nil
    }
}
