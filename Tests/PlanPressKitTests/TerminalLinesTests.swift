import Foundation
import Testing
@testable import PlanPressKit

/// The lines `build` prints while it works come from the catalogue: Ukrainian by
/// default, English with `--lang en` (which `bench/run.py` passes to read them).
@Suite struct TerminalLinesTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []
        func add(_ line: String) { lock.lock(); all.append(line); lock.unlock() }
        var lines: [String] { lock.lock(); defer { lock.unlock() }; return all }
    }

    func stageLines(_ language: MessageLanguage) throws -> [String] {
        let site = try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                                 "sources/test-plan.txt": "Джерело"])
        defer { site.remove() }
        var options = site.options()
        options.language = language
        let lines = Lines()
        _ = try Builder(options: options, log: { lines.add($0) }).build()
        return lines.lines
    }

    @Test func stageTimesInTheChosenLanguage() throws {
        let uk = try stageLines(.uk), en = try stageLines(.en)
        let ukStages = ["читання вмісту", "читання шаблонів", "зв’язування й перевірка", "складання сторінок", "запис"]
        #expect(uk.map { String($0.prefix { $0 != ":" }) } == ukStages, "\(uk)")
        #expect(uk.allSatisfy { $0.hasSuffix(" с") })
        // The English form bench/run.py reads.
        let stage = try Regex(#"^(load content|load templates|link and validate|render|write): ([0-9.]+) s$"#)
        #expect(en.count == 5 && en.allSatisfy { $0.wholeMatch(of: stage) != nil }, "\(en)")
    }

    @Test func theSummaryLinesReadAsBenchAndTheE2ESuitesExpect() throws {
        let built = Message.siteBuilt(pages: 54, files: 113, unchanged: 0, output: "Public", seconds: "0.95")
        #expect(built.text(.uk) == "зібрано 54 сторінки (113 файлів, без змін 0) у Public за 0.95 с")
        #expect(built.text(.en) == "built 54 pages (113 files, 0 unchanged) into Public in 0.95 s")
        let rebuilt = Message.siteRebuilt(pages: 54, rendered: 3, fullReason: nil, written: 4, removed: 0, output: "Public", seconds: "0.10")
        let watch = try Regex(#"^built (\d+) pages \((?:(\d+) of \d+ pages rendered|all pages rendered: [^;]*); (\d+) files written.* in ([0-9.]+) s$"#)
        #expect(rebuilt.text(.en).wholeMatch(of: watch) != nil)
        #expect(Message.siteRebuilt(pages: 54, rendered: 54, fullReason: .fullRenderFirstBuild, written: 4, removed: 0, output: "Public", seconds: "1.0")
            .text(.uk).contains("усі сторінки заново: перше збирання"))
        // tests/e2e/serve_process.py waits for «перегляд: URL (зібрано в FOLDER)».
        let serving = Message.serving(url: "http://127.0.0.1:8000/", folder: "/tmp/p").text(.uk)
        #expect(serving.hasPrefix("перегляд: ") && serving.split(separator: " ")[1] == "http://127.0.0.1:8000/")
        #expect(serving.components(separatedBy: "(зібрано в ")[1].hasPrefix("/tmp/p)"))
    }
}
