/// Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return may be run as a formula
/// by Excel or LibreOffice (`=HYPERLINK(...)`). Such text gets a leading
/// apostrophe in CSV and XLSX; a real number (`-6.0`) is left as it is.
enum FormulaGuard {
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first,
              first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
        else { return value }
        return isNumber(value) ? value : "'" + value
    }

    /// `-6.0`, `-12`, `-0,5`: an optional minus, digits, an optional decimal part.
    static func isNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        var digits = 0, separators = 0, afterSeparator = 0
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                digits += 1
                if separators > 0 { afterSeparator += 1 }
            case ".", ",":
                separators += 1
                guard separators == 1, digits > 0 else { return false }
            default: return false
            }
        }
        return digits > 0 && (separators == 0 || afterSeparator > 0)
    }
}
