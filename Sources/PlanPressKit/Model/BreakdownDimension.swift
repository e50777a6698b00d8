/// The dimensions a value may be broken down by (docs/monitoring.md,
/// *Breakdowns*): a controlled list, so that the template's «стать» and a
/// report's `sex` are one dimension and show as one section. Each has a code
/// (used in files and open data), Ukrainian and English names (equal to
/// `dimension_<code>` in the locales: `OpenDataTests` checks it) and the
/// spellings a report or a spreadsheet may use.
public struct BreakdownDimension: Sendable, Hashable {
    public var code: String
    public var ukrainian: String
    public var english: String
    /// Further accepted spellings besides the code and both names.
    var spellings: [String] = []

    public static let all: [BreakdownDimension] = [
        .init(code: "sex", ukrainian: "стать", english: "sex"),
        .init(code: "age", ukrainian: "вік", english: "age", spellings: ["вікова група", "age group"]),
        .init(code: "place", ukrainian: "місцевість", english: "type of settlement", spellings: ["тип поселення", "місто/село", "urban/rural"]),
        .init(code: "district", ukrainian: "район", english: "district"),
        .init(code: "hromada", ukrainian: "громада", english: "hromada", spellings: ["територіальна громада", "territorial community"]),
        .init(code: "disability", ukrainian: "інвалідність", english: "disability"),
        .init(code: "displacement", ukrainian: "статус ВПО", english: "displacement status", spellings: ["ВПО", "idp", "idp status"]),
        .init(code: "veteran", ukrainian: "статус ветерана", english: "veteran status", spellings: ["ветерани", "veterans"]),
    ]

    /// The dimension written as its code, one of its names or spellings (case and surrounding spaces aside).
    public static func named(_ text: String) -> BreakdownDimension? {
        let wanted = fold(text)
        return all.first { d in ([d.code, d.ukrainian, d.english] + d.spellings).contains { fold($0) == wanted } }
    }

    /// `sex («стать»)`, for messages.
    public static var listed: [String] { all.map { "\($0.code) («\($0.ukrainian)»)" } }

    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
