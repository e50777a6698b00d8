/// The files of `Content/sources/`: a plan's source text `<plan>.txt`, its
/// transcription notes `<plan>.md` (Ukrainian, the site's own language) and their
/// English version `<plan>.en.md`.
public enum SourceNotes {
    static let englishSuffix = ".en.md"

    /// The notes file of a plan inside `Content/sources/`.
    public static func file(of plan: PlanID, english: Bool) -> String { plan.raw + (english ? englishSuffix : ".md") }

    /// The plan a notes file belongs to, and whether it is the English version; nil for other files.
    /// `x.en.md` is always the English notes of `x`.
    public static func plan(ofFile name: String) -> (plan: PlanID, english: Bool)? {
        if name.hasSuffix(englishSuffix) { return (PlanID(String(name.dropLast(englishSuffix.count))), true) }
        if name.hasSuffix(".md") { return (PlanID(String(name.dropLast(3))), false) }
        return nil
    }

    /// A file a plan may name as its `source:` (published as the download and the line-by-line page).
    public static func isSourceText(_ name: String) -> Bool { name.hasSuffix(".txt") }
}
