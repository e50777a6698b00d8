import ArgumentParser
import Foundation
import PlanPressKit

@main
struct PlanPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planpress",
        abstract: "Builds a static website from government action plans.",
        version: BuildInfo.line,
        subcommands: [BuildCommand.self, CheckCommand.self, CiteCommand.self, NewCommand.self, ImportCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

struct SiteOptions: ParsableArguments {
    @Option(help: "Folder with site.yaml, plans, executors and commentary.") var content = "Content"
    @Option(help: "Folder with Mustache templates, locales and assets.") var templates = "Templates"
    @Option(name: .customLong("base-url"), help: "Absolute base URL, overriding site.yaml (e.g. https://example.org/plany/).")
    var baseURL: String?
    @Flag(help: "Publish updates marked draft.") var drafts = false
    @Option(name: .customLong("lang"), help: "Language of messages: uk (default) or en; without it, site.yaml's language.")
    var lang: MessageLanguage?

    /// `--lang`, else the site's `language`, else Ukrainian.
    var language: MessageLanguage {
        MessageLanguage.resolve(option: lang?.rawValue, siteLanguage: SiteSettings.read(contentFolder: content)?.language)
    }
}

extension MessageLanguage: ExpressibleByArgument {}

/// Prints diagnostics to standard error, one per line, sorted by location.
func report(_ diagnostics: [Diagnostic], _ language: MessageLanguage) {
    for line in diagnostics.lines(language) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A failure that is not a list of diagnostics (writing the output folder …) in both languages.
func problem(_ error: Error, _ language: MessageLanguage) -> Phrase {
    if let error = error as? WriteError { return Phrase(uk: error.text.text(.uk), en: error.text.text(.en)) }
    return Phrase(data: "\(error)")
}

func fail(_ failure: BuildFailure, _ language: MessageLanguage) -> ExitCode {
    report(failure.diagnostics, language)
    let errors = failure.diagnostics.errorCount, warnings = failure.diagnostics.warningCount
    FileHandle.standardError.write(Data((Message.nothingWritten(errors: errors, warnings: warnings).text(language) + "\n").utf8))
    return ExitCode.failure
}

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")
    @OptionGroup var site: SiteOptions
    @Option(help: "Output folder; replaced only when the build succeeds.") var output = "Public"
    @Flag(help: "Keep running and rebuild after every change, rendering only the pages an edit changes.") var watch = false
    @Option(help: "With --watch: seconds between checks for changes.") var poll = 0.2
    @Flag(help: "Also write a gzip copy (x.html.gz) of every text file, for servers that send it as it is (nginx gzip_static).")
    var precompress = false

    func run() async throws {
        var options = Builder.Options(content: site.content, templates: site.templates, output: output,
                                      baseURL: site.baseURL, includeDrafts: site.drafts)
        // `--drafts` previews what will go out: drafts and updates dated after as_of.
        options.includeScheduled = site.drafts
        options.language = site.language
        options.precompress = precompress
        if watch { return try watchAndRebuild(options) }
        let builder = Builder(options: options, log: { print($0) })
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let result = try builder.build()
            report(result.diagnostics, site.language)
            for note in result.scheduled { print(note.text(site.language)) }
            // Wall time: the render and write stages overlap, so their sum would overstate it.
            let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(Message.siteBuilt(pages: result.pages, files: result.files, unchanged: result.unchanged, output: output,
                                    seconds: String(format: "%.2f", total)).text(site.language))
        } catch let failure as BuildFailure {
            throw fail(failure, site.language)
        } catch {
            let line = Message.notPublished(problem: problem(error, site.language), output: output).text(site.language)
            FileHandle.standardError.write(Data(TerminalText.safe(line + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

extension BuildCommand {
    /// `build --watch`: one full build, then a rebuild after each change. Errors are printed and the
    /// last good site stays; the process runs until interrupted.
    func watchAndRebuild(_ options: Builder.Options) throws {
        let builder = IncrementalBuilder(options: options, log: { print($0) })
        func once() {
            let start = DispatchTime.now().uptimeNanoseconds
            let seconds = { String(format: "%.3f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            do {
                let result = try builder.build()
                report(result.diagnostics, site.language)
                let written = result.files - result.unchanged
                print(Message.siteRebuilt(pages: result.pages, rendered: result.rendered, fullReason: builder.lastFullReason, written: written,
                                          removed: result.removed, output: output, seconds: seconds()).text(site.language))
            } catch let failure as BuildFailure {
                report(failure.diagnostics, site.language)
                print(Message.rebuildFailed(seconds: seconds(), output: output).text(site.language))
            } catch {
                print(TerminalText.safe(Message.notRepublished(problem: problem(error, site.language), output: output).text(site.language)))
            }
            fflush(nil)
        }
        let watcher = ContentWatcher(folders: [options.content, options.templates])
        let first = watcher.fingerprint()
        once()
        print(Message.watching(content: options.content, templates: options.templates).text(site.language))
        fflush(nil)
        watcher.watch(since: first, interval: poll) { once() }
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Load and validate everything; write nothing.")
    @OptionGroup var site: SiteOptions
    @Flag(help: "Fail on warnings too (such as budget totals that do not add up).") var strict = false

    func run() async throws {
        let options = Builder.Options(content: site.content, templates: site.templates, baseURL: site.baseURL,
                                      includeDrafts: site.drafts, strict: strict)
        do {
            let (graph, _, result) = try Builder(options: options).check()
            report(result.diagnostics, site.language)
            let measures = graph.plans.reduce(0) { $0 + $1.measures.count }
            print(Message.checkPassed(plans: graph.plans.count, measures: measures, executors: graph.executors.count,
                                      warnings: result.diagnostics.warningCount).text(site.language))
        } catch let failure as BuildFailure {
            throw fail(failure, site.language)
        }
    }
}
