import Foundation

/// Checks a would-be content file with the real loader and linker (the same
/// rules and messages as `planpress check`), without writing anything: the
/// file is laid over `Content/` in memory.
struct EditorCheck {
    struct Outcome {
        /// Problems in the would-be file, by the form field of their line ("" when none matches).
        var byField: [String: [Diagnostic]] = [:]
        /// Errors in other content files (the site would not build for them either).
        var elsewhere: [Diagnostic] = []
        /// The linked site, for the Markdown preview and the item list.
        var graph: SiteGraph?
        /// The site's as-of date as `site.yaml` gives it (before a preview moves it).
        var asOf: CalendarDate?
        var hasErrors: Bool { byField.values.contains { $0.contains { $0.severity == .error } } }
        var all: [Diagnostic] { byField.keys.sorted().flatMap { byField[$0]! } }
    }

    let content: String
    let baseURL: String?

    /// `lines`: the would-be file's lines with their fields; `extra`: further
    /// files (a cover image). `asOf`: moves the site's date forward, so a
    /// scheduled update's body is rendered for the preview.
    func run(file relative: String, lines: [(text: String, field: String)], extra: [String: [UInt8]] = [:],
             asOf: CalendarDate? = nil) -> Outcome {
        var overlay = extra
        overlay[relative] = Array(lines.map { $0.text + "\n" }.joined().utf8)
        let (loaded, loadDiagnostics) = ContentLoader.load(from: content, overlay: overlay)
        var diagnostics = loadDiagnostics
        var outcome = Outcome()
        if var site = loaded {
            outcome.asOf = site.settings.asOf
            if let asOf, site.settings.asOf < asOf { site.settings.asOf = asOf }
            let (graph, linkDiagnostics) = SiteLinker.link(site, options: .init(includeDrafts: true, baseURL: baseURL))
            diagnostics += linkDiagnostics
            outcome.graph = graph
        }
        let display = ContentFiles(root: content).display(relative)
        for diagnostic in diagnostics {
            if diagnostic.location?.file == display || diagnostic.message.contains(display) {
                let line = diagnostic.location?.file == display ? (diagnostic.location?.line ?? 0) : 0
                let field = line >= 1 && line <= lines.count ? lines[line - 1].field : ""
                outcome.byField[field, default: []].append(diagnostic)
            } else if diagnostic.severity == .error {
                outcome.elsewhere.append(diagnostic)
            }
        }
        return outcome
    }
}
