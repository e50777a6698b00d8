import Foundation
import Testing
@testable import PlanPressKit

/// The fast character classes and text helpers must answer exactly as the
/// Unicode properties and Foundation calls they replace.
@Suite struct ScalarKindTests {
    /// ASCII, Latin-1, the Cyrillic block and the punctuation and spaces around them, plus samples beyond.
    static let scalars: [Unicode.Scalar] = (Array(0...0x52F) + Array(0x1680...0x1681) + Array(0x2000...0x2130) + [0x3000, 0x3001, 0xFEFF, 0x1F600])
        .compactMap(Unicode.Scalar.init)

    @Test func classesMatchTheUnicodeProperties() {
        for s in Self.scalars {
            let category = s.properties.generalCategory
            let letterOrNumber: Bool
            switch category {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber: letterOrNumber = true
            default: letterOrNumber = false
            }
            let mark = category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
            #expect(ScalarKind.isWhitespace(s) == s.properties.isWhitespace, "isWhitespace U+\(String(s.value, radix: 16))")
            #expect(ScalarKind.isLetterOrNumber(s) == letterOrNumber, "isLetterOrNumber U+\(String(s.value, radix: 16))")
            #expect(ScalarKind.isMark(s) == mark, "isMark U+\(String(s.value, radix: 16))")
            #expect(ScalarKind.isDigit(s) == (category == .decimalNumber), "isDigit U+\(String(s.value, radix: 16))")
            #expect(ScalarKind.isSpace(s) == CharacterSet.whitespaces.contains(s), "isSpace U+\(String(s.value, radix: 16))")
            #expect(ScalarKind.isSpaceOrNewline(s) == CharacterSet.whitespacesAndNewlines.contains(s),
                    "isSpaceOrNewline U+\(String(s.value, radix: 16))")
        }
    }

    @Test func trimmingMatchesFoundation() {
        let samples = ["", " ", "\t a b \t", "\u{A0}ВПО\u{3000}", " \n текст\r\n", "\u{2028}x\u{85}", "слово", "е\u{301} ",
                       "\u{2003}\u{2009}план\u{202F}", "\n\n", "a\u{0301}"]
        for sample in samples {
            #expect(sample.trimmingSpaces() == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimmingSpacesAndNewlines() == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(sample.debugDescription)")
            #expect(sample[...].trimmingSpaces() == sample.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func nfcStableTextIsLeftAsItIs() {
        // Each scalar the fast path accepts is unchanged by NFC, alone and after letters it could combine with.
        for s in Self.scalars where SearchText.isNFCStable(String(s)) {
            for base in ["", "a", "е", "и", "і", "у"] {
                let text = base + String(s)
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                        "U+\(String(s.value, radix: 16)) after \(base)")
            }
        }
        #expect(!SearchText.isNFCStable("и\u{306}"))   // decomposed й
        #expect(SearchText.normalise("Сім\u{2019}ї — «ПЛАН» №1") == "сімї — «план» №1")
        #expect(SearchText.normalise("и\u{306}ого") == "його")
    }

    @Test func blankLineBlocksMatchFoundation() {
        for sample in ["", "a", "a\n\nb", "a\n\n\nb", "\n\n", "a\nb\n\n\n\nc\n", "абзац\n\nдругий"] {
            #expect(HTML.blankLineBlocks(sample).map(String.init) == sample.components(separatedBy: "\n\n"), "\(sample.debugDescription)")
        }
    }

    @Test func markdownPlainTextDropsTargetsAndMarks() {
        #expect(SearchDocuments.plainText(markdown: "## Заголовок\n\n**Жирний** [посилання](measure:p/1) і `код`  > цитата\n_x_")
                == "Заголовок Жирний посилання і код цитата x")
        #expect(SearchDocuments.plainText(markdown: "[a](b ] без дужки [c") == "a(b без дужки c")
        #expect(SearchDocuments.plainText(markdown: "кінець ](") == "кінець (")
    }
}

@Suite struct FrontMatterTests {
    /// The byte-level split gives what splitting into lines and joining them again gave.
    @Test func partsAndLines() throws {
        let cases: [(String, String?, String, Int)] = [
            ("---\na: 1\n---\nтекст\n", "a: 1", "текст", 4),
            ("---\n---\n", "", "", 3),
            ("---\na\n---", "a", "", 4),
            ("--- \nx: y\nz: w\n  ---  \nтіло\n\nдалі\n\n", "x: y\nz: w", "тіло\n\nдалі\n", 5),
            ("---\nnot closed\n", nil, "", 0),
            ("текст без заголовка\n", nil, "", 0),
            ("", nil, "", 0),
        ]
        for (text, yaml, body, line) in cases {
            let parts = FrontMatter.split(text)
            #expect(parts?.yaml == yaml, "\(text.debugDescription)")
            if yaml != nil {
                #expect(parts?.body == body, "\(text.debugDescription)")
                #expect(parts?.bodyLine == line, "\(text.debugDescription)")
            }
        }
    }

    @Test func windowsLineEndsAreAccepted() throws {
        let parts = try #require(FrontMatter.split("---\r\nitem: measure:p/1\r\n---\r\nТекст.\r\n"))
        #expect(parts.yaml == "item: measure:p/1\r")
        #expect(parts.body == "Текст.\r")
        #expect(parts.bodyLine == 4)
    }
}
