import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new press update file: `Content/updates/<slug>.md` with the title, the
/// given date and commented front matter to fill in (`planpress new update`).
public struct NewUpdate: Sendable {
    public let title: String
    public let date: CalendarDate
    /// Transliterated from the title (KMU Resolution No. 55 of 2010); the
    /// editor keeps the slug of a file it edits.
    public var slug: String
    /// Filled in by the editor (`/_edit/`); `new update` leaves them empty and
    /// writes the commented examples instead.
    public var summary: String?
    /// Kept when the editor saves a file that names an author.
    public var author: String?
    public var items: [String] = []
    public var tags: [String] = []
    public var cover: (image: String, alt: String)?
    public var draft = true
    public var body: String?

    /// nil when the title has no letter or digit to make a slug from.
    public init?(title: String, date: CalendarDate) {
        let trimmed = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let slug = Transliteration.slug(trimmed)
        guard !slug.isEmpty, IDRules.isValid(slug) else { return nil }
        self.title = trimmed
        self.date = date
        self.slug = slug
    }

    /// Why a title cannot be used as given, or nil: a control character (ESC, NUL, …) would make
    /// the front matter unreadable YAML.
    public static func problem(withTitle title: String) -> Message? {
        guard let bad = TerminalText.controlCharacters(in: title).first(where: { !$0.properties.isWhitespace }) else { return nil }
        return .titleControlCharacter(code: "U+\(String(format: "%04X", bad.value))")
    }

    /// Path of the file relative to `Content/`.
    public var relativePath: String { "updates/\(slug).md" }

    /// The file: front matter with every field explained, then a body to replace.
    public var text: String { lines.map { $0.text + "\n" }.joined() }

    /// The file's lines, each with the form field it holds (`title`, `items`,
    /// `cover-alt`, `body`, …; empty for comments), so the editor can show a
    /// diagnostic at line N next to the field that produced it.
    public var lines: [(text: String, field: String)] {
        var out: [(text: String, field: String)] = []
        func add(_ text: String, _ field: String = "") { out.append((text, field)) }
        add("---")
        add("# Новина для сайту. Заповніть поля і напишіть текст під другою лінією «---».")
        add("# Рядки, що починаються з «#», — підказки; їх можна лишити або видалити.")
        add("# Докладно: docs/updates.md")
        add("title: \(yamlQuoted(title))", "title")
        add("date: \(date.iso)             # дата новини, РРРР-ММ-ДД; новина з'явиться на сайті, коли as_of у site.yaml сягне цієї дати", "date")
        if let summary {
            add("summary: \(yamlQuoted(summary))", "summary")
        } else {
            add("# summary: \"Одне-два речення: показуються у списку новин, у стрічці та при поширенні в соцмережах\"")
        }
        if let author {
            add("author: \(yamlQuoted(author))", "author")
        } else {
            add("# author: \"Департамент масових комунікацій\"")
        }
        add("# Про що ця новина: план, ціль, захід, показник або виконавець (новина з'явиться на їхніх сторінках).")
        if items.isEmpty {
            add("# items:")
            add("#   - plan:luhansk-wps-2026-2030")
            add("#   - measure:luhansk-wps-2026-2030/1.1")
            add("#   - executor:luhansk-oda")
        } else {
            add("items:", "items")
            for item in items { add("  - \(item)", "items") }
        }
        if tags.isEmpty {
            add("# tags: [\"1325\", \"громадянське суспільство\"]")
        } else {
            add("tags: [\(tags.map(yamlQuoted).joined(separator: ", "))]", "tags")
        }
        add("# Обкладинка: файл у Content/ і опис зображення для людей, які його не бачать (обов'язково).")
        if let cover {
            add("cover:", "cover_alt")
            // Without alt text the loader's complaint lands on this line: show it at the alt field.
            add("  image: \(cover.image)", cover.alt.isEmpty ? "cover_alt" : "cover")
            if !cover.alt.isEmpty { add("  alt: \(yamlQuoted(cover.alt))", "cover_alt") }
        } else {
            add("# cover:")
            add("#   image: updates/images/\(slug).jpg")
            add("#   alt: \"Що зображено на фото\"")
        }
        if draft {
            add("draft: true                   # чернетка: не публікується; видаліть рядок або напишіть false, коли новина готова", "draft")
        }
        add("# Текст новини пишіть під лінією «---» у форматі Markdown; порожній рядок починає новий абзац.")
        add("# Посилання на пункт плану в тексті: [захід 1.1](measure:luhansk-wps-2026-2030/1.1)")
        add("---")
        let bodyText = body ?? "Текст новини."
        for line in bodyText.split(separator: "\n", omittingEmptySubsequences: false) { add(String(line), "body") }
        return out
    }

    /// Writes the file into `contentFolder`; never overwrites an existing one.
    /// Returns the path written.
    @discardableResult
    public func write(into contentFolder: String) throws -> String {
        let folder = contentFolder + "/updates"
        let path = contentFolder + "/" + relativePath
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // O_EXCL: the check and the creation are one step, so nothing is ever overwritten.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST {
                throw NewUpdateError(.updateFileExists(path: path))
            }
            throw NewUpdateError(.updateCannotCreate(path: path, reason: String(cString: strerror(errno))))
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw NewUpdateError(.updateCannotWrite(path: path, reason: String(cString: strerror(errno))))
        }
        return path
    }

    func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Why `planpress new update` could not write the file.
public struct NewUpdateError: Error, CustomStringConvertible {
    public var text: Message
    public init(_ text: Message) { self.text = text }
    /// The English text (tests and logs).
    public var message: String { text.text(.en) }
    public func message(_ language: MessageLanguage) -> String { text.text(language) }
    public var description: String { message }
}
