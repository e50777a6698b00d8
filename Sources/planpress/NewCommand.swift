import ArgumentParser
import Foundation
import PlanPressKit

/// `planpress new update "Заголовок"`: starts a press update file.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a new content file from a template.",
        subcommands: [NewUpdateCommand.self])
}

struct NewUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Write Content/updates/<slug>.md: today's date, a slug transliterated from the title, front matter to fill in.")

    @Argument(help: "The headline, in Ukrainian (e.g. \"План затверджено\").") var title: String
    @Option(help: "Folder with site.yaml and updates/.") var content = "Content"
    @Option(help: "Date of the update as YYYY-MM-DD (default: today).") var date: String?
    @Option(name: .customLong("lang"), help: "Language of messages: uk (default) or en; without it, site.yaml's language.")
    var lang: MessageLanguage?

    func run() async throws {
        let settings = SiteSettings.read(contentFolder: content)
        let language = MessageLanguage.resolve(option: lang?.rawValue, siteLanguage: settings?.language)
        guard let day = date.map({ CalendarDate(iso: $0) }) ?? Self.today() else {
            throw ValidationError(Message.dateOptionInvalid.text(language))
        }
        if let problem = NewUpdate.problem(withTitle: title) { throw ValidationError(TerminalText.safe(problem.text(language))) }
        guard let update = NewUpdate(title: title, date: day) else {
            throw ValidationError(Message.titleWithoutLetters.text(language))
        }
        do {
            let path = try update.write(into: content)
            print(Message.updateCreated(path: path).text(language))
            print(Message.updateNextSteps.text(language))
            if let asOf = settings?.asOf, asOf < day {
                print(Message.updateAfterAsOf(siteFile: "\(content)/site.yaml", asOf: asOf, date: day).text(language))
            }
        } catch let error as NewUpdateError {
            let line = "planpress: \(Diagnostic.Severity.error.text(language)): \(error.text.text(language))"
            FileHandle.standardError.write(Data(TerminalText.safe(line + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// Today in the local time zone (the press office's calendar day).
    static func today() -> CalendarDate? {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
