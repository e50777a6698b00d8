import Foundation

/// One published plan: its metadata and its goal tree.
public struct Plan: Sendable {
    /// What the document itself shows about its approval (docs/content-format.md, "Status and approval"):
    /// `approved` — a filled-in approval block (a printed date or number); `draft` — a blank approval
    /// stamp or a document that calls itself a draft; `notStated` — no approval block at all.
    public enum Status: String, Sendable, CaseIterable { case approved, draft, notStated = "not-stated" }

    public var id: PlanID
    public var title: String
    public var shortTitle: String
    /// The body the document names as issuing or approving it, quoted as printed; nil when the
    /// document names none (pages then say so).
    public var issuer: Issuer?
    public var documentKind: String?
    /// The heading of the document's responsible column, as printed («Відповідальні за виконання»,
    /// «Виконавець в Міністерстві»); pages list the bodies under it and do not rank them.
    public var responsibleHeading: String?
    public var status: Status
    public var period: Period
    public var approval: Approval?
    public var signatory: Signatory?
    public var vision: String?
    /// The vision block's source lines and corrections (`vision: {text, lines, corrections}`).
    public var visionCitation: Citation? = nil
    public var preamble: String?
    /// The title's source lines (the plan's own `lines:`).
    public var titleCitation: Citation? = nil
    /// File name inside `Content/sources/`.
    public var source: String?
    /// Where `source:` is written (a missing source file is reported there).
    public var sourceLocation: SourceLocation? = nil
    public var levels: [Level]
    public var abbreviations: [Abbreviation]
    public var budget: BudgetSpec?
    /// Top-level goals (empty for a plan of plain items).
    public var goals: [Goal]
    /// Measures directly under the plan.
    public var measures: [Measure]
    public var location: SourceLocation
    /// Digest of the plan's own YAML (goals and measures left out), position
    /// excluded: a rebuild tells edited plan metadata apart by it (`SiteChanges`).
    public var sourceDigest: Int = 0
    /// Which parse made this value: a number unique in the process (0: not from a file). A rebuild
    /// reuses the linker's work on a plan whose value is the one it linked before (`PlanLinkCache`).
    var parse: UInt64 = 0
    /// A short title for the English interface (`en: {short_title: …}`); nil when the
    /// plan gives none, and the English pages say the document is in Ukrainian only.
    public var englishShortTitle: String? = nil

    /// The level that names measures (the last one).
    public var measureLevel: Level { levels.last ?? Level(name: "Захід", plural: "Заходи", slug: "measure") }
}

public struct Period: Sendable, Hashable {
    public var from: Int?
    public var to: Int?
    /// The document states no period: the site read it from these printed words (`inferred_from:`,
    /// e.g. a title «Луганськ 2027»), and pages mark the period as the site's reading.
    public var inferredFrom: String? = nil
    /// The year a term without a year refers to: the plan's single year, else its last.
    public var defaultYear: Int? { to ?? from }
}

public struct Level: Sendable, Hashable {
    public let name: String
    public let plural: String
    public let slug: String
    /// The document prints this level's items without numbers (e.g. bullets): every number is the site's.
    public let assignedNumbers: Bool
    /// The document numbers this level's items but gives the level no name: `name` is the site's word,
    /// and pages say so (`name_assigned: true`).
    public let nameAssigned: Bool
    /// Lower-case forms for counts: one, few, many («напрям», «напрями», «напрямів»).
    /// When absent, counts fall back to `name`/`plural`.
    public let forms: [String]?
    /// English one/other forms, lower case («direction», «directions»).
    public let english: [String]?
    /// The words pages print for the level, made once: computed on every call they were 3.3 % of
    /// a 20k build's samples (Foundation's `replacingOccurrences` and Unicode case mapping on
    /// each English breadcrumb, goal path and count).
    private let words: Words

    private struct Words: Sendable, Hashable {
        let ukrainianForms: [String]
        let englishForms: [String]
        let englishName: String
        let englishPlural: String
    }

    public init(name: String, plural: String, slug: String, assignedNumbers: Bool = false, nameAssigned: Bool = false,
                forms: [String]? = nil, english: [String]? = nil) {
        self.name = name
        self.plural = plural
        self.slug = slug
        self.assignedNumbers = assignedNumbers
        self.nameAssigned = nameAssigned
        self.forms = forms
        self.english = english
        let spaced = slug.replacingOccurrences(of: "-", with: " ")
        let en = english ?? [spaced, spaced + "s"]
        words = Words(ukrainianForms: forms ?? [name.lowercased(), plural.lowercased(), plural.lowercased()],
                      englishForms: [en[0], en[1], en[1]],
                      englishName: Level.capitalised(en[0]), englishPlural: Level.capitalised(en[1]))
    }

    /// one, few, many in the interface language (English: one, other, other).
    public func countForms(language: String) -> [String] {
        language == "en" ? words.englishForms : words.ukrainianForms
    }

    /// The level's name as a heading word in the interface language: «Захід», "Measure".
    public func name(language: String) -> String { language == "en" ? words.englishName : name }
    public func pluralName(language: String) -> String { language == "en" ? words.englishPlural : plural }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

/// The body a document names as issuing or approving it (`issuer: {printed, lines, executor}`).
public struct Issuer: Sendable {
    /// The words as printed, in whatever grammatical form the document gives them; nil for the
    /// bare registry id of the old form, which names no printed words (pages then show none).
    public var printed: String?
    /// The registry body the site identifies the printed words with (optional): the site's link.
    public var executor: ExecutorID?
    public var location: SourceLocation
    /// The lines that print the words.
    public var citation: Citation?
}

public struct Approval: Sendable {
    /// The whole approval block as printed (line breaks kept), shown verbatim.
    public var printed: String?
    public var label: String?
    public var by: String?
    public var person: String?
    public var document: String?
    public var number: String?
    public var date: CalendarDate?
    public var datePrinted: String?
    /// The lines that print the block (`approval: {lines: …}`).
    public var citation: Citation? = nil

    /// A printed field is a blank to fill in when it is only underscores (e.g. «№ _____»).
    public static func isBlank(_ printed: String?) -> Bool {
        guard let printed else { return true }
        let core = printed.replacingOccurrences(of: "№", with: "").trimmingCharacters(in: .whitespaces)
        return core.isEmpty || core.allSatisfy { $0 == "_" }
    }

    /// The block shows a date or a number that is filled in: only then does the document show an approval.
    public var isFilledIn: Bool {
        date != nil || !Approval.isBlank(datePrinted) || !Approval.isBlank(number)
    }
}

public struct Signatory: Sendable {
    public var position: String?
    public var name: String?
    /// The lines that print the signature block.
    public var citation: Citation? = nil
}

public struct Abbreviation: Sendable, Hashable {
    public var abbr: String
    public var full: String
    public var defined: Bool
    public var location: SourceLocation
}
