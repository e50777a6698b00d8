import ArgumentParser
import Foundation
import PlanPressKit

/// `planpress import plan FILE --id ID`: a plan from its Word table (docs/import.md).
struct ImportPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Write Content/plans/<id>/plan.yaml, Content/sources/<id>.txt (and the original beside it), new bodies in Content/executors/<id>.yaml and a review list (REVIEW.md) from a plan's Word table.")

    @Argument(help: "The document: .docx (.doc, .odt, .rtf through LibreOffice).") var document: String
    @Option(help: "The plan's id: its folder and address, e.g. luhansk-wps-2026-2030.") var id: String
    @Option(help: "Which table to read (1 = the first); default: the largest plan table.") var table: Int?
    @Option(help: "The columns from the left, when their headings are unusual: number,task,text,responsible,term,indicators,results,source,amount or - to skip.")
    var columns: String?
    @Option(help: "Folder with site.yaml, plans, sources and executors.") var content = "Content"
    @Option(help: "Folder with Mustache templates and locales (for the check).") var templates = "Templates"
    @Option(name: .customLong("lang"), help: "Language of messages: uk (default) or en; without it, site.yaml's language.")
    var lang: MessageLanguage?

    func run() async throws {
        let language = MessageLanguage.resolve(option: lang?.rawValue, siteLanguage: SiteSettings.read(contentFolder: content)?.language)
        var options = PlanImport.Options(file: document, id: id, content: content, templates: templates, table: table, columns: columns)
        options.language = language
        let importer = PlanImport(options: options)
        let outcome = importer.run()
        let err = FileHandle.standardError
        for note in outcome.notes { err.write(Data((TerminalText.safe(note.text(language)) + "\n").utf8)) }
        for error in outcome.errors { err.write(Data((TerminalText.safe(error) + "\n").utf8)) }
        guard outcome.succeeded else {
            err.write(Data((Message.wordImportNothingWritten.text(language) + "\n").utf8))
            throw ExitCode.failure
        }
        let source = (content as NSString).appendingPathComponent(importer.sourcePath)
        for line in ReviewFile.lines(outcome.review, source: source, language: language) { print(line) }
        print(Message.wordImportCreated(files: outcome.written.map { (content as NSString).appendingPathComponent($0) }, review: outcome.review.count,
                                        reviewFile: (content as NSString).appendingPathComponent(importer.reviewPath)).text(language))
    }
}

/// `planpress import decide --plan ID --body NEW --is EXISTING`: applies a review decision.
struct ImportDecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Apply a decision from an imported plan's review list without importing again: a new body is an existing one (--is) or stays new (--keep).")

    @Option(help: "The imported plan's id.") var plan: String
    @Option(help: "The new body's id, as REVIEW.md names it.") var body: String
    @Option(name: .customLong("is"), help: "The registry id of the body it is, e.g. luhansk-oda-health.") var existing: String?
    @Flag(help: "Keep it as a new body (ticks the item).") var keep = false
    @Option(help: "Folder with site.yaml, plans, sources and executors.") var content = "Content"
    @Option(help: "Folder with Mustache templates and locales (for the check).") var templates = "Templates"
    @Option(name: .customLong("lang"), help: "Language of messages: uk (default) or en; without it, site.yaml's language.")
    var lang: MessageLanguage?

    func run() async throws {
        let language = MessageLanguage.resolve(option: lang?.rawValue, siteLanguage: SiteSettings.read(contentFolder: content)?.language)
        guard keep != (existing != nil) else { throw ValidationError("give either --is EXISTING-ID or --keep") }
        let decision = ReviewDecision(content: content, templates: templates, plan: plan, body: body, language: language)
        let result = existing.map { decision.same(as: $0) } ?? decision.keep()
        switch result {
        case .success(let message): print(TerminalText.safe(message.text(language)))
        case .failure(let failure):
            for line in failure.lines { FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8)) }
            throw ExitCode.failure
        }
    }
}
