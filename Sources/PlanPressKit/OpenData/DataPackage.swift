/// `/data/datapackage.json`: a Frictionless Data Package descriptor
/// (https://specs.frictionlessdata.io/) listing every CSV of the open data
/// with its fields, types, primary and foreign keys, so that standard tools
/// (`frictionless validate`, pandas via `frictionless`, R's `frictionless`)
/// check and load the tables without guessing.
struct DataPackage {
    /// One CSV: its path inside `data/`, the resource name, and its table.
    struct Resource {
        var path: String
        var name: String
        var table: DataTable
        /// Prefix of the resource names of the same group (`money-` for a plan's files, `` for site-wide files),
        /// so a foreign key points at the table of the same plan or the site-wide one.
        var group: String
    }

    var title: String
    var resources: [Resource]

    var document: JSONValue {
        .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string("planpress-open-data")),
            ("title", .string(title)),
            ("licenses", .array([DataPackage.licence])),
            ("resources", .array(resources.map(resource))),
        ])
    }

    /// The licence of the open data: CC BY 4.0, the licence Ukraine's open-data portal (data.gov.ua)
    /// publishes under; the plans are official documents and the reports are published by their
    /// authors to be reused (docs/open-data.md, «Licence»).
    static let licence: JSONValue = .object([
        ("name", .string("CC-BY-4.0")),
        ("path", .string("https://creativecommons.org/licenses/by/4.0/")),
        ("title", .string("Creative Commons Attribution 4.0 International")),
    ])

    private func resource(_ r: Resource) -> JSONValue {
        var schema: [(String, JSONValue)] = [
            ("fields", .array(r.table.fields.map(field))),
            ("missingValues", .array([.string("")])),
        ]
        if !r.table.primaryKey.isEmpty { schema.append(("primaryKey", .array(r.table.primaryKey.map(JSONValue.string)))) }
        let keys = r.table.foreignKeys.compactMap { key -> JSONValue? in
            // A table that refers to itself names no resource (the specification's "").
            let target = key.table == r.table.name ? "" : r.group + key.table
            guard target.isEmpty || resources.contains(where: { $0.name == target }) else { return nil }
            return .object([("fields", .array(key.fields.map(JSONValue.string))),
                            ("reference", .object([("resource", .string(target)), ("fields", .array(key.reference.map(JSONValue.string)))]))])
        }
        if !keys.isEmpty { schema.append(("foreignKeys", .array(keys))) }
        return .object([
            ("profile", .string("tabular-data-resource")),
            ("name", .string(r.name)),
            ("path", .string(r.path)),
            ("title", .string(r.table.title)),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8-sig")),
            ("dialect", .object([("delimiter", .string(",")), ("lineTerminator", .string("\r\n")), ("quoteChar", .string("\"")),
                                 ("doubleQuote", .bool(true)), ("header", .bool(true))])),
            ("schema", .object(schema)),
        ])
    }

    private func field(_ f: DataTable.Field) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(f.name)), ("type", .string(f.type.rawValue)), ("description", .string(f.description))]
        if f.type == .boolean {
            members += [("trueValues", .array([.string("true")])), ("falseValues", .array([.string("false")]))]
        }
        if let allowed = f.allowed { members.append(("constraints", .object([("enum", .array(allowed.map(JSONValue.string)))]))) }
        return .object(members)
    }
}
