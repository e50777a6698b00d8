/// A JSON document built in code and written deterministically: object keys
/// keep the order they were given in, and decimals are written from their
/// digits, never through `Double`.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// An exact decimal number (money, indicator values) written as its digits.
    case decimal(Money)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A string, or `null` when absent.
    public static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// An exact number, or `null` when absent.
    public static func money(_ value: Money?) -> JSONValue { value.map(JSONValue.decimal) ?? .null }

    /// An integer, or `null` when absent.
    public static func number(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized() -> String { String(decoding: bytes(), as: UTF8.self) }

    /// `serialized()` as UTF-8, written straight into bytes (plans of
    /// hundreds of measures: string appends were most of the export's time).
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * 1024)
        write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        func spaces(_ n: Int) { out.append(contentsOf: repeatElement(0x20, count: n)) }
        func text(_ value: String) {
            var value = value
            value.withUTF8 { out.append(contentsOf: $0) }
        }
        switch self {
        case .null: text("null")
        case .bool(let value): text(value ? "true" : "false")
        case .int(let value): text(String(value))
        case .decimal(let money): text(money.machine)
        case .string(let value):
            var json = CompactJSON(capacity: value.utf8.count + 2)
            json.string(value)
            out.append(contentsOf: json.bytes)
        case .array(let items):
            guard !items.isEmpty else { text("[]"); return }
            text("[\n")
            for (offset, item) in items.enumerated() {
                spaces(indent + 2)
                item.write(into: &out, indent: indent + 2)
                text(offset + 1 < items.count ? ",\n" : "\n")
            }
            spaces(indent)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { text("{}"); return }
            text("{\n")
            for (offset, (key, value)) in members.enumerated() {
                spaces(indent + 2)
                var json = CompactJSON(capacity: key.utf8.count + 2)
                json.string(key)
                out.append(contentsOf: json.bytes)
                text(": ")
                value.write(into: &out, indent: indent + 2)
                text(offset + 1 < members.count ? ",\n" : "\n")
            }
            spaces(indent)
            out.append(0x7D)
        }
    }
}
