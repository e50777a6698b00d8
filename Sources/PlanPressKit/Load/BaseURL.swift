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
        if text.isEmpty { return .failure(.empty) }
        if let bad = text.unicodeScalars.first(where: { $0.value < 0x21 || $0.value == 0x7F || "\"'<>\\`{}|^".unicodeScalars.contains($0) }) {
            let shown = bad.value < 0x21 || bad.value == 0x7F ? String(format: "U+%04X", bad.value) : "'\(bad)'"
            return .failure(.badCharacter(shown))
        }
        if text.contains("?") || text.contains("#") {
            return .failure(.queryOrFragment)
        }
        let path: Substring
        var prefix = ""
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound]
            guard scheme == "https" || scheme == "http" else {
                return .failure(.scheme(String(scheme)))
            }
            let rest = text[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let authority = rest[..<hostEnd]
            if let problem = checkAuthority(authority) { return .failure(problem) }
            prefix = String(text[..<hostEnd])
            path = rest[hostEnd...]
        } else if text.hasPrefix("/") {
            if text.hasPrefix("//") {
                return .failure(.startsWithDoubleSlash)
            }
            path = text[...]
        } else {
            let guess = "https://" + text + (text.hasSuffix("/") ? "" : "/")
            return .failure(.noScheme(guess: guess))
        }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.last == "" { segments = segments.dropLast() }
        if segments.contains("") {
            return .failure(.emptySegment)
        }
        if segments.contains(".") || segments.contains("..") {
            return .failure(.dotSegment)
        }
        let normalised = prefix + "/" + segments.joined(separator: "/") + (segments.isEmpty ? "" : "/")
        return .success(normalised)
    }

    private static func checkAuthority(_ authority: Substring) -> Problem? {
        if authority.contains("@") { return .userName }
        var host = authority
        if let colon = authority.lastIndex(of: ":") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), Int(port)! <= 65535 else {
                return .port(String(port))
            }
            host = authority[..<colon]
        }
        if host.isEmpty { return .noHost }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        if !valid { return .invalidHost(String(host)) }
        return nil
    }

    /// What is wrong with a base URL, in both languages (`Message.baseURLUnusable`).
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case empty, badCharacter(String), queryOrFragment, scheme(String), startsWithDoubleSlash, noScheme(guess: String)
        case emptySegment, dotSegment, userName, port(String), noHost, invalidHost(String)

        static let example = "https://example.org/plany/"

        public func text(_ language: MessageLanguage) -> String {
            let e = Problem.example
            let (uk, en): (String, String)
            switch self {
            case .empty:
                (uk, en) = ("вона порожня; напишіть адресу сайту, наприклад \(e)", "it is empty; write the site's address, e.g. \(e)")
            case .badCharacter(let shown):
                (uk, en) = ("у ній є знак \(shown), який в адресі стояти не може; наприклад \(e)",
                            "it contains \(shown), which cannot stand in an address; e.g. \(e)")
            case .queryOrFragment:
                (uk, en) = ("у ній є запит або фрагмент ('?' чи '#'); дайте лише адресу папки сайту, наприклад \(e)",
                            "it has a query or fragment ('?' or '#'); give only the address of the site's folder, e.g. \(e)")
            case .scheme(let scheme):
                (uk, en) = ("адреса має починатися з https:// або http://, а знайдено '\(scheme)://'",
                            "the scheme must be https:// or http://, found '\(scheme)://'")
            case .startsWithDoubleSlash:
                (uk, en) = ("вона починається з '//' (посилання на інший сервер); напишіть https://сервер/шлях/ або шлях на зразок /plany/",
                            "it starts with '//' (a link to another host); write https://host/path/ or a path such as /plany/")
            case .noScheme(let guess):
                (uk, en) = ("в адресі немає https://, тож браузери сприймуть її як папку кожної сторінки; напишіть \(guess)",
                            "it has no scheme, so browsers would read it as a folder of each page; write \(guess)")
            case .emptySegment:
                (uk, en) = ("у шляху є '//' (порожня назва папки); посилання, що починаються з '//', ведуть на інший сервер; пишіть кожну папку один раз, наприклад \(e)",
                            "its path has '//' (an empty folder name); links starting with '//' go to another host; write each folder once, e.g. \(e)")
            case .dotSegment:
                (uk, en) = ("у шляху є '.' або '..'; напишіть звичайний шлях папки, наприклад \(e)",
                            "its path has '.' or '..'; write the folder's plain path, e.g. \(e)")
            case .userName:
                (uk, en) = ("у ній є ім’я користувача ('@'); дайте лише сервер, наприклад \(e)",
                            "it has a user name ('@'); give only the host, e.g. \(e)")
            case .port(let port):
                (uk, en) = ("порт після ':' має бути числом до 65535, а знайдено '\(port)'",
                            "the port after ':' must be a number up to 65535, found '\(port)'")
            case .noHost:
                (uk, en) = ("після https:// немає назви сервера; напишіть, наприклад, \(e)",
                            "it has no host after the scheme; write e.g. \(e)")
            case .invalidHost(let host):
                (uk, en) = ("'\(host)' — не чинна назва сервера (латинські літери, цифри, '-' і '.'; кириличні домени — у формі xn--)",
                            "the host '\(host)' is not a valid host name (letters, digits, '-' and '.'; IDN hosts in their xn-- form)")
            }
            return language == .uk ? uk : en
        }

        /// The English text (tests and logs).
        public var reason: String { text(.en) }
        public var description: String { reason }
    }
}
