import Foundation
import Testing
@testable import PlanPressKit

/// The search index: words and stems (shared cases with the browser script),
/// documents of every kind, shards and chunks as written.
@Suite struct SearchTests {
    struct WordCase: Sendable, CustomTestStringConvertible {
        var text: String
        var words: [String]
        var terms: [String]
        var shard: String
        var testDescription: String { text }
    }

    /// Tests/Fixtures/search/words.json, also checked against search.js in tests/e2e/test_search.py.
    static let wordCases: [WordCase] = {
        let url = TestSite.fixtures.appendingPathComponent("search/words.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = object["cases"] as? [[Any]] else { return [] }
        return cases.map { row in
            WordCase(text: row[0] as! String, words: row[1] as! [String], terms: row[2] as! [String], shard: row[3] as! String)
        }
    }()

    @Test func sharedCasesAreLoaded() {
        #expect(SearchTests.wordCases.count > 20)
    }

    @Test(arguments: SearchTests.wordCases)
    func wordsTermsAndShards(_ example: WordCase) {
        #expect(SearchText.words(example.text) == example.words)
        #expect(SearchText.terms(example.text) == example.terms)
        #expect((SearchText.terms(example.text).first.map(SearchText.shardKey) ?? "") == example.shard)
    }

    @Test func apostropheSpellingsAreOneWord() {
        let spellings = ["сім'ї", "сім’ї", "сімʼї", "сім‘ї", "сім`ї"]
        #expect(Set(spellings.map(SearchText.terms)).count == 1)
    }

    @Test func stemsKeepThreeLetters() {
        #expect(SearchText.stem("мір") == "мір")
        #expect(SearchText.stem("миру") == "мир")
        #expect(SearchText.stem("план") == "план")
        #expect(SearchText.stem("планів") == "план")
        #expect(SearchText.stem("women") == "women")
    }

    /// Inflections that must share one stem (fleeting vowels, consonant and і/о alternations).
    @Test(arguments: [["ветеранок", "ветеранки", "ветеранка", "ветеранкам"], ["жінок", "жінки", "жінкам"],
                      ["сімей", "сім’ї", "сім'я", "сім'ями"], ["допомоги", "допомозі", "допомога", "допомогою"],
                      ["розвиток", "розвитку"], ["виконавець", "виконавця", "виконавців"], ["осіб", "особи", "особам"],
                      ["захід", "заходи", "заходів"], ["політиці", "політика"], ["керування", "керуванню", "керуванням"]])
    func inflectionsShareAStem(_ forms: [String]) {
        let stems = forms.map(SearchText.terms)
        #expect(Set(stems).count == 1 && stems[0].count == 1, "\(stems)")
    }

    @Test func synonymsAddTheOtherWordingAtIndexTime() {
        let glossary = [SiteGraph.GlossaryEntry(abbr: "ВПО", full: "внутрішньо переміщені особи", definedIn: [], usedIn: []),
                        SiteGraph.GlossaryEntry(abbr: "план заходів", full: "регіональний план заходів", definedIn: [], usedIn: [])]
        let synonyms = SearchSynonyms(glossary: glossary)
        // An abbreviation finds its full form and back; several-word abbreviations are not synonyms.
        #expect(synonyms.additions(to: SearchText.terms("житло для ВПО")) == SearchText.terms("внутрішньо переміщені особи"))
        #expect(synonyms.additions(to: SearchText.terms("житлом внутрішньо переміщених осіб")).contains("впо"))
        #expect(!synonyms.groups.contains { $0.contains(SearchText.terms("план заходів")) })
        // A paraphrase from the documented list, in any inflection.
        let added = synonyms.additions(to: SearchText.terms("реагування на випадки насильства за ознакою статі"))
        #expect(added.contains(SearchText.terms("гендерне")[0]))
        #expect(synonyms.additions(to: SearchText.terms("рівних прав та можливостей жінок і чоловіків")).contains(SearchText.terms("ґендерна")[0]))
        #expect(synonyms.additions(to: SearchText.terms("насильство")).isEmpty)
    }

    @Test func synonymsAreInTheIndex() throws {
        let documents = [SearchDocument(kind: .measure, plan: 0, heading: "Захід 1", text: "", path: "a/",
                                        fields: [("протидія насильству за ознакою статі", 4)])]
        let index = SearchIndex(documents: documents, synonyms: SearchSynonyms(glossary: []))
        #expect(index.postings[SearchText.terms("гендерне")[0]]?.first?.document == 0)
        #expect(SearchIndex(documents: documents).postings[SearchText.terms("гендерне")[0]] == nil)
    }

    func buildSite() throws -> TestSite {
        try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                      "sources/test-plan.txt": "Джерело", "updates/2026-01-10-kursy.md": SearchTests.update,
                      "reports/coalition-2026-h1.yaml": SearchTests.report])
    }

    static let report = """
        plan: test-plan
        period: 2026-H1
        reporter: {kind: civil-society, name: "Коаліція 1325"}
        published: 2026-06-10
        measures:
          - measure: "1.1"
            status: in-progress
            narrative: "Тренінги для ветеранок провели лише у двох громадах."
        """

    static let update = """
        ---
        title: "Розпочато курси самооборони"
        date: 2026-01-10
        summary: "Перші заняття для жінок громади."
        ---
        Заняття проводять **щотижня**; див. [захід](measure:test-plan/1.1).
        """

    @Test func indexHoldsEveryKindWithItsPage() throws {
        let site = try buildSite()
        defer { site.remove() }
        try site.build()
        let meta = try jsonObject(site, "search/meta.json") as! [String: Any]
        let count = meta["count"] as! Int
        let chunk = meta["chunk"] as! Int
        var documents: [[Any]] = []
        for n in 0..<((count + chunk - 1) / chunk) {
            documents += try jsonObject(site, "search/d/\(n).json") as! [[Any]]
        }
        #expect(documents.count == count)
        let kinds = Set(documents.map { $0[0] as! String })
        #expect(kinds == Set(SearchDocument.Kind.allCases.map(\.rawValue)))
        for document in documents {
            let path = document[4] as! String
            #expect(site.exists(path + "index.html"), "search result without a page: \(path)")
            #expect(site.exists("en/" + path + "index.html"), "search result without an English page: \(path)")
        }
        let update = try #require(documents.first { $0[0] as? String == "update" })
        #expect(update[2] as? String == "Розпочато курси самооборони")
        #expect(update[3] as? String == "Перші заняття для жінок громади.")
        // A report is found by its narratives and leads to its page.
        let report = try #require(documents.first { $0[0] as? String == "report" })
        #expect(report[4] as? String == "reports/coalition-2026-h1/")
        #expect(report[3] as? String == "Тренінги для ветеранок провели лише у двох громадах.")
        let meta2 = try jsonObject(site, "search/meta.json") as! [String: Any]
        let term = SearchText.terms("громадах")[0]
        let reportShard = try jsonObject(site, "search/s/\(SearchText.shardKey(term)).json") as! [String: [Int]]
        let found = try #require(reportShard[term])
        let size = meta2["chunk"] as! Int
        let paths = try stride(from: 0, to: found.count, by: 2).map { found[$0] }.map { number -> String in
            let rows = try jsonObject(site, "search/d/\(number / size).json") as! [[Any]]
            return rows[number % size][4] as! String
        }
        #expect(paths.contains("reports/coalition-2026-h1/"))
    }

    @Test func shardsListTheDocumentsOfATerm() throws {
        let site = try buildSite()
        defer { site.remove() }
        try site.build()
        let meta = try jsonObject(site, "search/meta.json") as! [String: Any]
        let shards = meta["shards"] as! [String]
        #expect(shards.contains("sa"))
        for key in shards { #expect(site.exists("search/s/\(key).json"), "missing shard \(key)") }
        let shard = try jsonObject(site, "search/s/sa.json") as! [String: [Int]]
        let postings = try #require(shard["самооборон"])
        #expect(postings.count % 2 == 0)
        let chunk = meta["chunk"] as! Int
        let found = stride(from: 0, to: postings.count, by: 2).map { postings[$0] }
        let kinds = try found.map { number -> String in
            let rows = try jsonObject(site, "search/d/\(number / chunk).json") as! [[Any]]
            return rows[number % chunk][0] as! String
        }
        // The update's title says «самооборони»: found by the stem «самооборон».
        #expect(kinds.contains("update"))
        #expect(stride(from: 1, to: postings.count, by: 2).allSatisfy { postings[$0] >= 1 })
    }

    @Test func searchPageWorksInBothLanguages() throws {
        let site = try buildSite()
        defer { site.remove() }
        try site.build()
        let uk = try site.page("search/index.html")
        #expect(uk.contains("<label for=\"search-query\">Що шукати</label>"))
        #expect(uk.contains("data-index=\"/plany/search/\" data-root=\"/plany/\""))
        #expect(uk.contains("<script src=\"/plany/assets/search.js\" defer></script>"))
        #expect(uk.contains("role=\"status\" aria-live=\"polite\""))
        let en = try site.page("en/search/index.html")
        #expect(en.contains("data-index=\"/plany/search/\" data-root=\"/plany/en/\""))
        #expect(en.contains("data-kind-measure=\"Measure\""))
        #expect(try site.page("plans/test-plan/index.html").contains("<a href=\"/plany/search/\">Пошук</a>"))
    }

    @Test func indexIsDeterministic() throws {
        let site = try buildSite()
        defer { site.remove() }
        try site.build()
        let first = try site.page("search/s/sa.json") + site.page("search/d/0.json") + site.page("search/meta.json")
        try FileManager.default.removeItem(atPath: site.output)
        try site.build()
        #expect(try site.page("search/s/sa.json") + site.page("search/d/0.json") + site.page("search/meta.json") == first)
    }

    func jsonObject(_ site: TestSite, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(site.page(path).utf8))
    }
}
