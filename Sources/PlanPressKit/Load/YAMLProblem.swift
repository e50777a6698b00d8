import Yams

/// Turns libyaml's syntax errors into plain words with the fix: a colon inside a
/// title, a tab, a quote never closed, a line out of line with its neighbours.
enum YAMLProblem {
    static func explain(_ problem: String, context: String, contextMark: Mark? = nil, mark: Mark, in text: String) -> (message: Message, mark: Mark) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ number: Int) -> Substring? { number >= 1 && number <= lines.count ? lines[number - 1] : nil }
        if problem.contains("mapping values are not allowed") {
            // The scanner stops at the second colon; the key is what opens the line.
            if let key = line(mark.line).flatMap(keyOpening) { return (.yamlColonInValue(key: key), mark) }
            return (.yamlColonInValue(key: "…"), mark)
        }
        if problem.contains("tab character") { return (.yamlTab, mark) }
        if problem.contains("cannot start any token") {
            let character = line(mark.line).flatMap { text -> Character? in
                let index = mark.column - 1
                return index >= 0 && index < text.count ? text[text.index(text.startIndex, offsetBy: index)] : nil
            }
            if character == "\t" { return (.yamlTab, mark) }
            return (.yamlCannotStartValue(character: character.map(String.init) ?? "?"), mark)
        }
        if context.contains("quoted scalar") { return (.yamlUnclosedQuote, contextMark ?? mark) }
        if problem.contains("could not find expected ':'") { return (.yamlMissingColon, mark) }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-' indicator")
            || problem.contains("not allowed in this context") || problem.contains("did not find expected node content") {
            return (.yamlIndentation, mark)
        }
        return (.yamlSyntax(problem: problem), mark)
    }

    /// `title` in `title: Засідання: підсумки` or `- title: …`.
    private static func keyOpening(_ line: Substring) -> String? {
        var rest = line.drop { $0 == " " }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let key = rest[..<colon].trimmingCharacters(in: " ")
        return key.isEmpty || key.contains(" ") && key.count > 40 ? nil : key
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
