import Foundation

extension SiteSettings {
    /// Reads only `site.yaml` of a content folder (the preview's base path,
    /// `new update`'s as-of note). nil when it is missing or invalid: the
    /// full build reports why.
    public static func read(contentFolder: String) -> SiteSettings? {
        let path = contentFolder + "/site.yaml"
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        let sink = DiagnosticSink()
        guard let value = YAMLValue.parse(text, file: path, sink: sink) else { return nil }
        return SettingsLoader.load(value, sink: sink)
    }
}
