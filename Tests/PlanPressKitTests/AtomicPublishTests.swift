import Foundation
import Testing
@testable import PlanPressKit

/// Issue 15, items 1, 5 and 8: the output folder is replaced only when it is
/// PlanPress's own, in one atomic step, and a failure or a kill at any step of
/// the commit leaves a reader looking at the old site or the new one.
@Suite struct AtomicPublishTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-atomic-\(UUID().uuidString)").path
    var output: String { root + "/Public" }

    /// Everything a reader of `folder` sees: each path with its bytes, folders as "<dir>".
    static func view(_ folder: String) -> [String: String] {
        var seen: [String: String] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            seen[path] = isDirectory.boolValue ? "<dir>" : (try? String(contentsOfFile: folder + "/" + path, encoding: .utf8)) ?? "<unreadable>"
        }
        return seen
    }

    static func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.keys.sorted().map { OutputFile(path: $0, text: pairs[$0]!) }
    }

    static let oldSite = files(["index.html": "home", "a/index.html": "A", "b/index.html": "B", "b/c/index.html": "C",
                                "x": "a file that becomes a folder", "gone/deep/page.html": "removed"])
    static let newSite = files(["index.html": "home 2", "a/index.html": "A", "b/index.html": "B2", "d/index.html": "D",
                                "x/index.html": "now a folder", "e/f/g.html": "new deep"])

    /// An older generation: the workspace holds it when the old site is built over it.
    static let ancientSite = files(["index.html": "ancient", "z/old.html": "Z", "a/index.html": "ancient A", "x/index.html": "was a folder",
                                    "d/index.html/stray": "a folder where a file will be"])

    /// The old site published over the ancient one, so the folder beside holds the ancient one.
    func publishOld() throws {
        try? FileManager.default.removeItem(atPath: output)
        try? FileManager.default.removeItem(atPath: output + OutputWriter.nextSuffix)
        _ = try OutputWriter(output: output).write(Self.ancientSite)
        _ = try OutputWriter(output: output).write(Self.oldSite)
    }

    /// Folders beside the output other than the workspace (`Public.planpress-next`).
    func strays() -> [String] { siblings().filter { $0 != "Public" + OutputWriter.nextSuffix } }

    /// What lies beside the output, its lock file aside (`OutputLock`: it stays, by design).
    func siblings() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .filter { $0 != "Public" && $0 != "reference" && !$0.hasSuffix(OutputLock.suffix) }.sorted()
    }

    /// The step names of one commit, in order.
    func steps(partial: Bool) throws -> [String] {
        try publishOld()
        var names: [String] = []
        let session = try OutputSession(output: output, partial: partial, failAfter: nil) { names.append($0) }
        try session.stage(partial ? Self.newSite.filter { $0.path != "a/index.html" } : Self.newSite)
        if partial { session.remove(["b/c/index.html", "x", "gone/deep/page.html"]) }
        _ = try session.commit()
        return names
    }

    struct Injected: Error {}

    /// For every step: fail there (an error: the build cleans up) or stop there (a kill: no clean-up at all).
    /// At every step before the failure a reader sees exactly the old or the new site; after an error the old
    /// site is byte-identical, folders included; after a kill it is old or new, and the next build completes.
    func injectEverywhere(partial: Bool) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try OutputWriter(output: root + "/reference").write(Self.newSite)
        let newView = Self.view(root + "/reference")
        let names = try steps(partial: partial)
        #expect(names.contains("exchange") && names.contains { $0.hasPrefix("write ") } && names.contains { $0.hasPrefix("prune ") })
        if partial { #expect(names.contains { $0.hasPrefix("carry ") }) }
        for (failing, name) in names.enumerated() {
            for killed in [false, true] {
                try publishOld()
                let oldView = Self.view(output)
                var call = 0
                let session = try OutputSession(output: output, partial: partial, failAfter: nil) { step in
                    let now = Self.view(output)
                    #expect(now == oldView || now == newView, "a reader saw a mixed site before step \(step)")
                    defer { call += 1 }
                    if call == failing { throw Injected() }
                }
                do {
                    try session.stage(partial ? Self.newSite.filter { $0.path != "a/index.html" } : Self.newSite)
                    if partial { session.remove(["b/c/index.html", "x", "gone/deep/page.html"]) }
                    _ = try session.commit()
                } catch is Injected {
                    // A killed process cleans nothing up; the kernel releases its lock.
                    if killed { session.releaseLockAsAKillWould() } else { session.abort() }
                }
                let after = Self.view(output)
                if killed {
                    #expect(after == oldView || after == newView, "mixed site after a kill at \(name)")
                } else {
                    #expect(after == oldView, "the old site changed after a failure at \(name)")
                    #expect(strays().isEmpty, "left \(siblings()) after a failure at \(name)")
                }
                // The next build starts from whatever the kill left and publishes the new site cleanly.
                _ = try OutputWriter(output: output).write(Self.newSite)
                #expect(Self.view(output) == newView, "the build after a kill at \(name) did not publish the new site")
                #expect(strays().isEmpty, "left \(siblings()) after the build that followed a kill at \(name)")
                // And the one after that (the workspace a kill left is reconciled, not trusted).
                _ = try OutputWriter(output: output).write(Self.oldSite)
                #expect(Self.view(output) == oldView, "the second build after a kill at \(name) did not publish the old site again")
            }
        }
    }

    @Test func aFailureOrAKillAtEveryCommitStepLeavesTheOldOrTheNewSite() throws {
        try injectEverywhere(partial: false)
    }

    @Test func theSameForARebuildAfterAnEdit() throws {
        try injectEverywhere(partial: true)
    }

    @Test func unchangedFilesKeepTheirInodeAndModificationTime() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try OutputWriter(output: output).write(Self.oldSite)
        let before = try FileManager.default.attributesOfItem(atPath: output + "/a/index.html")
        Thread.sleep(forTimeInterval: 1.1)
        _ = try OutputWriter(output: output).write(Self.newSite)
        let after = try FileManager.default.attributesOfItem(atPath: output + "/a/index.html")
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        let changed = try FileManager.default.attributesOfItem(atPath: output + "/b/index.html")
        #expect((changed[.modificationDate] as? Date)! > (before[.modificationDate] as? Date)!)
    }

    @Test func theFolderBesideHoldsThePreviousSiteAndIsReusedByTheNextBuild() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try publishOld()
        #expect(Self.view(output + OutputWriter.nextSuffix)["index.html"] == "ancient")
        #expect(Self.view(output + OutputWriter.nextSuffix)["z/old.html"] == "Z")
        let folder = try FileManager.default.attributesOfItem(atPath: output + OutputWriter.nextSuffix + "/a")[.systemFileNumber] as? Int
        _ = try OutputWriter(output: output).write(Self.newSite)
        // After the swap the old site is beside, and the folder that was beside (with its sub-folders) is published.
        #expect(Self.view(output + OutputWriter.nextSuffix)["b/index.html"] == "B")
        #expect(try FileManager.default.attributesOfItem(atPath: output + "/a")[.systemFileNumber] as? Int == folder)
        #expect(strays().isEmpty)
    }

    // MARK: item 8 — a failed build leaves no new folders

    @Test func aFailedBuildLeavesNoNewFoldersAnywhere() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try OutputWriter(output: output).write(Self.oldSite)
        let before = Self.view(output)
        var failing = OutputWriter(output: output)
        failing.failAfter = 2
        #expect(throws: WriteError.self) { try failing.write(Self.newSite) }
        #expect(Self.view(output) == before)
        #expect(strays().isEmpty)
        // A first build into new nested folders that fails removes the folders it created.
        var nested = OutputWriter(output: root + "/new/deeper/Public")
        nested.failAfter = 1
        #expect(throws: WriteError.self) { try nested.write(Self.newSite) }
        #expect(!FileManager.default.fileExists(atPath: root + "/new"))
    }

    // MARK: item 1 — an output folder that is not the site's own is never cleaned

    @Test func anOutputFolderThatHoldsTheSourcesIsRefused() throws {
        let site = try TestSite(["executors.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan])
        defer { site.remove() }
        for output in [site.content, site.root.path, site.root.path + "/Content/..", site.templates, "/"] {
            var options = site.options()
            options.output = output
            #expect(throws: WriteError.self, "--output \(output) was accepted") { try Builder(options: options).build() }
            #expect(FileManager.default.fileExists(atPath: site.content + "/plans/test-plan/plan.yaml"))
            #expect(FileManager.default.fileExists(atPath: site.templates + "/locales/uk.yaml"))
        }
        // The working folder and the home folder: only the check (a build there must never run in a test).
        let cwd = FileManager.default.currentDirectoryPath
        for output in [".", cwd, cwd + "/", NSHomeDirectory(), ProcessInfo.processInfo.environment["HOME"] ?? "/"] {
            #expect(throws: WriteError.self, "--output \(output) was accepted") {
                try OutputFolderGuard.check(output: output, content: site.content, templates: site.templates)
            }
        }
        do {
            try OutputFolderGuard.check(output: site.content, content: site.content, templates: site.templates)
        } catch {
            #expect("\(error)".contains("is the content folder"))
        }
        // A folder of its own next to them is fine.
        try OutputFolderGuard.check(output: site.output, content: site.content, templates: site.templates)
        try OutputFolderGuard.check(output: site.root.path + "/a/new/folder", content: site.content, templates: site.templates)
    }

    @Test func aNonEmptyFolderWithoutTheMarkerIsNeverReplaced() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "my notes".write(toFile: output + "/notes.txt", atomically: false, encoding: .utf8)
        do {
            _ = try OutputWriter(output: output).write(Self.newSite)
            Issue.record("a folder not written by planpress was replaced")
        } catch let error as WriteError {
            #expect(error.message.contains("not written by planpress"))
        }
        #expect(Self.view(output) == ["notes.txt": "my notes"])
        #expect(siblings().isEmpty)
        // An empty folder is fine; the build marks it, and later builds replace it.
        try FileManager.default.removeItem(atPath: output + "/notes.txt")
        _ = try OutputWriter(output: output).write(Self.oldSite)
        #expect(FileManager.default.fileExists(atPath: output + "/" + OutputWriter.markerName))
        _ = try OutputWriter(output: output).write(Self.newSite)
        #expect(Self.view(output)["d/index.html"] == "D")
        // A file or a symbolic link where the folder should be is refused too.
        try "x".write(toFile: root + "/file", atomically: false, encoding: .utf8)
        #expect(throws: WriteError.self) { try OutputWriter(output: root + "/file").write(Self.newSite) }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: output)
        #expect(throws: WriteError.self) { try OutputWriter(output: root + "/link").write(Self.newSite) }
    }
}
