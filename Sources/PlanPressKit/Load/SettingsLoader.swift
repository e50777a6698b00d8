/// Reads `site.yaml`.
enum SettingsLoader {
    static func load(_ value: YAMLValue, sink: DiagnosticSink) -> SiteSettings? {
        guard let map = MappingReader(value, what: .siteSettings, sink: sink) else { return nil }
        let title = map.text("title", required: true)
        let description = map.text("description") ?? ""
        let language = map.text("language") ?? "uk"
        if !["uk", "en"].contains(language) {
            sink.error(.unknownLanguage(found: language), at: map.keyLocation("language"))
        }
        var baseURL = map.text("base_url") ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let buildDate = map.optional("as_of")?.scalarText?.trimmingSpaces() == BuildDate.keyword
        let asOf = buildDate ? BuildDate.today() : map.date("as_of", required: true)
        let publisher = map.text("publisher")
        map.finish()
        guard let title, let asOf else { return nil }
        var settings = SiteSettings(title: title, description: description, language: language, baseURL: baseURL,
                                    asOf: asOf, publisher: publisher, location: map.location)
        settings.asOfIsBuildDate = buildDate
        return settings
    }
}
