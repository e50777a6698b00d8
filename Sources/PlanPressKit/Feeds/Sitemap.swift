/// `sitemap.xml` (sitemaps.org protocol 0.9): every published HTML page with
/// the date it last changed, and `robots.txt` pointing at it.
struct Sitemap {
    struct Page {
        var url: String
        var lastModified: CalendarDate
    }

    var pages: [Page]

    /// Every `.html` file about to be written except the 404 pages. Built from
    /// the output files rather than a list of page kinds, so a page kind added
    /// later is listed without anyone remembering to add it here.
    init(paths: [String], routes: Routes, locales: [Routes], updates: [Update], asOf: CalendarDate) {
        var dates: [String: CalendarDate] = [:]
        var excluded: Set<String> = []
        for locale in locales {
            excluded.insert(locale.file(for: .notFound))
            for update in updates { dates[locale.file(for: .update(update.slug))] = update.date }
        }
        pages = paths.filter { $0.hasSuffix(".html") && !excluded.contains($0) }.sorted().map { path in
            let folder = path.hasSuffix("/index.html") || path == "index.html" ? String(path.dropLast("index.html".count)) : path
            return Page(url: routes.absolute(folder), lastModified: dates[path] ?? asOf)
        }
    }

    func xml() -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#,
                     #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#]
        for page in pages {
            lines.append("<url><loc>\(HTML.escape(page.url))</loc><lastmod>\(page.lastModified.iso)</lastmod></url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// robots.txt: everything may be crawled; the sitemap's absolute URL.
    static func robots(routes: Routes) -> String {
        "User-agent: *\nAllow: \(routes.basePath)\n\nSitemap: \(routes.absolute(fileName))\n"
    }

    static let fileName = "sitemap.xml"
    static let robotsFileName = "robots.txt"
}
