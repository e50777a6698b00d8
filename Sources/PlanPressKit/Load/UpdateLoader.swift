import Foundation

/// Reads `updates/*.md`: a press update with front matter.
enum UpdateLoader {
    /// Names the site itself uses under `updates/` (the feed, the list's pages) or at the top of the
    /// output (a slug equal to them would be confusing in a URL and in the output folder).
    static let reservedSlugs: Set<String> = [
        "feed.xml", "page", "index", "index.html", "assets", "data", "search", "sitemap.xml", "robots.txt",
        "404.html", "en", "sources", "plans", "executors", "glossary", "updates",
    ]

    static func load(text: String, file: String, slug: String, files: ContentFiles, sink: DiagnosticSink) -> Update? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let parts = FrontMatter.split(text) else {
            sink.error("an update must start with front matter between '---' lines (title, date, …); run `planpress new update \"Заголовок\"` for a template", at: start)
            return nil
        }
        guard let value = YAMLValue.parse(parts.yaml, file: file, lineOffset: parts.yamlLineOffset, sink: sink),
              let map = MappingReader(value, what: "update front matter", sink: sink) else { return nil }
        if !IDRules.isValid(slug) {
            sink.error("update file name '\(slug)' is not a valid slug: \(IDRules.explanation)", at: start)
        } else if UpdateLoader.reservedSlugs.contains(slug) {
            sink.error("update file name '\(slug)' is reserved: the site writes its own file or folder '\(slug)' "
                + "(reserved: \(UpdateLoader.reservedSlugs.sorted().joined(separator: ", "))); rename the file", at: start)
        }
        let title = map.text("title", required: true)
        let date = map.date("date", required: true)
        let summary = map.text("summary")
        let author = map.text("author")
        var items: [ItemReference] = []
        var itemLocations: [SourceLocation] = []
        for item in map.list("items") ?? [] {
            guard let raw = item.scalarText, let reference = ItemReference(parsing: raw.trimmingSpaces()) else {
                sink.error("'\(item.scalarText ?? "")' is not an item reference; write e.g. measure:<plan>/<number> or executor:<id>", at: item.location)
                continue
            }
            items.append(reference)
            itemLocations.append(item.location)
        }
        let tags = map.strings("tags")
        let cover = map.mapping("cover").flatMap { readCover($0, files: files, sink: sink) }
        let draft = map.bool("draft") ?? false
        map.finish()
        guard let title, let date else { return nil }
        return Update(slug: slug, title: title, date: date, summary: summary, author: author, items: items,
                      itemLocations: itemLocations, tags: tags, cover: cover, draft: draft, markdown: parts.body,
                      file: file, bodyLine: parts.bodyLine, location: map.location)
    }

    private static func readCover(_ c: MappingReader, files: ContentFiles, sink: DiagnosticSink) -> Update.Cover? {
        let image = c.text("image", required: true)
        let alt = c.text("alt")
        c.finish()
        guard let image else { return nil }
        if alt == nil {
            sink.error("the cover image has no 'alt' text: describe the picture for people who cannot see it", at: c.location)
        }
        let safe = !image.hasPrefix("/") && !image.split(separator: "/").contains("..")
        var bytes: [UInt8] = []
        if !safe || !files.exists(image) || files.isDirectory(image) {
            sink.error("cover image '\(image)' does not exist; give a path inside Content/, e.g. updates/images/photo.jpg", at: c.keyLocation("image"))
        } else if let target = files.outside(image) {
            sink.error("cover image '\(image)': " + files.outsideMessage(target), at: c.keyLocation("image"))
        } else if let data = files.data(image) {
            bytes = Array(data)
            let ext = (image as NSString).pathExtension.lowercased()
            if !ImageBytes.kinds(bytes).contains(ext), Update.Cover.extensions.contains(ext) {
                sink.error("cover image '\(image)' is not a \(ext.uppercased()) image by its contents (its first bytes are not an image's): "
                    + "export the picture again as JPEG, PNG, GIF, WebP or AVIF", at: c.keyLocation("image"))
            }
        }
        let cover = Update.Cover(path: image, alt: alt ?? "", location: c.keyLocation("image"), bytes: bytes)
        if !Update.Cover.extensions.contains(cover.fileExtension) {
            sink.error("cover image '\(image)' is not a JPEG, PNG, GIF, WebP or AVIF file: convert it to one of those", at: c.keyLocation("image"))
        }
        return cover
    }
}
