/// A typed id: a plan id cannot be passed where an executor id is expected.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: String
    public init(_ raw: String) { self.raw = raw }
    public var description: String { raw }
    public static func < (a: Identifier, b: Identifier) -> Bool { a.raw < b.raw }
}

public enum PlanKind {}
public enum ExecutorKindTag {}
public typealias PlanID = Identifier<PlanKind>
public typealias ExecutorID = Identifier<ExecutorKindTag>

/// Ids appear in URLs and file names: lowercase Latin letters, digits, `.` and `-`.
public enum IDRules {
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isAllowed(first), first != ".", first != "-" else { return false }
        guard !id.contains(".."), !id.hasSuffix("."), id.count <= 120 else { return false }
        return id.unicodeScalars.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "0"..."9", ".", "-": return true
        default: return false
        }
    }

    static let explanation = explanation(.en)

    static func explanation(_ language: MessageLanguage) -> String {
        language == .uk ? "вживайте лише малі латинські літери, цифри, '.' і '-', і починайте з літери або цифри"
                        : "use only lowercase Latin letters, digits, '.' and '-', starting with a letter or digit"
    }
}
