import Foundation

/// Reads `updates/*.md`: a press update with front matter.
enum UpdateLoader {
    /// Names the site itself uses under `updates/` (the feed, the list's pages) or at the top of the
    /// output (a slug equal to them would be confusing in a URL and in the output folder), with the
    /// gzip twin of each file name (`feed.xml.gz`: `build --precompress` writes it beside the feed),
    /// and the editor's own addresses under `/_edit/updates/`. `ReliabilityTests` checks that every
    /// name a build writes into `updates/` is here.
    static let reservedSlugs: Set<String> = {
        let names: Set<String> = [
            "feed.xml", "page", "index", "index.html", "assets", "data", "search", "sitemap.xml", "robots.txt",
            "404.html", "en", "sources", "plans", "executors", "glossary", "updates", "reports", "years",
            "new", "save", "check",
        ]
        return names.union(names.filter(Gzip.compressible).map { $0 + ".gz" })
    }()

    static func load(text: String, file: String, slug: String, files: ContentFiles, sink: DiagnosticSink) -> Update? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let parts = FrontMatter.split(text) else {
            sink.error(.updateWithoutFrontMatter, at: start)
            return nil
        }
        // Every problem in one run: a bad line of the front matter is reported and left out, the
        // rest is read, and an update that could not be read whole is still handed to the linker
        // (marked `readWithErrors`), so the links in its text and its items are checked too.
        let (value, skipped) = YAMLValue.parseRecovering(parts.yaml, file: file, lineOffset: parts.yamlLineOffset, sink: sink)
        let map = value.flatMap { MappingReader($0, what: .updateFrontMatter, sink: sink) }
        if !IDRules.isValid(slug) {
            sink.error(.invalidUpdateSlug(slug: slug), at: start)
        } else if UpdateLoader.reservedSlugs.contains(slug) {
            sink.error(.reservedUpdateSlug(slug: slug, reserved: UpdateLoader.reservedSlugs.sorted()), at: start)
        }
        Markdown.checkBounds(parts.body, file: file, firstLine: parts.bodyLine, sink: sink)
        let title = map?.text("title", required: !skipped.contains("title"))
        let date = map?.date("date", required: !skipped.contains("date"))
        let summary = map?.text("summary")
        let author = map?.text("author")
        var items: [ItemReference] = []
        var itemLocations: [SourceLocation] = []
        for item in map?.list("items") ?? [] {
            guard let raw = item.scalarText, let reference = ItemReference(parsing: raw.trimmingSpaces()) else {
                sink.error(.notAnItemReference(text: item.scalarText ?? ""), at: item.location)
                continue
            }
            items.append(reference)
            itemLocations.append(item.location)
        }
        let tags = map?.strings("tags") ?? []
        let cover = map?.mapping("cover").flatMap { readCover($0, files: files, sink: sink) }
        let draft = map?.bool("draft") ?? false
        map?.finish()
        var update = Update(slug: slug, title: title ?? "", date: date ?? CalendarDate(year: 1, month: 1, day: 1), summary: summary,
                            author: author, items: items, itemLocations: itemLocations, tags: tags, cover: cover, draft: draft,
                            markdown: parts.body, file: file, bodyLine: parts.bodyLine, location: map?.location ?? start)
        update.readWithErrors = title == nil || date == nil
        update.images = readBodyImages(parts.body, file: file, bodyLine: parts.bodyLine, files: files, sink: sink)
        return update
    }

    /// Responsive sizes of a photo (and, for a cover, its crop for sharing), with a warning when it
    /// is too narrow. Refused before anything is decoded: an empty file, a file above the size
    /// limit, more pixels than the limit by its header, HEIC/AVIF where libvips reads no HEIF.
    static func convert(_ bytes: [UInt8], path: String, at location: SourceLocation, files: ContentFiles,
                        share: Bool = false, sink: DiagnosticSink) -> ResponsiveImage? {
        do {
            let image = try ImageConverter(cacheFolder: ImageConverter.cacheFolder(forContent: files.root)).convert(bytes, share: share)
            if image.largest.width < ImageSettings.minimumWidth {
                sink.warning(.imageTooNarrow(path: path, width: image.largest.width, minimum: ImageSettings.minimumWidth), at: location)
            }
            return image
        } catch let refusal as ImageConverter.Refusal {
            switch refusal {
            case .empty:
                sink.error(.imageEmpty(path: path), at: location)
            case .tooLarge(let size):
                sink.error(tooLarge(path, size: size), at: location)
            case .tooManyPixels(let width, let height):
                sink.error(.imageTooManyPixels(path: path, width: width, height: height, limit: ImageSettings.maxPixels / 1_000_000), at: location)
            case .unsupported(let kind):
                sink.error(.imageFormatUnsupported(path: path, format: kind.displayName), at: location)
            }
            return nil
        } catch let missing as ImageConverter.LibraryMissing {
            sink.error(.imageLibraryMissing(path: path, detail: missing.description), at: location)
            return nil
        } catch {
            sink.error(.imageUnreadable(path: path, detail: "\(error)"), at: location)
            return nil
        }
    }

    /// A file above the size limit is refused before it is read.
    private static func refusedForSize(_ path: String, at location: SourceLocation, files: ContentFiles, sink: DiagnosticSink) -> Bool {
        guard let size = files.size(path), size > ImageSettings.maxOriginalBytes else { return false }
        sink.error(tooLarge(path, size: size), at: location)
        return true
    }

    private static func tooLarge(_ path: String, size: Int) -> Message {
        .imageTooLarge(path: path, megabytes: (size + (1 << 20) - 1) >> 20, limit: ImageSettings.maxOriginalMegabytes)
    }

    /// Photos the text shows from inside Content/ (other URLs — https://… — are left as written).
    private static func readBodyImages(_ body: String, file: String, bodyLine: Int, files: ContentFiles,
                                       sink: DiagnosticSink) -> [String: ResponsiveImage] {
        var images: [String: ResponsiveImage] = [:]
        for (url, line) in Markdown.imageURLs(body) where images[url] == nil {
            guard !url.contains(":"), !url.hasPrefix("/"), !url.hasPrefix("#") else { continue }
            let location = SourceLocation(file: file, line: bodyLine + line - 1, column: 1)
            let safe = !url.split(separator: "/").contains("..")
            guard safe, files.exists(url), !files.isDirectory(url) else {
                sink.error(.imageMissing(path: url), at: location)
                continue
            }
            if refusedForSize(url, at: location, files: files, sink: sink) { continue }
            guard let data = files.data(url) else {
                sink.error(.imageMissing(path: url), at: location)
                continue
            }
            guard !data.isEmpty else {
                sink.error(.imageEmpty(path: url), at: location)
                continue
            }
            guard ImageKind(sniffing: data) != nil else {
                sink.error(.imageNotAnImage(path: url), at: location)
                continue
            }
            images[url] = convert(Array(data), path: url, at: location, files: files, sink: sink)
        }
        return images
    }

    private static func readCover(_ c: MappingReader, files: ContentFiles, sink: DiagnosticSink) -> Update.Cover? {
        let image = c.text("image", required: true)
        let alt = c.text("alt")
        c.finish()
        guard let image else { return nil }
        if alt == nil {
            sink.error(.coverWithoutAlt, at: c.location)
        }
        let safe = !image.hasPrefix("/") && !image.split(separator: "/").contains("..")
        var bytes: [UInt8] = []
        if !safe || !files.exists(image) || files.isDirectory(image) {
            sink.error(.coverMissing(path: image), at: c.keyLocation("image"))
        } else if let target = files.outside(image) {
            sink.error(.coverLinkOutsideContent(path: image, target: target), at: c.keyLocation("image"))
        } else if refusedForSize(image, at: c.keyLocation("image"), files: files, sink: sink) {
            return Update.Cover(path: image, alt: alt ?? "", location: c.keyLocation("image"), bytes: [])
        } else if let data = files.data(image) {
            bytes = Array(data)   // checked by its bytes below (ImageKind), whatever the extension says
            if data.isEmpty { sink.error(.imageEmpty(path: image), at: c.keyLocation("image")) }
        }
        var cover = Update.Cover(path: image, alt: alt ?? "", location: c.keyLocation("image"), bytes: bytes)
        guard !bytes.isEmpty else { return cover }
        // The type is what the bytes say, not the extension.
        guard ImageKind(sniffing: bytes) != nil else {
            if Update.Cover.extensions.contains(cover.fileExtension) {
                sink.error(.imageNotAnImage(path: image), at: c.keyLocation("image"))
            } else {
                sink.error(.coverWrongType(path: image), at: c.keyLocation("image"))
            }
            return cover
        }
        cover.image = convert(bytes, path: image, at: c.keyLocation("image"), files: files, share: true, sink: sink)
        return cover
    }
}
