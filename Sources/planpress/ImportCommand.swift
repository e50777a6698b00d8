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
        abstract: "Write Content/reports/<plan>-<period>-<voice>.yaml from a filled monitoring template (/data/<plan>-monitoring-template.xlsx), checked as `check` checks it.")

    @Argument(help: "The filled template (.xlsx).") var workbook: String
    @Option(help: "Who reports: the body's or organisation's name, e.g. \"Коаліція 1325\".") var reporter: String
    @Option(help: "The period reported on: 2025, 2025-H1 or 2025-Q3.") var period: String
    @Option(help: "official (a state body) or civil-society (a monitor).") var voice = "civil-society"
    @Option(help: "The reporter's id in the executors registry, if it has one.") var executor: String?
    @Option(help: "Publication date as YYYY-MM-DD (default: today).") var published: String?
    @Option(help: "File name of the report without .yaml (default: <plan>-<period>-<voice>).") var id: String?
    @Option(help: "Folder with site.yaml, plans and reports/.") var content = "Content"
    @Option(help: "Folder with Mustache templates and locales.") var templates = "Templates"
    @Option(name: .customLong("lang"), help: "Language of messages: uk (default) or en; without it, site.yaml's language.")
    var lang: MessageLanguage?

    func run() async throws {
        guard let kind = Reporter.Kind(rawValue: voice) else {
            throw ValidationError("--voice must be one of: \(Reporter.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let day = published.map({ CalendarDate(iso: $0) }) ?? NewUpdateCommand.today() else {
            throw ValidationError("--published must be a date as YYYY-MM-DD, e.g. 2026-01-20")
        }
        let language = MessageLanguage.resolve(option: lang?.rawValue, siteLanguage: SiteSettings.read(contentFolder: content)?.language)
        var options = ReportImport.Options(workbook: workbook, content: content, templates: templates, reporter: reporter,
                                           voice: kind, executor: executor, period: period, published: day, id: id)
        options.language = language
        let outcome = try ReportImport(options: options).run()
        for message in outcome.messages { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        guard let path = outcome.path else {
            FileHandle.standardError.write(Data((Message.importNothingWritten(errors: outcome.errors, warnings: outcome.warnings).text(language) + "\n").utf8))
            throw ExitCode.failure
        }
        print(Message.importCreated(path: path, warnings: outcome.warnings).text(language))
    }
}
