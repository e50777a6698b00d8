import SWXMLHash

/// Paragraph styles of `styles.xml`, as far as printing text goes: the automatic numbering a
/// style gives its paragraphs, capitals (`w:caps`) and hidden text (`w:vanish`), through
/// `w:basedOn` chains.
struct WordStyles {
    struct Style {
        var basedOn: String?
        var numId: String?
        var ilvl: Int?
        var caps: Bool?
        var vanish: Bool?
    }

    var styles: [String: Style] = [:]
    var defaultParagraph: String?

    init() {}

    init(root: XMLElement?, names w: WordNames) {
        for style in root?.elements ?? [] where style.name == w.prefix + ":style" {
            guard let id = style.allAttributes[w.prefix + ":styleId"]?.text else { continue }
            var s = Style()
            s.basedOn = w.value(style.child(w.prefix + ":basedOn"))
            if let numPr = style.child(w.pPr)?.child(w.numPr) {
                s.numId = w.value(numPr.child(w.numId))
                s.ilvl = w.value(numPr.child(w.ilvl)).flatMap { Int($0) }
            }
            let rPr = style.child(w.rPr)
            s.caps = w.isOn(rPr?.child(w.caps))
            s.vanish = w.isOn(rPr?.child(w.vanish))
            styles[id] = s
            if style.allAttributes[w.type]?.text == "paragraph",
               let flag = style.allAttributes[w.prefix + ":default"]?.text, ["1", "true", "on"].contains(flag) {
                defaultParagraph = id
            }
        }
    }

    /// The first value `property` gives along the `basedOn` chain of `id` (at most 20 steps: a chain may loop).
    func inherited<T>(_ id: String?, _ property: (Style) -> T?) -> T? {
        var current = id, steps = 0
        while let key = current, let style = styles[key], steps < 20 {
            if let value = property(style) { return value }
            current = style.basedOn
            steps += 1
        }
        return nil
    }

    /// The numbering a paragraph of style `id` gets from its style: `numId`, level.
    func numbering(of id: String?) -> (numId: String, ilvl: Int)? {
        guard let numId = inherited(id, { $0.numId }) else { return nil }
        return (numId, inherited(id, { $0.ilvl }) ?? 0)
    }
}

/// Word's automatic numbering (`numbering.xml`) rendered into the numbers it prints. Counters
/// run per abstract definition, as Word runs them: every `w:num` over the same `w:abstractNum`
/// continues one sequence, and a `w:num` with `w:lvlOverride/w:startOverride` restarts those
/// levels where it is first used (ECMA-376 §17.9; the same reading as mature renderers, e.g.
/// office-open-xml-viewer #590, anydoc #129). Using a level restarts the levels below it
/// unless `w:lvlRestart` says otherwise (0: never). `w:isLgl` prints every level in Arabic
/// numerals. Formats: decimal (and zero-padded), Roman and Latin letters in both cases,
/// Cyrillic letters (`russianLower`/`russianUpper`), bullets, none; others print as decimal.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        /// nil: restart after any higher level; 0: never; n: after level n (1-based) is used.
        var restart: Int?
        var isLegal = false
        /// What separates the number from the text: `tab` (the default, printed as a space), `space`, `nothing`.
        var suffix = "tab"
    }

    struct Instance {
        var abstract: String
        var starts: [Int: Int] = [:]
        var levels: [Int: Level] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]
    /// Running counters per abstract definition and level.
    private var counters: [String: [Int: Int]] = [:]
    private var started: Set<String> = []

    init() {}

    init(root: XMLElement?, names w: WordNames, styles: WordStyles) {
        guard let root else { return }
        var links: [String: String] = [:]
        for element in root.elements {
            if element.name == w.prefix + ":abstractNum", let id = element.allAttributes[w.prefix + ":abstractNumId"]?.text {
                var levels: [Int: Level] = [:]
                for lvl in element.elements where lvl.name == w.prefix + ":lvl" {
                    if let i = lvl.allAttributes[w.ilvl].flatMap({ Int($0.text) }) { levels[i] = WordNumbering.level(lvl, w) }
                }
                abstracts[id] = levels
                if let link = w.value(element.child(w.prefix + ":numStyleLink")) { links[id] = link }
            } else if element.name == w.prefix + ":num", let id = element.allAttributes[w.numId]?.text,
                      let abstract = w.value(element.child(w.prefix + ":abstractNumId")) {
                var instance = Instance(abstract: abstract)
                for override in element.elements where override.name == w.prefix + ":lvlOverride" {
                    guard let i = override.allAttributes[w.ilvl].flatMap({ Int($0.text) }) else { continue }
                    if let start = w.value(override.child(w.prefix + ":startOverride")).flatMap({ Int($0) }) { instance.starts[i] = start }
                    if let lvl = override.child(w.prefix + ":lvl") { instance.levels[i] = WordNumbering.level(lvl, w) }
                }
                instances[id] = instance
            }
        }
        // A definition that only links to a numbering style takes that style's definition (one step).
        for (id, style) in links {
            if let numId = styles.numbering(of: style)?.numId, let target = instances[numId]?.abstract, target != id {
                for (numID, instance) in instances where instance.abstract == id { instances[numID]?.abstract = target }
            }
        }
    }

    private static func level(_ lvl: XMLElement, _ w: WordNames) -> Level {
        var level = Level()
        if let start = w.value(lvl.child(w.prefix + ":start")).flatMap({ Int($0) }) { level.start = start }
        if let format = w.value(lvl.child(w.prefix + ":numFmt")) { level.format = format }
        if let text = w.value(lvl.child(w.prefix + ":lvlText")) { level.text = text }
        if let restart = w.value(lvl.child(w.prefix + ":lvlRestart")).flatMap({ Int($0) }) { level.restart = restart }
        level.isLegal = w.isOn(lvl.child(w.prefix + ":isLgl")) ?? false
        if let suffix = w.value(lvl.child(w.prefix + ":suff")) { level.suffix = suffix }
        return level
    }

    /// The number printed for the next paragraph of `numId` at level `ilvl`, and the separator
    /// after it; nil for `numId` 0 (numbering removed) or an unknown instance.
    mutating func next(numId: String, ilvl rawLevel: Int) -> (label: String, separator: String)? {
        guard numId != "0", let instance = instances[numId], let definition = abstracts[instance.abstract] else { return nil }
        let ilvl = min(max(rawLevel, 0), 8)
        func level(_ i: Int) -> Level { instance.levels[i] ?? definition[i] ?? Level() }
        var count = counters[instance.abstract] ?? [:]
        if !started.contains(numId) {
            started.insert(numId)
            for (i, _) in instance.starts { count[i] = nil }
        }
        let start = instance.starts[ilvl] ?? level(ilvl).start
        count[ilvl] = count[ilvl].map { $0 + 1 } ?? start
        for deeper in (ilvl + 1)...9 where deeper <= 8 {
            let restart = level(deeper).restart
            if restart == nil || (restart! > 0 && ilvl < restart!) { count[deeper] = nil }
        }
        counters[instance.abstract] = count
        let current = level(ilvl)
        if current.format == "none" { return ("", "") }
        var label = ""
        var characters = current.text.makeIterator()
        while let c = characters.next() {
            guard c == "%" else { label.append(c); continue }
            guard let digit = characters.next(), let n = digit.wholeNumberValue, (1...9).contains(n) else { continue }
            let i = n - 1
            let value = count[i] ?? (instance.starts[i] ?? level(i).start)
            let format = current.isLegal && i < ilvl ? "decimal" : level(i).format
            label += WordNumbering.format(value, format)
        }
        if current.format == "bullet" { label = WordNumbering.bullet(label) }
        let separator = current.suffix == "nothing" ? "" : " "
        return (label, separator)
    }

    static let cyrillicLower = Array("абвгдежзиклмнопрстуфхцчшщэюя")

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperLetter": return letters(value, Array("abcdefghijklmnopqrstuvwxyz")).uppercased()
        case "lowerLetter": return letters(value, Array("abcdefghijklmnopqrstuvwxyz"))
        case "russianLower": return letters(value, cyrillicLower)
        case "russianUpper": return letters(value, cyrillicLower).uppercased()
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : "\(value)"
        case "bullet", "none": return ""
        default: return "\(value)"
        }
    }

    /// Word's letter numbering: a, b … z, aa, bb … (the letter repeated, not base 26).
    static func letters(_ value: Int, _ alphabet: [Character]) -> String {
        guard value > 0 else { return "" }
        let letter = alphabet[(value - 1) % alphabet.count]
        return String(repeating: String(letter), count: (value - 1) / alphabet.count + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = value, out = ""
        for (amount, numeral) in table { while n >= amount { out += numeral; n -= amount } }
        return out
    }

    /// Bullets drawn from the Symbol and Wingdings fonts are private-use characters: printed as «•».
    static func bullet(_ text: String) -> String {
        let mapped = text.unicodeScalars.map { (0xE000...0xF8FF).contains($0.value) ? "•" : String($0) }.joined()
        return mapped.isEmpty ? "•" : mapped
    }
}
