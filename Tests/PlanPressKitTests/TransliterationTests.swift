import Testing
@testable import PlanPressKit

/// The official table (KMU Resolution No. 55 of 27 January 2010), letter by
/// letter, with the resolution's own examples.
@Suite struct TransliterationTests {
    /// Every example printed in the resolution's table and notes.
    static let examples: [(String, String)] = [
        ("Алушта", "Alushta"), ("Андрій", "Andrii"),
        ("Борщагівка", "Borshchahivka"), ("Борисенко", "Borysenko"),
        ("Вінниця", "Vinnytsia"), ("Володимир", "Volodymyr"),
        ("Гадяч", "Hadiach"), ("Богдан", "Bohdan"), ("Згурський", "Zghurskyi"),
        ("Ґалаґан", "Galagan"), ("Ґорґани", "Gorgany"),
        ("Донецьк", "Donetsk"), ("Дмитро", "Dmytro"),
        ("Рівне", "Rivne"), ("Олег", "Oleh"), ("Есмань", "Esman"),
        ("Єнакієве", "Yenakiieve"), ("Гаєвич", "Haievych"), ("Короп'є", "Koropie"),
        ("Житомир", "Zhytomyr"), ("Жанна", "Zhanna"), ("Жежелів", "Zhezheliv"),
        ("Закарпаття", "Zakarpattia"), ("Казимирчук", "Kazymyrchuk"),
        ("Медвин", "Medvyn"), ("Михайленко", "Mykhailenko"),
        ("Іванків", "Ivankiv"), ("Іващенко", "Ivashchenko"),
        ("Їжакевич", "Yizhakevych"), ("Кадиївка", "Kadyivka"), ("Мар'їне", "Marine"),
        ("Йосипівка", "Yosypivka"), ("Стрий", "Stryi"), ("Олексій", "Oleksii"),
        ("Київ", "Kyiv"), ("Коваленко", "Kovalenko"),
        ("Лебедин", "Lebedyn"), ("Леонід", "Leonid"),
        ("Миколаїв", "Mykolaiv"), ("Маринич", "Marynych"),
        ("Ніжин", "Nizhyn"), ("Наталія", "Nataliia"),
        ("Одеса", "Odesa"), ("Онищенко", "Onyshchenko"),
        ("Полтава", "Poltava"), ("Петро", "Petro"),
        ("Решетилівка", "Reshetylivka"), ("Рибчинський", "Rybchynskyi"),
        ("Суми", "Sumy"), ("Соломія", "Solomiia"),
        ("Тернопіль", "Ternopil"), ("Троць", "Trots"),
        ("Ужгород", "Uzhhorod"), ("Уляна", "Uliana"),
        ("Фастів", "Fastiv"), ("Філіпчук", "Filipchuk"),
        ("Харків", "Kharkiv"), ("Христина", "Khrystyna"),
        ("Біла Церква", "Bila Tserkva"), ("Стеценко", "Stetsenko"),
        ("Чернівці", "Chernivtsi"), ("Шевченко", "Shevchenko"),
        ("Шостка", "Shostka"), ("Кишеньки", "Kyshenky"),
        ("Щербухи", "Shcherbukhy"), ("Гоща", "Hoshcha"), ("Гаращенко", "Harashchenko"),
        ("Юрій", "Yurii"), ("Корюківка", "Koriukivka"),
        ("Яготин", "Yahotyn"), ("Ярошенко", "Yaroshenko"), ("Костянтин", "Kostiantyn"),
        ("Знам'янка", "Znamianka"), ("Феодосія", "Feodosiia"),
        // Note 1: «зг» is zgh, unlike «ж» zh.
        ("Згорани", "Zghorany"), ("Розгон", "Rozghon"),
    ]

    @Test func resolutionExamples() {
        for (ukrainian, latin) in Self.examples {
            #expect(Transliteration.latin(ukrainian) == latin, "\(ukrainian)")
        }
    }

    /// The whole alphabet, each letter inside a word and at its start.
    @Test func everyLetterOfTheTable() {
        let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
        let inside = ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n",
                      "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia"]
        let initial = ["a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi", "y", "k", "l", "m", "n",
                       "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "yu", "ya"]
        #expect(letters.count == 33 && inside.count == 33 && initial.count == 33)
        for (i, letter) in letters.enumerated() {
            #expect(Transliteration.latin("о\(letter)") == "o" + inside[i], "\(letter) inside a word")
            #expect(Transliteration.latin("\(letter)о") == initial[i] + "o", "\(letter) at the start of a word")
        }
    }

    @Test func wordStartsAfterSpacesAndPunctuationButNotAfterAnApostrophe() {
        #expect(Transliteration.latin("Нова Ялта, «Євпаторія»") == "Nova Yalta, «Yevpatoriia»")
        #expect(Transliteration.latin("з’їзд ОБ'ЄДНАННЯ") == "zizd OBIEDNANNIA")
        #expect(Transliteration.latin("пʼять") == "piat")
    }

    @Test func caseFollowsTheSource() {
        #expect(Transliteration.latin("ЩУКА") == "SHCHUKA")
        #expect(Transliteration.latin("Щука") == "Shchuka")
        #expect(Transliteration.latin("ЮРІЙ") == "YURII")
        #expect(Transliteration.latin("ЗГОРАНИ") == "ZGHORANY")
        #expect(Transliteration.latin("Є") == "Ye")
        #expect(Transliteration.latin("Plan 1325: Жінки") == "Plan 1325: Zhinky")
    }

    @Test func decomposedLettersReadTheSame() {
        // «й» and «ї» typed as a base letter plus a combining mark (NFD).
        #expect(Transliteration.latin("Стри\u{0438}\u{0306}") == "Stryi")
        #expect(Transliteration.latin("\u{0456}\u{0308}жак") == "yizhak")
    }

    @Test func slugs() {
        #expect(Transliteration.slug("План затверджено!") == "plan-zatverdzheno")
        #expect(Transliteration.slug("«Жінки, мир, безпека» — 2026–2030") == "zhinky-myr-bezpeka-2026-2030")
        #expect(Transliteration.slug("  Знам'янка: звіт за ІІ квартал  ") == "znamianka-zvit-za-ii-kvartal")
        #expect(Transliteration.slug("—!") == "")
        let long = Transliteration.slug(String(repeating: "Засідання координаційної ради ", count: 6))
        #expect(long.count <= 80 && !long.hasSuffix("-") && long.hasPrefix("zasidannia-koordynatsiinoi-rady-"))
        #expect(long.split(separator: "-").allSatisfy { ["zasidannia", "koordynatsiinoi", "rady"].contains($0) })
        #expect(IDRules.isValid(Transliteration.slug("Звіт про виконання плану у 2026 році")))
    }
}
