import Foundation

/// The state of the preview's builds, and the event stream that tells open
/// pages to reload (after a good build) or to show the diagnostics (after a
/// failed one). Served by the preview only; never written into the site.
public final class LiveReload: @unchecked Sendable {
    public struct State: Sendable, Equatable, Codable {
        /// Counts every finished build, good or failed.
        public var build = 0
        /// The number of the build the site folder holds (0: none yet).
        public var site = 0
        public var ok = false
        public var diagnostics = ""
    }

    static let scriptPath = "/__planpress/reload.js"
    static let eventsPath = "/__planpress/events"
    /// Inserted before `</head>` of every HTML page the preview serves, with the number of the
    /// build the page was served from: a build that finishes while the page loads (before its
    /// event stream opens) still reloads it — without the number, the first event would be taken
    /// for the page's own build, and a «not found» page of a just-saved update would stay.
    static func scriptTag(site: Int) -> String { "<script src=\"\(scriptPath)\" data-site=\"\(site)\" defer></script>" }

    private let condition = NSCondition()
    private var current = State()
    private var closed = false

    public init() {}

    public var state: State {
        condition.lock()
        defer { condition.unlock() }
        return current
    }

    /// Records a finished build and wakes every open page.
    func finished(ok: Bool, diagnostics: String) {
        condition.lock()
        current.build += 1
        if ok { current.site = current.build }
        current.ok = ok
        current.diagnostics = diagnostics
        condition.broadcast()
        condition.unlock()
    }

    /// Ends every stream (the server is stopping).
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Server-sent events: the state now, then each new state; a comment every
    /// 15 s notices pages that have gone away. Checks the state ten times a
    /// second (no thread is held while waiting).
    func stream(_ connection: HTTPServer.StreamWriter) async {
        guard await connection.send("retry: 500\n\n") else { return }
        var sent = -1
        var quiet = 0
        while true {
            let (state, isClosed) = condition.withLock { (current, closed) }
            if isClosed { return }
            if state.build != sent {
                sent = state.build
                quiet = 0
                guard await connection.send("data: \(Self.json(state))\n\n") else { return }
            } else if quiet >= 150 {
                quiet = 0
                guard await connection.send(": ping\n\n") else { return }
            }
            quiet += 1
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    static func json(_ state: State) -> String {
        let data = (try? JSONEncoder().encode(state)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The page's HTML with the reload script added; `site`: the build it was served from
    /// (read before the file, so a page is never labelled newer than it is).
    static func inject(into html: [UInt8], site: Int) -> [UInt8] {
        let tag = Array(scriptTag(site: site).utf8)
        let marker = Array("</head>".utf8)
        guard let range = html.firstRange(of: marker) else { return html + tag }
        return Array(html[..<range.lowerBound]) + tag + Array(html[range.lowerBound...])
    }

    /// Reloads the page after a good build; shows the diagnostics over the
    /// page after a failed one, under two lines from the catalogue in the
    /// preview's language. Text only (`textContent`): nothing from the
    /// diagnostics is ever parsed as HTML.
    static func script(_ language: MessageLanguage) -> String {
        let heading = Message.previewOverlay.text(language)
        let literal = String(decoding: (try? JSONSerialization.data(withJSONObject: [heading + "\n\n"], options: [])) ?? Data("[\"\"]".utf8),
                             as: UTF8.self).dropFirst().dropLast()
        return """
    (function () {
      "use strict";
      var own = document.currentScript && document.currentScript.getAttribute("data-site");
      var site = own === null ? null : Number(own), overlay = null;
      function show(text) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "planpress-overlay";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 monospace;padding:2em;white-space:pre-wrap";
          document.body.appendChild(overlay);
        }
        overlay.textContent = \(literal) + text;
      }
      function hide() { if (overlay) { overlay.remove(); overlay = null; } }
      var events = new EventSource("\(eventsPath)");
      events.onmessage = function (event) {
        var state = JSON.parse(event.data);
        if (site === null) { site = state.site; }
        else if (state.site !== site) { location.reload(); return; }
        if (state.ok) { hide(); } else { show(state.diagnostics); }
      };
    })();

    """
    }

    /// Shown for every page while no build has ever succeeded.
    static func failurePage(_ state: State, language: MessageLanguage) -> String {
        let heading = HTML.escape(String(Message.previewOverlay.text(language).prefix { $0 != "\n" }))
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>PlanPress: \(heading)</title>\(scriptTag(site: state.site))</head>
        <body><h1>\(heading)</h1><p>\(HTML.escape(Message.previewFailurePage.text(language)))</p>
        <pre>\(HTML.escape(state.diagnostics))</pre></body></html>

        """
    }
}
