import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `planpress serve`: builds the site into a private temporary folder, serves
/// it under its base path, rebuilds when anything under the content or
/// templates folder changes and tells open pages to reload. A failed rebuild
/// keeps the last good site and shows its diagnostics over the page.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var baseURL: String?
        public var includeDrafts: Bool
        public var host: String
        /// 0 picks a free port.
        public var port: UInt16
        /// How often the folders are checked for changes.
        public var pollInterval: Double
        /// The language of diagnostics in the terminal and the overlay.
        public var language: MessageLanguage = .uk
        /// Connections, idle time and request size (docs/editor.md).
        public var limits: HTTPServer.Limits
        /// The editor at `/_edit/` (on by default; `--no-editor` turns it off). With the editor on,
        /// the preview shows drafts (badged), so a draft saved in the editor can be seen.
        public var editor: Bool
        /// The key clients on other computers need for the editor (`--editor-key`), on a network address.
        public var editorKey: String?

        public init(content: String = "Content", templates: String = "Templates", baseURL: String? = nil,
                    includeDrafts: Bool = false, host: String = "127.0.0.1", port: UInt16 = 8000, pollInterval: Double = 0.2,
                    limits: HTTPServer.Limits = .init(), editor: Bool = true) {
            self.content = content
            self.templates = templates
            self.baseURL = baseURL
            self.includeDrafts = includeDrafts
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.limits = limits
            self.editor = editor
        }
    }

    public let options: Options
    public let liveReload = LiveReload()
    /// The private folder the site is built into (removed by `stop`).
    public let workFolder: String
    var output: String { workFolder + "/site" }
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    /// Held for a whole build, so `stop` never removes the folder mid-write.
    private let buildLock = NSLock()
    private var files: SiteFiles
    /// Keeps the last build, so a rebuild renders only what an edit changed.
    private var builder: IncrementalBuilder?
    private var server: HTTPServer?
    /// The editor at `/_edit/`, when on.
    public private(set) var editor: Editor?
    private var stopped = false
    /// Files changed after this are "being edited": their warnings are shown, others only counted.
    private let started = Date()

    public init(options: Options, log: @escaping @Sendable (String) -> Void = { print($0) }) throws {
        self.options = options
        self.log = log
        var template = Array((FileManager.default.temporaryDirectory.path + "/planpress-preview-XXXXXX").utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ServeError(.previewFolderUnavailable(reason: String(cString: strerror(errno))))
        }
        workFolder = String(cString: folder)
        files = SiteFiles(root: workFolder + "/site", basePath: "/")
    }

    public var port: UInt16 { server?.port ?? options.port }

    /// The site's address, base path included.
    public var url: String {
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "http://\(host):\(port)\(siteFiles.basePath)"
    }

    private var siteFiles: SiteFiles {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    /// Builds once, starts serving and watching. Serves even when the first
    /// build fails (the page shows the diagnostics until they are fixed).
    public func start() async throws {
        let watcher = ContentWatcher(folders: [options.content, options.templates])
        let first = watcher.fingerprint()
        rebuild()
        let server = HTTPServer(host: options.host, port: options.port, limits: options.limits) { [self] in await handle($0) }
        server.language = options.language
        if options.editor {
            editor = Editor(options: .init(content: options.content, templates: options.templates, baseURL: options.baseURL,
                                           host: options.host, maxUpload: options.limits.maxBodyBytes, language: options.language,
                                           key: options.editorKey))
        }
        try await server.start()
        lock.withLock { self.server = server }
        Thread.detachNewThread { [self] in
            watcher.watch(since: first, interval: options.pollInterval, stop: { isStopped }) { rebuild() }
        }
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        server?.stop()
        liveReload.close()
        buildLock.lock()
        try? FileManager.default.removeItem(atPath: workFolder)
        buildLock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// One build into the private folder; the folder changes only on success.
    func rebuild() {
        buildLock.lock()
        defer { buildLock.unlock() }
        guard !isStopped else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        var builderOptions = Builder.Options(content: options.content, templates: options.templates, output: output,
                                             baseURL: options.baseURL, includeDrafts: options.includeDrafts || options.editor)
        builderOptions.includeScheduled = true
        builderOptions.language = options.language
        let seconds = { String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        let builder = self.builder ?? IncrementalBuilder(options: builderOptions)
        self.builder = builder
        do {
            let result = try builder.build()
            lock.lock()
            files = SiteFiles(root: output, basePath: result.basePath)
            lock.unlock()
            for line in DiagnosticReport.previewLines(result.diagnostics, language: options.language,
                                                      concerns: DiagnosticReport.editedSince(started)) { log(line) }
            for note in result.scheduled { log(note.text(options.language)) }
            liveReload.finished(ok: true, diagnostics: "")
            log(Message.previewBuilt(pages: result.pages, rendered: builder.lastFullReason == nil ? result.rendered : nil,
                                     seconds: seconds()).text(options.language))
        } catch {
            let text = (error as? BuildFailure).map {
                DiagnosticReport.previewLines($0.diagnostics, language: options.language,
                                              concerns: DiagnosticReport.editedSince(started)).joined(separator: "\n")
            } ?? TerminalText.safe("\(Diagnostic.Severity.error.text(options.language)): "
                + ((error as? WriteError)?.message(options.language) ?? "\(error)"))
            log(text)
            log(Message.previewBuildFailed(seconds: seconds()).text(options.language))
            liveReload.finished(ok: false, diagnostics: text)
        }
    }

    func handle(_ request: HTTPRequest) async -> HTTPServer.Reply {
        guard hostIsAllowed(request.headers["host"]) else {
            return .response(text(403, .previewHostRefused))
        }
        let path = request.path
        if let editor, path == Editor.root.dropLast() || path.hasPrefix(Editor.root) {
            return .response(editor.handle(request))
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = text(405, .previewMethodNotAllowed(allowed: "GET, HEAD"))
            response.headers.append(("Allow", "GET, HEAD"))
            return .response(response)
        }
        if path == LiveReload.scriptPath {
            return .response(HTTPResponse(status: 200, contentType: "text/javascript; charset=utf-8",
                                          body: Array(LiveReload.script(options.language).utf8)))
        }
        if path == LiveReload.eventsPath {
            return .stream(contentType: "text/event-stream; charset=utf-8") { [liveReload] in await liveReload.stream($0) }
        }
        let state = liveReload.state
        guard state.site > 0 else {
            return .response(HTTPResponse(status: 500, contentType: "text/html; charset=utf-8", body: Array(LiveReload.failurePage(state, language: options.language).utf8)))
        }
        let files = siteFiles
        switch files.resolve(request.target) {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(files, request.target) }
            return .response(page(200, path: file, bytes: Array(data)))
        case .redirect(let location): return .response(.redirect(to: location))
        case .badRequest: return .response(text(400, .previewBadRequest))
        case .notFound: return notFound(files, request.target)
        }
    }

    private func notFound(_ files: SiteFiles, _ target: String) -> HTTPServer.Reply {
        guard let page = files.notFoundPage(for: target), let data = FileManager.default.contents(atPath: page) else {
            return .response(text(404, .previewNotFound))
        }
        return .response(self.page(404, path: page, bytes: Array(data)))
    }

    /// A plain-text answer from the catalogue, in the preview's language.
    private func text(_ status: Int, _ message: Message) -> HTTPResponse {
        .text(status, message.text(options.language) + "\n")
    }

    /// A file's response; HTML gets the reload script (only here, never on disk).
    private func page(_ status: Int, path: String, bytes: [UInt8]) -> HTTPResponse {
        let type = ContentTypes.forPath(path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes) : bytes
        return HTTPResponse(status: status, contentType: type, body: body)
    }

    /// Bound to a loopback address, only loopback host names are answered, so
    /// a web page cannot read the preview through a rebound DNS name.
    private func hostIsAllowed(_ header: String?) -> Bool {
        Self.hostIsAllowed(header, boundTo: options.host)
    }

    static func hostIsAllowed(_ header: String?, boundTo host: String) -> Bool {
        guard host.hasPrefix("127.") || host == "::1" else { return true }
        guard let header else { return true }
        var name = header
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            name = String(name[...close])
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return ["localhost", "[::1]", host].contains(name.lowercased())
    }
}
