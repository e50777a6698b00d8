import Foundation
import Testing
import ZIPFoundation
@testable import PlanPressKit

/// The open data's byte writers against what they replaced: the ZIP writer
/// against ZIPFoundation's archives (the bytes `all.zip` and the workbooks had),
/// CSV and XLSX text against the string versions, on the awkward cases.
@Suite struct OpenDataBytesTests {
    /// Deterministic bytes that deflate neither too well nor too badly, `count` long.
    static func sample(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed, out: [UInt8] = []
        out.reserveCapacity(count)
        let words = ["захід ", "plan ", "бюджет ", "2026, ", "\"лапки\" ", "\r\n", "виконано ", "0.5 "].map { Array($0.utf8) }
        while out.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out += words[Int(state >> 61)]
            if state & 0xF == 0 { out.append(UInt8(truncatingIfNeeded: state >> 20)) }
        }
        return Array(out.prefix(count))
    }

    /// What ZIPFoundation writes for the same entries (1980-01-01 00:00 UTC and `rw-r--r--`, as `ZipArchive` used it).
    static func zipFoundation(_ entries: [(String, [UInt8], Bool)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes, deflate) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 permissions: 0o644, compressionMethod: deflate ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    @Test func theZipWriterWritesZIPFoundationsBytes() throws {
        // Empty, tiny, one chunk, several 16 KB chunks (ZIPFoundation deflates chunk by chunk), stored, Cyrillic names.
        let entries: [(String, [UInt8], Bool)] = [
            ("empty.csv", [], true), ("a.csv", Array("a,b\r\n1,2\r\n".utf8), true),
            ("кремінна-measures.csv", Self.sample(9_000, seed: 1), true), ("big.json", Self.sample(70_000, seed: 2), true),
            ("exact.csv", Self.sample(16_384, seed: 3), true), ("book.xlsx", Self.sample(20_000, seed: 4), false), ("empty.xlsx", [], false),
        ]
        var zip = ZipArchive()
        for (name, bytes, deflate) in entries { zip.add(name, bytes, deflate: deflate) }
        let ours = try zip.bytes()
        #expect(ours == (try Self.zipFoundation(entries)))
        let back = try ZipArchive.entries(of: ours)
        for (name, bytes, _) in entries { #expect(back[name] == bytes, "\(name)") }
    }

    @Test func aReusedCompressedEntryGivesTheSameArchive() throws {
        let bytes = Self.sample(30_000, seed: 5)
        let compressed = try #require(ZipArchive.compress(bytes, deflate: true))
        var fresh = ZipArchive(), reused = ZipArchive()
        fresh.add("x.csv", bytes, deflate: true)
        reused.add("x.csv", bytes, deflate: true, compressed: compressed)
        #expect(try fresh.bytes() == reused.bytes())
        // A compressed form of other bytes (another size) or of the other method is not used.
        var stale = ZipArchive()
        stale.add("x.csv", bytes + [0x41], deflate: true, compressed: compressed)
        stale.add("y.xlsx", bytes, deflate: false, compressed: compressed)
        let back = try ZipArchive.entries(of: try stale.bytes())
        #expect(back["x.csv"] == bytes + [0x41])
        #expect(back["y.xlsx"] == bytes)
    }

    /// Issue 19 (one-edit rebuild): a large entry is deflated in pieces cut by its content; after an edit
    /// only the pieces around it are deflated again, and the archive is the one a fresh build writes.
    @Test func aLargeEntryIsDeflatedInPiecesAndAnEditReusesTheUnchangedOnes() throws {
        let bytes = Self.sample(3_000_000, seed: 6)
        var edited = bytes
        edited.replaceSubrange(1_500_000..<1_500_010, with: Array("змінено у реченні".utf8))
        let first = try #require(ZipArchive.compress(bytes, deflate: true))
        #expect(first.pieces.isEmpty, "compress() alone deflates one stream")
        var old = ZipArchive()
        old.add("measures.csv", bytes, deflate: true)
        let oldEntry = try #require(try old.compressedEntries().first)
        #expect(oldEntry.pieces.count >= 4, "\(oldEntry.pieces.count) pieces")
        #expect(oldEntry.pieces.map(\.range.count).allSatisfy { $0 >= ZipArchive.pieceSize || $0 == oldEntry.pieces.last!.range.count })
        #expect(oldEntry.pieces.dropLast().allSatisfy { bytes[$0.range.upperBound - 1] == 0x0A }, "pieces end at line ends")
        var fresh = ZipArchive(), rebuilt = ZipArchive()
        fresh.add("measures.csv", edited, deflate: true)
        rebuilt.add("measures.csv", edited, deflate: true, compressed: nil, previous: (bytes, oldEntry))
        let rebuiltEntry = try #require(try rebuilt.compressedEntries().first)
        // The edit touches one piece (two when it moved a cut): the rest are the old deflate blocks.
        #expect(rebuiltEntry.reused >= rebuiltEntry.pieces.count - 2 && rebuiltEntry.reused > 0, "\(rebuiltEntry.reused) of \(rebuiltEntry.pieces.count)")
        let archive = try rebuilt.bytes()
        #expect(archive == (try fresh.bytes()))
        // ZIPFoundation reads it back (and checks the CRC); the pieces cost little against one stream.
        #expect(try ZipArchive.entries(of: archive)["measures.csv"] == edited)
        #expect(try ZipArchive.entries(of: try old.bytes())["measures.csv"] == bytes)
        #expect(Double(oldEntry.data.count) < Double(first.data.count) * 1.002, "\(oldEntry.data.count) against \(first.data.count)")
        // Text without line ends is cut at twice the longest piece.
        let flat = [UInt8](repeating: 0x41, count: 5 * ZipArchive.maxPieceSize)
        #expect(ZipArchive.pieces(of: flat).map(\.count) == [2, 2, 1].map { $0 * ZipArchive.maxPieceSize })
        var flatZip = ZipArchive()
        flatZip.add("flat.txt", flat, deflate: true)
        #expect(try ZipArchive.entries(of: try flatZip.bytes())["flat.txt"] == flat)
    }

    @Test func xmlTextOnBytesIsEscapedAsTheStringVersion() {
        for text in ["", "просто текст", "a & b < c > d \"e\"", "tab\there\nline\rcr", "\u{1}\u{1F}\u{0}x", "\u{FFFE}\u{FFFF}\u{FFFD}",
                     "&&", "кінець&", "👩‍👩‍👧 «лапки»", "\u{EF}\u{BF}"] {
            var out = XMLBytes(capacity: 16)
            out.escaped(text)
            #expect(String(decoding: out.bytes, as: UTF8.self) == XLSXWriter.escape(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func csvQuotesEdgeSpacesOnlyWhenTheyAreWholeCharacters() {
        // A space followed by a combining accent is one character that is not a space: not quoted, as before.
        #expect(CSVTable.field(" \u{301}x") == " \u{301}x")
        #expect(CSVTable.field(" x") == "\" x\"")
        #expect(CSVTable.field("x ") == "\"x \"")
        #expect(CSVTable.field("a\"b,c") == "\"a\"\"b,c\"")
        #expect(CSVTable.field("рядок\nдругий") == "\"рядок\nдругий\"")
        #expect(CSVTable.field("=1") == "'=1")
    }
}
