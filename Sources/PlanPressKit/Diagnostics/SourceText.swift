/// The lines of a file, to turn the byte columns that cmark reports into the
/// character columns editors show (libyaml already counts characters).
final class SourceText: Sendable {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// `byteColumn` is 1-based, counted in UTF-8 bytes, on 1-based `line`.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return byteColumn }
        let utf8 = lines[line - 1].utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(byteColumn - 1, utf8.count))
        return lines[line - 1][..<end].count + 1
    }
}
