import Foundation
import Mustache

/// Every name a template prints, numbered once per process.
///
/// Template paths take their numbers when they are parsed, record shapes when
/// they are made; a name gets the same number wherever it appears, so a record
/// finds a template's name by indexing an array with that number instead of
/// hashing the name (docs/performance.md, «Numbered names and records»).
enum TemplateNames {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]

    static func number(_ name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[name] { return number }
        let number = numbers.count
        numbers[name] = number
        return number
    }
}

/// The names a kind of record has, and where each template name's number
/// points in its values (`-1`: not a name of this shape).
public final class RecordShape: Sendable {
    let names: [String]
    /// Indexed by `TemplateNames.number`; numbers given after the shape was made are not its names.
    private let slots: [Int32]
    private let byName: [String: Int]

    public init(_ names: [String]) {
        precondition(Set(names).count == names.count, "a record shape names each field once: \(names)")
        self.names = names
        let numbers = names.map(TemplateNames.number)
        var slots = [Int32](repeating: -1, count: (numbers.max() ?? -1) + 1)
        for (index, number) in numbers.enumerated() { slots[number] = Int32(index) }
        self.slots = slots
        byName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    @inline(__always)
    func slot(_ number: Int) -> Int {
        number >= 0 && number < slots.count ? Int(slots[number]) : -1
    }

    func slot(named name: String) -> Int { byName[name] ?? -1 }
}

/// A context with a fixed set of names (a `RecordShape`): what a `[String: Any]`
/// context holds, looked up by the number templates gave the name at load time.
/// A record may extend another (`next`): names it lacks are looked up there,
/// as a list row that adds a role to a shared measure item without copying it.
/// Immutable once made.
public final class Record: @unchecked Sendable, MustacheParent {
    let shape: RecordShape
    private let values: [Any?]
    let next: Record?

    /// `values` as a dictionary context would hold them; a key the shape lacks is a programming error.
    public init(_ shape: RecordShape, _ values: [String: Any], extending next: Record? = nil) {
        var slots = [Any?](repeating: nil, count: shape.names.count)
        for (name, value) in values {
            let slot = shape.slot(named: name)
            precondition(slot >= 0, "record field «\(name)» is not in its shape \(shape.names)")
            slots[slot] = value
        }
        self.shape = shape
        self.values = slots
        self.next = next
    }

    /// The value for a name's number: `.some(nil)` when neither this record nor the one it extends has it.
    @inline(__always)
    func value(number: Int) -> Any?? {
        var record = self
        while true {
            let slot = record.shape.slot(number)
            if slot >= 0, let value = record.values[slot] { return .some(value) }
            guard let next = record.next else { return .some(nil) }
            record = next
        }
    }

    /// By name: for swift-mustache (the engine comparison) and for code reading a context.
    public func child(named name: String) -> Any? {
        let slot = shape.slot(named: name)
        if slot >= 0, let value = values[slot] { return value }
        return next?.child(named: name)
    }

    public subscript(name: String) -> Any? { child(named: name) }

    /// Every name with a value, this record's over the one it extends (tests, debugging).
    public var dictionary: [String: Any] {
        var result = next?.dictionary ?? [:]
        for (slot, name) in shape.names.enumerated() {
            if let value = values[slot] { result[name] = value }
        }
        return result
    }
}
