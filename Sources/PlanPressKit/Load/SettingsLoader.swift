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
        var baseURL = "/"
        if let written = map.text("base_url") {
            switch BaseURL.check(written) {
            case .success(let url): baseURL = url
            case .failure(let problem):
                sink.error(.baseURLUnusable(written: written, option: false, problem: problem), at: map.optional("base_url")?.location ?? map.keyLocation("base_url"))
            }
        }
        let buildDate = map.optional("as_of")?.scalarText?.trimmingSpaces() == BuildDate.keyword
        let asOf = buildDate ? BuildDate.today() : map.date("as_of", required: true)
        let publisher = map.text("publisher")
        let reportContact = map.text("report_contact")
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
        settings.asOfIsBuildDate = buildDate
        settings.reportContact = reportContact
        return settings
    }
}
