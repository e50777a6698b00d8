import Foundation
import Testing
@testable import PlanPressKit

/// Every message of the catalogue (Sources/PlanPressKit/Diagnostics/Messages.swift)
/// in both languages: present, different, and the Ukrainian without English words.
@Suite struct MessageCatalogueTests {
    static let what = Phrase.measure("3.1")
    static let problem = ReferenceProblem.noMeasure(plan: "kreminna", number: "9", suggestions: ["1.1"])

    /// One sample of each case; `everyCaseHasASample` fails when a case is added without one.
    static let samples: [Message] = [
        .contentFolderMissing, .siteFileMissing, .fileUnreadable(reason: "Permission denied, EACCES"),
        .folderUnreadable(reason: "Too many open files, EMFILE"), .fileNotUTF8(byte: 12), .linkOutsideContent(target: "/etc/passwd"),
        .linkOutsideTemplates(target: "/etc/passwd"), .controlCharacter(code: "U+001B", markdown: false),
        .controlCharacter(code: "U+0007", markdown: true), .markdownTooLarge(kilobytes: 600, limit: 256),
        .markdownBracketBomb(images: 2000, closers: 2000, limit: 1_000_000),
        .templatesFolderMissing, .yamlAliases, .yamlBadCharacter(problem: "control characters are not allowed", character: "U+1B"),
        .yearOutOfRange(key: "from", what: what, found: 1_000_000, from: 1900, to: 2200),
        .baseURLUnusable(written: "example.org/plany", option: false, problem: .noScheme(guess: "https://example.org/plany/")),
        .baseURLUnusable(written: "https://example.org//plany/", option: true, problem: .emptySegment),
        .reservedUpdateSlug(slug: "feed.xml", reserved: ["assets", "feed.xml"]),
        .coverLinkOutsideContent(path: "updates/c.jpg", target: "/etc/shadow"),
        .approvedWithoutApproval, .draftWithoutBlankApproval, .notStatedWithApproval,
        .termSameAsRowAboveWithoutTerm(measure: "1.1"), .responsibleSameAsRowAboveWithoutBodies(measure: "1.1"),
        .unknownMergeBasis(raw: "vmerge", allowed: ["reading", "file"]),
        .printedNumberAndAssigned(what: what),
        .indicatorUnitMismatch(indicator: "1.1-1", unit: "відсотків", targetUnit: "осіб"), .invalidReplyTo(text: "official-h1"),
        .replyToUnknownReport(report: "official-h2", suggestions: ["official-h1"]), .replyToSameReport,
        .replyToOtherPlan(report: "official", answeredPlan: "town-plam", plan: "town-plan"),
        .replyToOtherMeasure(answers: "1.4", measure: "1.3"), .replyToMissingStatus(report: "official-h1", measure: "1.1", suggestions: ["1.3"]),
        .replyWithoutText(measure: "1.1"), .replyRequestWithoutStatus, .replyRequestUnknownExecutor(executor: "od", suggestions: ["oda"]),
        .replyRequestNoBody(measure: "1.1"), .replyBeforeAnswered(published: "2026-07-01", answered: "coalition-h1", answeredPublished: "2026-07-15"),
        .unknownBreakdownDimension(dimension: "gender", allowed: ["sex («стать»)", "age («вік»)"]),
        .valueDateOutsidePeriod(indicator: "1.1-1", date: "2025-12-31", period: "2026-H1"),
        .valueDateAfterPublished(indicator: "1.1-1", date: "2026-06-30", published: "2026-06-20"),
        .citationsWithoutSourceFile(plan: "kreminna"), .itemWithoutLines(what: what, plan: "kreminna"),
        .linesOutsideSource(what: what, from: 5, to: 5, source: "p.txt", lineCount: 1),
        .fieldNotInCitedLines(what: what, field: .indicatorField(2), text: "кількість рішень", lines: "5, 8", source: "p.txt", agreesUpTo: "кількість "),
        .correctionsWithoutLines(what: .statedTotals(ofGoal: "direction-1"), key: "source_lines"),
        .notLineNumbers(what: what, key: "lines", found: "п’ять", kind: .text),
        .notLineNumbers(what: what, key: "lines", found: nil, kind: .mapping), .lineRangesBackwards(what: what, key: "lines", start: 3, previousEnd: 7),
        .correctionPrintedEmpty(what: what),
        .siteBuilt(pages: 1021, files: 1400, unchanged: 3, output: "Public", seconds: "4.20"),
        .siteRebuilt(pages: 1021, rendered: 4, fullReason: nil, written: 5, removed: 0, output: "Public", seconds: "0.31"),
        .siteRebuilt(pages: 1021, rendered: 1021, fullReason: .fullRenderTemplatesChanged, written: 5, removed: 0, output: "Public", seconds: "4.31"),
        .rebuildFailed(seconds: "0.20", output: "Public"), .notPublished(problem: Phrase(data: "EIO"), output: "Public"),
        .notRepublished(problem: Phrase(data: "EIO"), output: "Public"), .watching(content: "Content", templates: "Templates"),
        .stageTime(stage: "load content", seconds: "0.120"), .stageTime(stage: "link and validate", seconds: "0.020"),
        .previewBuilt(pages: 1021, rendered: 4, seconds: "0.30"), .previewBuilt(pages: 1021, rendered: nil, seconds: "4.30"),
        .previewBuildFailed(seconds: "0.20"), .serving(url: "http://127.0.0.1:8000/plany/", folder: "/tmp/planpress-1"),
        .listeningOnNetwork(host: "0.0.0.0"), .previewFolderUnavailable(reason: "ENOSPC"), .hostNotAnAddress(host: "localhost"),
        .cannotListen(host: "127.0.0.1", port: 8000, reason: "Address already in use"), .cannotListen(host: "127.0.0.1", port: 8000, reason: nil),
        .staleLeftoversRemoved(count: 2, megabytes: 140), .fullRenderFirstBuild, .fullRenderTemplatesChanged, .fullRenderOutputReplaced,
        .fullRenderOtherWriter, .fullRenderDownloadSizeChanged, .fullRenderPlanListChanged, .fullRenderPlanAddedOrRemoved(plan: "kreminna"),
        .fullRenderPlanStructureChanged(plan: "kreminna"), .fullRenderPlanMetadataChanged(plan: "kreminna"),
        .fullRenderFileChanged(path: "site.yaml"), .serverBusy, .serverTooManyFromClient(limit: 64), .serverRequestTimeout(seconds: 10),
.serverAbsoluteTarget, .serverHostMissing,
        .updateCreated(path: "Content/updates/zasidannia.md"), .updateNextSteps,
        .updateAfterAsOf(siteFile: "Content/site.yaml", asOf: CalendarDate(year: 2026, month: 11, day: 30), date: CalendarDate(year: 2026, month: 12, day: 5)),
        .updateFileExists(path: "Content/updates/zasidannia.md"), .updateCannotCreate(path: "Content/updates/x.md", reason: "EACCES"),
        .updateCannotWrite(path: "Content/updates/x.md", reason: "ENOSPC"), .titleControlCharacter(code: "U+001B"), .titleWithoutLetters,
        .dateOptionInvalid,
        .editorTitleMissing, .editorSlugInvalid(slug: "Bad Slug"), .editorImageTooLarge(filename: "IMG_0001.HEIC", megabytes: 31, limit: 25),
        .editorNotAnImage(filename: "notes.pdf"), .editorAltWithoutImage, .editorUpdateExists(path: "Content/updates/x.md"),
        .editorReportExists(path: "Content/reports/p/2026-x.yaml"), .editorReplyExists(path: "Content/reports/p/x-reply-to-y.yaml"), .editorReportNotEditable(path: "Content/reports/p/2026-x.yaml", indicator: "1.1-1"), .editorReporterMissing, .editorReportEmpty, .editorPlanNotChosen,
        .editorPlanUnknown(plan: "nope"), .editorCannotWrite(path: "Content/updates/x.md", reason: "No space left on device"),
        .editorAlreadySaved(path: "Content/updates/x.md"), .editorPhotoMissing, .editorPhotoAltMissing,
        .editorFileChanged(path: "Content/site.yaml"), .editorAsOfLineMissing(path: "Content/site.yaml"), .editorRefusedFromNetwork,
        .editorKeyAddress(url: "http://192.168.1.5:8000/_edit/?key=0123abcd"), .editorLoopbackOnly(host: "0.0.0.0"),
        .editorRefusedOrigin(origin: "http://evil.example", own: "http://127.0.0.1:8000"), .editorRefusedReferer(own: "http://127.0.0.1:8000"),
        .editorRefusedNoOrigin, .editorRefusedNoSession, .editorRefusedToken, .editorNotAForm,
        .editorTemplatesUnusable(folder: "Templates/editor", problems: ["Templates/editor/layout.mustache"]),
        .editorAddress(url: "http://127.0.0.1:8000/_edit/", content: "Content"), .previewMethodNotAllowed(allowed: "GET, HEAD"),
        .previewHostRefused, .previewNotFound, .previewBadRequest, .previewRequestTooLarge(megabytes: 40), .previewOverlay, .previewFailurePage,
        .archiveRefused(file: "план.docx", problem: .notZIP), .archiveRefused(file: "план.docx", problem: .compoundFile(encrypted: true)),
        .archiveRefused(file: "план.doc", problem: .compoundFile(encrypted: false)), .archiveRefused(file: "план.docx", problem: .archiveTooLarge(limit: 64 << 20)),
        .archiveRefused(file: "план.docx", problem: .tooManyEntries(limit: 2000)),
        .archiveRefused(file: "план.docx", problem: .entryTooLarge(entry: "word/document.xml", limit: 64 << 20)),
        .archiveRefused(file: "план.docx", problem: .totalTooLarge(limit: 256 << 20)),
        .archiveRefused(file: "план.docx", problem: .ratioTooHigh(entry: "word/document.xml", limit: 100)),
        .archiveRefused(file: "план.docx", problem: .entryDamaged(entry: "word/document.xml")),
        .archiveRefused(file: "план.docx", problem: .entryMissing(entry: "word/document.xml")),
        .archiveRefused(file: "план.docx", problem: .xmlTooLarge(entry: "word/document.xml", limit: 100 << 10)),
        .archiveRefused(file: "план.docx", problem: .xmlTooDeep(entry: "word/document.xml", line: 2, limit: 256)),
        .archiveRefused(file: "план.docx", problem: .xmlDoctype(entry: "word/document.xml", line: 1)),
        .archiveRefused(file: "план.docx", problem: .xmlMalformed(entry: "word/document.xml", line: 2, column: 17)),
        .cellLocation(sheet: "Заходи", row: 3, column: "E", header: "Статус"), .cellLocation(sheet: "Заходи", row: 1, column: nil, header: nil),
        .importFileUnreadable(reason: "No such file"), .workbookNotZIP, .workbookWithoutIndex, .workbookSheetMissing(name: "Заходи"),
        .importTemplateSheetsMissing(about: "Звіт", measures: "Заходи", found: ["Аркуш1"]), .importPlanMissing(sheet: "Звіт"),
        .importColumnMissing(header: "Статус"), .importEvidenceCount(titles: 2, links: 1), .importBreakdownWithoutWhole,
        .importReportExists(path: "Content/reports/x.yaml"), .importCannotWrite(path: "Content/reports/x.yaml"),
        .importNothingWritten(errors: 2, warnings: 1), .importCreated(path: "Content/reports/x.yaml", warnings: 0),
        .wordImportPDF(file: "план.pdf"), .wordImportFormat(file: "план.pages", ext: "pages"), .wordImportNeedsLibreOffice(file: "план.doc"),
        .wordImportConversionFailed(file: "план.doc", detail: "exit 1"), .wordImportUnreadable(file: "план.docx", reason: "ENOENT"),
        .wordImportNoTable(file: "план.docx"), .wordImportTableMissing(file: "план.docx", asked: 3, count: 1),
        .wordImportColumns(file: "план.docx", table: 1, row: 1, headings: ["Колонка А"]), .wordImportColumns(file: "план.docx", table: 2, row: 1, headings: []),
        .wordImportColumnsOption(value: "номер,текст"), .wordImportNoRows(file: "план.docx", table: 1), .wordImportInvalidID(id: "План 2026"),
        .wordImportExists(path: "Content/plans/x"), .wordImportCannotWrite(path: "Content/plans/x/plan.yaml", reason: "ENOSPC"),
        .wordImportDraftFails(errors: 2), .wordImportTableChosen(table: 2, count: 3, rows: 45),
        .wordImportCreated(files: ["Content/plans/x/plan.yaml"], review: 5, reviewFile: "Content/plans/x/REVIEW.md"), .wordImportNothingWritten,
        .reviewCheck, .reviewFileIntro(title: "План", file: "план.docx", count: 3), .reviewSection(kind: .bodies), .reviewSection(kind: .terms),
        .reviewSection(kind: .rows), .reviewSection(kind: .money), .reviewSection(kind: .changes), .reviewSection(kind: .letters),
        .reviewSection(kind: .structure), .reviewSection(kind: .document),
        .reviewNewBody(name: "Управління культури", id: "upravlinnia-kultury", kind: "unit", suggestions: [["luhansk-oda-culture", "Управління культури, національностей, релігій та туризму"]]),
        .reviewNewBody(name: "Бюро", id: "biuro", kind: "institution", suggestions: []),
        .reviewUnplacedRow(table: 1, row: 12, text: "Примітка"), .reviewGoalNumberAssigned(number: "3", title: "Розділ"),
        .reviewMeasureNumberAssigned(number: "3.1"), .reviewNumberTwice(number: "1.2", written: "1.2-2"), .reviewTermRecurring(printed: "Щорічно"),
        .reviewTermUnread(printed: "до кінця строку дії плану", from: 2026, to: 2030), .reviewFundingWithoutAmounts(printed: "Місцевий бюджет"),
        .reviewAmountsWithoutSource, .reviewAmountsMoreThanSources(sources: 1, amounts: 2), .reviewAmountUnread(printed: "близько 5", year: 2025),
        .reviewAmountsWithoutUnit, .reviewSources(id: "local-budget", spellings: ["Міський бюджет", "Місцевий бюджет"]),
        .reviewLevels(names: ["Напрям", "Захід"]), .reviewPeriod(from: 2026, to: 2030, fromTitle: true), .reviewPeriod(from: 2025, to: 2026, fromTitle: false),
        .reviewStatus(status: "approved", label: "ЗАТВЕРДЖУЮ"), .reviewStatus(status: "draft", label: "ЗАТВЕРДЖЕНО"), .reviewStatus(status: "not-stated", label: nil),
        .reviewChangeInserted(text: "вставка"), .reviewChangeDeleted(text: "видалене"), .reviewRowInserted(text: "рядок"), .reviewRowDeleted(text: "рядок"),
        .reviewLookAlike(word: "Вiддiл", letters: "«i», «i»"), .reviewComments(count: 2), .reviewNoteMarks(count: 1), .reviewHiddenText(count: 3),
        .reviewDecidedSame(executor: "luhansk-oda-culture"), .reviewDecidedNew, .decidePlanMissing(plan: "nova-hromada"),
        .decideBodyMissing(plan: "nova-hromada", body: "novyi-orhan", bodies: ["inshyi-orhan"]), .decideExecutorMissing(executor: "luhansk-oda-cultur", suggestions: ["luhansk-oda-culture"]),
        .decideDone(body: "y", executor: "z", measures: 2), .decideKept(body: "y"),
        .importVoiceUnknown(found: "ngo", allowed: ["official", "civil-society"]), .importPublishedInvalid(found: "вчора"),
        .importInvalidID(id: "../x"), .importFieldMissing(field: "period", option: "--period"),
        .importFieldConflict(field: "period", sheet: "2026-H1", option: "--period", given: "2026-H2"), .importNotANumber(found: "багато"),
        .importNotADate(found: "вчора"), .importUnknownStatus(found: "зроблено", allowed: ["виконано"]),
        .importUnknownDimension(found: "ґендер", allowed: ["стать"]), .importURLScheme(url: "example.org"),
        .importControlCharacter(code: "U+001B"), .importMergedCells(range: "E3:E4"), .importFormulaWithoutValue(formula: "SUM(A1:A2)"),
        .importMeasureInBothSheets(measure: "1.2", measures: "Заходи", replies: "Відповіді"), .importSiteWouldFail(errors: 1),
        .importCreateFailed(path: "Content/reports/x.yaml", reason: "EACCES"),
        .workbookPartTooLarge(part: .sheet("Заходи"), limit: 64), .workbookPartRatio(part: .sheet("Заходи"), limit: 200),
        .workbookPartDamaged(part: .workbookPart("xl/sharedStrings.xml")),
        .workbookXMLMalformed(part: .sheet("Заходи"), line: 3, detail: Phrase(data: "libxml2 76")), .workbookXMLTooDeep(part: .sheet("Заходи"), limit: 32),
        .sheetTooManyRows(sheet: "Заходи", limit: 100_000), .sheetTooManyColumns(sheet: "Заходи", reference: "IW2", limit: 256),
        .sheetBadReference(sheet: "Заходи", reference: "E99999999999"), .sheetCellTooLong(sheet: "Заходи", reference: "E2", limit: 32_767),
        .workbookTooManyStrings(limit: 1_000_000),
        .editorPlanImportNoFile, .editorPlanImportExpired, .editorPlanImportOutside(path: "Content/plans/x/plan.yaml"),
        .outputWriteFailed(path: "Public/plany/kreminna/1.2/index.html", origin: "Content/plans/kreminna/plan.yaml:40:5",
                           reason: Phrase(uk: "не вдається записати файл x (No space left on device)", en: "cannot write x: No space left on device")),
        .outputWriteFailed(path: "Public/index.html", origin: nil, reason: Phrase(data: "EIO")),
        .outputCannotCreateFile(path: "Public/x", reason: "EACCES"), .outputCannotWriteFile(path: "Public/x", reason: "ENOSPC"),
        .outputCannotReadOld(path: "Public/x", reason: "EIO"), .outputInjectedFailure, .outputIsLink(path: "Public"), .outputIsFile(path: "Public"),
        .outputNotOurs(path: "Public", marker: ".planpress-output.txt"), .outputLeftoverNotOurs(path: "Public.planpress-next"),
        .outputWorkspaceNotOurs(path: "Public.planpress-next"), .outputCannotCreateFolder(path: "Public/a", reason: "EACCES"),
        .outputCannotCreateWorkspace(path: "Public.planpress-next", output: "Public", reason: "EACCES"),
        .outputCannotPublish(output: "Public", reason: "EXDEV"), .outputCannotSwap(output: "Public", reason: "EIO"),
        .outputCannotMoveAside(output: "Public", reason: "EIO"), .outputPathOutside(path: "../x"), .outputPathReserved(path: ".planpress-output.txt"),
        .outputPathTwice(path: "plany/index.html"),
        .outputFolderProtected(output: ".", folder: Phrase(uk: "папка з вмістом (Content)", en: "the content folder (Content)"), contains: true),
        .outputBusy(output: "Public", pid: 4242), .outputBusy(output: "Public", pid: nil),
        .outputCannotLock(path: "Public.planpress-lock", reason: "EROFS"), .outputCannotRemove(path: "Public.planpress-next/x", reason: "EBUSY"),
        .outputLeftBehind(problem: Phrase(data: "ENOSPC"), paths: ["Public.planpress-next"]),
        .yamlColonInValue(key: "title"), .yamlTab, .yamlCannotStartValue(character: "@"), .yamlIndentation,
        .yamlUnclosedQuote, .yamlMissingColon, .yamlSyntax(problem: "found undefined alias"), .yamlDuplicateKey(keys: ["id"]),
        .yamlNotUTF8(problem: "invalid leading UTF-8 octet"), .yamlUnreadable(detail: "stream error"),
        .notAMapping(what: what, found: .list), .missingKey(key: "text", what: what), .notText(key: "text", what: what, found: .mapping),
        .emptyValue(key: "text", what: what), .notWholeNumber(key: "from", what: what, found: "дві тисячі"), .notWholeNumber(key: "from", what: what, found: .kind(.list)),
        .notBoolean(key: "draft", what: .updateFrontMatter, found: "так"), .notADate(key: "date", what: .updateFrontMatter, found: "вчора"),
        .impossibleDate(key: "date", what: .updateFrontMatter, found: "2026-11-31", year: 2026, month: 11),
        .notAList(key: "items", what: .updateFrontMatter, found: .text), .listEntryNotText(key: "tags", what: .updateFrontMatter),
        .unknownKey(key: "tern", what: what, suggestions: ["term"]), .notANumber(key: "value", what: .indicatorEntry, found: "'багато'"),
        .unknownLanguage(found: "de"),
        .updateWithoutFrontMatter, .invalidUpdateSlug(slug: "Засідання"), .notAnItemReference(text: "захід 3"), .coverWithoutAlt,
        .coverMissing(path: "updates/images/nema.jpg"), .coverWrongType(path: "updates/images/logo.svg"),
        .updateSlugTwice(slug: "zvit", otherFile: "Content/updates/2025/zvit.md"),
        .updateNamesMissingItem(reference: "measure:kreminna/9", problem: problem),
        .scheduledUpdate(title: "Засідання ради", date: CalendarDate(year: 2026, month: 12, day: 5), asOf: CalendarDate(year: 2026, month: 11, day: 30)),
        .warningsInOtherFiles(count: 2), .nothingWritten(errors: 3, warnings: 1),
        .checkPassed(plans: 5, measures: 218, executors: 112, warnings: 2), .previewAsOf(date: CalendarDate(year: 2026, month: 11, day: 30), buildDate: true),
        .imageNotAnImage(path: "updates/images/photo.jpg"), .imageMissing(path: "updates/images/nema.jpg"), .imageTooLarge(path: "updates/images/photo.jpg", megabytes: 25, limit: 20),
        .imageTooNarrow(path: "updates/images/photo.jpg", width: 320, minimum: 480),
        .imageUnreadable(path: "updates/images/photo.jpg", detail: "VipsJpeg: premature end of file"),
        .imageLibraryMissing(path: "updates/images/photo.jpg", detail: "libvips.so.42: cannot open shared object file: No such file or directory"),
        .imageEmpty(path: "updates/images/photo.jpg"), .imageTooManyPixels(path: "updates/images/b.png", width: 60000, height: 60000, limit: 50),
        .imageFormatUnsupported(path: "updates/images/IMG_0001.HEIC", format: "HEIC"), .shareCardsNotMade(detail: "libvips.so.42: cannot open shared object file"),
        .commentaryWithoutFrontMatter, .commentaryAboutNotAReference(text: "захід 3"),
        .commentaryAboutMissingItem(reference: "measure:kreminna/9", problem: problem), .linkNotAReference(url: "measure:"),
        .linkToMissingItem(url: "measure:kreminna/9", reference: "measure:kreminna/9", problem: problem),
        .executorsFileNotAList, .invalidExecutorID(id: "ОДА"), .unknownExecutorKind(what: .executor("oda"), kind: "authorty", allowed: ["authority", "unit"]),
        .executorTwice(id: "oda", other: "Content/executors/bodies.yaml:1:3"), .executorUnknownParent(id: "dszn", parent: "od", suggestions: ["oda"]),
        .executorCycle(id: "oda"), .measureUnknownExecutor(measure: "3.1", executor: "dsz", suggestions: ["dszn"]),
        .measureExecutorTwice(measure: "3.1", executor: "oda"), .planUnknownIssuer(plan: "kreminna", issuer: "rada", suggestions: []), .statusWithoutCitedApproval(status: "approved"), .issuerWithoutCitedLine(issuer: "kreminna-city-council"),
        .planUnknownSource(plan: "kreminna", source: "kreminna.txt", suggestions: ["kreminna-2020.txt"]),
        .planSourceNotText(plan: "kreminna", source: "kreminna.en.md"),
        .sourceNotesUnknownPlan(file: "sources/kremina.md", plan: "kremina", suggestions: ["kreminna"]),
        .englishNotesWithoutUkrainian(file: "sources/kreminna.en.md", plan: "kreminna"),
        .invalidPlanID(id: "План"), .planIDDiffersFromFolder(id: "kreminna-2020", folder: "kreminna"), .planWithoutItems(id: "kreminna"),
        .unknownPlanStatus(found: "adopted", allowed: ["approved", "draft", "not-stated"]), .periodWithoutYears, .periodReversed(from: 2030, to: 2026), .invalidLevelSlug(slug: "Напрям"),
        .levelSlugTwice(slug: "goal"), .noLevels, .numberNotURLSafe(what: what, number: "../x"), .nestedTooDeep(what: .goal("1.1"), goalLevels: 1),
        .goalWithoutChildren(what: .goal("2")), .responsibleWithoutExecutors(what: what), .unreadableTerm(what: what, printed: "колись"),
        .termWithoutYears(what: what), .invalidIndicatorID(id: "Показник"), .targetValueNotNumber(raw: "багато"),
        .unknownComparator(raw: "more", allowed: ["at-least", "at-most"]), .goalTwice(goal: "direction-1", plan: "kreminna", firstLine: 7),
        .measureTwice(number: "1", plan: "kreminna", firstLine: 7), .indicatorTwice(id: "1-1", plan: "kreminna", firstLine: 9),
        .budgetYearNotYear(found: "наступний"), .invalidSourceID(id: "Бюджет"), .fundingSourceTwice(id: "local"), .statedTotalsWithoutBudget,
        .unknownFundingStatus(what: what, raw: "maybe", allowed: ["stated", "not-stated"]), .statedWithoutLines(what: what),
        .amountsNotAllowed(what: what, status: "not-stated"), .fundingWithoutBudget(what: what),
        .unknownFundingSource(what: .fundingLine(of: what), printed: "Обласний", known: ["local", "Місцевий бюджет"]),
        .amountKeyNotYear(what: what, key: "20x5"), .yearNotInBudget(what: what, year: 2031, years: [2026, 2027]),
        .amountNotText(what: what, year: 2026), .amountNotNumber(what: what, raw: "сім", year: 2026),
        .budgetMismatch(scope: .wholePlan, source: "Міський бюджет", year: 2022, stated: "92.0", rows: 5, computed: "93.0", difference: "1.0"),
        .invalidReportPeriod(text: "2026-H3"), .unknownReporterKind(kind: "ngo", allowed: ["official", "civil-society"]),
        .evidenceURLScheme(url: "example.org"), .unknownMeasureStatus(status: "done", measure: "1.1", allowed: ["completed"]),
        .reportUnknownPlan(plan: "kremina", suggestions: ["kreminna"]), .reporterUnknownExecutor(executor: "od", suggestions: ["oda"]),
        .reportsOverlap(reporter: "ОДА", plan: "kreminna", period: "2026-H1", otherFile: "Content/reports/a.yaml"),
        .reportUnknownMeasure(measure: "9", plan: "kreminna", suggestions: ["1"]), .reportMeasureTwice(measure: "1.1"),
        .reportUnknownIndicator(indicator: "9-1", plan: "kreminna", suggestions: []),
        .templateUnsupportedForm(detail: "{{>partial}}"), .templateSyntax(detail: Phrase(uk: "тег не закрито знаками }}", en: "a tag is not closed with }}")),
        .templateUnreadable(detail: "EIO"), .templateMissing(name: "home"), .templatePartialMissing(name: "partials/pagr", parent: false),
        .templatePartialMissing(name: "layuot", parent: true),
        .templateUnknownName(name: "plan_titel", template: "measure", suggestions: ["plan_title"]), .localeStringMissing(key: "nav_home", language: "en"),
        .ukrainianLocaleMissing,
        .searchSynonymLine(text: "ВПО"), .searchVocabularyLine(text: "эвакуация евакуація"),
    ]

    static func caseName(_ message: Message) -> String {
        Mirror(reflecting: message).children.first?.label ?? String(describing: message)
    }

    /// Every string inside the message's values: data (ids, paths, values as written), not words to translate.
    static func data(_ value: Any) -> [String] {
        if let text = value as? String { return [text] }
        return Mirror(reflecting: value).children.flatMap { data($0.value) }
    }

    /// YAML keys, values and format names Ukrainian messages quote as they must be typed.
    static let allowedLatin: Set<String> = [
        "YAML", "UTF", "JPEG", "PNG", "GIF", "WebP", "AVIF", "HEIC", "HEIF", "iPhone", "PlanPress", "Content", "executors", "sources", "https", "http",
        "as_of", "site", "yaml", "title", "base_url", "planpress", "new", "update", "check", "content", "templates", "date", "alt",
        "updates", "images", "photo", "jpg", "measure", "executor", "plan", "goal", "about", "kind", "parent", "issuer", "goals", "measures",
        "adopted", "draft", "period", "from", "to", "levels", "printed", "recurring", "true", "false", "comparator", "budget", "unit", "years",
        "stated", "lines", "spellings", "basis", "Word", "id", "plans", "build", "responsible", "language", "uk", "en", "mustache", "locales", "docs", "format", "md",
        "reply_to", "reports", "coalition", "approval", "approved", "not", "status", "number_assigned", "printed_number", "term", "source",
        "txt", "published", "why", "cite", "xn", "base", "url", "output", "Public", "example", "org", "plany", "_____", "Ctrl", "IP", "host", "port", "XLSX", "ZIP", "xlsx",
        "Word", "Excel", "Office", "DOCTYPE", "XML", "docx", "doc", "xls", "zip",
        "PDF", "LibreOffice", "odt", "rtf", "sudo", "apt", "get", "install", "libreoffice", "writer", "nogui", "table", "columns", "number",
        "text", "indicators", "results", "amount", "task", "serve", "drafts", "import", "decide", "body", "is", "corrections", "REVIEW",
        "stated", "within", "existing", "needed", "recurring", "wps", "luhansk",
        "narrative", "evidence", "reply_requested", "LibreOffice", "XFD", "sharedStrings", "xl",
    ]

    @Test func everyCaseHasASample() throws {
        let source = try String(contentsOf: TestSite.repository.appendingPathComponent("Sources/PlanPressKit/Diagnostics/Messages.swift"), encoding: .utf8)
        // `indirect case` too (a message that carries another: the reason of a full rebuild).
        let declared = source.split(separator: "\n").map { $0.replacingOccurrences(of: "    indirect case ", with: "    case ") }
            .filter { $0.hasPrefix("    case ") }.map { line in
                String(line.dropFirst("    case ".count).prefix { $0.isLetter || $0.isNumber })
            }
        #expect(declared.count > 100)
        #expect(Set(Self.samples.map(Self.caseName)) == Set(declared))
    }

    @Test func everyMessageHasBothTextsAndTheyDiffer() {
        for message in Self.samples {
            let uk = message.text(.uk), en = message.text(.en)
            #expect(!uk.isEmpty && !en.isEmpty, "\(Self.caseName(message))")
            #expect(uk != en, "\(Self.caseName(message)): the Ukrainian is the English")
            #expect(uk.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(Self.caseName(message)) has no Cyrillic: \(uk)")
        }
    }

    @Test func ukrainianTextsHaveNoUntranslatedEnglishWords() {
        for message in Self.samples {
            var text = message.text(.uk)
            for value in Self.data(message).sorted(by: { $0.count > $1.count }) where !value.isEmpty {
                text = text.replacingOccurrences(of: value, with: " ")
            }
            // `commands` and {printed: …} forms are typed as they are.
            for (open, close) in [("`", "`"), ("{", "}")] {
                while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                    text.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
                }
            }
            let words = text.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init).filter { $0.count > 1 }
            let english = words.filter { !Self.allowedLatin.contains($0) }
            #expect(english.isEmpty, "\(Self.caseName(message)): \(english) in «\(message.text(.uk))»")
        }
    }

    /// The old way — an English string where a message belongs — cannot come back: `DiagnosticSink`,
    /// `Diagnostic`, `WriteError` and `Phrase` take no strings (the compiler refuses them), and this
    /// scan lists any source line that writes a diagnostic from a string literal all the same.
    @Test func noDiagnosticIsWrittenFromAString() throws {
        let sources = TestSite.repository.appendingPathComponent("Sources")
        // Over the whole file, so a call split over lines (`sink.error(\n "…"`) is found too.
        let pattern = try Regex(#"\.(error|warning|note)\s*\(\s*"|Diagnostic\s*\(\s*\.\w+\s*,\s*"|WriteError\s*\(\s*(message\s*:\s*)?"|Phrase\s*\(\s*(untranslated\s*:\s*|stringLiteral\s*:\s*)?"|\.untranslated\b"#)
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("Sources/\(file):\(line): \(text[match.range])")
            }
        }
        #expect(found.isEmpty, "messages written as strings, move them into Messages.swift (docs/messages.md):\n\(found.joined(separator: "\n"))")
        // The scan itself finds the old forms.
        for old in [#"sink.error("measure \(n) is wrong", at: l)"#, "sink.warning(\n    \"x\", at: l)", #"diagnostics.append(.error("x", at: nil))"#,
                    #"throw WriteError(message: "cannot write")"#, #"return .error("cannot read", at: l)"#, #"what: Phrase("goal")"#] {
            #expect(old.contains(pattern), "\(old)")
        }
        #expect(!#"sink.error(.yamlAliases, at: l); Phrase(data: "\(error)")"#.contains(pattern))
    }

    @Test func impossibleDatesNameTheMonth() {
        let november = Message.impossibleDate(key: "date", what: .updateFrontMatter, found: "2026-11-31", year: 2026, month: 11)
        #expect(november.text(.uk).hasSuffix("дати '2026-11-31' не існує — у листопаді 30 днів"))
        #expect(november.text(.en).hasSuffix("the date '2026-11-31' does not exist — November has 30 days"))
        let february = Message.impossibleDate(key: "date", what: .updateFrontMatter, found: "2028-02-30", year: 2028, month: 2)
        #expect(february.text(.uk).hasSuffix("у лютому 2028 року 29 днів"))
        let month13 = Message.impossibleDate(key: "date", what: .updateFrontMatter, found: "2026-13-01", year: 2026, month: 13)
        #expect(month13.text(.uk).contains("місяць має бути від 01 до 12"))
        #expect(CalendarDate.impossibleYearMonth("2026-11-31")! == (2026, 11))
        #expect(CalendarDate.impossibleYearMonth("2026-11-30") == nil)
        #expect(CalendarDate.impossibleYearMonth("вчора") == nil)
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(Message.warningsInOtherFiles(count: 1).text(.uk) == "1 попередження в інших файлах, див. `planpress check`")
        #expect(Message.warningsInOtherFiles(count: 2).text(.uk).hasPrefix("2 попередження "))
        #expect(Message.warningsInOtherFiles(count: 5).text(.uk).hasPrefix("5 попереджень "))
        #expect(Message.warningsInOtherFiles(count: 12).text(.uk).hasPrefix("12 попереджень "))
        #expect(Message.warningsInOtherFiles(count: 1).text(.en) == "1 warning in other files, see `planpress check`")
        #expect(Message.warningsInOtherFiles(count: 3).text(.en) == "3 warnings in other files, see `planpress check`")
        #expect(Message.days(31) == "31 день" && Message.days(30) == "30 днів" && Message.days(28) == "28 днів")
        #expect(Message.checkPassed(plans: 5, measures: 221, executors: 112, warnings: 2).text(.uk) == "гаразд: 5 планів, 221 захід, 112 виконавців; 2 попередження")
        #expect(Message.nothingWritten(errors: 3, warnings: 0).text(.uk).hasPrefix("planpress: 3 помилки, 0 попереджень; нічого не записано"))
    }

    /// A value that is not plain text is named by its kind in the reader's language, not in English.
    @Test func aFoundListOrMappingIsNamedInTheMessageLanguage() {
        let list = Message.notWholeNumber(key: "from", what: Self.what, found: .kind(.list))
        #expect(list.text(.uk).hasSuffix("а знайдено 'список'") && list.text(.en).hasSuffix("found 'a list'"))
        let lines = Message.notLineNumbers(what: Self.what, key: "lines", found: nil, kind: .mapping)
        #expect(lines.text(.uk).hasSuffix("а знайдено 'набір полів «ключ: значення»'"))
    }

    @Test func severityAndLanguageChoice() {
        let diagnostic = Diagnostic.error(.coverWithoutAlt, at: SourceLocation(file: "a.md", line: 5, column: 3))
        #expect(diagnostic.description == "a.md:5:3: помилка: в обкладинки немає опису 'alt': опишіть світлину для людей, які її не бачать")
        #expect(diagnostic.description(.en) == "a.md:5:3: error: the cover image has no 'alt' text: describe the picture for people who cannot see it")
        #expect(MessageLanguage.resolve(option: nil, siteLanguage: nil) == .uk)
        #expect(MessageLanguage.resolve(option: nil, siteLanguage: "en") == .en)
        #expect(MessageLanguage.resolve(option: "uk", siteLanguage: "en") == .uk)
    }
}
