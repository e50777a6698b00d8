import ArgumentParser
import PlanPressKit

@main
struct PlanPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planpress",
        abstract: "Builds a static website from government action plans.",
        subcommands: [BuildCommand.self, CheckCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build Content/ into Public/.")
    @Option(help: "Content folder.") var content = "Content"
    func run() async throws {
        let (site, diagnostics) = ContentLoader.load(from: content)
        for d in diagnostics.sortedByLocation() { print(d) }
        print("plans: \(site?.plans.count ?? 0)")
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate without writing.")
    func run() async throws {}
}
