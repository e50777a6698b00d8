import Foundation
import Testing
@testable import PlanPressKit

/// Rebuilds after an edit (`IncrementalBuilder`, used by `serve` and
/// `build --watch`) render only the pages the edit can change. The oracle:
/// after every edit the output must equal, byte for byte and file for file,
/// a full build of the edited content into an empty folder — and files the
/// edit did not change keep their modification times.
@Suite(.serialized) struct IncrementalBuildTests {
    /// A copy of a content folder, an incremental output and a full-build output.
    final class Scenario {
        let root: String
        let content: String
        let incremental: IncrementalBuilder
        private(set) var last = Builder.Result(diagnostics: [], stages: [], pages: 0, files: 0, unchanged: 0)

        init(copying source: URL) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-incremental-\(UUID().uuidString)").path
            content = root + "/Content"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source.path, toPath: content)
            incremental = IncrementalBuilder(options: Builder.Options(content: content, templates: IncrementalBuildTests.templates, output: root + "/out"))
            last = try incremental.build()
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        var output: String { root + "/out" }

        /// Replaces the first occurrence of `old` in a content file (a new file: new inode, as editors save).
        func edit(_ file: String, replacing old: String, with new: String) throws {
            let path = content + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let range = text.range(of: old) else { throw EditError(message: "'\(old)' not in \(file)") }
            try write(file, text.replacingCharacters(in: range, with: new))
        }

        func write(_ file: String, _ text: String) throws {
            let path = content + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }

        /// Removes the citations (`lines:`, `source_lines:`, `corrections:`) of a plan, so that
        /// edits to its printed text are not (rightly) rejected by the citation check.
        func dropCitations(_ file: String) throws {
            let text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            var kept: [Substring] = []
            var inCorrections = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " }
                if inCorrections && trimmed.hasPrefix("- {printed:") { continue }
                inCorrections = trimmed == "corrections:"
                if inCorrections { continue }
                if let value = ["lines: ", "source_lines: "].lazy.compactMap({ trimmed.hasPrefix($0) ? trimmed.dropFirst($0.count) : nil }).first,
                   value.first?.isNumber == true || value.hasPrefix("[") && value.dropFirst().first?.isNumber == true {
                    continue
                }
                kept.append(line)
            }
            try write(file, kept.joined(separator: "\n"))
        }

        func remove(_ file: String) throws { try FileManager.default.removeItem(atPath: content + "/" + file) }

        /// Rebuilds incrementally and checks the result against a fresh full build
        /// (`expectIncremental` nil: whether only some pages were rendered is not checked).
        @discardableResult
        func rebuildMatchesFullBuild(expectIncremental: Bool? = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Builder.Result {
            let before = modificationTimes(output)
            last = try incremental.build()
            if expectIncremental == nil {
            } else if expectIncremental == true {
                #expect(incremental.lastFullReason == nil, "rendered everything: \(incremental.lastFullReason?.text(.en) ?? "")", sourceLocation: sourceLocation)
                #expect(last.rendered < last.pages, "rendered \(last.rendered) of \(last.pages) pages", sourceLocation: sourceLocation)
            } else {
                #expect(incremental.lastFullReason != nil, "expected a full render", sourceLocation: sourceLocation)
            }
            let fresh = root + "/fresh-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: fresh) }
            _ = try Builder(options: Builder.Options(content: content, templates: IncrementalBuildTests.templates, output: fresh)).build()
            let wanted = try files(fresh), actual = try files(output)
            #expect(Set(actual.keys) == Set(wanted.keys),
                    "files only in the rebuild: \(Set(actual.keys).subtracting(wanted.keys).sorted().prefix(5)); only in the full build: \(Set(wanted.keys).subtracting(actual.keys).sorted().prefix(5))",
                    sourceLocation: sourceLocation)
            let differing = wanted.keys.sorted().filter { actual[$0] != nil && actual[$0] != wanted[$0] }
            #expect(differing.isEmpty, "the rebuild differs from a full build in \(differing.count) files: \(differing.prefix(8)); first: \(differing.last.map { firstDifference(actual[$0]!, wanted[$0]!) } ?? "")",
                    sourceLocation: sourceLocation)
            // Files whose bytes did not change were not rewritten.
            let after = modificationTimes(output)
            let touchedButSame = before.keys.filter { path in
                wanted[path] != nil && after[path] != nil && after[path] != before[path] && previousBytes[path] == wanted[path]
            }
            #expect(touchedButSame.isEmpty, "rewritten without a change: \(touchedButSame.sorted().prefix(5))", sourceLocation: sourceLocation)
            previousBytes = wanted
            return last
        }

        private var previousBytes: [String: Data] = [:]

        /// The first line that differs, rebuild then full build.
        func firstDifference(_ a: Data, _ b: Data) -> String {
            let x = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let y = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (n, (l, r)) in zip(x, y).enumerated() where l != r { return "line \(n + 1): '\(l.prefix(300))' vs '\(r.prefix(300))'" }
            return "lengths \(a.count) vs \(b.count)"
        }

        /// Records the current output's bytes (before the first edit).
        func snapshot() throws { previousBytes = try files(output) }

        func files(_ folder: String) throws -> [String: Data] {
            var result: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                result[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
            return result
        }

        func modificationTimes(_ folder: String) -> [String: Date] {
            var result: [String: Date] = [:]
            for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
                if let date = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + path))?[.modificationDate] as? Date {
                    result[path] = date
                }
            }
            return result
        }
    }

    struct EditError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static let kreminna = "plans/kreminna-wps-2020-2022/plan.yaml"
    static let templates = TestSite.repository.appendingPathComponent("Templates").path

    @Test func editsToTheRealPlansRenderOnlyWhatChanged() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        try site.snapshot()
        #expect(site.incremental.lastFullReason == .fullRenderFirstBuild)
        // The edits below change printed text, which the plan's citations would reject.
        try site.dropCitations(Self.kreminna)
        try site.dropCitations("plans/luhansk-wps-2026-2030/plan.yaml")
        #expect(!(try String(contentsOfFile: site.content + "/" + Self.kreminna, encoding: .utf8)).contains("lines: 11-13"))
        try site.rebuildMatchesFullBuild(expectIncremental: false)

        // A measure's text: its page, its goal chain, its executors, the plan's pages.
        try site.edit(Self.kreminna, replacing: "Створення та періодичне оновлення гендерного профілю громади",
                      with: "Створення та періодичне оновлення гендерного профілю громади (змінено)")
        let edited = try site.rebuildMatchesFullBuild()
        #expect(edited.rendered > 0 && edited.rendered < edited.pages / 4, "rendered \(edited.rendered) of \(edited.pages)")
        let page = try String(contentsOfFile: site.output + "/plans/kreminna-wps-2020-2022/measures/1.2/index.html", encoding: .utf8)
        #expect(page.contains("гендерного профілю громади (змінено)"))

        // The end of a long text, past every excerpt a list prints: only the pages printing the
        // whole text (the measure, the print version, report pages) and the site-wide ones.
        try site.edit(Self.kreminna, replacing: "постраждалим від гендерно-зумовленого насильства та конфлікту\"",
                      with: "постраждалим від гендерно-зумовленого насильства та конфлікту (змінено)\"")
        let tail = try site.rebuildMatchesFullBuild()
        #expect(tail.rendered > 0 && tail.rendered * 2 < edited.rendered, "rendered \(tail.rendered), a list-visible edit \(edited.rendered)")
        for file in ["measures/1.6/index.html", "print/index.html"] {
            let printed = try String(contentsOfFile: site.output + "/plans/kreminna-wps-2020-2022/" + file, encoding: .utf8)
            #expect(printed.contains("насильства та конфлікту (змінено)"), "\(file)")
        }

        // An amount: budget sums and stated-versus-computed checks up the tree.
        try site.edit(Self.kreminna, replacing: "- {source: \"Інші\", amounts: {2020: \"7,0\"", with: "- {source: \"Інші\", amounts: {2020: \"17,0\"")
        try site.rebuildMatchesFullBuild()

        // A line added above a measure shifts every later line: still only that measure's pages.
        try site.edit(Self.kreminna, replacing: "      - number: \"1.2\"", with: "      # a comment\n      - number: \"1.2\"")
        let shifted = try site.rebuildMatchesFullBuild()
        #expect(shifted.rendered < 60, "a comment line made \(shifted.rendered) pages render")

        // A stated total of the plan is plan metadata: everything is rendered (and still right).
        try site.edit(Self.kreminna, replacing: "2020: \"57,0\"", with: "2020: \"157,0\"")
        try site.rebuildMatchesFullBuild(expectIncremental: false)

        // A goal's title shows on its subtree and its parent.
        try site.edit(Self.kreminna, replacing: "title: \"Дослідження, координація та підготовка кадрів\"",
                      with: "title: \"Дослідження, координація та підготовка кадрів (змінено)\"")
        try site.rebuildMatchesFullBuild()

        // A cell merged with the row above (13.2's responsible is 13.1's): editing the row above changes both.
        try site.edit("plans/luhansk-wps-2026-2030/plan.yaml",
                      replacing: "printed: \"Департамент економічного розвитку та зовнішньоекономічної діяльності обласної державної адміністрації, Луганський обласний центр зайнятості (за згодою), переміщені",
                      with: "printed: \"Департамент економічного розвитку (змінено) та зовнішньоекономічної діяльності обласної державної адміністрації, Луганський обласний центр зайнятості (за згодою), переміщені")
        try site.rebuildMatchesFullBuild()
        let merged = try String(contentsOfFile: site.output + "/plans/luhansk-wps-2026-2030/measures/13.2/index.html", encoding: .utf8)
        #expect(merged.contains("Департамент економічного розвитку (змінено)"))
    }

    @Test func executorsCommentaryAndUpdates() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        try site.snapshot()
        // Another body made responsible: both bodies' pages change.
        let plan = try String(contentsOfFile: site.content + "/" + Self.kreminna, encoding: .utf8)
        let ids = plan.components(separatedBy: "- {id: ").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        let first = try #require(ids.first), other = try #require(ids.first { $0 != first })
        try site.edit(Self.kreminna, replacing: "- {id: \(first),", with: "- {id: \(other),")
        try site.rebuildMatchesFullBuild()

        // New commentary about a measure, then moved to another measure, then removed.
        try site.write("commentary/test-note.md", "---\nabout: measure:kreminna-wps-2020-2022/1.3\ntitle: \"Примітка\"\n---\nТекст примітки з [посиланням](measure:kreminna-wps-2020-2022/1.4).\n")
        try site.rebuildMatchesFullBuild()
        try site.edit("commentary/test-note.md", replacing: "about: measure:kreminna-wps-2020-2022/1.3", with: "about: goal:kreminna-wps-2020-2022/direction-1")
        try site.rebuildMatchesFullBuild()
        try site.remove("commentary/test-note.md")
        try site.rebuildMatchesFullBuild()

        // A new update about a measure: its page, the lists, feeds, the measure's news.
        try site.write("updates/test-update.md", "---\ntitle: \"Тестова новина\"\ndate: 2026-11-20\nitems:\n  - measure:kreminna-wps-2020-2022/1.2\n---\nТекст новини.\n")
        let added = try site.rebuildMatchesFullBuild()
        #expect(FileManager.default.fileExists(atPath: site.output + "/updates/test-update/index.html"))
        #expect(added.rendered < 100)
        try site.edit("updates/test-update.md", replacing: "measure:kreminna-wps-2020-2022/1.2", with: "measure:kreminna-wps-2020-2022/2.1")
        try site.rebuildMatchesFullBuild()
        try site.remove("updates/test-update.md")
        let removed = try site.rebuildMatchesFullBuild()
        #expect(removed.removed >= 2, "the update's pages (both languages) are deleted")
        #expect(!FileManager.default.fileExists(atPath: site.output + "/updates/test-update/index.html"))
    }

    /// Transcription notes (`sources/<plan>.md`, `<plan>.en.md`) are dependencies of the
    /// plan's notes pages only: editing the English notes re-renders the English notes page.
    @Test func notesEditsRenderTheNotesPages() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        try site.snapshot()
        let english = "sources/kreminna-wps-2020-2022.en.md", ukrainian = "sources/kreminna-wps-2020-2022.md"
        let englishPage = site.output + "/en/plans/kreminna-wps-2020-2022/source/notes/index.html"
        let ukrainianPage = site.output + "/plans/kreminna-wps-2020-2022/source/notes/index.html"
        func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
        let englishText = try read(site.content + "/" + english)

        try site.write(english, englishText + "\nA sentence added to the English notes.\n")
        let edited = try site.rebuildMatchesFullBuild()
        #expect(try read(englishPage).contains("A sentence added to the English notes."))
        #expect(!(try read(ukrainianPage).contains("A sentence added")))
        #expect(edited.rendered <= 20, "an edit of the notes rendered \(edited.rendered) pages")

        // No English notes: the English page shows the Ukrainian ones, marked; then they come back.
        try site.remove(english)
        try site.rebuildMatchesFullBuild()
        #expect(try read(englishPage).contains("<div class=\"prose\" lang=\"uk\">"))
        try site.write(english, englishText)
        try site.rebuildMatchesFullBuild()
        #expect(!(try read(englishPage).contains("<div class=\"prose\" lang=\"uk\">")))

        // The Ukrainian notes edited, then removed (the notes pages go, the plan and source pages
        // lose their link to them; the English notes alone are not published), then back.
        let ukrainianText = try read(site.content + "/" + ukrainian)
        try site.write(ukrainian, ukrainianText + "\nРечення, додане до українських нотаток.\n")
        try site.rebuildMatchesFullBuild()
        #expect(try read(ukrainianPage).contains("Речення, додане до українських нотаток."))
        try site.remove(ukrainian)
        let removed = try site.rebuildMatchesFullBuild()
        #expect(removed.removed >= 2, "both languages' notes pages are deleted")
        #expect(!FileManager.default.fileExists(atPath: englishPage))
        #expect(removed.diagnostics.contains { $0.text == .englishNotesWithoutUkrainian(file: english, plan: "kreminna-wps-2020-2022") })
        try site.write(ukrainian, ukrainianText)
        try site.rebuildMatchesFullBuild()
        #expect(FileManager.default.fileExists(atPath: englishPage))
    }

    /// The linker's work on a plan is kept between rebuilds while the plan file is unchanged
    /// (`PlanLinkCache`): an edit of the plan's source text alone must still check the plan's
    /// citations against the new text, and a plan edit must be linked again.
    @Test func aSourceTextEditChecksTheUnchangedPlanAgain() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        let source = "sources/kreminna-wps-2020-2022.txt", heading = "I. Дослідження, координація та підготовка кадрів"
        try site.edit(source, replacing: heading, with: "I. Заголовок, якого в плані немає")
        do {
            try site.incremental.build()
            Issue.record("a goal whose cited line no longer holds its title was accepted")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.contains { $0.severity == .error && ($0.location?.file.hasSuffix("kreminna-wps-2020-2022/plan.yaml") ?? false) },
                    "\(failure.diagnostics.map(\.description))")
        }
        try site.edit(source, replacing: "I. Заголовок, якого в плані немає", with: heading)
        try site.rebuildMatchesFullBuild(expectIncremental: false)
        // The plan itself edited the same way: linked again, the same error.
        let plan = "plans/kreminna-wps-2020-2022/plan.yaml"
        try site.edit(plan, replacing: "title: \"Дослідження, координація та підготовка кадрів\"", with: "title: \"Заголовок, якого в документі немає\"")
        #expect(throws: BuildFailure.self) { try site.incremental.build() }
    }

    /// A first build into an empty folder leaves no workspace beside it; the builder makes one (hard
    /// links) in the background, so the first edit's commit, like every later one, lists neither tree.
    @Test func theFirstEditAfterAFirstBuildListsNoTree() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        let notes = "sources/kreminna-wps-2020-2022.en.md"
        let text = try String(contentsOfFile: site.content + "/" + notes, encoding: .utf8)
        try site.write(notes, text + "\nA sentence added to the English notes.\n")
        let first = try site.rebuildMatchesFullBuild()
        #expect(!first.listedTrees, "the first edit listed the output and its workspace")
        try site.write(notes, text)
        #expect(!(try site.rebuildMatchesFullBuild()).listedTrees)
    }

    @Test func editsItCannotTrackRenderEverything() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        try site.snapshot()
        // A measure removed: the plan's structure changed.
        try site.edit(Self.kreminna, replacing: "      - number: \"1.2\"", with: "      - number: \"1.2a\"")
        try site.rebuildMatchesFullBuild(expectIncremental: false)
        #expect(site.incremental.lastFullReason == .fullRenderPlanStructureChanged(plan: "kreminna-wps-2020-2022"))
        // Site settings.
        try site.edit("site.yaml", replacing: "title: \"Плани дій\"", with: "title: \"Плани дій (змінено)\"")
        try site.rebuildMatchesFullBuild(expectIncremental: false)
        // Nothing changed: nothing rendered, nothing written.
        let idle = try site.rebuildMatchesFullBuild()
        #expect(idle.files - idle.unchanged == 0, "nothing changed, yet files were written")
    }

    @Test func monitoringReportsRenderTheirMeasures() throws {
        let site = try Scenario(copying: TestSite.fixtures.appendingPathComponent("monitoring-disagree/Content"))
        try site.snapshot()
        try site.edit("reports/2026/oda-2026-h1.yaml", replacing: "{measure: \"1.3\", status: in-progress}",
                      with: "{measure: \"1.3\", status: completed}")
        try site.rebuildMatchesFullBuild()
        try site.edit("reports/2026/oda-2026-h1.yaml", replacing: "value: \"8\"", with: "value: \"9\"")
        try site.rebuildMatchesFullBuild()

        // Narratives are rendered once and kept between links (`SiteLinker.renderKeptMarkdown`): a link
        // edited in one shows, and a broken one is reported by every rebuild, not only the first.
        try site.edit("reports/2026/oda-2026-h1.yaml", replacing: "narrative: \"Центр відкрито 1 березня 2026 року.\"",
                      with: "narrative: \"Центр відкрито 1 березня 2026 року ([захід 1.3](measure:town-plan/1.3)).\"")
        try site.rebuildMatchesFullBuild()
        let page = try String(contentsOfFile: site.output + "/plans/town-plan/measures/1.2/index.html", encoding: .utf8)
        #expect(page.contains("/plans/town-plan/measures/1.3/\">захід 1.3</a>"))
        try site.edit("reports/2026/oda-2026-h1.yaml", replacing: "(measure:town-plan/1.3)", with: "(measure:town-plan/9.9)")
        for edit in 0..<2 {
            let failure = #expect(throws: BuildFailure.self) { try site.incremental.build() }
            #expect(failure.map { "\($0)" }?.contains("9.9") == true, "edit \(edit): \(failure.map { "\($0)" } ?? "")")
            // An edit elsewhere in the report: the narrative comes from the cache, its error with it.
            try site.edit("reports/2026/oda-2026-h1.yaml", replacing: edit == 0 ? "{measure: \"1.4\", status: not-started}" : "{measure: \"1.4\", status: in-progress}",
                          with: edit == 0 ? "{measure: \"1.4\", status: in-progress}" : "{measure: \"1.4\", status: not-started}")
        }
        try site.edit("reports/2026/oda-2026-h1.yaml", replacing: "(measure:town-plan/9.9)", with: "(measure:town-plan/1.3)")
        try site.rebuildMatchesFullBuild(expectIncremental: nil)
    }

    /// A report edit that changes one value of a long series renders the value page that prints it,
    /// not the series' every page; a changed number of values renders them all (their ranges move).
    @Test func oneValueOfALongSeriesRendersItsValuePage() throws {
        // 620 daily values from 1 January 2026 (365 in `official`, 255 in `official-2027`): four value pages.
        let source = try LongSeriesTests.site(LongSeriesTests.reports("official", "1.1-2", values: 3 * PageRenderer.valuesPerPage + 20))
        defer { source.remove() }
        let site = try Scenario(copying: URL(fileURLWithPath: source.content))
        try site.snapshot()
        // The values as `LongSeriesTests.reports` writes them: the n-th is dated n days after 1 January 2026.
        func written(_ n: Int) -> String {
            var date = CalendarDate(year: 2026, month: 1, day: 1)
            for _ in 0..<n { date = date.nextDay }
            return "value: \"\(100 + (n * 37) % 500)\", date: \(date.iso)"
        }
        func changed(_ n: Int) -> String { written(n).replacingOccurrences(of: "value: \"", with: "value: \"9") }
        try site.edit("reports/official.yaml", replacing: written(250), with: changed(250))   // page 2
        let one = try site.rebuildMatchesFullBuild()
        try site.edit("reports/official.yaml", replacing: written(260), with: changed(260))   // page 2 again
        try site.edit("reports/official-2027.yaml", replacing: written(450), with: changed(450))   // page 3
        let two = try site.rebuildMatchesFullBuild()
        // The same pages but one more value page, in each language.
        #expect(two.rendered - one.rendered == 2, "rendered \(one.rendered) pages for one value page, \(two.rendered) for two")
        // One value fewer: every value page is rendered.
        try site.edit("reports/official.yaml", replacing: "  - {indicator: \"1.1-2\", \(written(10)), unit: \"осіб\"}\n", with: "")
        let removed = try site.rebuildMatchesFullBuild()
        #expect(removed.rendered - one.rendered >= 2 * 3, "rendered \(removed.rendered) pages for a value removed, \(one.rendered) for one changed")
    }

    @Test func aFailedRebuildKeepsTheSiteAndRecovers() throws {
        let site = try Scenario(copying: TestSite.repository.appendingPathComponent("Content"))
        try site.snapshot()
        try site.edit(Self.kreminna, replacing: "      - number: \"1.2\"\n", with: "      - number: \"1.2\"\n        term: [unclosed\n")
        #expect(throws: BuildFailure.self) { try site.incremental.build() }
        try site.edit(Self.kreminna, replacing: "        term: [unclosed\n", with: "")
        try site.rebuildMatchesFullBuild()
    }
}

/// The polling watcher behind `serve` and `build --watch`.
@Suite struct ContentWatcherTests {
    @Test func anEditMadeDuringTheFirstBuildIsNotMissed() throws {
        let site = try TestSite(["plans/a/plan.yaml": "id: a\n"])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let watcher = ContentWatcher(folders: [site.content])
        let before = watcher.fingerprint()  // taken before the first build starts
        try site.write("plans/a/plan.yaml", "id: a\ntitle: changed while building\n")  // saved during that build
        var calls = 0
        watcher.watch(since: before, interval: 0.01, stop: { calls > 0 }) { calls += 1 }
        #expect(calls == 1)
    }

    @Test func stampsNameOnlyChangedFiles() throws {
        let site = try TestSite(["plans/a/plan.yaml": "id: a\n", "commentary/x.md": "x\n"])
        defer { try? FileManager.default.removeItem(at: site.root) }
        let first = FileStamps(folder: site.content)
        try site.write("commentary/x.md", "changed\n")
        try site.write("commentary/y.md", "new\n")
        #expect(FileStamps(folder: site.content).changed(since: first) == ["commentary/x.md", "commentary/y.md"])
    }
}
