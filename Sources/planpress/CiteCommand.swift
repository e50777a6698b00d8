import ArgumentParser
import Foundation
import PlanPressKit

/// `planpress cite --plan <id>`: proposes `lines:` for every goal, measure and
/// stated total of a plan from its source text; `--write` adds them to plan.yaml.
struct CiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Propose source-line citations (lines:) for a plan's items; --write adds them to its plan.yaml.")
    @OptionGroup var site: SiteOptions
    @Option(help: "The plan id (its folder under plans/).") var plan: String
    @Flag(help: "Write the proposed lines into plan.yaml (items that cite lines already are left alone).") var write = false

    func run() async throws {
        let (loaded, diagnostics) = ContentLoader.load(from: site.content)
        guard let loaded, let plan = loaded.plans.first(where: { $0.id.raw == self.plan }) else {
            report(diagnostics.filter { $0.severity == .error }, site.language)
            FileHandle.standardError.write(Data("planpress cite: no plan '\(self.plan)' could be loaded from \(site.content)/plans/\n".utf8))
            throw ExitCode.failure
        }
        guard let source = plan.source, SourceNotes.isSourceText(source), let text = loaded.sourceFiles[source] else {
            FileHandle.standardError.write(Data("planpress cite: plan '\(self.plan)' names no source text (.txt) in \(site.content)/sources/\n".utf8))
            throw ExitCode.failure
        }
        let proposals = CitationProposer(sourceText: text).propose(plan)
        var problems = 0
        for p in proposals {
            let lines = p.ranges.isEmpty ? "?" : Citation.yaml(p.ranges)
            let note = p.existing.isEmpty ? "" : (p.existing == p.ranges ? " (as cited)" : " (cites \(Citation.yaml(p.existing)))")
            print("\(p.location): \(p.what): lines: \(lines)\(note)")
            for problem in p.problems { print("  \(problem)") }
            problems += p.problems.isEmpty ? 0 : 1
        }
        if write {
            let path = site.content + "/plans/\(self.plan)/plan.yaml"
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let result = CitationWriter.insert(proposals, into: original)
            try result.text.write(toFile: path, atomically: true, encoding: .utf8)
            print("wrote \(result.written) citation(s) into \(path)" + (result.skipped.isEmpty ? "" : "; not placed: \(result.skipped.joined(separator: ", "))"))
        }
        print("\(proposals.count) items, \(problems) with problems to resolve (fix the text or declare a correction)")
    }
}
