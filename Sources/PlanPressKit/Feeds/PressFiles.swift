/// The render stage's files for the press office: the Atom feeds (all
/// updates, one per plan), `sitemap.xml`, `robots.txt` and update cover images.
struct PressFiles {
    /// Entries per feed: the latest 20, newest first (a feed reader polls the feed and keeps
    /// what it has seen; everything older is on the `/updates/` pages). Each entry has a summary.
    static let feedEntries = 20

    let graph: SiteGraph
    let templates: TemplateSet
    /// Routes of every interface language (the default first).
    let locales: [Routes]

    /// `paths` are the files rendered so far, for the sitemap.
    func files(paths: [String]) -> [OutputFile] {
        let routes = graph.routes
        var files = [OutputFile(path: routes.relativePath(for: .updatesFeed), text: updatesFeed().xml())]
        for index in graph.plans {
            files.append(OutputFile(path: routes.relativePath(for: .planFeed(index.plan.id)), text: planFeed(index).xml()))
            files.append(OutputFile(path: routes.relativePath(for: .planReportsFeed(index.plan.id)), text: reportsFeed(index).xml()))
        }
        for update in graph.updates {
            // The converted sizes only: the original may carry EXIF and the GPS position.
            for variant in update.cover?.image?.variants ?? [] {
                for (format, bytes) in [("webp", variant.webp), ("jpg", variant.jpeg)] {
                    let ext = Update.Cover.fileExtension(width: variant.width, format: format)
                    files.append(OutputFile(path: routes.relativePath(for: .updateCover(update.slug, ext: ext)), bytes: bytes,
                                            origin: graph.origin(of: .updateCover(update.slug, ext: ext))))
                }
            }
            for (number, url) in update.images.keys.sorted().enumerated() {
                for variant in update.images[url]!.variants {
                    for (format, bytes) in [("webp", variant.webp), ("jpg", variant.jpeg)] {
                        let name = Update.photoFileName(number + 1, width: variant.width, format: format)
                        files.append(OutputFile(path: routes.relativePath(for: .updatePhoto(update.slug, file: name)), bytes: bytes,
                                                origin: SourceLocation(file: graph.contentFile(url))))
                    }
                }
            }
        }
        let sitemap = Sitemap(paths: paths, routes: routes, locales: locales, updates: graph.updates, asOf: graph.site.settings.asOf)
        files.append(OutputFile(path: Sitemap.fileName, text: sitemap.xml()))
        files.append(OutputFile(path: Sitemap.robotsFileName, text: Sitemap.robots(routes: routes)))
        return files
    }

    /// An update in a sentence or two: its summary, or the start of its text as plain words (the
    /// feed entry's summary, the page's description).
    static func summary(_ update: Update) -> String {
        update.summary ?? HTML.excerpt(SearchDocuments.plainText(markdown: update.markdown), limit: 200)
    }

    /// Interface strings of the default language: feeds are not translated.
    private func t(_ key: String) -> String {
        templates.locales[graph.site.settings.language]?[key] ?? templates.locales["uk"]?[key] ?? key
    }

    func updatesFeed() -> AtomFeed {
        let settings = graph.site.settings
        return feed(title: "\(settings.title) — \(t("updates_heading"))", subtitle: settings.description,
                    page: .updates(page: 1), feed: .updatesFeed, updates: graph.updates)
    }

    /// Updates about the plan or any of its items.
    func planFeed(_ index: PlanIndex) -> AtomFeed {
        let id = index.plan.id
        let updates = (graph.updatesByPlan[id] ?? []).map { graph.updates[$0] }
        return feed(title: "\(index.plan.shortTitle) — \(t("updates_heading"))", subtitle: index.plan.title,
                    page: .plan(id), feed: .planFeed(id), updates: updates)
    }

    /// The plan's monitoring reports, newest first: summary, and each status given.
    func reportsFeed(_ index: PlanIndex) -> AtomFeed {
        let routes = graph.routes
        let settings = graph.site.settings
        let p = graph.planByID[index.plan.id]!
        let reports = (graph.monitoring.reportsByPlan[p] ?? []).map { graph.site.reports[$0] }
            .sorted { ($1.published, $1.period, $1.id) < ($0.published, $0.period, $0.id) }
            .prefix(Self.feedEntries)
        let entries = reports.map { report -> AtomFeed.Entry in
            let url = routes.url(for: .report(report.id))
            var html = report.summary.map { HTML.paragraphs($0) } ?? ""
            let items = report.measures.map { entry -> String in
                var parts: [String] = []
                if let status = entry.status { parts.append(t("status_\(status.rawValue)")) }
                if let answered = entry.replyTo.flatMap({ reply in graph.site.reports.first { $0.id == reply.report } }) {
                    parts.append(t("reply_to_feed").replacingOccurrences(of: "{reporter}", with: answered.reporter.name))
                }
                return "<li>\(HTML.escape(index.plan.measureLevel.name)) \(HTML.escape(entry.measure)): \(HTML.escape(parts.joined(separator: "; ")))</li>"
            }
            if !items.isEmpty { html += "<ul>" + items.joined() + "</ul>" }
            // A reply is published like a report: its own entry, titled as a reply.
            let title = report.title ?? (report.isReplyOnly ? t("reply_feed_title").replacingOccurrences(of: "{reporter}", with: report.reporter.name)
                .replacingOccurrences(of: "{period}", with: report.period.code) : "\(report.reporter.name), \(report.period.code)")
            return AtomFeed.Entry(id: url, title: title, date: report.published,
                                  url: url, summary: report.summary ?? title, contentHTML: html, author: report.reporter.name,
                                  categories: [report.reporter.kind.rawValue, report.period.code] + (report.measures.contains { $0.replyTo != nil } ? ["reply"] : []))
        }
        return AtomFeed(selfURL: routes.url(for: .planReportsFeed(index.plan.id)), pageURL: routes.url(for: .plan(index.plan.id)),
                        baseURL: routes.baseURL, title: "\(index.plan.shortTitle) — \(t("reports_heading"))", subtitle: index.plan.title,
                        language: settings.language, author: settings.publisher ?? settings.title, entries: entries, emptyDate: settings.asOf)
    }

    private func feed(title: String, subtitle: String, page: PageID, feed: PageID, updates: [Update]) -> AtomFeed {
        let routes = graph.routes
        let settings = graph.site.settings
        let entries = updates.prefix(Self.feedEntries).map { update in
            AtomFeed.Entry(id: routes.url(for: .update(update.slug)), title: update.title, date: update.date,
                           url: routes.url(for: .update(update.slug)), summary: Self.summary(update),
                           contentHTML: entryHTML(update), author: update.author, categories: update.tags)
        }
        return AtomFeed(selfURL: routes.url(for: feed), pageURL: routes.url(for: page), baseURL: routes.baseURL,
                        title: title, subtitle: subtitle, language: settings.language,
                        author: settings.publisher ?? settings.title, entries: entries, emptyDate: settings.asOf)
    }

    /// The body, with the cover image first (absolute URL, alt text kept).
    private func entryHTML(_ update: Update) -> String {
        var html = graph.updateHTML[update.slug] ?? ""
        // The text's photos are published only as converted sizes (the original is never copied):
        // a feed reader gets the middle JPEG by its absolute address, as `src` on the page.
        for (number, path) in update.images.keys.sorted().enumerated() {
            let image = update.images[path]!
            let fallback = image.variants.count > 1 ? image.variants[1] : image.largest
            let url = graph.routes.url(for: .updatePhoto(update.slug, file: Update.photoFileName(number + 1, width: fallback.width, format: "jpg")))
            html = html.replacingOccurrences(of: "<img src=\"\(HTML.escape(path))\"", with: "<img src=\"\(HTML.escape(url))\"")
        }
        if let cover = update.cover, let largest = cover.image?.largest {
            let url = graph.routes.url(for: .updateCover(update.slug, ext: Update.Cover.fileExtension(width: largest.width, format: "jpg")))
            html = "<p><img src=\"\(HTML.escape(url))\" alt=\"\(HTML.escape(cover.alt))\"></p>\n" + html
        }
        return html
    }
}
