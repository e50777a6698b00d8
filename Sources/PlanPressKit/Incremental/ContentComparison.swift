import Foundation

/// Compares two loaded values by what a page can show: every stored
/// property, recursively, except source locations (where a text sits in its
/// file never reaches a page, and adding a line above a measure must not
/// make every later measure look edited). Reflection keeps this in step
/// with the model without a hand-written comparison per type; it runs only
/// on the few values of files that changed.
enum ContentComparison {
    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is SourceLocation || a is SourceLocation? { return b is SourceLocation || b is SourceLocation? }
        if let x = a as? String, let y = b as? String { return x.hasSameBytes(as: y) }
        if let x = a as? Int, let y = b as? Int { return x == y }
        if let x = a as? Bool, let y = b as? Bool { return x == y }
        if let x = a as? [UInt8], let y = b as? [UInt8] { return x == y }
        if let x = a as? Data, let y = b as? Data { return x == y }
        guard type(of: a) == type(of: b) else { return false }
        let left = Mirror(reflecting: a), right = Mirror(reflecting: b)
        switch left.displayStyle {
        case .dictionary:
            guard let l = a as? [AnyHashable: Any], let r = b as? [AnyHashable: Any], l.count == r.count else { return false }
            return l.allSatisfy { key, value in r[key].map { equal(value, $0) } ?? false }
        case .set:
            // Iteration order of equal hashed collections may differ: compare sorted.
            let l = left.children.map(\.value).sorted { key($0) < key($1) }
            let r = right.children.map(\.value).sorted { key($0) < key($1) }
            return l.count == r.count && zip(l, r).allSatisfy { equal($0, $1) }
        default:
            if left.children.isEmpty && right.children.isEmpty {
                // Leaves: numbers, booleans, enum cases without payload, identifiers' raw strings.
                return String(reflecting: a) == String(reflecting: b)
            }
            guard left.children.count == right.children.count else { return false }
            return zip(left.children, right.children).allSatisfy { l, r in l.label == r.label && equal(l.value, r.value) }
        }
    }

    private static func key(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
