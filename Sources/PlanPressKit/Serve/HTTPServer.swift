import Foundation
import Hummingbird
import HummingbirdCore
import HTTPTypes
import Logging
import NIOCore

/// The preview's HTTP/1.1 server, on Hummingbird 2 (SwiftNIO underneath).
/// What it adds to the library's defaults is the limits the preview promises
/// (docs/reliability.md, docs/editor.md), kept by `ConnectionRegistry` and
/// `RequestGuard` (ConnectionGuard.swift):
/// - at most `maxConnections` open connections and `maxPerClient` from one
///   address; over either, the connection that has stalled longest (no request,
///   or a request still arriving, for over `stallGrace` s) is closed to make
///   room, and when none has, the new one is answered 503 (429 per client);
/// - a request head must arrive within `headerTimeout` s of connecting
///   (`idleTimeout` between requests), a body within `bodyTimeout` s plus one
///   second per `minBodyRate` bytes (408 otherwise);
/// - absolute-form targets (`GET http://host/ HTTP/1.1`) and HTTP/1.1 requests
///   without Host are refused with 400;
/// - request bodies above `maxBodyBytes` are refused with 413;
/// - when `accept()` fails with EMFILE/ENFILE (no file descriptors left), NIO's
///   `AcceptBackoffHandler` (installed by every `ServerBootstrap`) stops
///   accepting for a moment and then tries again, so the server serves again
///   as soon as descriptors are free.
/// Binds the address it is given — the preview passes 127.0.0.1.
public final class HTTPServer: @unchecked Sendable {
    /// What the handler answers: a complete response, or an event stream that
    /// writes chunks until it returns.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        case stream(contentType: String, @Sendable (StreamWriter) async -> Void)
    }

    /// Writes the chunks of a streaming reply.
    public final class StreamWriter: @unchecked Sendable {
        private var writer: any ResponseBodyWriter
        init(_ writer: any ResponseBodyWriter) { self.writer = writer }
        /// false when the client has gone.
        @discardableResult
        public func send(_ text: String) async -> Bool {
            do {
                try await writer.write(ByteBuffer(string: text))
                return true
            } catch {
                return false
            }
        }
        func finish() async { try? await writer.finish(nil) }
    }

    public struct Limits: Sendable {
        public var maxConnections: Int
        /// Seconds a connection may stay open without a request in progress.
        public var idleTimeout: Double
        public var maxBodyBytes: Int
        /// A photo at the size limit (`ImageSettings.maxOriginalBytes`) and the form's text around it.
        public static let defaultMaxBodyBytes = ImageSettings.maxOriginalBytes + 4 * 1024 * 1024
        /// Connections from one address at once.
        public var maxPerClient: Int
        /// Seconds a new connection has to send its whole request head.
        public var headerTimeout: Double
        /// Seconds a request body may take, plus one second per `minBodyRate` bytes it declares.
        public var bodyTimeout: Double
        public var minBodyRate: Double
        /// Seconds a connection must have waited before a new one over a limit may take its place.
        public var stallGrace: Double
        public init(maxConnections: Int = 256, idleTimeout: Double = 30, maxBodyBytes: Int = defaultMaxBodyBytes,
                    maxPerClient: Int = 64, headerTimeout: Double = 10, bodyTimeout: Double = 10,
                    minBodyRate: Double = 64 * 1024, stallGrace: Double = 1) {
            self.maxConnections = maxConnections
            self.idleTimeout = idleTimeout
            self.maxBodyBytes = maxBodyBytes
            self.maxPerClient = maxPerClient
            self.headerTimeout = headerTimeout
            self.bodyTimeout = bodyTimeout
            self.minBodyRate = minBodyRate
            self.stallGrace = stallGrace
        }
    }

    public let host: String
    public private(set) var port: UInt16
    public let limits: Limits
    /// The language of the server's own answers (413, and the limits' refusals); set before `start`.
    public var language: MessageLanguage = .uk
    private var tooLarge: HTTPResponse {
        .text(413, Message.previewRequestTooLarge(megabytes: limits.maxBodyBytes / 1024 / 1024).text(language) + "\n")
    }
    private let handler: @Sendable (HTTPRequest) async -> Reply
    private var task: Task<Void, any Error>?
    private let lock = NSLock()

    public init(host: String, port: UInt16, limits: Limits = Limits(), handler: @escaping @Sendable (HTTPRequest) async -> Reply) {
        self.host = host
        self.port = port
        self.limits = limits
        self.handler = handler
    }

    /// Binds and starts serving; returns once the port is open (read `port`
    /// afterwards: port 0 picks a free one).
    public func start() async throws {
        guard host.split(separator: ".").count == 4 && host.allSatisfy({ $0.isNumber || $0 == "." }) || host.contains(":") else {
            throw ServeError(.hostNotAnAddress(host: host))
        }
        let (bound, continuation) = AsyncStream<Result<UInt16, any Error>>.makeStream()
        var logger = Logger(label: "planpress-serve")
        logger.logLevel = .critical
        let responder = CallbackResponder<PeerRequestContext> { [self] request, context in try await respond(request, peer: context.peer) }
        let (registry, limits, language) = (ConnectionRegistry(limits: limits), self.limits, self.language)
        let app = Application(
            responder: responder,
            server: HTTPServerBuilder { responder in
                PreviewHTTPChannel(responder: responder, registry: registry, limits: limits, language: language)
            },
            // Accepting stops only far above the cap: connections over it are answered (503) by `RequestGuard`.
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: Int(port)), serverName: nil, backlog: 256, reuseAddress: true,
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections + 64, logger: logger)),
            onServerRunning: { channel in
                continuation.yield(.success(UInt16(channel.localAddress?.port ?? 0)))
            },
            logger: logger)
        let task = Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                continuation.yield(.failure(error))
                throw error
            }
            continuation.finish()
        }
        lock.withLock { self.task = task }
        var first: Result<UInt16, any Error>?
        for await result in bound {
            first = result
            break
        }
        switch first {
        case .success(let port)?:
            self.port = port
        case .failure(let error)?:
            throw ServeError(.cannotListen(host: host, port: Int(port), reason: "\(error)"))
        case nil:
            throw ServeError(.cannotListen(host: host, port: Int(port), reason: nil))
        }
    }

    /// Stops accepting and closes connections (graceful shutdown).
    public func stop() {
        lock.withLock { task }?.cancel()
    }

    private func respond(_ request: Request, peer: String?) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
        }
        // HTTPTypes carries the Host header as the request's authority.
        if let authority = request.head.authority { headers["host"] = authority }
        var body: [UInt8] = []
        if request.method == .post || request.method == .put {
            if let length = headers["content-length"].flatMap(Int.init), length > limits.maxBodyBytes {
                return Self.response(tooLarge, head: false)
            }
            var request = request
            guard let buffer = try? await request.collectBody(upTo: limits.maxBodyBytes) else {
                return Self.response(tooLarge, head: false)
            }
            body = Array(buffer.readableBytesView)
        }
        var message = HTTPRequest(method: request.method.rawValue, target: request.head.path ?? "/", headers: headers, body: body)
        message.peer = peer
        switch await handler(message) {
        case .response(let response):
            return Self.response(response, head: request.method == .head)
        case .stream(let contentType, let write):
            var fields = HTTPFields()
            fields[.contentType] = contentType
            fields[.cacheControl] = "no-store"
            return Response(status: .ok, headers: fields, body: ResponseBody { writer in
                let stream = StreamWriter(writer)
                await write(stream)
                await stream.finish()
            })
        }
    }

    /// A complete response with the preview's fixed headers; HEAD gets the
    /// length of the body it would have had, and no body.
    static func response(_ response: HTTPResponse, head: Bool) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        fields[.contentLength] = String(response.body.count)
        if fields[.cacheControl] == nil { fields[.cacheControl] = "no-store" }
        fields[.xContentTypeOptions] = "nosniff"
        let body = head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: response.body))
        return Response(status: .init(code: response.status), headers: fields, body: body)
    }
}

/// Hummingbird's basic request context plus the client's IP address (the
/// editor answers clients on other computers only with a key, docs/editor.md).
struct PeerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }
}

/// Why the preview could not start or serve.
public struct ServeError: Error, CustomStringConvertible {
    public var text: Message
    public init(_ text: Message) { self.text = text }
    /// The English text (tests and logs).
    public var message: String { text.text(.en) }
    public func message(_ language: MessageLanguage) -> String { text.text(language) }
    public var description: String { message }
}
