import Testing
@testable import PlanPressKit

@Suite struct CitationMatcherTests {
    private let here = SourceLocation(file: "plan.yaml", line: 7, column: 9)

    private func field(_ text: String, _ name: String = "text", kind: CitedField.Kind = .text) -> CitedField {
        CitedField(name: Phrase(data: name), text: text, kind: kind, location: here)
    }

    private func misses(_ source: String, _ ranges: [ClosedRange<Int>], _ fields: [CitedField],
                        corrections: [Correction] = []) -> [CitationMatcher.Miss] {
        let citation = Citation(ranges: ranges, location: here, fields: fields, corrections: corrections)
        return CitationMatcher(document: SourceDocument(source)).check(citation)
    }

    @Test func whitespaceLineEndsAndNonBreakingSpacesAreOneSpace() {
        let source = "1\nРозроблення та подання \nКабінетові  Міністрів\u{00A0}України\n"
        #expect(misses(source, [1...3], [field("Розроблення та подання Кабінетові Міністрів України")]).isEmpty)
        #expect(misses(source, [1...2], [field("Розроблення та подання Кабінетові Міністрів України")]).count == 1)
    }

    @Test func lineEndHyphenationJoinsTheWord() {
        let source = "забезпечення гендерно-\nчутливих послуг та віднов-\nлення"
        #expect(misses(source, [1...3], [field("забезпечення гендерно-чутливих послуг та відновлення")]).isEmpty)
        // A spaced dash is not hyphenation.
        #expect(misses("голови - голова", [1...1], [field("головиголова")]).isEmpty == false)
    }

    @Test func aFieldStaysInsideOneCell() {
        let source = "1.\tПроведення навчань\tЦентр гендерної рівності\tПостійно"
        #expect(misses(source, [1...1], [field("Проведення навчань"), field("Постійно", "term")]).isEmpty)
        let across = misses(source, [1...1], [field("Проведення навчань Центр гендерної рівності")])
        #expect(across.map(\.field.en) == ["text"])
        #expect(across.first?.agreesUpTo == "Проведення навчань")
    }

    @Test func markupTagsOfTheExtractionAreDropped() {
        let source = "4.\t<p>стереотипів та дискримінації;</p> <ul style=\"list-style-type: none\"> - протидії булінгу;"
        #expect(misses(source, [1...1], [field("стереотипів та дискримінації; - протидії булінгу;")]).isEmpty)
    }

    @Test func pageBreakContinuationRowsJoinCellByCell() {
        // A row, a blank line (the page break), then the continuation row: cells continue column by column.
        let source = """
        4.\tПроведення навчань з питань: - усунення гендерних\tЦентр гендерної рівності,\tПостійно\t- Кількість заходів;

        \tстереотипів та дискримінації;\tЦСССДМ\t\t- перелік установ
        """
        let fields = [field("Проведення навчань з питань: - усунення гендерних стереотипів та дискримінації;"),
                      field("Центр гендерної рівності, ЦСССДМ", "responsible"), field("Постійно", "term"),
                      field("Кількість заходів; - перелік установ", "indicator 1")]
        #expect(misses(source, [1...3], fields).isEmpty)
    }

    @Test func pageHeaderRowsAreSkippedAndCellsAlignFromTheRight() {
        // One cell per line, the header `1 … 6` one number per line, the continuation starting further left.
        let source = """
        \t1.
        \tЗабезпечення координації на період
        \t1) забезпечення функціонування ради з питань сім’ї,
        \tДепартамент соціального захисту,
        Головне управління Державної
        \t2026
        \tвідповідні розпорядження
         \t1
        \t2
        \t3
        \t4
        \t5
        \t6

        \t
        \tдо 2030 року
        \tдемографічного розвитку
        \tслужби України з надзвичайних ситуацій
        \t
        \t
        """
        let document = SourceDocument(source)
        #expect((8...13).allSatisfy { document.isPageHeader[$0 - 1] })
        #expect(!document.isPageHeader[0] && !document.isPageHeader[5])
        let measure = [field("забезпечення функціонування ради з питань сім’ї, демографічного розвитку"),
                       field("Департамент соціального захисту, Головне управління Державної служби України з надзвичайних ситуацій", "responsible"),
                       field("2026", "term")]
        #expect(misses(source, [3...7, 15...20], measure).isEmpty)
        #expect(misses(source, [1...7, 15...20], [field("Забезпечення координації на період до 2030 року", "title")]).isEmpty)
        // Without the continuation the text is cut.
        #expect(misses(source, [3...7], measure).map(\.field.en) == ["text", "responsible"])
    }

    @Test func amountsAreWholeTokens() {
        let source = "\t\t\tМіський бюджет\t12,0\t2,0\t-"
        #expect(misses(source, [1...1], [field("2,0", "amount 2021", kind: .amount), field("-", "amount 2022", kind: .amount)]).isEmpty)
        #expect(misses(source, [1...1], [field("12", "amount 2020", kind: .amount)]).map(\.field.en) == ["amount 2020"])
    }

    @Test func correctionsTurnThePrintedFormIntoThePublishedOne() {
        let source = "\tСтворено умови для повоєнного відновлен1ня\n\tДепартамент[bookmark: _Hlk227049926] освіти"
        let typo = Correction(printed: "відновлен1ня", published: "відновлення", why: "друкарська помилка", location: here)
        let marker = Correction(printed: "[bookmark: _Hlk227049926]", published: "", why: "технічна позначка", location: here)
        let fields = [field("Створено умови для повоєнного відновлення", "title"), field("Департамент освіти", "responsible")]
        #expect(misses(source, [1...2], fields).map(\.field.en) == ["title", "responsible"])
        #expect(misses(source, [1...2], fields, corrections: [typo, marker]).isEmpty)
        // A correction whose printed form the lines do not contain is itself an error.
        let wrong = Correction(printed: "віднвлен1ня", published: "відновлення", why: "друкарська помилка", location: here)
        #expect(misses(source, [1...2], [fields[0]], corrections: [wrong]).map(\.field.en) == ["printed form of a correction", "title"])
    }
}
