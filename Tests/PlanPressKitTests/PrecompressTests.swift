import Foundation
import Testing
@testable import PlanPressKit

/// `build --precompress`: a gzip twin beside every text file, deterministic, kept
/// in step with its file by full and partial (incremental) writes.
@Suite struct PrecompressTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("planpress-gz-\(UUID().uuidString)").path
    var output: String { root + "/Public" }

    func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: output + "/" + path).map { [UInt8]($0) } }
    func everything() -> [String] { ((try? FileManager.default.subpathsOfDirectory(atPath: output)) ?? []).sorted() }

    func session(partial: Bool = false, precompress: Bool = true) throws -> OutputSession {
        let session = try OutputSession(output: output, partial: partial, failAfter: nil)
        session.precompress = precompress
        return session
    }

    @Test func roundTripAndNoTimeInTheHeader() throws {
        let text = Array(String(repeating: "Заходи плану ґендерної рівності. ", count: 500).utf8)
        let packed = Gzip.compress(text)
        #expect(packed.count < text.count / 10)
        #expect(Array(packed[0..<4]) == [0x1f, 0x8b, 8, 0] && Array(packed[4..<8]) == [0, 0, 0, 0]) // no name, no mtime
        #expect(Gzip.decompress(packed) == text)
        #expect(Gzip.compress(text) == packed)
        #expect(Gzip.decompress(Gzip.compress([])) == [])
        #expect(Gzip.decompress(Array(packed.dropLast(4))) == nil)
        #expect(Gzip.compressible("a/index.html") && Gzip.compressible("data/x.csv") && !Gzip.compressible("updates/x/cover.960.jpg")
            && !Gzip.compressible("data/all.zip") && !Gzip.compressible("index.html.gz") && !Gzip.compressible("README"))
    }

    @Test func twinsFollowTheirFilesThroughFullAndPartialWrites() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var first = try session()
        try first.stage([OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/index.html", text: "A"),
                         OutputFile(path: "photo.jpg", bytes: [0xff, 0xd8, 0xff])])
        _ = try first.commit()
        #expect(everything() == [OutputWriter.markerName, "a", "a/index.html", "a/index.html.gz", "index.html", "index.html.gz", "photo.jpg"])
        #expect(Gzip.decompress(try #require(bytes("a/index.html.gz"))) == Array("A".utf8))
        // A partial write (as `serve` and `build --watch` do) of a changed page gives it a new twin; a removed page loses its twin.
        first = try session(partial: true)
        try first.stage([OutputFile(path: "index.html", text: "home 2")])
        first.remove(["a/index.html"])
        _ = try first.commit()
        #expect(Gzip.decompress(try #require(bytes("index.html.gz"))) == Array("home 2".utf8))
        #expect(everything() == [OutputWriter.markerName, "index.html", "index.html.gz", "photo.jpg"])
        // Written again without --precompress, partially: the changed page's old twin is not carried along.
        first = try session(partial: true, precompress: false)
        try first.stage([OutputFile(path: "index.html", text: "home 3")])
        _ = try first.commit()
        #expect(everything() == [OutputWriter.markerName, "index.html", "photo.jpg"])
        // A full write without --precompress leaves no twin; with it, twins of unchanged files keep their bytes.
        first = try session()
        try first.stage([OutputFile(path: "index.html", text: "home 3"), OutputFile(path: "b.css", text: "b{}")])
        _ = try first.commit()
        let twin = try #require(bytes("b.css.gz"))
        first = try session()
        try first.stage([OutputFile(path: "index.html", text: "home 3"), OutputFile(path: "b.css", text: "b{}")])
        let report = try first.commit()
        #expect(bytes("b.css.gz") == twin && report.written == 0)
        first = try session(precompress: false)
        try first.stage([OutputFile(path: "index.html", text: "home 3")])
        _ = try first.commit()
        #expect(everything() == [OutputWriter.markerName, "index.html"])
    }

    @Test func aPrecompressedSiteIsTheSameSitePlusTwins() throws {
        let site = try TestSite(fixture: "basic-site")
        defer { site.remove() }
        var options = site.options()
        options.precompress = true
        _ = try Builder(options: options).build()
        let all = try FileManager.default.subpathsOfDirectory(atPath: site.output)
        let text = all.filter { Gzip.compressible($0) && $0 != OutputWriter.markerName }  // the marker is not part of the site
        #expect(text.count > 50)
        for path in text {
            let file = try #require(FileManager.default.contents(atPath: site.output + "/" + path))
            let twin = try #require(FileManager.default.contents(atPath: site.output + "/" + path + ".gz"), "\(path)")
            #expect(Gzip.decompress([UInt8](twin)) == [UInt8](file), "\(path)")
        }
    }
}
