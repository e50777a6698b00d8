/// One problem found in the content, the templates or the build.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line:column: error: message`, the format of compilers, Hugo and swift-markdown;
    /// control characters from the content are escaped (`TerminalText`).
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return TerminalText.safe("\(prefix)\(severity.rawValue): \(message)")
    }
}

/// Collects diagnostics during one stage. Not shared between threads: each
/// concurrent task owns one and the results are merged.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

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
}

/// Thrown when a stage finished with errors; carries every diagnostic.
public struct BuildFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String {
        diagnostics.sortedByLocation().map(\.description).joined(separator: "\n")
    }
}
