import Foundation
import Testing
@testable import PlanPressKit

/// Typed page models (Render/PageModels.swift): the template's vocabulary is
/// checked at load time, and a typed page renders as its dictionary did.
@Suite struct PageModelTests {
    /// A copy of the shipped templates with `edit` applied to one file; the load's diagnostics.
    func load(editing file: String, _ edit: (String) -> String) throws -> (TemplateSet?, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("Templates"), to: folder)
        let url = folder.appendingPathComponent(file)
        try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return TemplateLoader.load(from: folder.path)
    }

    /// The line (1-based) of the first occurrence of `needle` in a shipped template.
    func line(of needle: String, in file: String) throws -> Int {
        let text = try String(contentsOf: TestSite.repository.appendingPathComponent("Templates/\(file)"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func theShippedTemplatesUseOnlyTheirModelsFields() throws {
        let (templates, diagnostics) = try load(editing: "measure.mustache") { $0 }
        #expect(templates != nil)
        #expect(!diagnostics.contains { if case .templateUnknownName = $0.text { return true } else { return false } })
    }

    @Test func aMisspeltFieldIsAnErrorWithFileAndLine() throws {
        let line = try line(of: "<h1>{{level}} {{number}}</h1>", in: "measure.mustache")
        let (templates, diagnostics) = try load(editing: "measure.mustache") {
            $0.replacingOccurrences(of: "<h1>{{level}} {{number}}</h1>", with: "<h1>{{level}} {{numbr}}</h1>")
        }
        #expect(templates == nil)
        let error = try #require(diagnostics.first { if case .templateUnknownName = $0.text { return true } else { return false } })
        #expect(error.severity == .error)
        #expect(error.location?.file.hasSuffix("measure.mustache") == true)
        #expect(error.location?.line == line)
        #expect(error.message.contains("{{numbr}}"))
        #expect(error.message.contains("'number'"))
        #expect(error.message(.uk).contains("measure.mustache"))
    }

    @Test func aMisspeltFieldInTheLayoutNamesTheLayout() throws {
        let line = try line(of: "<link rel=\"canonical\"", in: "layout.mustache")
        let (_, diagnostics) = try load(editing: "layout.mustache") {
            $0.replacingOccurrences(of: "href=\"{{canonical}}\">", with: "href=\"{{canonicl}}\">")
        }
        let errors = diagnostics.filter { if case .templateUnknownName = $0.text { return true } else { return false } }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.file.hasSuffix("layout.mustache") == true)
        #expect(errors.first?.location?.line == line)
    }

    @Test func keysOfDeclaredRecordsAreCheckedToo() throws {
        let (_, diagnostics) = try load(editing: "measure.mustache") {
            $0.replacingOccurrences(of: "{{term.printed}}", with: "{{term.printd}}")
                .replacingOccurrences(of: "<li><a href=\"{{url}}\">{{full_name}}</a>", with: "<li><a href=\"{{url}}\">{{fullname}}</a>")
        }
        let names = diagnostics.compactMap { d -> String? in
            if case .templateUnknownName(let name, _, _) = d.text { return name } else { return nil }
        }
        #expect(names.sorted() == ["fullname", "term.printd"])
    }

    /// Every kind's template is checked against its own model, not only the measure page's:
    /// a misspelt name at the top of each is an error naming that template's file and line.
    @Test(arguments: PageKindModel.all.map(\.template))
    func everyKindsTemplateIsChecked(template: String) throws {
        let file = "\(template).mustache"
        let (templates, diagnostics) = try load(editing: file) { "{{no_such_field}}\n" + $0 }
        #expect(templates == nil)
        let errors = diagnostics.filter { if case .templateUnknownName(let name, _, _) = $0.text { return name == "no_such_field" } else { return false } }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.file.hasSuffix(file) == true)
        #expect(errors.first?.location?.line == 1)
    }

    /// A name one kind has and another lacks is an error only in the template of the kind that lacks it.
    @Test func aFieldOfAnotherKindIsUnknown() throws {
        // `plan_feed_url` is a layout name (every kind has it); `budget_by_goal` is the plan page's own.
        let (_, diagnostics) = try load(editing: "executor.mustache") { "{{plan_feed_url}}{{budget_by_goal}}\n" + $0 }
        let names = diagnostics.compactMap { d -> String? in
            if case .templateUnknownName(let name, _, _) = d.text { return name } else { return nil }
        }
        #expect(names == ["budget_by_goal"])
    }

    @Test func namesInsideUndeclaredSectionsAreNotGuessed() throws {
        // Inside `{{#monitoring}}` (keys not declared) a name may be the section's own.
        let (templates, diagnostics) = try load(editing: "measure.mustache") {
            $0.replacingOccurrences(of: "{{> partials/pager}}", with: "{{#monitoring}}{{anything}}{{/monitoring}}\n{{> partials/pager}}")
        }
        #expect(templates != nil)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func theVocabularyCheckFollowsPartialsParentsAndSectionScopes() throws {
        var renderer = TemplateRenderer(templates: [
            "page": try CompiledTemplate(name: "page", source: "{{<frame}}{{$body}}\n{{#items}}{{k}}{{top}}{{/items}}\n{{> part}}{{/body}}{{/frame}}"),
            "frame": try CompiledTemplate(name: "frame", source: "<{{top}}>{{$body}}{{/body}}\n{{tpo}}"),
            "part": try CompiledTemplate(name: "part", source: "{{#flag}}{{k}}{{/flag}}"),
        ])
        let unknown = renderer.bind(Sample.self, page: "page")
        #expect(unknown.map { "\($0.template):\($0.line):\($0.name)" }.sorted() == ["frame:2:tpo", "part:1:k"])
        #expect(unknown.first { $0.name == "tpo" }?.suggestions == ["top"])
        let html = renderer.render(Sample(), template: "page")
        #expect(html?.hasPrefix("<T>") == true)
        #expect(html?.contains("vTwT") == true)
        #expect(html == renderer.render(Sample().dictionary, template: "page"))
    }

    struct Sample: TemplateModel {
        static let fields = [TemplateField("top"), TemplateField("items", .record(["k"])), TemplateField("flag")]
        func value(ofField index: Int) -> Any? {
            switch index {
            case 0: return "T"
            case 1: return [["k": "v"], ["k": "w"]] as [[String: Any]]
            default: return true
            }
        }
    }
}
