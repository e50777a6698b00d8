import Testing
@testable import PlanPressKit

/// Ukrainian plan content on English pages is marked `lang="uk"`.
@Suite struct ContentLanguageTests {
    func mark(_ body: String) -> String {
        let page = "<!DOCTYPE html><html lang=\"en\"><head><title>План</title></head>\(body)</html>"
        let marked = ContentLanguage.mark(page)
        return String(marked[marked.range(of: "<body")!.lowerBound...].dropLast("</html>".count))
    }

    @Test func wholeElementContentGetsTheAttribute() {
        #expect(mark("<body><h1>Захід 1.2</h1></body>") == "<body><h1 lang=\"uk\">Захід 1.2</h1></body>")
        #expect(mark("<body><a href=\"/x\">План</a></body>") == "<body><a href=\"/x\" lang=\"uk\">План</a></body>")
    }

    @Test func mixedContentGetsASpan() {
        #expect(mark("<body><p><strong>Term:</strong> Постійно</p></body>")
            == "<body><p><strong>Term:</strong><span lang=\"uk\"> Постійно</span></p></body>")
    }

    @Test func englishTextAndMarkedContentStayAsTheyAre() {
        let body = "<body><p>Responsible bodies</p><p lang=\"uk\">Захід <abbr title=\"Організація\">ООН</abbr></p></body>"
        #expect(mark(body) == body)
    }

    @Test func headIsLeftAlone() {
        let page = "<html lang=\"en\"><head><title>План</title></head><body><p>x</p></body></html>"
        #expect(ContentLanguage.mark(page) == page)
    }

    @Test func attributesInCyrillicMarkTheirElement() {
        #expect(mark("<body><abbr title=\"Організація Об’єднаних Націй\">UN</abbr></body>")
            == "<body><abbr title=\"Організація Об’єднаних Націй\" lang=\"uk\">UN</abbr></body>")
    }

    @Test func svgTextIsMarkedOnItsElementNotWrapped() {
        #expect(mark("<body><svg><text x=\"1\">2021 рік</text><title>Бюджет</title></svg></body>")
            == "<body><svg><text x=\"1\" lang=\"uk\">2021 рік</text><title lang=\"uk\">Бюджет</title></svg></body>")
    }

    @Test func laterSiblingsKeepTheirPlaceAfterAnInsertion() {
        #expect(mark("<body><svg><text><tspan>a</tspan> рік <tspan>б</tspan></text></svg></body>")
            == "<body><svg><text lang=\"uk\"><tspan>a</tspan> рік <tspan>б</tspan></text></svg></body>")
    }

    @Test func scriptsAndCommentsAreNotTouched() {
        let body = "<body><!-- Коментар --><script src=\"/a.js\"></script></body>"
        #expect(mark(body) == body)
    }
}
