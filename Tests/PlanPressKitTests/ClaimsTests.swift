import Testing
@testable import PlanPressKit

/// Issue 13 §3: the content format lets a plan claim only what its document shows, and pages say so.
@Suite struct ClaimsTests {
    func site(_ plan: String) throws -> TestSite {
        try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/p/plan.yaml": plan])
    }

    func failure(_ plan: String) throws -> [String] {
        let site = try site(plan)
        defer { site.remove() }
        return site.failure()
    }

    func header(status: String?, approval: String = "") -> String {
        """
        id: p
        title: "План"
        \(status.map { "status: \($0)" } ?? "# no status")
        period: {from: 2026, to: 2030}
        \(approval)
        levels:
          - {name: "Завдання", slug: task}
          - {name: "Захід", slug: measure}
        goals:

        """
    }

    static let filled = """
    approval:
      printed: |-
        ЗАТВЕРДЖУЮ
        «20» грудня 2019 року
      label: "ЗАТВЕРДЖУЮ"
      date: 2019-12-20
      date_printed: "«20» грудня 2019 року"
    """
    static let blank = """
    approval:
      label: "ЗАТВЕРДЖЕНО"
      document: "Розпорядження"
      date_printed: "________"
      number: "_____"
    """
    let oneMeasure = """
      - number: "1"
        title: "Завдання"
        measures:
          - {number: "1.1", text: "Захід"}
    """

    // MARK: status and approval

    @Test func approvalBlanksAreRecognised() {
        #expect(Approval.isBlank("_____") && Approval.isBlank("№ _____") && Approval.isBlank(nil))
        #expect(!Approval.isBlank("«20» грудня 2019 року") && !Approval.isBlank("№ 123"))
        #expect(Approval(printed: nil, label: "ЗАТВЕРДЖЕНО", number: "_____", datePrinted: "____").isFilledIn == false)
        #expect(Approval(printed: nil, label: "ЗАТВЕРДЖУЮ", date: CalendarDate(year: 2019, month: 12, day: 20)).isFilledIn)
    }

    @Test func approvedNeedsAFilledInApprovalBlock() throws {
        let result = try failure(header(status: "approved", approval: Self.blank) + oneMeasure)
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("Content/plans/p/plan.yaml:3:1: error: status 'approved' needs an 'approval' block with the printed date or number"))
        #expect(try failure(header(status: "approved", approval: Self.filled) + oneMeasure).isEmpty)
    }

    @Test func adoptedIsNoLongerAStatus() throws {
        let result = try failure(header(status: "adopted") + oneMeasure)
        #expect(result.count == 1)
        #expect(result[0].contains("plan status must be one of approved, draft, not-stated, found 'adopted'"))
        #expect(result[0].contains("write 'approved' only when the document prints a filled-in approval block"))
    }

    @Test func draftNeedsABlankStampAndNotStatedNoStamp() throws {
        let draft = try failure(header(status: "draft") + oneMeasure)
        #expect(draft.count == 1 && draft[0].contains("status 'draft'"))
        let draftFilled = try failure(header(status: "draft", approval: Self.filled) + oneMeasure)
        #expect(draftFilled.count == 1 && draftFilled[0].contains("status 'draft'"))
        #expect(try failure(header(status: "draft", approval: Self.blank) + oneMeasure).isEmpty)
        let contradiction = try failure(header(status: "not-stated", approval: Self.filled) + oneMeasure)
        #expect(contradiction.count == 1 && contradiction[0].contains("status 'not-stated' contradicts the 'approval' block"))
    }

    @Test func aPlanWithoutStatusShowsNoApproval() throws {
        let site = try site(header(status: nil) + oneMeasure)
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/p/index.html")
        #expect(page.contains("<dt>Статус</dt><dd>документ не містить грифа затвердження</dd>"))
        #expect(page.contains("<p>Документ не містить грифа затвердження.</p>"))
        #expect(!page.contains("затверджено"))
        let english = try site.page("en/plans/p/index.html")
        #expect(english.contains("the document carries no approval stamp"))
    }

    @Test func aBlankStampIsShownAsPrintedAndAsBlank() throws {
        let site = try site(header(status: "draft", approval: Self.blank) + oneMeasure)
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/p/index.html")
        #expect(page.contains("<dt>Статус</dt><dd>проєкт: гриф затвердження не заповнено</dd>"))
        #expect(page.contains("<dt>Номер</dt><dd>не заповнено («_____»)</dd>"))
        #expect(page.contains("<dt>Дата</dt><dd>не заповнено («________»)</dd>"))
        #expect(!page.contains("подано на затвердження"))
        let home = try site.page("index.html")
        #expect(home.contains("проєкт: гриф затвердження не заповнено"))
    }

    // MARK: merged cells

    let merged = """
      - number: "1"
        title: "Завдання 1"
        measures:
          - number: "1.1"
            text: "Перший"
            term: "2026–2030"
            responsible:
              printed: "ДСЗН, поліція (за згодою)"
              executors: [dszn, {id: police, consent: true}]
      - number: "2"
        title: "Завдання 2"
        measures:
          - number: "2.1"
            text: "Другий"
            term: {same_as_row_above: true}
            responsible: {same_as_row_above: true}
          - number: "2.2"
            text: "Третій"
            term: {same_as_row_above: true}
    """

    @Test func aMergedCellTakesTheRowAboveAcrossGoalsAndChains() throws {
        let site = try site(header(status: nil) + merged)
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/p/measures/2.2/index.html")
        #expect(page.contains("<dd>у таблиці клітинка об’єднана з рядком вище: 2026–2030 <span class=\"reading\">"))
        let second = try site.page("plans/p/measures/2.1/index.html")
        #expect(second.contains("<p class=\"merged-cell\">у таблиці клітинка об’єднана з рядком вище:</p>"))
        #expect(second.contains("/executors/police/\""))
        // The executor page lists the measure, marked; the timeline dates it.
        let police = try site.page("executors/police/index.html")
        #expect(police.contains("/plans/p/measures/2.1/\""))
        #expect(police.contains("у таблиці клітинка об’єднана з рядком вище"))
        let timeline = try site.page("plans/p/timeline/index.html")
        #expect(!timeline.contains("Строк не зазначено"))
        let json = try site.page("data/p.json")
        #expect(json.contains("\"same_as_row_above\":true") || json.contains("\"same_as_row_above\": true"))
    }

    @Test func aMergeTheWordFileMarksIsTheFilesFactAndTheDefaultBasisIsTheReading() throws {
        let file = merged.replacingOccurrences(of: "responsible: {same_as_row_above: true}",
                                               with: "responsible: {same_as_row_above: true, basis: file}")
        let site = try site(header(status: nil) + file)
        defer { site.remove() }
        let graph = try Builder(options: site.options()).check().graph
        let measures = graph.plans[0].plan.goals[1].measures
        #expect(measures[0].responsible?.merged == .file && measures[0].term.merged == .reading)
        #expect(measures[1].term.merged == .reading)
        try site.build()
        let page = try site.page("plans/p/measures/2.1/index.html")
        #expect(page.contains("<p class=\"merged-cell\">у файлі Word клітинка охоплює й рядок вище:</p>"))
        #expect(page.contains("у таблиці клітинка об’єднана з рядком вище: 2026–2030"))
        let english = try site.page("en/plans/p/measures/2.1/index.html")
        #expect(english.contains("in the Word file this cell spans the row above too"))
    }

    @Test func anUnknownMergeBasisIsAnErrorAtItsKey() throws {
        let result = try failure(header(status: nil) + merged.replacingOccurrences(
            of: "responsible: {same_as_row_above: true}", with: "responsible: {same_as_row_above: true, basis: vmerge}"))
        #expect(result.count == 1)
        #expect(result.first?.contains("unknown merge basis 'vmerge'; use one of: reading, file") == true)
    }

    @Test func aMergedCellNeedsARowAboveWithAValue() throws {
        let result = try failure(header(status: nil) + """
          - number: "1"
            title: "Завдання"
            measures:
              - number: "1.1"
                text: "Перший"
                term: {same_as_row_above: true}
                responsible: {same_as_row_above: true}
        """)
        #expect(result.count == 2)
        #expect(result.contains { $0.contains("measure 1.1: 'term: {same_as_row_above: true}' needs a row above with a term") })
        #expect(result.contains { $0.contains("measure 1.1: 'responsible: {same_as_row_above: true}' needs a row above with responsible bodies") })
    }

    // MARK: assigned numbers

    @Test func assignedNumbersAreBracketedAndExplained() throws {
        let site = try site(header(status: nil) + """
          - number: "1"
            title: "Завдання"
            measures:
              - {number: "1.1", text: "Єдиний захід", number_assigned: true}
        """)
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/p/measures/1.1/index.html")
        #expect(page.contains("<h1>Захід [1.1]</h1>"))
        #expect(page.contains("Номер [1.1] присвоєно на сайті: у документі цей пункт не має номера."))
        let goal = try site.page("plans/p/goals/task-1/index.html")
        #expect(goal.contains(">Захід [1.1]</a>"))
        let csv = try site.page("data/p-measures.csv")
        #expect(csv.contains("number_assigned") && csv.contains("p/1.1,p,1.1,,true,"))
    }

    @Test func aLevelOfBulletsAssignsEveryNumberAndAPrintedNumberContradictsIt() throws {
        let plan = header(status: nil).replacingOccurrences(of: "{name: \"Захід\", slug: measure}",
                                                            with: "{name: \"Напрям\", slug: area, assigned_numbers: true}")
        let site = try site(plan + oneMeasure)
        defer { site.remove() }
        try site.build()
        #expect(try site.page("plans/p/measures/1.1/index.html").contains("<h1>Напрям [1.1]</h1>"))
        let result = try failure(header(status: nil) + """
          - number: "1"
            title: "Завдання"
            measures:
              - {number: "1.1", printed_number: "1)", text: "Захід", number_assigned: true}
        """)
        #expect(result.count == 1 && result[0].contains("measure 1.1 has a printed_number, so its number is not assigned by the site"))
    }

    @Test func theKickerShowsThePrintedNumberOnce() throws {
        let site = try site(header(status: nil) + """
          - number: "11"
            title: "Завдання"
            measures:
              - {number: "11.2", printed_number: "2)", text: "Захід"}
        """)
        defer { site.remove() }
        try site.build()
        let page = try site.page("plans/p/measures/11.2/index.html")
        #expect(page.contains("<span class=\"printed\">номер у документі: 2)</span></p>"))
        #expect(!page.contains("(2))"))
        #expect(page.components(separatedBy: "2)").count == 2)
    }

    // MARK: the responsible column

    @Test func bodiesAreListedUnderTheDocumentsColumnWithoutRanks() throws {
        let plan = header(status: nil).replacingOccurrences(of: "# no status", with: "responsible_heading: \"Виконавець в Міністерстві\"")
        let site = try site(plan + """
          - number: "1"
            title: "Завдання"
            measures:
              - number: "1.1"
                text: "Захід"
                responsible:
                  printed: "ДСЗН, поліція"
                  executors: [dszn, police]
        """)
        defer { site.remove() }
        try site.build()
        let measure = try site.page("plans/p/measures/1.1/index.html")
        #expect(measure.contains("<dt>Виконавець в Міністерстві</dt>"))
        let police = try site.page("executors/police/index.html")
        #expect(police.contains("Названо в графі «Виконавець в Міністерстві»"))
        #expect(!police.contains("співвиконавець") && !police.contains(">відповідальний<"))
        #expect(police.contains("<dt>Заходів, у яких орган названо</dt><dd>1</dd>"))
        let csv = try site.page("data/executors.csv")
        #expect(csv.contains("measures_named,measures_without_consent,measures_by_consent"))
    }
}
