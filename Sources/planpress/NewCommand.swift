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

    func run() async throws {
        guard let day = date.map({ CalendarDate(iso: $0) }) ?? Self.today() else {
            throw ValidationError("--date must be a date as YYYY-MM-DD, e.g. 2026-11-21")
        }
        if let problem = NewUpdate.problem(withTitle: title) { throw ValidationError(TerminalText.safe(problem)) }
        guard let update = NewUpdate(title: title, date: day) else {
            throw ValidationError("the title has no letters or digits to make a file name from: write the headline in words")
        }
        do {
            let path = try update.write(into: content)
            print("created \(path)")
            print("next: fill in the file, preview with `planpress serve --drafts`, then remove `draft: true` to publish (see docs/updates.md)")
            if let asOf = SiteSettings.read(contentFolder: content)?.asOf, asOf < day {
                print("note: as_of in \(content)/site.yaml is \(asOf); this update is dated \(day) and will not be published until as_of reaches that date")
            }
        } catch let error as NewUpdateError {
            FileHandle.standardError.write(Data(TerminalText.safe("planpress: error: \(error.message)\n").utf8))
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
