import Foundation
import Testing
@testable import PlanPressKit

/// Interface text comes from `Templates/locales/*.yaml` (`{{t.*}}`) or from
/// data, never from the templates themselves: a Cyrillic or English word in a
/// template's text or in a visible attribute (title, alt, aria-label,
/// placeholder, label) fails here. File-format names in capitals (CSV, JSON,
/// TXT) are the same in every language and allowed.
@Suite struct TemplateStringsTests {
    static let templates = TestSite.repository.appendingPathComponent("Templates")

    /// Words a reader would see, outside Mustache tags.
    static func visibleWords(in template: String) throws -> [String] {
        var text = template.replacingOccurrences(of: #"\{\{\{.*?\}\}\}|\{\{.*?\}\}"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<!--.*?-->"#, with: " ", options: [.regularExpression])
        text = text.replacingOccurrences(of: #"&[A-Za-z]+;|&#[0-9]+;"#, with: " ", options: .regularExpression)
        var visible = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        let attribute = try NSRegularExpression(pattern: #"\s(?:title|alt|aria-label|placeholder|label)="([^"]*)""#)
        for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            visible += " " + String(text[Range(match.range(at: 1), in: text)!])
        }
        let word = try NSRegularExpression(pattern: #"[A-Za-z\x{0400}-\x{04FF}'’ʼ]{2,}"#)
        return word.matches(in: visible, range: NSRange(visible.startIndex..., in: visible))
            .map { String(visible[Range($0.range, in: visible)!]) }
            .filter { !($0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isUppercase }) }
    }

    @Test func templatesHoldNoInterfaceWords() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: TemplateStringsTests.templates.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(files.count > 10)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: TemplateStringsTests.templates.appendingPathComponent(file), encoding: .utf8)
            let words = try TemplateStringsTests.visibleWords(in: text)
            if !words.isEmpty { found.append("Templates/\(file): \(words.joined(separator: " "))") }
        }
        #expect(found.isEmpty, "put these in Templates/locales/uk.yaml and en.yaml and print them with {{t.key}}:\n\(found.joined(separator: "\n"))")
    }

    @Test func theCheckCatchesHardCodedWords() throws {
        #expect(try TemplateStringsTests.visibleWords(in: "<p>Заходи {{count}}</p>") == ["Заходи"])
        #expect(try TemplateStringsTests.visibleWords(in: "<nav aria-label=\"Main menu\">{{t.x}}</nav>") == ["Main", "menu"])
        #expect(try TemplateStringsTests.visibleWords(in: "<a title=\"{{full}}\" href=\"{{url}}\">{{{name}}}</a> (CSV)").isEmpty)
        #expect(try TemplateStringsTests.visibleWords(in: "<button>Search</button>") == ["Search"])
    }

    @Test func everyInterfaceStringTheTemplatesUseExists() throws {
        let (templates, _) = TemplateLoader.load(from: TemplateStringsTests.templates.path)
        let set = try #require(templates)
        let files = try FileManager.default.subpathsOfDirectory(atPath: TemplateStringsTests.templates.path)
            .filter { $0.hasSuffix(".mustache") }
        let key = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([a-z0-9_-]+)\}\}"#)
        var missing: Set<String> = []
        for file in files {
            let text = try String(contentsOf: TemplateStringsTests.templates.appendingPathComponent(file), encoding: .utf8)
            for match in key.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                for (language, strings) in set.locales where strings[name] == nil { missing.insert("\(file): t.\(name) (\(language))") }
            }
        }
        #expect(missing.isEmpty, "\(missing.sorted())")
    }
}
