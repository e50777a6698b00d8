/// `/updates/` and its further pages: ten updates each, newest first.
struct UpdatesPage: LayoutPageModel {
    var layout: LayoutFields
    var updates: [Context] = []
    /// Page links or `false` (`PageRenderer.pagination`).
    var pagination: Any = false

    static let pageFields: [PageField<UpdatesPage>] = [
        PageField("updates", .record(PageRenderer.updateItemKeys)) { $0.updates },
        PageField("has_updates") { !$0.updates.isEmpty },
        PageField("pagination", .record(PageRenderer.paginationKeys)) { $0.pagination },
    ]
}

/// One update's page (`update.mustache`).
struct UpdatePage: LayoutPageModel {
    var layout: LayoutFields
    /// What a list shows of it (`updateItem`): title, date, author, summary.
    var item: Context
    var bodyHTML = ""
    /// A `<picture>` (`pictureContext`) or `false`.
    var cover: Any = false
    var items: [Context] = []
    var tags: [[String: String]] = []

    static let pageFields: [PageField<UpdatePage>] = PageRenderer.updateItemKeys.map { key in PageField(key) { $0.item[key] } } + [
        PageField("body_html") { $0.bodyHTML },
        PageField("cover", .record(["webp_srcset", "jpeg_srcset", "src", "sizes", "width", "height", "alt"])) { $0.cover },
        PageField("items", .record(["title", "url"])) { $0.items },
        PageField("has_items") { !$0.items.isEmpty },
        PageField("tags", .record(["tag"])) { $0.tags },
        PageField("has_tags") { !$0.tags.isEmpty },
    ]
}

/// Press updates: the paginated list, one page per update, the «Новини про
/// цей захід» sections on item pages and the latest updates on the home page.
extension PageRenderer {
    static let updatesPerPage = 10
    static let latestUpdatesOnHome = 3

    /// Number of `/updates/` pages: at least one, so the menu link always works.
    var updateListPages: Int { Self.updatePageCount(graph.updates.count) }

    static func updatePageCount(_ updates: Int) -> Int { max(1, (updates + updatesPerPage - 1) / updatesPerPage) }

    /// The list pages, then one page per published update (newest first).
    func updatePageIDs() -> [PageID] {
        (1...updateListPages).map { PageID.updates(page: $0) } + graph.updates.map { .update($0.slug) }
    }

    /// `<picture>`: WebP sizes with the JPEG ones as fallback, the middle JPEG as `src`,
    /// the largest size's width and height (the browser keeps the space while loading).
    func pictureContext(_ slug: String, _ image: ResponsiveImage, alt: String, photo: Int? = nil) -> Context {
        func url(_ width: Int, _ format: String) -> String {
            guard let photo else { return routes.path(for: .updateCover(slug, ext: Update.Cover.fileExtension(width: width, format: format))) }
            return routes.path(for: .updatePhoto(slug, file: Update.photoFileName(photo, width: width, format: format)))
        }
        func srcset(_ format: String) -> String { image.variants.map { "\(url($0.width, format)) \($0.width)w" }.joined(separator: ", ") }
        let fallback = image.variants.count > 1 ? image.variants[1] : image.largest
        return ["webp_srcset": srcset("webp"), "jpeg_srcset": srcset("jpg"), "src": url(fallback.width, "jpg"),
                "sizes": ImageSettings.sizes, "width": image.largest.width, "height": image.largest.height, "alt": alt]
    }

    /// The text's `<img>` of a converted photo becomes a `<picture>` like the cover's, loaded lazily
    /// (it is below the title and the cover). cmark writes `<img src="URL" alt="…" />`.
    func withPictures(_ html: String, _ update: Update) -> String {
        var html = html
        for (number, url) in update.images.keys.sorted().enumerated() {
            let picture = pictureContext(update.slug, update.images[url]!, alt: "", photo: number + 1)
            let opening = "<img src=\"\(HTML.escape(url))\""
            var searchFrom = html.startIndex
            while let found = html.range(of: opening, range: searchFrom..<html.endIndex),
                  let close = html.range(of: "/>", range: found.upperBound..<html.endIndex) {
                let rest = html[found.upperBound..<close.lowerBound]
                let replacement = "<picture><source type=\"image/webp\" srcset=\"\(picture["webp_srcset"]!)\" sizes=\"\(ImageSettings.sizes)\">"
                    + "<img src=\"\(picture["src"]!)\" srcset=\"\(picture["jpeg_srcset"]!)\" sizes=\"\(ImageSettings.sizes)\" "
                    + "width=\"\(picture["width"]!)\" height=\"\(picture["height"]!)\" loading=\"lazy\" decoding=\"async\"\(rest)/></picture>"
                html.replaceSubrange(found.lowerBound..<close.upperBound, with: replacement)
                searchFrom = html.index(found.lowerBound, offsetBy: replacement.count)
            }
        }
        return html
    }

    static let updateItemKeys = ["title", "url", "date", "date_iso", "author", "summary", "draft", "scheduled"]
    static let relatedUpdatesKeys = ["heading", "items", "all_url", "feed_url", "feed_label"]

    /// An update as it appears in lists.
    func updateItem(_ update: Update) -> Context {
        ["title": update.title, "url": routes.path(for: .update(update.slug)),
         "date": format.date(update.date), "date_iso": update.date.iso,
         "author": opt(update.author), "summary": opt(update.summary), "draft": update.draft,
         "scheduled": graph.site.settings.asOf < update.date ? fill("update_scheduled", ["date": format.dayMonth(update.date)]) : false]
    }

    func updatesPage(page number: Int) -> UpdatesPage {
        let heading = t("updates_heading")
        let title = number > 1 ? "\(heading) — \(t("updates_page")) \(number)" : heading
        var page = UpdatesPage(layout: layout(page: .updates(page: number), title: title,
                                              breadcrumbs: [(t("nav_home"), .home), (title, nil)]))
        let start = (number - 1) * Self.updatesPerPage
        let slice = graph.updates[min(start, graph.updates.count)..<min(start + Self.updatesPerPage, graph.updates.count)]
        page.updates = slice.map(updateItem)
        page.pagination = pagination(current: number)
        return page
    }

    /// Page numbers with previous (newer) and next (older) links.
    private func pagination(current: Int) -> Any {
        pagination(current: current, count: updateListPages, labels: ("updates_pagination", "updates_newer", "updates_older")) {
            routes.path(for: .updates(page: $0))
        }
    }

    func updatePage(_ slug: String) -> UpdatePage {
        let update = graph.updates[graph.updateBySlug[slug]!]
        let html = graph.updateHTML[slug] ?? ""
        var layout = layout(page: .update(slug), title: update.title, description: PressFiles.summary(update),
                            breadcrumbs: [(t("nav_home"), .home), (t("updates_heading"), .updates(page: 1)), (update.title, nil)])
        // Its own picture for sharing (the cover's crop or its card) instead of the site's.
        layout.shareImage = share?.image(for: update).map { (routes.absolute($0.path), $0.width, $0.height, $0.alt) }
        layout.publishedTime = update.date.iso
        layout.ogType = "article"
        var page = UpdatePage(layout: layout, item: updateItem(update))
        page.bodyHTML = withPictures(html, update)
        if let cover = update.cover, let image = cover.image {
            page.cover = pictureContext(slug, image, alt: cover.alt)
        }
        page.items = update.items.compactMap(aboutItem)
        page.tags = update.tags.map { ["tag": $0] }
        return page
    }

    /// A plan item an update is about, as a link with a readable label.
    private func aboutItem(_ reference: ItemReference) -> Context? {
        func inPlan(_ plan: PlanID, _ label: (PlanIndex) -> String?) -> String? {
            graph.plan(plan).flatMap { index in label(index).map { "\($0) — \(index.plan.shortTitle)" } }
        }
        let label: String?
        switch reference {
        case .plan(let p): label = graph.plan(p)?.plan.shortTitle
        case .goal(let p, let g):
            label = inPlan(p) { index in index.goalByID[g].map { "\(index.level(of: $0).name) \(index.goals[$0].goal.number)" } }
        case .measure(let p, let m):
            label = inPlan(p) { index in index.measureByNumber[m].map { measureLabel(index.measures[$0].measure, plan: index.plan) } }
        case .indicator(let p, let i): label = inPlan(p) { _ in "\(t("indicator")) \(i)" }
        case .executor(let e): label = graph.executors[e]?.name
        case .update(let slug): label = graph.updateBySlug[slug].map { graph.updates[$0].title }
        }
        guard let label else { return nil }
        return ["title": label, "url": routes.path(for: PageID(reference))]
    }

    /// The «Новини про …» section for an item page, or false when there are none.
    func relatedUpdates(_ reference: ItemReference, heading key: String) -> Any {
        relatedUpdates(indices: graph.updatesByItem[reference] ?? [], heading: t(key))
    }

    /// A plan page lists updates about the plan or any of its items, with the plan's feed.
    func planUpdates(_ plan: PlanID) -> Any {
        let indices = graph.updatesByPlan[plan] ?? []
        var section = relatedUpdates(indices: indices, heading: t("updates_about_plan"))
        if var found = section as? Context {
            found["feed_url"] = routes.path(for: .planFeed(plan))
            found["feed_label"] = t("updates_plan_feed")
            section = found
        }
        return section
    }

    /// The latest updates for the home page.
    func latestUpdates() -> Any {
        var section = relatedUpdates(indices: Array(graph.updates.indices.prefix(Self.latestUpdatesOnHome)),
                                     heading: t("updates_latest"))
        if var found = section as? Context {
            found["all_url"] = routes.path(for: .updates(page: 1))
            found["feed_url"] = routes.path(for: .updatesFeed)
            found["feed_label"] = t("updates_feed")
            section = found
        }
        return section
    }

    private func relatedUpdates(indices: [Int], heading: String) -> Any {
        guard !indices.isEmpty else { return false }
        return ["heading": heading, "items": indices.sorted().map { updateItem(graph.updates[$0]) },
                "all_url": false, "feed_url": false, "feed_label": false] as Context
    }
}
