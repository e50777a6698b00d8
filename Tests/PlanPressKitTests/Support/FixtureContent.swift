import Foundation

extension TestSite {
    /// A fixture site's `Content/` (Tests/Fixtures/<name>/Content) copied into a
    /// temporary site, with some files replaced, e.g. `site.yaml` for another `as_of`.
    init(fixture name: String, replacing overrides: [String: String] = [:]) throws {
        let root = TestSite.fixtures.appendingPathComponent(name).appendingPathComponent("Content")
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = try String(contentsOf: url, encoding: .utf8)
        }
        files.merge(overrides) { _, new in new }
        try self.init(files)
    }

    /// The fixture's own `site.yaml` with another `as_of` date.
    static func settings(fixture name: String, asOf: String) throws -> String {
        let url = TestSite.fixtures.appendingPathComponent(name).appendingPathComponent("Content/site.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("as_of:") ? "as_of: \(asOf)" : String($0) }
            .joined(separator: "\n")
    }
}
