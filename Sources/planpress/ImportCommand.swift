import ArgumentParser
import Foundation
import PlanPressKit

/// `planpress import report FILE.xlsx`: a filled monitoring template becomes a report file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Create content files from other formats.",
        subcommands: [ImportReportCommand.self, ImportPlanCommand.self, ImportDecideCommand.self])
}

struct ImportReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write Content/reports/<plan>-<period>-<voice>-<reporter>.yaml from a filled monitoring template (/data/<plan>-monitoring-template.xlsx), checked as `check` checks it; nothing is written when the site would fail.")

    @Argument(help: "The filled template (.xlsx).") var workbook: String
    @Option(help: "Who reports, when the template's «Звіт» sheet does not say: the body's or organisation's name, e.g. \"Коаліція 1325\".") var reporter: String?
    @Option(help: "The period reported on, when the template does not say: 2025, 2025-H1 or 2025-Q3.") var period: String?
    @Option(help: "official (a state body) or civil-society (a monitor; the default), when the template does not say.") var voice: String?
    @Option(help: "The reporter's id in the executors registry, if it has one.") var executor: String?
    @Option(help: "Publication date as YYYY-MM-DD, when the template does not say (default: today).") var published: String?
    @Option(help: "File name of the report without .yaml: lowercase letters, digits and hyphens (default: <plan>-<period>-<voice>-<reporter>).") var id: String?
    @Option(help: "Folder with site.yaml, plans and reports/.") var content = "Content"
    @Option(help: "Folder with Mustache templates and locales.") var templates = "Templates"
    @Option(name: .customLong("lang"), help: "Language of messages: uk (default) or en; without it, site.yaml's language.")
    var lang: MessageLanguage?

    func run() async throws {
        let language = MessageLanguage.resolve(option: lang?.rawValue, siteLanguage: SiteSettings.read(contentFolder: content)?.language)
        var options = ReportImport.Options(workbook: workbook, content: content, templates: templates, reporter: reporter,
                                           voice: voice, executor: executor, period: period, published: published, id: id)
        options.language = language
        options.today = NewUpdateCommand.today()
        let outcome = try ReportImport(options: options).run()
        for message in outcome.messages { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        guard let path = outcome.path else {
            FileHandle.standardError.write(Data((Message.importNothingWritten(errors: outcome.errors, warnings: outcome.warnings).text(language) + "\n").utf8))
            throw ExitCode.failure
        }
        print(Message.importCreated(path: path, warnings: outcome.warnings).text(language))
    }
}
