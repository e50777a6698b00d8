/// The picture a page shows when it is shared (Open Graph `og:image`, 1200 × 630): an update's
/// cover cut to that size, or a plain card with the site's name and the update's title; every
/// other page shows the site's card. The cards are drawn by libvips (`ShareCard`) and cached; a
/// machine without libvips publishes the cached ones, or none (with a warning).
struct ShareImages: Sendable {
    struct Image: Sendable, Equatable {
        /// Relative to the output folder.
        var path: String
        var alt: String
        var width: Int { ImageSettings.shareWidth }
        var height: Int { ImageSettings.shareHeight }
    }

    /// The file name next to an update's page: `share.jpg` (its cover) or `share.png` (a card).
    static func fileName(cover: Bool) -> String { cover ? "share.jpg" : "share.png" }
    /// The site's card, at the top of the output (and of `/en/` where the English title differs).
    static let siteCardName = "share.png"

    let graph: SiteGraph
    let cacheFolder: String?
    /// Whether the text cards can be published: all cached, or libvips loads.
    let cardsAvailable: Bool
    /// Why not, when they cannot.
    let unavailable: String?

    init(graph: SiteGraph, languages: [Routes]) {
        self.graph = graph
        self.languages = languages
        let cacheFolder = graph.contentRoot.isEmpty ? nil : ImageConverter.cacheFolder(forContent: graph.contentRoot)
        self.cacheFolder = cacheFolder
        var missing: String?
        let needed = Self.cards(graph: graph, languages: languages)
        if !needed.allSatisfy({ ShareCard.isCached($0.text, cacheFolder: cacheFolder) }) {
            do { try ImageConverter.start() } catch { missing = "\(error)" }
        }
        unavailable = missing
        cardsAvailable = missing == nil
        var sites: [String: Image] = [:]
        for routes in languages {
            let card = Self.siteCard(graph: graph, routes: routes)
            sites[routes.localePrefix] = Image(path: card.path, alt: card.text.title)
        }
        siteImages = sites
    }

    private let languages: [Routes]
    /// The site's card by interface language (`Routes.localePrefix`), made once: every page names one.
    private let siteImages: [String: Image]

    /// An update's image: the cover's crop when it has a converted cover, else its card.
    func image(for update: Update) -> Image? {
        if let cover = update.cover, cover.image?.share != nil {
            return Image(path: graph.routes.relativePath(for: .updatePhoto(update.slug, file: Self.fileName(cover: true))), alt: cover.alt)
        }
        guard cardsAvailable else { return nil }
        return Image(path: graph.routes.relativePath(for: .updatePhoto(update.slug, file: Self.fileName(cover: false))),
                     alt: Self.updateCardText(update, graph: graph).alt)
    }

    /// The card of every page that is not an update, in the interface language of `routes`.
    func siteImage(_ routes: Routes) -> Image? {
        guard cardsAvailable else { return nil }
        return siteImages[routes.localePrefix]
    }

    /// Every file: the covers' crops (already made with the covers) and the cards, drawn on all
    /// cores (or read from the cache) and handed over in batches.
    func files(emit: ([OutputFile]) throws -> Void) throws {
        var crops: [OutputFile] = []
        for update in graph.updates {
            guard let share = update.cover?.image?.share else { continue }
            let path = graph.routes.relativePath(for: .updatePhoto(update.slug, file: Self.fileName(cover: true)))
            crops.append(OutputFile(path: path, bytes: share, origin: graph.origin(of: .updateCover(update.slug, ext: "jpg"))))
        }
        try emit(crops)
        guard cardsAvailable else { return }
        let cards = Self.cards(graph: graph, languages: languages)
        let cacheFolder = self.cacheFolder
        for start in stride(from: 0, to: cards.count, by: 64) {
            let chunk = Array(cards[start..<min(start + 64, cards.count)])
            let drawn = parallelMap(chunk) { card in Swift.Result(catching: { try ShareCard.png(card.text, cacheFolder: cacheFolder) }) }
            var files: [OutputFile] = []
            for (card, result) in zip(chunk, drawn) {
                files.append(OutputFile(path: card.path, bytes: try result.get(), origin: card.origin))
            }
            try emit(files)
        }
    }

    /// The paths of the card files (for the list of files a later partial build may remove).
    func cardPaths() -> [String] {
        cardsAvailable ? Self.cards(graph: graph, languages: languages).map(\.path) : []
    }

    // MARK: what each card says

    struct Card {
        var path: String
        var text: ShareCard.Text
        var origin: SourceLocation?
        var alt: String { (text.caption.map { "\(text.title) — \($0)" }) ?? text.title }
    }

    /// An update's card: the site's name above the update's title.
    static func updateCardText(_ update: Update, graph: SiteGraph) -> Card {
        let settings = graph.site.settings
        return Card(path: graph.routes.relativePath(for: .updatePhoto(update.slug, file: fileName(cover: false))),
                    text: ShareCard.Text(caption: settings.title, title: update.title), origin: update.location)
    }

    /// The site's card: its address above its name and description. The default language's at
    /// `share.png`; another language's at `<lang>/share.png` only when its name or description differs.
    static func siteCard(graph: SiteGraph, routes: Routes) -> Card {
        let settings = graph.site.settings
        let language = routes.localePrefix.isEmpty ? settings.language : String(routes.localePrefix.dropLast())
        let description = settings.description(language: language)
        let text = ShareCard.Text(caption: address(graph.routes.baseURL), title: settings.title(language: language),
                                  subtitle: description.isEmpty ? nil : description)
        let same = text.title == settings.title(language: settings.language)
            && description == settings.description(language: settings.language)
        return Card(path: (same ? "" : routes.localePrefix) + siteCardName, text: text, origin: settings.location)
    }

    /// `example.org/plany` from `https://example.org/plany/`; nil for a relative base.
    static func address(_ baseURL: String) -> String? {
        guard let scheme = baseURL.range(of: "://") else { return nil }
        var address = String(baseURL[scheme.upperBound...])
        while address.hasSuffix("/") { address.removeLast() }
        return address.isEmpty ? nil : address
    }

    /// Every card the site publishes: one per update without a converted cover, one per language
    /// whose site name differs.
    static func cards(graph: SiteGraph, languages: [Routes]) -> [Card] {
        var cards = graph.updates.filter { $0.cover?.image?.share == nil }.map { updateCardText($0, graph: graph) }
        var seen: Set<String> = []
        for routes in languages {
            let card = siteCard(graph: graph, routes: routes)
            if seen.insert(card.path).inserted { cards.append(card) }
        }
        return cards
    }
}
