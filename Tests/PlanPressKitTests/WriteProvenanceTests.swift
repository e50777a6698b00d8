import Foundation
import Testing
@testable import PlanPressKit

/// Issue 15, defect 13: an error while writing the output names the output path and the
/// content file (with the item's line) the file was made from, in both languages.
@Suite struct WriteProvenanceTests {
    let update = "---\ntitle: \"Засідання ради\"\ndate: 2026-01-10\n---\nТекст\n"

    func site() throws -> TestSite {
        try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                      "sources/test-plan.txt": "Джерело", "updates/zasidannia.md": update])
    }

    /// Builds with a write failure injected at `page`'s file; returns the error and the output path.
    func failure(writing page: PageID, in site: TestSite) throws -> (WriteError, String) {
        let (graph, _, _) = try Builder(options: site.options()).check()
        let path = graph.routes.file(for: page)
        var builder = Builder(options: site.options())
        // What `write(2)` on a full disk gives.
        builder.writeFault = { step in
            if step == "write " + path { throw WriteError(.outputCannotWriteFile(path: path, reason: "No space left on device")) }
        }
        do {
            _ = try builder.build()
        } catch let error as WriteError {
            return (error, site.output + "/" + path)
        }
        Issue.record("the build did not fail writing \(path)")
        return (WriteError(.outputInjectedFailure), path)
    }

    @Test func aMeasurePageNamesItsPlanFileAndLine() throws {
        let site = try site()
        defer { site.remove() }
        let (error, output) = try failure(writing: .measure(PlanID("test-plan"), "1.2"), in: site)
        let line = TestSite.plan.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("number: \"1.2\"") && $0.contains("- ") }! + 1
        let plan = site.content + "/plans/test-plan/plan.yaml:\(line):"
        let english = error.message(.en), ukrainian = error.message(.uk)
        #expect(english.hasPrefix("cannot write \(output), made from \(plan)"), "\(english)")
        #expect(english.contains("No space left on device") && english.hasSuffix("the previous site is unchanged"))
        #expect(ukrainian.hasPrefix("не вдалося записати сторінку \(output), її створено з \(plan)"), "\(ukrainian)")
        #expect(ukrainian.hasSuffix("попередній сайт не змінено"))
        // Nothing was published.
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func anUpdatePageAndACopiedSourceNameTheirFiles() throws {
        let site = try site()
        defer { site.remove() }
        let (updateError, updateOutput) = try failure(writing: .update("zasidannia"), in: site)
        #expect(updateError.message.hasPrefix("cannot write \(updateOutput), made from \(site.content)/updates/zasidannia.md:"),
                "\(updateError.message)")
        let (sourceError, sourceOutput) = try failure(writing: .planSource(PlanID("test-plan")), in: site)
        #expect(sourceError.message.hasPrefix("cannot write \(sourceOutput), made from \(site.content)/sources/test-plan.txt:"),
                "\(sourceError.message)")
    }

    @Test func aSiteWidePageSaysPlanPressMadeIt() throws {
        let site = try site()
        defer { site.remove() }
        let (error, output) = try failure(writing: .home, in: site)
        #expect(error.message.hasPrefix("cannot write \(output), made by PlanPress itself (not from one content file)"), "\(error.message)")
    }

    /// The low-level reason (a real `open(2)` failure) is kept inside the message with the provenance.
    @Test func aRealWriteErrorKeepsItsReason() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-provenance-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let origin = SourceLocation(file: "Content/plans/p/plan.yaml", line: 12, column: 5)
        let session = try OutputSession(output: root + "/Public", failAfter: 0)
        #expect {
            try session.stage([OutputFile(path: "p/1/index.html", text: "x", origin: origin)])
        } throws: { error in
            let message = (error as? WriteError)?.message ?? ""
            return message.hasPrefix("cannot write \(root)/Public/p/1/index.html, made from Content/plans/p/plan.yaml:12:5: injected failure")
        }
        session.abort()
    }
}
