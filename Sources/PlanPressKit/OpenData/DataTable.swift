/// A tidy table of the open data (docs/open-data.md): one observation per
/// row, one value per cell, every column typed. The same table is written
/// as CSV, as a sheet of the plan's XLSX workbook, and described in
/// `/data/datapackage.json` (Frictionless Table Schema).
struct DataTable: Sendable {
    /// Frictionless field types used by the open data.
    enum FieldType: String, Sendable {
        case string, integer, number, boolean, date, yearmonth
    }

    struct Field: Sendable {
        var name: String
        var type: FieldType
        var description: String
        /// The only values the column holds besides empty (the data package's `enum` constraint).
        var allowed: [String]?

        init(_ name: String, _ type: FieldType = .string, _ description: String, allowed: [String]? = nil) {
            self.name = name
            self.type = type
            self.description = description
            self.allowed = allowed
        }
    }

    struct ForeignKey: Sendable {
        var fields: [String]
        /// Name of the referenced table (`measures`), resolved per plan or site-wide.
        var table: String
        var reference: [String]
    }

    /// `measures`, `statuses` …: the file is `<plan>-<name>.csv` per plan and `<name>.csv` for the site.
    var name: String
    var title: String
    var fields: [Field]
    var primaryKey: [String] = []
    var foreignKeys: [ForeignKey] = []
    private(set) var rows: [[String]] = []

    init(name: String, title: String, fields: [Field], primaryKey: [String] = [], foreignKeys: [ForeignKey] = []) {
        self.name = name
        self.title = title
        self.fields = fields
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == fields.count, "\(name): row has \(row.count) cells for \(fields.count) fields")
        rows.append(row)
    }

    mutating func append(contentsOf other: DataTable) { rows += other.rows }

    var csv: CSVTable {
        var table = CSVTable(header: fields.map(\.name))
        for row in rows { table.append(row) }
        return table
    }

    static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    /// The CSV file's bytes (`CSVTable`), written from the rows without copying them.
    var csvBytes: [UInt8] { CSVTable.bytes(header: fields.map(\.name), rows: rows) }

    /// The same table without its rows: what a site-wide table's piece keeps (columns for the data package).
    var withoutRows: DataTable {
        DataTable(name: name, title: title, fields: fields, primaryKey: primaryKey, foreignKeys: foreignKeys)
    }
}

extension DataTable {
    /// The table without the columns whose names match.
    func dropping(_ drop: (String) -> Bool) -> DataTable {
        let keep = fields.indices.filter { !drop(fields[$0].name) }
        var table = DataTable(name: name, title: title, fields: keep.map { fields[$0] }, primaryKey: primaryKey, foreignKeys: foreignKeys)
        for row in rows { table.append(keep.map { row[$0] }) }
        return table
    }
}
