import Foundation
import Testing
@testable import PlanPressKit

/// Issue 19 (one-edit rebuild): a partial commit that follows a commit in the same
/// process uses the `OutputLedger` instead of listing the published site and the
/// workspace, and must publish exactly what listing them would.
@Suite struct OutputLedgerTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-ledger-\(UUID().uuidString)").path

    /// A small deterministic generator (the same edits on every run).
    struct Steps {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Every path below `folder` with its bytes (gzip twins included), folders as empty.
    static func view(_ folder: String) -> [String: Data] {
        var seen: [String: Data] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
            seen[path] = FileManager.default.contents(atPath: folder + "/" + path) ?? Data()
        }
        return seen
    }

    /// Paths that can be files or folders of one another (`a` and `a/index.html`), so edits turn one into the other.
    static let names = ["index.html", "a", "a/index.html", "a/b/index.html", "a/b", "c/index.html", "c/d/e.css",
                        "c/d/f.json", "g.xml", "h/index.html", "h/i/index.html", "h/i/j/index.html", "k.js", "l/m.txt"]

    /// Keeps only paths no other path lies below (a site cannot have `a` as a file and `a/index.html`).
    static func consistent(_ site: [String: String]) -> [String: String] {
        site.filter { path, _ in !site.keys.contains { $0.hasPrefix(path + "/") } }
    }

    @Test(arguments: [false, true])
    func aChainOfPartialCommitsPublishesWhatListingWould(precompress: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public", reference = root + "/reference"
        var steps = Steps(state: precompress ? 7 : 3)
        var site = Self.consistent(Dictionary(uniqueKeysWithValues: Self.names.map { ($0, "v0 " + $0) }))
        func write(_ folder: String, _ site: [String: String]) throws {
            let session = try OutputSession(output: folder, failAfter: nil)
            session.precompress = precompress
            try session.stage(AtomicPublishTests.files(site))
            _ = try session.commit()
        }
        let first = try OutputSession(output: output, failAfter: nil)
        first.precompress = precompress
        try first.stage(AtomicPublishTests.files(site))
        _ = try first.commit()
        var ledger = first.ledger
        #expect(ledger != nil)
        var usedLedger = 0
        for round in 1...40 {
            // An edit: some files change, some appear, some go.
            var next = site
            for _ in 0..<(1 + steps.next(3)) {
                let name = Self.names[steps.next(Self.names.count)]
                if steps.next(4) == 0 { next[name] = nil } else { next[name] = "v\(round) " + name }
            }
            next = Self.consistent(next)
            let staged = next.filter { site[$0.key] != $0.value }
            let removed = site.keys.filter { next[$0] == nil }
            let session = try OutputSession(output: output, partial: true, failAfter: nil)
            session.precompress = precompress
            session.ledger = ledger
            try session.stage(AtomicPublishTests.files(staged))
            session.remove(removed)
            _ = try session.commit()
            if !session.listedTrees { usedLedger += 1 }
            ledger = session.ledger
            try? FileManager.default.removeItem(atPath: reference)
            try? FileManager.default.removeItem(atPath: reference + OutputWriter.nextSuffix)
            try write(reference, next)
            #expect(Self.view(output) == Self.view(reference), "round \(round)")
            site = next
        }
        // Only the second commit lists the trees: the first made the workspace new (a fresh, empty one).
        #expect(usedLedger == 39)
    }

    @Test func aWorkspaceMadeAgainIsListedNotTrusted() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/Public"
        _ = try OutputWriter(output: output).write(AtomicPublishTests.oldSite)
        let second = try OutputSession(output: output, failAfter: nil)
        try second.stage(AtomicPublishTests.oldSite)
        _ = try second.commit()
        // Someone deletes the workspace between two rebuilds: the ledger no longer describes it.
        try FileManager.default.removeItem(atPath: output + OutputWriter.nextSuffix)
        let session = try OutputSession(output: output, partial: true, failAfter: nil)
        session.ledger = second.ledger
        try session.stage(AtomicPublishTests.files(["index.html": "home 3"]))
        _ = try session.commit()
        #expect(session.listedTrees)
        var expected = Dictionary(uniqueKeysWithValues: AtomicPublishTests.oldSite.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        expected["index.html"] = "home 3"
        let reference = root + "/reference"
        _ = try OutputWriter(output: reference).write(AtomicPublishTests.files(expected))
        #expect(AtomicPublishTests.view(output) == AtomicPublishTests.view(reference))
    }
}
