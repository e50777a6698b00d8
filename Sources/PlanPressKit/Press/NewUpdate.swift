import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new press update file: `Content/updates/<slug>.md` with the title, the
/// given date and commented front matter to fill in (`planpress new update`).
public struct NewUpdate: Sendable {
    public let title: String
    public let date: CalendarDate
    /// Transliterated from the title (KMU Resolution No. 55 of 2010).
    public let slug: String

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
    public static func problem(withTitle title: String) -> String? {
        guard let bad = TerminalText.controlCharacters(in: title).first(where: { !$0.properties.isWhitespace }) else { return nil }
        return "the title contains the control character U+\(String(format: "%04X", bad.value)), which cannot be stored in an update; "
            + "type the title again without it"
    }

    /// Path of the file relative to `Content/`.
    public var relativePath: String { "updates/\(slug).md" }

    /// The file: front matter with every field explained, then a body to replace.
    public var text: String {
        """
        ---
        # Новина для сайту. Заповніть поля і напишіть текст під другою лінією «---».
        # Рядки, що починаються з «#», — підказки; їх можна лишити або видалити.
        # Докладно: docs/updates.md
        title: \(yamlQuoted(title))
        date: \(date.iso)             # дата новини, РРРР-ММ-ДД; новина з'явиться на сайті, коли as_of у site.yaml сягне цієї дати
        # summary: "Одне-два речення: показуються у списку новин, у стрічці та при поширенні в соцмережах"
        # author: "Департамент масових комунікацій"
        # Про що ця новина: план, ціль, захід, показник або виконавець (новина з'явиться на їхніх сторінках).
        # items:
        #   - plan:luhansk-wps-2026-2030
        #   - measure:luhansk-wps-2026-2030/1.1
        #   - executor:luhansk-oda
        # tags: ["1325", "громадянське суспільство"]
        # Обкладинка: файл у Content/ і опис зображення для людей, які його не бачать (обов'язково).
        # cover:
        #   image: updates/images/\(slug).jpg
        #   alt: "Що зображено на фото"
        draft: true                   # чернетка: не публікується; видаліть рядок або напишіть false, коли новина готова
        # Текст новини пишіть під лінією «---» у форматі Markdown; порожній рядок починає новий абзац.
        # Посилання на пункт плану в тексті: [захід 1.1](measure:luhansk-wps-2026-2030/1.1)
        ---
        Текст новини.

        """
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
                throw NewUpdateError(message: "\(path) already exists: edit that file, or choose a different title for a new update")
            }
            throw NewUpdateError(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw NewUpdateError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return path
    }

    private func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Why `planpress new update` could not write the file.
public struct NewUpdateError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
