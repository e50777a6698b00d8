import Foundation
import Testing
@testable import PlanPressKit

/// The fuzzer's inputs as ordinary tests: every input that once crashed or hung a
/// loader (`Fuzz/crashes/`) and every fixture through every loader must finish
/// quickly. The libFuzzer run itself is `make fuzz` (docs/reliability.md).
@Suite struct FuzzRegressionTests {
    static let repository = TestSite.repository

    static func fixtureFiles() throws -> [String] {
        var found: [String] = []
        for folder in ["Tests/Fixtures", "Content"] {
            let root = repository.appendingPathComponent(folder).path
            for path in try FileManager.default.subpathsOfDirectory(atPath: root)
            where (path.hasSuffix(".yaml") || path.hasSuffix(".md")) && !path.contains("expected/") {
                found.append(root + "/" + path)
            }
        }
        return found.sorted()
    }

    @Test func crashesThatBecameFixturesStayFixed() throws {
        let folder = Self.repository.appendingPathComponent("Fuzz/crashes").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count >= 2)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let start = DispatchTime.now().uptimeNanoseconds
            LoaderFuzzing.run(bytes)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            #expect(seconds < 10, "\(name) took \(seconds) s") // a hang guard on a shared machine, not a speed measure
        }
    }

    /// Every fixture through every loader, then a bounded set of deterministic byte mutations
    /// (a smoke test, not a fuzzer: fixed seed, fixed count).
    @Test func everyLoaderTakesEveryFixtureAndMutationsOfIt() throws {
        var generator = SplitMix(seed: 15)
        var runs = 0
        for path in try Self.fixtureFiles() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            for selector in 0..<LoaderFuzzing.loaders.count {
                LoaderFuzzing.run([UInt8(selector)] + bytes)
                runs += 1
            }
            for _ in 0..<4 where !bytes.isEmpty {
                var mutated = bytes
                for _ in 0..<1 + Int(generator.next() % 8) {
                    let at = Int(generator.next() % UInt64(mutated.count))
                    switch generator.next() % 4 {
                    case 0: mutated[at] = UInt8(truncatingIfNeeded: generator.next())
                    case 1: mutated.remove(at: at)
                    case 2: mutated.insert(contentsOf: [0x26, 0x2A, 0x3A, 0x7B, 0x5B, 0x1B, 0x22][Int(generator.next() % 7)...].prefix(2), at: at)
                    default: mutated.insert(contentsOf: mutated[at..<min(mutated.count, at + 64)], at: at)
                    }
                    if mutated.isEmpty { mutated = [0] }
                }
                LoaderFuzzing.run([UInt8(generator.next() % UInt64(LoaderFuzzing.loaders.count))] + mutated)
                runs += 1
            }
        }
        #expect(runs > 400)
    }
}

extension FuzzRegressionTests {
    /// The Word targets (`import plan`) over the Word fixtures, whole and as document.xml, and byte
    /// mutations of both: each returns (a draft or a refusal), never crashes.
    @Test func wordFixturesThroughTheWordTargetsAndMutationsOfThem() throws {
        let folder = Self.repository.appendingPathComponent("Tests/Fixtures/word")
        var generator = SplitMix(seed: 25)
        var drafts = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".docx") {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            let xml = try #require(try BoundedZip(bytes: bytes).data(WordReader.documentPart))
            #expect(LoaderFuzzing.run([8] + bytes) > 3)   // a draft: its files and review items
            drafts += 1
            LoaderFuzzing.run([9] + xml)
            for _ in 0..<6 {
                var mutated = xml
                for _ in 0..<1 + Int(generator.next() % 6) {
                    let at = Int(generator.next() % UInt64(mutated.count))
                    switch generator.next() % 3 {
                    case 0: mutated[at] = UInt8(truncatingIfNeeded: generator.next())
                    case 1: mutated.remove(at: at)
                    default: mutated.insert(contentsOf: mutated[at..<min(mutated.count, at + 200)], at: at)
                    }
                }
                LoaderFuzzing.run([9] + mutated)
                var archive = bytes
                archive[Int(generator.next() % UInt64(archive.count))] ^= 0xFF
                LoaderFuzzing.run([8] + archive)
            }
        }
        #expect(drafts == 2)
    }
}

/// A small deterministic generator (SplitMix64), so the mutations are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
