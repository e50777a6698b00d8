import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The editor at `/_edit/` of `planpress serve` (docs/editor.md): forms that
/// write press updates and monitoring reports into `Content/`, checked with
/// the real loader and linker before anything is written. Served by the
/// preview only; nothing of it is ever part of the built site.
///
/// Safety: every POST needs the session's CSRF token (a cookie names the
/// session; the token travels in the form) and an Origin (or Referer) of this
/// server; the preview answers only loopback Host names; uploads are limited in
/// size and recognised by their bytes; files are written only below
/// `Content/updates/` and `Content/reports/` under names the editor makes.
public final class Editor: @unchecked Sendable {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var baseURL: String?
        public var host: String
        public var maxUpload: Int
        /// The largest Word document «Імпортувати план» reads (the request limit less a quarter).
        public var maxDocument: Int
        /// The language of the editor's pages and messages (`serve --lang`).
        public var language: MessageLanguage
        /// With the preview on a network address: the key a client on another computer must
        /// bring (`serve --editor-key`); without one, only this computer may use the editor.
        public var key: String?
        public init(content: String, templates: String, baseURL: String? = nil, host: String = "127.0.0.1",
                    maxUpload: Int = HTTPServer.Limits.defaultMaxBodyBytes, language: MessageLanguage = .uk, key: String? = nil) {
            self.content = content
            self.templates = templates
            self.baseURL = baseURL
            self.host = host
            // 1 MB of the request is left for the rest of the form, so a photo just over the limit
            // still reaches the editor, which says so by its field (instead of the server's 413).
            self.maxUpload = min(max(maxUpload - 1024 * 1024, 1024 * 1024), Editor.imageLimit)
            // A Word document in «Імпортувати план»: the same 1 MB left, and never above the import's own limit.
            self.maxDocument = min(max(maxUpload - 1024 * 1024, 1024 * 1024), ArchiveLimits.office.archiveBytes)
            self.language = language
            self.key = key
        }
    }

    /// The largest photo the editor accepts: the build's limit (docs/updates.md, «Photos»).
    public static let imageLimit = ImageSettings.maxOriginalBytes

    public static let root = "/_edit/"
    static let cookie = "planpress_edit"
    /// Holds the key on another computer, once the link with `?key=` was opened.
    static let keyCookie = "planpress_edit_key"

    let options: Options
    let templates: EditorTemplates
    /// Photos chosen in forms not saved yet, and the forms already saved.
    let store = EditorStore()
    private let lock = NSLock()
    /// Session id (cookie) → CSRF token.
    private var sessions: [String: String] = [:]
    /// Files below `Content/` a save is writing now, and the condition others wait on.
    private let writing = NSCondition()
    private var busy: Set<String> = []

    public init(options: Options) {
        self.options = options
        templates = EditorTemplates(folder: options.templates, language: options.language)
    }

    var check: EditorCheck { EditorCheck(content: options.content, baseURL: options.baseURL) }
    var language: MessageLanguage { options.language }

    // MARK: Dispatch

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.path
        if path + "/" == Self.root { return .redirect(to: Self.root, status: 301) }
        let route = String(path.dropFirst(Self.root.count))
        let loaded: EditorTemplates.Loaded
        switch templates.load() {
        case .success(let value): loaded = value
        case .failure(let error): return secured(.text(500, error.message(language) + "\n"))
        }
        let isGet = request.method == "GET" || request.method == "HEAD"
        switch access(request) {
        case .allowed: break
        case .refused:
            return secured(EditorView(token: "", language: language, loaded: loaded).message(
                title: loaded.strings["editor_refused"] ?? "", [Message.editorRefusedFromNetwork.text(language)], status: 403))
        case .keyAccepted:
            // The key leaves the address bar (and the history) at once; a cookie carries it from now on.
            var response = HTTPResponse.redirect(to: Self.root + route, status: 303)
            response.headers.append(("Set-Cookie", "\(Self.keyCookie)=\(options.key ?? ""); Path=\(Self.root); HttpOnly; SameSite=Strict"))
            return secured(response)
        }
        if isGet, route.hasPrefix("assets/") {
            return asset(String(route.dropFirst("assets/".count)), loaded)
        }
        guard isGet || request.method == "POST" else {
            var response = HTTPResponse.text(405, Message.previewMethodNotAllowed(allowed: "GET, HEAD, POST").text(language) + "\n")
            response.headers.append(("Allow", "GET, HEAD, POST"))
            return response
        }
        var form = FormData()
        var cookie: String?
        let token: String
        if isGet {
            (token, cookie) = session(request)
        } else {
            // Refusals before anything else, in a page of their own (the token is not trusted yet).
            let parsed = FormData(request: request)
            if let refusal = refusal(request, form: parsed) {
                return secured(EditorView(token: "", language: language, loaded: loaded).message(
                    title: loaded.strings["editor_refused"] ?? "", [refusal.text(language)], status: 403))
            }
            guard let parsed else {
                return secured(EditorView(token: "", language: language, loaded: loaded).message(
                    title: loaded.strings["editor_refused"] ?? "", [Message.editorNotAForm.text(language)], status: 400))
            }
            form = parsed
            token = form["_csrf"].isEmpty ? request.headers["x-csrf-token"] ?? "" : form["_csrf"]
        }
        let view = EditorView(token: token, language: language, loaded: loaded)
        var response: HTTPResponse
        if let (found, rest) = Self.route(isGet ? .get : .post, route) {
            response = found.answer(EditorRequest(editor: self, http: request, view: view, form: form, rest: rest))
        } else {
            response = view.notFound()
        }
        if let cookie { response.headers.append(("Set-Cookie", cookie)) }
        return secured(response)
    }

    enum Access { case allowed, refused, keyAccepted }

    /// Who may use the editor. On a loopback address (the default) every client is this computer.
    /// On a network address, a client on this computer may; one on another computer needs the
    /// key (`serve --editor-key`): in the link once (`?key=`), then in a cookie. Without a key
    /// configured, nobody else may: others on the network could otherwise change `Content/`.
    func access(_ request: HTTPRequest) -> Access {
        guard !Self.isLoopback(options.host) else { return .allowed }
        // On a network address the preview answers any Host name; the editor only an address or
        // `localhost`: a page that rebinds its own name to this computer cannot reach it.
        guard Self.hostIsAnAddress(request.headers["host"] ?? "") else { return .refused }
        if Self.isLoopback(request.peer ?? "") { return .allowed }
        guard let key = options.key, !key.isEmpty else { return .refused }
        if let sent = request.query["key"], Self.sameBytes(sent, key), request.method == "GET" { return .keyAccepted }
        if let sent = Self.cookieValue(request.headers["cookie"], name: Self.keyCookie), Self.sameBytes(sent, key) { return .allowed }
        return .refused
    }

    /// `127.0.0.1:8000`, `[fe80::1]:8000`, `localhost:8000`: not a DNS name.
    static func hostIsAnAddress(_ header: String) -> Bool {
        if header.hasPrefix("[") { return header.contains("]") }
        let name = header.split(separator: ":").first.map(String.init) ?? ""
        return name == "localhost" || (name.split(separator: ".").count == 4 && name.allSatisfy { $0.isNumber || $0 == "." })
    }

    /// 127.0.0.0/8, ::1, and 127.x written as an IPv4-mapped IPv6 address.
    static func isLoopback(_ address: String) -> Bool {
        let plain = address.hasPrefix("::ffff:") ? String(address.dropFirst("::ffff:".count)) : address
        return plain.hasPrefix("127.") || plain == "::1" || plain == "localhost"
    }

    /// The route for a method and a path below `/_edit/`: an exact path first, then the
    /// longest `…/*` prefix; `rest` is what the `*` matched.
    static func route(_ method: EditorRoute.Method, _ path: String) -> (EditorRoute, rest: String)? {
        let candidates = routes.filter { $0.method == method }
        if let exact = candidates.first(where: { $0.path == path }) { return (exact, "") }
        let prefixed = candidates.filter { $0.path.hasSuffix("*") && path.hasPrefix($0.path.dropLast()) }
        guard let best = prefixed.max(by: { $0.path.count < $1.path.count }) else { return nil }
        return (best, String(path.dropFirst(best.path.count - 1)))
    }

    private func asset(_ name: String, _ loaded: EditorTemplates.Loaded) -> HTTPResponse {
        guard let bytes = loaded.assets[name] else { return secured(.text(404, Message.previewNotFound.text(language) + "\n")) }
        return secured(HTTPResponse(status: 200, contentType: ContentTypes.forPath(name), body: bytes))
    }

    /// Editor pages may not be framed, load nothing from elsewhere and run no inline script.
    private func secured(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.append(("Content-Security-Policy",
                                 "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
        response.headers.append(("X-Frame-Options", "DENY"))
        response.headers.append(("Referrer-Policy", "same-origin"))
        return response
    }

    // MARK: Sessions and CSRF

    /// The session's token for the request's cookie, or a new session's (with its Set-Cookie).
    private func session(_ request: HTTPRequest) -> (token: String, cookie: String?) {
        lock.lock()
        defer { lock.unlock() }
        if let id = Self.cookieValue(request.headers["cookie"]), let token = sessions[id] { return (token, nil) }
        let id = Self.randomHex(), token = Self.randomHex()
        sessions[id] = token
        return (token, "\(Self.cookie)=\(id); Path=\(Self.root); HttpOnly; SameSite=Strict")
    }

    /// Why a POST is refused: another origin, no session, or a wrong token. nil: accepted.
    func refusal(_ request: HTTPRequest, form: FormData?) -> Message? {
        let host = request.headers["host"] ?? ""
        let own = "http://" + host
        if let origin = request.headers["origin"] {
            guard origin == own else { return .editorRefusedOrigin(origin: origin, own: own) }
        } else if let referer = request.headers["referer"] {
            guard referer == own || referer.hasPrefix(own + "/") else { return .editorRefusedReferer(own: own) }
        } else {
            return .editorRefusedNoOrigin
        }
        lock.lock()
        let expected = Self.cookieValue(request.headers["cookie"]).flatMap { sessions[$0] }
        lock.unlock()
        guard let expected else { return .editorRefusedNoSession }
        let sent = form.map { $0["_csrf"] }.flatMap { $0.isEmpty ? nil : $0 } ?? request.headers["x-csrf-token"] ?? ""
        guard Self.sameBytes(sent, expected) else { return .editorRefusedToken }
        return nil
    }

    static func cookieValue(_ header: String?, name: String = cookie) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let trimmed = pair.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(name + "=") { return String(trimmed.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// A key for `serve --editor-key`: 256 random bits.
    public static func newKey() -> String { randomHex() }

    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(16) }.joined()
    }

    /// Compares in time independent of where the strings differ.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Reading the content

    /// The content as it is on disk now, linked (drafts included).
    func linked() -> (Site?, SiteGraph?) {
        let (site, _) = ContentLoader.load(from: options.content)
        guard let site else { return (nil, nil) }
        return (site, SiteLinker.link(site, options: .init(includeDrafts: true, baseURL: options.baseURL)).graph)
    }

    /// Every plan, goal, measure and indicator, for the item search, labelled in the editor's language.
    func items(_ view: EditorView) -> [(ref: String, label: String)] {
        guard let graph = linked().1 else { return [] }
        var out: [(ref: String, label: String)] = []
        for index in graph.plans {
            let plan = index.plan
            out.append(("plan:\(plan.id)", view.fill("editor_item_plan", ["title": plan.shortTitle])))
            for node in index.goals {
                out.append(("goal:\(plan.id)/\(node.goal.id)",
                            view.fill("editor_item_goal", ["number": node.goal.number, "title": node.goal.title, "plan": plan.shortTitle])))
            }
            for node in index.measures {
                var values = ["number": node.measure.number, "title": node.measure.text, "plan": plan.shortTitle]
                values["printed"] = node.measure.printedNumber
                out.append(("measure:\(plan.id)/\(node.measure.number)",
                            view.fill(node.measure.printedNumber == nil ? "editor_item_measure" : "editor_item_measure_printed", values)))
            }
            for node in index.indicators {
                out.append(("indicator:\(plan.id)/\(node.indicator.id)",
                            view.fill("editor_item_indicator", ["number": node.indicator.id, "title": node.indicator.text, "plan": plan.shortTitle])))
            }
        }
        return out
    }

    // MARK: Writing

    /// A stamp of a file's bytes (FNV-1a, 64 bits): the form carries the
    /// stamp of the file it opened; a save compares it with the file now.
    static func stamp(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(16)
    }

    /// The path of a file below `Content/`, after checking that the relative
    /// path is one the editor makes (no `..`, no absolute path, no link out).
    func contentPath(_ relative: String) -> String? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              relative.allSatisfy({ $0 != "\\" && $0 != "\0" }) else { return nil }
        guard let root = SiteFiles.realPath(options.content) else { return nil }
        // Every existing folder on the way must resolve inside Content/.
        var folder = root
        for part in parts.dropLast() {
            folder += "/" + part
            if let real = SiteFiles.realPath(folder), !(real + "/").hasPrefix(root + "/") { return nil }
        }
        let path = root + "/" + relative
        if let real = SiteFiles.realPath(path), !real.hasPrefix(root + "/") { return nil }
        return path
    }

    enum WriteMode { case create, replace }

    /// Runs `body` while no other save writes any of `files` (paths relative to
    /// `Content/`): a save reads the file's stamp, checks and writes as one step,
    /// so of two saves of the same file sent together the second sees the first's
    /// file and is refused, never silently lost (docs/editor.md, «Two saves at once»).
    func serialised<T>(_ files: [String], _ body: () throws -> T) rethrows -> T {
        let wanted = Set(files)
        writing.lock()
        while !busy.isDisjoint(with: wanted) { writing.wait() }
        busy.formUnion(wanted)
        writing.unlock()
        defer {
            writing.lock()
            busy.subtract(wanted)
            writing.broadcast()
            writing.unlock()
        }
        return try body()
    }

    /// Writes bytes through a temporary file and a rename, so readers (the
    /// preview's watcher) never see half a file. `.create` never replaces: the
    /// name is taken with link(2), which fails when it exists.
    func write(_ bytes: [UInt8], to relative: String, mode: WriteMode) throws(EditorError) {
        guard let path = contentPath(relative) else { throw .outside(path: "Content/" + relative) }
        let shown = "Content/" + relative
        func failure() -> EditorError { .cannotWrite(path: shown, reason: String(cString: strerror(errno))) }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: shown, reason: "\(error.localizedDescription)")
        }
        let temporary = folder + "/.planpress-edit-\(Self.randomHex().prefix(12))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw failure() }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            let error = failure()
            unlink(temporary)
            throw error
        }
        switch mode {
        case .create:
            defer { unlink(temporary) }
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST ? .exists(path: shown) : failure()
            }
        case .replace:
            guard rename(temporary, path) == 0 else {
                let error = failure()
                unlink(temporary)
                throw error
            }
        }
    }

    func read(_ relative: String) -> [UInt8]? {
        guard let path = contentPath(relative), let data = FileManager.default.contents(atPath: path) else { return nil }
        return Array(data)
    }
}

/// Why the editor could not write a file.
enum EditorError: Error {
    /// `.create` found the name taken (another save made it first).
    case exists(path: String)
    case cannotWrite(path: String, reason: String)
    /// The path would leave `Content/` (never for the names the editor makes).
    case outside(path: String)

    /// The catalogue message; `exists` is the caller's, which knows what the file is.
    var message: Message {
        switch self {
        case .exists(let path): return .editorUpdateExists(path: path)
        case .cannotWrite(let path, let reason): return .editorCannotWrite(path: path, reason: reason)
        case .outside(let path): return .linkOutsideContent(target: path)
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
