import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on POSIX sockets: one thread accepts, one thread
/// per connection answers one GET or HEAD request and closes (`Connection:
/// close`). Binds the address it is given — the preview passes 127.0.0.1.
public final class HTTPServer: @unchecked Sendable {
    /// What the handler answers: a complete response, or a stream that writes
    /// its own head and body to the connection until it returns.
    public enum Reply: Sendable {
        case response(HTTPResponse)
        case stream(@Sendable (Connection) -> Void)
    }

    /// One client connection, for streaming replies.
    public struct Connection: Sendable {
        let fd: Int32
        /// Sends all bytes; false when the client has gone.
        @discardableResult
        public func send(_ bytes: [UInt8]) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { buffer in
                    Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    public let host: String
    public private(set) var port: UInt16
    private let handler: @Sendable (HTTPRequest) -> Reply
    private var listener: Int32 = -1
    private let lock = NSLock()
    private var stopped = false

    static let maxHeadBytes = 16 * 1024

    public init(host: String, port: UInt16, handler: @escaping @Sendable (HTTPRequest) -> Reply) {
        self.host = host
        self.port = port
        self.handler = handler
    }

    /// Binds and listens; port 0 picks a free port (read `port` afterwards).
    public func start() throws {
        let fd = try bind()
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        // Shutting the listening socket down wakes the blocked accept().
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func bind() throws -> Int32 {
        let isIPv6 = host.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeError(message: "cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var parsed: Int32 = 0
        var result: Int32 = -1
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            parsed = inet_pton(AF_INET6, host, &address.sin6_addr)
            if parsed == 1 { result = Self.bind(fd, to: &address) }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            parsed = inet_pton(AF_INET, host, &address.sin_addr)
            if parsed == 1 { result = Self.bind(fd, to: &address) }
        }
        guard parsed == 1 else {
            close(fd)
            throw ServeError(message: "'\(host)' is not an IP address: pass --host 127.0.0.1 (or another address of this machine)")
        }
        guard result == 0, listen(fd, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServeError(message: "cannot listen on \(host):\(port): \(reason); is another server using the port? Pass --port with another number")
        }
        port = boundPort(fd)
        return fd
    }

    /// `bind` for a `sockaddr_in` or `sockaddr_in6`.
    private static func bind<Address>(_ fd: Int32, to address: inout Address) -> Int32 {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
        }
    }

    private func boundPort(_ fd: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return // the listener was shut down
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connection = Connection(fd: fd)
        guard let head = readHead(fd) else {
            connection.send(HTTPResponse.text(431, "Request head too large or incomplete\n").serialized(includeBody: true))
            return
        }
        guard let request = HTTPRequest(head: head) else {
            connection.send(HTTPResponse.text(400, "Bad request\n").serialized(includeBody: true))
            return
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = HTTPResponse.text(405, "Only GET and HEAD\n")
            response.headers.append(("Allow", "GET, HEAD"))
            connection.send(response.serialized(includeBody: true))
            return
        }
        switch handler(request) {
        case .response(let response): connection.send(response.serialized(includeBody: request.method == "GET"))
        case .stream(let write): write(connection)
        }
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Bytes up to the blank line that ends the head; nil when too long or cut off.
    private func readHead(_ fd: Int32) -> [UInt8]? {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while data.count <= Self.maxHeadBytes {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return nil }
            let searchFrom = max(0, data.count - 3)
            data += chunk[0..<n]
            if let range = data[searchFrom...].firstRange(of: end) {
                return Array(data[..<range.lowerBound])
            }
        }
        return nil
    }
}

/// Why the preview could not start or serve.
public struct ServeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
