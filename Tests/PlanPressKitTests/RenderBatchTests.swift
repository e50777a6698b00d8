import Foundation
import Testing
@testable import PlanPressKit

/// The renderer hands pages to the writer in batches bounded by bytes as well as by count, so
/// memory stays bounded when pages are large (executor pages at 100k average 180 KB).
@Suite struct RenderBatchTests {
    @Test func batchesStopAtTheirByteBoundAndTogetherHoldTheWholeSite() throws {
        let root = TestSite.fixtures.appendingPathComponent("basic-site")
        let options = Builder.Options(content: root.appendingPathComponent("Content").path,
                                      templates: TestSite.repository.appendingPathComponent("Templates").path,
                                      output: FileManager.default.temporaryDirectory.appendingPathComponent("planpress-batch-\(UUID().uuidString)").path)
        let checked = try Builder(options: options).check()
        let whole = try SiteRenderer(graph: checked.graph, templates: checked.templates).render().files
        var renderer = SiteRenderer(graph: checked.graph, templates: checked.templates)
        renderer.batchBytes = 30_000
        renderer.chunkSize = 3
        var batches: [[OutputFile]] = []
        let pages = try renderer.render { batches.append($0) }
        #expect(pages > 20)
        // The same files, the same bytes, whatever the batching.
        let batched = batches.flatMap { $0 }
        #expect(Dictionary(uniqueKeysWithValues: batched.map { ($0.path, $0.bytes) }) == Dictionary(uniqueKeysWithValues: whole.map { ($0.path, $0.bytes) }))
        #expect(batched.count == whole.count)
        // Pages come in many batches, none more than one chunk (3 pages and their companions) over the bound.
        let largest = whole.map(\.bytes.count).sorted(by: >).prefix(6).reduce(0, +)
        let pageBatches = batches.filter { $0.contains { $0.path.hasSuffix(".html") } }
        #expect(pageBatches.count >= 4, "\(pageBatches.count) batches")
        for batch in pageBatches where !batch.contains(where: { $0.path.hasPrefix("data/") }) {
            #expect(batch.reduce(0) { $0 + $1.bytes.count } < renderer.batchBytes + largest)
        }
        // With the default bound the same small site is one batch per language.
        var counted: [[OutputFile]] = []
        _ = try SiteRenderer(graph: checked.graph, templates: checked.templates).render { counted.append($0) }
        #expect(counted.filter { $0.contains { $0.path.hasSuffix("/index.html") && !$0.path.hasPrefix("data/") } }.count <= 4)
    }
}
