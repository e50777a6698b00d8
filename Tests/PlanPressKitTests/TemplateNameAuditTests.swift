import Foundation
import Testing
@testable import PlanPressKit

/// Every name the templates print is found on some page. The load-time check (`PageModelTests`)
/// covers a page model's own fields, but not the names inside a section over a list of
/// dictionaries: a key the code never sets printed nothing on every page, silently (the goal
/// path above each group of an executor's measures did so from the first version).
@Suite(.serialized) struct TemplateNameAuditTests {
    /// Names the shipped site and the fixture sites do not reach, each with why.
    static let unreached: [String: String] = [:]

    @Test func everyTemplateNameIsFoundOnSomePage() throws {
        let audit = NameAudit()
        let fixtures = ["basic-site", "monitoring-history", "monitoring-disagree", "open-data"]
        let roots = [TestSite.repository.appendingPathComponent("Content")]
            + fixtures.map { TestSite.fixtures.appendingPathComponent($0).appendingPathComponent("Content") }
        for content in roots {
            let options = Builder.Options(content: content.path, templates: TestSite.repository.appendingPathComponent("Templates").path,
                                          output: FileManager.default.temporaryDirectory.appendingPathComponent("planpress-audit-\(UUID().uuidString)").path)
            let checked = try Builder(options: options).check()
            var templates = checked.templates
            templates.renderer.audit = audit
            let pages = try SiteRenderer(graph: checked.graph, templates: templates).render().pages
            #expect(pages > 20, "\(content.path)")
        }
        #expect(audit.looked > 500)
        let never = audit.neverFound.map(\.description)
        #expect(never.filter { Self.unreached[$0] == nil } == [], "names no page finds")
        #expect(Self.unreached.keys.filter { !never.contains($0) }.sorted() == [], "listed as unreached but found now")
    }

    @Test func aNameTheCodeNeverSetsIsReported() throws {
        let template = try CompiledTemplate(name: "rows", source: "{{#rows}}{{#has_path}}<p>{{path}}</p>{{/has_path}}{{name}}\n{{/rows}}")
        var renderer = TemplateRenderer(templates: ["rows": template])
        let audit = NameAudit()
        renderer.audit = audit
        let html = renderer.render(["rows": [["name": "a", "path": "x"], ["name": "b"]] as [[String: Any]]], template: "rows")
        #expect(html == "a\nb\n")
        #expect(audit.neverFound.map(\.description) == ["rows.mustache:1: has_path"])
    }
}
