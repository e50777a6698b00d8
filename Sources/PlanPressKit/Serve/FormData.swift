import Foundation
import MultipartKit
import NIOCore

/// The fields of a submitted form: `application/x-www-form-urlencoded` or
/// `multipart/form-data` (parsed by MultipartKit). Repeated names keep every
/// value in order.
public struct FormData: Sendable {
    public struct File: Sendable {
        public var filename: String
        public var bytes: [UInt8]
    }

    public var values: [String: [String]] = [:]
    public var files: [String: File] = [:]

    public init() {}

    public subscript(_ name: String) -> String { values[name]?.first ?? "" }
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// nil when the body is not a form or cannot be parsed.
    public init?(request: HTTPRequest) {
        let type = request.headers["content-type"] ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            for (name, value) in Self.pairs(request.body) { values[name, default: []].append(value) }
            return
        }
        guard type.hasPrefix("multipart/form-data"), let boundary = Self.parameter("boundary", of: type) else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var body: [UInt8] = []
        var parts: [([String: String], [UInt8])] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in body += buffer.readableBytesView }
        parser.onPartComplete = {
            parts.append((headers, body))
            headers = [:]
            body = []
        }
        do { try parser.execute(request.body) } catch { return nil }
        for (headers, body) in parts {
            guard let disposition = headers["content-disposition"], let name = Self.parameter("name", of: disposition) else { continue }
            if let filename = Self.parameter("filename", of: disposition) {
                if !filename.isEmpty || !body.isEmpty { files[name] = File(filename: filename, bytes: body) }
            } else {
                values[name, default: []].append(String(decoding: body, as: UTF8.self))
            }
        }
    }

    /// `name=value&…`, percent-decoded, `+` as a space; last value wins.
    static func urlEncoded(_ bytes: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in pairs(bytes) { result[name] = value }
        return result
    }

    static func pairs(_ bytes: [UInt8]) -> [(String, String)] {
        bytes.split(separator: UInt8(ascii: "&")).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        return SiteFiles.percentDecoded(text) ?? text
    }

    /// `name="value"` or `name=value` inside a header value.
    static func parameter(_ name: String, of header: String) -> String? {
        for piece in header.split(separator: ";") {
            let part = piece.trimmingCharacters(in: .whitespaces)
            guard part.lowercased().hasPrefix(name + "=") else { continue }
            var value = String(part.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
