import Foundation
import Testing
@testable import PlanPressKit

/// `docs/templates.md` is the page models' own list of names (`TemplateReference`):
/// a model that gains, loses or renames a field fails here until the file is remade.
@Suite struct TemplateReferenceTests {
    @Test func theTemplateReferenceIsTheModelsFields() throws {
        let url = TestSite.repository.appendingPathComponent("docs/templates.md")
        let made = TemplateReference.markdown()
        if ProcessInfo.processInfo.environment["PLANPRESS_RECORD"] == "1" {
            try made.write(to: url, atomically: true, encoding: .utf8)
        }
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(file == made, "docs/templates.md differs from the page models: PLANPRESS_RECORD=1 swift test --filter TemplateReferenceTests")
    }

    @Test func everyPageKindIsListedWithEachOfItsFields() {
        let text = TemplateReference.markdown()
        for kind in PageKindModel.all {
            #expect(text.contains("## \(kind.template) — `Templates/\(kind.template).mustache`"))
            for field in kind.model.fields.dropFirst(LayoutFields.count) {
                #expect(text.contains("| `\(field.name)` |"), "\(kind.template): \(field.name)")
            }
        }
        // The measure page's term is a declared record: its names are listed.
        #expect(text.contains("`due_iso`"))
    }

    /// Every page the site renders has a kind in the list (and so a checked template).
    @Test func everyRenderedTemplateIsAListedKind() throws {
        let options = Builder.Options(content: TestSite.repository.appendingPathComponent("Content").path,
                                      templates: TestSite.repository.appendingPathComponent("Templates").path)
        let (graph, templates, _) = try Builder(options: options).check()
        let renderer = PageRenderer(graph: graph, templates: templates, language: "uk", routes: graph.routes, otherRoutes: nil)
        let listed = Set(PageKindModel.all.map(\.template))
        let rendered = Set(renderer.pageIDs().map { renderer.model(for: $0).0 })
        #expect(rendered.isSubset(of: listed), "\(rendered.subtracting(listed))")
        #expect(rendered.count >= 20)
    }
}
