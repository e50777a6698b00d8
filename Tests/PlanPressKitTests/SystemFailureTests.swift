import Foundation
import Testing
@testable import PlanPressKit

/// When the system fails rather than the user — a folder that cannot be listed, a file that
/// cannot be opened — the build fails naming it; it never publishes a smaller site.
///
/// The failures are injected (`InjectedFaults`) at the system calls the loaders make: these
/// tests may run as root, where `chmod 000` denies nothing, and a real `EMFILE` would hit the
/// test process itself. `tests/e2e/test_hostile_input.py` does the same with real permissions,
/// running the binary as an unprivileged user (docs/reliability.md).
@Suite struct SystemFailureTests {
    static func site() throws -> TestSite {
        try TestSite([
            "executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan, "sources/test-plan.txt": "Джерело",
            "updates/zustrich.md": "---\ntitle: \"Зустріч\"\ndate: 2026-05-01\nitems: [measure:test-plan/1.1]\n---\nТекст.\n",
            "commentary/test-plan/1.1.md": "---\nabout: measure:test-plan/1.1\n---\nКоментар до заходу.\n",
            "reports/test-plan/official.yaml": """
            plan: test-plan
            period: 2025
            reporter: {kind: official, name: "Обласна державна адміністрація", executor: oda}
            published: 2026-01-15
            measures:
              - {measure: "1.1", status: in-progress}
            """,
        ])
    }

    /// With every folder of the content in turn made unlistable (permission denied, no file
    /// descriptors left), `check` fails naming the folder and the reason, and `build` fails
    /// leaving the published site as it was.
    @Test(arguments: [EACCES, EMFILE])
    func anUnlistableFolderFailsCheckAndBuildNamingIt(code: Int32) throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try site.build()
        let published = AtomicPublishTests.view(site.output)
        #expect(published.keys.contains { $0.hasPrefix("updates/zustrich/") })
        let reason = String(cString: strerror(code))
        for folder in ["updates", "commentary", "reports", "reports/test-plan", "executors", "plans", "plans/test-plan", "sources"] {
            let token = InjectedFaults.add(.opendir, path: site.content + "/" + folder, code: code)
            defer { InjectedFaults.remove(token) }
            let failure = site.failure()
            #expect(failure.contains { $0.hasPrefix("Content/\(folder): error: cannot list the folder (\(reason)") },
                    "\(folder): \(failure)")
            #expect(throws: BuildFailure.self, "\(folder)") { try site.build() }
            #expect(AtomicPublishTests.view(site.output) == published, "\(folder): the site changed")
        }
    }

    /// A file that cannot be opened is an error naming it and why (it used to say only «cannot read»,
    /// and a cover that could not be read was silently left out).
    @Test func anUnreadableFileFailsNamingItsReason() throws {
        let site = try Self.site()
        defer { site.remove() }
        for file in ["updates/zustrich.md", "commentary/test-plan/1.1.md", "plans/test-plan/plan.yaml", "executors/bodies.yaml", "site.yaml"] {
            let token = InjectedFaults.add(.open, path: site.content + "/" + file, code: EMFILE)
            defer { InjectedFaults.remove(token) }
            let failure = site.failure()
            #expect(failure.contains { $0.hasPrefix("Content/\(file): error: cannot read the file (Too many open files, EMFILE)") },
                    "\(file): \(failure)")
        }
    }

    /// The templates folder is read the same way: an unlistable one is an error too.
    @Test func anUnlistableTemplatesFolderIsAnError() throws {
        let site = try Self.site()
        defer { site.remove() }
        let templates = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        var options = site.options()
        options.templates = templates
        let token = InjectedFaults.add(.opendir, path: templates + "/assets", code: EACCES)
        defer { InjectedFaults.remove(token) }
        do {
            _ = try Builder(options: options).check()
            Issue.record("check passed without the assets")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.contains { $0.location?.file == templates + "/assets" && $0.message.contains("Permission denied") })
        }
    }

    static func copyOfTemplates() throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-templates-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: TestSite.repository.appendingPathComponent("Templates").path, toPath: copy)
        return copy
    }

    /// The diagnostics of a failing build (or check); none when it passes.
    static func diagnostics(_ options: Builder.Options, build: Bool = false) -> [Diagnostic] {
        do {
            if build { _ = try Builder(options: options).build() } else { _ = try Builder(options: options).check() }
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics
        } catch {
            return [.error(.templateUnreadable(detail: "\(error)"), at: nil)]
        }
    }

    /// Nothing outside the templates folder is published: a stylesheet that is a symbolic link to
    /// /etc/passwd is refused (as a symlinked partial is), and the build writes nothing.
    @Test func aLinkedAssetOutsideTheTemplatesIsRefusedLikeALinkedPartial() throws {
        let site = try Self.site()
        defer { site.remove() }
        let templates = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        try FileManager.default.createSymbolicLink(atPath: templates + "/assets/evil.css", withDestinationPath: "/etc/passwd")
        var options = site.options()
        options.templates = templates
        let asset = Self.diagnostics(options, build: true).first { $0.location?.file == templates + "/assets/evil.css" }
        #expect(asset?.text == .linkOutsideTemplates(target: "/etc/passwd"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/assets/evil.css"))
        // The partial the same way.
        try FileManager.default.removeItem(atPath: templates + "/assets/evil.css")
        try FileManager.default.createSymbolicLink(atPath: templates + "/partials/evil.mustache", withDestinationPath: "/etc/passwd")
        #expect(Self.diagnostics(options).contains { $0.text == .linkOutsideTemplates(target: "/etc/passwd") })
        // A link that stays inside the templates folder is fine.
        try FileManager.default.removeItem(atPath: templates + "/partials/evil.mustache")
        try FileManager.default.createSymbolicLink(atPath: templates + "/assets/copy.css", withDestinationPath: templates + "/assets/site.css")
        #expect(Self.diagnostics(options, build: true).isEmpty)
        #expect(FileManager.default.contents(atPath: site.output + "/assets/copy.css") == FileManager.default.contents(atPath: templates + "/assets/site.css"))
    }

    /// `{{> partials/missing}}` used to render nothing; now it is a load error at its file and line,
    /// as is a parent (`{{<nolayout}}`) that does not exist.
    @Test func aPartialThatDoesNotExistIsALoadErrorAtItsLine() throws {
        let site = try Self.site()
        defer { site.remove() }
        let templates = try Self.copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let glossary = templates + "/glossary.mustache"
        var lines = try String(contentsOfFile: glossary, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("{{> partials/does-not-exist}}", at: 2)
        try lines.joined(separator: "\n").write(toFile: glossary, atomically: true, encoding: .utf8)
        try "<p>\n{{<nolayout}}{{/nolayout}}\n".write(toFile: templates + "/partials/framed.mustache", atomically: true, encoding: .utf8)
        var options = site.options()
        options.templates = templates
        let diagnostics = Self.diagnostics(options)
        let partial = diagnostics.first { $0.text == .templatePartialMissing(name: "partials/does-not-exist", parent: false) }
        #expect(partial?.location?.file == glossary && partial?.location?.line == 3)
        let parent = diagnostics.first { $0.text == .templatePartialMissing(name: "nolayout", parent: true) }
        #expect(parent?.location?.file == templates + "/partials/framed.mustache" && parent?.location?.line == 2)
    }
}
