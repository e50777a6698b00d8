import Foundation
import ZIPFoundation

/// The parts of an XLSX file the reader asks for, unpacked one at a time and only when asked,
/// each bounded in size and ratio while it is inflated (a declared size is not trusted).
struct XLSXParts {
    let archive: Archive
    let limits: XLSXReader.Limits

    init(data: Data, limits: XLSXReader.Limits) throws {
        guard let archive = try? Archive(data: data, accessMode: .read) else { throw XLSXReader.ReadError(text: .workbookNotZIP) }
        self.archive = archive
        self.limits = limits
    }

    private struct TooLarge: Error {}

    /// The part's bytes, or nil when the workbook has no such part.
    func read(_ path: String, as part: Phrase) throws -> Data? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        var out = Data()
        let limit = limits.partBytes
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard out.count + chunk.count <= limit else { throw TooLarge() }
                out.append(contentsOf: chunk)
            }
        } catch is TooLarge {
            throw XLSXReader.ReadError(text: .workbookPartTooLarge(part: part, limit: limit >> 20))
        } catch {
            throw XLSXReader.ReadError(text: .workbookPartDamaged(part: part))
        }
        let packed = max(1, Int(entry.compressedSize))
        if out.count > limits.ratioFloor && out.count / packed > limits.ratio {
            throw XLSXReader.ReadError(text: .workbookPartRatio(part: part, ratio: out.count / packed, limit: limits.ratio))
        }
        return out
    }
}
