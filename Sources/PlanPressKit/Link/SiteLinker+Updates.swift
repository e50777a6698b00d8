extension SiteLinker {
    /// Checks updates, drops drafts (unless asked) and those dated after the
    /// as-of date, renders their bodies and indexes them by the items they name.
    func linkUpdates(resolver: ReferenceResolver) -> ([Update], [String: String], [ItemReference: [Int]]) {
        var bySlug: [String: Update] = [:]
        for update in site.updates {
            if let existing = bySlug[update.slug] {
                sink.error(.updateSlugTwice(slug: update.slug, otherFile: existing.file), at: update.location)
                continue
            }
            bySlug[update.slug] = update
            for (reference, location) in zip(update.items, update.itemLocations) {
                if let problem = resolver.referenceProblem(with: reference) {
                    sink.error(.updateNamesMissingItem(reference: "\(reference)", problem: problem), at: location)
                }
            }
        }
        let published = site.updates.filter { update in
            bySlug[update.slug]?.file == update.file && isPublished(update)
        }.sorted { ($0.date, $0.slug) > ($1.date, $1.slug) }
        var html: [String: String] = [:]
        var byItem: [ItemReference: [Int]] = [:]
        for (index, update) in published.enumerated() {
            html[update.slug] = renderKeptMarkdown(update.markdown, file: update.file, firstLine: update.bodyLine,
                                               defaultPlan: nil, resolver: resolver)
            for reference in Set(update.items) { byItem[reference, default: []].append(index) }
        }
        // A draft or scheduled update is checked like a published one: its links must work when it goes out.
        for update in site.updates where bySlug[update.slug]?.file == update.file && html[update.slug] == nil {
            _ = renderKeptMarkdown(update.markdown, file: update.file, firstLine: update.bodyLine, defaultPlan: nil, resolver: resolver)
        }
        return (published, html, byItem)
    }

    /// Drafts only with `--drafts`; nothing dated after the as-of date, except in a preview; never
    /// an update whose front matter had errors (it is here only to have its text checked).
    func isPublished(_ update: Update) -> Bool {
        !update.readWithErrors && (options.includeDrafts || !update.draft) && (options.includeScheduled || !(site.settings.asOf < update.date))
    }

    /// Slugs `update:` links may point to: a link to an unpublished update would break.
    func publishedUpdateSlugs() -> Set<String> {
        Set(site.updates.filter(isPublished).map(\.slug))
    }
}
