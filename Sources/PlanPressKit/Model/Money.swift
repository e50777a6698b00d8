import Foundation

/// An exact decimal amount. Money never passes through floating point.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: Decimal
    /// Digits after the decimal separator as printed (for display).
    public var scale: Int

    public init(_ value: Decimal, scale: Int = 0) {
        self.value = value
        self.scale = scale
    }

    public static let zero = Money(0)

    /// Reads `7,0`, `1 234,5`, `1234.50`, `-3`. Returns nil for anything else.
    public init?(parsing printed: String) {
        var text = ""
        for scalar in printed.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}": continue
            case ",": text.append(".")
            default: text.unicodeScalars.append(scalar)
            }
        }
        guard Money.isPlainDecimal(text), let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        let scale = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        self.init(value, scale: scale)
    }

    private static func isPlainDecimal(_ text: String) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, seenPoint = false
        for (index, char) in text.enumerated() {
            if char == "-" && index == 0 { continue }
            if char == "." {
                if seenPoint { return false }
                seenPoint = true
                continue
            }
            guard char.isASCII, char.isNumber else { return false }
            if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
        }
        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
    }

    public static func + (a: Money, b: Money) -> Money {
        Money(a.value + b.value, scale: max(a.scale, b.scale))
    }

    public static func - (a: Money, b: Money) -> Money {
        Money(a.value - b.value, scale: max(a.scale, b.scale))
    }

    public static func += (a: inout Money, b: Money) { a = a + b }

    public static func < (a: Money, b: Money) -> Bool { a.value < b.value }
    public static func == (a: Money, b: Money) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    public var isZero: Bool { value == 0 }

    /// Machine form for CSV and JSON: point separator, no grouping, printed scale.
    public var machine: String { Money.digits(of: value, scale: scale, group: "", point: ".") }

    /// Ukrainian form for pages: `1 234,5` (non-breaking space groups, decimal comma).
    public var ukrainian: String { Money.digits(of: value, scale: scale, group: "\u{00A0}", point: ",") }

    public var description: String { machine }

    static func digits(of value: Decimal, scale: Int, group: String, point: String) -> String {
        // "1234.5", "-3", "0.25": the same text as NSDecimalNumber.stringValue (MoneyTests), without an object per amount.
        var raw = value.description
        var negative = false
        if raw.hasPrefix("-") { negative = true; raw.removeFirst() }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < scale { fraction += String(repeating: "0", count: scale - fraction.count) }
        var grouped = ""
        for (offset, char) in integer.enumerated() {
            if offset > 0 && (integer.count - offset) % 3 == 0 && integer.count > 3 { grouped += group }
            grouped.append(char)
        }
        let sign = negative && value != 0 ? "−" : ""
        let machineSign = negative && value != 0 ? "-" : ""
        let prefix = point == "." ? machineSign : sign
        return prefix + grouped + (fraction.isEmpty ? "" : point + fraction)
    }
}
