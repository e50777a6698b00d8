import Foundation
import Testing
@testable import PlanPressKit

/// One writer per output folder (`OutputLock`), and clean-up after failures: two
/// builds at once never mix, a killed watcher's workspace is reconciled, a failed
/// build gives back its disk space and leaves nothing it cannot name
/// (docs/reliability.md, «One writer at a time» and «After a failure»).
@Suite struct OutputLockTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-lock-\(UUID().uuidString)").path
    var output: String { root + "/Public" }

    struct Injected: Error {}

    /// A small site whose every page names `title` (so sites with different titles differ on every page).
    static func site(title: String, extra: [String: String] = [:]) throws -> TestSite {
        var files = ["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                     "sources/test-plan.txt": "Джерело",
                     "site.yaml": TestSite.defaultSettings.replacingOccurrences(of: "Тестовий сайт", with: title)]
        files.merge(extra) { _, new in new }
        return try TestSite(files)
    }

    func options(_ site: TestSite, output: String? = nil) -> Builder.Options {
        var options = site.options()
        options.output = output ?? self.output
        return options
    }

    /// A full build of `site` into a folder of its own, as a reader would see it.
    func reference(_ site: TestSite, _ name: String) throws -> [String: String] {
        let folder = root + "/reference-" + name
        _ = try Builder(options: options(site, output: folder)).build()
        return AtomicPublishTests.view(folder)
    }

    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [(writer: Int, step: String)] = []
        func add(_ writer: Int, _ step: String) { lock.withLock { list.append((writer, step)) } }
        var all: [(writer: Int, step: String)] { lock.withLock { list } }
    }

    // MARK: one writer at a time

    /// Four builds of four different sites into one folder at once: every build succeeds, the steps
    /// of their writes never interleave (each commit has one writer), the folder holds a whole site
    /// whenever a writer starts, and at the end it is exactly the site of the last commit.
    @Test func concurrentBuildsNeverMixAndEachCommitHasOneWriter() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sites = try (0..<4).map { try Self.site(title: "Сайт номер \($0)") }
        defer { sites.forEach { $0.remove() } }
        let references = try sites.enumerated().map { try reference($0.element, "\($0.offset)") }
        let events = Events()
        let wholeAtStart = Events()
        let outcomes = Outcomes(count: sites.count)
        let output = self.output
        DispatchQueue.concurrentPerform(iterations: sites.count) { i in
            var builder = Builder(options: options(sites[i]))
            var first = true
            builder.writeFault = { step in
                if first {
                    first = false
                    let view = AtomicPublishTests.view(output)
                    if !(view.isEmpty || references.contains(view)) { wholeAtStart.add(i, "mixed") }
                }
                events.add(i, step)
            }
            outcomes.set(i, Result { try builder.build() })
        }
        for i in sites.indices {
            #expect(throws: Never.self, "build \(i)") { try outcomes.get(i).get() }
        }
        #expect(wholeAtStart.all.isEmpty, "a writer found a mixed site when it started")
        // Runs of one writer's steps: exactly one per writer, each ending in the swap.
        var runs: [(writer: Int, last: String)] = []
        for event in events.all {
            if runs.last?.writer == event.writer { runs[runs.count - 1].last = event.step } else { runs.append((event.writer, event.step)) }
        }
        #expect(runs.count == sites.count, "the writes of \(sites.count) builds interleaved: \(runs.map(\.writer))")
        #expect(runs.allSatisfy { $0.last == "exchange" })
        let lastWriter = try #require(runs.last?.writer)
        #expect(AtomicPublishTests.view(output) == references[lastWriter])
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Builder.Result, Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ result: Result<Builder.Result, Error>) { lock.withLock { results[i] = result } }
        func get(_ i: Int) -> Result<Builder.Result, Error> { lock.withLock { results[i]! } }
    }

    /// While another writer holds the lock, a build waits — saying so once, in the catalogue's
    /// words — and publishes only after the lock is released.
    @Test func aSecondWriterWaitsAndSaysWhy() async throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = try Self.site(title: "Сайт, що чекає")
        defer { site.remove() }
        let held = try OutputLock.acquire(output: output)
        let lines = Events()
        let options = options(site)
        let done = Outcomes(count: 1)
        Thread.detachNewThread { done.set(0, Result { try Builder(options: options, log: { lines.add(0, $0) }).build() }) }
        let waiting = Message.outputBusy(output: output, pid: Int(getpid())).text(.uk)
        #expect(await eventually { lines.all.contains { $0.step == waiting } }, "no «чекаю» line: \(lines.all.map(\.step))")
        // Loaded, rendered maybe, but nothing published while the lock is held.
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(!FileManager.default.fileExists(atPath: output + "/index.html"))
        held.release()
        #expect(await eventually { FileManager.default.fileExists(atPath: output + "/index.html") })
        #expect(lines.all.filter { $0.step == waiting }.count == 1)
    }

    /// Another process's failed build changes the workspace behind a watcher (it writes its pages
    /// there before failing): the watcher's next rebuild must not trust what it knew of the folders.
    @Test func aWatcherDoesNotTrustFoldersAnotherWriterTouched() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let mine = try Self.site(title: "Мій сайт", extra: ["updates/first.md": Self.update("Перша новина")])
        let other = try Self.site(title: "Чужий сайт")
        defer { mine.remove(); other.remove() }
        let watcher = IncrementalBuilder(options: options(mine))
        _ = try watcher.build()
        try mine.write("updates/second.md", Self.update("Друга новина"))
        _ = try watcher.build()
        try mine.write("updates/third.md", Self.update("Третя новина"))
        _ = try watcher.build()
        #expect(watcher.lastFullReason == nil, "an edit of an update renders only what it changes")
        // The other build writes many of its pages into the workspace, then fails before the swap.
        var foreign = Builder(options: options(other))
        foreign.writeFault = { step in if step == "exchange" { throw Injected() } }
        #expect(throws: Injected.self) { try foreign.build() }
        try mine.write("updates/fourth.md", Self.update("Четверта новина"))
        _ = try watcher.build()
        #expect(watcher.lastFullReason == .fullRenderOtherWriter)
        let expected = try reference(mine, "mine")
        let published = AtomicPublishTests.view(output)
        #expect(published == expected, "differs at \(Set(published.keys).symmetricDifference(expected.keys).sorted().prefix(5)) or in bytes")
        #expect(!published.values.contains { $0.contains("Чужий сайт") })
    }

    static func update(_ title: String) -> String {
        "---\ntitle: \"\(title)\"\ndate: 2026-05-01\n---\nТекст новини.\n"
    }

    // MARK: a killed watcher

    /// After a first build `build --watch` links a workspace in the background. Killed at any step
    /// of that, it leaves a folder the next build recognises as its own (the marker comes first)
    /// and reconciles, instead of refusing it as not written by planpress.
    @Test func aWatcherKilledWhileLinkingItsWorkspaceLeavesOneTheNextBuildReconciles() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        func firstBuild() throws -> OutputLedger {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: output + OutputWriter.nextSuffix)
            let session = try OutputSession(output: output)
            try session.stage(AtomicPublishTests.oldSite)
            _ = try session.commit()
            return try #require(session.ledger)
        }
        var steps: [String] = []
        _ = OutputSession.linkWorkspace(output: output, after: try firstBuild()) { steps.append($0) }
        #expect(steps.first?.hasPrefix("mkdir ") == true && steps.dropFirst().first == "link " + OutputWriter.markerName)
        #expect(steps.count > 6)
        let newView: [String: String] = try {
            _ = try OutputWriter(output: root + "/reference").write(AtomicPublishTests.newSite)
            return AtomicPublishTests.view(root + "/reference")
        }()
        for (index, step) in steps.enumerated() {
            let ledger = try firstBuild()
            var call = 0
            let made = OutputSession.linkWorkspace(output: output, after: ledger) { _ in
                defer { call += 1 }
                if call == index { throw Injected() }
            }
            #expect(made == nil)
            // The next process: a plain build, which must take the workspace over, not refuse it.
            #expect(throws: Never.self, "after a kill at \(step)") { _ = try OutputWriter(output: output).write(AtomicPublishTests.newSite) }
            #expect(AtomicPublishTests.view(output) == newView, "after a kill at \(step)")
        }
    }

    // MARK: clean-up after a failure

    /// A first build whose final rename fails leaves nothing: not the new site beside the output
    /// (`Public.planpress-next`), not the folders made for it, not the lock file.
    @Test func aFirstBuildWhoseRenameFailsLeavesNothing() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = try Self.site(title: "Перше збирання")
        defer { site.remove() }
        var builder = Builder(options: options(site, output: root + "/new/deeper/Public"))
        builder.writeFault = { step in if step == "exchange" { throw Injected() } }
        #expect(throws: Injected.self) { try builder.build() }
        #expect(!FileManager.default.fileExists(atPath: root + "/new"), "left \(AtomicPublishTests.view(root + "/new").keys.sorted())")
    }

    /// A build that fails while writing (a full disk) deletes what it wrote into the workspace, so
    /// the space is given back; the published site is untouched.
    @Test func aFailedBuildGivesBackTheSpaceItWrote() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try OutputWriter(output: output).write(AtomicPublishTests.oldSite)
        _ = try OutputWriter(output: output).write(AtomicPublishTests.ancientSite)
        _ = try OutputWriter(output: output).write(AtomicPublishTests.oldSite)
        let before = AtomicPublishTests.view(output)
        let big = String(repeating: "NEW-BYTES ", count: 50_000)
        let files = AtomicPublishTests.files(["index.html": big + "1", "a/index.html": big + "2", "b/index.html": big + "3",
                                              "d/index.html": big + "4", "e/index.html": big + "5"])
        var failing = OutputWriter(output: output)
        failing.failAfter = 4
        #expect(throws: WriteError.self) { try failing.write(files) }
        #expect(AtomicPublishTests.view(output) == before)
        let workspace = AtomicPublishTests.view(output + OutputWriter.nextSuffix)
        #expect(!workspace.values.contains { $0.contains("NEW-BYTES") }, "the failed build's files stay in the workspace")
        // And the next build still publishes the whole new site.
        _ = try OutputWriter(output: output).write(files)
        #expect(AtomicPublishTests.view(output)["e/index.html"] == big + "5")
    }

    /// A folder the new site no longer has that cannot be removed (`rmdir` fails: injected EBUSY)
    /// fails the build, naming it — it used to be published as a stale empty folder with exit 0.
    /// The same for a file that cannot be deleted.
    @Test func aFolderOrFileThatCannotBeRemovedFailsTheBuild() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (call, path, code) in [(InjectedFaults.Call.rmdir, "gone/deep", EBUSY), (.unlink, "gone/deep/page.html", EACCES)] {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: output + OutputWriter.nextSuffix)
            _ = try OutputWriter(output: output).write(AtomicPublishTests.oldSite)
            _ = try OutputWriter(output: output).write(AtomicPublishTests.oldSite)   // the workspace now has gone/deep too
            let before = AtomicPublishTests.view(output)
            let token = InjectedFaults.add(call, path: output + OutputWriter.nextSuffix + "/" + path, code: code)
            do {
                _ = try OutputWriter(output: output).write(AtomicPublishTests.newSite)
                Issue.record("a build that could not remove \(path) succeeded")
            } catch let error as WriteError {
                #expect(error.message.contains(path) && error.message.contains(String(cString: strerror(code))))
            }
            InjectedFaults.remove(token)
            #expect(AtomicPublishTests.view(output) == before)
            _ = try OutputWriter(output: output).write(AtomicPublishTests.newSite)
            #expect(AtomicPublishTests.view(output)["gone"] == nil && AtomicPublishTests.view(output)["gone/deep"] == nil)
        }
    }

    /// When cleaning up itself fails, the error says what was left and where.
    @Test func whatCannotBeCleanedUpIsNamed() throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let session = try OutputSession(output: output, failAfter: nil) { step in
            if step == "exchange" { throw Injected() }
            if step.hasPrefix("remove ") { throw Injected() }
        }
        try session.stage(AtomicPublishTests.newSite)
        #expect(throws: Injected.self) { _ = try session.commit() }
        let left = session.abort()
        #expect(left == [output + OutputWriter.nextSuffix])
        let error = Builder.failure(Injected(), leaving: left) as? WriteError
        #expect(error?.text.text(.uk).contains("лишилося: \(output + OutputWriter.nextSuffix)") == true)
    }
}
