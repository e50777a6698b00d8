import Foundation
import Testing
@testable import PlanPressKit

/// The print version's running header: a generated `page.css` per plan and
/// language whose @page margin boxes carry the short title and the as-of date.
@Suite struct PrintPageTests {
    @Test func printVersionLinksItsPageStylesheetInBothLanguages() throws {
        let site = try TestSite(["executors/bodies.yaml": TestSite.executors, "plans/test-plan/plan.yaml": TestSite.plan,
                                 "sources/test-plan.txt": "Джерело"])
        defer { site.remove() }
        try site.build()
        let uk = try site.page("plans/test-plan/print/index.html")
        #expect(uk.contains("<link rel=\"stylesheet\" href=\"/plany/plans/test-plan/print/page.css\" media=\"print\">"))
        let css = try site.page("plans/test-plan/print/page.css")
        #expect(css.contains("@top-left { content: \"Тестовий план\""))
        #expect(css.contains("@top-right { content: \"Станом на "))
        #expect(css.contains("counter(page) \" / \" counter(pages)"))
        let en = try site.page("en/plans/test-plan/print/page.css")
        #expect(en.contains("@top-right { content: \"As of "))
        // Other pages do not link it.
        #expect(!(try site.page("plans/test-plan/index.html")).contains("page.css"))
    }

    @Test func cssStringsAreEscaped() {
        #expect(PageRenderer.cssString("План «1325»") == "\"План «1325»\"")
        #expect(PageRenderer.cssString("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"")
        #expect(PageRenderer.cssString("рядок\nдругий") == "\"рядок\\A другий\"")
        #expect(PageRenderer.cssString("</style>") == "\"\\3c /style>\"")
    }
}
