import Foundation
import Testing
@testable import PlanPressKit

/// The preview's connection limits (`ConnectionRegistry`, `RequestGuard`): slow or idle
/// connections never keep a visitor out — more than the cap used to wait in the backlog for the
/// idle timeout (30 s), and a body that trickled in held its connection for as long as it
/// trickled — and the request forms the docs say are refused are refused.
/// (In the `PreviewServerLimitTests` suite, which `make test` runs apart: docs/reliability.md.)
extension PreviewServerLimitTests {
    /// A connection with a receive limit (the hang limit of these tests), sending `bytes` first.
    static func connection(_ client: RawHTTPClient, sending bytes: String = "", seconds: Int = 30) throws -> Int32 {
        let fd = try client.openIdle()
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if !bytes.isEmpty { _ = Array(bytes.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
        return fd
    }

    /// Everything the server sends until it closes (or the receive limit runs out: `closed` false).
    static func readToEnd(_ fd: Int32) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var data: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 4096), closed = false
                while true {
                    let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                    if n == 0 { closed = true }
                    if n <= 0 { break }
                    data += chunk[0..<n]
                }
                continuation.resume(returning: (String(decoding: data, as: UTF8.self), closed))
            }
        }
    }

    /// More stalled connections than the cap (no request, or half a request head): a new visitor
    /// is answered at once — the stalled connection that waited longest is closed for it.
    @Test func stalledConnectionsGiveWayToANewVisitor() async throws {
        let preview = try await PreviewServerTests.Preview(limits: .init(maxConnections: 4, idleTimeout: 120, headerTimeout: 120))
        defer { preview.stop() }
        let client = preview.client
        var stalled: [Int32] = []
        defer { stalled.forEach { close($0) } }
        for i in 0..<12 {
            stalled.append(try Self.connection(client, sending: i % 2 == 0 ? "" : "GET /plany/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "))
        }
        try await Task.sleep(nanoseconds: 1_500_000_000)   // past the grace: they count as stalled
        for _ in 0..<3 {
            let page = try await client.get("/plany/")
            #expect(page.status == 200)
        }
    }

    /// When every connection is busy answering (live-reload streams), a new one is told so at
    /// once with 503 and Retry-After, in the catalogue's words, instead of waiting in the backlog.
    @Test func aServerBusyAnsweringEveryConnectionSays503() async throws {
        let preview = try await PreviewServerTests.Preview(limits: .init(maxConnections: 2, idleTimeout: 120))
        defer { preview.stop() }
        let client = preview.client
        let streams = try (0..<2).map { _ in
            try Self.connection(client, sending: "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        }
        defer { close(streams[1]) }
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let busy = try await client.get("/plany/")
        #expect(busy.status == 503)
        #expect(busy.headers["retry-after"] == "5")
        #expect(busy.body == Message.serverBusy.text(.uk))
        close(streams[0])
        #expect(try await eventually { try await client.get("/plany/").status == 200 })
    }

    /// One address may hold `maxPerClient` connections; over that, when none of its own has
    /// stalled, it gets 429.
    @Test func oneAddressGetsAtMostItsShare() async throws {
        let preview = try await PreviewServerTests.Preview(limits: .init(maxConnections: 50, idleTimeout: 120, maxPerClient: 2))
        defer { preview.stop() }
        let client = preview.client
        let streams = try (0..<2).map { _ in
            try Self.connection(client, sending: "GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        }
        defer { streams.forEach { close($0) } }
        try await Task.sleep(nanoseconds: 500_000_000)
        let refused = try await client.get("/plany/")
        #expect(refused.status == 429)
        #expect(refused.body == Message.serverTooManyFromClient(limit: 2).text(.uk))
    }

    /// A request head that never ends is cut off after the header timeout, far sooner than the
    /// idle timeout (here 120 s) that used to be the only limit.
    @Test func aHeadThatNeverEndsIsCutOff() async throws {
        let preview = try await PreviewServerTests.Preview(limits: .init(maxConnections: 8, idleTimeout: 120, headerTimeout: 0.5))
        defer { preview.stop() }
        let fd = try Self.connection(preview.client, sending: "GET /plany/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        defer { close(fd) }
        let result = await Self.readToEnd(fd)
        #expect(result.closed, "the server kept a half-sent request head open")
    }

    /// A body that trickles in (260 slow POSTs made every other user wait 40 s) is answered 408
    /// and closed when its time is up.
    @Test func aBodyThatTricklesInGets408() async throws {
        let preview = try await PreviewServerTests.Preview(limits: .init(maxConnections: 8, idleTimeout: 120, bodyTimeout: 0.5,
                                                                         minBodyRate: 1_000_000))
        defer { preview.stop() }
        let fd = try Self.connection(preview.client, sending: "POST /_edit/updates/save HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ntitle=")
        defer { close(fd) }
        let result = await Self.readToEnd(fd)
        #expect(result.closed)
        #expect(result.text.hasPrefix("HTTP/1.1 408"), "\(result.text.prefix(200))")
        #expect(result.text.contains(Message.serverRequestTimeout(seconds: 1).text(.uk)))
    }

    /// Absolute-form targets (`GET http://host/…`) would carry their own host past the Host check,
    /// and HTTP/1.1 requires Host: both are refused with 400, as docs/updates.md says. HTTP/1.0
    /// without Host is served.
    @Test func absoluteFormAndHostlessRequestsAreRefused() async throws {
        let preview = try await PreviewServerTests.Preview()
        defer { preview.stop() }
        let client = preview.client
        let absolute = try await client.send("GET http://127.0.0.1:\(client.port)/plany/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(absolute.hasPrefix("HTTP/1.1 400") && absolute.contains(Message.serverAbsoluteTarget.text(.uk)), "\(absolute.prefix(200))")
        let rebound = try await client.send("GET http://evil.example/plany/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(rebound.hasPrefix("HTTP/1.1 400"))
        let hostless = try await client.send("GET /plany/ HTTP/1.1\r\n\r\n")
        #expect(hostless.hasPrefix("HTTP/1.1 400") && hostless.contains(Message.serverHostMissing.text(.uk)), "\(hostless.prefix(200))")
        let old = try await client.send("GET /plany/ HTTP/1.0\r\n\r\n")
        #expect(old.contains(" 200 "), "\(old.prefix(200))")
    }
}

/// Folders of killed previews (`/tmp/planpress-preview-*`, 60–80 MB each) are removed when a
/// preview starts: only ours and only stale, never a running preview's.
@Suite struct PreviewFolderTests {
    @Test func stalePreviewFoldersAreRemovedAndLiveOnesKept() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-tmp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        func folder(_ name: String, locked: Bool?) throws -> (path: String, lock: Int32) {
            let path = temporary + "/" + name
            try FileManager.default.createDirectory(atPath: path + "/site/plans", withIntermediateDirectories: true)
            try Data(repeating: 7, count: 100_000).write(to: URL(fileURLWithPath: path + "/site/plans/index.html"))
            guard let locked else { return (path, -1) }
            let fd = locked ? PreviewServer.lockFolder(path) : -1
            if !locked { FileManager.default.createFile(atPath: path + "/" + PreviewServer.folderLockName, contents: Data()) }
            return (path, fd)
        }
        let killed = try folder("planpress-preview-killed", locked: false)
        let running = try folder("planpress-preview-running", locked: true)
        let unknown = try folder("planpress-preview-noLock", locked: nil)
        let other = try folder("someone-else", locked: false)
        let removed = PreviewServer.removeStaleFolders(in: temporary)
        #expect(removed.count == 1 && removed.bytes == 100_000)
        #expect(!FileManager.default.fileExists(atPath: killed.path))
        for kept in [running.path, unknown.path, other.path] { #expect(FileManager.default.fileExists(atPath: kept), "\(kept)") }
        // Once the running preview stops (its lock released), its folder counts as stale too.
        close(running.lock)
        #expect(PreviewServer.removeStaleFolders(in: temporary).count == 1)
        #expect(!FileManager.default.fileExists(atPath: running.path))
    }
}
