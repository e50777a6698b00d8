/// One problem found in the content, the templates or the build.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }

        public func text(_ language: MessageLanguage) -> String {
            switch (self, language) {
            case (.warning, .uk): return "попередження"
            case (.error, .uk): return "помилка"
            case (_, .en): return rawValue
            }
        }
    }

    public var severity: Severity
    /// The message from the catalogue (Messages.swift), printed in the reader's language.
    public var text: Message
    public var location: SourceLocation?

    public init(_ severity: Severity, _ text: Message, at location: SourceLocation?) {
        self.severity = severity
        self.text = text
        self.location = location
    }

    public static func error(_ text: Message, at location: SourceLocation?) -> Diagnostic { Diagnostic(.error, text, at: location) }
    public static func warning(_ text: Message, at location: SourceLocation?) -> Diagnostic { Diagnostic(.warning, text, at: location) }

    /// The English text: stable for sorting and for tests written against English.
    public var message: String { text.text(.en) }

    public func message(_ language: MessageLanguage) -> String { text.text(language) }

    /// `file:line:column: помилка: message`, the format of compilers, Hugo and swift-markdown;
    /// control characters from the content are escaped (`TerminalText`).
    public func description(_ language: MessageLanguage) -> String {
        let prefix = location.map { "\($0): " } ?? ""
        return TerminalText.safe("\(prefix)\(severity.text(language)): \(text.text(language))")
    }

    /// In Ukrainian, the default language.
    public var description: String { description(.uk) }
}

/// Collects diagnostics during one stage. Not shared between threads: each
/// concurrent task owns one and the results are merged.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ text: Message, at location: SourceLocation?) { diagnostics.append(.error(text, at: location)) }
    public func warning(_ text: Message, at location: SourceLocation?) { diagnostics.append(.warning(text, at: location)) }

    public func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public func append(contentsOf list: [Diagnostic]) { diagnostics.append(contentsOf: list) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column so output is deterministic.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { a, b in
            let la = a.location ?? SourceLocation(file: "")
            let lb = b.location ?? SourceLocation(file: "")
            if la != lb { return la < lb }
            return a.message < b.message
        }
    }

    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// One line per diagnostic in `language`, sorted by location.
    public func lines(_ language: MessageLanguage) -> [String] { sortedByLocation().map { $0.description(language) } }
}

/// Thrown when a stage finished with errors; carries every diagnostic.
public struct BuildFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public func description(_ language: MessageLanguage) -> String { diagnostics.lines(language).joined(separator: "\n") }
    public var description: String { description(.uk) }
}
