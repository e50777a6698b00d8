/// A responsible body from the registry shared by all plans.
public struct Executor: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case authority, unit, official, institution, collective, international
        case territorialBody = "territorial-body"
        case coordinationBody = "coordination-body"
        case civilSociety = "civil-society"
    }

    public var id: ExecutorID
    public var name: String
    public var short: String?
    public var kind: Kind
    public var parent: ExecutorID?
    public var aliases: [String]
    public var location: SourceLocation
    /// The site's English name of the body (`en: {name: …}`): the English pages' title and a name search finds it by.
    public var englishName: String? = nil

    /// The short name where there is one, for lists and tables.
    public var displayName: String { short ?? name }
}
