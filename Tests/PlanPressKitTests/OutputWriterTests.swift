import Foundation
import Testing
@testable import PlanPressKit

@Suite struct OutputWriterTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-writer-\(UUID().uuidString)").path
    var output: String { root + "/Public" }

    func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.keys.sorted().map { OutputFile(path: $0, text: pairs[$0]!) }
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: output + "/" + path, encoding: .utf8) }

    func modified(_ path: String) -> Date {
        (try? FileManager.default.attributesOfItem(atPath: output + "/" + path)[.modificationDate] as? Date) ?? .distantPast
    }

    func everything() -> [String] { ((try? FileManager.default.subpathsOfDirectory(atPath: output)) ?? []).sorted() }

    @Test func firstBuildThenInPlaceUpdates() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let writer = OutputWriter(output: output)
        let first = try writer.write(files(["index.html": "home", "a/index.html": "A", "b/index.html": "B", "b/c/index.html": "C"]))
        #expect(first.written == 4)
        let kept = modified("a/index.html")
        Thread.sleep(forTimeInterval: 1.1)
        let second = try writer.write(files(["index.html": "home", "a/index.html": "A", "b/index.html": "B2", "d/index.html": "D"]))
        #expect((second.written, second.unchanged, second.removed) == (2, 2, 1))
        #expect(read("b/index.html") == "B2")
        #expect(read("d/index.html") == "D")
        #expect(modified("a/index.html") == kept)            // untouched, not rewritten
        #expect(everything() == [OutputWriter.markerName, "a", "a/index.html", "b", "b/index.html", "d", "d/index.html", "index.html"]) // b/c removed
        // The previous site stays beside, as the next build's workspace.
        #expect((try? String(contentsOfFile: output + OutputWriter.nextSuffix + "/b/index.html", encoding: .utf8)) == "B")
    }

    @Test func aFailedWriteLeavesThePreviousSiteExactlyAsItWas() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = try OutputWriter(output: output).write(files(["index.html": "home", "a/index.html": "A", "b/index.html": "B"]))
        let before = everything().map { ($0, read($0)) }
        var failing = OutputWriter(output: output)
        failing.failAfter = 1
        #expect(throws: WriteError.self) {
            try failing.write(files(["index.html": "home 2", "a/index.html": "A 2", "c/index.html": "C"]))
        }
        let after = everything().map { ($0, read($0)) }  // folders included: no empty new folder remains
        #expect(after.map(\.0) == before.map(\.0))
        #expect(after.map(\.1) == before.map(\.1))
    }

    @Test func aFileCanBecomeAFolderAndBack() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let writer = OutputWriter(output: output)
        _ = try writer.write(files(["x": "file"]))
        _ = try writer.write(files(["x/index.html": "folder"]))
        #expect(read("x/index.html") == "folder")
        _ = try writer.write(files(["x": "file again"]))
        #expect(read("x") == "file again")
    }

    @Test func aFirstBuildCreatesMissingParentFolders() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let nested = OutputWriter(output: root + "/a/b/Public")
        _ = try nested.write(files(["index.html": "home"]))
        #expect(FileManager.default.fileExists(atPath: root + "/a/b/Public/index.html"))
    }

    @Test func pathsThatLeaveTheOutputAreRefused() {
        let writer = OutputWriter(output: output)
        for bad in ["../x", "/etc/x", "a//b", "a/./b", OutputWriter.markerName] {
            #expect(throws: WriteError.self) { try writer.write([OutputFile(path: bad, text: "")]) }
        }
    }
}
