import Foundation
import Testing
@testable import PlanPressKit

/// «Імпортувати план» in the editor (part of `EditorTests`, which runs serialized with the other
/// server suites): upload, review list, confirm; the same origin, session and CSRF checks; refusals
/// by their field with nothing written.
extension EditorTests {
    @Test func aPlanIsImportedFromItsWordTableAfterTheReviewList() async throws {
        let session = try await Session.start()
        defer { session.preview.stop() }
        let content = session.preview.site.content
        let index = try await session.client.get("/_edit/")
        #expect(index.body.contains("href=\"/_edit/plans/import\"") && index.body.contains("Імпортувати план"))
        let form = try await session.client.get("/_edit/plans/import", headers: ["Cookie": session.cookie])
        #expect(form.status == 200)
        #expect(form.body.contains("enctype=\"multipart/form-data\"") && form.body.contains("type=\"file\""))
        let document = [UInt8](try Data(contentsOf: WordImportTests.fixtures.appendingPathComponent("rows-per-source.docx")))

        // Step 1: read. The review list in Ukrainian, each item with its line quoted; nothing written yet.
        let read = try await multipart(session, "plans/import/read", [("id", "hromada-2025")], files: [("document", "План громади.docx", document)])
        #expect(read.status == 200, "\(read.body.prefix(2000))")
        #expect(read.body.contains("План заходів громади на 2025–2026 роки"))
        #expect(read.body.contains("рядок 14") && read.body.contains("ГО «Світло»") && read.body.contains("немає в реєстрі"))
        #expect(read.body.contains("Записати план"))
        // What was read, in the document's order, each row with its source line.
        #expect(read.body.contains("Що прочитано"))
        let outline = EditorTests.after("<table class=\"outline\">", in: read.body, 20_000)
        let goal = outline.range(of: "Безпека громади"), first = outline.range(of: "<td>Облаштування укриттів</td>"),
            second = outline.range(of: "<td>Навчання з першої допомоги</td>")
        #expect(goal != nil && first != nil && second != nil)
        if let goal, let first, let second { #expect(goal.lowerBound < first.lowerBound && first.lowerBound < second.lowerBound) }
        #expect(outline.contains("<td>Відділ освіти, ГО «Світло» (за згодою)</td>") && outline.contains("<td>рядок "))
        #expect(!FileManager.default.fileExists(atPath: content + "/plans/hromada-2025"))
        let upload = EditorTests.hidden("upload", in: read.body)
        #expect(!upload.isEmpty)

        // Without the session's token: refused, nothing written.
        let forged = try await session.post("plans/import/save", [("upload", upload), ("id", "hromada-2025")], token: "0000")
        #expect(forged.status == 403)
        #expect(!FileManager.default.fileExists(atPath: content + "/plans/hromada-2025"))

        // Step 2: confirm. The files are written; the page links to the plan in the preview.
        let saved = try await session.post("plans/import/save", [("upload", upload), ("id", "hromada-2025"), ("table", ""), ("columns", "")])
        #expect(saved.status == 200, "\(saved.body.prefix(2000))")
        #expect(saved.body.contains("План записано"))
        let planURL = EditorTests.after("<a class=\"button\" href=\"", in: saved.body, 200).prefix { $0 != "\"" }.description
        #expect(planURL.hasSuffix("/hromada-2025/"), "\(planURL)")
        for path in ["plans/hromada-2025/plan.yaml", "plans/hromada-2025/REVIEW.md", "sources/hromada-2025.txt", "sources/hromada-2025.docx",
                     "executors/hromada-2025.yaml"] {
            #expect(FileManager.default.fileExists(atPath: content + "/" + path), "\(path)")
        }
        #expect(FileManager.default.contents(atPath: content + "/sources/hromada-2025.docx").map([UInt8].init) == document)

        // The plan appears in the preview (drafts shown) once it has rebuilt.
        let client = session.client
        #expect(try await eventually { try await client.get(planURL).status == 200 })
        #expect(try await client.get(planURL).body.contains("План заходів громади на 2025–2026 роки"))

        // A second confirmation writes nothing: the editor no longer holds the document.
        let stamp = try String(contentsOfFile: content + "/plans/hromada-2025/plan.yaml", encoding: .utf8)
        let again = try await session.post("plans/import/save", [("upload", upload), ("id", "hromada-2025")])
        #expect(again.status == 422 && again.body.contains("виберіть файл ще раз"))
        // The same document again under the same id: refused by the id field, as the command refuses it.
        let taken = try await multipart(session, "plans/import/read", [("id", "hromada-2025")], files: [("document", "План громади.docx", document)])
        #expect(taken.status == 422 && taken.body.contains("уже є, і імпорт нічого не перезаписує"))
        #expect(EditorTests.after("data-field=\"id\"", in: taken.body, 2000).contains("aria-invalid=\"true\""))
        #expect(try String(contentsOfFile: content + "/plans/hromada-2025/plan.yaml", encoding: .utf8) == stamp)

        // A PDF is refused by its field, in Ukrainian, and nothing is written.
        let pdf = try await multipart(session, "plans/import/read", [("id", "inshyi-plan")], files: [("document", "план.pdf", Array("%PDF-1.7".utf8))])
        #expect(pdf.status == 422)
        #expect(pdf.body.contains("це PDF") && pdf.body.contains("aria-invalid=\"true\""))
        #expect(!FileManager.default.fileExists(atPath: content + "/plans/inshyi-plan"))
        // No file chosen.
        let none = try await multipart(session, "plans/import/read", [("id", "inshyi-plan")])
        #expect(none.status == 422 && none.body.contains("виберіть документ Word"))
    }

    /// A document over the editor's limit is refused by its field with the command's message (the
    /// limit named), before it is read; nothing is kept or written.
    @Test func aWordDocumentOverTheEditorsLimitIsRefusedByItsField() async throws {
        // The editor keeps 1 MB of a request for the rest of the form and never goes below 1 MB for a
        // document: with 1.5 MB requests, a 1.2 MB file reaches the editor and is over its limit.
        let session = try await Session.start(limits: .init(maxBodyBytes: 1536 * 1024))
        defer { session.preview.stop() }
        let content = session.preview.site.content
        let fixture = [UInt8](try Data(contentsOf: WordImportTests.fixtures.appendingPathComponent("rows-per-source.docx")))
        let document = fixture + [UInt8](repeating: 0, count: 1200 * 1024 - fixture.count)
        #expect(document.count > 1024 * 1024 && document.count < 1536 * 1024 - 64 * 1024)
        let big = try await multipart(session, "plans/import/read", [("id", "velykyi-plan")], files: [("document", "великий.docx", document)])
        #expect(big.status == 422)
        #expect(big.body.contains("великий.docx: файл більший за") && big.body.contains("межу для документа"))
        #expect(EditorTests.after("data-field=\"document\"", in: big.body, 3000).contains("aria-invalid=\"true\""))
        #expect(!FileManager.default.fileExists(atPath: content + "/plans/velykyi-plan"))
        #expect(!FileManager.default.fileExists(atPath: content + "/sources/velykyi-plan.docx"))
    }
}
