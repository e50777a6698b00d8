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
        var candidates: [[String]]
        var testDescription: String { text }
    }

    /// Tests/Fixtures/search/words.json, also checked against search.js in tests/e2e/test_search.py.
    static let wordCases: [WordCase] = {
        let url = TestSite.fixtures.appendingPathComponent("search/words.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = object["cases"] as? [[Any]] else { return [] }
        return cases.map { row in
            WordCase(text: row[0] as! String, words: row[1] as! [String], terms: row[2] as! [String], shard: row[3] as! String,
                     candidates: row[4] as! [[String]])
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
        #expect(SearchText.words(example.text).map { SearchText.candidates($0, .query) } == example.candidates)
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
        #expect(SearchText.stem("13.4") == "13.4")
    }

    /// Inflections that must share one stem (fleeting vowels, consonant and і/о alternations).
    @Test(arguments: [["ветеранок", "ветеранки", "ветеранка", "ветеранкам"], ["жінок", "жінки", "жінкам"],
                      ["сімей", "сім’ї", "сім'я", "сім'ями"], ["допомоги", "допомозі", "допомога", "допомогою"],
                      ["розвиток", "розвитку"], ["виконавець", "виконавця", "виконавців"], ["осіб", "особи", "особам"],
                      ["захід", "заходи", "заходів"], ["політиці", "політика"], ["керування", "керуванню", "керуванням"],
                      ["зброя", "зброї", "зброю", "зброєю"], ["предмети", "предметів", "предметами"], ["пам’ять", "пам’яті"],
                      ["область", "області", "областях"], ["завдання", "завдань"], ["рішення", "рішень"]])
    func inflectionsShareAStem(_ forms: [String]) {
        let stems = forms.map(SearchText.terms)
        #expect(Set(stems).count == 1 && stems[0].count == 1, "\(stems)")
    }

    /// Forms a light stemmer cuts differently («програм+и», «прогр+ами») meet at the stem the
    /// site's words share; a query word takes the longest of its candidates the index holds.
    @Test func theSiteWordsChooseOneStemPerWord() {
        let family = ["програма", "програми", "програм", "програмах", "програмою"]
        let stemmer = SearchStemmer(words: family + ["системи", "система", "систем"])
        #expect(Set(family.map(stemmer.stem)) == ["програм"])
        #expect(Set(["системи", "система", "систем"].map(stemmer.stem)) == ["систем"])
        for word in family { #expect(SearchText.candidates(word, .query).contains("програм"), "\(word)") }
        // Without other forms to go by, the default stem stays.
        #expect(SearchStemmer(words: ["зброї"]).stem("зброї") == SearchText.stem("зброї"))
    }

    static let vocabulary = SearchVocabulary(
        synonyms: [["переселенці", "переселенки", "внутрішньо переміщені особи"], ["онкодиспансер", "онкологічний диспансер"]],
        russian: [.init(foreign: ["разминирование"], ukrainian: ["розмінування"]), .init(foreign: ["беженцы", "переселенцы"], ukrainian: ["переселенці"])],
        english: [.init(foreign: ["demining", "mine clearance"], ukrainian: ["розмінування"]), .init(foreign: ["idp", "idps"], ukrainian: ["внутрішньо переміщені особи"])])
    static let glossary = [SiteGraph.GlossaryEntry(abbr: "ВПО", full: "внутрішньо переміщені особи", definedIn: [], usedIn: []),
                           SiteGraph.GlossaryEntry(abbr: "план заходів", full: "регіональний план заходів", definedIn: [], usedIn: [])]

    func synonyms(for texts: [String]) -> (SearchSynonyms, SearchStemmer) {
        let stemmer = SearchStemmer(words: texts.flatMap { SearchText.words($0) } + Self.vocabulary.ukrainianWords)
        return (SearchSynonyms(vocabulary: Self.vocabulary, glossary: Self.glossary, stemmer: stemmer), stemmer)
    }

    @Test func synonymGroupsAreClosedAcrossTheListAndTheGlossary() {
        let texts = ["житло для ВПО", "житлом внутрішньо переміщених осіб", "будівництво онкологічного диспансеру"]
        let (synonyms, stemmer) = synonyms(for: texts)
        // «ВПО» (glossary) and «переселенці» (the list) share «внутрішньо переміщені особи»: one group.
        let added = synonyms.additions(to: stemmer.terms(texts[0])).ukrainian
        #expect(added.contains(stemmer.stem("переселенці")) && added.contains(stemmer.stem("переселенки")))
        #expect(synonyms.additions(to: stemmer.terms(texts[1])).ukrainian.contains("впо"))
        #expect(synonyms.additions(to: stemmer.terms(texts[2])).ukrainian.contains(stemmer.stem("онкодиспансер")))
        // Abbreviations of several words are not synonyms; a word alone adds nothing.
        #expect(!synonyms.groups.contains { $0.contains(stemmer.terms("план заходів")) })
        #expect(synonyms.additions(to: stemmer.terms("житло")).ukrainian.isEmpty)
    }

    @Test func russianAndEnglishWordsJoinThePagesOfTheirUkrainianWords() throws {
        let texts = ["організація гуманітарного розмінування", "житло для ВПО"]
        let (synonyms, stemmer) = synonyms(for: texts)
        let foreign = synonyms.additions(to: stemmer.terms(texts[0])).foreign
        #expect(foreign.contains(SearchText.stem("разминирование", .russian)) && foreign.contains("demin") && foreign.contains("clearanc"))
        // Through the group: a page with «ВПО» gets the Russian word listed for «переселенці» and the English for the full form.
        let throughGroup = synonyms.additions(to: stemmer.terms(texts[1])).foreign
        #expect(throughGroup.contains(SearchText.stem("беженцы", .russian)) && throughGroup.contains("idp"))
        // A Russian word whose stem is the Ukrainian one needs nothing added: the query finds that term.
        #expect(!throughGroup.contains(SearchText.stem("переселенцы", .russian)))
        #expect(SearchText.candidates("переселенцы", .query).contains(stemmer.stem("переселенці")))
        #expect(synonyms.translations["demin"] == "розмінування")
        // Every form a reader may type has the listed stem among its candidates.
        for form in ["разминирования", "разминированию", "разминированием"] {
            #expect(SearchText.candidates(form, .query).contains(SearchText.stem("разминирование", .russian)), "\(form)")
        }
        for form in ["эвакуации", "эвакуацией", "эвакуацию"] {
            #expect(SearchText.candidates(form, .query).contains(SearchText.stem("эвакуация", .russian)), "\(form)")
        }
    }

    @Test func theIndexHoldsSynonymsTranslationsAndOwnNumbers() throws {
        let documents = [
            SearchDocument(kind: .measure, plan: 0, heading: "Захід 1.1", text: "", path: "a/", fields: [("житло для ВПО", 4)], numbers: ["1.1"]),
            SearchDocument(kind: .indicator, plan: 0, heading: "1.1-1", text: "", path: "b/", fields: [("кількість заходів 1.1", 4)], numbers: ["1.1-1"]),
            SearchDocument(kind: .measure, plan: 0, heading: "Захід 2.1", text: "", path: "c/", fields: [("гуманітарне розмінування", 4)], numbers: ["2.1"]),
        ]
        let index = SearchIndex(documents: documents, vocabulary: Self.vocabulary, glossary: Self.glossary)
        #expect(index.postings["переселенц"]?.map(\.document) == [0])
        #expect(index.postings["demin"]?.map(\.document) == [2])
        // A number query finds the item with that number above any text that mentions it.
        let number = try #require(index.postings["1.1"])
        #expect(number.first { $0.document == 0 }!.weight == SearchIndex.maximumWeight)
        #expect(number.first { $0.document == 1 }!.weight < SearchIndex.maximumWeight)
        #expect(index.postings["1.1-1"]?.map(\.document) == [1])
        // The shard names the Ukrainian words a foreign term stands for.
        let shards = index.files(plans: [], routes: Routes(baseURL: "/"))
        let shard = try #require(shards.first { $0.path == "search/s/de.json" })
        #expect(String(decoding: shard.bytes, as: UTF8.self).contains("\"demin\":[\"розмінування\",2,"))
        #expect(SearchIndex(documents: documents).postings["переселенц"] == nil)
    }

    @Test func wordListsAreReadWithTheirErrorsLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-vocabulary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("search"), withIntermediateDirectories: true)
        try "# groups\nВПО | внутрішньо переміщені особи\n\nВПО\n".write(to: folder.appendingPathComponent("search/synonyms.txt"), atomically: true, encoding: .utf8)
        try "эвакуация = евакуація\nразминирование розмінування\n = евакуація\n".write(to: folder.appendingPathComponent("search/ru.txt"), atomically: true, encoding: .utf8)
        let sink = DiagnosticSink()
        let vocabulary = SearchVocabulary.load(ContentFiles(root: folder.path), sink: sink)
        #expect(vocabulary.synonyms == [["ВПО", "внутрішньо переміщені особи"]])
        #expect(vocabulary.russian == [.init(foreign: ["эвакуация"], ukrainian: ["евакуація"])])
        let located = sink.diagnostics.map { "\($0.location!.file.hasSuffix("synonyms.txt") ? "synonyms" : "ru"):\($0.location!.line)" }
        #expect(located.sorted() == ["ru:2", "ru:3", "synonyms:4"])
        #expect(sink.diagnostics.allSatisfy { $0.description(.uk).contains("рядок") })
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
        let plan = try #require(documents.first { $0[0] as? String == "plan" })
        #expect(plan[4] as? String == "plans/test-plan/")
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

    /// A body's English name (`en: {name: …}`) is the site's own: the English page names the
    /// body by it in its head, shows it under the Ukrainian name as the site's translation, the
    /// footer of every English page says so, the Ukrainian pages never show it, and the search
    /// finds the body by it. A misspelt key under `en` is an error at its line.
    @Test func englishNamesAreTheSitesTranslationAndFindTheBody() throws {
        let executors = TestSite.executors.replacingOccurrences(
            of: "  short: \"ОДА\"\n", with: "  short: \"ОДА\"\n  en: {name: \"Oblast Chancery\"}\n")
        let plan = TestSite.plan.replacingOccurrences(of: "short_title: \"Тестовий план\"\n",
                                                      with: "short_title: \"Тестовий план\"\nen: {short_title: \"Test plan\"}\n")
        let site = try TestSite(["executors/bodies.yaml": executors, "plans/test-plan/plan.yaml": plan,
                                 "sources/test-plan.txt": "Джерело"])
        defer { site.remove() }
        try site.build()
        let en = try site.page("en/executors/oda/index.html")
        #expect(en.contains("<title>Oblast Chancery · "))
        #expect(en.contains("<h1 lang=\"uk\">Обласна державна адміністрація</h1>"))
        #expect(en.contains("In English (the site&#39;s translation): Oblast Chancery")
                || en.contains("In English (the site's translation): Oblast Chancery"))
        #expect(en.contains("English names of plans and bodies are the site"))
        let uk = try site.page("executors/oda/index.html")
        #expect(!uk.contains("Oblast Chancery"))
        #expect(!uk.contains("English names of plans"))
        let enPlan = try site.page("en/plans/test-plan/index.html")
        #expect(enPlan.contains("<title>Test plan · ") && enPlan.contains("available in Ukrainian only"))
        #expect(!(try site.page("plans/test-plan/index.html")).contains("Test plan"))
        // The search finds the body by its English name.
        let term = SearchText.terms("chancery")[0]
        // (a term from the site's words only, not from the English list, so its entry holds postings alone)
        let shard = try jsonObject(site, "search/s/\(SearchText.shardKey(term)).json") as! [String: [Any]]
        let found = try #require(shard[term]).compactMap { $0 as? Int }
        let meta = try jsonObject(site, "search/meta.json") as! [String: Any]
        let chunk = meta["chunk"] as! Int
        let paths = try stride(from: 0, to: found.count, by: 2).map { found[$0] }.map { number -> String in
            let rows = try jsonObject(site, "search/d/\(number / chunk).json") as! [[Any]]
            return rows[number % chunk][4] as! String
        }
        #expect(paths.contains("executors/oda/"))
        try site.write("executors/bodies.yaml", executors.replacingOccurrences(of: "en: {name:", with: "en: {nmae:"))
        let errors = site.failure()
        #expect(errors.contains { $0.contains("bodies.yaml:") && $0.contains("nmae") }, "\(errors)")
    }

    func jsonObject(_ site: TestSite, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(site.page(path).utf8))
    }
}
