import Foundation

/// A parsed HTTP/1.x request head. Only what a static preview needs.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request target exactly as sent (`/plany/plans/x/?a=b`).
    public var target: String
    public var version: String
    /// Header names in lowercase.
    public var headers: [String: String]

    /// Parses the bytes before the blank line. nil when it is not HTTP/1.x.
    init?(head: [UInt8]) {
        guard let text = String(validating: head, as: UTF8.self) else { return nil }
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard requestLine.count == 3, ["HTTP/1.0", "HTTP/1.1"].contains(requestLine[2]), !requestLine[0].isEmpty,
              !requestLine[1].isEmpty else { return nil }
        method = requestLine[0]
        target = requestLine[1]
        version = requestLine[2]
        headers = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingSpaces()
        }
    }
}

/// A complete response (the preview never keeps a connection open, except
/// for the live-reload event stream, which writes its own head).
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

    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 301, contentType: "text/plain; charset=utf-8", body: Array("Moved to \(location)\n".utf8),
                     headers: [("Location", location)])
    }

    /// Status line and headers; the body is left out for HEAD.
    func serialized(includeBody: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + (includeBody ? body : [])
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        default: return "Status \(status)"
        }
    }
}
