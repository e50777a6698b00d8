/// The catalogue of every diagnostic and terminal message PlanPress prints, each in
/// Ukrainian and English. A case names the situation; its associated values are the
/// data (ids, file names, values as written), never words to be translated.
///
/// Adding a message: add a case here with both texts, and one sample of it to
/// `MessageCatalogueTests.samples`; the test fails until both exist. There is no
/// other way to make a diagnostic: `DiagnosticSink` and `Diagnostic` take only a
/// `Message`, and `Phrase` has no string-literal form (docs/messages.md).
public enum Message: Hashable, Sendable {

    // Files and folders
    case contentFolderMissing
    case siteFileMissing
    case fileUnreadable(reason: String)
    case folderUnreadable(reason: String)
    case fileNotUTF8(byte: Int)
    case linkOutsideContent(target: String)
    case linkOutsideTemplates(target: String)
    case templatesFolderMissing
    case controlCharacter(code: String, markdown: Bool)
    case markdownTooLarge(kilobytes: Int, limit: Int)
    case markdownBracketBomb(images: Int, closers: Int, limit: Int)

    // YAML syntax, in plain words
    case yamlColonInValue(key: String)
    case yamlTab
    case yamlCannotStartValue(character: String)
    case yamlIndentation
    case yamlUnclosedQuote
    case yamlMissingColon
    case yamlSyntax(problem: String)
    case yamlDuplicateKey(keys: [String])
    case yamlNotUTF8(problem: String)
    case yamlUnreadable(detail: String)
    case yamlAliases
    case yamlBadCharacter(problem: String, character: String?)

    // Keys and values of a mapping
    case notAMapping(what: Phrase, found: ValueKind)
    case missingKey(key: String, what: Phrase)
    case notText(key: String, what: Phrase, found: ValueKind)
    case emptyValue(key: String, what: Phrase)
    case notWholeNumber(key: String, what: Phrase, found: Found)
    case notBoolean(key: String, what: Phrase, found: Found)
    case notADate(key: String, what: Phrase, found: Found)
    case impossibleDate(key: String, what: Phrase, found: String, year: Int, month: Int)
    case notAList(key: String, what: Phrase, found: ValueKind)
    case listEntryNotText(key: String, what: Phrase)
    case unknownKey(key: String, what: Phrase, suggestions: [String])
    case notANumber(key: String, what: Phrase, found: Found)
    case yearOutOfRange(key: String, what: Phrase, found: Int, from: Int, to: Int)

    // Site settings
    case unknownLanguage(found: String)
    case baseURLUnusable(written: String, option: Bool, problem: BaseURL.Problem)

    // Updates
    case updateWithoutFrontMatter
    case invalidUpdateSlug(slug: String)
    case reservedUpdateSlug(slug: String, reserved: [String])
    case notAnItemReference(text: String)
    case coverWithoutAlt
    case coverMissing(path: String)
    case coverWrongType(path: String)
    case coverLinkOutsideContent(path: String, target: String)
    case updateSlugTwice(slug: String, otherFile: String)
    case updateNamesMissingItem(reference: String, problem: ReferenceProblem)
    case scheduledUpdate(title: String, date: CalendarDate, asOf: CalendarDate)
    case warningsInOtherFiles(count: Int)
    case previewAsOf(date: CalendarDate, buildDate: Bool)
    case nothingWritten(errors: Int, warnings: Int)
    case checkPassed(plans: Int, measures: Int, executors: Int, warnings: Int)

    // Terminal lines of build, build --watch and serve
    case siteBuilt(pages: Int, files: Int, unchanged: Int, output: String, seconds: String)
    indirect case siteRebuilt(pages: Int, rendered: Int, fullReason: Message?, written: Int, removed: Int, output: String, seconds: String)
    case rebuildFailed(seconds: String, output: String)
    case notPublished(problem: Phrase, output: String)
    case notRepublished(problem: Phrase, output: String)
    case watching(content: String, templates: String)
    case stageTime(stage: String, seconds: String)
    case previewBuilt(pages: Int, rendered: Int?, seconds: String)
    case previewBuildFailed(seconds: String)
    case serving(url: String, folder: String)
    case listeningOnNetwork(host: String)
    case previewFolderUnavailable(reason: String)
    case hostNotAnAddress(host: String)
    case cannotListen(host: String, port: Int, reason: String?)
    case staleLeftoversRemoved(count: Int, megabytes: Int)

    // Why build --watch and serve render every page after an edit
    case fullRenderFirstBuild
    case fullRenderTemplatesChanged
    case fullRenderOutputReplaced
    case fullRenderOtherWriter
    case fullRenderDownloadSizeChanged
    case fullRenderPlanListChanged
    case fullRenderPlanAddedOrRemoved(plan: String)
    case fullRenderPlanStructureChanged(plan: String)
    case fullRenderPlanMetadataChanged(plan: String)
    case fullRenderFileChanged(path: String)

    // The preview server's answers when a client breaks its limits
    case serverBusy
    case serverTooManyFromClient(limit: Int)
    case serverRequestTimeout(seconds: Int)
    case serverAbsoluteTarget
    case serverHostMissing

    // planpress new update
    case updateCreated(path: String)
    case updateNextSteps
    case updateAfterAsOf(siteFile: String, asOf: CalendarDate, date: CalendarDate)
    case updateFileExists(path: String)
    case updateCannotCreate(path: String, reason: String)
    case updateCannotWrite(path: String, reason: String)
    case titleControlCharacter(code: String)
    case titleWithoutLetters
    case dateOptionInvalid

    // The editor at /_edit/ of planpress serve: its form problems, refusals and lines
    case editorTitleMissing
    case editorSlugInvalid(slug: String)
    case editorImageTooLarge(filename: String, megabytes: Int, limit: Int)
    case editorNotAnImage(filename: String)
    case editorAltWithoutImage
    case editorUpdateExists(path: String)
    case editorReportExists(path: String)
    case editorReplyExists(path: String)
    case editorReportNotEditable(path: String, indicator: String)
    case editorReporterMissing
    case editorReportEmpty
    case editorPlanNotChosen
    case editorPlanUnknown(plan: String)
    case editorCannotWrite(path: String, reason: String)
    case editorAlreadySaved(path: String)
    case editorPhotoMissing
    case editorPhotoAltMissing
    case editorFileChanged(path: String)
    case editorAsOfLineMissing(path: String)
    case editorRefusedFromNetwork
    case editorKeyAddress(url: String)
    case editorLoopbackOnly(host: String)
    case editorRefusedOrigin(origin: String, own: String)
    case editorRefusedReferer(own: String)
    case editorRefusedNoOrigin
    case editorRefusedNoSession
    case editorRefusedToken
    case editorNotAForm
    case editorTemplatesUnusable(folder: String, problems: [String])
    case editorAddress(url: String, content: String)
    case previewMethodNotAllowed(allowed: String)
    case previewHostRefused
    case previewNotFound
    case previewBadRequest
    case previewRequestTooLarge(megabytes: Int)
    case previewOverlay
    case previewFailurePage

    // Images
    case imageNotAnImage(path: String)
    case imageMissing(path: String)
    case imageTooLarge(path: String, megabytes: Int, limit: Int)
    case imageTooNarrow(path: String, width: Int, minimum: Int)
    case imageUnreadable(path: String, detail: String)
    case imageLibraryMissing(path: String, detail: String)
    case imageEmpty(path: String)
    case imageTooManyPixels(path: String, width: Int, height: Int, limit: Int)
    case imageFormatUnsupported(path: String, format: String)
    case shareCardsNotMade(detail: String)

    // Commentary and Markdown links
    case commentaryWithoutFrontMatter
    case commentaryAboutNotAReference(text: String)
    case commentaryAboutMissingItem(reference: String, problem: ReferenceProblem)
    case linkNotAReference(url: String)
    case linkToMissingItem(url: String, reference: String, problem: ReferenceProblem)

    // Executors
    case executorsFileNotAList
    case invalidExecutorID(id: String)
    case unknownExecutorKind(what: Phrase, kind: String, allowed: [String])
    case executorTwice(id: String, other: String)
    case executorUnknownParent(id: String, parent: String, suggestions: [String])
    case executorCycle(id: String)
    case measureUnknownExecutor(measure: String, executor: String, suggestions: [String])
    case measureExecutorTwice(measure: String, executor: String)
    case planUnknownIssuer(plan: String, issuer: String, suggestions: [String])
    case statusWithoutCitedApproval(status: String)
    case issuerWithoutCitedLine(issuer: String)
    case planUnknownSource(plan: String, source: String, suggestions: [String])
    case planSourceNotText(plan: String, source: String)
    case sourceNotesUnknownPlan(file: String, plan: String, suggestions: [String])
    case englishNotesWithoutUkrainian(file: String, plan: String)

    // Plans
    case invalidPlanID(id: String)
    case planIDDiffersFromFolder(id: String, folder: String)
    case planWithoutItems(id: String)
    case unknownPlanStatus(found: String, allowed: [String])
    case approvedWithoutApproval
    case draftWithoutBlankApproval
    case notStatedWithApproval
    case periodWithoutYears
    case periodReversed(from: Int, to: Int)
    case invalidLevelSlug(slug: String)
    case levelSlugTwice(slug: String)
    case noLevels
    case numberNotURLSafe(what: Phrase, number: String)
    case nestedTooDeep(what: Phrase, goalLevels: Int)
    case goalWithoutChildren(what: Phrase)
    case responsibleWithoutExecutors(what: Phrase)
    case unreadableTerm(what: Phrase, printed: String)
    case termWithoutYears(what: Phrase)
    case termSameAsRowAboveWithoutTerm(measure: String)
    case responsibleSameAsRowAboveWithoutBodies(measure: String)
    case unknownMergeBasis(raw: String, allowed: [String])
    case printedNumberAndAssigned(what: Phrase)
    case invalidIndicatorID(id: String)
    case targetValueNotNumber(raw: String)
    case unknownComparator(raw: String, allowed: [String])
    case goalTwice(goal: String, plan: String, firstLine: Int)
    case measureTwice(number: String, plan: String, firstLine: Int)
    case indicatorTwice(id: String, plan: String, firstLine: Int)

    // Budgets
    case budgetYearNotYear(found: Found)
    case invalidSourceID(id: String)
    case fundingSourceTwice(id: String)
    case statedTotalsWithoutBudget
    case unknownFundingStatus(what: Phrase, raw: String, allowed: [String])
    case statedWithoutLines(what: Phrase)
    case amountsNotAllowed(what: Phrase, status: String)
    case fundingWithoutBudget(what: Phrase)
    case unknownFundingSource(what: Phrase, printed: String, known: [String])
    case amountKeyNotYear(what: Phrase, key: String)
    case yearNotInBudget(what: Phrase, year: Int, years: [Int])
    case amountNotText(what: Phrase, year: Int)
    case amountNotNumber(what: Phrase, raw: String, year: Int)
    case budgetMismatch(scope: Phrase, source: String, year: Int, stated: String?, rows: Int, computed: String, difference: String)

    // Monitoring reports
    case invalidReportPeriod(text: String)
    case unknownReporterKind(kind: String, allowed: [String])
    case evidenceURLScheme(url: String)
    case unknownMeasureStatus(status: String, measure: String, allowed: [String])
    case reportUnknownPlan(plan: String, suggestions: [String])
    case reporterUnknownExecutor(executor: String, suggestions: [String])
    case reportsOverlap(reporter: String, plan: String, period: String, otherFile: String)
    case reportUnknownMeasure(measure: String, plan: String, suggestions: [String])
    case reportMeasureTwice(measure: String)
    case reportUnknownIndicator(indicator: String, plan: String, suggestions: [String])
    case indicatorUnitMismatch(indicator: String, unit: String, targetUnit: String)
    case invalidReplyTo(text: String)
    case replyToUnknownReport(report: String, suggestions: [String])
    case replyToSameReport
    case replyToOtherPlan(report: String, answeredPlan: String, plan: String)
    case replyToOtherMeasure(answers: String, measure: String)
    case replyToMissingStatus(report: String, measure: String, suggestions: [String])

    // Monitoring over time: replies, requests for a reply, breakdowns, value dates
    case replyWithoutText(measure: String)
    case replyRequestWithoutStatus
    case replyRequestUnknownExecutor(executor: String, suggestions: [String])
    case replyRequestNoBody(measure: String)
    case replyBeforeAnswered(published: String, answered: String, answeredPublished: String)
    case unknownBreakdownDimension(dimension: String, allowed: [String])
    case valueDateOutsidePeriod(indicator: String, date: String, period: String)
    case valueDateAfterPublished(indicator: String, date: String, published: String)

    // Citations of the source document
    case citationsWithoutSourceFile(plan: String)
    case itemWithoutLines(what: Phrase, plan: String)
    case linesOutsideSource(what: Phrase, from: Int, to: Int, source: String, lineCount: Int)
    case fieldNotInCitedLines(what: Phrase, field: Phrase, text: String, lines: String, source: String, agreesUpTo: String?)
    case correctionsWithoutLines(what: Phrase, key: String)
    case notLineNumbers(what: Phrase, key: String, found: String?, kind: ValueKind)
    case lineRangesBackwards(what: Phrase, key: String, start: Int, previousEnd: Int)
    case correctionPrintedEmpty(what: Phrase)

    // Templates
    case templateUnsupportedForm(detail: String)
    case templateSyntax(detail: Phrase)
    case templateUnreadable(detail: String)
    case templateMissing(name: String)
    case templatePartialMissing(name: String, parent: Bool)
    case templateUnknownName(name: String, template: String, suggestions: [String])
    case localeStringMissing(key: String, language: String)
    case ukrainianLocaleMissing
    // Search word lists (Templates/search/)
    case searchSynonymLine(text: String)
    case searchVocabularyLine(text: String)

    // ZIP archives and their XML parts (Archive/: Word documents, workbooks), within their limits
    case archiveRefused(file: String, problem: ArchiveError)

    // planpress import report (a filled monitoring workbook)
    case cellLocation(sheet: String, row: Int, column: String?, header: String?)
    case importFileUnreadable(reason: String)
    case workbookNotZIP
    case workbookWithoutIndex
    case workbookSheetMissing(name: String)
    case importTemplateSheetsMissing(about: String, measures: String, found: [String])
    case importPlanMissing(sheet: String)
    case importColumnMissing(header: String)
    case importEvidenceCount(titles: Int, links: Int)
    case importBreakdownWithoutWhole
    case importReportExists(path: String)
    case importCannotWrite(path: String)
    case importNothingWritten(errors: Int, warnings: Int)
    case importCreated(path: String, warnings: Int)

    // planpress import plan (a plan from its Word table) and its review list
    case wordImportPDF(file: String)
    case wordImportFormat(file: String, ext: String)
    case wordImportNeedsLibreOffice(file: String)
    case wordImportConversionFailed(file: String, detail: String)
    case wordImportUnreadable(file: String, reason: String)
    case wordImportNoTable(file: String)
    case wordImportTableMissing(file: String, asked: Int, count: Int)
    case wordImportColumns(file: String, table: Int, row: Int, headings: [String])
    case wordImportColumnsOption(value: String)
    case wordImportNoRows(file: String, table: Int)
    case wordImportInvalidID(id: String)
    case wordImportExists(path: String)
    case wordImportCannotWrite(path: String, reason: String)
    case wordImportDraftFails(errors: Int)
    case wordImportTableChosen(table: Int, count: Int, rows: Int)
    case wordImportCreated(files: [String], review: Int, reviewFile: String)
    case wordImportNothingWritten
    case reviewCheck
    case reviewFileIntro(title: String, file: String, count: Int)
    case reviewSection(kind: ReviewItem.Kind)
    case reviewNewBody(name: String, id: String, kind: String, suggestions: [[String]])
    case reviewUnplacedRow(table: Int, row: Int, text: String)
    case reviewGoalNumberAssigned(number: String, title: String)
    case reviewMeasureNumberAssigned(number: String)
    case reviewNumberTwice(number: String, written: String)
    case reviewTermRecurring(printed: String)
    case reviewTermUnread(printed: String, from: Int, to: Int)
    case reviewFundingWithoutAmounts(printed: String)
    case reviewAmountsWithoutSource
    case reviewAmountsMoreThanSources(sources: Int, amounts: Int)
    case reviewAmountUnread(printed: String, year: Int)
    case reviewAmountsWithoutUnit
    case reviewSources(id: String, spellings: [String])
    case reviewLevels(names: [String])
    case reviewPeriod(from: Int, to: Int, fromTitle: Bool)
    case reviewStatus(status: String, label: String?)
    case reviewChangeInserted(text: String)
    case reviewChangeDeleted(text: String)
    case reviewRowInserted(text: String)
    case reviewRowDeleted(text: String)
    case reviewLookAlike(word: String, letters: String)
    case reviewComments(count: Int)
    case reviewNoteMarks(count: Int)
    case reviewHiddenText(count: Int)
    case reviewDecidedSame(executor: String)
    case reviewDecidedNew
    case decidePlanMissing(plan: String)
    case decideBodyMissing(plan: String, body: String, bodies: [String])
    case decideExecutorMissing(executor: String, suggestions: [String])
    case decideDone(body: String, executor: String, measures: Int)
    case decideKept(body: String)
    case editorPlanImportNoFile
    case editorPlanImportExpired
    case editorPlanImportOutside(path: String)
    // planpress import report: every cell read, every input bounded, nothing written on a problem
    case importVoiceUnknown(found: String, allowed: [String])
    case importPublishedInvalid(found: String)
    case importInvalidID(id: String)
    case importFieldMissing(field: String, option: String)
    case importFieldConflict(field: String, sheet: String, option: String, given: String)
    case importNotANumber(found: String)
    case importNotADate(found: String)
    case importUnknownStatus(found: String, allowed: [String])
    case importUnknownDimension(found: String, allowed: [String])
    case importURLScheme(url: String)
    case importControlCharacter(code: String)
    case importMergedCells(range: String)
    case importFormulaWithoutValue(formula: String)
    case importMeasureInBothSheets(measure: String, measures: String, replies: String)
    case importSiteWouldFail(errors: Int)
    case importCreateFailed(path: String, reason: String)
    case workbookPartTooLarge(part: Phrase, limit: Int)
    case workbookPartRatio(part: Phrase, limit: Int)
    case workbookPartDamaged(part: Phrase)
    case workbookXMLMalformed(part: Phrase, line: Int, detail: Phrase)
    case workbookXMLTooDeep(part: Phrase, limit: Int)
    case sheetTooManyRows(sheet: String, limit: Int)
    case sheetTooManyColumns(sheet: String, reference: String, limit: Int)
    case sheetBadReference(sheet: String, reference: String)
    case sheetCellTooLong(sheet: String, reference: String, limit: Int)
    case workbookTooManyStrings(limit: Int)

    // Writing the output folder
    case outputWriteFailed(path: String, origin: String?, reason: Phrase)
    case outputCannotCreateFile(path: String, reason: String)
    case outputCannotWriteFile(path: String, reason: String)
    case outputCannotReadOld(path: String, reason: String)
    case outputInjectedFailure
    case outputIsLink(path: String)
    case outputIsFile(path: String)
    case outputNotOurs(path: String, marker: String)
    case outputLeftoverNotOurs(path: String)
    case outputWorkspaceNotOurs(path: String)
    case outputCannotCreateFolder(path: String, reason: String)
    case outputCannotCreateWorkspace(path: String, output: String, reason: String)
    case outputCannotPublish(output: String, reason: String)
    case outputCannotSwap(output: String, reason: String)
    case outputCannotMoveAside(output: String, reason: String)
    case outputPathOutside(path: String)
    case outputPathReserved(path: String)
    case outputPathTwice(path: String)
    case outputFolderProtected(output: String, folder: Phrase, contains: Bool)
    case outputBusy(output: String, pid: Int?)
    case outputCannotLock(path: String, reason: String)
    case outputCannotRemove(path: String, reason: String)
    case outputLeftBehind(problem: Phrase, paths: [String])
}

extension Message {
    /// The text in `language`.
    public func text(_ language: MessageLanguage) -> String {
        let (uk, en) = texts(language)
        return language == .uk ? uk : en
    }

    /// ` (did you mean 'a', 'b'?)` / ` (можливо, 'a', 'b'?)`, or nothing.
    static func hint(_ suggestions: [String], _ language: MessageLanguage) -> String {
        guard !suggestions.isEmpty else { return "" }
        let list = suggestions.map { "'\($0)'" }.joined(separator: ", ")
        return language == .uk ? " (можливо, \(list)?)" : " (did you mean \(list)?)"
    }

    /// `у листопаді` — the month in the locative, for «у листопаді 30 днів».
    static let monthsIn = ["у січні", "у лютому", "у березні", "у квітні", "у травні", "у червні", "у липні", "у серпні",
                           "у вересні", "у жовтні", "у листопаді", "у грудні"]
    static let monthsEnglish = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]
    /// «5 грудня» — the day and the month in the genitive.
    static let monthsOf = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                           "жовтня", "листопада", "грудня"]

    static func dayMonth(_ date: CalendarDate, _ language: MessageLanguage) -> String {
        language == .uk ? "\(date.day) \(monthsOf[date.month - 1])" : "\(date.day) \(monthsEnglish[date.month - 1])"
    }

    /// A Ukrainian count with its noun form: `pluralUK(2, "рядок", "рядки", "рядків")` → «2 рядки».
    static func pluralUK(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let last = n % 10, lastTwo = n % 100
        if (11...14).contains(lastTwo) || last == 0 || last >= 5 { return "\(n) \(many)" }
        return "\(n) \(last == 1 ? one : few)"
    }

    /// «64 МБ», «100 КБ»: a limit in bytes, in whole megabytes or kilobytes.
    static func size(_ bytes: Int, _ language: MessageLanguage) -> String {
        let uk = language == .uk
        return bytes >= 1 << 20 ? "\(bytes >> 20) \(uk ? "МБ" : "MB")" : "\(bytes >> 10) \(uk ? "КБ" : "KB")"
    }

    /// «30 днів», «31 день», «28 днів».
    static func days(_ n: Int) -> String { pluralUK(n, "день", "дні", "днів") }

    /// «2 попередження», «5 попереджень», «1 попередження».
    static func warningsUK(_ n: Int) -> String { pluralUK(n, "попередження", "попередження", "попереджень") }

    private func texts(_ language: MessageLanguage) -> (String, String) {
        let l = language
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        func hint(_ s: [String]) -> String { Message.hint(s, l) }
        switch self {
        case .contentFolderMissing:
            return ("папки з вмістом немає: створіть її або вкажіть іншу через --content ПАПКА",
                    "the content folder does not exist: create it or pass --content DIR")
        case .siteFileMissing:
            return ("немає файлу site.yaml: створіть його з полями title, base_url і as_of (див. docs/content-format.md)",
                    "no site.yaml: create it with title, base_url and as_of (see docs/content-format.md)")
        case .fileUnreadable(let reason):
            return ("не вдається прочитати файл (\(reason)): перевірте права доступу до нього; сайт без цього файлу не збирається",
                    "cannot read the file (\(reason)): check its permissions; the site is not built without it")
        case .folderUnreadable(let reason):
            return ("не вдається переглянути вміст папки (\(reason)): перевірте права доступу до неї; сайт без її файлів не збирається",
                    "cannot list the folder (\(reason)): check its permissions; the site is not built without its files")
        case .fileNotUTF8(let byte):
            return ("файл збережено не в кодуванні UTF-8 (байт \(byte) не належить до жодної літери UTF-8): збережіть його як UTF-8",
                    "the file is not valid UTF-8 (byte \(byte) is not part of a UTF-8 character): save it as UTF-8")
        case .linkOutsideContent(let target):
            return ("файл — символьне посилання на \(target), поза папкою з вмістом; за такими посиланнями PlanPress не ходить: скопіюйте сам файл у папку з вмістом",
                    "the file is a symbolic link to \(target), outside the content folder; links are not followed: copy the file into the content folder instead")
        case .linkOutsideTemplates(let target):
            return ("файл — символьне посилання на \(target), поза папкою з шаблонами; за такими посиланнями PlanPress не ходить і їх не публікує: скопіюйте сам файл у папку з шаблонами",
                    "the file is a symbolic link to \(target), outside the templates folder; such links are neither followed nor published: copy the file into the templates folder instead")
        case .templatesFolderMissing:
            return ("папки з шаблонами немає: створіть її або вкажіть іншу через --templates ПАПКА",
                    "the templates folder does not exist: create it or pass --templates DIR")
        case .controlCharacter(let code, let markdown):
            let whereUK = markdown ? "у тексті" : "у значенні", whereEN = markdown ? "the text" : "the value"
            return ("\(whereUK) є керівний знак \(code) (невидимий, він міг би керувати терміналом або зіпсувати сторінки й таблиці): видаліть його або наберіть текст навколо заново",
                    "\(whereEN) contains the control character \(code) (invisible; it could drive a terminal or break pages and tables): remove it or retype the text around it")
        case .markdownTooLarge(let kilobytes, let limit):
            return ("текст завеликий для однієї сторінки: \(kilobytes) КБ, а можна щонайбільше \(limit) КБ; поділіть його на кілька файлів",
                    "the text is too large for one page: \(kilobytes) KB, at most \(limit) KB; split it into several files")
        case .markdownBracketBomb(let images, let closers, let limit):
            return ("в одному абзаці \(images) відкритих зображень «![» і \(closers) закривних дужок «]»: такий текст перетворювався б на сторінку дуже довго (добуток понад \(limit)); поділіть абзац порожніми рядками або приберіть зайві дужки",
                    "one paragraph has \(images) image openers '![' and \(closers) closing brackets ']': converting it would take very long (their product exceeds \(limit)); split the paragraph with blank lines or remove the extra brackets")

        case .yamlColonInValue(let key):
            if key == "title" {
                return ("заголовок містить двокрапку — візьміть увесь заголовок у лапки: title: \"…\"",
                        "the title contains a colon — put the whole title in quotes: title: \"…\"")
            }
            return ("значення '\(key)' містить двокрапку — візьміть усе значення в лапки: \(key): \"…\"",
                    "the value of '\(key)' contains a colon — put the whole value in quotes: \(key): \"…\"")
        case .yamlTab:
            return ("у відступі є табуляція — робіть відступи лише пробілами",
                    "a tab in the indentation — indent with spaces only")
        case .yamlCannotStartValue(let character):
            return ("значення не може починатися зі знака «\(character)» — візьміть усе значення в лапки",
                    "a value cannot start with '\(character)' — put the whole value in quotes")
        case .yamlIndentation:
            return ("відступ цього рядка не збігається з рядками вище — вирівняйте його пробілами так само, як сусідні ключі",
                    "this line's indentation does not match the lines above — align it with spaces like the neighbouring keys")
        case .yamlUnclosedQuote:
            return ("лапки відкрито, але не закрито — додайте закривальні лапки в кінці значення",
                    "a quote is opened but never closed — add the closing quote at the end of the value")
        case .yamlMissingColon:
            return ("у рядку бракує двокрапки — пишіть «ключ: значення»",
                    "the line has no colon — write 'key: value'")
        case .yamlSyntax(let problem):
            return ("помилка синтаксису YAML (\(problem)) — перевірте відступи, лапки й двокрапки в цьому рядку",
                    "YAML syntax: \(problem); check indentation, quotes and colons on this line")
        case .yamlDuplicateKey(let keys):
            let names = keys.map { "'\($0)'" }.joined(separator: ", ")
            return ("ключ \(names) повторюється в одному наборі полів — залиште один",
                    "duplicate key \(names) in one mapping: keep one of them")
        case .yamlNotUTF8(let problem):
            return ("файл не читається як YAML у кодуванні UTF-8 (\(problem)) — збережіть його як UTF-8",
                    "cannot read the file as UTF-8 YAML: \(problem)")
        case .yamlUnreadable(let detail):
            return ("не вдається прочитати YAML (\(detail))", "cannot read YAML: \(detail)")
        case .yamlAliases:
            return ("якорі й посилання YAML (&назва, *назва) у файлах вмісту не дозволені: випишіть кожне значення повністю",
                    "YAML anchors and aliases (&name, *name) are not allowed in content files: write each value out in full")
        case .yamlBadCharacter(let problem, let character):
            let shown = character.map { " (\($0))" } ?? ""
            return ("файл не читається як YAML: у ньому є недозволений знак\(shown) — видаліть його або наберіть текст навколо нього заново (\(problem))",
                    "cannot read the file as YAML: \(problem)\(shown); remove the character or retype the text around it")

        case .notAMapping(let what, let found):
            return ("\(what.uk): очікується набір полів «ключ: значення», а знайдено: \(found.text(.uk))",
                    "\(what.en) must be a mapping (key: value pairs), found \(found.text(.en))")
        case .missingKey(let key, let what):
            return ("\(what.uk): бракує поля '\(key)' — додайте `\(key): …`", "\(what.en) has no '\(key)': add `\(key): …`")
        case .notText(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути текстом, а знайдено: \(found.text(.uk))",
                    "'\(key)' of \(what.en) must be text, found \(found.text(.en))")
        case .emptyValue(let key, let what):
            return ("\(Phrase.key(key, of: what).uk): порожнє — заповніть його", "'\(key)' of \(what.en) is empty")
        case .notWholeNumber(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути цілим числом, а знайдено '\(found.uk)'",
                    "'\(key)' of \(what.en) must be a whole number, found '\(found.en)'")
        case .notBoolean(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути true (так) або false (ні), а знайдено '\(found.uk)'",
                    "'\(key)' of \(what.en) must be true or false, found '\(found.en)'")
        case .notADate(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути датою у вигляді РРРР-ММ-ДД, наприклад 2026-12-05, а знайдено '\(found.uk)'",
                    "'\(key)' of \(what.en) must be a date as YYYY-MM-DD, found '\(found.en)'")
        case .impossibleDate(let key, let what, let found, let year, let month):
            guard (1...12).contains(month) else {
                return ("\(Phrase.key(key, of: what).uk): дати '\(found)' не існує — місяць має бути від 01 до 12",
                        "'\(key)' of \(what.en): the date '\(found)' does not exist — the month must be 01 to 12")
            }
            let days = CalendarDate.daysIn(month: month, year: year)
            let ofYear = month == 2 ? " \(year) року" : ""
            let ofYearEn = month == 2 ? " \(year)" : ""
            return ("\(Phrase.key(key, of: what).uk): дати '\(found)' не існує — \(Message.monthsIn[month - 1])\(ofYear) \(Message.days(days))",
                    "'\(key)' of \(what.en): the date '\(found)' does not exist — \(Message.monthsEnglish[month - 1])\(ofYearEn) has \(days) days")
        case .notAList(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути списком (рядки, що починаються з «- »), а знайдено: \(found.text(.uk))",
                    "'\(key)' of \(what.en) must be a list (lines starting with '- '), found \(found.text(.en))")
        case .listEntryNotText(let key, let what):
            return ("\(Phrase.key(key, of: what).uk): кожен пункт списку має бути текстом",
                    "each entry of '\(key)' in \(what.en) must be text")
        case .unknownKey(let key, let what, let s):
            return ("невідомий ключ '\(key)' (\(what.uk))\(hint(s))", "unknown key '\(key)' in \(what.en)\(hint(s))")
        case .yearOutOfRange(let key, let what, let found, let from, let to):
            return ("\(Phrase.key(key, of: what).uk): має бути роком від \(from) до \(to), а знайдено \(found)",
                    "'\(key)' of \(what.en) must be a year between \(from) and \(to), found \(found)")
        case .notANumber(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути числом, як-от 12 або 3,5, а знайдено \(found.uk)",
                    "'\(key)' of \(what.en) must be a number such as 12 or 3,5, found \(found.en)")

        case .baseURLUnusable(let written, let option, let problem):
            return (option ? "адресу --base-url '\(written)' не можна вжити: \(problem.text(.uk))"
                           : "адресу сайту base_url '\(written)' не можна вжити: \(problem.text(.uk))",
                    "\(option ? "--base-url" : "base_url") '\(written)' cannot be used: \(problem.text(.en))")
        case .unknownLanguage(let found):
            return ("мова (language) має бути 'uk' або 'en', а знайдено '\(found)'", "language must be 'uk' or 'en', found '\(found)'")

        case .updateWithoutFrontMatter:
            return ("оновлення має починатися зі шапки між рядками '---' (title, date, …); шаблон створює команда `planpress new update \"Заголовок\"`",
                    "an update must start with front matter between '---' lines (title, date, …); run `planpress new update \"Заголовок\"` for a template")
        case .invalidUpdateSlug(let slug):
            return ("назва файлу оновлення '\(slug)' не годиться для адреси: \(IDRules.explanation(.uk))",
                    "update file name '\(slug)' is not a valid slug: \(IDRules.explanation(.en))")
        case .reservedUpdateSlug(let slug, let reserved):
            return ("назву файлу оновлення '\(slug)' зайнято: під цією назвою сайт записує власний файл або папку; перейменуйте файл (зайняті назви: \(list(reserved)))",
                    "update file name '\(slug)' is reserved: the site writes its own file or folder '\(slug)' (reserved: \(list(reserved))); rename the file")
        case .notAnItemReference(let text):
            return ("'\(text)' — не посилання на пункт плану; пишіть, наприклад, measure:<план>/<номер> або executor:<ідентифікатор>",
                    "'\(text)' is not an item reference; write e.g. measure:<plan>/<number> or executor:<id>")
        case .coverWithoutAlt:
            return ("в обкладинки немає опису 'alt': опишіть світлину для людей, які її не бачать",
                    "the cover image has no 'alt' text: describe the picture for people who cannot see it")
        case .coverMissing(let path):
            return ("зображення обкладинки '\(path)' не знайдено; вкажіть шлях усередині Content/, наприклад updates/images/photo.jpg",
                    "cover image '\(path)' does not exist; give a path inside Content/, e.g. updates/images/photo.jpg")
        case .coverWrongType(let path):
            return ("зображення обкладинки '\(path)' — не файл JPEG, PNG, GIF, WebP, AVIF чи HEIC: збережіть його в одному з цих форматів",
                    "cover image '\(path)' is not a JPEG, PNG, GIF, WebP, AVIF or HEIC file: convert it to one of those")
        case .coverLinkOutsideContent(let path, let target):
            return ("зображення обкладинки '\(path)': \(Message.linkOutsideContent(target: target).text(.uk))",
                    "cover image '\(path)': \(Message.linkOutsideContent(target: target).text(.en))")
        case .updateSlugTwice(let slug, let other):
            return ("два оновлення мають однакову назву файлу '\(slug)' (друге — \(other)): перейменуйте одне",
                    "two updates have the slug '\(slug)' (also \(other)): rename one file")
        case .updateNamesMissingItem(let reference, let problem):
            return ("оновлення посилається на \(reference), \(problem.text(.uk))", "update names \(reference), \(problem.text(.en))")
        case .scheduledUpdate(let title, let date, let asOf):
            return ("«\(title)» заплановано на \(Message.dayMonth(date, .uk)): його дата пізніша за as_of (\(asOf.iso)), тому звичайна збірка його не публікує; попередній перегляд показує його з позначкою",
                    "“\(title)” is scheduled for \(Message.dayMonth(date, .en)): it is dated after as_of (\(asOf.iso)), so a normal build does not publish it; the preview shows it with a badge")
        case .previewAsOf(let date, let buildDate):
            let uk = buildDate ? "сьогоднішня дата, бо в site.yaml стоїть as_of: build-date" : "as_of у site.yaml"
            let en = buildDate ? "today, as site.yaml says as_of: build-date" : "as_of in site.yaml"
            return ("попередній перегляд станом на \(Message.dayMonth(date, .uk)) \(date.year) р. (\(uk)); оновлення з пізнішою датою показано з позначкою «заплановано»",
                    "preview as of \(Message.dayMonth(date, .en)) \(date.year) (\(en)); updates dated later are shown with a “scheduled” badge")
        case .nothingWritten(let errors, let warnings):
            return ("planpress: \(Message.pluralUK(errors, "помилка", "помилки", "помилок")), \(Message.warningsUK(warnings)); нічого не записано — виправте помилки вище",
                    "planpress: \(errors) error(s), \(warnings) warning(s); nothing was written")
        case .checkPassed(let plans, let measures, let executors, let warnings):
            return ("гаразд: \(Message.pluralUK(plans, "план", "плани", "планів")), \(Message.pluralUK(measures, "захід", "заходи", "заходів")), \(Message.pluralUK(executors, "виконавець", "виконавці", "виконавців")); \(Message.warningsUK(warnings))",
                    "ok: \(plans) plans, \(measures) measures, \(executors) executors; \(warnings) warning(s)")
        case .warningsInOtherFiles(let count):
            return ("\(Message.warningsUK(count)) в інших файлах, див. `planpress check`",
                    "\(count) warning\(count == 1 ? "" : "s") in other files, see `planpress check`")

        case .siteBuilt(let pages, let files, let unchanged, let output, let seconds):
            return ("зібрано \(Message.pluralUK(pages, "сторінку", "сторінки", "сторінок")) (\(Message.pluralUK(files, "файл", "файли", "файлів")), без змін \(unchanged)) у \(output) за \(seconds) с",
                    "built \(pages) pages (\(files) files, \(unchanged) unchanged) into \(output) in \(seconds) s")
        case .siteRebuilt(let pages, let rendered, let reason, let written, let removed, let output, let seconds):
            let howUK = reason.map { "усі сторінки заново: \($0.text(.uk))" } ?? "заново \(rendered) з \(pages)"
            let howEN = reason.map { "all pages rendered: \($0.text(.en))" } ?? "\(rendered) of \(pages) pages rendered"
            return ("зібрано \(Message.pluralUK(pages, "сторінку", "сторінки", "сторінок")) (\(howUK); записано \(Message.pluralUK(written, "файл", "файли", "файлів")), вилучено \(removed)) у \(output) за \(seconds) с",
                    "built \(pages) pages (\(howEN); \(written) files written, \(removed) removed) into \(output) in \(seconds) s")
        case .rebuildFailed(let seconds, let output):
            return ("зібрати не вдалося (\(seconds) с): у \(output) лишається останній добрий сайт; виправте помилки вище й збережіть файл",
                    "the build failed (\(seconds) s): \(output) keeps the last good site; fix the errors above and save")
        case .notPublished(let problem, let output):
            return ("planpress: помилка: \(problem.uk); попередній \(output) не змінено",
                    "planpress: error: \(problem.en); the previous \(output) is unchanged")
        case .notRepublished(let problem, let output):
            return ("planpress: помилка: \(problem.uk); у \(output) лишається останній добрий сайт",
                    "planpress: error: \(problem.en); \(output) keeps the last good site")
        case .stageTime(let stage, let seconds):
            let names = ["load content": "читання вмісту", "load templates": "читання шаблонів", "link and validate": "зв’язування й перевірка",
                         "render": "складання сторінок", "write": "запис"]
            return ("\(names[stage] ?? stage): \(seconds) с", "\(stage): \(seconds) s")
        case .watching(let content, let templates):
            return ("стежу за змінами в \(content) і \(templates) (Ctrl-C — зупинити)",
                    "watching \(content) and \(templates) for changes (Ctrl-C stops)")
        case .previewBuilt(let pages, let rendered, let seconds):
            let howUK = rendered.map { "після правки заново \($0)" } ?? "усі заново"
            let howEN = rendered.map { "\($0) rendered after the edit" } ?? "all rendered"
            return ("зібрано \(Message.pluralUK(pages, "сторінку", "сторінки", "сторінок")) (\(howUK)) за \(seconds) с",
                    "built \(pages) pages (\(howEN)) in \(seconds) s")
        case .previewBuildFailed(let seconds):
            return ("зібрати не вдалося (\(seconds) с): показую останню добру збірку; виправте помилки вище й збережіть файл",
                    "the build failed (\(seconds) s): still serving the last good build; fix the errors above and save")
        case .serving(let url, let folder):
            return ("перегляд: \(url) (зібрано в \(folder)); Ctrl-C — зупинити",
                    "serving \(url) (built into \(folder)); press Ctrl-C to stop")
        case .listeningOnNetwork(let host):
            return ("попередження: перегляд слухає адресу \(host): його можуть відкрити інші комп’ютери в мережі",
                    "warning: listening on \(host): other computers on the network can open this preview")

        case .previewFolderUnavailable(let reason):
            return ("не вдається створити тимчасову папку для перегляду (\(reason))", "cannot create a temporary folder for the preview: \(reason)")
        case .staleLeftoversRemoved(let count, let megabytes):
            return ("прибрано \(Message.pluralUK(count, "тимчасову папку", "тимчасові папки", "тимчасових папок")) попередніх переглядів, які не було закрито (\(megabytes) МБ)",
                    "removed \(count) temporary folder(s) of previews that were not closed (\(megabytes) MB)")
        case .fullRenderFirstBuild: return ("перше збирання", "first build")
        case .fullRenderTemplatesChanged: return ("змінено шаблони", "templates changed")
        case .fullRenderOutputReplaced: return ("папку сайту замінено", "the output folder was replaced")
        case .fullRenderOtherWriter:
            return ("папку сайту тим часом записувала інша програма planpress", "another planpress wrote the output folder meanwhile")
        case .fullRenderDownloadSizeChanged:
            return ("змінився розмір файлу для завантаження, показаний на всіх сторінках", "the printed size of a site-wide download changed")
        case .fullRenderPlanListChanged: return ("змінився перелік планів", "the list of plans changed")
        case .fullRenderPlanAddedOrRemoved(let plan): return ("план \(plan) додано або вилучено", "plan \(plan) was added or removed")
        case .fullRenderPlanStructureChanged(let plan): return ("змінилася будова плану \(plan)", "the structure of plan \(plan) changed")
        case .fullRenderPlanMetadataChanged(let plan): return ("змінилися загальні відомості плану \(plan)", "the metadata of plan \(plan) changed")
        case .fullRenderFileChanged(let path): return ("змінено \(path)", "\(path) changed")
        case .serverBusy:
            return ("Перегляд зараз обслуговує забагато з’єднань; спробуйте за кілька секунд.\n",
                    "The preview is serving too many connections; try again in a few seconds.\n")
        case .serverTooManyFromClient(let limit):
            return ("З вашої адреси відкрито забагато з’єднань (щонайбільше \(limit)); закрийте зайві вкладки й спробуйте знову.\n",
                    "Too many connections from your address (at most \(limit)); close some tabs and try again.\n")
        case .serverRequestTimeout(let seconds):
            return ("Запит надходив надто повільно (довше за \(seconds) с); надішліть його знову.\n",
                    "The request arrived too slowly (over \(seconds) s); send it again.\n")
        case .serverAbsoluteTarget:
            return ("Перегляд приймає лише запити зі шляхом (/сторінка/), не з повною адресою.\n",
                    "The preview answers only requests with a path (/page/), not a full address.\n")
        case .serverHostMissing:
            return ("У запиті `HTTP/1.1` немає заголовка `Host`.\n", "An HTTP/1.1 request without a Host header.\n")
        case .hostNotAnAddress(let host):
            return ("'\(host)' — не IP-адреса: вкажіть --host 127.0.0.1 (або іншу адресу цього комп’ютера)",
                    "'\(host)' is not an IP address: pass --host 127.0.0.1 (or another address of this machine)")
        case .cannotListen(let host, let port, let reason):
            guard let reason else { return ("не вдається слухати \(host):\(port)", "cannot listen on \(host):\(port)") }
            return ("не вдається слухати \(host):\(port) (\(reason)); можливо, порт зайняла інша програма? Вкажіть інше число в --port",
                    "cannot listen on \(host):\(port): \(reason); is another server using the port? Pass --port with another number")
        case .updateCreated(let path):
            return ("створено \(path)", "created \(path)")
        case .updateNextSteps:
            return ("далі: заповніть файл, перегляньте через `planpress serve --drafts`, потім приберіть `draft: true`, щоб опублікувати (див. docs/updates.md)",
                    "next: fill in the file, preview with `planpress serve --drafts`, then remove `draft: true` to publish (see docs/updates.md)")
        case .updateAfterAsOf(let siteFile, let asOf, let date):
            return ("зауважте: у \(siteFile) дата «станом на» (as_of) — \(asOf); оновлення датоване \(date), тож його не опублікують, доки as_of не дійде до цієї дати",
                    "note: as_of in \(siteFile) is \(asOf); this update is dated \(date) and will not be published until as_of reaches that date")
        case .updateFileExists(let path):
            return ("\(path) уже є: редагуйте той файл або дайте новому оновленню інший заголовок",
                    "\(path) already exists: edit that file, or choose a different title for a new update")
        case .updateCannotCreate(let path, let reason):
            return ("не вдається створити \(path) (\(reason))", "cannot create \(path): \(reason)")
        case .updateCannotWrite(let path, let reason):
            return ("не вдається записати \(path) (\(reason))", "cannot write \(path): \(reason)")
        case .titleControlCharacter(let code):
            return ("заголовок містить керівний знак \(code), який не можна зберегти в оновленні; наберіть заголовок заново без нього",
                    "the title contains the control character \(code), which cannot be stored in an update; type the title again without it")
        case .titleWithoutLetters:
            return ("у заголовку немає літер чи цифр, з яких можна скласти назву файлу: напишіть заголовок словами",
                    "the title has no letters or digits to make a file name from: write the headline in words")
        case .dateOptionInvalid:
            return ("--date має бути датою у вигляді РРРР-ММ-ДД, наприклад 2026-11-21", "--date must be a date as YYYY-MM-DD, e.g. 2026-11-21")

        case .editorTitleMissing:
            return ("напишіть заголовок новини", "write the update's title")
        case .editorSlugInvalid(let slug):
            return ("назва файлу '\(slug)' не годиться для адреси: \(IDRules.explanation(.uk))",
                    "the file name '\(slug)' cannot be used in an address: \(IDRules.explanation(.en))")
        case .editorImageTooLarge(let filename, let megabytes, let limit):
            return ("файл «\(filename)» важить \(megabytes) МБ, а завантажити можна до \(limit) МБ: зменште світлину або збережіть її як JPEG",
                    "the file '\(filename)' is \(megabytes) MB; uploads are limited to \(limit) MB: make the photo smaller or save it as JPEG")
        case .editorNotAnImage(let filename):
            return ("файл «\(filename)» за вмістом не є зображенням JPEG, PNG, GIF, WebP, AVIF чи HEIC: виберіть світлину або збережіть її заново як JPEG",
                    "the file '\(filename)' is not a JPEG, PNG, GIF, WebP, AVIF or HEIC image by its content: choose a photo, or save it again as JPEG")
        case .editorAltWithoutImage:
            return ("опис є, а зображення немає: виберіть файл обкладинки або зітріть опис",
                    "there is a description but no image: choose a cover file or clear the description")
        case .editorUpdateExists(let path):
            return ("\(path) уже є: відредагуйте ту новину або дайте цій інший заголовок",
                    "\(path) already exists: edit that update, or give this one another title")
        case .editorReportExists(let path):
            return ("\(path) уже є: цей звітувач уже має звіт за цей період; відкрийте його у списку звітів редактора й доповніть",
                    "\(path) already exists: this reporter already has a report for this period; open it from the editor's list of reports and add to it")
        case .editorReportNotEditable(let path, let indicator):
            return ("\(path) дає показнику \(indicator) кілька значень, а форма показує одне значення на показник; щоб нічого не втратити, змініть цей файл у текстовому редакторі",
                    "\(path) gives indicator \(indicator) several values, and the form shows one value per indicator; so that nothing is lost, change this file in a text editor")
        case .editorReplyExists(let path):
            return ("\(path) уже є: цей звітувач уже відповів на цей звіт; відкрийте ту відповідь у списку звітів редактора й доповніть",
                    "\(path) already exists: this reporter already replied to this report; open that reply from the editor's list of reports and add to it")
        case .editorReporterMissing:
            return ("напишіть, хто звітує (як підписано звіт)", "write who reports (as the report is signed)")
        case .editorReportEmpty:
            return ("звіт не містить жодного стану заходу чи значення показника: заповніть таблицю",
                    "the report holds no measure status and no indicator value: fill in the table")
        case .editorPlanNotChosen:
            return ("виберіть план зі списку", "choose a plan from the list")
        case .editorPlanUnknown(let plan):
            return ("плану '\(plan)' немає: виберіть план зі списку", "there is no plan '\(plan)': choose a plan from the list")
        case .editorCannotWrite(let path, let reason):
            return ("не вдалося записати \(path) (\(reason)); нічого не змінено, спробуйте зберегти ще раз",
                    "cannot write \(path): \(reason); nothing was changed, try saving again")
        case .editorAlreadySaved(let path):
            return ("цю форму вже збережено як \(path): щоб змінити новину, відкрийте її в списку і збережіть ще раз",
                    "this form was already saved as \(path): to change the update, open it from the list and save again")
        case .editorPhotoMissing:
            return ("виберіть файл світлини, яку треба вставити в текст", "choose the photo to insert into the text")
        case .editorPhotoAltMissing:
            return ("опишіть світлину: що на ній, для людей, які її не бачать (без опису її не вставлено)",
                    "describe the photo: what it shows, for people who cannot see it (it was not inserted without a description)")
        case .editorFileChanged(let path):
            return ("\(path) змінився після того, як ви відкрили сторінку, тож нічого не змінено; відкрийте сторінку знову",
                    "\(path) changed after you opened the page, so nothing was changed; open the page again")
        case .editorAsOfLineMissing(let path):
            return ("у \(path) немає рядка as_of: допишіть його вручну (див. docs/content-format.md)",
                    "\(path) has no as_of line: add it by hand (see docs/content-format.md)")
        case .editorRefusedFromNetwork:
            return ("редактор відкривається лише на комп'ютері, де запущено перегляд; щоб редагувати з іншого комп'ютера, потрібне посилання з ключем, яке надрукувала команда `planpress serve --editor-key`",
                    "the editor opens only on the computer running the preview; to edit from another computer you need the link with a key that `planpress serve --editor-key` printed")
        case .editorKeyAddress(let url):
            return ("редактор з ключем (показано лише раз; хто має це посилання, той може змінювати файли в папці вмісту): \(url)",
                    "editor with a key (shown once; whoever has this link can change the files in the content folder): \(url)")
        case .editorLoopbackOnly(let host):
            return ("редактор відкривається лише на цьому комп'ютері, хоч перегляд слухає \(host); щоб інші в мережі могли редагувати, запустіть `planpress serve --editor-key`: тоді кожен, хто має посилання з ключем, зможе змінювати файли",
                    "the editor opens only on this computer, though the preview listens on \(host); to let others on the network edit, run with --editor-key: then everyone with the link and its key can change the files")
        case .editorRefusedOrigin(let origin, let own):
            return ("відхилено: запит надійшов з іншого сайту (\(origin)); редактор приймає форми лише з \(own)",
                    "refused: the request comes from another site (\(origin)); the editor accepts forms from \(own) only")
        case .editorRefusedReferer(let own):
            return ("відхилено: запит надійшов з іншого сайту; редактор приймає форми лише з \(own)",
                    "refused: the request comes from another site; the editor accepts forms from \(own) only")
        case .editorRefusedNoOrigin:
            return ("відхилено: запит не каже, з якої сторінки його надіслано; надішліть форму зі сторінки редактора",
                    "refused: the request names no origin; send the form from the editor's page")
        case .editorRefusedNoSession:
            return ("відхилено: сеанс редактора не відкрито або він закінчився; відкрийте редактор знову і надішліть форму ще раз",
                    "refused: no editor session; open the editor again and resend the form")
        case .editorRefusedToken:
            return ("відхилено: ключа безпеки форми немає або він застарів; оновіть сторінку і надішліть форму ще раз",
                    "refused: the form's security token is missing or out of date; reload the page and send it again")
        case .editorNotAForm:
            return ("очікувалася форма редактора; надішліть її зі сторінки редактора",
                    "expected a form (application/x-www-form-urlencoded or multipart/form-data)")
        case .editorTemplatesUnusable(let folder, let problems):
            return ("редактор не може показати сторінку: шаблони \(folder) не читаються (\(list(problems))); відновіть цю папку з дистрибутива PlanPress",
                    "the editor cannot show the page: the templates in \(folder) cannot be used (\(list(problems))); restore that folder from the PlanPress distribution")
        case .editorAddress(let url, let content):
            return ("редактор: \(url) (записує файли в \(content)/)", "editor: \(url) (writes into \(content)/)")
        case .previewMethodNotAllowed(let allowed):
            return ("такий запит тут не приймають; можна лише \(allowed)", "only \(allowed) here")
        case .previewHostRefused:
            return ("несподівана назва сервера в запиті: відкрийте адресу, яку надрукувала команда `planpress serve`",
                    "unexpected Host header: open the address planpress serve printed")
        case .previewNotFound:
            return ("сторінки не знайдено", "not found")
        case .previewBadRequest:
            return ("хибний запит", "bad request")
        case .previewRequestTooLarge(let megabytes):
            return ("запит більший за \(megabytes) МБ, тож його не прийнято; поверніться назад і виберіть менший файл (форму не надіслано)",
                    "the request is larger than \(megabytes) MB and was not accepted; go back and choose a smaller file (the form was not sent)")
        case .previewOverlay:
            return ("Сайт не вдалося зібрати: виправте помилки нижче і збережіть файл.\nСторінка показує останню вдалу збірку.",
                    "The build failed: fix the errors below and save the file.\nThe page shows the last good build.")
        case .previewFailurePage:
            return ("Вдалої збірки ще не було. Щойно помилки буде виправлено, сторінка оновиться сама.",
                    "There has been no good build yet. Once the errors are fixed, the page reloads by itself.")

        case .imageNotAnImage(let path):
            return ("'\(path)' за вмістом не є зображенням JPEG, PNG, GIF, WebP, AVIF чи HEIC, хоч би що казало розширення: збережіть світлину заново як JPEG",
                    "'\(path)' is not a JPEG, PNG, GIF, WebP, AVIF or HEIC image by its content, whatever its extension says: save the photo again as JPEG")
        case .imageMissing(let path):
            return ("світлини '\(path)' не знайдено; вкажіть шлях усередині Content/, наприклад updates/images/photo.jpg, або повну адресу https://…",
                    "photo '\(path)' does not exist; give a path inside Content/, e.g. updates/images/photo.jpg, or a full https://… address")
        case .imageTooLarge(let path, let megabytes, let limit):
            return ("світлина '\(path)' важить \(megabytes) МБ, більше за межу \(limit) МБ: збережіть меншу копію (наприклад, JPEG до 4000 пікселів завширшки)",
                    "photo '\(path)' is \(megabytes) MB, above the limit of \(limit) MB: save a smaller copy (e.g. a JPEG up to 4000 pixels wide)")
        case .imageTooNarrow(let path, let width, let minimum):
            return ("світлина '\(path)' лише \(width) пікселів завширшки (щонайменше \(minimum)): на великому екрані вона буде розмитою, пошукайте більшу",
                    "photo '\(path)' is only \(width) pixels wide (at least \(minimum)): it will look blurred on a large screen; find a larger one")
        case .imageUnreadable(let path, let detail):
            return ("світлину '\(path)' не вдається прочитати — файл пошкоджений або неповний (\(detail)): скопіюйте світлину з телефона ще раз або збережіть її заново як JPEG",
                    "photo '\(path)' cannot be read — the file is damaged or incomplete (\(detail)): copy it from the phone again or save it again as JPEG")
        case .imageLibraryMissing(let path, let detail):
            return ("світлину '\(path)' нічим перетворити: на цьому комп'ютері немає бібліотеки для світлин (\(detail)); "
                    + "встановіть її (`sudo apt-get install libvips42`) і зберіть сайт знову",
                    "photo '\(path)' cannot be converted: this computer lacks the photo library libvips (\(detail)); "
                    + "install it (on Debian and Ubuntu: `sudo apt-get install libvips42`) and build the site again")
        case .imageEmpty(let path):
            return ("файл світлини '\(path)' порожній (0 байтів): скопіюйте світлину ще раз",
                    "photo file '\(path)' is empty (0 bytes): copy the photo again")
        case .imageTooManyPixels(let path, let width, let height, let limit):
            return ("світлина '\(path)' має \(width) × \(height) пікселів, більше за межу \(limit) мегапікселів (так її записано в заголовку файлу; не розкодовано): збережіть меншу копію, наприклад до 8000 пікселів завширшки",
                    "photo '\(path)' has \(width) × \(height) pixels, above the limit of \(limit) megapixels (as its header declares; not decoded): save a smaller copy, e.g. up to 8000 pixels wide")
        case .imageFormatUnsupported(let path, let format):
            return ("світлину '\(path)' у форматі \(format) (типовий формат iPhone) бібліотека `libvips` на цьому комп'ютері не читає (немає підтримки HEIF, пакет `libheif1`): "
                    + "надішліть світлину як JPEG — на iPhone: «Фото» → «Поширити» → «Параметри» → «Найсумісніший» або «Зберегти у Файли» як JPEG; надалі: «Параметри» → «Камера» → «Формати» → «Найсумісніший»",
                    "photo '\(path)' is \(format) (the iPhone's default format), which libvips on this computer cannot read (no HEIF support, package libheif1): "
                    + "send the photo as JPEG — on an iPhone: Photos → Share → Options → Most Compatible, or save it to Files as JPEG; from then on: Settings → Camera → Formats → Most Compatible")
        case .shareCardsNotMade(let detail):
            return ("картки для поширення в соцмережах (`og:image`) не створено: немає бібліотеки `libvips` (\(detail)); сторінки опубліковано без них — встановіть `sudo apt-get install libvips42` і зберіть сайт знову",
                    "the cards for sharing on social networks (og:image) were not made: libvips is missing (\(detail)); the pages are published without them — install `sudo apt-get install libvips42` and build the site again")

        case .commentaryWithoutFrontMatter:
            return ("коментар має починатися зі шапки між рядками '---', що називає пункт: about: plan:<план>",
                    "commentary must start with front matter between '---' lines naming the item: about: plan:<plan-id>")
        case .commentaryAboutNotAReference(let text):
            return ("'about: \(text)' — не посилання на пункт; пишіть, наприклад, plan:<план>, goal:<план>/<ціль>, measure:<план>/<номер>, executor:<ідентифікатор>",
                    "'about: \(text)' is not an item reference; write e.g. plan:<plan>, goal:<plan>/<goal-id>, measure:<plan>/<number>, executor:<id>")
        case .commentaryAboutMissingItem(let reference, let problem):
            return ("коментар стосується \(reference), \(problem.text(.uk))", "commentary is about \(reference), \(problem.text(.en))")
        case .linkNotAReference(let url):
            return ("посилання '\(url)' — не посилання на пункт плану; пишіть, наприклад, measure:<план>/<номер>",
                    "link '\(url)' is not a valid item reference; write e.g. measure:<plan>/<number>")
        case .linkToMissingItem(let url, let reference, let problem):
            return ("посилання '\(url)' веде на \(reference), \(problem.text(.uk))", "link '\(url)' points to \(reference), \(problem.text(.en))")

        case .executorsFileNotAList:
            return ("файл виконавців має бути списком записів, що починаються з '- id:'",
                    "an executors file must be a list of entries starting with '- id:'")
        case .invalidExecutorID(let id):
            return ("ідентифікатор виконавця '\(id)' не годиться: \(IDRules.explanation(.uk))",
                    "executor id '\(id)' is not allowed: \(IDRules.explanation(.en))")
        case .unknownExecutorKind(let what, let kind, let allowed):
            return ("\(what.uk): невідомий вид (kind) '\(kind)'; можливі: \(list(allowed))",
                    "\(what.en) has unknown kind '\(kind)'; use one of: \(list(allowed))")
        case .executorTwice(let id, let other):
            return ("виконавця '\(id)' описано двічі (ще в \(other)): залиште один запис і всюди вживайте його ідентифікатор",
                    "executor '\(id)' is defined twice (also at \(other)): keep one entry and use its id everywhere")
        case .executorUnknownParent(let id, let parent, let s):
            return ("виконавець '\(id)' називає невідомого батьківського виконавця (parent) '\(parent)'\(hint(s))",
                    "executor '\(id)' names unknown parent '\(parent)'\(hint(s))")
        case .executorCycle(let id):
            return ("виконавець '\(id)' через поле 'parent' виявляється власним предком: розірвіть коло",
                    "executor '\(id)' is its own ancestor through 'parent': break the cycle")
        case .measureUnknownExecutor(let measure, let executor, let s):
            return ("захід \(measure) називає невідомого виконавця '\(executor)'\(hint(s)); додайте його в Content/executors/ або виправте ідентифікатор",
                    "measure \(measure) names unknown executor '\(executor)'\(hint(s)); add it to Content/executors/ or fix the id")
        case .measureExecutorTwice(let measure, let executor):
            return ("захід \(measure) називає виконавця '\(executor)' двічі: залиште один раз",
                    "measure \(measure) names executor '\(executor)' twice: list it once")
        case .planUnknownIssuer(let plan, let issuer, let s):
            return ("план '\(plan)' пов’язує орган, що його видав або затвердив (issuer), з невідомим виконавцем '\(issuer)'\(hint(s))",
                    "plan '\(plan)' identifies its issuer with unknown executor '\(issuer)'\(hint(s))")
        case .statusWithoutCitedApproval(let status):
            return ("статус '\(status)' спирається на гриф затвердження, але гриф не має рядків джерела: додайте в 'approval' поле 'lines:' з рядками, де гриф надруковано, щоб читач міг його знайти",
                    "status '\(status)' rests on the approval block, but the block cites no source lines: add 'lines:' to 'approval' with the lines that print it, so a reader can find it")
        case .issuerWithoutCitedLine(let issuer):
            return ("орган, що видав або затвердив документ (issuer), '\(issuer)' не процитовано: запишіть 'issuer: {printed: \"слова документа\", lines: …}' з рядком, де документ його називає; доти сторінки кажуть, що документ органу не називає",
                    "the issuer '\(issuer)' is not quoted: write 'issuer: {printed: \"the document's words\", lines: …}' with the line that names it; until then pages say the document names no issuer")
        case .planUnknownSource(let plan, let source, let s):
            return ("план '\(plan)' називає джерельний текст '\(source)', якого немає в Content/sources/\(hint(s))",
                    "plan '\(plan)' names source '\(source)', which is not in Content/sources/\(hint(s))")
        case .planSourceNotText(let plan, let source):
            return ("план '\(plan)' називає джерельним текстом '\(source)', але джерельний текст — це файл `.txt`; файли `.md` у Content/sources/ — нотатки про те, як прочитано документ",
                    "plan '\(plan)' names '\(source)' as its source, but a source text is a `.txt` file; the `.md` files in Content/sources/ are notes on how the document was read")
        case .sourceNotesUnknownPlan(let file, let plan, let s):
            return ("'\(file)' — нотатки до плану '\(plan)', якого немає; їх не опубліковано\(hint(s))",
                    "'\(file)' holds notes for plan '\(plan)', which does not exist; they are not published\(hint(s))")
        case .englishNotesWithoutUkrainian(let file, let plan):
            return ("'\(file)' — англійські нотатки до плану '\(plan)', але українських нотаток (sources/\(plan).md) немає; сторінку нотаток не опубліковано жодною мовою",
                    "'\(file)' holds English notes for plan '\(plan)', but it has no Ukrainian notes (sources/\(plan).md); the notes page is published in neither language")

        case .invalidPlanID(let id):
            return ("ідентифікатор плану '\(id)' не годиться: \(IDRules.explanation(.uk))", "plan id '\(id)' is not allowed: \(IDRules.explanation(.en))")
        case .planIDDiffersFromFolder(let id, let folder):
            return ("ідентифікатор плану '\(id)' відрізняється від назви його папки 'plans/\(folder)': перейменуйте одне з них, щоб збігалися",
                    "plan id '\(id)' differs from its folder 'plans/\(folder)': rename one so they match")
        case .planWithoutItems(let id):
            return ("у плані '\(id)' немає ні цілей (goals), ні заходів (measures)", "plan '\(id)' has neither 'goals' nor 'measures'")
        case .unknownPlanStatus(let found, let allowed):
            let adopted = found == "adopted"
            return ("статус плану (status) має бути одним із: \(list(allowed)), а знайдено '\(found)'"
                        + (adopted ? " ('adopted' більше не вживається: пишіть 'approved', лише коли документ має заповнений гриф затвердження, інакше 'not-stated')" : ""),
                    "plan status must be one of \(list(allowed)), found '\(found)'"
                        + (adopted ? " ('adopted' is no longer used: write 'approved' only when the document prints a filled-in approval block, else 'not-stated')" : ""))
        case .approvedWithoutApproval:
            return ("статус 'approved' (затверджений) потребує блоку 'approval' з надрукованою датою чи номером; у плані його немає, тож напишіть 'draft' (гриф не заповнено) або 'not-stated' (грифа немає)",
                    "status 'approved' needs an 'approval' block with the printed date or number; the plan shows none, so write 'draft' (blank stamp) or 'not-stated' (no approval block)")
        case .draftWithoutBlankApproval:
            return ("статус 'draft' сайт показує як «проєкт: гриф затвердження не заповнено», тож потрібен блок 'approval' з незаповненими датою й номером («№ _____»)",
                    "status 'draft' is shown as «проєкт: гриф затвердження не заповнено», so it needs an 'approval' block whose date and number are blanks («№ _____»)")
        case .notStatedWithApproval:
            return ("статус 'not-stated' (не зазначено) суперечить блоку 'approval': напишіть 'approved' (гриф заповнено) або 'draft' (гриф не заповнено)",
                    "status 'not-stated' contradicts the 'approval' block: write 'approved' (filled-in block) or 'draft' (blank stamp)")
        case .periodWithoutYears:
            return ("період (period) потребує 'from', 'to' або обох (роки)", "period needs 'from', 'to' or both (years)")
        case .periodReversed(let from, let to):
            return ("період починається \(from) року, пізніше, ніж закінчується (\(to))", "period starts in \(from) after it ends in \(to)")
        case .invalidLevelSlug(let slug):
            return ("назва рівня для адреси '\(slug)' не годиться: вживайте малі латинські літери, цифри й '-'",
                    "level slug '\(slug)' is not allowed: use lowercase Latin letters, digits and '-'")
        case .levelSlugTwice(let slug):
            return ("назва рівня для адреси '\(slug)' вжита двічі: кожному рівню потрібна своя",
                    "level slug '\(slug)' is used twice: each level needs its own")
        case .noLevels:
            return ("поле 'levels' має назвати щонайменше рівень заходів", "'levels' must name at least the measure level")
        case .numberNotURLSafe(let what, let number):
            return ("\(what.uk): номер '\(number)' не годиться для адреси: \(IDRules.explanation(.uk))",
                    "\(what.en): number '\(number)' is not allowed in a URL: \(IDRules.explanation(.en))")
        case .nestedTooDeep(let what, let levels):
            return ("\(what.uk): вкладено глибше, ніж дозволяють рівні плану (рівнів цілей: \(levels)) — додайте рівень або перенесіть вище",
                    "\(what.en) is nested deeper than the plan's levels allow (\(levels) goal levels): add a level or move it up")
        case .goalWithoutChildren(let what):
            return ("\(what.uk): під нею немає ні цілей, ні заходів", "\(what.en) has no goals or measures below it")
        case .responsibleWithoutExecutors(let what):
            return ("\(what.uk): подано клітинку відповідальних, але не названо жодного виконавця — додайте їх під 'executors'",
                    "\(what.en) prints a responsible cell but lists no executors: add them under 'executors'")
        case .unreadableTerm(let what, let printed):
            return ("\(what.uk): не вдається прочитати строк '\(printed)'; запишіть його як {printed: \"…\", from: РІК, to: РІК} або {printed: \"…\", recurring: true}",
                    "\(what.en): cannot read the term '\(printed)'; write it as {printed: \"…\", from: YEAR, to: YEAR} or {printed: \"…\", recurring: true}")
        case .termWithoutYears(let what):
            return ("\(what.uk): явно записаний строк потребує років 'from'/'to' або 'recurring: true'",
                    "\(what.en): an explicit term needs 'from'/'to' years or 'recurring: true'")
        case .termSameAsRowAboveWithoutTerm(let measure):
            return ("захід \(measure): 'term: {same_as_row_above: true}' означає «строк як у рядку вище», але в рядку вище строку немає — запишіть строк тут",
                    "measure \(measure): 'term: {same_as_row_above: true}' needs a row above with a term; the row above has none")
        case .responsibleSameAsRowAboveWithoutBodies(let measure):
            return ("захід \(measure): 'responsible: {same_as_row_above: true}' означає «відповідальні як у рядку вище», але в рядку вище їх немає — назвіть відповідальних тут",
                    "measure \(measure): 'responsible: {same_as_row_above: true}' needs a row above with responsible bodies; the row above has none")
        case .unknownMergeBasis(let raw, let allowed):
            return ("невідома підстава об’єднання клітинки (basis) '\(raw)'; можливі: \(list(allowed)) — reading: клітинка порожня у видобутому тексті, і сайт читає її як об’єднану; file: файл Word сам позначає клітинку як об’єднану",
                    "unknown merge basis '\(raw)'; use one of: \(list(allowed)) — reading: the cell is empty in the extracted text and the site reads it as merged; file: the Word file itself marks the cell as merged")
        case .printedNumberAndAssigned(let what):
            return ("\(what.uk): має надрукований номер (printed_number), отже номер не призначає сайт — приберіть 'number_assigned' або 'printed_number'",
                    "\(what.en) has a printed_number, so its number is not assigned by the site: remove 'number_assigned' or 'printed_number'")
        case .invalidIndicatorID(let id):
            return ("ідентифікатор показника '\(id)' не годиться: \(IDRules.explanation(.uk))",
                    "indicator id '\(id)' is not allowed: \(IDRules.explanation(.en))")
        case .targetValueNotNumber(let raw):
            return ("цільове значення '\(raw)' — не число: пишіть, наприклад, \"3000\" або \"12.5\"",
                    "target value '\(raw)' is not a number: write it like \"3000\" or \"12.5\"")
        case .unknownComparator(let raw, let allowed):
            return ("невідоме порівняння (comparator) '\(raw)'; можливі: \(list(allowed))",
                    "target comparator '\(raw)' is unknown; use one of: \(list(allowed))")
        case .goalTwice(let goal, let plan, let line):
            return ("ціль '\(goal)' трапляється двічі в плані '\(plan)' (уперше в рядку \(line)): дайте кожній свій номер",
                    "goal '\(goal)' appears twice in plan '\(plan)' (first at line \(line)): give each its own number")
        case .measureTwice(let number, let plan, let line):
            return ("захід \(number) трапляється двічі в плані '\(plan)' (уперше в рядку \(line)): номери заходів мають бути різними",
                    "measure \(number) appears twice in plan '\(plan)' (first at line \(line)): measure numbers must be unique")
        case .indicatorTwice(let id, let plan, let line):
            return ("показник '\(id)' трапляється двічі в плані '\(plan)' (уперше в рядку \(line))",
                    "indicator '\(id)' appears twice in plan '\(plan)' (first at line \(line))")

        case .budgetYearNotYear(let found):
            return ("роки бюджету мають бути роками, як-от 2024, а знайдено '\(found.uk)'", "budget years must be years like 2024, found '\(found.en)'")
        case .invalidSourceID(let id):
            return ("ідентифікатор джерела '\(id)' не годиться: \(IDRules.explanation(.uk))", "source id '\(id)' is not allowed: \(IDRules.explanation(.en))")
        case .fundingSourceTwice(let id):
            return ("джерело фінансування '\(id)' описано двічі", "funding source '\(id)' is defined twice")
        case .statedTotalsWithoutBudget:
            return ("підсумки документа потребують розділу 'budget' у плані (unit, years, sources)",
                    "stated totals need a 'budget' section in the plan (unit, years, sources)")
        case .unknownFundingStatus(let what, let raw, let allowed):
            return ("\(what.uk): невідомий стан фінансування '\(raw)'; можливі: \(list(allowed))",
                    "\(what.en): funding status '\(raw)' is unknown; use one of: \(list(allowed))")
        case .statedWithoutLines(let what):
            return ("\(what.uk): стан фінансування 'stated', але жоден рядок ('lines') не дає сум",
                    "\(what.en): funding status is 'stated' but no 'lines' give amounts")
        case .amountsNotAllowed(let what, let status):
            return ("\(what.uk): стан фінансування '\(status)' не може мати сум — приберіть рядки або вкажіть стан 'stated'",
                    "\(what.en): funding status '\(status)' cannot have amounts: remove the lines or use status 'stated'")
        case .fundingWithoutBudget(let what):
            return ("\(what.uk): є рядки фінансування, але в плані немає розділу 'budget' (unit, years, sources)",
                    "\(what.en) has funding lines but the plan has no 'budget' section (unit, years, sources)")
        case .unknownFundingSource(let what, let printed, let known):
            return ("\(what.uk): джерела фінансування '\(printed)' немає серед джерел бюджету плану; додайте його до написань ('spellings') одного з джерел (відомі: \(list(known)))",
                    "\(what.en): funding source '\(printed)' is not in the plan's budget sources; add it to a source's 'spellings' (known: \(list(known)))")
        case .amountKeyNotYear(let what, let key):
            return ("\(what.uk): '\(key)' — не рік; суми записують за роками, як-от 2021",
                    "\(what.en): '\(key)' is not a year; amounts are keyed by year like 2021")
        case .yearNotInBudget(let what, let year, let years):
            let all = years.map(String.init).joined(separator: ", ")
            return ("\(what.uk): \(year) року немає серед років бюджету \(all)", "\(what.en): year \(year) is not one of the budget years \(all)")
        case .amountNotText(let what, let year):
            return ("\(what.uk): суму за \(year) рік пишіть як текст, наприклад \"7,0\" або \"-\"",
                    "\(what.en): amount for \(year) must be text like \"7,0\" or \"-\"")
        case .amountNotNumber(let what, let raw, let year):
            return ("\(what.uk): сума '\(raw)' за \(year) рік — не число; пишіть як у документі, наприклад \"7,0\", \"1 234,5\" або \"-\"",
                    "\(what.en): amount '\(raw)' for \(year) is not a number; write it as printed, e.g. \"7,0\", \"1 234,5\" or \"-\"")
        case .budgetMismatch(let scope, let source, let year, let stated, let rows, let computed, let difference):
            return ("підсумок документа (\(scope.uk), \(source), \(year)) — \(stated ?? "нічого"), а \(Message.pluralUK(rows, "рядок дає", "рядки дають", "рядків дають")) разом \(computed) (різниця \(difference)); сайт показує обидва",
                    "stated total for \(scope.en), \(source), \(year) is \(stated ?? "nothing") but its \(rows) row(s) add up to \(computed) (difference \(difference)); the site shows both")

        case .invalidReportPeriod(let text):
            return ("період звіту '\(text)' — не рік (2026), не півріччя (2026-H1) і не квартал (2026-Q3)",
                    "report period '\(text)' is not a year (2026), half-year (2026-H1) or quarter (2026-Q3)")
        case .unknownReporterKind(let kind, let allowed):
            return ("невідомий вид автора звіту '\(kind)'; можливі: \(list(allowed))", "reporter kind '\(kind)' is unknown; use one of: \(list(allowed))")
        case .evidenceURLScheme(let url):
            return ("адреса підтвердження '\(url)' має починатися з https:// або http://", "evidence url '\(url)' must start with https:// or http://")
        case .unknownMeasureStatus(let status, let measure, let allowed):
            return ("стану '\(status)' заходу \(measure) немає в переліку; можливі: \(list(allowed))",
                    "status '\(status)' of measure \(measure) is not in the vocabulary; use one of: \(list(allowed))")
        case .reportUnknownPlan(let plan, let s):
            return ("звіт називає невідомий план '\(plan)'\(hint(s))", "report names unknown plan '\(plan)'\(hint(s))")
        case .reporterUnknownExecutor(let executor, let s):
            return ("автор звіту — невідомий виконавець '\(executor)'\(hint(s)); додайте його в Content/executors/ або виправте ідентифікатор",
                    "reporter names unknown executor '\(executor)'\(hint(s)); add it to Content/executors/ or fix the id")
        case .reportsOverlap(let reporter, let plan, let period, let other):
            return ("два звіти від «\(reporter)» охоплюють план '\(plan)' за \(period) (другий — \(other)): об’єднайте їх",
                    "two reports by '\(reporter)' cover plan '\(plan)' for \(period) (also \(other)): merge them into one")
        case .reportUnknownMeasure(let measure, let plan, let s):
            return ("звіт подає стан заходу \(measure), але в плані '\(plan)' такого заходу немає\(hint(s))",
                    "report gives a status for measure \(measure), but plan '\(plan)' has no such measure\(hint(s))")
        case .reportMeasureTwice(let measure):
            return ("звіт подає захід \(measure) двічі: залиште один запис", "report gives measure \(measure) twice: keep one entry")
        case .reportUnknownIndicator(let indicator, let plan, let s):
            return ("звіт подає значення показника '\(indicator)', але в плані '\(plan)' такого показника немає\(hint(s))",
                    "report gives a value for indicator '\(indicator)', but plan '\(plan)' has no such indicator\(hint(s))")
        case .indicatorUnitMismatch(let indicator, let unit, let target):
            return ("значення показника '\(indicator)' подано в одиницях '\(unit)', а його цільове значення — в '\(target)': сайт порівнює одиниці так, як їх написано, тож досягнення цілі не оцінює. Якщо це та сама одиниця, сказана інакше (як «осіб» і «дівчат та жінок», коли рахують тих самих людей), напишіть її як у цілі: '\(target)'; якщо значення рахує інше (наприклад, лише частину), залиште — його буде показано без оцінки",
                    "value of indicator '\(indicator)' is given in '\(unit)', but its target is in '\(target)': the site compares units as written, so the target is not assessed. If it is the same unit worded differently (like «осіб» and «дівчат та жінок» counting the same people), write it as the target does: '\(target)'; if the value counts something else (a part, say), leave it: it is shown without an assessment")
        case .invalidReplyTo(let text):
            return ("reply_to '\(text)' має назвати звіт і захід так: <звіт>#<захід>, наприклад 2026/coalition-2026-h1#1.2 (шлях звіту в папці reports/)",
                    "reply_to '\(text)' must name a report and a measure as <report>#<measure>, e.g. 2026/coalition-2026-h1#1.2 (the report's path under reports/)")
        case .replyToUnknownReport(let report, let s):
            return ("reply_to називає звіт '\(report)', якого немає\(hint(s)); напишіть шлях звіту в папці reports/, наприклад 2026/coalition-2026-h1",
                    "reply_to names unknown report '\(report)'\(hint(s)); write the report's path under reports/, such as 2026/coalition-2026-h1")
        case .replyToSameReport:
            return ("reply_to вказує на цей самий звіт: відповідь стосується іншого звіту",
                    "reply_to points at this same report: a reply answers another report")
        case .replyToOtherPlan(let report, let answered, let plan):
            return ("reply_to називає звіт '\(report)' про план '\(answered)', а цей звіт — про план '\(plan)'",
                    "reply_to names report '\(report)' about plan '\(answered)', but this report is about plan '\(plan)'")
        case .replyToOtherMeasure(let answers, let measure):
            return ("reply_to відповідає на захід \(answers), а цей запис — про захід \(measure): відповідь стосується оцінки того самого заходу",
                    "reply_to answers measure \(answers), but this entry is about measure \(measure): a reply answers the assessment of the same measure")
        case .replyToMissingStatus(let report, let measure, let s):
            return ("звіт '\(report)' не подає стану заходу \(measure), тож відповідати нема на що\(hint(s))",
                    "report '\(report)' gives no status for measure \(measure), so there is nothing to reply to\(hint(s))")

        case .replyWithoutText(let measure):
            return ("відповідь щодо заходу \(measure) нічого не каже: додайте 'narrative' (текст відповіді), 'evidence' або 'status'",
                    "the reply about measure \(measure) says nothing: add 'narrative' (the reply's text), 'evidence' or 'status'")
        case .replyRequestWithoutStatus:
            return ("reply_requested стоїть у записі без статусу: відповіді можна просити лише на оцінку; додайте 'status' або приберіть reply_requested",
                    "reply_requested is on an entry without a status: a reply can be asked for an assessment only; add 'status' or remove reply_requested")
        case .replyRequestUnknownExecutor(let executor, let s):
            return ("reply_requested називає невідомий орган '\(executor)'\(hint(s)); напишіть ідентифікатор з Content/executors/ або true (орган, названий у заході першим)",
                    "reply_requested names unknown body '\(executor)'\(hint(s)); write an id from Content/executors/ or true (the body the measure names first)")
        case .replyRequestNoBody(let measure):
            return ("захід \(measure) не називає відповідальних, тож reply_requested: true нікого не просить; напишіть ідентифікатор органу з Content/executors/",
                    "measure \(measure) names no responsible body, so reply_requested: true asks nobody; write a body's id from Content/executors/")
        case .replyBeforeAnswered(let published, let answered, let answeredPublished):
            return ("відповідь датовано \(published), раніше за звіт '\(answered)', на який вона відповідає (оприлюднено \(answeredPublished)): виправте дату 'published' або reply_to",
                    "the reply is dated \(published), before report '\(answered)' it answers (published \(answeredPublished)): fix 'published' or reply_to")
        case .unknownBreakdownDimension(let dimension, let allowed):
            return ("розрізу '\(dimension)' немає в переліку; можливі: \(list(allowed))",
                    "breakdown dimension '\(dimension)' is not in the list; use one of: \(list(allowed))")
        case .valueDateOutsidePeriod(let indicator, let date, let period):
            return ("дата \(date) значення показника '\(indicator)' лежить поза періодом звіту \(period): звіт подає значення лише за свій період",
                    "date \(date) of indicator '\(indicator)' lies outside the report's period \(period): a report gives values for its own period")
        case .valueDateAfterPublished(let indicator, let date, let published):
            return ("дата \(date) значення показника '\(indicator)' пізніша за оприлюднення звіту \(published): значення не може описувати день, що ще не настав",
                    "date \(date) of indicator '\(indicator)' is after the report's publication \(published): a value cannot describe a day still to come")

        case .citationsWithoutSourceFile(let plan):
            return ("план '\(plan)' посилається на рядки джерела, але не називає файлу джерела: додайте `source: \(plan).txt`",
                    "plan '\(plan)' cites source lines but names no source file: add `source: \(plan).txt`")
        case .itemWithoutLines(let what, let plan):
            return ("\(what.uk): немає `lines:`; коли план посилається на джерело, посилання потрібне в кожного пункту (`planpress cite --plan \(plan)` запропонує рядки)",
                    "\(what.en) has no `lines:`; every item of a plan that cites its source must cite it (`planpress cite --plan \(plan)` proposes lines)")
        case .linesOutsideSource(let what, let from, let to, let source, let count):
            return ("\(what.uk): рядків \(from)–\(to) немає в \(source), там лише \(Message.pluralUK(count, "рядок", "рядки", "рядків"))",
                    "\(what.en): lines \(from)–\(to) are outside \(source), which has \(count) lines")
        case .fieldNotInCitedLines(let what, let field, let text, let lines, let source, let agrees):
            let agreesUK = agrees.map { "; збігається до «…\($0)»" } ?? ""
            let agreesEN = agrees.map { "; they agree up to «…\($0)»" } ?? ""
            return ("\(what.uk): \(field.uk) «\(text)» — у рядках \(lines) файлу \(source) цього немає\(agreesUK). Виправте текст, щоб він був як у документі, виправте `lines:` або опишіть виправлення (printed, published, why)",
                    "\(what.en): \(field.en) «\(text)» is not in the cited lines \(lines) of \(source)\(agreesEN). Fix the text to read as printed, fix `lines:`, or declare a correction (printed, published, why)")
        case .correctionsWithoutLines(let what, let key):
            return ("\(what.uk): описано виправлення, але немає посилання на рядки джерела: додайте `\(key): 120-131`",
                    "\(what.en) declares corrections but cites no source lines: add `\(key): 120-131`")
        case .notLineNumbers(let what, let key, let found, let kind):
            let shown = found ?? kind.text(l)
            return ("\(what.uk): '\(key)' має бути номерами рядків, як-от 120-131, 120 або [120-125, 128-131], а знайдено '\(shown)'",
                    "\(what.en): '\(key)' must be line numbers like 120-131, 120, or [120-125, 128-131], found '\(shown)'")
        case .lineRangesBackwards(let what, let key, let start, let end):
            return ("\(what.uk): проміжки рядків у '\(key)' мають іти за порядком і не перекриватися (\(start) після \(end))",
                    "\(what.en): line ranges in '\(key)' must go forward without overlapping (\(start) after \(end))")
        case .correctionPrintedEmpty(let what):
            return ("\(Phrase.correction(of: what).uk): поле 'printed' порожнє — наведіть текст так, як його надруковано в документі",
                    "\(Phrase.correction(of: what).en): 'printed' is empty; give the text as the document prints it")

        case .templateUnsupportedForm(let detail):
            return ("шаблон уживає форму, якої PlanPress не відтворює: \(detail)", "template uses a form PlanPress does not render: \(detail)")
        case .templateSyntax(let detail):
            return ("помилка в шаблоні: \(detail.uk); перевірте теги {{…}} у цьому рядку", "template syntax: \(detail.en); check the {{tags}} on this line")
        case .templateUnreadable(let detail):
            return ("шаблон не читається: \(detail)", "template cannot be read: \(detail)")
        case .templateUnknownName(let name, let template, let s):
            return ("шаблон '\(template).mustache' друкує '{{\(name)}}', але сторінка такого поля не має: на сторінці було б порожньо\(hint(s))",
                    "template '\(template).mustache' prints '{{\(name)}}', but the page has no such field: it would print nothing\(hint(s))")
        case .templateMissing(let name):
            return ("шаблону '\(name).mustache' немає: він потрібен PlanPress для сторінок цього виду",
                    "template '\(name).mustache' is missing: PlanPress needs it to render that kind of page")
        case .templatePartialMissing(let name, let parent):
            let tag = parent ? "{{<\(name)}}" : "{{>\(name)}}"
            return ("шаблон вставляє \(tag), але файлу \(name).mustache у папці шаблонів немає: на сторінці було б порожньо; створіть його або виправте назву",
                    "the template includes \(tag), but there is no \(name).mustache in the templates folder: it would print nothing; create it or fix the name")
        case .localeStringMissing(let key, let language):
            return ("рядка інтерфейсу '\(key)' немає у файлі мови \(language)", "interface string '\(key)' is missing from the \(language) locale")
        case .ukrainianLocaleMissing:
            return ("немає файлу locales/uk.yaml: українські рядки інтерфейсу обов’язкові",
                    "locales/uk.yaml is missing: the Ukrainian interface strings are required")
        case .searchSynonymLine(let text):
            return ("рядок «\(text)» не є групою синонімів: напишіть у рядку щонайменше два формулювання через «|», наприклад «ВПО | внутрішньо переміщені особи»",
                    "line «\(text)» is not a synonym group: write at least two wordings separated by «|», e.g. «ВПО | внутрішньо переміщені особи»")
        case .searchVocabularyLine(let text):
            return ("рядок «\(text)» не є парою «слово = відповідник»: напишіть іншомовні слова, знак «=» і українські слова з документів, наприклад «эвакуация = евакуація»",
                    "line «\(text)» is not a «word = equivalent» pair: write the foreign words, «=» and the Ukrainian words of the documents, e.g. «evacuation = евакуація»")

        case .archiveRefused(let file, let problem):
            switch problem {
            case .notZIP:
                return ("\(file): файл не читається як ZIP-архів, а документи .docx і книги .xlsx — це ZIP-архіви; можливо, файл пошкоджений або має інший формат під цим розширенням: відкрийте його у Word чи Excel і збережіть заново",
                        "\(file): the file is not a readable ZIP archive, and .docx documents and .xlsx workbooks are ZIP archives; it may be damaged or in another format under this extension: open it in Word or Excel and save it again")
            case .compoundFile(let encrypted):
                return encrypted
                    ? ("\(file): файл захищено паролем, тож його вміст зашифровано; зніміть пароль (у Word: Файл → Відомості → Захистити документ → Зашифрувати за допомогою пароля → порожнє поле) і збережіть файл заново",
                       "\(file): the file is password-protected, so its content is encrypted; remove the password (in Word: File → Info → Protect Document → Encrypt with Password → empty field) and save the file again")
                    : ("\(file): це файл старого двійкового формату Office (.doc чи .xls), а не ZIP-архів; збережіть його у Word як .docx (чи в Excel як .xlsx)",
                       "\(file): this is a file in the old binary Office format (.doc or .xls), not a ZIP archive; save it as .docx in Word (or .xlsx in Excel)")
            case .archiveTooLarge(let limit):
                return ("\(file): файл більший за \(Message.size(limit, l)), межу для документа; якщо в ньому багато фотографій, збережіть копію без них",
                        "\(file): the file is larger than \(Message.size(limit, l)), the limit for a document; if it holds many photos, save a copy without them")
            case .tooManyEntries(let limit):
                return ("\(file): в архіві понад \(limit) файлів; справжній документ має кілька десятків, тож файл пошкоджений або створений не офісною програмою",
                        "\(file): the archive holds more than \(limit) files; a real document has a few dozen, so the file is damaged or was not made by an office program")
            case .entryTooLarge(let entry, let limit):
                return ("\(file): частина \(entry) після розпакування більша за \(Message.size(limit, l)); читання зупинено, щоб не вичерпати пам’ять (так поводиться «zip-бомба» або пошкоджений файл)",
                        "\(file): part \(entry) unpacks to more than \(Message.size(limit, l)); reading stopped before it could exhaust memory (a zip bomb or a damaged file does this)")
            case .totalTooLarge(let limit):
                return ("\(file): частини архіву разом розпаковуються в понад \(Message.size(limit, l)); читання зупинено, щоб не вичерпати пам’ять",
                        "\(file): the archive's parts unpack to more than \(Message.size(limit, l)) together; reading stopped before it could exhaust memory")
            case .ratioTooHigh(let entry, let limit):
                return ("\(file): частина \(entry) стиснута понад у \(limit) разів, як у «zip-бомбі», а не в документі; читання зупинено. Збережіть документ заново у Word чи Excel",
                        "\(file): part \(entry) is compressed more than \(limit) times, as in a zip bomb, not a document; reading stopped. Save the document again in Word or Excel")
            case .entryDamaged(let entry):
                return ("\(file): частина \(entry) не розпаковується (файл пошкоджений або зашифрований); відкрийте його у Word чи Excel і збережіть заново",
                        "\(file): part \(entry) cannot be unpacked (the file is damaged or encrypted); open it in Word or Excel and save it again")
            case .entryMissing(let entry):
                return ("\(file): в архіві немає частини \(entry), тож це не документ потрібного виду; збережіть його у Word як .docx (чи в Excel як .xlsx)",
                        "\(file): the archive has no part \(entry), so it is not a document of the expected kind; save it as .docx in Word (or .xlsx in Excel)")
            case .xmlTooLarge(let entry, let limit):
                return ("\(file): частина \(entry) більша за \(Message.size(limit, l)), межу для однієї частини документа",
                        "\(file): part \(entry) is larger than \(Message.size(limit, l)), the limit for one part of a document")
            case .xmlTooDeep(let entry, let line, let limit):
                return ("\(file): у частині \(entry), рядок \(line), елементи вкладено глибше за \(limit) рівнів; справжній документ такого не має, тож файл пошкоджений або зібраний навмисно",
                        "\(file): in part \(entry), line \(line), elements are nested deeper than \(limit) levels; a real document never is, so the file is damaged or crafted")
            case .xmlDoctype(let entry, let line):
                return ("\(file): частина \(entry), рядок \(line), містить оголошення DOCTYPE, якого в документах Office не буває; файл не прочитано",
                        "\(file): part \(entry), line \(line), holds a DOCTYPE declaration, which Office documents never have; the file was not read")
            case .xmlMalformed(let entry, let line, let column):
                return ("\(file): частина \(entry) — пошкоджений XML (рядок \(line), позиція \(column)); відкрийте файл у Word чи Excel і збережіть заново",
                        "\(file): part \(entry) is malformed XML (line \(line), column \(column)); open the file in Word or Excel and save it again")
            }

        case .cellLocation(let sheet, let row, let column, let header):
            let headerText = header.map { " («\($0)»)" } ?? ""
            return (column.map { "\(sheet), рядок \(row), стовпець \($0)\(headerText)" } ?? "\(sheet), рядок \(row)",
                    column.map { "\(sheet), row \(row), column \($0)\(headerText)" } ?? "\(sheet), row \(row)")
        case .importFileUnreadable(let reason):
            return ("не вдається прочитати файл (\(reason))", "cannot read the file (\(reason))")
        case .workbookNotZIP:
            return ("це не книга XLSX (файл не читається як ZIP-архів): збережіть таблицю у форматі .xlsx",
                    "not an XLSX workbook (the file is not a readable ZIP archive)")
        case .workbookWithoutIndex:
            return ("це не книга XLSX (усередині немає `xl/workbook.xml`): збережіть таблицю у форматі .xlsx",
                    "not an XLSX workbook (no xl/workbook.xml inside)")
        case .workbookSheetMissing(let name):
            return ("у книзі бракує аркуша «\(name)»", "sheet «\(name)» is missing from the workbook")
        case .importTemplateSheetsMissing(let about, let measures, let found):
            let foundText = found.map { "«\($0)»" }.joined(separator: ", ")
            return ("у книзі немає аркушів «\(about)» і «\(measures)» (є \(foundText)); почніть із шаблону моніторингу плану (`/data/<план>-monitoring-template.xlsx`)",
                    "the workbook has no sheets «\(about)» and «\(measures)» (found \(foundText)); start from the monitoring template of the plan (/data/<plan>-monitoring-template.xlsx)")
        case .importPlanMissing(let sheet):
            return ("не вказано ідентифікатор плану: у шаблоні його пишуть на аркуші «\(sheet)» у рядку «plan»",
                    "the plan id is missing: the template's sheet «\(sheet)» names it in row «plan»")
        case .importColumnMissing(let header):
            return ("у рядку заголовків немає стовпця «\(header)»; почніть із шаблону моніторингу плану",
                    "column «\(header)» is missing from the header row; start from the plan's monitoring template")
        case .importEvidenceCount(let titles, let links):
            return ("\(Message.pluralUK(titles, "назва підтвердження", "назви підтверджень", "назв підтверджень")), але \(Message.pluralUK(links, "посилання", "посилання", "посилань")): дайте кожній назві посилання в тому самому рядку",
                    "\(titles) evidence title(s) but \(links) link(s): give each title its link on the same line")
        case .importBreakdownWithoutWhole:
            return ("рядку з розбивкою потрібен рядок із тим самим показником і датою, але без розбивки: усе значення, яке вона ділить",
                    "a breakdown row needs a row with the same indicator and date and no breakdown: the whole value it divides")
        case .importReportExists(let path):
            return ("\(path) уже є, і його не перезаписано; дайте інше ім’я через --id або спершу приберіть старий звіт",
                    "\(path) already exists and is not overwritten; choose another name with --id or remove the old report first")
        case .importCannotWrite(let path):
            return ("не вдається записати \(path)", "cannot write \(path)")
        case .importNothingWritten(let errors, let warnings):
            return ("planpress: \(Message.pluralUK(errors, "помилка", "помилки", "помилок")), \(Message.warningsUK(warnings)); звіт не записано",
                    "planpress: \(errors) error(s), \(warnings) warning(s); no report was written")
        case .importCreated(let path, let warnings):
            return ("створено \(path) (\(Message.warningsUK(warnings))); зберіть сайт, щоб його побачити",
                    "created \(path) (\(warnings) warning(s)); build the site to see it")

        case .wordImportPDF(let file):
            return ("\(file): це PDF, а таблицю в PDF не можна прочитати надійно (клітинки, об’єднання і розриви сторінок у ньому не збережено); експортуйте план із Word-оригіналу: збережіть документ як .docx і імпортуйте його",
                    "\(file): this is a PDF, and a table in a PDF cannot be read reliably (cells, merges and page breaks are not kept in it); export the plan from the Word original: save the document as .docx and import that")
        case .wordImportFormat(let file, let ext):
            return ("\(file): формат «\(ext)» не підтримано; збережіть документ як .docx (підходять також .doc, .odt і .rtf, якщо встановлено LibreOffice)",
                    "\(file): format «\(ext)» is not supported; save the document as .docx (.doc, .odt and .rtf work too when LibreOffice is installed)")
        case .wordImportNeedsLibreOffice(let file):
            return ("\(file): щоб прочитати цей формат, потрібен LibreOffice (`sudo apt-get install libreoffice-writer-nogui`); або відкрийте документ у Word і збережіть як .docx",
                    "\(file): reading this format needs LibreOffice (`sudo apt-get install libreoffice-writer-nogui`); or open the document in Word and save it as .docx")
        case .wordImportConversionFailed(let file, let detail):
            return ("\(file): LibreOffice не зміг перетворити документ на .docx (\(detail)); відкрийте його у Word чи LibreOffice і збережіть як .docx",
                    "\(file): LibreOffice could not convert the document to .docx (\(detail)); open it in Word or LibreOffice and save it as .docx")
        case .wordImportUnreadable(let file, let reason):
            return ("\(file): не вдається прочитати файл (\(reason))", "\(file): cannot read the file (\(reason))")
        case .wordImportNoTable(let file):
            return ("\(file): у документі немає таблиці, а план імпортується з таблиці заходів; перевірте, що це той документ, і що заходи в ньому — таблиця Word, а не текст із табуляціями чи малюнок",
                    "\(file): the document has no table, and a plan is imported from its table of measures; check that this is the right document and that its measures are a Word table, not text with tabs or a picture")
        case .wordImportTableMissing(let file, let asked, let count):
            return ("\(file): таблиці \(asked) немає: у документі \(Message.pluralUK(count, "таблиця", "таблиці", "таблиць")); вкажіть --table від 1 до \(count)",
                    "\(file): there is no table \(asked): the document has \(count) table(s); give --table from 1 to \(count)")
        case .wordImportColumns(let file, let table, let row, let headings):
            let found = headings.isEmpty ? (l == .uk ? "заголовків немає" : "no headings") : headings.map { "«\($0)»" }.joined(separator: ", ")
            return ("\(file): таблиця \(table), рядок \(row): не вдалося розпізнати стовпці (немає стовпця з назвою заходу чи завдання); заголовки: \(found). Назвіть стовпці зліва направо через --columns, наприклад --columns number,text,responsible,term,indicators",
                    "\(file): table \(table), row \(row): the columns were not recognised (no column with the measure's or task's name); headings: \(found). Name the columns from the left with --columns, e.g. --columns number,text,responsible,term,indicators")
        case .wordImportColumnsOption(let value):
            return ("--columns «\(value)»: назвіть кожен стовпець одним зі слів number, task, text, responsible, term, indicators, results, source, amount або «-» (пропустити), через кому; серед них має бути text або task",
                    "--columns «\(value)»: name each column with one of number, task, text, responsible, term, indicators, results, source, amount or «-» (skip), separated by commas; text or task must be among them")
        case .wordImportNoRows(let file, let table):
            return ("\(file): у таблиці \(table) немає жодного рядка із заходом під заголовком; перевірте, чи це таблиця плану (інша таблиця: --table N)",
                    "\(file): table \(table) has no row with a measure under its heading; check that it is the plan's table (another table: --table N)")
        case .wordImportInvalidID(let id):
            return ("ідентифікатор плану «\(id)» не годиться для адреси сторінки: \(IDRules.explanation(l)), наприклад --id luhansk-wps-2026-2030",
                    "plan id «\(id)» cannot be used in a page address: \(IDRules.explanation(l)), e.g. --id luhansk-wps-2026-2030")
        case .wordImportExists(let path):
            return ("\(path) уже є, і імпорт нічого не перезаписує; виберіть інший --id або спершу приберіть старі файли",
                    "\(path) already exists and an import overwrites nothing; choose another --id or remove the old files first")
        case .wordImportCannotWrite(let path, let reason):
            return ("не вдається записати \(path) (\(reason)); нічого не записано", "cannot write \(path) (\(reason)); nothing was written")
        case .wordImportDraftFails(let errors):
            return ("чернетка плану не пройшла перевірку (\(Message.pluralUK(errors, "помилка", "помилки", "помилок")) вище), тому нічого не записано; повідомте про це розробникам і додайте документ",
                    "the draft plan did not pass the check (\(errors) error(s) above), so nothing was written; please report this with the document")
        case .wordImportTableChosen(let table, let count, let rows):
            return ("у документі \(Message.pluralUK(count, "таблиця", "таблиці", "таблиць")); прочитано таблицю \(table) (найбільшу таблицю плану, \(Message.pluralUK(rows, "рядок", "рядки", "рядків"))); іншу можна вибрати через --table N",
                    "the document has \(count) tables; table \(table) was read (the largest plan table, \(rows) rows); choose another with --table N")
        case .wordImportCreated(let files, let review, let reviewFile):
            return ("створено: \(files.joined(separator: ", ")). Чернетка проходить перевірку; перегляньте \(Message.pluralUK(review, "пункт", "пункти", "пунктів")) у \(reviewFile), тоді запустіть planpress serve --drafts",
                    "created: \(files.joined(separator: ", ")). The draft passes the check; review \(review) item(s) in \(reviewFile), then run planpress serve --drafts")
        case .wordImportNothingWritten:
            return ("planpress: план не імпортовано, нічого не записано", "planpress: the plan was not imported; nothing was written")
        case .reviewCheck:
            return ("перевірте", "review")
        case .reviewFileIntro(let title, let file, let count):
            return ("Що перевірити після імпорту плану «\(title)» з \(file): \(Message.pluralUK(count, "пункт", "пункти", "пунктів")). Кожен пункт називає рядок джерельного тексту. Цей файл не публікується.",
                    "What to review after importing «\(title)» from \(file): \(count) item(s). Each names the line of the source text. This file is not published.")
        case .reviewSection(let kind):
            switch kind {
            case .bodies: return ("Відповідальні, яких немає в реєстрі", "Responsible bodies not in the registry")
            case .terms: return ("Строки, не прочитані як дати", "Terms not read as dates")
            case .rows: return ("Рядки, які не вдалося розмістити", "Rows that could not be placed")
            case .money: return ("Гроші", "Money")
            case .changes: return ("Виправлення в режимі рецензування", "Tracked changes")
            case .letters: return ("Латинські літери в кириличних словах", "Latin letters inside Cyrillic words")
            case .structure: return ("Рівні й номери", "Levels and numbers")
            case .document: return ("Документ", "The document")
            }
        case .reviewNewBody(let name, let id, let kind, let suggestions):
            let list = suggestions.map { "`\($0.first ?? "")` («\($0.dropFirst().first ?? "")»)" }.joined(separator: ", ")
            return ("«\(name)» немає в реєстрі відповідальних: додано як новий орган `\(id)` (вид \(kind) — лише пропозиція)" + (list.isEmpty ? "" : "; можливо, це \(list)") + ". Якщо це вже відомий орган: planpress import decide --body \(id) --is <ідентифікатор>",
                    "«\(name)» is not in the registry of responsible bodies: added as a new body `\(id)` (kind \(kind), a proposal only)" + (list.isEmpty ? "" : "; it may be \(list)") + ". If it is a known body: planpress import decide --body \(id) --is <id>")
        case .reviewUnplacedRow(let table, let row, let text):
            return ("рядок \(row) таблиці \(table) («\(text)») не вдалося віднести ні до цілі, ні до заходу, тож його не перенесено; перенесіть його вручну, якщо це зміст плану",
                    "row \(row) of table \(table) («\(text)») could not be placed under a goal or a measure, so it was not carried over; carry it over by hand if it is part of the plan")
        case .reviewGoalNumberAssigned(let number, let title):
            return ("ціль «\(title)» надруковано без номера: їй дано номер \(number)", "goal «\(title)» is printed without a number: it was given number \(number)")
        case .reviewMeasureNumberAssigned(let number):
            return ("захід надруковано без номера: сайт показує присвоєний номер [\(number)]", "the measure is printed without a number: the site shows the assigned number [\(number)]")
        case .reviewNumberTwice(let number, let written):
            return ("номер \(number) надруковано двічі; другий записано як \(written), щоб адреси сторінок не збігалися",
                    "number \(number) is printed twice; the second was written as \(written) so that page addresses differ")
        case .reviewTermRecurring(let printed):
            return ("строк «\(printed)» не дата: записано як повторюваний протягом усього періоду плану ({printed: …, recurring: true})",
                    "term «\(printed)» is not a date: written as recurring over the whole plan period ({printed: …, recurring: true})")
        case .reviewTermUnread(let printed, let from, let to):
            return ("строк «\(printed)» не прочитано як дату: поки що записано як увесь період плану, \(from)–\(to) ({printed: …, from: \(from), to: \(to)}); виправте роки, якщо документ каже інше",
                    "term «\(printed)» was not read as a date: for now written as the whole plan period, \(from)–\(to) ({printed: …, from: \(from), to: \(to)}); correct the years if the document says otherwise")
        case .reviewFundingWithoutAmounts(let printed):
            return ("джерело фінансування «\(printed)» без жодної суми: фінансування не записано", "funding source «\(printed)» without any amount: no funding was written")
        case .reviewAmountsWithoutSource:
            return ("суми без джерела фінансування: не записано", "amounts without a funding source: not written")
        case .reviewAmountsMoreThanSources(let sources, let amounts):
            return ("у клітинці \(Message.pluralUK(sources, "джерело", "джерела", "джерел")), а сум у році \(amounts): зайві суми віднесено до останнього джерела; перевірте",
                    "the cell names \(sources) source(s) but a year has \(amounts) amounts: the extra amounts went to the last source; check them")
        case .reviewAmountUnread(let printed, let year):
            return ("сума «\(printed)» за \(year) рік не число: не записано", "amount «\(printed)» for \(year) is not a number: not written")
        case .reviewAmountsWithoutUnit:
            return ("заголовок стовпця сум не називає одиниці (тис. грн, грн): записано «не зазначено»; впишіть одиницю з документа",
                    "the heading of the amounts does not name a unit (тис. грн, грн): written as «не зазначено»; fill in the unit from the document")
        case .reviewSources(let id, let spellings):
            return ("джерела фінансування \(spellings.map { "«\($0)»" }.joined(separator: ", ")) віднесено до одного джерела `\(id)`; розділіть їх, якщо це різні джерела",
                    "funding sources \(spellings.map { "«\($0)»" }.joined(separator: ", ")) were counted as one source `\(id)`; separate them if they differ")
        case .reviewLevels(let names):
            return ("рівні плану названо: \(names.map { "«\($0)»" }.joined(separator: " → ")); перевірте назви, множину й форми для лічби в levels",
                    "the plan's levels were named \(names.map { "«\($0)»" }.joined(separator: " → ")); check the names, plurals and count forms in levels")
        case .reviewPeriod(let from, let to, let fromTitle):
            return fromTitle ? ("період плану \(from)–\(to) взято з назви", "the plan period \(from)–\(to) was taken from the title")
                : ("назва не називає років плану: період \(from)–\(to) взято з років у таблиці; виправте, якщо документ каже інше",
                   "the title names no years: the period \(from)–\(to) was taken from the years in the table; correct it if the document says otherwise")
        case .reviewStatus(let status, let label):
            switch (status, label) {
            case ("approved", let label?): return ("гриф «\(label)» із заповненою датою чи номером: статус approved", "stamp «\(label)» with a date or number filled in: status approved")
            case (_, let label?): return ("гриф «\(label)», дата і номер якого — порожні місця: статус draft (проєкт)", "stamp «\(label)» whose date and number are blanks: status draft")
            default: return ("над таблицею немає грифа затвердження: статус not-stated", "there is no approval stamp above the table: status not-stated")
            }
        case .reviewChangeInserted(let text):
            return ("документ містить вставку в режимі рецензування «\(text)»: її залишено в тексті", "the document holds a tracked insertion «\(text)»: it was kept in the text")
        case .reviewChangeDeleted(let text):
            return ("документ містить видалення в режимі рецензування «\(text)»: цей текст вилучено", "the document holds a tracked deletion «\(text)»: that text was left out")
        case .reviewRowInserted(let text):
            return ("рядок таблиці вставлено в режимі рецензування («\(text)»): його залишено", "a table row was inserted as a tracked change («\(text)»): it was kept")
        case .reviewRowDeleted(let text):
            return ("рядок таблиці видалено в режимі рецензування («\(text)»): його вилучено", "a table row was deleted as a tracked change («\(text)»): it was left out")
        case .reviewLookAlike(let word, let letters):
            return ("у слові «\(word)» латинські літери \(letters) серед кириличних: так надруковано, нічого не змінено; якщо це помилка, виправте її через corrections",
                    "the word «\(word)» has the Latin letters \(letters) among Cyrillic ones: kept as printed; if it is a typo, correct it with corrections")
        case .reviewComments(let count):
            return ("документ містить \(Message.pluralUK(count, "примітку", "примітки", "приміток")) рецензента: вони не є текстом плану й не перенесені",
                    "the document holds \(count) reviewer comment(s): they are not plan text and were not carried over")
        case .reviewNoteMarks(let count):
            return ("\(Message.pluralUK(count, "знак", "знаки", "знаків")) виноски вилучено з тексту (виноски не перенесено)", "\(count) footnote mark(s) were left out of the text (footnotes are not carried over)")
        case .reviewHiddenText(let count):
            return ("\(Message.pluralUK(count, "фрагмент", "фрагменти", "фрагментів")) прихованого тексту не друкується, тож не перенесено", "\(count) piece(s) of hidden text do not print and were not carried over")
        case .reviewDecidedSame(let executor):
            return ("вирішено: це `\(executor)`", "decided: this is `\(executor)`")
        case .reviewDecidedNew:
            return ("вирішено: новий орган", "decided: a new body")
        case .decidePlanMissing(let plan):
            return ("плану «\(plan)» немає (Content/plans/\(plan)/plan.yaml)", "there is no plan «\(plan)» (Content/plans/\(plan)/plan.yaml)")
        case .decideBodyMissing(let plan, let body, let bodies):
            return ("у реєстрі плану «\(plan)» (Content/executors/\(plan).yaml) немає нового органу «\(body)»" + (bodies.isEmpty ? "" : "; є: \(bodies.joined(separator: ", "))"),
                    "the plan's registry (Content/executors/\(plan).yaml) has no new body «\(body)»" + (bodies.isEmpty ? "" : "; it has: \(bodies.joined(separator: ", "))"))
        case .decideExecutorMissing(let executor, let suggestions):
            return ("у реєстрі немає органу «\(executor)»\(hint(suggestions))", "the registry has no body «\(executor)»\(hint(suggestions))")
        case .decideDone(let body, let executor, let measures):
            return ("`\(body)` замінено на `\(executor)` у \(Message.pluralUK(measures, "заході", "заходах", "заходах")); новий запис вилучено з реєстру плану",
                    "`\(body)` was replaced by `\(executor)` in \(measures) measure(s); the new entry was removed from the plan's registry")
        case .decideKept(let body):
            return ("`\(body)` залишено новим органом; позначено в REVIEW.md", "`\(body)` stays a new body; marked in REVIEW.md")
        case .editorPlanImportNoFile:
            return ("виберіть документ Word із таблицею плану (.docx, .doc, .odt або .rtf)", "choose a Word document with the plan's table (.docx, .doc, .odt or .rtf)")
        case .editorPlanImportOutside(let path):
            return ("\(path) опинився б поза папкою Content (папка на шляху — посилання назовні); план не записано",
                    "\(path) would land outside the Content folder (a folder on the way links out of it); the plan was not written")
        case .editorPlanImportExpired:
            return ("редактор уже не має цього документа (його перезапущено або завантажено багато файлів): виберіть файл ще раз",
                    "the editor no longer holds this document (it was restarted, or many files were uploaded since): choose the file again")
        case .importVoiceUnknown(let found, let allowed):
            return ("голос '\(found)' невідомий; можливі: \(list(allowed))", "voice '\(found)' is unknown; use one of: \(list(allowed))")
        case .importPublishedInvalid(let found):
            return ("дата оприлюднення '\(found)' — не дата; пишіть РРРР-ММ-ДД, наприклад 2026-07-15",
                    "publication date '\(found)' is not a date; write YYYY-MM-DD, e.g. 2026-07-15")
        case .importInvalidID(let id):
            return ("ім’я звіту '\(id)' не годиться: лише малі латинські літери, цифри й дефіси (до 100 знаків), як-от coalition-2026-h1; звіт записують лише в Content/reports/",
                    "report name '\(id)' is not usable: only lowercase Latin letters, digits and hyphens (up to 100), like coalition-2026-h1; a report is written only into Content/reports/")
        case .importFieldMissing(let field, let option):
            return ("не вказано «\(field)»: впишіть у шаблоні або дайте \(option)", "«\(field)» is not given: fill it in the template or give \(option)")
        case .importFieldConflict(let field, let sheet, let option, let given):
            return ("«\(field)» у шаблоні — «\(sheet)», а \(option) — «\(given)»: залиште одне або зробіть їх однаковими",
                    "«\(field)» is «\(sheet)» in the template but \(option) says «\(given)»: keep one or make them agree")
        case .importNotANumber(let found):
            return ("«\(found)» — не число; впишіть число, як-от 12, 3,5 або 1 234,5", "«\(found)» is not a number; write a number such as 12, 3,5 or 1 234,5")
        case .importNotADate(let found):
            return ("«\(found)» — не дата; впишіть дату як 2026-06-30 чи 30.06.2026 або виберіть дату в таблиці",
                    "«\(found)» is not a date; write it as 2026-06-30 or 30.06.2026, or pick a date in the spreadsheet")
        case .importUnknownStatus(let found, let allowed):
            let quoted = allowed.map { "«\($0)»" }.joined(separator: ", ")
            return ("статусу «\(found)» немає в переліку; виберіть зі списку: \(quoted)", "status «\(found)» is not in the list; pick one of: \(quoted)")
        case .importUnknownDimension(let found, let allowed):
            let quoted = allowed.map { "«\($0)»" }.joined(separator: ", ")
            return ("розрізу «\(found)» немає в переліку; виберіть зі списку: \(quoted)", "breakdown «\(found)» is not in the list; pick one of: \(quoted)")
        case .importURLScheme(let url):
            return ("посилання «\(url)» має починатися з https:// або http://", "link «\(url)» must start with https:// or http://")
        case .importControlCharacter(let code):
            return ("у тексті є керівний символ \(code) (невидимий, його не можна опублікувати): видаліть його з клітинки",
                    "the text holds control character \(code) (invisible, it cannot be published): remove it from the cell")
        case .importMergedCells(let range):
            return ("клітинки \(range) об’єднано, тож заповнено лише першу з них, а решта рядків загубилася б: роз’єднайте їх і заповніть кожен рядок",
                    "cells \(range) are merged, so only the first holds a value and the other rows would be lost: unmerge them and fill in each row")
        case .importFormulaWithoutValue(let formula):
            return ("у клітинці формула «\(formula)» без обчисленого значення: відкрийте файл у LibreOffice чи Excel і збережіть його знову або впишіть саме значення",
                    "the cell holds formula «\(formula)» without a computed value: open the file in LibreOffice or Excel and save it again, or type the value itself")
        case .importMeasureInBothSheets(let measure, let measures, let replies):
            return ("захід \(measure) заповнено і на аркуші «\(measures)», і на «\(replies)»: у звіті один запис на захід; дайте власну оцінку в стовпці «Власна оцінка» аркуша «\(replies)»",
                    "measure \(measure) is filled in on both «\(measures)» and «\(replies)»: a report has one entry per measure; give your own status in the «Власна оцінка» column of «\(replies)»")
        case .importSiteWouldFail(let errors):
            return ("з цим звітом сайт не пройшов би перевірку (\(Message.pluralUK(errors, "помилка", "помилки", "помилок"))): нічого не записано",
                    "with this report the site would fail `check` (\(errors) error(s)): nothing was written")
        case .importCreateFailed(let path, let reason):
            return ("не вдається створити \(path) (\(reason)); нічого не записано", "cannot create \(path) (\(reason)); nothing was written")
        case .workbookPartTooLarge(let part, let limit):
            return ("\(part.uk) після розпакування більший за \(limit) МБ — це не заповнений шаблон (або його пошкоджено); нічого не прочитано далі",
                    "\(part.en) unpacks to more than \(limit) MB: this is not a filled template (or it is damaged); nothing further was read")
        case .workbookPartRatio(let part, let limit):
            return ("\(part.uk) стиснуто понад у \(limit) разів, як у «zip-бомбі», а не в таблиці; читання зупинено. Збережіть таблицю заново",
                    "\(part.en) is compressed more than \(limit) times, as in a zip bomb, not a spreadsheet; reading stopped. Save the spreadsheet again")
        case .workbookPartDamaged(let part):
            return ("\(part.uk) пошкоджено (архів не розпаковується): збережіть таблицю заново у форматі .xlsx",
                    "\(part.en) is damaged (the archive does not unpack): save the spreadsheet again as .xlsx")
        case .workbookXMLMalformed(let part, let line, let detail):
            return ("\(part.uk) не читається як XML (рядок \(line): \(detail.uk)): збережіть таблицю заново у форматі .xlsx",
                    "\(part.en) is not readable XML (line \(line): \(detail.en)): save the spreadsheet again as .xlsx")
        case .workbookXMLTooDeep(let part, let limit):
            return ("\(part.uk) має понад \(limit) вкладених рівнів — у таблиці такого не буває; збережіть таблицю заново",
                    "\(part.en) nests more than \(limit) levels deep, which no spreadsheet does; save the spreadsheet again")
        case .sheetTooManyRows(let sheet, let limit):
            return ("аркуш «\(sheet)» має понад \(limit) рядків; шаблон плану стільки не має — приберіть зайві рядки",
                    "sheet «\(sheet)» has more than \(limit) rows; no plan's template has so many — remove the extra rows")
        case .sheetTooManyColumns(let sheet, let reference, let limit):
            return ("аркуш «\(sheet)»: клітинка \(reference) лежить далі за стовпець \(limit); шаблон стільки стовпців не має — приберіть зайве",
                    "sheet «\(sheet)»: cell \(reference) lies beyond column \(limit); the template has no such columns — remove them")
        case .sheetBadReference(let sheet, let reference):
            return ("аркуш «\(sheet)»: адреса клітинки «\(reference)» неможлива (рядків у таблиці щонайбільше 1 048 576, стовпців — до XFD): файл пошкоджено, збережіть таблицю заново",
                    "sheet «\(sheet)»: cell reference «\(reference)» is impossible (at most 1,048,576 rows and columns up to XFD): the file is damaged, save the spreadsheet again")
        case .sheetCellTooLong(let sheet, let reference, let limit):
            return ("аркуш «\(sheet)», клітинка \(reference): текст довший за \(limit) знаків (більше клітинка таблиці не вміщує)",
                    "sheet «\(sheet)», cell \(reference): the text is longer than \(limit) characters (more than a spreadsheet cell holds)")
        case .workbookTooManyStrings(let limit):
            return ("у книзі понад \(limit) різних текстів — заповнений шаблон стільки не має; збережіть таблицю заново",
                    "the workbook holds more than \(limit) distinct texts, more than a filled template has; save the spreadsheet again")

        case .outputWriteFailed(let path, let origin, let reason):
            let fromUK = origin.map { ", її створено з \($0)" } ?? ", її створює сам PlanPress (не один файл вмісту)"
            let fromEN = origin.map { ", made from \($0)" } ?? ", made by PlanPress itself (not from one content file)"
            return ("не вдалося записати сторінку \(path)\(fromUK): \(reason.uk); попередній сайт не змінено",
                    "cannot write \(path)\(fromEN): \(reason.en); the previous site is unchanged")
        case .outputCannotCreateFile(let path, let reason):
            return ("не вдається створити файл \(path) (\(reason))", "cannot create \(path): \(reason)")
        case .outputCannotWriteFile(let path, let reason):
            return ("не вдається записати файл \(path) (\(reason))", "cannot write \(path): \(reason)")
        case .outputCannotReadOld(let path, let reason):
            return ("не вдається прочитати попередній файл \(path) (\(reason))", "cannot read \(path): \(reason)")
        case .outputInjectedFailure:
            return ("штучний збій запису (перевірка)", "injected failure")
        case .outputIsLink(let path):
            return ("не пишу в \(path): це символьне посилання; вкажіть у --output папку, на яку воно веде",
                    "refusing to write into \(path): it is a symbolic link; give the folder it points to as --output")
        case .outputIsFile(let path):
            return ("не пишу в \(path): це файл, а не папка; виберіть інше --output",
                    "refusing to write into \(path): it is a file, not a folder; choose another --output")
        case .outputNotOurs(let path, let marker):
            return ("не замінюю \(path): папка не порожня і її створив не planpress (у ній немає файлу \(marker)), тож збирання видалило б її файли; виберіть для --output порожню чи нову папку або спершу перенесіть її файли",
                    "refusing to replace \(path): the folder is not empty and was not written by planpress (it has no \(marker) file), so building would delete its files; choose an empty or new folder for --output, or move its files away first")
        case .outputLeftoverNotOurs(let path):
            return ("не видаляю \(path): там planpress тримає сайт під час публікації, але в папці є файли, яких planpress не писав; перенесіть її",
                    "refusing to delete \(path): planpress keeps sites there while it publishes, but it holds files planpress did not write; move it away")
        case .outputWorkspaceNotOurs(let path):
            return ("не використовую \(path): там planpress тримає попередній сайт, але в папці є файли, яких planpress не писав; перенесіть її",
                    "refusing to use \(path): planpress keeps the previous site there, but it holds files planpress did not write; move it away")
        case .outputCannotCreateFolder(let path, let reason):
            return ("не вдається створити папку \(path) (\(reason))", "cannot create \(path): \(reason)")
        case .outputCannotCreateWorkspace(let path, let output, let reason):
            return ("не вдається створити папку \(path) (новий сайт складається поруч із \(output)): \(reason)",
                    "cannot create \(path) (the new site is built beside \(output)): \(reason)")
        case .outputCannotPublish(let output, let reason):
            return ("не вдається перенести новий сайт у \(output) (\(reason))", "cannot move the new site into \(output): \(reason)")
        case .outputCannotSwap(let output, let reason):
            return ("не вдається поставити новий сайт на місце \(output) (\(reason))", "cannot swap the new site into \(output): \(reason)")
        case .outputCannotMoveAside(let output, let reason):
            return ("не вдається відсунути \(output) (\(reason))", "cannot move \(output) aside: \(reason)")
        case .outputPathOutside(let path):
            return ("не пишу '\(path)': файл опинився б поза папкою сайту", "refusing to write '\(path)': it would leave the output folder")
        case .outputPathReserved(let path):
            return ("не пишу '\(path)': цю назву зайнято власним файлом-позначкою planpress",
                    "refusing to write '\(path)': the name is reserved for planpress's own marker file")
        case .outputPathTwice(let path):
            return ("дві сторінки мали б записатися в '\(path)': два пункти мають однакову адресу",
                    "two pages would be written to '\(path)': two items share a URL")
        case .outputBusy(let output, let pid):
            let whoUK = pid.map { "інший процес planpress (\($0))" } ?? "інший процес planpress"
            let whoEN = pid.map { "another planpress (process \($0))" } ?? "another planpress"
            return ("у \(output) зараз записує сайт \(whoUK); чекаю, доки він закінчить, щоб не змішати два сайти…",
                    "\(whoEN) is writing the site into \(output); waiting for it to finish, so that the two sites never mix…")
        case .outputCannotLock(let path, let reason):
            return ("не вдається взяти замок \(path), що не дає двом збиранням писати в одну папку (\(reason))",
                    "cannot take the lock \(path) that keeps two builds from writing into one folder: \(reason)")
        case .outputCannotRemove(let path, let reason):
            return ("не вдається видалити \(path) з нового сайту (\(reason)), тож його не опубліковано",
                    "cannot remove \(path) from the new site (\(reason)), so it was not published")
        case .outputLeftBehind(let problem, let paths):
            return ("\(problem.uk); прибрати за собою не вдалося, лишилося: \(paths.joined(separator: ", ")) — видаліть вручну",
                    "\(problem.en); cleaning up failed, left behind: \(paths.joined(separator: ", ")) — delete by hand")
        case .outputFolderProtected(let output, let folder, let contains):
            return ("не збираю сайт у \(output): \(contains ? "у ній лежить" : "це") \(folder.uk), а збирання замінює все в папці сайту; виберіть окрему папку, наприклад --output Public",
                    "refusing to build into \(output): it \(contains ? "contains" : "is") \(folder.en), and a build replaces everything in its output folder; choose a folder of its own, e.g. --output Public")
        }
    }
}
