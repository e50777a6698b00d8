/// The load stage: reads `Content/` into a `Site`. The only code that reads content files.
public enum ContentLoader {
    /// With a `cache`, files whose stamps did not change since the cache saw
    /// them are not read again (rebuilds while serving).
    /// `overlay`: files (relative path → bytes) read as if they were on disk (the editor's would-be files).
    public static func load(from contentDirectory: String, cache: LoadCache? = nil,
                            overlay: [String: [UInt8]] = [:]) -> (site: Site?, diagnostics: [Diagnostic]) {
        var profile = Profile()
        var files = ContentFiles(root: contentDirectory)
        files.overlay = overlay
        cache?.stamps = FileStamps(folder: contentDirectory)
        profile.mark("load: stamps")
        let sink = DiagnosticSink()
        guard files.isDirectory("") || files.isDirectory(".") else {
            sink.error(.contentFolderMissing, at: SourceLocation(file: contentDirectory))
            return (nil, sink.diagnostics)
        }
        let settings = loadSettings(files, sink: sink)
        let executors = loadExecutors(files, sink: sink)
        profile.mark("load: settings, executors")
        let plans = loadPlans(files, cache: cache, sink: sink)
        profile.mark("load: plans")
        let commentary = loadMarkdown(files, folder: "commentary", cache: cache, sink: sink) { text, file, _, s in
            CommentaryLoader.load(text: text, file: file, sink: s)
        }
        let updates = loadMarkdown(files, folder: "updates", cache: nil, sink: sink) { text, file, slug, s in
            UpdateLoader.load(text: text, file: file, slug: slug, files: files, sink: s)
        }
        profile.mark("load: commentary, updates")
        let reports = loadReports(files, cache: cache, sink: sink)
        profile.mark("load: reports")
        var sources: [String: String] = [:]
        for path in files.list("sources", extensions: ["txt", "md"], sink: sink) {
            guard let text = files.read(path, sink: sink) else { continue }
            if path.hasSuffix(".md") { Markdown.checkBounds(text, file: files.display(path), firstLine: 1, sink: sink) }
            sources[String(path.dropFirst("sources/".count))] = text
        }
        var originals: [String: [UInt8]] = [:]
        for path in files.list("sources", extensions: Set(Site.originalExtensions), sink: sink) where !path.dropFirst("sources/".count).contains("/") {
            if let data = files.data(path) { originals[String(path.dropFirst("sources/".count))] = [UInt8](data) }
        }
        profile.mark("load: sources")
        guard let settings else { return (nil, sink.diagnostics) }
        var site = Site(settings: settings, executors: executors, plans: plans, commentary: commentary,
                        updates: updates, reports: reports, sourceFiles: sources)
        site.originals = originals
        return (site, sink.diagnostics)
    }

    private static func loadSettings(_ files: ContentFiles, sink: DiagnosticSink) -> SiteSettings? {
        guard files.exists("site.yaml") else {
            sink.error(.siteFileMissing, at: SourceLocation(file: files.display("site.yaml")))
            return nil
        }
        guard let text = files.read("site.yaml", sink: sink),
              let value = YAMLValue.parse(text, file: files.display("site.yaml"), sink: sink) else { return nil }
        return SettingsLoader.load(value, sink: sink)
    }

    private static func loadExecutors(_ files: ContentFiles, sink: DiagnosticSink) -> [Executor] {
        files.list("executors", extensions: ["yaml", "yml"], sink: sink).flatMap { path -> [Executor] in
            guard let text = files.read(path, sink: sink),
                  let value = YAMLValue.parse(text, file: files.display(path), sink: sink) else { return [] }
            return ExecutorLoader.load(value, sink: sink)
        }
    }

    private static func loadPlans(_ files: ContentFiles, cache: LoadCache?, sink: DiagnosticSink) -> [Plan] {
        let paths = files.list("plans", extensions: ["yaml", "yml"], sink: sink).filter { path in
            let parts = path.split(separator: "/")
            return parts.count == 3 && (parts[2] == "plan.yaml" || parts[2] == "plan.yml")
        }
        let loaded = parallelMap(paths) { path -> (Plan?, [Diagnostic]) in
            cached(path, cache) {
                let local = DiagnosticSink()
                let folder = String(path.split(separator: "/")[1])
                guard let text = files.read(path, sink: local),
                      let value = YAMLValue.parse(text, file: files.display(path), sink: local) else { return (nil, local.diagnostics) }
                var plan = PlanLoader(sink: local, folderID: folder).load(value)
                plan?.parse = PlanLinkCache.nextParse()
                return (plan, local.diagnostics)
            }
        }
        for (_, diagnostics) in loaded { sink.append(contentsOf: diagnostics) }
        return loaded.compactMap(\.0)
    }

    /// `cache` only where the result depends on the file alone (updates also read their cover image).
    private static func loadMarkdown<T>(_ files: ContentFiles, folder: String, cache: LoadCache?, sink: DiagnosticSink,
                                        _ read: (String, String, String, DiagnosticSink) -> T?) -> [T] {
        let paths = files.list(folder, extensions: ["md", "markdown"], sink: sink)
        let loaded = parallelMap(paths) { path -> (T?, [Diagnostic]) in
            cached(path, cache) {
                let local = DiagnosticSink()
                guard let text = files.read(path, sink: local) else { return (nil, local.diagnostics) }
                let name = (path.split(separator: "/").last.map(String.init) ?? path)
                let slug = String(name.prefix(upTo: name.lastIndex(of: ".") ?? name.endIndex))
                return (read(text, files.display(path), slug, local), local.diagnostics)
            }
        }
        for (_, diagnostics) in loaded { sink.append(contentsOf: diagnostics) }
        return loaded.compactMap(\.0)
    }

    private static func loadReports(_ files: ContentFiles, cache: LoadCache?, sink: DiagnosticSink) -> [Report] {
        let paths = files.list("reports", extensions: ["yaml", "yml"], sink: sink)
        return paths.compactMap { path in
            let (report, diagnostics) = cached(path, cache) { () -> (Report?, [Diagnostic]) in
                let local = DiagnosticSink()
                guard let text = files.read(path, sink: local),
                      let value = YAMLValue.parse(text, file: files.display(path), sink: local) else { return (nil, local.diagnostics) }
                let relative = path.dropFirst("reports/".count)
                let id = String(relative.prefix(upTo: relative.lastIndex(of: ".") ?? relative.endIndex))
                    .replacingOccurrences(of: "/", with: "-")
                return (ReportLoader.load(value, id: id, sink: local), local.diagnostics)
            }
            sink.append(contentsOf: diagnostics)
            return report
        }
    }

    private static func cached<T>(_ path: String, _ cache: LoadCache?, _ parse: () -> (T?, [Diagnostic])) -> (T?, [Diagnostic]) {
        cache?.value(path, parse: parse) ?? parse()
    }
}
