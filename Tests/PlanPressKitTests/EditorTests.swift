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

        static func start(limits: HTTPServer.Limits = .init(), files: [String: String] = [:]) async throws -> Session {
            let preview = try await PreviewServerTests.Preview(files, limits: limits)
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
        #expect(after.body.contains("role=\"status\"><p>Збережено: Content/updates/pershyi-krok-plan-zatverdzheno.md. Сайт перебудовується."))
        let written = try String(contentsOfFile: session.updates + "/pershyi-krok-plan-zatverdzheno.md", encoding: .utf8)
        #expect(written == Self.expectedUpdate)
        // The same slug rules and layout as `planpress new update`.
        let made = NewUpdate(title: "Перший крок: «план» затверджено", date: CalendarDate(year: 2026, month: 6, day: 1))!
        #expect(made.slug == "pershyi-krok-plan-zatverdzheno")
        #expect(written.hasPrefix(String(made.text.prefix(200))))
        // The preview rebuilds and shows it.
        let client = session.client
        #expect(try await eventually { try await client.get("/plany/updates/pershyi-krok-plan-zatverdzheno/").status == 200 })
        // The same title again (a meeting held every month): the next free name, nothing overwritten.
        let again = try await session.post("updates/save", Self.update)
        #expect(again.status == 303 && again.headers["location"] == "/_edit/updates/pershyi-krok-plan-zatverdzheno-2?saved=1", "\(again.status)")
        #expect(try String(contentsOfFile: session.updates + "/pershyi-krok-plan-zatverdzheno.md", encoding: .utf8) == Self.expectedUpdate)
        #expect(FileManager.default.fileExists(atPath: session.updates + "/pershyi-krok-plan-zatverdzheno-2.md"))
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
            #expect(response.body.contains("відхилено"), "\(what)")
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
        #expect(items.contains("Помилка: оновлення посилається на measure:test-plan/9.9"), "\(items)")
        #expect(!response.body.contains("(рядок "), "no line numbers of a file the person does not see")
        var badDate = Self.update
        badDate[1] = ("date", "вчора")
        let date = EditorTests.after("id=\"f-date-problems\"", in: try await session.post("updates/save", badDate).body, 400)
        #expect(date.contains("вчора"), "\(date)")
        #expect(response.body.contains("aria-describedby=\"f-items-hint f-items-problems\" aria-invalid=\"true\""))
        #expect(!FileManager.default.fileExists(atPath: session.updates))
        // Checking as you type gives the same messages as JSON.
        let check = try await session.post("updates/check", fields)
        let json = try JSONSerialization.jsonObject(with: Data(check.body.utf8)) as? [String: Any]
        let byField = json?["fields"] as? [String: [[String: Any]]]
        #expect(byField?["items"]?.contains { ($0["text"] as? String)?.contains("оновлення посилається на measure:test-plan/9.9") == true } == true)
        // No title as well: one save still says everything, by its field, and names no file.
        var untitled = fields
        untitled[0] = ("title", "")
        let both = try await session.post("updates/save", untitled)
        #expect(both.status == 422)
        #expect(EditorTests.after("id=\"f-title-problems\"", in: both.body, 400).contains("напишіть заголовок новини"))
        #expect(EditorTests.after("id=\"f-items-problems\"", in: both.body, 600).contains("measure:test-plan/9.9"))
        let untitledCheck = try await session.post("updates/check", untitled)
        let untitledJSON = try JSONSerialization.jsonObject(with: Data(untitledCheck.body.utf8)) as? [String: Any]
        #expect(untitledJSON?["file"] as? String == "", "a stand-in title never shows as a file name")
        #expect(!FileManager.default.fileExists(atPath: session.updates))
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
        #expect(EditorTests.after("id=\"f-cover-alt-problems\"", in: noAlt.body, 400).contains("немає опису &#39;alt&#39;"))
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

    /// A multipart form: fields, then files (name, file name, bytes).
    func multipart(_ session: Session, _ route: String, _ fields: [(String, String)],
                   files: [(String, String, [UInt8])] = []) async throws -> RawHTTPClient.Response {
        let boundary = "----planpress-test"
        var body: [UInt8] = []
        for (name, value) in fields + [("_csrf", session.token)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: image/png\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await session.client.get("/_edit/" + route, method: "POST", headers: [
            "Content-Type": "multipart/form-data; boundary=\(boundary)", "Origin": session.origin, "Cookie": session.cookie,
        ], body: body)
    }

    /// A real 2×2 PNG (the build converts photos with libvips, so the bytes must decode).
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x44, 0x60, 0xE2, 0x3F, 0x03, 0x00, 0x1D, 0xF0, 0x03, 0xFD, 0xDD, 0xDC, 0x96, 0x97, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]

    static func hidden(_ name: String, in html: String) -> String {
        EditorTests.after("name=\"\(name)\" value=\"", in: html, 200).prefix { $0 != "\"" }.description
    }

    /// The date starts with today; the file name a new update will get is shown, the next free one
    /// when the title's is taken; with the editor on, the preview shows a saved draft, badged.
    @Test func aNewDraftIsVisibleRightAfterSaving() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let form = try await session.client.get("/_edit/updates/new", headers: ["Cookie": session.cookie])
        #expect(form.body.contains("type=\"date\" id=\"f-date\" name=\"date\" aria-describedby=\"f-date-hint f-date-problems\" required value=\"\(BuildDate.today().iso)\""))
        let check = try await session.post("updates/check", Self.update)
        let json = try JSONSerialization.jsonObject(with: Data(check.body.utf8)) as? [String: Any]
        #expect(json?["file"] as? String == "Content/updates/pershyi-krok-plan-zatverdzheno.md")
        let saved = try await session.post("updates/save", Self.update + [("draft", "true")])
        #expect(saved.status == 303)
        let after = try await session.post("updates/check", Self.update)
        let next = try JSONSerialization.jsonObject(with: Data(after.body.utf8)) as? [String: Any]
        #expect(next?["file"] as? String == "Content/updates/pershyi-krok-plan-zatverdzheno-2.md")
        let client = session.client
        #expect(try await eventually { try await client.get("/plany/updates/pershyi-krok-plan-zatverdzheno/").status == 200 })
        let page = try await client.get("/plany/updates/pershyi-krok-plan-zatverdzheno/")
        #expect(page.body.contains("<span class=\"badge badge-draft\">чернетка, не опубліковано</span>"))
        let editing = try await client.get(saved.headers["location"] ?? "", headers: ["Cookie": session.cookie])
        #expect(editing.body.contains("<a href=\"/plany/updates/pershyi-krok-plan-zatverdzheno/\" id=\"view-on-site\">Переглянути на сайті</a>"))
        // A draft has no public address yet: nothing to copy for Telegram.
        #expect(!editing.body.contains("share-text"))
    }

    /// A published update's saved page offers the text to share: title, summary, the public address.
    @Test func theTelegramTextHasTitleSummaryAndLink() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let saved = try await session.post("updates/save", Self.update)
        let page = try await session.client.get(saved.headers["location"] ?? "", headers: ["Cookie": session.cookie])
        let text = EditorTests.after("<textarea id=\"share-text\" rows=\"5\" readonly>", in: page.body, 400).components(separatedBy: "</textarea>")[0]
        #expect(text == "Перший крок: «план» затверджено\n\nКоротко про головне.\n\nhttps://example.org/plany/updates/pershyi-krok-plan-zatverdzheno/", "\(text)")
        #expect(page.body.contains("<button type=\"button\" class=\"secondary\" id=\"share-copy\" hidden>Скопіювати для Telegram</button>"))
    }

    /// A save that writes nothing keeps the chosen cover: the next save writes it without choosing it again.
    @Test func aFailedSaveKeepsTheChosenFile() async throws {
        // Requests up to 2 MB: photos up to 1 MB (1 MB left for the rest of the form).
        let session = try await Session.start(limits: .init(maxBodyBytes: 2 * 1024 * 1024))
        defer { session.preview.stop() }
        var fields = Self.update + [("cover_alt", "Учасники зустрічі")]
        fields[3] = ("items", "measure:test-plan/9.9")
        let failed = try await multipart(session, "updates/save", fields, files: [("cover", "IMG_0042.png", Self.png)])
        #expect(failed.status == 422)
        #expect(failed.body.contains("Вибраний файл «IMG_0042.png» збережено в редакторі"))
        let kept = Self.hidden("pending_cover", in: failed.body)
        #expect(kept.count == 64)
        #expect(!FileManager.default.fileExists(atPath: session.updates))
        fields[3] = ("items", "measure:test-plan/1.1")
        let saved = try await multipart(session, "updates/save", fields + [("pending_cover", kept)])
        #expect(saved.status == 303, "\(saved.body.prefix(3000))")
        #expect(FileManager.default.contents(atPath: session.updates + "/images/pershyi-krok-plan-zatverdzheno.png").map(Array.init) == Self.png)
        // Too large is said by the field, in MB, before the loader ever sees the file.
        let large = try await multipart(session, "updates/check", Self.update, files: [("cover", "huge.png", Self.png + [UInt8](repeating: 0, count: 1_200_000))])
        #expect(large.body.contains("важить 2 МБ, а завантажити можна до 1 МБ"), "\(large.body.prefix(600))")
        #expect(try await session.client.get("/_edit/updates/new", headers: ["Cookie": session.cookie]).body.contains("до 1 МБ"))
    }

    /// «Вставити в текст»: the photo is kept, its Markdown with the description goes into the text,
    /// the preview shows it from the editor, and saving writes it next to the update.
    @Test func aPhotoIsInsertedIntoTheText() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let noAlt = try await multipart(session, "updates/photo", Self.update, files: [("photo", "zala.png", Self.png)])
        #expect(noAlt.body.contains("опишіть світлину"))
        let answer = try await multipart(session, "updates/photo", Self.update + [("photo_alt", "Зала [нарад]")], files: [("photo", "zala.png", Self.png)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        let markdown = try #require(json["markdown"] as? String)
        #expect(markdown == "![Зала \\[нарад\\]](updates/images/pershyi-krok-plan-zatverdzheno-photo-1.png)")
        let id = try #require(json["id"] as? String)
        var fields = Self.update + [("pending_photo", id)]
        fields[5] = ("body", "Перший абзац.\r\n\r\n" + markdown)
        let check = try await multipart(session, "updates/check", fields)
        #expect(check.body.contains("src=\\\"\\/_edit\\/images\\/pershyi-krok-plan-zatverdzheno-photo-1.png\\\""), "\(check.body.prefix(800))")
        let shown = try await session.client.get("/_edit/images/pershyi-krok-plan-zatverdzheno-photo-1.png", headers: ["Cookie": session.cookie])
        #expect(shown.status == 200 && shown.headers["content-type"] == "image/png")
        #expect(try await multipart(session, "updates/save", fields).status == 303)
        #expect(FileManager.default.contents(atPath: session.updates + "/images/pershyi-krok-plan-zatverdzheno-photo-1.png").map(Array.init) == Self.png)
        let client = session.client
        #expect(try await eventually { try await client.get("/plany/updates/pershyi-krok-plan-zatverdzheno/").body.contains("photo-1.") })
        // Without the script, the same button sends the whole form: the photo goes at the end of the text.
        var plain = Self.update + [("action", "insert_photo"), ("photo_alt", "Сцена")]
        plain[0] = ("title", "Друга новина")
        let page = try await multipart(session, "updates/save", plain, files: [("photo", "scena.png", Self.png)])
        #expect(page.status == 200)
        #expect(page.body.contains("Другий абзац.\n\n![Сцена](updates/images/druha-novyna-photo-1.png)</textarea>"), "\(page.body.prefix(4000))")
        #expect(!FileManager.default.fileExists(atPath: session.updates + "/druha-novyna.md"))
    }

    /// Photos straight from a phone: a HEIC cover and a JPEG inserted into the text are stored under
    /// their own kind, without the GPS position, camera make or serial number (PhotoPrivacy).
    @Test func phonePhotosAreStoredWithoutPrivateMetadata() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let heic = try PhotoTests.phonePhoto("heic"), jpeg = try PhotoTests.phonePhoto("jpeg")
        #expect(PhotoTests.hasPrivateMetadata(heic) && PhotoTests.hasPrivateMetadata(jpeg))
        let page = try await session.client.get("/_edit/updates/new", headers: ["Cookie": session.cookie])
        #expect(page.body.contains("image/heic,image/heif,.heic,.heif"))
        let answer = try await multipart(session, "updates/photo", Self.update + [("photo_alt", "Зала")], files: [("photo", "IMG_0001.JPG", jpeg)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        let markdown = try #require(json["markdown"] as? String), id = try #require(json["id"] as? String)
        #expect(markdown == "![Зала](updates/images/pershyi-krok-plan-zatverdzheno-photo-1.jpg)")
        var fields = Self.update + [("pending_photo", id), ("cover_alt", "Учасники")]
        fields[5] = ("body", "Перший абзац.\r\n\r\n" + markdown)
        let saved = try await multipart(session, "updates/save", fields, files: [("cover", "IMG_0002.HEIC", heic)])
        #expect(saved.status == 303, "\(saved.body.prefix(3000))")
        let cover = try #require(FileManager.default.contents(atPath: session.updates + "/images/pershyi-krok-plan-zatverdzheno.heic").map(Array.init))
        let photo = try #require(FileManager.default.contents(atPath: session.updates + "/images/pershyi-krok-plan-zatverdzheno-photo-1.jpg").map(Array.init))
        #expect(ImageKind(sniffing: cover) == .heic && ImageKind(sniffing: photo) == .jpeg)
        #expect(!PhotoTests.hasPrivateMetadata(cover) && !PhotoTests.hasPrivateMetadata(photo))
    }

    /// Unpublish writes `draft: true` and nothing else; delete moves the file and its photos into
    /// `Content/_trash/`, which the build does not read. Both refuse a file changed since they asked.
    @Test func deleteMovesTheFileIntoTheTrashTheBuildIgnores() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let saved = try await multipart(session, "updates/save", Self.update + [("cover_alt", "Фото")], files: [("cover", "a.png", Self.png)])
        #expect(saved.status == 303)
        let slug = "pershyi-krok-plan-zatverdzheno", path = session.updates + "/\(slug).md"
        let published = try String(contentsOfFile: path, encoding: .utf8)
        let ask = try await session.client.get("/_edit/updates/\(slug)?confirm=unpublish", headers: ["Cookie": session.cookie])
        #expect(ask.body.contains("Зняти з публікації «Перший крок: «план» затверджено»?"))
        let stamp = Self.hidden("stamp", in: ask.body)
        #expect(try await session.post("updates/unpublish", [("slug", slug), ("stamp", "0")]).status == 409)
        #expect(try await session.post("updates/unpublish", [("slug", slug), ("stamp", stamp)]).status == 303)
        let unpublished = try String(contentsOfFile: path, encoding: .utf8)
        #expect(unpublished == published.replacingOccurrences(of: "\n---\nТекст із", with: "\ndraft: true\n---\nТекст із"), "\(unpublished)")
        #expect(unpublished.contains("\ndraft: true\n---\n"))
        let confirm = try await session.client.get("/_edit/updates/\(slug)?confirm=delete", headers: ["Cookie": session.cookie])
        let deleted = try await session.post("updates/delete", [("slug", slug), ("stamp", Self.hidden("stamp", in: confirm.body))])
        #expect(deleted.status == 200 && deleted.body.contains("перенесено в Content/_trash/"), "\(deleted.body.prefix(2000))")
        #expect(!FileManager.default.fileExists(atPath: path))
        let trash = session.preview.site.content + "/_trash"
        let moved = try FileManager.default.subpathsOfDirectory(atPath: trash).sorted()
        #expect(moved.count == 5 && moved.contains { $0.hasSuffix("/updates/\(slug).md") } && moved.contains { $0.hasSuffix("/updates/images/\(slug).png") }, "\(moved)")
        // The build ignores the trash, even a broken file in it.
        try "---\ntitle: зламано: так\n---\n".write(toFile: trash + "/broken.md", atomically: true, encoding: .utf8)
        let (site, diagnostics) = ContentLoader.load(from: session.preview.site.content)
        #expect(site?.updates.isEmpty == true && diagnostics.errorCount == 0, "\(diagnostics)")
    }

    /// Two saves of the same update sent together: one is written, the other is told the file changed
    /// and keeps its form — never both «saved» with one lost.
    @Test func twoSavesOfOneUpdateAtOnceNeverLoseOne() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        #expect(try await session.post("updates/save", Self.update).status == 303)
        let slug = "pershyi-krok-plan-zatverdzheno", path = session.updates + "/\(slug).md"
        let stamp = Editor.stamp(Array(try String(contentsOfFile: path, encoding: .utf8).utf8))
        for round in 0..<5 {
            func edit(_ text: String) -> [(String, String)] {
                var fields = Self.update + [("slug", slug), ("stamp", Editor.stamp(Array((try? String(contentsOfFile: path, encoding: .utf8))?.utf8 ?? "".utf8)))]
                fields[5] = ("body", text)
                return fields
            }
            let mine = edit("Моя правка \(round)."), theirs = edit("Їхня правка \(round).")
            async let first = session.post("updates/save", mine)
            async let second = session.post("updates/save", theirs)
            let statuses = [try await first.status, try await second.status].sorted()
            #expect(statuses == [303, 409], "round \(round): \(statuses)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasSuffix("---\nМоя правка \(round).\n") || text.hasSuffix("---\nЇхня правка \(round).\n"))
        }
        _ = stamp
    }

    /// A second click on «Зберегти» of a new update's form (both sent together, or one after the
    /// other): the first save's page, never a second file; a changed text from the same form is refused.
    @Test func aSecondClickOnSaveMakesNoSecondFile() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let fields = Self.update + [("form", "0123456789abcdef")]
        async let first = session.post("updates/save", fields)
        async let second = session.post("updates/save", fields)
        let answers = [try await first, try await second]
        #expect(answers.map(\.status) == [303, 303])
        #expect(Set(answers.map { $0.headers["location"] ?? "" }) == ["/_edit/updates/pershyi-krok-plan-zatverdzheno?saved=1"])
        let third = try await session.post("updates/save", fields)
        #expect(third.headers["location"] == "/_edit/updates/pershyi-krok-plan-zatverdzheno?saved=1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: session.updates).filter { $0.hasSuffix(".md") } == ["pershyi-krok-plan-zatverdzheno.md"])
        var changed = fields
        changed[5] = ("body", "Інший текст.")
        let refused = try await session.post("updates/save", changed)
        #expect(refused.status == 409 && refused.body.contains("цю форму вже збережено як Content/updates/pershyi-krok-plan-zatverdzheno.md"))
    }

    /// «Перенести дату сайту на сьогодні» changes the date on the `as_of:` line and nothing else.
    @Test func theSiteDateMovesToToday() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let site = session.preview.site.content + "/site.yaml"
        let before = try String(contentsOfFile: site, encoding: .utf8)
        let index = try await session.client.get("/_edit/", headers: ["Cookie": session.cookie])
        #expect(index.body.contains("Сайт показує стан на 2026-06-15"))
        let moved = try await session.post("site/as-of", [("site_stamp", Self.hidden("site_stamp", in: index.body)), ("return", "")])
        #expect(moved.status == 303)
        #expect(try String(contentsOfFile: site, encoding: .utf8) == before.replacingOccurrences(of: "as_of: 2026-06-15", with: "as_of: \(BuildDate.today().iso)"))
        #expect(SiteDateForm.moved("title: x\nas_of: \"2026-01-01\"   # дата\n", to: CalendarDate(year: 2027, month: 3, day: 4)) == "title: x\nas_of: 2027-03-04   # дата\n")
    }

    /// On a network address: clients on this computer may edit; others only with the key (once in the
    /// link, then in a cookie); a DNS name in Host is refused there (no rebinding).
    @Test func onANetworkAddressOnlyThisComputerOrTheKeyMayEdit() {
        let site = "/nonexistent"
        func request(peer: String, host: String = "192.168.1.2:8000", target: String = "/_edit/", cookie: String? = nil) -> HTTPRequest {
            var request = HTTPRequest(method: "GET", target: target, headers: ["host": host].merging(cookie.map { ["cookie": $0] } ?? [:]) { a, _ in a })
            request.peer = peer
            return request
        }
        let open = Editor(options: .init(content: site, templates: site, host: "0.0.0.0"))
        #expect(open.access(request(peer: "127.0.0.1", host: "127.0.0.1:8000")) == .allowed)
        #expect(open.access(request(peer: "::ffff:127.0.0.1", host: "localhost:8000")) == .allowed)
        #expect(open.access(request(peer: "192.168.1.9")) == .refused)
        #expect(open.access(request(peer: "127.0.0.1", host: "rebound.example:8000")) == .refused)
        let keyed = Editor(options: .init(content: site, templates: site, host: "0.0.0.0", key: "k3y"))
        #expect(keyed.access(request(peer: "192.168.1.9")) == .refused)
        #expect(keyed.access(request(peer: "192.168.1.9", target: "/_edit/?key=wrong")) == .refused)
        #expect(keyed.access(request(peer: "192.168.1.9", target: "/_edit/?key=k3y")) == .keyAccepted)
        #expect(keyed.access(request(peer: "192.168.1.9", cookie: "planpress_edit_key=k3y")) == .allowed)
        #expect(keyed.access(request(peer: "192.168.1.9", cookie: "planpress_edit_key=k3z")) == .refused)
        // On loopback (the default) nothing changes.
        let local = Editor(options: .init(content: site, templates: site))
        #expect(local.access(request(peer: "127.0.0.1", host: "127.0.0.1:8000")) == .allowed)
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
        #expect(EditorTests.after("id=\"f-m-1-2-status-problems\"", in: bad.body, 500).contains("стану &#39;done&#39; заходу 1.2 немає в переліку"))
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
        #expect(bad.status == 422 && bad.body.contains("має бути числом"))
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

    /// An official report as a person might have written it by hand: comments, a body named to answer.
    static let officialReport = """
    # Written by hand.
    plan: test-plan
    period: 2026-H1
    reporter:
      kind: official
      name: "ОДА"
      executor: oda
    published: 2026-07-01
    methodology: "За даними управлінь."
    measures:
      - measure: "1.1"
        status: completed
        narrative: |
          Виконано.
          Повністю.
        reply_requested: police
        evidence:
          - {title: "Наказ", url: "https://example.org/nakaz"}
      - measure: "1.2"
        status: in-progress

    """

    /// The fields a page's form sends as it is (hidden fields, inputs, selected options, text areas), as a browser would.
    static func formFields(_ html: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for match in html.matches(of: #/<input type="(?:hidden|text|date)"[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"/#) where match.1 != "_csrf" {
            out.append((String(match.1), unescape(String(match.2))))
        }
        for match in html.matches(of: #/<input type="(?:text|date)" id="[^"]*" name="([^"]+)"[^>]*value="([^"]*)"/#) where !out.contains(where: { $0.0 == match.1 }) {
            out.append((String(match.1), unescape(String(match.2))))
        }
        for match in html.matches(of: #/<input type="checkbox" id="[^"]*" name="([^"]+)" value="([^"]*)" checked>/#) {
            out.append((String(match.1), unescape(String(match.2))))
        }
        for match in html.matches(of: #/<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>/#) {
            if let selected = String(match.2).firstMatch(of: #/<option value="([^"]*)" selected>/#) { out.append((String(match.1), String(selected.1))) }
        }
        for match in html.matches(of: #/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>/#) {
            out.append((String(match.1), unescape(String(match.2))))
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#10;", with: "\n").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func opensAnExistingReportEditsItAndSavesItInPlace() async throws {
        let session = try await Session.start(files: ["reports/test-plan/2026-h1-oda.yaml": Self.officialReport])
        defer { session.preview.stop() }
        let file = session.preview.site.content + "/reports/test-plan/2026-h1-oda.yaml"
        let cookie = ["Cookie": session.cookie]
        let index = try await session.client.get("/_edit/", headers: cookie)
        #expect(index.body.contains("<a href=\"/_edit/reports/test-plan-2026-h1-oda\">ОДА, 2026-H1</a></td><td>Тестовий план</td>"), "\(index.body)")
        #expect(index.body.contains("<a href=\"/_edit/reports/reply/test-plan-2026-h1-oda\">Відповісти</a>"))
        #expect(try await session.client.get("/_edit/reports/test-plan/no-such-report", headers: cookie).status == 404)
        let form = try await session.client.get("/_edit/reports/test-plan-2026-h1-oda", headers: cookie)
        #expect(form.status == 200)
        #expect(form.body.contains("<title>Редагування звіту") && form.body.contains("<code>Content/reports/test-plan/2026-h1-oda.yaml</code>"))
        #expect(Self.hidden("stamp", in: form.body) == Editor.stamp(Array(Self.officialReport.utf8)))
        var fields = Self.formFields(form.body)
        // Opened and saved unchanged: the same report in the editor's layout (comments are not kept), nothing lost.
        let same = try await session.post("reports/save", fields)
        #expect(same.status == 200, "\(same.body)")
        #expect(same.body.contains("Звіт збережено: Content/reports/test-plan/2026-h1-oda.yaml"))
        let expected = """
        # Звіт про виконання плану; формат: docs/monitoring.md
        plan: test-plan
        period: 2026-H1
        reporter:
          kind: official
          name: "ОДА"
          executor: oda
        published: 2026-07-01
        methodology: "За даними управлінь."
        measures:
          - measure: "1.1"
            status: completed
            reply_requested: police
            narrative: |
              Виконано.
              Повністю.
            evidence:
              - title: "Наказ"
                url: "https://example.org/nakaz"
          - measure: "1.2"
            status: in-progress

        """
        #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)
        let saved = Array(expected.utf8)
        // A form opened before that save is refused, and the file keeps the first save.
        let stale = try await session.post("reports/save", fields.map { $0.0 == "m.1.2.status" ? ($0.0, "completed") : $0 })
        #expect(stale.status == 409)
        #expect(stale.body.contains("Content/reports/test-plan/2026-h1-oda.yaml змінився після того, як ви відкрили сторінку, тож нічого не змінено"))
        #expect(FileManager.default.contents(atPath: file).map(Array.init) == saved)
        // Reopened: an edit is saved over the same file.
        fields = Self.formFields(try await session.client.get("/_edit/reports/test-plan-2026-h1-oda", headers: cookie).body)
        #expect(Self.hidden("stamp", in: try await session.client.get("/_edit/reports/test-plan-2026-h1-oda", headers: cookie).body) == Editor.stamp(saved))
        // The checks of `check` and of an import: a bad status or a value outside the period is refused, nothing written.
        let bad = try await session.post("reports/save", fields.map { $0.0 == "m.1.2.status" ? ($0.0, "done") : $0 })
        #expect(bad.status == 422 && bad.body.contains("стану &#39;done&#39; заходу 1.2 немає в переліку"))
        let id = EditorTests.after("name=\"i.", in: form.body, 40).prefix { $0 != "\"" }.dropLast(".value".count)
        #expect(!id.isEmpty && fields.contains { $0.0 == "i.\(id).date" })
        let outside = try await session.post("reports/save", fields.map {
            $0.0 == "i.\(id).value" ? ($0.0, "5") : $0.0 == "i.\(id).date" ? ($0.0, "2025-12-31") : $0 })
        #expect(outside.status == 422, "\(outside.status)")
        #expect(EditorTests.after("id=\"\(EditorView.id("i.\(id).date"))-problems\"", in: outside.body, 600).contains("2025-12-31"), "\(outside.body)")
        #expect(FileManager.default.contents(atPath: file).map(Array.init) == saved)
        let edited = try await session.post("reports/save", fields.map {
            $0.0 == "m.1.2.status" ? ($0.0, "completed") : $0.0 == "m.1.1.reply_requested" ? ($0.0, "1") : $0 })
        #expect(edited.status == 200, "\(edited.body)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text == expected.replacingOccurrences(of: "status: in-progress", with: "status: completed")
            .replacingOccurrences(of: "reply_requested: police", with: "reply_requested: true"), "\(text)")
        // Nothing but this report's file changed; no temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: session.preview.site.content + "/reports/test-plan") == ["2026-h1-oda.yaml"])
    }

    @Test func aReportTheFormCannotHoldWhollyIsNotOpened() async throws {
        let id = "1.1-1"
        let values = """
        indicators:
          - {indicator: "\(id)", value: "1", date: 2026-03-31}
          - {indicator: "\(id)", value: "2", date: 2026-06-30}

        """
        let session = try await Session.start(files: ["reports/test-plan/2026-h1-oda.yaml": Self.officialReport + values])
        defer { session.preview.stop() }
        let answer = try await session.client.get("/_edit/reports/test-plan-2026-h1-oda", headers: ["Cookie": session.cookie])
        #expect(answer.status == 409, "\(answer.body)")
        #expect(answer.body.contains("Content/reports/test-plan/2026-h1-oda.yaml дає показнику \(id) кілька значень"), "\(answer.body)")
        #expect(!answer.body.contains("name=\"stamp\""))
    }

    @Test func anEditedFileIsAReportsFileAndNothingElse() {
        #expect(ReportForm.editedFile("reports/test-plan/2026-h1-oda.yaml") == "reports/test-plan/2026-h1-oda.yaml")
        for bad in ["", "site.yaml", "reports/../site.yaml", "reports/./x.yaml", "/reports/x.yaml", "reports//x.yaml",
                    "reports/.hidden.yaml", "reports/x.md", "updates/x.yaml"] {
            #expect(ReportForm.editedFile(bad) == nil, "\(bad)")
        }
    }

    @Test func writesAReplyAsAReportOfItsOwn() async throws {
        let session = try await Session.start(files: ["reports/test-plan/2026-h1-oda.yaml": Self.officialReport])
        defer { session.preview.stop() }
        let form = try await session.client.get("/_edit/reports/reply/test-plan-2026-h1-oda", headers: ["Cookie": session.cookie])
        #expect(form.status == 200)
        #expect(form.body.contains("<title>Відповідь на звіт") && form.body.contains("<strong>ОДА</strong>: виконано — Виконано."))
        #expect(Self.hidden("m.1.1.reply_to", in: form.body) == "test-plan-2026-h1-oda#1.1")
        // Only the answered report's assessments are rows; a measure it did not assess is not.
        #expect(!form.body.contains("name=\"m.2.1.status\""))
        #expect(form.body.contains("Відповідь на оцінки звіту «ОДА, 2026-H1»"))
        var fields = Self.formFields(form.body).filter { !$0.0.hasPrefix("m.1.2.") && !["published", "reporter_name", "m.1.1.narrative"].contains($0.0) }
        fields += [("reporter_name", "Коаліція 1325"), ("m.1.1.narrative", "Звіту про виконання не оприлюднено.")]
        let early = try await session.post("reports/save", fields + [("published", "2026-06-01")])
        #expect(early.status == 422)
        #expect(early.body.contains("відповідь датовано 2026-06-01, раніше за звіт"), "\(early.body)")
        let saved = try await session.post("reports/save", fields + [("published", "2026-07-10")])
        #expect(saved.status == 200, "\(saved.body)")
        let path = session.preview.site.content + "/reports/test-plan/koalitsiia-1325-reply-to-test-plan-2026-h1-oda.yaml"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
        # Звіт про виконання плану; формат: docs/monitoring.md
        plan: test-plan
        period: 2026-H1
        reporter:
          kind: civil-society
          name: "Коаліція 1325"
        published: 2026-07-10
        measures:
          - measure: "1.1"
            reply_to: "test-plan-2026-h1-oda#1.1"
            narrative: "Звіту про виконання не оприлюднено."

        """)
        // A second reply of the same reporter to the same report is refused, the first kept.
        let again = try await session.post("reports/save", fields + [("published", "2026-07-11")])
        #expect(again.status == 409 && again.body.contains("цей звітувач уже відповів на цей звіт"), "\(again.status)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("published: 2026-07-10"))
    }

    /// Latin words a Ukrainian editor page may show: format and program names, YAML keys
    /// and values people type (examples in hints), the breakdown dimensions of the report format.
    static let allowedLatin: Set<String> = MessageCatalogueTests.allowedLatin.union([
        "Markdown", "PlanPress", "H1", "Q3", "sex", "age", "place", "measure", "luhansk", "wps", "serve", "MB",
        "GET", "HEAD", "POST", "reporter", "name", "Atom", "English", "Telegram",
    ])

    /// The English words in what a person sees of a page or an answer: text outside tags and
    /// scripts, visible attributes; references, paths and addresses (with `:` `/` `.` `_` inside) are data.
    static func englishWords(_ body: String) -> [String] {
        var text = body.replacingOccurrences(of: #"<script\b[^>]*>.*?</script>"#, with: " ", options: [.regularExpression])
        var visible = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for attribute in ["title", "alt", "aria-label", "placeholder", "data-t-[a-z]+"] {
            for match in text.matches(of: try! Regex(#"\s"# + attribute + #"="([^"]*)""#)) {
                visible += " " + String(text[match.range]).split(separator: "=", maxSplits: 1).last!.dropFirst().dropLast()
            }
        }
        text = visible.replacingOccurrences(of: #"&[#a-z0-9]+;|\{[a-z_]+\}"#, with: " ", options: .regularExpression)
        var found: [String] = []
        for token in text.split(whereSeparator: \.isWhitespace) {
            let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: ":;,.!?()«»\"'"))
            guard !bare.contains(where: { ":/._@".contains($0) }) else { continue }
            // An id such as a plan's (`test-plan`) quoted by a message is data, not interface.
            guard bare.wholeMatch(of: /[a-z0-9]+(?:-[a-z0-9]+)+/) == nil else { continue }
            for word in bare.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
                let word = String(word)
                if word.contains(where: \.isLetter) && !allowedLatin.contains(word) { found.append(word) }
            }
        }
        return found
    }

    /// The string values of a JSON answer (not its keys; `ref` values are references).
    static func jsonStrings(_ value: Any) -> [String] {
        if let text = value as? String { return [text] }
        if let list = value as? [Any] { return list.flatMap(jsonStrings) }
        if let object = value as? [String: Any] { return object.filter { $0.key != "ref" }.values.flatMap(jsonStrings) }
        return []
    }

    @Test func englishWordsAreFound() {
        #expect(Self.englishWords("<p title=\"Save it\">Зберегти <b>Refused</b>: measure:p/1.1 Content/updates/x.md</p>") == ["Refused", "Save", "it"])
        #expect(Self.englishWords("<script>var x = 'Hidden';</script><p data-t-add=\"Add:\">Додати</p>") == ["Add"])
    }

    /// Every page and answer of the editor and of the preview around it, in the Ukrainian interface:
    /// not one English word (the catalogue and the locale files hold both languages).
    @Test func theUkrainianEditorHasNoEnglish() async throws {
        let session = try await Session.start(files: ["reports/test-plan/2026-h1-oda.yaml": Self.officialReport])
        defer { session.preview.stop() }
        let client = session.client, cookie = ["Cookie": session.cookie]
        var answers: [(String, RawHTTPClient.Response)] = []
        for target in ["/_edit/", "/_edit/updates/new", "/_edit/reports/new", "/_edit/reports/new?plan=test-plan",
                       "/_edit/reports/test-plan-2026-h1-oda", "/_edit/reports/reply/test-plan-2026-h1-oda",
                       "/_edit/reports/new?plan=%D0%BD%D1%96", "/_edit/nothing-here", "/_edit/updates/no-such-update", "/_edit/items.json",
                       "/nothing-here", "/__planpress/reload.js"] {
            answers.append((target, try await client.get(target, headers: cookie)))
        }
        var bad = Self.update
        bad[0] = ("title", "")
        bad[1] = ("date", "2026-02-30")
        bad[3] = ("items", "measure:test-plan/9.9\nне посилання")
        answers.append(("save with errors", try await session.post("updates/save", bad)))
        answers.append(("check with errors", try await session.post("updates/check", bad)))
        answers.append(("report with errors", try await session.post("reports/save", [("plan", "test-plan"), ("period", "колись")])))
        answers.append(("refused", try await session.post("updates/save", Self.update, origin: "http://attacker.example")))
        answers.append(("no session", try await session.post("updates/save", Self.update, cookie: false)))
        answers.append(("not a form", try await client.get("/_edit/updates/save", method: "POST", headers: [
            "Origin": session.origin, "Cookie": session.cookie, "X-CSRF-Token": session.token, "Content-Type": "text/plain"], body: Array("x".utf8))))
        answers.append(("put", try await client.get("/_edit/", method: "PUT", headers: cookie)))
        answers.append(("post to the site", try await client.get("/plany/", method: "POST", headers: cookie)))
        answers.append(("host", try await client.get("/_edit/", host: "attacker.example")))
        answers.append(("413", try await client.get("/_edit/updates/save", method: "POST", headers: [
            "Content-Type": "multipart/form-data; boundary=x", "Origin": session.origin, "Cookie": session.cookie,
            "Content-Length": String(64 * 1024 * 1024)])))
        for (what, answer) in answers {
            var body = answer.body
            if what == "/__planpress/reload.js" {
                // Only the overlay's words: the rest is the script.
                body = EditorTests.after("overlay.textContent = ", in: body, 200).components(separatedBy: " + text")[0]
                #expect(body.contains("Сайт не вдалося зібрати"), "\(body)")
            }
            if answer.headers["content-type"]?.hasPrefix("application/json") == true {
                body = Self.jsonStrings(try JSONSerialization.jsonObject(with: Data(body.utf8))).joined(separator: " ")
            }
            #expect(!body.isEmpty, "\(what)")
            // The fixture plan's measure 1.1 holds an injection attempt as its text (data, shown escaped).
            let words = Self.englishWords(body).filter { $0 != "script" && $0 != "alert" }
            #expect(words.isEmpty, "\(what) (\(answer.status)): \(words)")
        }
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
