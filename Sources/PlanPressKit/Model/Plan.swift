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
    public var issuer: ExecutorID?
    public var issuerLocation: SourceLocation?
    public var documentKind: String?
    /// The heading of the document's responsible column, as printed («Відповідальні за виконання»,
    /// «Виконавець в Міністерстві»); pages list the bodies under it and do not rank them.
    public var responsibleHeading: String?
    public var status: Status
    public var period: Period
    public var approval: Approval?
    public var signatory: Signatory?
    public var vision: String?
    public var preamble: String?
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

    /// The level that names measures (the last one).
    public var measureLevel: Level { levels.last ?? Level(name: "Захід", plural: "Заходи", slug: "measure") }
}

public struct Period: Sendable, Hashable {
    public var from: Int?
    public var to: Int?
    /// The year a term without a year refers to: the plan's single year, else its last.
    public var defaultYear: Int? { to ?? from }
}

public struct Level: Sendable, Hashable {
    public var name: String
    public var plural: String
    public var slug: String
    /// The document prints this level's items without numbers (e.g. bullets): every number is the site's.
    public var assignedNumbers: Bool = false
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
}

public struct Abbreviation: Sendable, Hashable {
    public var abbr: String
    public var full: String
    public var defined: Bool
    public var location: SourceLocation
}
