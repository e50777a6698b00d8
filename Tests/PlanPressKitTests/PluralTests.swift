import Testing
@testable import PlanPressKit

/// Plural forms (CLDR rules: Ukrainian one/few/many, English one/other) and the
/// count forms of plan levels (plan.yaml `levels:` `forms:` and `en:`).
@Suite struct PluralTests {
    static let measure = ["захід", "заходи", "заходів"]

    @Test(arguments: [(1, "захід"), (2, "заходи"), (3, "заходи"), (4, "заходи"), (5, "заходів"), (0, "заходів"),
                      (11, "заходів"), (12, "заходів"), (14, "заходів"), (21, "захід"), (22, "заходи"), (25, "заходів"),
                      (28, "заходів"), (41, "захід"), (101, "захід"), (111, "заходів"), (112, "заходів"), (1004, "заходи")])
    func ukrainianCLDR(_ n: Int, _ expected: String) {
        #expect(Formatting(language: "uk").plural(n, PluralTests.measure) == expected)
    }

    @Test(arguments: [(0, "measures"), (1, "measure"), (2, "measures"), (21, "measures"), (101, "measures")])
    func englishCLDR(_ n: Int, _ expected: String) {
        #expect(Formatting(language: "en").plural(n, ["measure", "measures", "measures"]) == expected)
    }

    @Test func countsJoinNumberAndFormWithNoBreakSpace() {
        #expect(Formatting(language: "uk").count(28, PluralTests.measure) == "28\u{00A0}заходів")
        #expect(Formatting(language: "uk").count(5, ["напрям", "напрями", "напрямів"]) == "5\u{00A0}напрямів")
    }

    @Test func levelFormsPerLanguage() {
        let level = Level(name: "Стратегічна ціль", plural: "Стратегічні цілі", slug: "strategic-goal",
                          forms: ["стратегічна ціль", "стратегічні цілі", "стратегічних цілей"],
                          english: ["strategic goal", "strategic goals"])
        let uk = Formatting(language: "uk"), en = Formatting(language: "en")
        #expect(uk.plural(5, level.countForms(language: "uk")) == "стратегічних цілей")
        #expect(uk.plural(3, level.countForms(language: "uk")) == "стратегічні цілі")
        #expect(en.plural(1, level.countForms(language: "en")) == "strategic goal")
        #expect(en.plural(5, level.countForms(language: "en")) == "strategic goals")
        #expect(level.name(language: "en") == "Strategic goal")
        #expect(level.pluralName(language: "en") == "Strategic goals")
        #expect(level.name(language: "uk") == "Стратегічна ціль")
        // Without forms: the names as given (lower case), and an English word from the slug.
        let bare = Level(name: "Захід", plural: "Заходи", slug: "measure")
        #expect(bare.countForms(language: "uk") == ["захід", "заходи", "заходи"])
        #expect(bare.name(language: "en") == "Measure")
        let hyphenated = Level(name: "Оперативна ціль", plural: "Оперативні цілі", slug: "operational-goal")
        #expect(hyphenated.countForms(language: "en") == ["operational goal", "operational goals", "operational goals"])
        #expect(hyphenated.pluralName(language: "en") == "Operational goals")
    }

    @Test func everyShippedPlanGivesCountFormsAndEnglishNames() {
        for plan in RealContentTests.loaded.graph.plans.map(\.plan) {
            for level in plan.levels {
                #expect(level.forms?.count == 3, "\(plan.id) level \(level.slug) has no `forms: {one, few, many}`")
                #expect(level.english?.count == 2, "\(plan.id) level \(level.slug) has no `en: {one, other}`")
            }
        }
    }
}
