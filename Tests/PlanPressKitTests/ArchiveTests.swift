import Foundation
import Testing
@testable import PlanPressKit

/// The bounded ZIP and XML readers (`Archive/`): entries by name within limits, every refusal a
/// typed error with a catalogue message, and a zip bomb stopped after at most one entry's limit.
@Suite struct ArchiveTests {
    static let small = ArchiveLimits(archiveBytes: 1 << 20, entries: 10, entryBytes: 1 << 20, totalBytes: 3 << 20,
                                     ratio: 100, ratioGrace: 100 << 10)

    static func refusal(_ body: () throws -> Void) -> ArchiveError? {
        do { try body(); return nil } catch let error as ArchiveError { return error } catch { return nil }
    }

    @Test func readsEntriesByNameAndParsesTheirXML() throws {
        let bytes = TestZip.archive([TestZip.entry("word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p>Текст</w:p></w:body></w:document>"),
                                     TestZip.entry("[Content_Types].xml", "<Types/>")])
        let zip = try BoundedZip(bytes: bytes, limits: Self.small)
        #expect(zip.names == ["word/document.xml", "[Content_Types].xml"])
        #expect(zip.contains("word/document.xml"))
        #expect(try zip.data("word/missing.xml") == nil)
        let xml = try #require(try zip.xml("word/document.xml"))
        #expect(xml["w:document"]["w:body"]["w:p"].element?.text == "Текст")
        #expect(zip.bytesRead > 0)
        #expect(Self.refusal { _ = try zip.required("word/styles.xml") } == .entryMissing(entry: "word/styles.xml"))
    }

    @Test func readsAnArchiveThePlanPressWriterMade() throws {
        var writer = ZipArchive()
        writer.add("a.txt", "перший")
        writer.add("b/c.txt", (0..<50_000).map { "рядок \($0 &* 2_654_435_761 % 1_000_003)\n" }.joined())
        let zip = try BoundedZip(bytes: try writer.bytes())
        #expect(String(decoding: try zip.required("a.txt"), as: UTF8.self) == "перший")
        #expect(String(decoding: try zip.required("b/c.txt"), as: UTF8.self).hasSuffix("рядок \(49_999 &* 2_654_435_761 % 1_000_003)\n"))
    }

    @Test func aZipBombIsStoppedAtItsEntryLimitWithBoundedMemory() {
        // 1 GB of zeros in ~1 MB, declaring 1,000 bytes: stopped at 64 MB inflated, never 1 GB.
        let bytes = TestZip.archive([TestZip.bomb("word/document.xml", megabytes: 1024)])
        #expect(bytes.count < 2 << 20)
        let zip = try? BoundedZip(bytes: bytes, limits: .office)
        #expect(zip != nil)
        #expect(Self.refusal { _ = try zip?.data("word/document.xml") } == .entryTooLarge(entry: "word/document.xml", limit: 64 << 20))
        #expect(zip?.bytesRead == 0)
    }

    @Test func aSmallBombIsStoppedByItsRatioLongBeforeItsSize() {
        // 48 MB of zeros in ~50 KB: refused when it reaches 100 × its compressed size (~5 MB).
        let bytes = TestZip.archive([TestZip.bomb("word/document.xml", megabytes: 48)])
        #expect(Self.refusal { _ = try BoundedZip(bytes: bytes, limits: .office).data("word/document.xml") }
                == .ratioTooHigh(entry: "word/document.xml", limit: 100))
    }

    @Test func anEntryPastItsSizeIsStoppedWhateverItDeclares() {
        var limits = Self.small
        limits.ratio = 100_000  // only the size stops it
        let bytes = TestZip.archive([TestZip.bomb("big.xml", megabytes: 4, declared: 10)])
        #expect(Self.refusal { _ = try BoundedZip(bytes: bytes, limits: limits).data("big.xml") }
                == .entryTooLarge(entry: "big.xml", limit: 1 << 20))
        // Declared too large: refused before inflating.
        var declared = TestZip.entry("x.xml", "<x/>")
        declared.size = 2 << 20
        #expect(Self.refusal { _ = try BoundedZip(bytes: TestZip.archive([declared]), limits: limits).data("x.xml") }
                == .entryTooLarge(entry: "x.xml", limit: 1 << 20))
    }

    @Test func theTotalOfAllEntriesIsBounded() throws {
        var limits = Self.small
        limits.ratio = 100_000
        let parts = (1...4).map { TestZip.bomb("p\($0).xml", megabytes: 1, declared: 1 << 20) }
        let zip = try BoundedZip(bytes: TestZip.archive(parts), limits: limits)
        // Each entry is within 1 MB (and its fake CRC makes it "damaged"), but the fourth passes the 3 MB total.
        var errors: [ArchiveError] = []
        for name in zip.names { if let e = Self.refusal({ _ = try zip.data(name) }) { errors.append(e) } }
        #expect(errors.allSatisfy { $0 == .entryDamaged(entry: $0.entryName ?? "") || $0 == .totalTooLarge(limit: 3 << 20) })
        var generator = SplitMix(seed: 7)
        let good = (1...4).map { TestZip.entry("g\($0).bin", (0..<((1 << 20) - 10)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }) }
        let zip2 = try BoundedZip(bytes: TestZip.archive(good), limits: ArchiveLimits(archiveBytes: 8 << 20, entries: 10,
                                  entryBytes: 1 << 20, totalBytes: 3 << 20, ratio: 100, ratioGrace: 100 << 10))
        #expect(try zip2.data("g1.bin") != nil)
        #expect(try zip2.data("g2.bin") != nil)
        #expect(try zip2.data("g3.bin") != nil)
        #expect(Self.refusal { _ = try zip2.data("g4.bin") } == .totalTooLarge(limit: 3 << 20))
    }

    @Test func tooManyEntriesTooLargeAFileNotAZipAndAnOfficeCompoundFile() throws {
        let many = TestZip.archive((1...11).map { TestZip.entry("e\($0)", "x") })
        #expect(Self.refusal { _ = try BoundedZip(bytes: many, limits: Self.small) } == .tooManyEntries(limit: 10))
        var tight = Self.small
        tight.archiveBytes = 100
        #expect(Self.refusal { _ = try BoundedZip(bytes: many, limits: tight) } == .archiveTooLarge(limit: 100))
        #expect(Self.refusal { _ = try BoundedZip(bytes: Array("не архів".utf8)) } == .notZIP)
        // A local header but no central directory at the end (a cut-off download): refused at once.
        let cut = Array(TestZip.archive([TestZip.entry("a", "b")]).dropLast(30)) + [UInt8](repeating: 0x41, count: 200_000)
        #expect(Self.refusal { _ = try BoundedZip(bytes: cut) } == .notZIP)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
        #expect(Self.refusal { _ = try BoundedZip(bytes: ole) } == .compoundFile(encrypted: false))
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(Self.refusal { _ = try BoundedZip(bytes: ole + name + [0, 0]) } == .compoundFile(encrypted: true))
    }

    @Test func aDamagedEntryIsRefusedByName() throws {
        var entry = TestZip.entry("word/document.xml", String(repeating: "<w:p/>", count: 100))
        entry.crc ^= 0xFFFF
        let zip = try BoundedZip(bytes: TestZip.archive([entry]))
        #expect(Self.refusal { _ = try zip.data("word/document.xml") } == .entryDamaged(entry: "word/document.xml"))
    }

    @Test func xmlIsCheckedForSizeDepthAndDoctypeBeforeItIsParsed() {
        let limits = XMLLimits(bytes: 10_000, depth: 8)
        func problem(_ text: String) -> ArchiveError? {
            Self.refusal { _ = try BoundedXML.parse(Array(text.utf8), entry: "word/document.xml", limits: limits) }
        }
        #expect(problem("<a><b><c attr=\"1 > 0\"/><!-- <d><d><d><d><d><d><d><d><d> --><![CDATA[<e><e>]]></b></a>") == nil)
        #expect(problem(String(repeating: "<d>", count: 9) + String(repeating: "</d>", count: 9)) == .xmlTooDeep(entry: "word/document.xml", line: 1, limit: 8))
        #expect(problem("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">]>\n<a>&lol;</a>") == .xmlDoctype(entry: "word/document.xml", line: 2))
        #expect(problem(String(repeating: "x", count: 10_001)) == .xmlTooLarge(entry: "word/document.xml", limit: 10_000))
        #expect({ if case .xmlMalformed(_, 2, let column) = problem("<a>\n<b></a>"), column > 0 { return true }; return false }())
        // A very deep document is refused by the scan, in linear time, without building a tree.
        let deep = String(repeating: "<w:p>", count: 1_000_000)
        #expect(Self.refusal { _ = try BoundedXML.parse(Array(deep.utf8), entry: "d.xml") } == .xmlTooDeep(entry: "d.xml", line: 1, limit: 256))
    }

    @Test func everyRefusalHasAMessageNamingTheFile() {
        let errors: [ArchiveError] = [.notZIP, .compoundFile(encrypted: true), .compoundFile(encrypted: false), .archiveTooLarge(limit: 1 << 20),
                                      .tooManyEntries(limit: 5), .entryTooLarge(entry: "e", limit: 1 << 20), .totalTooLarge(limit: 1 << 20),
                                      .ratioTooHigh(entry: "e", limit: 100), .entryDamaged(entry: "e"), .entryMissing(entry: "e"),
                                      .xmlTooLarge(entry: "e", limit: 1024), .xmlTooDeep(entry: "e", line: 3, limit: 8),
                                      .xmlDoctype(entry: "e", line: 1), .xmlMalformed(entry: "e", line: 2, column: 4)]
        for error in errors {
            let message = error.message(file: "Мій план.docx")
            #expect(message.text(.uk).hasPrefix("Мій план.docx: "), "\(error)")
            #expect(message.text(.en).hasPrefix("Мій план.docx: "), "\(error)")
        }
        #expect(ArchiveError.ratioTooHigh(entry: "word/document.xml", limit: 100).message(file: "a.docx").text(.uk).contains("zip-бомб"))
    }
}

extension ArchiveError {
    var entryName: String? {
        switch self {
        case .entryTooLarge(let e, _), .ratioTooHigh(let e, _), .entryDamaged(let e), .entryMissing(let e),
             .xmlTooLarge(let e, _), .xmlTooDeep(let e, _, _), .xmlDoctype(let e, _), .xmlMalformed(let e, _, _): return e
        default: return nil
        }
    }
}
