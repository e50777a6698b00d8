/// The catalogue of every diagnostic and terminal message PlanPress prints, each in
/// Ukrainian and English. A case names the situation; its associated values are the
/// data (ids, file names, values as written), never words to be translated.
///
/// Adding a message: add a case here with both texts, and one sample of it to
/// `Message.samples` (Messages+Samples.swift); `MessageCatalogueTests` fails until
/// both exist. A message written the old way (`sink.error("English …", at:)`) is
/// `.untranslated` and printed in English in both languages until it is moved here
/// (docs/messages.md).
public enum Message: Hashable, Sendable {
    /// A message not yet in the catalogue: the same (English) text in every language.
    case untranslated(String)

    // Files and folders
    case contentFolderMissing
    case siteFileMissing
    case fileUnreadable
    case fileNotUTF8
    case templatesFolderMissing

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

    // Keys and values of a mapping
    case notAMapping(what: Phrase, found: ValueKind)
    case missingKey(key: String, what: Phrase)
    case notText(key: String, what: Phrase, found: ValueKind)
    case emptyValue(key: String, what: Phrase)
    case notWholeNumber(key: String, what: Phrase, found: String)
    case notBoolean(key: String, what: Phrase, found: String)
    case notADate(key: String, what: Phrase, found: String)
    case impossibleDate(key: String, what: Phrase, found: String, year: Int, month: Int)
    case notAList(key: String, what: Phrase, found: ValueKind)
    case listEntryNotText(key: String, what: Phrase)
    case unknownKey(key: String, what: Phrase, suggestions: [String])
    case notANumber(key: String, what: Phrase, found: String)

    // Site settings
    case unknownLanguage(found: String)

    // Updates
    case updateWithoutFrontMatter
    case invalidUpdateSlug(slug: String)
    case notAnItemReference(text: String)
    case coverWithoutAlt
    case coverMissing(path: String)
    case coverWrongType(path: String)
    case updateSlugTwice(slug: String, otherFile: String)
    case updateNamesMissingItem(reference: String, problem: ReferenceProblem)
    case scheduledUpdate(title: String, date: CalendarDate, asOf: CalendarDate)
    case warningsInOtherFiles(count: Int)
    case previewAsOf(date: CalendarDate, buildDate: Bool)
    case nothingWritten(errors: Int, warnings: Int)
    case checkPassed(plans: Int, measures: Int, executors: Int, warnings: Int)

    // Images
    case imageNotAnImage(path: String)
    case imageMissing(path: String)
    case imageTooLarge(path: String, megabytes: Int, limit: Int)
    case imageTooNarrow(path: String, width: Int, minimum: Int)
    case imageUnreadable(path: String, detail: String)

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
    case planUnknownSource(plan: String, source: String, suggestions: [String])

    // Plans
    case invalidPlanID(id: String)
    case planIDDiffersFromFolder(id: String, folder: String)
    case planWithoutItems(id: String)
    case unknownPlanStatus(found: String)
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
    case invalidIndicatorID(id: String)
    case targetValueNotNumber(raw: String)
    case unknownComparator(raw: String, allowed: [String])
    case goalTwice(goal: String, plan: String, firstLine: Int)
    case measureTwice(number: String, plan: String, firstLine: Int)
    case indicatorTwice(id: String, plan: String, firstLine: Int)

    // Budgets
    case budgetYearNotYear(found: String)
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

    // Templates
    case templateUnsupportedForm(detail: String)
    case templateSyntax(detail: Phrase)
    case templateUnreadable(detail: String)
    case templateMissing(name: String)
    case templateUnknownName(name: String, template: String, suggestions: [String])
    case localeStringMissing(key: String, language: String)
    case ukrainianLocaleMissing
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

    /// «30 днів», «31 день», «28 днів».
    static func days(_ n: Int) -> String { pluralUK(n, "день", "дні", "днів") }

    /// «2 попередження», «5 попереджень», «1 попередження».
    static func warningsUK(_ n: Int) -> String { pluralUK(n, "попередження", "попередження", "попереджень") }

    private func texts(_ language: MessageLanguage) -> (String, String) {
        let l = language
        func list(_ items: [String]) -> String { items.joined(separator: ", ") }
        func hint(_ s: [String]) -> String { Message.hint(s, l) }
        switch self {
        case .untranslated(let text):
            return (text, text)

        case .contentFolderMissing:
            return ("папки з вмістом немає: створіть її або вкажіть іншу через --content ПАПКА",
                    "the content folder does not exist: create it or pass --content DIR")
        case .siteFileMissing:
            return ("немає файлу site.yaml: створіть його з полями title, base_url і as_of (див. docs/content-format.md)",
                    "no site.yaml: create it with title, base_url and as_of (see docs/content-format.md)")
        case .fileUnreadable:
            return ("не вдається прочитати файл: перевірте, що він існує і доступний для читання",
                    "cannot read the file: check that it exists and is readable")
        case .fileNotUTF8:
            return ("файл збережено не в кодуванні UTF-8: збережіть його як UTF-8",
                    "the file is not valid UTF-8: save it as UTF-8")
        case .templatesFolderMissing:
            return ("папки з шаблонами немає: створіть її або вкажіть іншу через --templates ПАПКА",
                    "the templates folder does not exist: create it or pass --templates DIR")

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
            return ("\(Phrase.key(key, of: what).uk): має бути цілим числом, а знайдено '\(found)'",
                    "'\(key)' of \(what.en) must be a whole number, found '\(found)'")
        case .notBoolean(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути true (так) або false (ні), а знайдено '\(found)'",
                    "'\(key)' of \(what.en) must be true or false, found '\(found)'")
        case .notADate(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути датою у вигляді РРРР-ММ-ДД, наприклад 2026-12-05, а знайдено '\(found)'",
                    "'\(key)' of \(what.en) must be a date as YYYY-MM-DD, found '\(found)'")
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
        case .notANumber(let key, let what, let found):
            return ("\(Phrase.key(key, of: what).uk): має бути числом, як-от 12 або 3,5, а знайдено \(found)",
                    "'\(key)' of \(what.en) must be a number such as 12 or 3,5, found \(found)")

        case .unknownLanguage(let found):
            return ("мова (language) має бути 'uk' або 'en', а знайдено '\(found)'", "language must be 'uk' or 'en', found '\(found)'")

        case .updateWithoutFrontMatter:
            return ("оновлення має починатися зі шапки між рядками '---' (title, date, …); шаблон створює команда `planpress new update \"Заголовок\"`",
                    "an update must start with front matter between '---' lines (title, date, …); run `planpress new update \"Заголовок\"` for a template")
        case .invalidUpdateSlug(let slug):
            return ("назва файлу оновлення '\(slug)' не годиться для адреси: \(IDRules.explanation(.uk))",
                    "update file name '\(slug)' is not a valid slug: \(IDRules.explanation(.en))")
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
            return ("зображення обкладинки '\(path)' — не файл JPEG, PNG, GIF, WebP чи AVIF: збережіть його в одному з цих форматів",
                    "cover image '\(path)' is not a JPEG, PNG, GIF, WebP or AVIF file: convert it to one of those")
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

        case .imageNotAnImage(let path):
            return ("'\(path)' за вмістом не є зображенням JPEG, PNG, GIF, WebP чи AVIF, хоч би що казало розширення: збережіть світлину заново як JPEG",
                    "'\(path)' is not a JPEG, PNG, GIF, WebP or AVIF image by its content, whatever its extension says: save the photo again as JPEG")
        case .imageMissing(let path):
            return ("світлини '\(path)' не знайдено; вкажіть шлях усередині Content/, наприклад updates/images/photo.jpg, або повну адресу https://…",
                    "photo '\(path)' does not exist; give a path inside Content/, e.g. updates/images/photo.jpg, or a full https://… address")
        case .imageTooLarge(let path, let megabytes, let limit):
            return ("світлина '\(path)' важить \(megabytes) МБ (межа — \(limit) МБ): сайт зменшить її, але зберігати краще меншу копію",
                    "photo '\(path)' is \(megabytes) MB (limit \(limit) MB): the site scales it down, but keep a smaller copy")
        case .imageTooNarrow(let path, let width, let minimum):
            return ("світлина '\(path)' лише \(width) пікселів завширшки (щонайменше \(minimum)): на великому екрані вона буде розмитою, пошукайте більшу",
                    "photo '\(path)' is only \(width) pixels wide (at least \(minimum)): it will look blurred on a large screen; find a larger one")
        case .imageUnreadable(let path, let detail):
            return ("світлину '\(path)' не вдається перетворити (\(detail)): збережіть її заново як JPEG",
                    "photo '\(path)' cannot be converted (\(detail)): save it again as JPEG")

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
            return ("план '\(plan)' називає невідомий орган, що його ухвалив (issuer), '\(issuer)'\(hint(s))",
                    "plan '\(plan)' names unknown issuer '\(issuer)'\(hint(s))")
        case .planUnknownSource(let plan, let source, let s):
            return ("план '\(plan)' називає джерельний текст '\(source)', якого немає в Content/sources/\(hint(s))",
                    "plan '\(plan)' names source '\(source)', which is not in Content/sources/\(hint(s))")

        case .invalidPlanID(let id):
            return ("ідентифікатор плану '\(id)' не годиться: \(IDRules.explanation(.uk))", "plan id '\(id)' is not allowed: \(IDRules.explanation(.en))")
        case .planIDDiffersFromFolder(let id, let folder):
            return ("ідентифікатор плану '\(id)' відрізняється від назви його папки 'plans/\(folder)': перейменуйте одне з них, щоб збігалися",
                    "plan id '\(id)' differs from its folder 'plans/\(folder)': rename one so they match")
        case .planWithoutItems(let id):
            return ("у плані '\(id)' немає ні цілей (goals), ні заходів (measures)", "plan '\(id)' has neither 'goals' nor 'measures'")
        case .unknownPlanStatus(let found):
            return ("статус плану має бути 'adopted' (ухвалений) або 'draft' (проєкт), а знайдено '\(found)'",
                    "plan status must be 'adopted' or 'draft', found '\(found)'")
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
            return ("роки бюджету мають бути роками, як-от 2024, а знайдено '\(found)'", "budget years must be years like 2024, found '\(found)'")
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
        case .localeStringMissing(let key, let language):
            return ("рядка інтерфейсу '\(key)' немає у файлі мови \(language)", "interface string '\(key)' is missing from the \(language) locale")
        case .ukrainianLocaleMissing:
            return ("немає файлу locales/uk.yaml: українські рядки інтерфейсу обов’язкові",
                    "locales/uk.yaml is missing: the Ukrainian interface strings are required")
        }
    }
}
