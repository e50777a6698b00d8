import Foundation
import Mustache

/// Templates, interface strings and static assets read from `Templates/`.
public struct TemplateSet: Sendable {
    public var library: MustacheLibrary
    /// The same templates compiled for fast rendering (Render/Engine).
    public var renderer: TemplateRenderer
    public var names: Set<String>
    /// language → key → string
    public var locales: [String: [String: String]]
    /// Files under `Templates/assets/`, relative path → bytes.
    public var assets: [(path: String, data: Data)]
    /// The search's word lists (`Templates/search/`).
    public var search: SearchVocabulary = .none
}

/// The part of the load stage that reads `Templates/`.
public enum TemplateLoader {
    public static let requiredTemplates = ["layout", "home", "plan", "goal", "measure", "indicator", "executors",
                                           "executor", "glossary", "not-found", "plan-print", "updates", "update", "timeline", "search"]

    public static func load(from directory: String) -> (templates: TemplateSet?, diagnostics: [Diagnostic]) {
        var files = ContentFiles(root: directory)
        files.isTemplates = true
        let sink = DiagnosticSink()
        guard files.isDirectory("") else {
            sink.error(.templatesFolderMissing, at: SourceLocation(file: directory))
            return (nil, sink.diagnostics)
        }
        var library = MustacheLibrary()
        var names: Set<String> = []
        var broken: Set<String> = []
        var compiled: [String: CompiledTemplate] = [:]
        for path in files.list("", extensions: ["mustache"], sink: sink) {
            guard let text = files.read(path, sink: sink) else { continue }
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                do {
                    compiled[name] = try CompiledTemplate(name: name, source: text)
                } catch let error as TemplateSyntaxError {
                    broken.insert(name)
                    sink.error(.templateUnsupportedForm(detail: error.message), at: SourceLocation(file: files.display(path), line: error.line))
                }
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(name)
                sink.error(.templateSyntax(detail: describe(error.error)),
                           at: SourceLocation(file: files.display(path), line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                sink.error(.templateUnreadable(detail: "\(error)"), at: SourceLocation(file: files.display(path)))
            }
        }
        for name in requiredTemplates where !names.contains(name) && !broken.contains(name) {
            sink.error(.templateMissing(name: name),
                       at: SourceLocation(file: files.display("\(name).mustache")))
        }
        // A partial or parent that does not exist would print nothing (Mustache's rule): a load error instead.
        for name in compiled.keys.sorted() {
            for reference in compiled[name]!.references where compiled[reference.name] == nil && !broken.contains(reference.name) {
                sink.error(.templatePartialMissing(name: reference.name, parent: reference.parent),
                           at: SourceLocation(file: files.display("\(name).mustache"), line: reference.line))
            }
        }
        var renderer = TemplateRenderer(templates: compiled)
        if broken.isEmpty {
            // Typed page models: a name the page's model lacks would print nothing.
            for name in renderer.bindPageModels() {
                sink.error(.templateUnknownName(name: name.name, template: name.template, suggestions: name.suggestions),
                           at: SourceLocation(file: files.display("\(name.template).mustache"), line: name.line))
            }
        }
        let locales = loadLocales(files, sink: sink)
        var assets: [(String, Data)] = []
        // As templates and content files: read only from inside the templates folder (a link to
        // /etc/passwd would otherwise be published as a stylesheet), and an unreadable one is an error.
        for path in files.list("assets", extensions: ["css", "js", "svg", "png", "ico", "woff2", "json", "txt", "webmanifest"], sink: sink) {
            if let target = files.outside(path) {
                sink.error(files.linkOutside(target), at: SourceLocation(file: files.display(path)))
                continue
            }
            switch files.contents(path) {
            case .success(let data): assets.append((path, data))
            case .failure(let failure): sink.error(.fileUnreadable(reason: failure.reason), at: SourceLocation(file: files.display(path)))
            }
        }
        let search = SearchVocabulary.load(files, sink: sink)
        guard !sink.hasErrors else { return (nil, sink.diagnostics) }
        return (TemplateSet(library: library, renderer: renderer, names: names, locales: locales,
                            assets: assets, search: search), sink.diagnostics)
    }

    static func describe(_ error: Error) -> Phrase {
        guard let parse = error as? MustacheTemplate.Error else { return Phrase(data: "\(error)") }
        switch parse {
        case .sectionCloseNameIncorrect:
            return Phrase(uk: "розділ закрито не тим іменем, яким відкрито", en: "a section is closed with a different name than it was opened with")
        case .unfinishedName: return Phrase(uk: "тег не закрито знаками }}", en: "a tag is not closed with }}")
        case .expectedSectionEnd: return Phrase(uk: "розділ {{#…}} ніде не закрито тегом {{/…}}", en: "a section {{#…}} is never closed with {{/…}}")
        case .invalidSetDelimiter: return Phrase(uk: "хибний тег зміни роздільників", en: "invalid set-delimiter tag")
        default: return Phrase(data: "\(parse)")
        }
    }

    static func loadLocales(_ files: ContentFiles, sink: DiagnosticSink) -> [String: [String: String]] {
        var locales: [String: [String: String]] = [:]
        for path in files.list("locales", extensions: ["yaml", "yml"], sink: sink) {
            guard let text = files.read(path, sink: sink),
                  let value = YAMLValue.parse(text, file: files.display(path), sink: sink),
                  let map = MappingReader(value, what: .localeFile, sink: sink) else { continue }
            var strings: [String: String] = [:]
            for key in map.keys { strings[key] = map.string(key) ?? "" }
            let language = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            locales[language] = strings
        }
        if let uk = locales["uk"] {
            for (language, strings) in locales where language != "uk" {
                for key in uk.keys.sorted() where strings[key] == nil {
                    sink.error(.localeStringMissing(key: key, language: language), at: SourceLocation(file: files.display("locales/\(language).yaml")))
                }
            }
        } else {
            sink.error(.ukrainianLocaleMissing, at: SourceLocation(file: files.display("locales/uk.yaml")))
        }
        return locales
    }
}
