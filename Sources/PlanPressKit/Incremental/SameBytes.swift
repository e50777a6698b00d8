#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Byte-for-byte equality of the UTF-8 text. `==` compares canonical
    /// equivalence, which normalises non-ASCII text first (slow on long
    /// Cyrillic strings); caches need only "the very same text".
    func hasSameBytes(as other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        let fast = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        if let fast, let result = fast { return result }
        return a.elementsEqual(b)
    }
}
