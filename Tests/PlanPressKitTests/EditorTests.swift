import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PlanPressKit

/// The editor at `/_edit/` over a real socket: CSRF and origin checks, the
/// files it writes (byte for byte), checking with the loader's own messages,
/// edits on disk detected, uploads recognised by their bytes, never in a build.
@Suite(.serialized) struct EditorTests {
    struct Session {
        let preview: PreviewServerTests.Preview
        let cookie: String
        let token: String
        var client: RawHTTPClient { preview.client }
        var origin: String { "http://127.0.0.1:\(preview.server.port)" }

        static func start() async throws -> Session {
            let preview = try await PreviewServerTests.Preview()
            let page = try await preview.client.get("/_edit/")
            guard let setCookie = page.headers["set-cookie"], let token = EditorTests.value(of: "csrf-token", in: page.body) else {
                preview.stop()
                throw RawHTTPClient.ClientError(message: "no session: \(page.status) \(page.headers)")
            }
            return Session(preview: preview, cookie: String(setCookie.prefix { $0 != ";" }), token: token)
        }

        func post(_ route: String, _ fields: [(String, String)], origin: String? = nil, token: String? = nil,
                  cookie: Bool = true) async throws -> RawHTTPClient.Response {
            let body = (fields + [("_csrf", token ?? self.token)]).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
            var headers = ["Content-Type": "application/x-www-form-urlencoded"]
            if let origin = origin ?? Optional(self.origin), !origin.isEmpty { headers["Origin"] = origin }
            if cookie { headers["Cookie"] = self.cookie }
            return try await client.get("/_edit/" + route, method: "POST", headers: headers, body: Array(body.utf8))
        }

        static func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!
        }

        var updates: String { preview.site.content + "/updates" }
    }

    /// The text after `marker` (empty when it is missing).
    static func after(_ marker: String, in text: String, _ length: Int) -> String {
        guard let range = text.range(of: marker) else { return "" }
        return String(text[range.upperBound...].prefix(length))
    }

    static func value(of meta: String, in html: String) -> String? {
        guard let range = html.range(of: "<meta name=\"\(meta)\" content=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static let update: [(String, String)] = [
        ("title", "Перший крок: «план» затверджено"), ("date", "2026-06-01"), ("summary", "Коротко  про\r\nголовне."),
        ("items", "measure:test-plan/1.1\r\nmeasure:test-plan/1.2\r\n"), ("tags", "1325, громада"),
        ("body", "Текст із [заходом 1.1](measure:test-plan/1.1).\r\n\r\nДругий абзац.\r\n"),
    ]

    /// What the form above must write: `NewUpdate`'s file with the fields filled in.
    static let expectedUpdate = """
    ---
    # Новина для сайту. Заповніть поля і напишіть текст під другою лінією «---».
    # Рядки, що починаються з «#», — підказки; їх можна лишити або видалити.
    # Докладно: docs/updates.md
    title: "Перший крок: «план» затверджено"
    date: 2026-06-01             # дата новини, РРРР-ММ-ДД; новина з'явиться на сайті, коли as_of у site.yaml сягне цієї дати
    summary: "Коротко про головне."
    # author: "Департамент масових комунікацій"
    # Про що ця новина: план, ціль, захід, показник або виконавець (новина з'явиться на їхніх сторінках).
    items:
      - measure:test-plan/1.1
      - measure:test-plan/1.2
    tags: ["1325", "громада"]
    # Обкладинка: файл у Content/ і опис зображення для людей, які його не бачать (обов'язково).
    # cover:
    #   image: updates/images/pershyi-krok-plan-zatverdzheno.jpg
    #   alt: "Що зображено на фото"
    # Текст новини пишіть під лінією «---» у форматі Markdown; порожній рядок починає новий абзац.
    # Посилання на пункт плану в тексті: [захід 1.1](measure:luhansk-wps-2026-2030/1.1)
    ---
    Текст із [заходом 1.1](measure:test-plan/1.1).

    Другий абзац.

    """

    @Test func savesTheFileNewUpdateWritesAndTheSiteShowsIt() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let saved = try await session.post("updates/save", Self.update)
        #expect(saved.status == 303, "\(saved.body)")
        #expect(saved.headers["location"] == "/_edit/updates/pershyi-krok-plan-zatverdzheno?saved=1")
        let after = try await session.client.get(saved.headers["location"] ?? "", headers: ["Cookie": session.cookie])
        #expect(after.body.contains("role=\"status\"><p>Збережено: <code>Content/updates/pershyi-krok-plan-zatverdzheno.md</code>"))
        let written = try String(contentsOfFile: session.updates + "/pershyi-krok-plan-zatverdzheno.md", encoding: .utf8)
        #expect(written == Self.expectedUpdate)
        // The same slug rules and layout as `planpress new update`.
        let made = NewUpdate(title: "Перший крок: «план» затверджено", date: CalendarDate(year: 2026, month: 6, day: 1))!
        #expect(made.slug == "pershyi-krok-plan-zatverdzheno")
        #expect(written.hasPrefix(String(made.text.prefix(200))))
        // The preview rebuilds and shows it.
        let client = session.client
        #expect(try await eventually { try await client.get("/plany/updates/pershyi-krok-plan-zatverdzheno/").status == 200 })
        // Saving the same title again is refused: nothing is overwritten.
        let again = try await session.post("updates/save", Self.update)
        #expect(again.status == 422 && again.body.contains("вже існує"))
        #expect(try String(contentsOfFile: session.updates + "/pershyi-krok-plan-zatverdzheno.md", encoding: .utf8) == Self.expectedUpdate)
    }

    @Test func refusesOtherOriginsMissingTokensAndMissingSessions() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let attempts: [(String, RawHTTPClient.Response)] = [
            ("other origin", try await session.post("updates/save", Self.update, origin: "http://attacker.example")),
            ("no origin", try await session.post("updates/save", Self.update, origin: "")),
            ("wrong token", try await session.post("updates/save", Self.update, token: String(repeating: "0", count: 64))),
            ("no token", try await session.post("updates/save", Self.update, token: "")),
            ("no session", try await session.post("updates/save", Self.update, cookie: false)),
            ("report, other origin", try await session.post("reports/save", [("plan", "test-plan")], origin: "http://127.0.0.1:1")),
        ]
        for (what, response) in attempts {
            #expect(response.status == 403, "\(what): \(response.status)")
            #expect(response.body.contains("Refused"), "\(what)")
        }
        #expect(!FileManager.default.fileExists(atPath: session.updates + "/pershyi-krok-plan-zatverdzheno.md"))
        // A rebound DNS name never reaches the editor either.
        #expect(try await session.client.get("/_edit/", host: "attacker.example").status == 403)
        // Editor pages cannot be framed and run no inline script.
        let page = try await session.client.get("/_edit/updates/new")
        #expect(page.headers["x-frame-options"] == "DENY")
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
    }

    @Test func showsTheCheckMessagesNextToTheFieldAndWritesNothing() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        var fields = Self.update
        fields[3] = ("items", "measure:test-plan/9.9")
        let response = try await session.post("updates/save", fields)
        #expect(response.status == 422)
        // The loader's and linker's own messages (those of `planpress check`), by the field.
        let items = EditorTests.after("id=\"f-items-problems\"", in: response.body, 600)
        #expect(items.contains("update names measure:test-plan/9.9"), "\(items)")
        var badDate = Self.update
        badDate[1] = ("date", "вчора")
        let date = EditorTests.after("id=\"f-date-problems\"", in: try await session.post("updates/save", badDate).body, 400)
        #expect(date.contains("вчора"), "\(date)")
        #expect(response.body.contains("aria-describedby=\"f-items-hint f-items-problems\" aria-invalid=\"true\""))
        #expect(!FileManager.default.fileExists(atPath: session.updates))
        // Checking as you type gives the same messages as JSON.
        let check = try await session.post("updates/check", fields)
        let json = try JSONSerialization.jsonObject(with: Data(check.body.utf8)) as? [String: Any]
        let byField = json?["fields"] as? [String: [String]]
        #expect(byField?["items"]?.contains { $0.contains("update names measure:test-plan/9.9") } == true)
    }

    @Test func anEditOnDiskSinceOpeningIsNeverOverwritten() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        #expect(try await session.post("updates/save", Self.update).status == 303)
        let path = session.updates + "/pershyi-krok-plan-zatverdzheno.md"
        let form = try await session.client.get("/_edit/updates/pershyi-krok-plan-zatverdzheno", headers: ["Cookie": session.cookie])
        #expect(form.status == 200)
        let stamp = String(form.body.components(separatedBy: "name=\"stamp\" value=\"")[1].prefix { $0 != "\"" })
        #expect(stamp == Editor.stamp(Array(Self.expectedUpdate.utf8)))
        // Someone edits the file in a text editor meanwhile.
        let theirs = Self.expectedUpdate.replacingOccurrences(of: "Другий абзац.", with: "Їхній абзац.")
        try theirs.write(toFile: path, atomically: true, encoding: .utf8)
        var mine = Self.update + [("slug", "pershyi-krok-plan-zatverdzheno"), ("stamp", stamp)]
        mine[5] = ("body", "Мій текст.")
        let conflict = try await session.post("updates/save", mine)
        #expect(conflict.status == 409)
        #expect(conflict.body.contains("Файл змінено на диску") && conflict.body.contains("href=\"/_edit/updates/pershyi-krok-plan-zatverdzheno\""))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == theirs)
        // With the stamp of the file as it is now, the edit is saved.
        mine[mine.count - 1] = ("stamp", Editor.stamp(Array(theirs.utf8)))
        #expect(try await session.post("updates/save", mine).status == 303)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("---\nМій текст.\n"))
    }

    @Test func coverUploadsAreRecognisedByTheirBytesAndNeedAltText() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        func upload(_ bytes: [UInt8], alt: String) async throws -> RawHTTPClient.Response {
            let boundary = "----planpress-test"
            var body: [UInt8] = []
            for (name, value) in Self.update + [("cover_alt", alt), ("_csrf", session.token)] {
                body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
            }
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"cover\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
            body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
            return try await session.client.get("/_edit/updates/save", method: "POST", headers: [
                "Content-Type": "multipart/form-data; boundary=\(boundary)", "Origin": session.origin, "Cookie": session.cookie,
            ], body: body)
        }
        let script = try await upload(Array("<svg onload=alert(1)>".utf8), alt: "Фото")
        #expect(script.status == 422 && script.body.contains("не є зображенням"))
        // A real 2×2 PNG: the build converts covers with libvips, so the bytes must decode.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x44, 0x60, 0xE2, 0x3F, 0x03, 0x00, 0x1D, 0xF0, 0x03, 0xFD, 0xDD, 0xDC, 0x96, 0x97, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        let noAlt = try await upload(png, alt: "")
        #expect(noAlt.status == 422)
        #expect(EditorTests.after("id=\"f-cover-alt-problems\"", in: noAlt.body, 400).contains("no &#39;alt&#39; text"))
        #expect(!FileManager.default.fileExists(atPath: session.updates))
        let good = try await upload(png, alt: "Учасники зустрічі")
        #expect(good.status == 303, "\(good.body)")
        let image = session.updates + "/images/pershyi-krok-plan-zatverdzheno.png"
        #expect(FileManager.default.contents(atPath: image).map(Array.init) == png)
        let text = try String(contentsOfFile: session.updates + "/pershyi-krok-plan-zatverdzheno.md", encoding: .utf8)
        #expect(text.contains("cover:\n  image: updates/images/pershyi-krok-plan-zatverdzheno.png\n  alt: \"Учасники зустрічі\"\n"))
        let large = try await session.client.get("/_edit/updates/save", method: "POST", headers: [
            "Content-Type": "multipart/form-data; boundary=x", "Origin": session.origin, "Cookie": session.cookie,
            "Content-Length": String(64 * 1024 * 1024),
        ])
        #expect(large.status == 413)
    }

    @Test func writesAMonitoringReportInTheDocumentedFormat() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let form = try await session.client.get("/_edit/reports/new?plan=test-plan", headers: ["Cookie": session.cookie])
        #expect(form.body.contains("name=\"m.1.1.status\"") && form.body.contains("<option value=\"partly-completed\">виконано частково</option>"))
        let fields: [(String, String)] = [
            ("plan", "test-plan"), ("period", "2026-H1"), ("reporter_kind", "civil-society"), ("reporter_name", "Коаліція «1325»"),
            ("published", "2026-06-10"), ("title", "Тіньовий звіт"), ("summary", "Перший рядок.\r\nДругий рядок."),
            ("m.1.1.status", "partly-completed"), ("m.1.1.narrative", "Зроблено **частину**."),
            ("m.1.1.evidence", "Наказ | https://example.org/nakaz\r\n"), ("m.1.2.status", "in-progress"),
        ]
        let bad = try await session.post("reports/save", fields.map { $0.0 == "m.1.2.status" ? ($0.0, "done") : $0 })
        #expect(bad.status == 422)
        #expect(EditorTests.after("id=\"f-m-1-2-status-problems\"", in: bad.body, 500).contains("status &#39;done&#39; of measure 1.2 is not in the vocabulary"))
        let saved = try await session.post("reports/save", fields)
        #expect(saved.status == 200, "\(saved.body)")
        let path = session.preview.site.content + "/reports/test-plan/2026-h1-koalitsiia-1325.yaml"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
        # Звіт про виконання плану; формат: docs/monitoring.md
        plan: test-plan
        period: 2026-H1
        reporter:
          kind: civil-society
          name: "Коаліція «1325»"
        published: 2026-06-10
        title: "Тіньовий звіт"
        summary: |
          Перший рядок.
          Другий рядок.
        measures:
          - measure: "1.1"
            status: partly-completed
            narrative: "Зроблено **частину**."
            evidence:
              - title: "Наказ"
                url: "https://example.org/nakaz"
          - measure: "1.2"
            status: in-progress

        """)
    }

    @Test func writesIndicatorValuesWithBreakdowns() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let form = try await session.client.get("/_edit/reports/new?plan=test-plan", headers: ["Cookie": session.cookie])
        let id = EditorTests.after("name=\"i.", in: form.body, 40).prefix { $0 != "\"" }.dropLast(".value".count)
        #expect(!id.isEmpty)
        let fields: [(String, String)] = [
            ("plan", "test-plan"), ("period", "2026"), ("reporter_kind", "official"), ("reporter_name", "ОДА"),
            ("published", "2026-06-01"), ("i.\(id).value", "1 234,5"), ("i.\(id).date", "2026-05-31"), ("i.\(id).unit", "осіб"),
            ("i.\(id).breakdown", "sex | жінки | 700\r\nsex | чоловіки | 534,5"),
        ]
        let bad = try await session.post("reports/save", fields.map { $0.0.hasSuffix(".value") ? ($0.0, "багато") : $0 })
        #expect(bad.status == 422 && bad.body.contains("must be a number"))
        let saved = try await session.post("reports/save", fields)
        #expect(saved.status == 200, "\(saved.body.prefix(2000))")
        let text = try String(contentsOfFile: session.preview.site.content + "/reports/test-plan/2026-oda.yaml", encoding: .utf8)
        #expect(text.hasSuffix("""
        indicators:
          - indicator: "\(id)"
            value: "1 234,5"
            date: 2026-05-31
            unit: "осіб"
            breakdown:
              - {dimension: "sex", group: "жінки", value: "700"}
              - {dimension: "sex", group: "чоловіки", value: "534,5"}

        """), "\(text)")
    }

    @Test func theBuiltSiteHasNoEditor() throws {
        let site = try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                                 "sources/test-plan.txt": "Джерело"])
        defer { site.remove() }
        _ = try site.build()
        var found: [String] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: site.output) {
            if path.contains("_edit") { found.append(path) }
            if let data = FileManager.default.contents(atPath: site.output + "/" + path),
               String(decoding: data, as: UTF8.self).contains("_edit") { found.append(path) }
        }
        #expect(found.isEmpty, "\(found)")
    }

    @Test func imageKindsByBytes() {
        #expect(ImageBytes.fileExtension([0xFF, 0xD8, 0xFF, 0xE0]) == "jpg")
        #expect(ImageBytes.fileExtension(Array("GIF89a....".utf8)) == "gif")
        #expect(ImageBytes.fileExtension(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == "webp")
        #expect(ImageBytes.fileExtension(Array("\0\0\0\u{1C}ftypavif".utf8)) == "avif")
        #expect(ImageBytes.fileExtension(Array("<svg></svg>".utf8)) == nil)
        #expect(ImageBytes.fileExtension([0xFF, 0xD8]) == nil)
    }
}
