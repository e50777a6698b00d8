/// One thing a person must decide after an import, with the source line it concerns: printed
/// by `planpress import plan`, written to `Content/plans/<id>/REVIEW.md` (not published) and
/// shown by the editor.
public struct ReviewItem: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        case bodies, terms, rows, money, changes, letters, structure, document
    }

    public var kind: Kind
    /// The line of `Content/sources/<id>.txt` it concerns.
    public var line: Int?
    public var text: Message
    /// For a body not in the registry: the id the import gave it (a decision names it).
    public var body: String?

    public init(_ kind: Kind, line: Int?, _ text: Message, body: String? = nil) {
        self.kind = kind
        self.line = line
        self.text = text
        self.body = body
    }
}
