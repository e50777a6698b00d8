import Foundation
import Testing
@testable import PlanPressKit

/// `planpress serve` against a real socket on 127.0.0.1 with an ephemeral
/// port: base path, content types, 404, the file handling under traversal
/// attempts, and rebuild-on-change with the live-reload stream.
@Suite struct PreviewServerTests {
    static let secret = "TOP-SECRET-OUTSIDE-THE-SITE"

    /// A small site served from its own temporary folder; a secret file lies
    /// next to the built site, and another next to the content.
    struct Preview {
        let site: TestSite
        let server: PreviewServer
        var client: RawHTTPClient { RawHTTPClient(port: server.port) }

        init(_ extra: [String: String] = [:], limits: HTTPServer.Limits = .init()) async throws {
            var files = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                         "sources/test-plan.txt": "Джерело"]
            files.merge(extra) { _, new in new }
            site = try TestSite(files)
            try PreviewServerTests.secret.write(toFile: site.root.path + "/secret.txt", atomically: true, encoding: .utf8)
            server = try PreviewServer(options: .init(content: site.content, templates: site.templates, port: 0, pollInterval: 0.05,
                                                      limits: limits), log: { _ in })
            do {
                try await server.start()
                try PreviewServerTests.secret.write(toFile: server.workFolder + "/secret.txt", atomically: true, encoding: .utf8)
            } catch {
                server.stop()
                site.remove()
                throw error
            }
        }

        func stop() {
            server.stop()
            site.remove()
        }
    }

    @Test func servesTheSiteUnderItsBasePath() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let client = preview.client
        let home = try await client.get("/plany/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["content-length"] == String(home.body.utf8.count))
        #expect(home.body.contains("<h1>Тестовий сайт</h1>"))
        let measure = try await client.get("/plany/plans/test-plan/measures/1.1/")
        #expect(measure.status == 200 && measure.body.contains("<h1>Захід 1.1</h1>"))
        let css = try await client.get("/plany/assets/site.css")
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(try await client.get("/plany/updates/feed.xml").headers["content-type"] == "application/xml; charset=utf-8")
        #expect(try await client.get("/plany/sources/test-plan.txt").headers["content-type"] == "text/plain; charset=utf-8")
        // Folders without a slash and the base path itself redirect, as a production server does.
        let folder = try await client.get("/plany/plans/test-plan")
        #expect(folder.status == 301 && folder.headers["location"] == "/plany/plans/test-plan/")
        #expect(try await client.get("/plany").headers["location"] == "/plany/")
        // Query strings are ignored for files.
        #expect(try await client.get("/plany/glossary/?q=1").status == 200)
    }

    @Test func headHasTheHeadersButNoBodyAndOtherMethodsAreRefused() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let get = try await preview.client.get("/plany/")
        let head = try await preview.client.get("/plany/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["content-length"] == get.headers["content-length"])
        let post = try await preview.client.get("/plany/", method: "POST")
        #expect(post.status == 405 && post.headers["allow"] == "GET, HEAD")
    }

    @Test func unknownPagesAndPathsOutsideTheBaseGetTheUkrainian404() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        for target in ["/plany/nema/", "/plany/plans/nema/", "/", "/plans/test-plan/", "/planyx/"] {
            let response = try await preview.client.get(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.body.contains("Сторінку не знайдено"), "\(target)")
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        }
        let english = try await preview.client.get("/plany/en/nothing-here/")
        #expect(english.status == 404 && english.body.contains("<html lang=\"en\">"))
    }

    @Test func neverServesAFileOutsideTheSite() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let attempts = [
            "/plany/../secret.txt", "/plany/../../secret.txt", "/../secret.txt",
            "/plany/%2e%2e/secret.txt", "/plany/%2E%2E/%2e%2e/secret.txt", "/plany/.%2e/secret.txt",
            "/plany/..%2fsecret.txt", "/plany/..%2Fsecret.txt", "/plany/%2e%2e%2fsecret.txt",
            "/plany/..\\secret.txt", "/plany/..%5csecret.txt", "/plany/%5c..%5csecret.txt",
            "//etc/passwd", "/plany//etc/passwd", "/plany/%2f%2fetc/passwd", "/etc/passwd", "/plany/etc/passwd",
            "/plany/%252e%252e/secret.txt", "/plany/secret.txt%00.html", "/plany/%00", "/plany/./index.html",
            "/plany/%ZZ", "http://127.0.0.1/etc/passwd", "*",
        ]
        for target in attempts {
            let response = try await preview.client.get(target)
            #expect([400, 404].contains(response.status), "\(target) answered \(response.status)")
            #expect(!response.body.contains(Self.secret) && !response.body.contains("root:x:0:0"), "\(target) leaked a file")
        }
    }

    @Test func symlinksAreFollowedOnlyInsideTheSite() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let root = preview.server.workFolder + "/site"
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root + "/leak.txt", withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: root + "/etc", withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: root + "/outside-folder", withDestinationPath: preview.server.workFolder)
        try fm.createSymbolicLink(atPath: root + "/styles.css", withDestinationPath: "assets/site.css")
        for target in ["/plany/leak.txt", "/plany/etc/passwd", "/plany/outside-folder/secret.txt", "/plany/outside-folder/"] {
            let response = try await preview.client.get(target)
            #expect(response.status == 404, "\(target)")
            #expect(!response.body.contains(Self.secret) && !response.body.contains("root:x:0:0"), "\(target) leaked a file")
        }
        let inside = try await preview.client.get("/plany/styles.css")
        #expect(inside.status == 200 && inside.headers["content-type"] == "text/css; charset=utf-8")
    }

    @Test func answersOnlyLoopbackHostNames() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        #expect(try await preview.client.get("/plany/", host: "attacker.example").status == 403)
        #expect(try await preview.client.get("/plany/", host: "localhost:\(preview.server.port)").status == 200)
    }

    @Test func reloadScriptIsServedButNeverWrittenIntoTheSite() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let home = try await preview.client.get("/plany/")
        // The page names the build it came from: a build finished before its event stream opens still reloads it.
        let site = preview.server.liveReload.state.site
        #expect(site >= 1)
        #expect(home.body.contains("<script src=\"/__planpress/reload.js\" data-site=\"\(site)\" defer></script></head>"))
        let missing = try await preview.client.get("/plany/updates/shche-ne-zberezheno/")
        #expect(missing.status == 404 && missing.body.contains("data-site=\"\(site)\""))
        let script = try await preview.client.get("/__planpress/reload.js")
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains("new EventSource(\"/__planpress/events\")"))
        #expect(script.body.contains("document.currentScript.getAttribute(\"data-site\")"))
        let built = try FileManager.default.subpathsOfDirectory(atPath: preview.server.workFolder + "/site")
        for path in built where path.hasSuffix(".html") {
            let html = try String(contentsOfFile: preview.server.workFolder + "/site/" + path, encoding: .utf8)
            #expect(!html.contains("__planpress"), "\(path) carries the preview script")
        }
    }

    @Test func rebuildsOnChangeAndKeepsTheLastGoodSiteWhenABuildFails() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let client = preview.client
        let plan = "plans/test-plan/"
        #expect(try await client.get("/plany/" + plan).body.contains("Тестовий план заходів"))
        let firstSite = preview.server.liveReload.state.site

        // An edit under Content/ is rebuilt and served.
        try preview.site.write("plans/test-plan/plan.yaml", TestSite.plan.replacingOccurrences(of: "Тестовий план заходів", with: "Оновлений план заходів"))
        #expect(try await eventually { try await client.get("/plany/" + plan).body.contains("Оновлений план заходів") })
        #expect(await eventually { preview.server.liveReload.state.site > firstSite })

        // A broken edit: the last good site stays, the stream carries the diagnostics.
        try preview.site.write("site.yaml", TestSite.defaultSettings + "\nas_of: [")
        #expect(await eventually { !preview.server.liveReload.state.ok })
        let kept = try await client.get("/plany/" + plan)
        #expect(kept.status == 200 && kept.body.contains("Оновлений план заходів"))
        let event = try await client.send("GET /__planpress/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", until: "}\n\n")
        #expect(event.contains("Content-Type: text/event-stream; charset=utf-8"))
        #expect(event.contains("\"ok\":false"))
        #expect(event.contains("site.yaml:"), "the diagnostics name the file")

        // Fixed: the next build is good again and pages reload to it.
        try preview.site.write("site.yaml", TestSite.defaultSettings)
        #expect(await eventually { preview.server.liveReload.state.ok })
        #expect(preview.server.liveReload.state.site == preview.server.liveReload.state.build)
    }

    @Test func templateEditsRebuildToo() async throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-templates-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try FileManager.default.copyItem(atPath: TestSite.repository.appendingPathComponent("Templates").path, toPath: templates)
        let site = try UpdateTests.site([:])
        defer { site.remove() }
        let server = try PreviewServer(options: .init(content: site.content, templates: templates, port: 0, pollInterval: 0.05), log: { _ in })
        try await server.start()
        defer { server.stop() }
        let home = templates + "/home.mustache"
        let text = try String(contentsOfFile: home, encoding: .utf8)
        try text.replacingOccurrences(of: "<h1>{{site_title}}</h1>", with: "<h1>{{site_title}} — змінено</h1>")
            .write(toFile: home, atomically: true, encoding: .utf8)
        let client = RawHTTPClient(port: server.port)
        #expect(try await eventually { try await client.get("/plany/").body.contains("<h1>Тестовий сайт — змінено</h1>") })
    }

    @Test func aFirstBuildThatFailsShowsItsDiagnostics() async throws {
        let preview = try await Preview(["plans/test-plan/plan.yaml": "id: test-plan\ntitle: [\n"])
        defer { preview.stop() }
        let response = try await preview.client.get("/plany/")
        #expect(response.status == 500)
        #expect(response.body.contains("Сайт не вдалося зібрати"))
        #expect(response.body.contains("plans/test-plan/plan.yaml:"))
        #expect(response.body.contains(LiveReload.scriptTag(site: 0)))
        #expect(preview.server.liveReload.state.site == 0)
    }

    @Test func stopRemovesThePrivateBuildFolder() async throws {
        let preview = try await Preview()
        defer { preview.stop() }
        let folder = preview.server.workFolder
        #expect(FileManager.default.fileExists(atPath: folder + "/site/index.html"))
        #expect(!folder.hasPrefix(TestSite.repository.path))
        preview.server.stop()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

/// The path rules alone, without a socket.
@Suite struct SiteFilesTests {
    @Test func resolvesAndRefuses() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-files-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/site/plans/x", withIntermediateDirectories: true)
        try "home".write(toFile: root + "/site/index.html", atomically: true, encoding: .utf8)
        try "plan".write(toFile: root + "/site/plans/x/index.html", atomically: true, encoding: .utf8)
        try "пробіл".write(toFile: root + "/site/plans/x/файл з пробілом.txt", atomically: true, encoding: .utf8)
        let files = SiteFiles(root: root + "/site", basePath: "/plany/")
        let real = SiteFiles.realPath(root + "/site")!
        #expect(files.resolve("/plany/") == .file(real + "/index.html"))
        #expect(files.resolve("/plany/plans/x/") == .file(real + "/plans/x/index.html"))
        #expect(files.resolve("/plany/plans/x") == .redirect("/plany/plans/x/"))
        #expect(files.resolve("/plany/plans/x/%D1%84%D0%B0%D0%B9%D0%BB%20%D0%B7%20%D0%BF%D1%80%D0%BE%D0%B1%D1%96%D0%BB%D0%BE%D0%BC.txt")
                == .file(real + "/plans/x/файл з пробілом.txt"))
        #expect(files.resolve("/plany") == .redirect("/plany/"))
        for target in ["/plany/%2e%2e/", "/plany/plans/%2E%2E/%2e%2e/", "/plany/plans/x/..", "/plany/..%2f", "//plany/", "/plany//plans/x/",
                       "/plany/plans\\x/", "/plany/%5c", "/x/", "/", "/plany/nema"] {
            #expect(files.resolve(target) == .notFound, "\(target)")
        }
        for target in ["plany/", "/plany/%zz", "/plany/%e2%28%a1", "/plany/a%00b"] {
            #expect(files.resolve(target) == .badRequest, "\(target)")
        }
    }
}

/// The limits of docs/reliability.md: idle connections are closed; the connection cap,
/// per-client limit, time limits and refused request forms are in PreviewServerGuardTests.swift.
@Suite(.serialized) struct PreviewServerLimitTests {
    @Test func idleConnectionsAreClosed() async throws {
        let preview = try await PreviewServerTests.Preview(limits: .init(maxConnections: 8, idleTimeout: 0.5))
        defer { preview.stop() }
        let fd = try preview.client.openIdle()
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)   // recv gives -1 when this runs out: the server did not close it
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        let closedByServer: Int = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var byte: UInt8 = 0
                continuation.resume(returning: recv(fd, &byte, 1, 0))
            }
        }
        #expect(closedByServer == 0, "the server closes an idle connection (recv returns 0)")
        // Far below the 60 s receive limit; generous because CI runs the suites in parallel on 2 cores.
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(try await preview.client.get("/plany/").status == 200)
    }
}
