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

    /// Held open with an exclusive `flock` while this preview runs: a folder whose lock can be
    /// taken belongs to a preview that was killed (`removeStaleFolders`).
    private var folderLock: Int32 = -1
    /// Folders of killed previews removed at start, and their size.
    private let staleRemoved: (count: Int, bytes: Int)

    public init(options: Options, log: @escaping @Sendable (String) -> Void = { print($0) }) throws {
        self.options = options
        self.log = log
        let temporary = FileManager.default.temporaryDirectory.path
        staleRemoved = PreviewServer.removeStaleFolders(in: temporary)
        var template = Array((temporary + "/" + PreviewServer.folderPrefix + "XXXXXX").utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ServeError(.previewFolderUnavailable(reason: String(cString: strerror(errno))))
        }
        workFolder = String(cString: folder)
        files = SiteFiles(root: workFolder + "/site", basePath: "/")
        folderLock = PreviewServer.lockFolder(workFolder)
    }

    static let folderPrefix = "planpress-preview-"
    static let folderLockName = ".planpress-serve.lock"

    /// Locks `folder` as a running preview's: the lock file is made and locked under another
    /// name, then renamed, so a preview starting meanwhile never finds it unlocked.
    static func lockFolder(_ folder: String) -> Int32 {
        let making = folder + "/" + folderLockName + ".new"
        let fd = open(making, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return -1 }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0, rename(making, folder + "/" + folderLockName) == 0 else {
            close(fd)
            return -1
        }
        return fd
    }

    /// Deletes the folders previews that were killed left in `directory` (a built site each,
    /// 60–80 MB for the shipped content): only folders named like ours, owned by this user,
    /// holding our lock file, and only when its lock can be taken — a running preview holds
    /// its own. Returns how many went and their size in bytes.
    static func removeStaleFolders(in directory: String) -> (count: Int, bytes: Int) {
        guard case .success(let entries) = ContentFiles.entries(directory) else { return (0, 0) }
        var count = 0, bytes = 0
        for entry in entries where entry.name.hasPrefix(folderPrefix) {
            let folder = directory + "/" + entry.name
            var info = stat()
            guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { continue }
            let fd = open(folder + "/" + folderLockName, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            let size = diskUsage(folder)
            if (try? FileManager.default.removeItem(atPath: folder)) != nil {
                count += 1
                bytes += size
            }
        }
        return (count, bytes)
    }

    /// Bytes of the regular files below `folder`, each inode once (the site and the folder beside share most).
    private static func diskUsage(_ folder: String) -> Int {
        var seen: Set<UInt64> = [], total = 0
        func walk(_ path: String) {
            guard case .success(let entries) = ContentFiles.entries(path) else { return }
            for entry in entries {
                var info = stat()
                guard lstat(path + "/" + entry.name, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    walk(path + "/" + entry.name)
                } else if seen.insert(UInt64(info.st_ino)).inserted {
                    total += Int(info.st_size)
                }
            }
        }
        walk(folder)
        return total
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
        if staleRemoved.count > 0 {
            log(Message.staleLeftoversRemoved(count: staleRemoved.count, megabytes: (staleRemoved.bytes + 999_999) / 1_000_000)
                .text(options.language))
        }
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
        // Foundation's removal stops at the first entry it cannot delete (seen once under load in
        // the test of this): try again while the folder is there, a few times at most.
        for _ in 0..<3 where FileManager.default.fileExists(atPath: workFolder) {
            try? FileManager.default.removeItem(atPath: workFolder)
        }
        if folderLock >= 0 {
            close(folderLock)
            folderLock = -1
        }
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
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(files, request.target, site: state.site) }
            return .response(page(200, path: file, bytes: Array(data), site: state.site))
        case .redirect(let location): return .response(.redirect(to: location))
        case .badRequest: return .response(text(400, .previewBadRequest))
        case .notFound: return notFound(files, request.target, site: state.site)
        }
    }

    private func notFound(_ files: SiteFiles, _ target: String, site: Int) -> HTTPServer.Reply {
        guard let page = files.notFoundPage(for: target), let data = FileManager.default.contents(atPath: page) else {
            return .response(text(404, .previewNotFound))
        }
        return .response(self.page(404, path: page, bytes: Array(data), site: site))
    }

    /// A plain-text answer from the catalogue, in the preview's language.
    private func text(_ status: Int, _ message: Message) -> HTTPResponse {
        .text(status, message.text(options.language) + "\n")
    }

    /// A file's response; HTML gets the reload script (only here, never on disk).
    private func page(_ status: Int, path: String, bytes: [UInt8], site: Int) -> HTTPResponse {
        let type = ContentTypes.forPath(path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: bytes, site: site) : bytes
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
