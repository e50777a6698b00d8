/// Reads a responsible cell into bodies of the executors registry. The cell is split at commas
/// and semicolons outside brackets and quotes; «(за згодою)» is split off as consent; a
/// definition «(далі – X)» makes X another name of the body for the rest of the plan. A name
/// is found when it equals (after `key`) a registry entry's name, short name or alias, or a name
/// defined earlier in the plan; any other name becomes a new body in the plan's registry file,
/// with the nearest registry entries as suggestions for review. Nothing is merged by guess.
struct BodyMatcher {
    struct Candidate {
        var id: String
        var name: String
        var words: Set<String>
    }

    private var known: [String: String] = [:]          // key → executor id
    private var taken: Set<String>
    private let candidates: [Candidate]
    private(set) var newBodies: [PlanDraft.NewBody] = []
    private(set) var review: [ReviewItem] = []

    init(registry: [Executor]) {
        var candidates: [Candidate] = []
        for executor in registry {
            for name in [executor.name] + (executor.short.map { [$0] } ?? []) + executor.aliases {
                let key = BodyMatcher.key(name)
                if known[key] == nil { known[key] = executor.id.raw }
            }
            candidates.append(Candidate(id: executor.id.raw, name: executor.name,
                                        words: BodyMatcher.words(([executor.name] + executor.aliases + (executor.short.map { [$0] } ?? [])).joined(separator: " "))))
        }
        self.candidates = candidates
        taken = Set(registry.map(\.id.raw))
    }

    /// The bodies of one responsible cell, in printed order.
    mutating func bodies(_ printed: String, line: Int?) -> [(id: String, consent: Bool)] {
        var out: [(id: String, consent: Bool)] = []
        for part in BodyMatcher.split(printed) {
            var name = part
            var consent = false
            while let range = name.range(of: "(за згодою)", options: [.caseInsensitive]) ?? name.range(of: "(за згодою", options: [.caseInsensitive]) {
                consent = true
                name.removeSubrange(range)
            }
            var aliases: [String] = []
            while let open = name.range(of: "(далі"), let close = name[open.upperBound...].firstIndex(of: ")") {
                let defined = name[open.upperBound..<close].trimmingCharacters(in: CharacterSet(charactersIn: " \u{A0}–—-:"))
                if !defined.isEmpty { aliases.append(PlanText.clean(defined)) }
                name.removeSubrange(open.lowerBound...close)
            }
            name = PlanText.clean(name).trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
            guard !name.isEmpty, name.contains(where: \.isLetter) else { continue }
            let id = resolve(name, aliases: aliases, line: line)
            if !out.contains(where: { $0.id == id }) { out.append((id, consent)) }
        }
        return out
    }

    private mutating func resolve(_ name: String, aliases: [String], line: Int?) -> String {
        let key = BodyMatcher.key(name)
        let known = self.known
        if let id = known[key] ?? aliases.compactMap({ known[BodyMatcher.key($0)] }).first {
            for alias in aliases { self.known[BodyMatcher.key(alias)] = known[BodyMatcher.key(alias)] ?? id }
            return id
        }
        var id = Transliteration.slug(name, limit: 60)
        if id.isEmpty || !IDRules.isValid(id) { id = "body" }
        let base = id
        var n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        taken.insert(id)
        self.known[key] = id
        for alias in aliases { self.known[BodyMatcher.key(alias)] = id }
        let kind = BodyMatcher.kind(of: name)
        newBodies.append(PlanDraft.NewBody(id: id, name: name, kind: kind, aliases: aliases))
        let nearest = suggestions(for: name + " " + aliases.joined(separator: " "))
        review.append(ReviewItem(.bodies, line: line, .reviewNewBody(name: name, id: id, kind: kind,
                                                                        suggestions: nearest.map { [$0.id, $0.name] }), body: id))
        return id
    }

    /// Up to three registry entries sharing the most word stems with `name`.
    func suggestions(for name: String) -> [Candidate] {
        let words = BodyMatcher.words(name)
        guard !words.isEmpty else { return [] }
        var scored: [(Double, Candidate)] = []
        for candidate in candidates {
            let common = words.intersection(candidate.words).count
            guard common > 0 else { continue }
            let score = Double(common) / Double(words.union(candidate.words).count) + Double(common) / Double(words.count)
            if score >= 0.5 { scored.append((score, candidate)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.id < $1.1.id }
        return scored.prefix(3).map(\.1)
    }

    /// Commas and semicolons outside brackets and quotes.
    static func split(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0, quote = 0
        for c in text {
            switch c {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "«": quote += 1
            case "»": quote = max(0, quote - 1)
            case ",", ";" where depth == 0 && quote == 0:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(c)
        }
        parts.append(current)
        return parts
    }

    /// A name for comparing: lower case, one apostrophe, one dash without spaces around it, quotes
    /// alike, spaces collapsed, no final punctuation.
    static func key(_ name: String) -> String {
        var out = ""
        for c in name.lowercased() {
            switch c {
            case "’", "ʼ", "`", "‘": out.append("'")
            case "–", "—", "‑", "−": out.append("-")
            case "«", "»", "“", "”", "„": out.append("\"")
            default: out.append(c)
            }
        }
        out = PlanText.clean(out).replacingOccurrences(of: " - ", with: "-").replacingOccurrences(of: " -", with: "-")
            .replacingOccurrences(of: "- ", with: "-")
        return out.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
    }

    /// Word stems (first five letters of words of three or more letters), for suggestions.
    static func words(_ text: String) -> Set<String> {
        let stop: Set<String> = ["при", "для", "або", "які", "яка", "якої", "щодо"]
        var out: Set<String> = []
        for word in key(text).split(whereSeparator: { !$0.isLetter && $0 != "'" }) where word.count >= 3 {
            let w = String(word)
            if stop.contains(w) { continue }
            out.insert(String(w.prefix(5)))
        }
        return out
    }

    /// The registry kind a new body most likely has, from its words (a proposal for review).
    static func kind(of name: String) -> String {
        let n = name.lowercased()
        func has(_ words: String...) -> Bool { words.contains { n.contains($0) } }
        if has("міжнародн", "оон", "програма розвитку", "unicef", "undp") { return "international" }
        if has("коаліці", "громадська організація", "благодійн", "фонд ", "спілк", "асоціаці") { return "civil-society" }
        if has("координаційн", "комісі", "рада при", "дорадч", "громадська рада") { return "coordination-body" }
        if has("організації", "органи", "ігс", "заклади", "громади", "установи", "підрозділи", "адміністрації", "ради впо", "суб'єкти", "суб’єкти") && !has("департамент", "управління", "відділ") {
            return "collective"
        }
        if has("головне управління", "територіальн", "поліці", "дснс", "центр зайнятості", "служби україни") { return "territorial-body" }
        if has("департамент", "управління", "відділ", "директорат", "сектор", "служба у справах") { return "unit" }
        if has("голова", "заступник", "начальник", "директор", "спеціаліст", "керуюч", "уповноважена особа", "секретар") { return "official" }
        if has("адміністрація", "міністерство", "рада", "виконавчий комітет", "виконком") { return "authority" }
        return "institution"
    }
}

import Foundation
