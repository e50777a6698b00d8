import Foundation
import Mustache
import Testing
@testable import PlanPressKit

/// The compiled renderer gives the same output as swift-mustache.
@Suite struct TemplateEngineTests {
    func render(_ templates: [String: String], _ context: [String: Any], _ name: String = "main") throws -> (ours: String, reference: String) {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (templateName, text) in templates {
            library.register(try MustacheTemplate(string: text), named: templateName)
            compiled[templateName] = try CompiledTemplate(name: templateName, source: text)
        }
        let ours = TemplateRenderer(templates: compiled).render(context, template: name) ?? "<none>"
        return (ours, library.render(context, withTemplate: name) ?? "<none>")
    }

    @Test func variablesAreEscapedUnlessRaw() throws {
        let r = try render(["main": "{{a}}|{{{a}}}|{{&a}}|{{n}}|{{missing}}"], ["a": "<b>&\"'", "n": 5])
        #expect(r.ours == "&lt;b&gt;&amp;&quot;&#39;|<b>&\"'|<b>&\"'|5|")
        #expect(r.ours == r.reference)
    }

    @Test func sectionsOverListsBooleansAndObjects() throws {
        let template = "{{#list}}[{{name}}{{#flag}}!{{/flag}}]{{/list}}{{^empty}}none{{/empty}}{{#obj}}{{x}}{{/obj}}{{#no}}hidden{{/no}}"
        let context: [String: Any] = ["list": [["name": "a", "flag": true], ["name": "b", "flag": false]] as [[String: Any]],
                                      "empty": [[String: Any]](), "obj": ["x": "y"], "no": false]
        let r = try render(["main": template], context)
        #expect(r.ours == "[a!][b]noney")
        #expect(r.ours == r.reference)
    }

    @Test func namesFallThroughToOuterContextsButDottedPartsDoNot() throws {
        let template = "{{#items}}{{title}}-{{outer}}-{{t.k}}{{/items}}|{{a.b.c}}|{{a.x.c}}"
        let context: [String: Any] = ["items": [["title": "i"]] as [[String: Any]], "outer": "o", "t": ["k": "v"] as [String: String],
                                      "a": ["b": ["c": "deep"] as [String: Any]] as [String: Any], "c": "top"]
        let r = try render(["main": template], context)
        #expect(r.ours == "i-o-v|deep|")
        #expect(r.ours == r.reference)
    }

    /// Records (numbered names) render as the dictionaries they stand for: their own names, the
    /// names of the record they extend, outer contexts for the rest; empty fields fall through.
    @Test func recordsRenderAsTheirDictionaries() throws {
        let item = RecordShape(["title", "url", "nested", "empty"])
        let row = RecordShape(["role", "title"])
        let base = Record(item, ["title": "Захід 1", "url": "/m/1/", "nested": Record(RecordShape(["x"]), ["x": "deep"])])
        let rows = [Record(row, ["role": "за згодою"], extending: base),
                    Record(row, ["role": false, "title": "own"], extending: base)]
        let template = "{{#rows}}[{{title}}|{{url}}|{{#role}}{{role}}{{/role}}|{{nested.x}}|{{empty}}{{outer}}|{{t.k}}]{{/rows}}{{^none}}-{{/none}}"
        let context: [String: Any] = ["rows": rows, "outer": "o", "empty": "outer-empty", "t": ["k": "v"] as [String: String], "none": [Record]()]
        let r = try render(["main": template], context)
        #expect(r.ours == "[Захід 1|/m/1/|за згодою|deep|outer-emptyo|v][own|/m/1/||deep|outer-emptyo|v]-")
        #expect(r.ours == r.reference)
        // Names a template numbers after a shape was made are not the shape's: looked up outside it.
        let later = try CompiledTemplate(name: "later", source: "{{#rows}}{{a-name-no-shape-has}}{{/rows}}")
        let out = TemplateRenderer(templates: ["later": later]).render(["rows": rows, "a-name-no-shape-has": "outside"], template: "later")
        #expect(out == "outsideoutside")
        #expect(rows[0].dictionary["title"] as? String == "Захід 1" && rows[0]["role"] as? String == "за згодою")
    }

    @Test func partialsParentsAndBlocks() throws {
        let templates = [
            "layout": "<html>\n{{$head}}default head{{/head}}\n<main>\n{{$content}}{{/content}}\n</main>\n</html>\n",
            "partials/item": "<li>{{.}}</li>",
            "main": "{{<layout}}{{$content}}<ul>{{#xs}}{{> partials/item}}{{/xs}}</ul>{{/content}}{{/layout}}",
        ]
        let r = try render(templates, ["xs": ["a", "b"]])
        #expect(r.ours == "<html>\ndefault head\n<main>\n<ul><li>a</li><li>b</li></ul>\n</main>\n</html>\n")
        #expect(r.ours == r.reference)
    }

    @Test func standaloneTagLinesDisappear() throws {
        let template = "<ul>\n  {{#xs}}\n  <li>{{.}}</li>\n  {{/xs}}\n  {{! comment }}\n</ul>\n{{#flag}} inline {{/flag}}\n"
        let r = try render(["main": template], ["xs": ["a"], "flag": true])
        #expect(r.ours == "<ul>\n  <li>a</li>\n</ul>\n inline \n")
        #expect(r.ours == r.reference)
    }

    @Test func syntaxErrorsCarryTheirLine() {
        #expect(throws: TemplateSyntaxError.self) { try CompiledTemplate(name: "x", source: "a\n{{#open}}\nb") }
        do {
            _ = try CompiledTemplate(name: "x", source: "a\n\n{{#a}}{{/b}}")
            Issue.record("expected an error")
        } catch let error as TemplateSyntaxError {
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Every page of the shipped site, in every language, renders identically with both engines.
    @Test func everyRealPageMatchesSwiftMustache() throws {
        let options = Builder.Options(content: TestSite.repository.appendingPathComponent("Content").path,
                                      templates: TestSite.repository.appendingPathComponent("Templates").path)
        let (graph, templates, _) = try Builder(options: options).check()
        var compared = 0
        var differing: [String] = []
        for language in templates.locales.keys.sorted() {
            let routes = language == graph.site.settings.language ? graph.routes : graph.routes.withLocale("\(language)/")
            let renderer = PageRenderer(graph: graph, templates: templates, language: language, routes: routes, otherRoutes: nil)
            for page in renderer.pageIDs() {
                let (name, model) = renderer.model(for: page)
                let context = model.dictionary
                // Ours as the build renders it (from the typed page model), swift-mustache from the model's names as a dictionary.
                let ours: String? = renderer.renderTemplate(page)
                let reference = templates.library.render(context, withTemplate: name)
                compared += 1
                if ours != reference {
                    if differing.isEmpty, let ours, let reference {
                        try? ours.write(toFile: NSTemporaryDirectory() + "planpress-ours.html", atomically: true, encoding: .utf8)
                        try? reference.write(toFile: NSTemporaryDirectory() + "planpress-reference.html", atomically: true, encoding: .utf8)
                    }
                    differing.append("\(language) \(page)")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) pages differ, first: \(differing.prefix(3)); the first pair is in \(NSTemporaryDirectory())planpress-ours.html and planpress-reference.html")
        #expect(compared > 1000)
    }
}
