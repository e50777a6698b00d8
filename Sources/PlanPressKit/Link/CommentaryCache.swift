import Foundation

/// Rendered commentary, update bodies and report narratives kept between links of
/// the same site (`IncrementalBuilder`): a text's HTML and diagnostics are reused
/// while it, its place (file, line, default plan) and everything its links can
/// point to (`ReferenceResolver.vocabulary`) stay the same.
public final class CommentaryCache: @unchecked Sendable {
    /// Compared and hashed by UTF-8 bytes: `String`'s own hashing normalises
    /// Unicode first, which for 2 KB of Cyrillic costs more than rendering it.
    struct Key: Hashable {
        private var text: String

        init(markdown: String, file: String, line: Int, plan: PlanID?) {
            text = "\(file)\u{0}\(line)\u{0}\(plan?.raw ?? "")\u{0}\(markdown)"
        }

        static func == (a: Key, b: Key) -> Bool { a.text.hasSameBytes(as: b.text) }

        func hash(into hasher: inout Hasher) {
            var text = self.text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private let lock = NSLock()
    private var vocabulary: [String] = []
    private var entries: [Key: (String, [Diagnostic])] = [:]
    /// Keys used by the current link; the rest are dropped when it finishes.
    private var used: Set<Key> = []

    public init() {}

    func prepare(vocabulary: [String]) {
        lock.lock()
        defer { lock.unlock() }
        if vocabulary != self.vocabulary { entries = [:] }
        self.vocabulary = vocabulary
        used = []
    }

    func lookup(_ key: Key) -> (String, [Diagnostic])? {
        lock.lock()
        defer { lock.unlock() }
        used.insert(key)
        return entries[key]
    }

    func store(_ key: Key, _ value: (String, [Diagnostic])) {
        lock.lock()
        defer { lock.unlock() }
        entries[key] = value
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { used.contains($0.key) }
    }
}
