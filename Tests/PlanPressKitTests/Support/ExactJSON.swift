import Foundation

/// A JSON reader that keeps numbers as their exact text (then `Decimal`),
/// unlike `JSONSerialization`, which reads fractions as `Double`.
indirect enum ExactJSON: Equatable {
    case null, bool(Bool), number(String), string(String), array([ExactJSON]), object([String: ExactJSON])

    subscript(key: String) -> ExactJSON { if case .object(let o) = self { return o[key] ?? .null }; return .null }
    subscript(index: Int) -> ExactJSON { if case .array(let a) = self, index < a.count { return a[index] }; return .null }
    var array: [ExactJSON] { if case .array(let a) = self { return a }; return [] }
    var string: String? { if case .string(let s) = self { return s }; return nil }
    var int: Int? { if case .number(let n) = self { return Int(n) }; return nil }
    var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    var decimal: Decimal? { if case .number(let n) = self { return Decimal(string: n, locale: Locale(identifier: "en_US_POSIX")) }; return nil }
    /// The number exactly as written in the file.
    var numberText: String? { if case .number(let n) = self { return n }; return nil }
    var isNull: Bool { self == .null }

    static func parse(_ text: String) throws -> ExactJSON {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.at == reader.scalars.count else { throw Reader.Failure(offset: reader.at) }
        return value
    }

    struct Reader {
        struct Failure: Error { var offset: Int }
        let scalars: [Unicode.Scalar]
        var at = 0

        mutating func skipSpace() { while at < scalars.count, " \n\r\t".unicodeScalars.contains(scalars[at]) { at += 1 } }

        mutating func expect(_ literal: String) throws {
            for s in literal.unicodeScalars {
                guard at < scalars.count, scalars[at] == s else { throw Failure(offset: at) }
                at += 1
            }
        }

        mutating func value() throws -> ExactJSON {
            skipSpace()
            guard at < scalars.count else { throw Failure(offset: at) }
            switch scalars[at] {
            case "n": try expect("null"); return .null
            case "t": try expect("true"); return .bool(true)
            case "f": try expect("false"); return .bool(false)
            case "\"": return .string(try string())
            case "[":
                at += 1
                var items: [ExactJSON] = []
                skipSpace()
                if scalars[at] == "]" { at += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if scalars[at] == "," { at += 1; continue }
                    try expect("]")
                    return .array(items)
                }
            case "{":
                at += 1
                var members: [String: ExactJSON] = [:]
                skipSpace()
                if scalars[at] == "}" { at += 1; return .object(members) }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    members[key] = try value()
                    skipSpace()
                    if scalars[at] == "," { at += 1; continue }
                    try expect("}")
                    return .object(members)
                }
            default:
                let start = at
                while at < scalars.count, "-+.eE0123456789".unicodeScalars.contains(scalars[at]) { at += 1 }
                guard at > start else { throw Failure(offset: at) }
                return .number(String(String.UnicodeScalarView(scalars[start..<at])))
            }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var out = String.UnicodeScalarView()
            while at < scalars.count {
                let c = scalars[at]
                at += 1
                switch c {
                case "\"": return String(out)
                case "\\":
                    let e = scalars[at]
                    at += 1
                    switch e {
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        let hex = String(String.UnicodeScalarView(scalars[at..<at + 4]))
                        at += 4
                        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw Failure(offset: at) }
                        out.append(scalar)
                    default: out.append(e)
                    }
                default: out.append(c)
                }
            }
            throw Failure(offset: at)
        }
    }
}
