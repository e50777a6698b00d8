import Foundation
import Testing
@testable import PlanPressKit

/// The shipped word lists (`Templates/search/`) against the shipped plans: every
/// Ukrainian wording of the Russian and English lists occurs in the documents (so
/// each entry finds something), every synonym group holds a wording that occurs,
/// and the real index answers the words readers type in Russian and English.
@Suite(.serialized) struct SearchVocabularyTests {
    static let loaded: (graph: SiteGraph, vocabulary: SearchVocabulary, documents: [SearchDocument]) = {
        let templates = TestSite.repository.appendingPathComponent("Templates").path
        let options = Builder.Options(content: RealContentTests.content, templates: templates)
        let (graph, _, _) = try! Builder(options: options).check()
        let (set, _) = TemplateLoader.load(from: templates)
        return (graph, set!.search, SearchDocuments.collect(graph))
    }()

    /// The term sequence of every field of every shipped document, stemmed as the index stems them.
    static let fields: (stemmer: SearchStemmer, terms: [[String]]) = {
        let words = loaded.documents.flatMap { $0.fields.map { SearchText.words($0.0).filter { !SearchText.stopWords.contains($0) } } }
        let stemmer = SearchStemmer(words: Set(words.flatMap { $0 }).union(loaded.vocabulary.ukrainianWords))
        return (stemmer, words.map { $0.map(stemmer.stem) })
    }()

    static func occurs(_ wording: String) -> Bool {
        let run = fields.stemmer.terms(wording)
        guard !run.isEmpty else { return false }
        return fields.terms.contains { terms in
            terms.count >= run.count && (0...(terms.count - run.count)).contains { terms[$0..<($0 + run.count)].elementsEqual(run) }
        }
    }

    @Test func theListsAreShippedAndLarge() {
        let vocabulary = Self.loaded.vocabulary
        #expect(vocabulary.russian.count >= 150)
        #expect(vocabulary.english.count >= 150)
        #expect(vocabulary.synonyms.count >= 20)
    }

    /// A wording occurs in the plans, or belongs to a synonym group one of whose wordings does
    /// («переселенці» is not in the plans; «ВПО», of its group, is).
    @Test func everyUkrainianWordingOfTheListsOccursInThePlans() {
        let vocabulary = Self.loaded.vocabulary
        let reachable = Set(vocabulary.synonyms.filter { $0.contains(where: Self.occurs) }.flatMap { $0 })
        let missing = (vocabulary.russian + vocabulary.english).flatMap(\.ukrainian).filter { !reachable.contains($0) && !Self.occurs($0) }
        #expect(missing.isEmpty, "not in the shipped plans: \(Set(missing).sorted())")
    }

    @Test func everySynonymGroupHasAWordingThatOccurs() {
        let idle = Self.loaded.vocabulary.synonyms.filter { !$0.contains(where: Self.occurs) }
        #expect(idle.isEmpty, "groups none of whose wordings is in the plans: \(idle)")
    }

    /// Through the real index: a Russian or English word reaches the page of its Ukrainian word.
    @Test(arguments: [("разминирование", SearchText.Language.russian, "plans/luhansk-strategy-2027/measures/4.1.1.1/"),
                      ("эвакуация", .russian, "plans/minreintegration-2024/measures/2/"),
                      ("пленные", .russian, "plans/minreintegration-2024/measures/3/"),
                      ("demining", .ukrainian, "plans/luhansk-strategy-2027/measures/4.1.1.1/"),
                      ("burnout", .ukrainian, "plans/luhansk-wps-2026-2030/measures/16.1/"),
                      ("переселенки", .ukrainian, "plans/minreintegration-2024/measures/5/"),
                      ("онкодиспансер", .ukrainian, "plans/luhansk-strategy-2027/measures/2.2.1.2/")])
    func aForeignWordFindsTheUkrainianPage(word: String, language: SearchText.Language, path: String) throws {
        let index = Self.index
        let term = language == .russian ? SearchText.stem(word, .russian)
            : SearchText.candidates(word, .query).first { index.postings[$0] != nil } ?? word
        let documents = try #require(index.postings[term], "no term \(term) for «\(word)»").map(\.document)
        #expect(documents.contains { index.documents[$0].path == path }, "«\(word)» does not reach \(path)")
    }

    /// A rebuild's index (`serve`, `build --watch`) keeps each document's words and weights and the
    /// stems while the site's set of words stays the same: its files equal a fresh index's after any edit.
    @Test func aCachedIndexEqualsAFreshOne() throws {
        let (vocabulary, glossary) = (Self.loaded.vocabulary, Self.loaded.graph.glossary)
        let cache = SearchIndex.Cache()
        func check(_ documents: [SearchDocument], stemsKept: Bool, _ what: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            let cached = SearchIndex(documents: documents, vocabulary: vocabulary, glossary: glossary, cache: cache)
            let fresh = SearchIndex(documents: documents, vocabulary: vocabulary, glossary: glossary)
            let routes = Routes(baseURL: "/")
            let (a, b) = (cached.files(plans: [], routes: routes), fresh.files(plans: [], routes: routes))
            #expect(a.map(\.path) == b.map(\.path), what, sourceLocation: sourceLocation)
            let differing = zip(a, b).filter { $0.bytes != $1.bytes }.map(\.0.path)
            #expect(differing.isEmpty, "\(what): \(differing.prefix(5))", sourceLocation: sourceLocation)
            #expect(cache.stemsKept == stemsKept, what, sourceLocation: sourceLocation)
        }
        var documents = Self.loaded.documents
        check(documents, stemsKept: false, "first build")
        // A text made of words the site has: the same stems, one document counted again.
        documents[3].fields[0].0 += " " + documents[7].fields[0].0
        check(documents, stemsKept: true, "words of other documents")
        // A word the site did not have: stems chosen again.
        documents[5].fields[0].0 += " миротворчинями"
        check(documents, stemsKept: false, "a new word")
        // The word moves to another document: the set of words is the same.
        documents[5].fields[0].0 = String(documents[5].fields[0].0.dropLast(" миротворчинями".count))
        documents[9].fields[0].0 += " миротворчинями"
        check(documents, stemsKept: true, "a word moved")
        // The only document with a word removed: the set shrinks.
        documents.remove(at: 9)
        check(documents, stemsKept: false, "a document removed")
        check(documents, stemsKept: true, "nothing changed")
    }

    nonisolated(unsafe) static let index = SearchIndex(documents: loaded.documents, vocabulary: loaded.vocabulary, glossary: loaded.graph.glossary)

    @Test func planPagesAreInTheIndex() {
        let plans = Self.index.documents.filter { $0.kind == .plan }.map(\.path)
        #expect(plans.count == Self.loaded.graph.plans.count)
        #expect(plans.contains("plans/luhansk-strategy-2027/"))
    }
}
