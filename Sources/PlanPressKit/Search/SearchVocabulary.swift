import Foundation

/// The search's word lists, read from `Templates/search/` when the templates load
/// (docs/search.md, «Synonyms» and «Russian and English»):
///
/// - `synonyms.txt`: groups of Ukrainian wordings that find one another, one group
///   a line, wordings separated by `|`;
/// - `ru.txt`, `en.txt`: `foreign wording | another = Ukrainian wording | another`,
///   the Russian and English words readers type for the plans' Ukrainian ones.
///
/// Lines starting with `#` are comments. A folder without these files gives a
/// search without them (Ukrainian words, glossary abbreviations only).
public struct SearchVocabulary: Sendable, Equatable {
    /// One line of `ru.txt` or `en.txt`.
    public struct Entry: Sendable, Equatable {
        public var foreign: [String]
        public var ukrainian: [String]
        public init(foreign: [String], ukrainian: [String]) {
            self.foreign = foreign
            self.ukrainian = ukrainian
        }
    }

    public var synonyms: [[String]]
    public var russian: [Entry]
    public var english: [Entry]

    public init(synonyms: [[String]] = [], russian: [Entry] = [], english: [Entry] = []) {
        self.synonyms = synonyms
        self.russian = russian
        self.english = english
    }

    public static let none = SearchVocabulary()

    public static let folder = "search"
    static let synonymsFile = "synonyms.txt", russianFile = "ru.txt", englishFile = "en.txt"

    /// Reads the lists under `<templates>/search/`; problems go to `sink` with file and line.
    static func load(_ files: ContentFiles, sink: DiagnosticSink) -> SearchVocabulary {
        var vocabulary = SearchVocabulary()
        for path in files.list(folder, extensions: ["txt"], sink: sink) {
            let name = (path as NSString).lastPathComponent
            guard [synonymsFile, russianFile, englishFile].contains(name), let text = files.read(path, sink: sink) else { continue }
            let display = files.display(path)
            switch name {
            case synonymsFile: vocabulary.synonyms = parseGroups(text, file: display, sink: sink)
            case russianFile: vocabulary.russian = parseEntries(text, file: display, sink: sink)
            default: vocabulary.english = parseEntries(text, file: display, sink: sink)
            }
        }
        return vocabulary
    }

    /// Lines without comments and blanks, with their numbers.
    static func lines(_ text: String) -> [(number: Int, text: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : (offset + 1, trimmed)
        }
    }

    static func wordings(_ side: Substring) -> [String] {
        side.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func parseGroups(_ text: String, file: String, sink: DiagnosticSink) -> [[String]] {
        lines(text).compactMap { line in
            let group = wordings(Substring(line.text))
            guard group.count > 1, group.allSatisfy({ !SearchText.words($0).isEmpty }) else {
                sink.error(.searchSynonymLine(text: line.text), at: SourceLocation(file: file, line: line.number))
                return nil
            }
            return group
        }
    }

    static func parseEntries(_ text: String, file: String, sink: DiagnosticSink) -> [Entry] {
        lines(text).compactMap { line in
            let sides = line.text.split(separator: "=", omittingEmptySubsequences: false)
            let foreign = sides.count == 2 ? wordings(sides[0]) : []
            let ukrainian = sides.count == 2 ? wordings(sides[1]) : []
            guard !foreign.isEmpty, !ukrainian.isEmpty, (foreign + ukrainian).allSatisfy({ !SearchText.words($0).isEmpty }) else {
                sink.error(.searchVocabularyLine(text: line.text), at: SourceLocation(file: file, line: line.number))
                return nil
            }
            return Entry(foreign: foreign, ukrainian: ukrainian)
        }
    }

    /// Every word of the Ukrainian wordings (their stems are chosen with the site's words).
    var ukrainianWords: [String] {
        (synonyms.flatMap { $0 } + (russian + english).flatMap(\.ukrainian)).flatMap { SearchText.words($0) }
    }
}
