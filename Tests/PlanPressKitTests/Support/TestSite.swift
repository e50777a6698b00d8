import Foundation
@testable import PlanPressKit

/// A small site written inline as `[path: contents]` into a temporary folder
/// (Publish's and Hugo's txtar style), with the repository's real templates.
struct TestSite {
    let root: URL
    var content: String { root.appendingPathComponent("Content").path }
    var output: String { root.appendingPathComponent("Public").path }
    var templates: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")

    /// Files relative to `Content/`. `site.yaml` gets a default unless given.
    init(_ files: [String: String], templates: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-test-\(UUID().uuidString)")
        self.templates = templates ?? TestSite.repository.appendingPathComponent("Templates").path
        var all = files
        if all["site.yaml"] == nil { all["site.yaml"] = TestSite.defaultSettings }
        for (path, text) in all { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent("Content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func options(baseURL: String? = nil, strict: Bool = false, drafts: Bool = false) -> Builder.Options {
        Builder.Options(content: content, templates: templates, output: output, baseURL: baseURL, includeDrafts: drafts, strict: strict)
    }

    @discardableResult
    func build(baseURL: String? = nil, drafts: Bool = false) throws -> Builder.Result {
        try Builder(options: options(baseURL: baseURL, drafts: drafts)).build()
    }

    /// The diagnostics of a failing check, as printed (in English unless asked), with the temp folder replaced by `Content`.
    func failure(strict: Bool = false, language: MessageLanguage = .en) -> [String] {
        do {
            _ = try Builder(options: options(strict: strict)).check()
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.sortedByLocation().map { $0.description(language).replacingOccurrences(of: content, with: "Content") }
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    func page(_ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + path) }

    func remove() { try? FileManager.default.removeItem(at: root) }

    static let defaultSettings = """
    title: "Тестовий сайт"
    description: "Опис"
    base_url: "https://example.org/plany/"
    as_of: 2026-06-15
    """

    static let executors = """
    - id: oda
      name: "Обласна державна адміністрація"
      short: "ОДА"
      kind: authority
    - id: dszn
      name: "Департамент соціального захисту населення"
      kind: unit
      parent: oda
    - id: police
      name: "Головне управління Національної поліції"
      short: "ГУНП"
      kind: territorial-body
    """

    /// A plan with two levels of goals, budgets and a stated total.
    static let plan = """
    id: test-plan
    title: "Тестовий план заходів"
    short_title: "Тестовий план"
    period: {from: 2025, to: 2027}
    source: test-plan.txt
    levels:
      - {name: "Ціль", plural: "Цілі", slug: goal}
      - {name: "Завдання", plural: "Завдання", slug: task}
      - {name: "Захід", plural: "Заходи", slug: measure}
    abbreviations:
      - {abbr: "ГУНП", full: "Головне управління Національної поліції", defined: true}
    budget:
      unit: "тис. грн"
      years: [2025, 2026, 2027]
      sources:
        - {id: local, name: "Місцевий бюджет", spellings: ["Місцевий бюджет", "Міський бюджет"]}
        - {id: other, name: "Інші джерела", spellings: ["Інші"]}
      stated_totals:
        label: "ВСЬОГО"
        lines:
          - {source: "Місцевий бюджет", amounts: {2025: "10,0", 2026: "1 234,5", 2027: "0,0"}}
    goals:
      - number: "1"
        title: "Перша ціль"
        goals:
          - number: "1.1"
            title: "Перше завдання"
            measures:
              - number: "1.1"
                printed_number: "1)"
                text: "Провести навчання разом з ГУНП <script>alert(1)</script>"
                responsible:
                  printed: "Департамент соціального захисту населення, ГУНП (за згодою)"
                  executors:
                    - dszn
                    - {id: police, consent: true}
                term: "2025–2026"
                indicators:
                  - "кількість навчань"
                  - text: "охоплено не менше 100 осіб"
                    target: {printed: "не менше 100 осіб", value: "100", unit: "осіб", comparator: at-least}
                funding:
                  lines:
                    - {source: "Міський бюджет", amounts: {2025: "10,0", 2026: "1 234,5", 2027: "-"}}
              - number: "1.2"
                text: "Оновити сайт"
                responsible:
                  executors: [oda]
                term: "IV квартал"
                funding: {status: not-needed, printed: "Не потребує"}
      - number: "2"
        title: "Друга ціль"
        goals:
          - number: "2.1"
            title: "Друге завдання"
            measures:
              - number: "2.1"
                text: "Захід без строку"
    """
}
