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
        public init(content: String, templates: String, baseURL: String? = nil, host: String = "127.0.0.1",
                    maxUpload: Int = ImageSettings.maxOriginalBytes) {
            self.content = content
            self.templates = templates
            self.baseURL = baseURL
            self.host = host
            self.maxUpload = min(maxUpload, ImageSettings.maxOriginalBytes)   // the build's limit (docs/updates.md, «Photos»)
        }
    }

    public static let root = "/_edit/"
    static let cookie = "planpress_edit"

    let options: Options
    private let lock = NSLock()
    /// Session id (cookie) → CSRF token.
    private var sessions: [String: String] = [:]

    public init(options: Options) { self.options = options }

    var check: EditorCheck { EditorCheck(content: options.content, baseURL: options.baseURL) }

    // MARK: Dispatch

    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.path
        if path + "/" == Self.root { return .redirect(to: Self.root, status: 301) }
        let route = String(path.dropFirst(Self.root.count))
        if request.method == "GET" || request.method == "HEAD" {
            switch route {
            case "assets/editor.css": return asset(EditorAssets.css, type: "text/css; charset=utf-8")
            case "assets/editor.js": return asset(EditorAssets.script, type: "text/javascript; charset=utf-8")
            default: break
            }
            let (session, token, cookie) = self.session(request)
            let page = EditorPage(token: token)
            var response: HTTPResponse
            switch route {
            case "": response = page.index(listing())
            case "items.json": response = HTTPResponse(status: 200, contentType: "application/json; charset=utf-8", body: itemsJSON())
            case "updates/new": response = UpdateForm(editor: self).page(page, values: .init(), outcome: nil)
            case "reports/new": response = ReportForm(editor: self).page(page, values: FormData(), plan: request.query["plan"], outcome: nil)
            case _ where route.hasPrefix("updates/"):
                response = UpdateForm(editor: self).open(page, slug: String(route.dropFirst("updates/".count)),
                                                         saved: request.query["saved"] == "1")
            default: response = page.notFound()
            }
            _ = session
            if let cookie { response.headers.append(("Set-Cookie", cookie)) }
            return secured(response)
        }
        guard request.method == "POST" else {
            var response = HTTPResponse.text(405, "Only GET, HEAD and POST\n")
            response.headers.append(("Allow", "GET, HEAD, POST"))
            return response
        }
        if let refusal = refusal(request) { return secured(refusal) }
        guard let form = FormData(request: request) else {
            return secured(.text(400, "Expected a form (application/x-www-form-urlencoded or multipart/form-data)\n"))
        }
        let page = EditorPage(token: form["_csrf"])
        switch route {
        case "updates/save": return secured(UpdateForm(editor: self).save(page, form: form))
        case "updates/check": return secured(UpdateForm(editor: self).checkJSON(form: form))
        case "reports/save": return secured(ReportForm(editor: self).save(page, form: form))
        case "reports/check": return secured(ReportForm(editor: self).checkJSON(form: form))
        default: return secured(page.notFound())
        }
    }

    private func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: type, body: Array(text.utf8))
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

    /// The session of the request's cookie, or a new one (with its Set-Cookie).
    private func session(_ request: HTTPRequest) -> (String, String, String?) {
        lock.lock()
        defer { lock.unlock() }
        if let id = Self.cookieValue(request.headers["cookie"]), let token = sessions[id] { return (id, token, nil) }
        let id = Self.randomHex(), token = Self.randomHex()
        sessions[id] = token
        return (id, token, "\(Self.cookie)=\(id); Path=\(Self.root); HttpOnly; SameSite=Strict")
    }

    /// Why a POST is refused: another origin, no session, or a wrong token. nil: accepted.
    func refusal(_ request: HTTPRequest) -> HTTPResponse? {
        let host = request.headers["host"] ?? ""
        let own = "http://" + host
        if let origin = request.headers["origin"] {
            guard origin == own else {
                return .text(403, "Refused: the request comes from another site (Origin \(origin)); the editor accepts forms from \(own) only\n")
            }
        } else if let referer = request.headers["referer"] {
            guard referer == own || referer.hasPrefix(own + "/") else {
                return .text(403, "Refused: the request comes from another site (Referer); the editor accepts forms from \(own) only\n")
            }
        } else {
            return .text(403, "Refused: the request names no origin; send the form from the editor page\n")
        }
        lock.lock()
        let expected = Self.cookieValue(request.headers["cookie"]).flatMap { sessions[$0] }
        lock.unlock()
        guard let expected else {
            return .text(403, "Refused: no editor session; open \(Self.root) again and resend the form\n")
        }
        let form = FormData(request: request)
        let sent = form?["_csrf"] ?? request.headers["x-csrf-token"] ?? ""
        guard Self.sameBytes(sent, expected) else {
            return .text(403, "Refused: the form's security token is missing or out of date; reload the page and send it again\n")
        }
        return nil
    }

    static func cookieValue(_ header: String?) -> String? {
        guard let header else { return nil }
        for pair in header.split(separator: ";") {
            let trimmed = pair.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(cookie + "=") { return String(trimmed.dropFirst(cookie.count + 1)) }
        }
        return nil
    }

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

    func listing() -> EditorPage.Listing {
        let (site, _) = linked()
        guard let site else { return .init(updates: [], reports: []) }
        let updates = site.updates.sorted { ($0.date, $0.slug) > ($1.date, $1.slug) }.map { update in
            let state = update.draft ? "чернетка" : (site.settings.asOf < update.date ? "заплановано" : "опубліковано")
            return (slug: update.slug, title: update.title, date: update.date.iso, state: state)
        }
        let reports = site.reports.sorted { ($0.published, $0.id) > ($1.published, $1.id) }.map { report in
            (file: report.id, title: report.title ?? "", plan: report.plan.description, period: report.period.code, reporter: report.reporter.name)
        }
        return .init(updates: updates, reports: reports)
    }

    /// Every plan, goal, measure and indicator, for the item search.
    func items() -> [(ref: String, label: String)] {
        guard let graph = linked().1 else { return [] }
        var out: [(ref: String, label: String)] = []
        for index in graph.plans {
            let plan = index.plan
            out.append(("plan:\(plan.id)", "План: \(plan.shortTitle)"))
            for node in index.goals {
                out.append(("goal:\(plan.id)/\(node.goal.id)", "Ціль \(node.goal.number) — \(node.goal.title) (\(plan.shortTitle))"))
            }
            for node in index.measures {
                let printed = node.measure.printedNumber.map { " (у документі «\($0)»)" } ?? ""
                out.append(("measure:\(plan.id)/\(node.measure.number)", "Захід \(node.measure.number)\(printed) — \(node.measure.text) (\(plan.shortTitle))"))
            }
            for node in index.indicators {
                out.append(("indicator:\(plan.id)/\(node.indicator.id)", "Показник \(node.indicator.id) — \(node.indicator.text) (\(plan.shortTitle))"))
            }
        }
        return out
    }

    private func itemsJSON() -> [UInt8] {
        let objects = items().map { ["ref": $0.ref, "label": $0.label] }
        return Array((try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data("[]".utf8))
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

    /// Writes bytes through a temporary file and a rename, so readers (the
    /// preview's watcher) never see half a file. `.create` never replaces.
    func write(_ bytes: [UInt8], to relative: String, mode: WriteMode) throws {
        guard let path = contentPath(relative) else {
            throw EditorError(message: "refused to write \(relative): the path leaves Content/")
        }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.planpress-edit-\(Self.randomHex().prefix(12))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw EditorError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count else {
            unlink(temporary)
            throw EditorError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        switch mode {
        case .create:
            // link() fails when the name exists: nothing is ever overwritten.
            defer { unlink(temporary) }
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw EditorError(message: "\(path) already exists") }
                throw EditorError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        case .replace:
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw EditorError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    func read(_ relative: String) -> [UInt8]? {
        guard let path = contentPath(relative), let data = FileManager.default.contents(atPath: path) else { return nil }
        return Array(data)
    }
}

struct EditorError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
