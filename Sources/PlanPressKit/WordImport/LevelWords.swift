/// Names proposed for the plan's levels (reviewed by a person): the document's own level word
/// where it prints one («Стратегічна ціль», the task and measure column headings, «ВСЬОГО ЗА
/// НАПРЯМОМ»), with the plural and the count forms (one, few, many) of common Ukrainian level
/// nouns and their adjectives, a Latin slug and English words where the word is known.
enum LevelWords {
    /// noun → (plural, genitive plural, slug, English one, English other)
    static let nouns: [String: (String, String, String, String, String)] = [
        "ціль": ("цілі", "цілей", "goal", "goal", "goals"),
        "мета": ("цілі", "цілей", "goal", "goal", "goals"),
        "завдання": ("завдання", "завдань", "task", "task", "tasks"),
        "задача": ("задачі", "задач", "objective", "objective", "objectives"),
        "захід": ("заходи", "заходів", "measure", "measure", "measures"),
        "напрям": ("напрями", "напрямів", "direction", "direction", "directions"),
        "напрямок": ("напрямки", "напрямків", "direction", "direction", "directions"),
        "розділ": ("розділи", "розділів", "section", "section", "sections"),
        "підрозділ": ("підрозділи", "підрозділів", "subsection", "subsection", "subsections"),
        "пункт": ("пункти", "пунктів", "item", "item", "items"),
        "пріоритет": ("пріоритети", "пріоритетів", "priority", "priority", "priorities"),
        "програма": ("програми", "програм", "programme", "programme", "programmes"),
        "підпрограма": ("підпрограми", "підпрограм", "subprogramme", "subprogramme", "subprogrammes"),
        "проєкт": ("проєкти", "проєктів", "project", "project", "projects"),
        "етап": ("етапи", "етапів", "stage", "stage", "stages"),
        "сфера": ("сфери", "сфер", "area", "area", "areas"),
        "блок": ("блоки", "блоків", "block", "block", "blocks"),
        "дія": ("дії", "дій", "action", "action", "actions"),
    ]

    /// adjective → (slug word, English word)
    static let adjectives: [String: (String, String)] = [
        "стратегічн": ("strategic", "strategic"), "оперативн": ("operational", "operational"),
        "тактичн": ("tactical", "tactical"), "загальн": ("general", "general"), "конкретн": ("specific", "specific"),
    ]

    static func level(_ word: String) -> PlanDraft.Level {
        let parts = word.split(separator: " ").map(String.init)
        guard let nounWord = parts.last else { return fallback(word) }
        let noun = nounWord.lowercased()
        guard let known = nouns[noun] else { return fallback(word) }
        var plural: [String] = [], many: [String] = [], slug: [String] = [], english: [String] = []
        for adjective in parts.dropLast() {
            let lower = adjective.lowercased()
            let stem: Substring
            if lower.hasSuffix("ий") || lower.hasSuffix("ій") { stem = adjective.dropLast(2) } else if lower.hasSuffix("а") || lower.hasSuffix("е") || lower.hasSuffix("я") || lower.hasSuffix("є") {
                stem = adjective.dropLast(1)
            } else { return fallback(word) }
            plural.append(stem + "і")
            many.append(stem.lowercased() + "их")
            let key = adjectives.keys.first { lower.hasPrefix($0) }
            guard let key else { return fallback(word) }
            slug.append(adjectives[key]!.0)
            english.append(adjectives[key]!.1)
        }
        let pluralWord = nounWord.first!.isUppercase ? known.0.prefix(1).uppercased() + known.0.dropFirst() : known.0
        let name = parts.joined(separator: " ")
        let pluralName = (plural + [pluralWord]).joined(separator: " ")
        let forms = [name.lowercased(), pluralName.lowercased(), (many + [known.1]).joined(separator: " ")]
        let en = [(english + [known.3]).joined(separator: " "), (english + [known.4]).joined(separator: " ")]
        return PlanDraft.Level(name: name, plural: pluralName, slug: (slug + [known.2]).joined(separator: "-"), forms: forms, english: en)
    }

    /// A word not in the tables: the same word in every form (the review list asks for the right ones).
    static func fallback(_ word: String) -> PlanDraft.Level {
        var slug = Transliteration.slug(word, limit: 40)
        if slug.isEmpty || !IDRules.isValid(slug) { slug = "level" }
        return PlanDraft.Level(name: word, plural: word, slug: slug, forms: [word.lowercased(), word.lowercased(), word.lowercased()], english: nil)
    }

    /// «Найменування завдання» → «Завдання»; «Зміст заходу» → «Захід»: the noun a column heading names.
    static func fromHeading(_ heading: String?, default word: String) -> String {
        guard let heading else { return word }
        let lower = heading.lowercased()
        for (stem, noun) in [("завдан", "Завдання"), ("задач", "Задача"), ("заход", "Захід"), ("захід", "Захід"), ("пункт", "Пункт"),
                             ("дії", "Дія"), ("проєкт", "Проєкт"), ("напрям", "Напрям")] where lower.contains(stem) {
            return noun
        }
        return word
    }
}
