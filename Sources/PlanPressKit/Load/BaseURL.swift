/// Checks a site's base URL (`base_url` in site.yaml, `--base-url`): every
/// link, stylesheet, feed id and sitemap entry starts with it.
///
/// Accepted: `http://` or `https://`, a host (letters, digits, dots, hyphens;
/// an optional `:port`), a path of plain segments; a missing trailing slash is
/// added. Also accepted, as documented for previews and local copies: a path
/// that starts with `/` (`/` or `/plany/`); then feeds and the sitemap carry
/// root-relative links. Refused with a reason: no scheme (`example.org/plany`),
/// other schemes, empty or invalid hosts, user names, `//` in the path (links
/// would become protocol-relative: another host), `.`/`..` segments, query,
/// fragment, spaces, quotes, angle brackets and control characters.
public enum BaseURL {
    /// The normalised URL (ending in `/`), or what is wrong with it, in words.
    public static func check(_ text: String) -> Result<String, Problem> {
        let example = "https://example.org/plany/"
        if text.isEmpty { return .failure(Problem("it is empty; write the site's address, e.g. \(example)")) }
        if let bad = text.unicodeScalars.first(where: { $0.value < 0x21 || $0.value == 0x7F || "\"'<>\\`{}|^".unicodeScalars.contains($0) }) {
            let shown = bad.value < 0x21 || bad.value == 0x7F ? String(format: "U+%04X", bad.value) : "'\(bad)'"
            return .failure(Problem("it contains \(shown), which cannot stand in an address; e.g. \(example)"))
        }
        if text.contains("?") || text.contains("#") {
            return .failure(Problem("it has a query or fragment ('?' or '#'); give only the address of the site's folder, e.g. \(example)"))
        }
        let path: Substring
        var prefix = ""
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound]
            guard scheme == "https" || scheme == "http" else {
                return .failure(Problem("the scheme must be https:// or http://, found '\(scheme)://'"))
            }
            let rest = text[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let authority = rest[..<hostEnd]
            if let problem = checkAuthority(authority) { return .failure(problem) }
            prefix = String(text[..<hostEnd])
            path = rest[hostEnd...]
        } else if text.hasPrefix("/") {
            if text.hasPrefix("//") {
                return .failure(Problem("it starts with '//' (a link to another host); write https://host/path/ or a path such as /plany/"))
            }
            path = text[...]
        } else {
            let guess = "https://" + text + (text.hasSuffix("/") ? "" : "/")
            return .failure(Problem("it has no scheme, so browsers would read it as a folder of each page; write \(guess)"))
        }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" { segments = segments.dropLast() }
        if segments.contains("") {
            return .failure(Problem("its path has '//' (an empty folder name); links starting with '//' go to another host; write each folder once, e.g. \(example)"))
        }
        if segments.contains(".") || segments.contains("..") {
            return .failure(Problem("its path has '.' or '..'; write the folder's plain path, e.g. \(example)"))
        }
        let normalised = prefix + "/" + segments.joined(separator: "/") + (segments.isEmpty ? "" : "/")
        return .success(normalised)
    }

    private static func checkAuthority(_ authority: Substring) -> Problem? {
        if authority.contains("@") { return Problem("it has a user name ('@'); give only the host, e.g. https://example.org/plany/") }
        var host = authority
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), Int(port)! <= 65535 else {
                return Problem("the port after ':' must be a number up to 65535, found '\(port)'")
            }
            host = authority[..<colon]
        }
        if host.isEmpty { return Problem("it has no host after the scheme; write e.g. https://example.org/plany/") }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        if !valid { return Problem("the host '\(host)' is not a valid host name (letters, digits, '-' and '.'; IDN hosts in their xn-- form)") }
        return nil
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var reason: String
        init(_ reason: String) { self.reason = reason }
        public var description: String { reason }
    }
}
