import Foundation

/// The editor's pages and words: `Templates/editor/*.mustache` rendered by the
/// site's compiled renderer, the words from the site's own locale files
/// (`Templates/locales/<lang>.yaml`, keys `editor_…`), and the stylesheet and
/// script in `Templates/editor/assets/`. Read again when one of those files
/// changes, so a designer or translator sees an edit on the next page.
final class EditorTemplates: @unchecked Sendable {
    struct Loaded: Sendable {
        let renderer: TemplateRenderer
        let strings: [String: String]
        /// `editor.css` → bytes.
        let assets: [String: [UInt8]]
    }

    let folder: String
    let language: MessageLanguage
    private let lock = NSLock()
    private var cache: (stamp: Int, loaded: Result<Loaded, ServeError>)?

    init(folder: String, language: MessageLanguage) {
        self.folder = folder
        self.language = language
    }

    /// The templates as they are on disk now, or why they cannot be used.
    func load() -> Result<Loaded, ServeError> {
        let stamp = ContentWatcher(folders: [folder + "/editor", folder + "/locales"]).fingerprint()
        lock.lock()
        defer { lock.unlock() }
        if let cache, cache.stamp == stamp { return cache.loaded }
        let loaded = read()
        cache = (stamp, loaded)
        return loaded
    }

    private func read() -> Result<Loaded, ServeError> {
        let files = ContentFiles(root: folder)
        let sink = DiagnosticSink()
        var templates: [String: CompiledTemplate] = [:]
        for path in files.list("editor", extensions: ["mustache"], sink: sink) {
            guard let text = files.read(path, sink: sink) else { continue }
            let name = String(path.dropLast(".mustache".count))
            do {
                templates[name] = try CompiledTemplate(name: name, source: text)
            } catch let error as TemplateSyntaxError {
                sink.error(.templateUnsupportedForm(detail: error.message), at: SourceLocation(file: files.display(path), line: error.line))
            } catch {
                sink.error(.templateUnreadable(detail: "\(error)"), at: SourceLocation(file: files.display(path)))
            }
        }
        for name in ["editor/top", "editor/bottom", "editor/message"] where templates[name] == nil {
            sink.error(.templateMissing(name: name), at: SourceLocation(file: files.display(name + ".mustache")))
        }
        let locales = TemplateLoader.loadLocales(files, sink: sink)
        var assets: [String: [UInt8]] = [:]
        for path in files.list("editor/assets", extensions: ["css", "js", "svg", "png"], sink: sink) {
            if let data = files.data(path) { assets[String(path.dropFirst("editor/assets/".count))] = Array(data) }
        }
        guard !sink.hasErrors, let strings = locales[language.rawValue] ?? locales["uk"] else {
            let problems = sink.diagnostics.filter { $0.severity == .error }.map { $0.description(language) }
            return .failure(ServeError(.editorTemplatesUnusable(folder: files.display("editor"), problems: problems)))
        }
        return .success(Loaded(renderer: TemplateRenderer(templates: templates), strings: strings, assets: assets))
    }
}
