import Foundation

/// A request as the preview's handler sees it (the server collects the body).
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target exactly as sent (`/plany/plans/x/?a=b`).
    public var target: String
    /// Header names in lowercase; repeated headers joined with ", ".
    public var headers: [String: String]
    public var body: [UInt8]
    /// The client's IP address (nil when not known).
    public var peer: String?

    public init(method: String, target: String, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path without the query.
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// Query parameters, percent-decoded (`+` is a space).
    public var query: [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        return FormData.urlEncoded(Array(target[target.index(after: mark)...].utf8))
    }
}

/// A complete response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.headers = [("Content-Type", contentType)] + headers
    }

    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    public static func html(_ status: Int, _ html: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(html.utf8), headers: headers)
    }

    public static func redirect(to location: String, status: Int = 301) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array("Moved to \(location)\n".utf8),
                     headers: [("Location", location)])
    }
}
