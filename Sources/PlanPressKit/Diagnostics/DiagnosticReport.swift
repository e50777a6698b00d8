import Foundation

/// What the preview prints and shows: every error first, then the warnings about
/// the files being edited, then one line counting the other warnings («2
/// попередження в інших файлах, див. `planpress check`») — a warning never stands
/// above an error, and unrelated ones do not repeat on every save.
public enum DiagnosticReport {
    public static func previewLines(_ diagnostics: [Diagnostic], language: MessageLanguage,
                                    concerns: (SourceLocation?) -> Bool) -> [String] {
        let sorted = diagnostics.sortedByLocation()
        let errors = sorted.filter { $0.severity == .error }
        let warnings = sorted.filter { $0.severity == .warning }
        let near = warnings.filter { concerns($0.location) }
        var lines = (errors + near).map { $0.description(language) }
        let others = warnings.count - near.count
        if others > 0 { lines.append(Message.warningsInOtherFiles(count: others).text(language)) }
        return lines
    }

    /// "Being edited": changed on disk since `since` (the preview's start).
    public static func editedSince(_ since: Date) -> (SourceLocation?) -> Bool {
        { location in
            guard let file = location?.file, !file.isEmpty,
                  let attributes = try? FileManager.default.attributesOfItem(atPath: file),
                  let modified = attributes[.modificationDate] as? Date else { return false }
            return modified > since
        }
    }
}
