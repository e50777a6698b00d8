import Foundation

/// `planpress import decide`: applies one decision of an imported plan's review list to the
/// files the import wrote, without importing again. «This new body is `luhansk-oda-health`»
/// replaces the new id by the existing one in every `executors:` list of the plan (once per
/// measure), removes the new entry from the plan's registry file (the file goes when it is
/// empty) and ticks the item in REVIEW.md; «keep» only ticks it. The site is checked after the
/// change and the files are put back when the plan no longer passes.
public struct ReviewDecision {
    public struct Failure: Error {
        public var lines: [String]
    }

    let content: String
    let templates: String
    let plan: String
    let body: String
    let language: MessageLanguage

    public init(content: String, templates: String, plan: String, body: String, language: MessageLanguage) {
        self.content = content
        self.templates = templates
        self.plan = plan
        self.body = body
        self.language = language
    }

    var planPath: String { "\(content)/plans/\(plan)/plan.yaml" }
    var registryPath: String { "\(content)/executors/\(plan).yaml" }
    var reviewPath: String { "\(content)/plans/\(plan)/REVIEW.md" }

    func fail(_ message: Message) -> Result<Message, Failure> {
        .failure(Failure(lines: ["\(Diagnostic.Severity.error.text(language)): \(message.text(language))"]))
    }

    /// The new body is the registry's `executor`.
    public func same(as executor: String) -> Result<Message, Failure> {
        guard let planText = try? String(contentsOfFile: planPath, encoding: .utf8) else { return fail(.decidePlanMissing(plan: plan)) }
        let registryText = (try? String(contentsOfFile: registryPath, encoding: .utf8)) ?? ""
        let entries = Self.entries(registryText)
        guard let entry = entries.first(where: { $0.id == body }) else {
            return fail(.decideBodyMissing(plan: plan, body: body, bodies: entries.map(\.id)))
        }
        let known = PlanImport.registry(content: content).map(\.id.raw).filter { $0 != body }
        guard known.contains(executor) else {
            return fail(.decideExecutorMissing(executor: executor, suggestions: Suggestions.closest(to: executor, in: known)))
        }
        let (newPlan, measures) = Self.replace(body, with: executor, in: planText)
        var lines = registryText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeSubrange(entry.lines)
        let remaining = entries.count - 1
        let review = try? String(contentsOfFile: reviewPath, encoding: .utf8)
        let changes: [(String, String?)] = [
            (planPath, newPlan),
            (registryPath, remaining == 0 ? nil : lines.joined(separator: "\n")),
            (reviewPath, review.map { ReviewFile.decide($0, body: body, decision: .reviewDecidedSame(executor: executor), language: language) }),
        ]
        if let failure = apply(changes, originals: [(planPath, planText), (registryPath, registryText), (reviewPath, review)]) { return .failure(failure) }
        return .success(.decideDone(body: body, executor: executor, measures: measures))
    }

    /// The new body stays: only the review item is ticked.
    public func keep() -> Result<Message, Failure> {
        guard FileManager.default.fileExists(atPath: planPath) else { return fail(.decidePlanMissing(plan: plan)) }
        let registryText = (try? String(contentsOfFile: registryPath, encoding: .utf8)) ?? ""
        let entries = Self.entries(registryText)
        guard entries.contains(where: { $0.id == body }) else { return fail(.decideBodyMissing(plan: plan, body: body, bodies: entries.map(\.id))) }
        if let review = try? String(contentsOfFile: reviewPath, encoding: .utf8) {
            try? ReviewFile.decide(review, body: body, decision: .reviewDecidedNew, language: language).write(toFile: reviewPath, atomically: true, encoding: .utf8)
        }
        return .success(.decideKept(body: body))
    }

    /// Writes (or, for nil, removes) each file, then checks; puts everything back on an error in the plan.
    func apply(_ changes: [(String, String?)], originals: [(String, String?)]) -> Failure? {
        func restore() {
            for (path, text) in originals {
                if let text { try? text.write(toFile: path, atomically: true, encoding: .utf8) }
            }
        }
        for (path, text) in changes {
            do {
                if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) } else { try FileManager.default.removeItem(atPath: path) }
            } catch {
                restore()
                return Failure(lines: [Message.wordImportCannotWrite(path: path, reason: error.localizedDescription).text(language)])
            }
        }
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Builder(options: Builder.Options(content: content, templates: templates)).check().result.diagnostics
        } catch let failure as BuildFailure {
            diagnostics = failure.diagnostics
        } catch {
            restore()
            return Failure(lines: ["\(error)"])
        }
        let mine = diagnostics.filter { $0.severity == .error && ($0.location?.file.contains("plans/\(plan)/") == true || $0.location?.file.hasSuffix("executors/\(plan).yaml") == true) }
        if !mine.isEmpty {
            restore()
            return Failure(lines: mine.map { $0.description(language) })
        }
        return nil
    }

    /// `- id: x` entries of a registry file and their line ranges (up to the next entry).
    static func entries(_ text: String) -> [(id: String, lines: Range<Int>)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var starts: [(String, Int)] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("- id: ") {
            starts.append((String(line.dropFirst(6)).trimmingCharacters(in: CharacterSet(charactersIn: " \"'")), i))
        }
        return starts.enumerated().map { n, start in
            (start.0, start.1..<(n + 1 < starts.count ? starts[n + 1].1 : lines.count))
        }
    }

    /// `body` → `executor` in every `executors:` list; a list that names `executor` already loses `body`'s line.
    static func replace(_ body: String, with executor: String, in text: String) -> (String, Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var measures = 0
        var i = 0
        while i < lines.count {
            guard lines[i].trimmingCharacters(in: .whitespaces) == "executors:" else { i += 1; continue }
            let indent = lines[i].prefix { $0 == " " }.count
            var j = i + 1
            var items: [Int] = []
            while j < lines.count, lines[j].prefix(while: { $0 == " " }).count > indent,
                  lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
                items.append(j)
                j += 1
            }
            func id(_ line: String) -> String {
                var item = line.trimmingCharacters(in: .whitespaces).dropFirst(2).trimmingCharacters(in: .whitespaces)
                if item.hasPrefix("{") {
                    item = item.components(separatedBy: "id:").dropFirst().first?.components(separatedBy: CharacterSet(charactersIn: ",}")).first ?? ""
                }
                return item.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
            let ids = items.map { id(lines[$0]) }
            if let k = ids.firstIndex(of: body) {
                measures += 1
                if ids.contains(executor) {
                    lines.remove(at: items[k])
                    j -= 1
                } else if let range = lines[items[k]].range(of: body) {
                    lines[items[k]].replaceSubrange(range, with: executor)
                }
            }
            i = j
        }
        return (lines.joined(separator: "\n"), measures)
    }
}
