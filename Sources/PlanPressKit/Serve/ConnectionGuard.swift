import Foundation
import Hummingbird
import HummingbirdCore
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The preview's HTTP/1.1 channel: Hummingbird's `HTTP1Channel` pipeline with a
/// `RequestGuard` between the HTTP decoder and the conversion to HTTP types, where
/// the request target is still as written and no request has reached PlanPress yet.
struct PreviewHTTPChannel: HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>
    let responder: Responder
    let registry: ConnectionRegistry
    let limits: HTTPServer.Limits
    let language: MessageLanguage

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: .init())
            try channel.pipeline.syncOperations.addHandler(RequestGuard(registry: registry, limits: limits, language: language))
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try channel.pipeline.syncOperations.addHandler(
                HTTPConnectionStateHandler(idleTimeout: .milliseconds(Int64(limits.idleTimeout * 1000)), logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}

/// Every open connection of one server: its client and what it is doing, so that
/// a new connection over a limit can take the place of one that has stalled.
///
/// Limits (docs/editor.md, «The server and its limits»): at most `maxConnections`
/// at once and `maxPerClient` from one address. Over either, the connection that
/// has waited longest for a request (or for the rest of one) — for more than
/// `stallGrace` seconds — is closed to make room: slow or idle connections never
/// keep a new visitor out. When every connection is busy answering (live-reload
/// streams), the new one is answered 503 and closed.
final class ConnectionRegistry: @unchecked Sendable {
    enum Phase { case waiting, reading, answering }
    enum Admission { case accepted, busy, tooManyFromClient }

    private struct Entry {
        var client: String
        var phase: Phase
        var since: NIODeadline
        var channel: any Channel
    }

    private let lock = NSLock()
    private var entries: [ObjectIdentifier: Entry] = [:]
    let maxConnections: Int
    let maxPerClient: Int
    let stallGrace: TimeAmount

    init(limits: HTTPServer.Limits) {
        maxConnections = limits.maxConnections
        maxPerClient = limits.maxPerClient
        stallGrace = .milliseconds(Int64(limits.stallGrace * 1000))
    }

    /// Counts a new connection in, closing a stalled one to make room if a limit is reached.
    func admit(_ id: ObjectIdentifier, client: String, channel: any Channel) -> Admission {
        let now = NIODeadline.now()
        var victims: [any Channel] = []
        let admission: Admission = lock.withLock {
            if entries.values.filter({ $0.client == client }).count >= maxPerClient {
                guard let victim = stalled(now, from: client) else { return .tooManyFromClient }
                victims.append(entries.removeValue(forKey: victim)!.channel)
            }
            if entries.count >= maxConnections {
                guard let victim = stalled(now, from: nil) else { return .busy }
                victims.append(entries.removeValue(forKey: victim)!.channel)
            }
            entries[id] = Entry(client: client, phase: .waiting, since: now, channel: channel)
            return .accepted
        }
        for victim in victims { victim.close(promise: nil) }
        return admission
    }

    /// The connection (of `client`, or any) that has waited longest, if longer than the grace.
    private func stalled(_ now: NIODeadline, from client: String?) -> ObjectIdentifier? {
        entries.filter { $0.value.phase != .answering && (client == nil || $0.value.client == client) && now - $0.value.since > stallGrace }
            .min { $0.value.since < $1.value.since }?.key
    }

    func update(_ id: ObjectIdentifier, _ phase: Phase) {
        lock.withLock {
            entries[id]?.phase = phase
            entries[id]?.since = .now()
        }
    }

    func remove(_ id: ObjectIdentifier) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    var count: Int { lock.withLock { entries.count } }
}

/// One connection's guard: admission by the `ConnectionRegistry`, time limits for the
/// request head and body, and the request forms the preview refuses (absolute-form
/// targets, HTTP/1.1 without Host), answered here with a status and the connection closed.
///
/// - A new connection must send a whole request head within `headerTimeout` seconds (or
///   `idleTimeout`, if shorter); between requests, within `idleTimeout`.
/// - A body must arrive within `bodyTimeout` seconds plus one second per `minBodyRate`
///   bytes it declares (a 12 MB photo gets 10 + 192 s at the default 64 KiB/s).
final class RequestGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let registry: ConnectionRegistry
    private let limits: HTTPServer.Limits
    private let language: MessageLanguage
    private enum State {
        case unregistered
        case refused(status: HTTPResponseStatus, message: Message)
        case waiting(first: Bool)
        case reading
        case answering
        case closed
    }
    private var state = State.unregistered
    private var timer: Scheduled<Void>?
    /// The request asked for no keep-alive (HTTP/1.0 without `Connection: keep-alive`): closed after its answer.
    private var closeAfterAnswer = false

    init(registry: ConnectionRegistry, limits: HTTPServer.Limits, language: MessageLanguage) {
        self.registry = registry
        self.limits = limits
        self.language = language
    }

    private var id: ObjectIdentifier { ObjectIdentifier(self) }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { register(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finish()
    }

    private func finish() {
        timer?.cancel()
        timer = nil
        if case .unregistered = state { return }
        if case .refused = state {} else { registry.remove(id) }
        state = .closed
    }

    private func register(_ context: ChannelHandlerContext) {
        guard case .unregistered = state else { return }
        let client = context.channel.remoteAddress?.ipAddress ?? "?"
        switch registry.admit(id, client: client, channel: context.channel) {
        case .accepted:
            state = .waiting(first: true)
            schedule(context, after: min(limits.headerTimeout, limits.idleTimeout))
        case .busy:
            state = .refused(status: .serviceUnavailable, message: .serverBusy)
            schedule(context, after: 2)
        case .tooManyFromClient:
            state = .refused(status: .tooManyRequests, message: .serverTooManyFromClient(limit: limits.maxPerClient))
            schedule(context, after: 2)
        }
    }

    /// Closes the connection when `seconds` pass without the state changing (a slow head or body
    /// gets 408 first when a request was begun).
    private func schedule(_ context: ChannelHandlerContext, after seconds: Double) {
        timer?.cancel()
        let loop = context.eventLoop.assumeIsolatedUnsafeUnchecked()
        timer = loop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) { [self] in
            timer = nil
            switch state {
            case .reading:
                refuse(context, status: .requestTimeout, message: .serverRequestTimeout(seconds: Int(seconds.rounded(.up))))
            case .waiting, .refused:
                state = .closed
                context.close(promise: nil)
            default:
                break
            }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch (state, part) {
        case (.refused(let status, let message), .head):
            refuse(context, status: status, message: message)
        case (.refused, _), (.closed, _):
            return
        case (_, .head(let head)):
            if !(head.uri.hasPrefix("/") || (head.uri == "*" && head.method == .OPTIONS)) {
                return refuse(context, status: .badRequest, message: .serverAbsoluteTarget)
            }
            if head.version.major == 1 && head.version.minor >= 1 && !head.headers.contains(name: "host") {
                return refuse(context, status: .badRequest, message: .serverHostMissing)
            }
            let length = head.headers.first(name: "content-length").flatMap(Int.init) ?? 0
            closeAfterAnswer = !head.isKeepAlive
            state = .reading
            registry.update(id, .reading)
            schedule(context, after: limits.bodyTimeout + Double(max(0, length)) / limits.minBodyRate)
            context.fireChannelRead(data)
        case (_, .body):
            context.fireChannelRead(data)
        case (_, .end):
            timer?.cancel()
            timer = nil
            state = .answering
            registry.update(id, .answering)
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), case .answering = state {
            if closeAfterAnswer {
                state = .closed
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                let written = context.eventLoop.makePromise(of: Void.self)
                written.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
                if let promise { written.futureResult.cascade(to: promise) }
                context.writeAndFlush(data, promise: written)
                return
            }
            state = .waiting(first: false)
            registry.update(id, .waiting)
            schedule(context, after: limits.idleTimeout)
        }
        context.write(data, promise: promise)
    }

    /// Answers `status` with the message and closes the connection; nothing reaches PlanPress.
    private func refuse(_ context: ChannelHandlerContext, status: HTTPResponseStatus, message: Message) {
        timer?.cancel()
        timer = nil
        if case .refused = state {} else { registry.remove(id) }
        state = .closed
        let body = ByteBuffer(string: message.text(language))
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Connection", value: "close")
        headers.add(name: "Cache-Control", value: "no-store")
        if status == .serviceUnavailable || status == .tooManyRequests { headers.add(name: "Retry-After", value: "5") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
