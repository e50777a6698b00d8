import Foundation

/// `planpress import plan FILE --id ID` (docs/import.md): a plan from its Word table.
/// `prepare()` reads the document and makes every file in memory; `write(_:)` writes them —
/// never over an existing file — then checks the whole site as `check` does and, if the new
/// plan has an error, removes everything it wrote. Bad input is refused before anything is
/// written, with a message naming the file and, where it applies, the table, row and column.
public struct PlanImport {
    public struct Options: Sendable {
        /// The document's path (also its name in messages, without folders).
        public var file: String
        /// The document's bytes when they are not on disk (an upload); `file` then only names it.
        public var bytes: [UInt8]?
        public var id: String
        public var content: String
        public var templates: String
        /// `--table N` (1-based); nil: the largest plan-like table.
        public var table: Int?
        /// `--columns number,text,…`.
        public var columns: String?
        public var language: MessageLanguage = .uk

        public init(file: String, bytes: [UInt8]? = nil, id: String, content: String = "Content", templates: String = "Templates",
                    table: Int? = nil, columns: String? = nil) {
            self.file = file
            self.bytes = bytes
            self.id = id
            self.content = content
            self.templates = templates
            self.table = table
            self.columns = columns
        }
    }

    /// Everything an import would write, made in memory.
    public struct Prepared: Sendable {
        public var id: String
        public var title: String
        /// Path relative to the content folder → bytes.
        public var files: [(path: String, bytes: [UInt8])]
        public var review: [ReviewItem]
        /// Notes printed before the review (which table was read).
        public var notes: [Message]
        public var measures: Int
        public var goals: Int
        /// What was read, in the document's order: every goal and measure with its first source line.
        public var outline: [OutlineItem] = []
    }

    /// One goal or measure as read, for a person to compare with the document (the editor's review page).
    public struct OutlineItem: Sendable {
        public var depth: Int
        public var isMeasure: Bool
        public var number: String
        public var text: String
        public var line: Int
        /// A measure's responsible and term as printed; nil when the cell is merged with the row above.
        public var responsible: String?
        public var term: String?
        public var responsibleMerged = false
        public var termMerged = false
    }

    public struct Outcome: Sendable {
        /// Written files (content-relative paths), empty when nothing was written.
        public var written: [String]
        public var review: [ReviewItem]
        public var notes: [Message]
        /// Errors, each a whole line in the chosen language.
        public var errors: [String]
        public var succeeded: Bool { errors.isEmpty && !written.isEmpty }
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    var name: String { (options.file as NSString).lastPathComponent }
    public var sourcePath: String { "sources/\(options.id).txt" }
    public var reviewPath: String { "plans/\(options.id)/REVIEW.md" }

    /// Reads and writes: the whole import.
    public func run() -> Outcome {
        switch prepare() {
        case .failure(let failure): return Outcome(written: [], review: [], notes: [], errors: [failure.text(options.language)])
        case .success(let prepared): return write(prepared)
        }
    }

    public struct Failure: Error, Sendable {
        public var message: Message
        public func text(_ language: MessageLanguage) -> String { "\(Diagnostic.Severity.error.text(language)): \(message.text(language))" }
    }

    // MARK: reading

    public func prepare() -> Result<Prepared, Failure> {
        func fail(_ message: Message) -> Result<Prepared, Failure> { .failure(Failure(message: message)) }
        let id = options.id
        guard IDRules.isValid(id) else { return fail(.wordImportInvalidID(id: id)) }
        var given: [ColumnRole]?
        if let columns = options.columns {
            guard let parsed = PlanColumns.parse(option: columns) else { return fail(.wordImportColumnsOption(value: columns)) }
            given = parsed
        }
        let ext = (name as NSString).pathExtension.lowercased()
        let original: [UInt8]
        if let bytes = options.bytes {
            guard bytes.count <= ArchiveLimits.office.archiveBytes else {
                return fail(ArchiveError.archiveTooLarge(limit: ArchiveLimits.office.archiveBytes).message(file: name))
            }
            original = bytes
        } else {
            let size = (try? FileManager.default.attributesOfItem(atPath: options.file)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= ArchiveLimits.office.archiveBytes else {
                return fail(ArchiveError.archiveTooLarge(limit: ArchiveLimits.office.archiveBytes).message(file: name))
            }
            guard let data = FileManager.default.contents(atPath: options.file) else {
                return fail(.wordImportUnreadable(file: name, reason: FileManager.default.fileExists(atPath: options.file) ? "EACCES" : "ENOENT"))
            }
            original = [UInt8](data)
        }
        for path in targets(ext: ext) where FileManager.default.fileExists(atPath: (options.content as NSString).appendingPathComponent(path)) {
            return fail(.wordImportExists(path: (options.content as NSString).appendingPathComponent(path)))
        }
        if ext == "pdf" || original.starts(with: Array("%PDF".utf8)) { return fail(.wordImportPDF(file: name)) }
        var docx = original
        let isZip = original.starts(with: [0x50, 0x4B])
        let isOLE = original.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
        let isRTF = original.starts(with: Array("{\\rtf".utf8))
        if !isZip && (WordConversion.convertible.contains(ext) || isRTF || (isOLE && BoundedZip.compoundFile(original) == .compoundFile(encrypted: false))) {
            do { docx = try WordConversion.docx(original, ext: WordConversion.convertible.contains(ext) ? ext : (isRTF ? "rtf" : "doc")) } catch WordConversion.Failure.missing {
                return fail(.wordImportNeedsLibreOffice(file: name))
            } catch WordConversion.Failure.failed(let detail) {
                return fail(.wordImportConversionFailed(file: name, detail: detail))
            } catch {
                return fail(.wordImportConversionFailed(file: name, detail: "\(error)"))
            }
        } else if !isZip && !isOLE && !["docx", "docm", "dotx", "dotm"].contains(ext) {
            return fail(.wordImportFormat(file: name, ext: ext.isEmpty ? "?" : ext))
        }
        let document: WordDocument
        do {
            document = try WordReader.read(try BoundedZip(bytes: docx))
        } catch let error as ArchiveError {
            return fail(error.message(file: name))
        } catch {
            return fail(.wordImportUnreadable(file: name, reason: "\(error)"))
        }
        return analyse(document, original: original, ext: ext.isEmpty ? "docx" : ext, given: given)
    }

    /// The files an import of `id` writes (content-relative), the original's copy named by `ext`.
    func targets(ext: String) -> [String] {
        ["plans/\(options.id)", sourcePath, "sources/\(options.id).\(ext.isEmpty ? "docx" : ext)", "executors/\(options.id).yaml"]
    }

    func analyse(_ document: WordDocument, original: [UInt8], ext: String, given: [ColumnRole]?) -> Result<Prepared, Failure> {
        func fail(_ message: Message) -> Result<Prepared, Failure> { .failure(Failure(message: message)) }
        let tables = document.tables
        guard !tables.isEmpty else { return fail(.wordImportNoTable(file: name)) }
        var notes: [Message] = []
        let table: WordDocument.Table
        var columns: PlanColumns
        if let asked = options.table {
            guard (1...tables.count).contains(asked) else { return fail(.wordImportTableMissing(file: name, asked: asked, count: tables.count)) }
            table = tables[asked - 1]
            columns = PlanColumns.read(table, given: given)
        } else {
            // The largest table whose headings name a measure (or task) column and one more of a plan's columns.
            let readings = tables.map { ($0, PlanColumns.read($0, given: given)) }
            let planLike = readings.filter { _, c in (c.has(.text) || c.has(.task)) && (c.has(.responsible) || c.has(.term) || c.has(.indicators) || c.has(.number)) }
            guard let best = (planLike.isEmpty ? readings : planLike).max(by: { $0.0.rows.count < $1.0.rows.count }) else {
                return fail(.wordImportNoTable(file: name))
            }
            (table, columns) = best
            if tables.count > 1 { notes.append(.wordImportTableChosen(table: table.number, count: tables.count, rows: table.rows.count)) }
        }
        guard columns.has(.text) || columns.has(.task) else {
            var headings: [String] = []
            for row in table.rows.prefix(max(1, columns.headerRows)) {
                for cell in row.cells where cell.merge != .continue {
                    let text = PlanColumns.words(cell)
                    if !text.isEmpty, !headings.contains(text) { headings.append(PlanTableReader.excerpt(text)) }
                }
            }
            return fail(.wordImportColumns(file: name, table: table.number, row: table.rows.first?.number ?? 1, headings: headings))
        }
        if !columns.has(.text) {
            // A table of tasks only: the task column is the measure text.
            columns.roles[.text] = columns.roles[.task]
            columns.headings[.text] = columns.headings[.task]
            columns.roles[.task] = nil
        }
        let source = WordSourceText(document)
        guard let tableIndex = document.blocks.firstIndex(where: { if case .table(let t) = $0 { return t.number == table.number } else { return false } }) else {
            return fail(.wordImportNoTable(file: name))
        }
        var review: [ReviewItem] = []
        let above = DocumentParts.paragraphs(before: tableIndex, in: document, source: source)
        let (approval, printedTitle, titleLine) = DocumentParts.approvalAndTitle(above)
        let title = printedTitle.isEmpty ? options.id : printedTitle
        // The period: the title's years, else the years in the table.
        var period = DocumentParts.period(in: printedTitle)
        if let period {
            review.append(ReviewItem(.document, line: titleLine, .reviewPeriod(from: period.from, to: period.to, fromTitle: true)))
        } else {
            var years = Set(columns.years.values)
            for row in table.rows.dropFirst(columns.headerRows) {
                for column in columns.columns(.term) {
                    if let cell = row.cell(at: column) { years.formUnion(DocumentParts.period(in: cell.text).map { [$0.from, $0.to] } ?? []) }
                }
            }
            let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
            let found = (years.min() ?? thisYear, years.max() ?? thisYear)
            period = found
            review.append(ReviewItem(.document, line: titleLine, .reviewPeriod(from: found.0, to: found.1, fromTitle: false)))
        }
        let registry = Self.registry(content: options.content)
        var reader = PlanTableReader(table: table, columns: columns, source: source, period: period!, bodies: BodyMatcher(registry: registry))
        reader.read()
        guard !reader.goals.isEmpty || !reader.measures.isEmpty else { return fail(.wordImportNoRows(file: name, table: table.number)) }

        var draft = PlanDraft(id: options.id, title: title, responsibleHeading: columns.headings[.responsible], period: period!,
                              approval: approval, signatory: nil, source: "\(options.id).txt", levels: [])
        draft.signatory = DocumentParts.signatory(DocumentParts.paragraphs(after: tableIndex, in: document))
        draft.goals = reader.goals
        draft.measures = reader.measures
        draft.newBodies = reader.bodies.newBodies
        draft.levels = levels(reader, columns: columns)
        review.append(ReviewItem(.document, line: above.first { !$0.text.isEmpty }?.line, .reviewStatus(status: draft.status, label: approval?.label)))
        review.append(ReviewItem(.structure, line: table.rows.first.flatMap { _ in source.rowLines[.init(table: table.number, row: 0)]?.lowerBound },
                                 .reviewLevels(names: draft.levels.map(\.name))))
        for measure in draft.allMeasures where measure.numberAssigned {
            review.append(ReviewItem(.structure, line: measure.lines.lowerBound, .reviewMeasureNumberAssigned(number: measure.number)))
        }
        if reader.amountsSeen || reader.planTotals != nil {
            draft.budget = budget(reader, columns: columns, review: &review, line: source.rowLines[.init(table: table.number, row: 0)]?.lowerBound)
        } else if draft.allMeasures.contains(where: { $0.funding?.status == .stated }) {
            for i in draft.measures.indices { draft.measures[i].funding = nil }
        }
        review += reader.bodies.review + reader.review
        review += changes(document, source: source)
        review += lookAlikes(source)
        if document.comments > 0 { review.append(ReviewItem(.document, line: nil, .reviewComments(count: document.comments))) }
        if document.noteMarks > 0 { review.append(ReviewItem(.document, line: nil, .reviewNoteMarks(count: document.noteMarks))) }
        if document.hiddenRuns > 0 { review.append(ReviewItem(.document, line: nil, .reviewHiddenText(count: document.hiddenRuns))) }
        review = Self.ordered(review)

        var files: [(String, [UInt8])] = []
        files.append(("plans/\(options.id)/plan.yaml", Array(PlanDraftYAML.plan(draft, file: name).utf8)))
        files.append((sourcePath, Array(source.text.utf8)))
        files.append(("sources/\(options.id).\(ext)", original))
        if !draft.newBodies.isEmpty {
            files.append(("executors/\(options.id).yaml", Array(PlanDraftYAML.executors(draft.newBodies, planID: options.id, file: name).utf8)))
        }
        files.append((reviewPath, Array(ReviewFile.text(review, title: title, file: name, source: "Content/\(sourcePath)", language: options.language).utf8)))
        let goals = { () -> Int in
            func count(_ g: PlanDraft.Goal) -> Int { 1 + g.goals.map(count).reduce(0, +) }
            return draft.goals.map(count).reduce(0, +)
        }()
        return .success(Prepared(id: options.id, title: title, files: files, review: review, notes: notes,
                                 measures: draft.allMeasures.count, goals: goals, outline: Self.outline(draft)))
    }

    static func outline(_ draft: PlanDraft) -> [OutlineItem] {
        var items: [OutlineItem] = []
        func add(_ measure: PlanDraft.Measure, depth: Int) {
            var item = OutlineItem(depth: depth, isMeasure: true, number: measure.printedNumber ?? measure.number, text: measure.text,
                                   line: measure.lines.lowerBound)
            switch measure.responsible {
            case .value(let value)?: item.responsible = value.printed
            case .mergedWithRowAbove?: item.responsibleMerged = true
            case nil: break
            }
            switch measure.term {
            case .value(.printed(let text))?, .value(.recurring(let text))?, .value(.years(let text, _, _))?: item.term = text
            case .mergedWithRowAbove?: item.termMerged = true
            case nil: break
            }
            items.append(item)
        }
        func walk(_ goal: PlanDraft.Goal) {
            items.append(OutlineItem(depth: goal.depth, isMeasure: false, number: goal.printedNumber ?? goal.number, text: goal.title,
                                     line: goal.lines.first?.lowerBound ?? 0))
            goal.measures.forEach { add($0, depth: goal.depth + 1) }
            goal.goals.forEach(walk)
        }
        draft.measures.forEach { add($0, depth: 0) }
        draft.goals.forEach(walk)
        return items
    }

    /// The executors registry as the content folder holds it (problems in it are `check`'s to report).
    static func registry(content: String) -> [Executor] {
        let files = ContentFiles(root: content)
        let sink = DiagnosticSink()
        return files.list("executors", extensions: ["yaml", "yml"], sink: sink).flatMap { path -> [Executor] in
            guard let text = files.read(path, sink: sink), let value = YAMLValue.parse(text, file: path, sink: sink) else { return [] }
            return ExecutorLoader.load(value, sink: sink)
        }
    }

    /// Level names: the printed level words, the totals' words, the task and measure column headings.
    func levels(_ reader: PlanTableReader, columns: PlanColumns) -> [PlanDraft.Level] {
        var levels: [PlanDraft.Level] = []
        let unnamed = ["Розділ", "Підрозділ", "Блок", "Група"]
        for (depth, kind) in reader.kinds.enumerated() {
            let word = kind.word ?? reader.totalsWords[depth] ?? unnamed[min(depth, unnamed.count - 1)]
            levels.append(LevelWords.level(word))
        }
        if columns.has(.task) { levels.append(LevelWords.level(LevelWords.fromHeading(columns.headings[.task], default: "Завдання"))) }
        levels.append(LevelWords.level(LevelWords.fromHeading(columns.headings[.text], default: "Захід")))
        // Goals may sit deeper than the named levels (a task under a heading kind first seen later).
        var slugs: Set<String> = []
        for i in levels.indices {
            var slug = levels[i].slug, n = 2
            while slugs.contains(slug) { slug = "\(levels[i].slug)-\(n)"; n += 1 }
            levels[i].slug = slug
            slugs.insert(slug)
        }
        return levels
    }

    /// The budget: years of the money columns, unit of their heading, sources grouped by kind.
    func budget(_ reader: PlanTableReader, columns: PlanColumns, review: inout [ReviewItem], line: Int?) -> PlanDraft.Budget {
        var groups: [(id: String, name: String, spellings: [String])] = []
        for spelling in reader.spellings {
            let id = Self.sourceID(spelling)
            if let i = groups.firstIndex(where: { $0.id == id }) {
                groups[i].spellings.append(spelling)
            } else {
                groups.append((id, spelling, [spelling]))
            }
        }
        for group in groups where group.spellings.count > 1 {
            review.append(ReviewItem(.money, line: line, .reviewSources(id: group.id, spellings: group.spellings)))
        }
        if columns.unit == nil { review.append(ReviewItem(.money, line: line, .reviewAmountsWithoutUnit)) }
        let heading = columns.moneyHeading.map { heading -> String in
            let cut = heading.split(separator: ",", maxSplits: 1).first.map(String.init) ?? heading
            return PlanText.clean(cut)
        }
        let years = Array(Set(columns.years.values)).sorted()
        return PlanDraft.Budget(heading: heading, unit: columns.unit ?? "не зазначено", years: years,
                                sources: groups.map { ($0.id, $0.name, Array($0.spellings.dropFirst())) }, totals: reader.planTotals)
    }

    /// A source id by the kind of budget a spelling names; spellings of one kind share it.
    static func sourceID(_ spelling: String) -> String {
        let s = spelling.lowercased()
        func has(_ words: String...) -> Bool { words.contains { s.contains($0) } }
        if has("державн") { return "state-budget" }
        if has("обласн") { return "oblast-budget" }
        if has("районн") { return "district-budget" }
        if has("місцев", "міськ", "сільськ", "селищн", "громад") { return "local-budget" }
        if has("міжнародн", "мтд", "донор", "грант") { return "international" }
        if has("інш") { return "other" }
        let slug = Transliteration.slug(spelling, limit: 40)
        return slug.isEmpty ? "source" : slug
    }

    /// Tracked changes, each at the line of its paragraph.
    func changes(_ document: WordDocument, source: WordSourceText) -> [ReviewItem] {
        document.changes.map { change in
            let line = source.line(ofParagraph: change.paragraph)
            let text = PlanTableReader.excerpt(PlanText.clean(change.text))
            switch change.kind {
            case .inserted: return ReviewItem(.changes, line: line, .reviewChangeInserted(text: text))
            case .deleted: return ReviewItem(.changes, line: line, .reviewChangeDeleted(text: text))
            case .rowInserted: return ReviewItem(.changes, line: line, .reviewRowInserted(text: text))
            case .rowDeleted: return ReviewItem(.changes, line: line, .reviewRowDeleted(text: text))
            }
        }
    }

    static let lookAlikeLatin: Set<Character> = ["a", "c", "e", "i", "o", "p", "x", "y", "A", "B", "C", "E", "H", "I", "K", "M", "O", "P", "T", "X", "Y"]

    /// Words mixing Cyrillic letters with Latin ones (a Latin «і», «о», «с» typed in a Cyrillic word).
    func lookAlikes(_ source: WordSourceText) -> [ReviewItem] {
        var out: [ReviewItem] = []
        for (index, line) in source.lines.enumerated() {
            var seen: Set<String> = []
            for word in line.split(whereSeparator: { !$0.isLetter && $0 != "’" && $0 != "'" }) {
                let cyrillic = word.contains { $0.unicodeScalars.first.map { (0x0400...0x04FF).contains($0.value) } ?? false }
                let latin = word.filter { $0.isASCII && $0.isLetter }
                guard cyrillic, !latin.isEmpty, seen.insert(String(word)).inserted else { continue }
                out.append(ReviewItem(.letters, line: index + 1, .reviewLookAlike(word: String(word), letters: latin.map { "«\($0)»" }.joined(separator: ", "))))
            }
        }
        return out
    }

    /// By section, then by line.
    static func ordered(_ items: [ReviewItem]) -> [ReviewItem] {
        let order = Dictionary(uniqueKeysWithValues: ReviewItem.Kind.allCases.enumerated().map { ($1, $0) })
        return items.enumerated().sorted { a, b in
            let ka = order[a.element.kind]!, kb = order[b.element.kind]!
            if ka != kb { return ka < kb }
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    /// The fuzzer's entry (`LoaderFuzzing`): a document read and analysed as an import, nothing written.
    /// Returns the number of files and review items, so the work is not optimised away.
    static func fuzz(_ bytes: [UInt8]) -> Int {
        let options = Options(file: "fuzz.docx", bytes: bytes, id: "fuzz", content: "/nonexistent/planpress-fuzz")
        switch PlanImport(options: options).prepare() {
        case .success(let prepared): return prepared.files.count + prepared.review.count
        case .failure(let failure): return failure.text(.uk).count
        }
    }

    // MARK: writing

    /// Writes the prepared files (none may exist), then checks the site; on an error in the new
    /// plan's files, removes them all.
    public func write(_ prepared: Prepared) -> Outcome {
        let content = options.content
        let language = options.language
        var written: [String] = []
        func undo() {
            for path in written.reversed() { try? FileManager.default.removeItem(atPath: (content as NSString).appendingPathComponent(path)) }
            try? FileManager.default.removeItem(atPath: (content as NSString).appendingPathComponent("plans/\(prepared.id)"))
        }
        func failed(_ message: Message) -> Outcome {
            Outcome(written: [], review: prepared.review, notes: prepared.notes, errors: [Failure(message: message).text(language)])
        }
        for path in targets(ext: "") + prepared.files.map(\.path) where FileManager.default.fileExists(atPath: (content as NSString).appendingPathComponent(path)) {
            return failed(.wordImportExists(path: (content as NSString).appendingPathComponent(path)))
        }
        for (path, bytes) in prepared.files {
            let full = (content as NSString).appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // O_EXCL: a file that appeared meanwhile is never overwritten.
                let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                defer { close(fd) }
                let ok = bytes.withUnsafeBytes { buffer -> Bool in
                    var offset = 0
                    while offset < buffer.count {
                        let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                        if n <= 0 { return false }
                        offset += n
                    }
                    return true
                }
                guard ok else { throw POSIXError(.EIO) }
                written.append(path)
            } catch {
                undo()
                return failed(.wordImportCannotWrite(path: full, reason: (error as? POSIXError).map { "\($0.code)" } ?? error.localizedDescription))
            }
        }
        // The same checks as `check`, with the new plan in the site.
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try Builder(options: Builder.Options(content: content, templates: options.templates)).check().result.diagnostics
        } catch let failure as BuildFailure {
            diagnostics = failure.diagnostics
        } catch {
            undo()
            return failed(.wordImportUnreadable(file: name, reason: "\(error)"))
        }
        let ours = Set(written.map { URL(fileURLWithPath: (content as NSString).appendingPathComponent($0)).standardizedFileURL.path })
        let own = diagnostics.filter { d in
            d.severity == .error && d.location.map { ours.contains(URL(fileURLWithPath: $0.file).standardizedFileURL.path) } == true
        }
        if !own.isEmpty {
            undo()
            return Outcome(written: [], review: prepared.review, notes: prepared.notes,
                           errors: own.map { $0.description(language) } + [Failure(message: .wordImportDraftFails(errors: own.count)).text(language)])
        }
        return Outcome(written: written, review: prepared.review, notes: prepared.notes, errors: [])
    }
}
