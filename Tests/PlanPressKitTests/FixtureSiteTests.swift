import Foundation
import Testing
@testable import PlanPressKit

/// Fixture sites under Tests/Fixtures/<name>/: valid ones are built and
/// compared with their `expected/` pages byte for byte (re-record with
/// `PLANPRESS_RECORD=1 swift test --filter FixtureSiteTests`); invalid ones
/// must produce exactly the diagnostics in `expected-diagnostics.txt`.
@Suite struct FixtureSiteTests {
    static let recording = ProcessInfo.processInfo.environment["PLANPRESS_RECORD"] != nil
    static let pages = ["index.html", "plans/city-plan/index.html", "plans/city-plan/goals/direction-1/index.html",
                        "plans/city-plan/measures/1.1/index.html", "plans/city-plan/measures/1.2/index.html",
                        "plans/city-plan/measures/1.3/index.html", "plans/city-plan/print/index.html",
                        "plans/city-plan/indicators/1.2-1/index.html", "executors/ngo/index.html", "glossary/index.html",
                        "data/city-plan-budget.csv", "plans/city-plan/source/index.html"]

    func options(_ fixture: String, output: String) -> Builder.Options {
        let root = TestSite.fixtures.appendingPathComponent(fixture)
        return Builder.Options(content: root.appendingPathComponent("Content").path,
                               templates: TestSite.repository.appendingPathComponent("Templates").path, output: output)
    }

    @Test func basicSiteMatchesItsExpectedPages() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-fixture-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Builder(options: options("basic-site", output: output)).build()
        let expected = TestSite.fixtures.appendingPathComponent("basic-site/expected")
        for page in Self.pages {
            let actual = try Data(contentsOf: URL(fileURLWithPath: output + "/" + page))
            let file = expected.appendingPathComponent(page)
            if Self.recording {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: file)
                continue
            }
            let wanted = try Data(contentsOf: file)
            #expect(actual == wanted, "\(page) differs from Tests/Fixtures/basic-site/expected/\(page); re-record with PLANPRESS_RECORD=1 if the change is intended")
        }
    }

    /// The fixture covers a merged cell read by the site and a document that names no issuer.
    @Test func basicSiteCoversAMergedCellReadingAndAnUnnamedIssuer() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-fixture-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try Builder(options: options("basic-site", output: output)).build()
        let measure = try String(contentsOfFile: output + "/plans/city-plan/measures/1.3/index.html", encoding: .utf8)
        #expect(measure.contains("<span class=\"printed\">У тексті документа клітинка порожня.</span>"))
        #expect(measure.contains("<strong>Прочитання сайту: 2025.</strong> Сайт читає її як клітинку, імовірно об’єднану з клітинкою рядка вище (Захід 1.2)"))
        let plan = try String(contentsOfFile: output + "/plans/city-plan/index.html", encoding: .utf8)
        #expect(plan.contains("<dd>документ не називає органу, що його видав чи затвердив</dd>"))
        let json = try String(contentsOfFile: output + "/data/city-plan.json", encoding: .utf8)
        #expect(json.contains("\"issuer\": null"))
    }

    /// The diagnostics of checking a fixture, as printed, compared with its `expected-diagnostics.txt`.
    func checkDiagnostics(_ fixture: String) throws -> (printed: [String], expected: [String]) {
        let root = TestSite.fixtures.appendingPathComponent(fixture)
        var printed: [String] = []
        do {
            _ = try Builder(options: options(fixture, output: "/nonexistent")).check()
        } catch let failure as BuildFailure {
            printed = failure.diagnostics.sortedByLocation().map {
                $0.description.replacingOccurrences(of: root.path + "/", with: "")
            }
        }
        let file = root.appendingPathComponent("expected-diagnostics.txt")
        if Self.recording {
            try (printed.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            return (printed, printed)
        }
        return (printed, try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init))
    }

    @Test func invalidPlanGivesExactlyTheExpectedDiagnostics() throws {
        let (printed, expected) = try checkDiagnostics("invalid-plan")
        #expect(printed == expected)
        #expect(printed.count >= 5)
    }

    /// A citation whose lines do not contain the text: each field that is not found is an error
    /// at its own line and column; a correction whose printed form is not there is one too.
    @Test func citationsWhoseLinesLackTheTextGiveExactlyTheExpectedDiagnostics() throws {
        let (printed, expected) = try checkDiagnostics("bad-citation")
        #expect(printed == expected)
        #expect(printed.contains { $0.hasPrefix("Content/plans/cited-plan/plan.yaml:46:15: помилка: захід 1.2: текст «Створення профілю громади» — у рядках 5 файлу cited-plan.txt цього немає") })
    }
}
