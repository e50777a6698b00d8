/// Reads one `executors/*.yaml` file: a list of registry entries.
enum ExecutorLoader {
    static func load(_ value: YAMLValue, sink: DiagnosticSink) -> [Executor] {
        guard let items = value.sequenceItems else {
            sink.error(.executorsFileNotAList, at: value.location)
            return []
        }
        return items.compactMap { item in loadOne(item, sink: sink) }
    }

    private static func loadOne(_ item: YAMLValue, sink: DiagnosticSink) -> Executor? {
        guard let map = MappingReader(item, what: .executor, sink: sink) else { return nil }
        let id = map.text("id", required: true)
        let what = Phrase.executor(id ?? "?")
        let name = map.text("name", required: true)
        let short = map.text("short")
        let kindText = map.text("kind", required: true)
        let parent = map.text("parent")
        let aliases = map.strings("aliases")
        // The English interface's name of the body, when the registry gives one: `en: {name: …}`.
        var englishName: String?
        if let en = map.mapping("en") {
            englishName = en.text("name")
            en.finish()
        }
        map.finish()
        if let id, !IDRules.isValid(id) {
            sink.error(.invalidExecutorID(id: id), at: map.keyLocation("id"))
        }
        var kind: Executor.Kind?
        if let kindText {
            kind = Executor.Kind(rawValue: kindText)
            if kind == nil {
                let allowed = Executor.Kind.allCases.map(\.rawValue)
                sink.error(.unknownExecutorKind(what: what, kind: kindText, allowed: allowed), at: map.keyLocation("kind"))
            }
        }
        guard let id, let name, let kind else { return nil }
        return Executor(id: ExecutorID(id), name: name, short: short, kind: kind,
                        parent: parent.map(ExecutorID.init), aliases: aliases, location: map.location, englishName: englishName)
    }
}
