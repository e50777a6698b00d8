import ArgumentParser
import Dispatch
import Foundation
import PlanPressKit

/// `planpress serve`: live preview on 127.0.0.1.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve on 127.0.0.1, rebuild on every change under Content/ and Templates/, reload the browser.")

    @OptionGroup var site: SiteOptions
    @Option(help: "Port to listen on.") var port: UInt16 = 8000
    @Option(help: "Address to bind. Only 127.0.0.1 (this computer) unless you mean to share the preview.") var host = "127.0.0.1"
    @Option(help: "Most connections open at once; over it a stalled one is closed to make room, or the new one gets 503.") var maxConnections = 256
    @Option(help: "Seconds an idle connection stays open.") var idleTimeout = 30.0
    @Flag(help: "Do not offer the editor at /_edit/.") var noEditor = false
    @Flag(help: "With --host on a network address: let other computers use the editor with a key printed once (whoever has the link can change Content/).")
    var editorKey = false

    func run() async throws {
        var options = PreviewServer.Options(content: site.content, templates: site.templates, baseURL: site.baseURL,
                                            includeDrafts: site.drafts, host: host, port: port,
                                            limits: .init(maxConnections: max(1, maxConnections), idleTimeout: max(0.1, idleTimeout)),
                                            editor: !noEditor)
        options.language = site.language
        let networked = !(host.hasPrefix("127.") || host == "::1")
        if editorKey && networked { options.editorKey = Editor.newKey() }
        // First line: the as-of date the preview uses (what counts as overdue, which updates are scheduled).
        if let settings = SiteSettings.read(contentFolder: site.content) {
            let line = Message.previewAsOf(date: settings.asOf, buildDate: settings.asOfIsBuildDate).text(options.language)
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        let preview: PreviewServer
        do {
            // Line by line, also when the output goes to a file or a pipe.
            preview = try PreviewServer(options: options, log: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            })
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("planpress: \(Diagnostic.Severity.error.text(options.language)): \(error.text.text(options.language))\n".utf8))
            throw ExitCode.failure
        }
        // Ctrl-C or kill: remove the private build folder, then exit.
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                preview.stop()
                Foundation.exit(0)
            }
            source.resume()
            Self.signalSources.append(source)
        }
        do {
            try await preview.start()
        } catch let error as ServeError {
            preview.stop()
            FileHandle.standardError.write(Data("planpress: \(Diagnostic.Severity.error.text(options.language)): \(error.text.text(options.language))\n".utf8))
            throw ExitCode.failure
        }
        if !(host.hasPrefix("127.") || host == "::1") {
            FileHandle.standardOutput.write(Data((Message.listeningOnNetwork(host: host).text(options.language) + "\n").utf8))
        }
        FileHandle.standardOutput.write(Data((Message.serving(url: "\(preview.url)", folder: preview.workFolder).text(options.language) + "\n").utf8))
        if preview.editor != nil {
            let host = self.host.contains(":") ? "[\(self.host)]" : self.host
            let shown = networked ? "127.0.0.1" : host
            let line = Message.editorAddress(url: "http://\(shown):\(preview.port)/_edit/", content: site.content).text(options.language)
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
            if let key = options.editorKey {
                let url = "http://\(host):\(preview.port)/_edit/?key=\(key)"
                FileHandle.standardOutput.write(Data((Message.editorKeyAddress(url: url).text(options.language) + "\n").utf8))
            } else if networked {
                FileHandle.standardOutput.write(Data((Message.editorLoopbackOnly(host: self.host).text(options.language) + "\n").utf8))
            }
        }
        while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) }
    }

    nonisolated(unsafe) static var signalSources: [DispatchSourceSignal] = []
}
