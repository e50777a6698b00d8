/// An Atom 1.0 feed (RFC 4287), written as text. Dates are calendar dates at
/// midnight UTC, so the same content always gives the same bytes.
struct AtomFeed {
    struct Entry {
        /// Absolute URL of the update page; stable as long as the slug is.
        var id: String
        var title: String
        var date: CalendarDate
        var url: String
        var summary: String?
        var contentHTML: String
        var author: String?
        var categories: [String]
    }

    /// Absolute URL of the feed itself (also its id and its `rel="self"` link).
    var selfURL: String
    /// The HTML page the feed mirrors.
    var pageURL: String
    /// The base URL relative links in entry content resolve against.
    var baseURL: String
    var title: String
    var subtitle: String?
    var language: String
    /// Feed-level author, required by Atom when an entry names none.
    var author: String
    /// Newest first.
    var entries: [Entry]
    /// `updated` when there are no entries (the site's as-of date).
    var emptyDate: CalendarDate

    /// The newest entry date: never the clock.
    var updated: CalendarDate { entries.map(\.date).max() ?? emptyDate }

    func xml() -> String {
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(x(language))" xml:base="\#(x(baseURL))">"#,
            "<id>\(x(selfURL))</id>",
            "<title>\(x(title))</title>",
        ]
        if let subtitle, !subtitle.isEmpty { lines.append("<subtitle>\(x(subtitle))</subtitle>") }
        lines += [
            "<updated>\(Self.timestamp(updated))</updated>",
            #"<link rel="self" type="application/atom+xml" href="\#(x(selfURL))"/>"#,
            #"<link rel="alternate" type="text/html" href="\#(x(pageURL))"/>"#,
            "<author><name>\(x(author))</name></author>",
            "<generator>PlanPress</generator>",
        ]
        for entry in entries { lines += entryLines(entry) }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func entryLines(_ entry: Entry) -> [String] {
        var lines = [
            "<entry>",
            "<id>\(x(entry.id))</id>",
            "<title>\(x(entry.title))</title>",
            "<published>\(Self.timestamp(entry.date))</published>",
            "<updated>\(Self.timestamp(entry.date))</updated>",
            #"<link rel="alternate" type="text/html" href="\#(x(entry.url))"/>"#,
        ]
        if let author = entry.author { lines.append("<author><name>\(x(author))</name></author>") }
        lines += entry.categories.map { #"<category term="\#(x($0))"/>"# }
        if let summary = entry.summary { lines.append("<summary>\(x(summary))</summary>") }
        lines.append(#"<content type="html">\#(x(entry.contentHTML))</content>"#)
        lines.append("</entry>")
        return lines
    }

    /// RFC 3339 date-time at midnight UTC.
    static func timestamp(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }

    /// XML text and attribute escaping (the HTML escaper's set is valid XML).
    private func x(_ text: String) -> String { HTML.escape(XMLText.clean(text)) }
}

/// Characters XML 1.0 forbids (control characters other than tab and line
/// breaks) make a whole feed unreadable: they are dropped.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
        return result
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return false
        case 0..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
