/// Reads `site.yaml`.
enum SettingsLoader {
    static func load(_ value: YAMLValue, sink: DiagnosticSink) -> SiteSettings? {
        guard let map = MappingReader(value, what: "site settings", sink: sink) else { return nil }
        let title = map.text("title", required: true)
        let description = map.text("description") ?? ""
        let language = map.text("language") ?? "uk"
        if !["uk", "en"].contains(language) {
            sink.error("language must be 'uk' or 'en', found '\(language)'", at: map.keyLocation("language"))
        }
        var baseURL = map.text("base_url") ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let asOf = map.date("as_of", required: true)
        let publisher = map.text("publisher")
        // Per-language title and description: `en: {title: …, description: …}`.
        var translations: [String: (title: String, description: String)] = [:]
        if let en = map.mapping("en") {
            let enTitle = en.text("title", required: true)
            let enDescription = en.text("description") ?? ""
            en.finish()
            if let enTitle { translations["en"] = (enTitle, enDescription) }
        }
        map.finish()
        guard let title, let asOf else { return nil }
        var settings = SiteSettings(title: title, description: description, language: language, baseURL: baseURL,
                                    asOf: asOf, publisher: publisher, location: map.location)
        settings.translations = translations
        return settings
    }
}
