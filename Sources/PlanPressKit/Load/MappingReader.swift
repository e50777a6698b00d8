import Yams

/// Reads the keys of one YAML mapping, reporting missing, mistyped and
/// unknown keys with their locations. Call `finish()` after reading.
final class MappingReader {
    let value: YAMLValue
    let sink: DiagnosticSink
    /// What the mapping is, for messages: "measure 6.2", "executor 'x'", in both languages.
    let what: Phrase
    private var entries: [String: (key: YAMLValue, value: YAMLValue)] = [:]
    private var order: [String] = []
    private var used: Set<String> = []

    init?(_ value: YAMLValue, what: Phrase, sink: DiagnosticSink) {
        guard case .mapping(let mapping) = value.node else {
            sink.error(.notAMapping(what: what, found: value.kind), at: value.location)
            return nil
        }
        self.value = value
        self.sink = sink
        self.what = what
        for (key, item) in mapping {
            let keyValue = value.child(key)
            let name = keyValue.scalarText ?? ""
            entries[name] = (keyValue, value.child(item))
            order.append(name)
        }
    }

    var location: SourceLocation { value.location }
    var keys: [String] { order }

    /// The value under `key`, or nil when absent or null.
    func optional(_ key: String) -> YAMLValue? {
        used.insert(key)
        guard let entry = entries[key], !entry.value.isNull else { return nil }
        return entry.value
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    func keyLocation(_ key: String) -> SourceLocation { entries[key]?.key.location ?? location }

    func required(_ key: String) -> YAMLValue? {
        if let found = optional(key) { return found }
        sink.error(.missingKey(key: key, what: what), at: location)
        return nil
    }

    func string(_ key: String, required isRequired: Bool = false) -> String? {
        guard let item = isRequired ? required(key) : optional(key) else { return nil }
        guard let text = item.scalarText else {
            sink.error(.notText(key: key, what: what, found: item.kind), at: item.location)
            return nil
        }
        return text
    }

    /// A non-empty text, trimmed of surrounding whitespace.
    func text(_ key: String, required isRequired: Bool = false) -> String? {
        guard let raw = string(key, required: isRequired) else { return nil }
        let trimmed = raw.trimmingSpacesAndNewlines()
        if trimmed.isEmpty {
            if isRequired { sink.error(.emptyValue(key: key, what: what), at: keyLocation(key)) }
            return nil
        }
        return trimmed
    }

    func int(_ key: String, required isRequired: Bool = false) -> Int? {
        guard let item = isRequired ? required(key) : optional(key) else { return nil }
        guard let text = item.scalarText, let number = Int(text) else {
            sink.error(.notWholeNumber(key: key, what: what, found: item.found), at: item.location)
            return nil
        }
        return number
    }

    /// The years a plan can speak of; the same range `TermParser` reads from printed terms.
    static let years = 1900...2200

    /// A whole number that is a year in `years` (arithmetic on years — timelines, spans — stays small).
    func year(_ key: String) -> Int? {
        guard let number = int(key) else { return nil }
        guard MappingReader.years.contains(number) else {
            sink.error(.yearOutOfRange(key: key, what: what, found: number, from: MappingReader.years.lowerBound, to: MappingReader.years.upperBound),
                       at: optional(key)?.location ?? keyLocation(key))
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let item = optional(key) else { return nil }
        switch item.scalarText {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            sink.error(.notBoolean(key: key, what: what, found: item.found), at: item.location)
            return nil
        }
    }

    func date(_ key: String, required isRequired: Bool = false) -> CalendarDate? {
        guard let item = isRequired ? required(key) : optional(key) else { return nil }
        guard let text = item.scalarText, let date = CalendarDate(iso: text) else {
            if let text = item.scalarText, let (year, month) = CalendarDate.impossibleYearMonth(text) {
                sink.error(.impossibleDate(key: key, what: what, found: text, year: year, month: month), at: item.location)
            } else {
                sink.error(.notADate(key: key, what: what, found: item.found), at: item.location)
            }
            return nil
        }
        return date
    }

    func list(_ key: String, required isRequired: Bool = false) -> [YAMLValue]? {
        guard let item = isRequired ? required(key) : optional(key) else { return nil }
        guard let items = item.sequenceItems else {
            sink.error(.notAList(key: key, what: what, found: item.kind), at: item.location)
            return nil
        }
        return items
    }

    func strings(_ key: String) -> [String] {
        guard let items = list(key) else { return [] }
        return items.compactMap { item in
            guard let text = item.scalarText else {
                sink.error(.listEntryNotText(key: key, what: what), at: item.location)
                return nil
            }
            return text.trimmingSpacesAndNewlines()
        }
    }

    func mapping(_ key: String, required isRequired: Bool = false) -> MappingReader? {
        guard let item = isRequired ? required(key) : optional(key) else { return nil }
        return MappingReader(item, what: .key(key, of: what), sink: sink)
    }

    /// Reports keys nobody asked for: almost always a typo.
    func finish() {
        for name in order where !used.contains(name) {
            sink.error(.unknownKey(key: name, what: what, suggestions: Suggestions.closest(to: name, in: used.sorted())), at: keyLocation(name))
        }
    }
}
