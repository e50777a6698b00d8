/// The language diagnostics and terminal messages are written in: Ukrainian by
/// default, English with `--lang en` or `language: en` in site.yaml.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case uk, en

    /// `--lang` wins, then the site's `language`, then Ukrainian.
    public static func resolve(option: String?, siteLanguage: String?) -> MessageLanguage {
        option.flatMap(MessageLanguage.init(rawValue:)) ?? siteLanguage.flatMap(MessageLanguage.init(rawValue:)) ?? .uk
    }
}

/// A short noun phrase in both languages: what a message is about ("measure 3.1" /
/// «захід 3.1»). Ukrainian phrases are in the nominative so they can open a message
/// («захід 3.1: …») without declension.
public struct Phrase: Hashable, Sendable, CustomStringConvertible {
    public var uk: String
    public var en: String

    public init(uk: String, en: String) {
        self.uk = uk
        self.en = en
    }

    /// Data that reads the same in both languages (an error text from a library, an id):
    /// never words to translate. There is no string-literal form: a phrase in words has both texts.
    public init(data text: String) { self.init(uk: text, en: text) }

    public func text(_ language: MessageLanguage) -> String { language == .uk ? uk : en }
    public var description: String { en }

    /// `'key' of <what>` / «поле 'key' (<what>)».
    public static func key(_ key: String, of what: Phrase) -> Phrase {
        Phrase(uk: "поле '\(key)' (\(what.uk))", en: "'\(key)' of \(what.en)")
    }

    public static let plan = Phrase(uk: "план", en: "plan")
    public static let level = Phrase(uk: "рівень", en: "level")
    public static let abbreviation = Phrase(uk: "скорочення", en: "abbreviation")
    public static let goal = Phrase(uk: "ціль", en: "goal")
    public static let measure = Phrase(uk: "захід", en: "measure")
    public static let executor = Phrase(uk: "виконавець", en: "executor")
    public static let siteSettings = Phrase(uk: "налаштування сайту", en: "site settings")
    public static let updateFrontMatter = Phrase(uk: "шапка оновлення", en: "update front matter")
    public static let commentaryFrontMatter = Phrase(uk: "шапка коментаря", en: "commentary front matter")
    public static let localeFile = Phrase(uk: "файл рядків інтерфейсу", en: "locale file")
    public static let report = Phrase(uk: "звіт", en: "report")
    public static let measureStatus = Phrase(uk: "статус заходу", en: "measure status")
    public static let evidence = Phrase(uk: "підтвердження", en: "evidence")
    public static let indicatorEntry = Phrase(uk: "значення показника", en: "indicator entry")
    public static let breakdownEntry = Phrase(uk: "розбивка значення", en: "breakdown entry")
    public static let fundingSource = Phrase(uk: "джерело фінансування", en: "funding source")
    public static let statedTotal = Phrase(uk: "підсумок документа", en: "stated total")
    public static let wholePlan = Phrase(uk: "увесь план", en: "the plan")

    public static func goal(_ number: String) -> Phrase { Phrase(uk: "ціль \(number)", en: "goal \(number)") }
    public static func measure(_ number: String) -> Phrase { Phrase(uk: "захід \(number)", en: "measure \(number)") }
    public static func executor(_ id: String) -> Phrase { Phrase(uk: "виконавець '\(id)'", en: "executor '\(id)'") }
    public static func indicator(_ id: String) -> Phrase { Phrase(uk: "показник \(id)", en: "indicator \(id)") }
    public static func responsible(of what: Phrase) -> Phrase {
        Phrase(uk: "поле 'responsible' (\(what.uk))", en: "'responsible' of \(what.en)")
    }
    public static func executor(of what: Phrase) -> Phrase { Phrase(uk: "виконавець (\(what.uk))", en: "executor of \(what.en)") }
    public static func term(of what: Phrase) -> Phrase { Phrase(uk: "строк (\(what.uk))", en: "term of \(what.en)") }
    public static func funding(of what: Phrase) -> Phrase { Phrase(uk: "фінансування (\(what.uk))", en: "funding of \(what.en)") }
    public static func fundingLine(of what: Phrase) -> Phrase { Phrase(uk: "рядок фінансування (\(what.uk))", en: "funding line of \(what.en)") }
    public static func correction(of what: Phrase) -> Phrase { Phrase(uk: "виправлення (\(what.uk))", en: "correction of \(what.en)") }
    public static func statedTotals(ofGoal goal: String) -> Phrase {
        Phrase(uk: "підсумки документа для цілі \(goal)", en: "stated totals of goal \(goal)")
    }
    public static let statedTotalsOfPlan = Phrase(uk: "підсумки документа для всього плану", en: "stated totals of the plan")
    public static let statedTotals = Phrase(uk: "підсумки документа", en: "stated totals")
    public static let planTitle = Phrase(uk: "назва плану", en: "the plan's title")
    public static let approvalBlock = Phrase(uk: "гриф затвердження (approval)", en: "the approval block")
    public static let signatoryBlock = Phrase(uk: "підпис (signatory)", en: "the signature block")
    public static let issuerLine = Phrase(uk: "орган, що видав або затвердив документ (issuer)", en: "the issuer")
    public static let visionBlock = Phrase(uk: "бачення (vision)", en: "the vision block")

    // Printed fields of a cited item (CitationFields).
    public static let textField = Phrase(uk: "текст", en: "text")
    public static let titleField = Phrase(uk: "назва", en: "title")
    public static let labelField = Phrase(uk: "підпис", en: "label")
    public static let responsibleField = Phrase(uk: "відповідальні", en: "responsible")
    public static let termField = Phrase(uk: "строк", en: "term")
    public static let fundingField = Phrase(uk: "фінансування", en: "funding")
    public static let approvalByField = Phrase(uk: "посада в грифі", en: "post in the stamp")
    public static let approvalPersonField = Phrase(uk: "ім’я в грифі", en: "name in the stamp")
    public static let approvalDocumentField = Phrase(uk: "документ у грифі", en: "act in the stamp")
    public static let approvalNumberField = Phrase(uk: "номер у грифі", en: "number in the stamp")
    public static let approvalDateField = Phrase(uk: "дата в грифі", en: "date in the stamp")
    public static let signatoryPositionField = Phrase(uk: "посада підписанта", en: "signatory's post")
    public static let signatoryNameField = Phrase(uk: "ім’я підписанта", en: "signatory's name")
    public static let issuerField = Phrase(uk: "назва органу", en: "the body's name")
    public static let correctionPrintedForm = Phrase(uk: "надруковане написання з виправлення", en: "printed form of a correction")
    public static func indicatorField(_ n: Int) -> Phrase { Phrase(uk: "показник \(n)", en: "indicator \(n)") }
    public static func resultField(_ n: Int) -> Phrase { Phrase(uk: "очікуваний результат \(n)", en: "result \(n)") }
    public static func amountField(year: String, source: String) -> Phrase {
        Phrase(uk: "сума за \(year) рік (\(source))", en: "amount \(year) (\(source))")
    }
}

/// A value as found in the content, for "…, found …": its text as written, or, when it
/// is not a plain value (a list, a mapping), its kind in the reader's language.
public enum Found: Hashable, Sendable, ExpressibleByStringLiteral {
    case text(String)
    case kind(ValueKind)

    public init(stringLiteral value: String) { self = .text(value) }

    public func text(_ language: MessageLanguage) -> String {
        switch self {
        case .text(let text): return text
        case .kind(let kind): return kind.text(language)
        }
    }
    public var uk: String { text(.uk) }
    public var en: String { text(.en) }
}

/// What a YAML value turned out to be, for "must be …, found …" messages.
public enum ValueKind: String, Hashable, Sendable, CaseIterable {
    case text, mapping, list, alias

    public func text(_ language: MessageLanguage) -> String {
        switch (self, language) {
        case (.text, .uk): return "текст"
        case (.text, .en): return "a text value"
        case (.mapping, .uk): return "набір полів «ключ: значення»"
        case (.mapping, .en): return "a mapping (key: value pairs)"
        case (.list, .uk): return "список"
        case (.list, .en): return "a list"
        case (.alias, .uk): return "посилання-псевдонім"
        case (.alias, .en): return "an alias"
        }
    }
}

/// Why an item reference (`measure:<plan>/<number>` …) does not resolve.
public enum ReferenceProblem: Hashable, Sendable {
    case noPlan(plan: String, suggestions: [String])
    case noGoal(plan: String, goal: String, suggestions: [String])
    case noMeasure(plan: String, number: String, suggestions: [String])
    case noIndicator(plan: String, indicator: String, suggestions: [String])
    case noExecutor(executor: String, suggestions: [String])
    case unpublishedUpdate(slug: String, suggestions: [String])

    public func text(_ language: MessageLanguage) -> String {
        let uk = language == .uk
        switch self {
        case .noPlan(let plan, let s):
            return (uk ? "але плану '\(plan)' немає" : "but plan '\(plan)' does not exist") + Message.hint(s, language)
        case .noGoal(let plan, let goal, let s):
            return (uk ? "але в плані '\(plan)' немає цілі '\(goal)'" : "but plan '\(plan)' has no goal '\(goal)'") + Message.hint(s, language)
        case .noMeasure(let plan, let number, let s):
            return (uk ? "але в плані '\(plan)' немає заходу \(number)" : "but plan '\(plan)' has no measure \(number)") + Message.hint(s, language)
        case .noIndicator(let plan, let id, let s):
            return (uk ? "але в плані '\(plan)' немає показника '\(id)'" : "but plan '\(plan)' has no indicator '\(id)'") + Message.hint(s, language)
        case .noExecutor(let id, let s):
            return (uk ? "але виконавця '\(id)' немає" : "but executor '\(id)' does not exist") + Message.hint(s, language)
        case .unpublishedUpdate(let slug, let s):
            return (uk ? "але оновлення '\(slug)' не опубліковано (такого файлу немає, це чернетка або його дата пізніша за as_of)"
                       : "but update '\(slug)' is not published (no such file, a draft, or dated after as_of)") + Message.hint(s, language)
        }
    }
}
