import Foundation
import Testing
@testable import PlanPressKit

/// `String.replacingEvery`, the interface's placeholder filling, against Foundation's replacement.
@Suite struct ReplacingTests {
    @Test func replacesLikeFoundationFromTheLeft() {
        let cases: [(String, String, String)] = [
            ("{count} заходів, {count} виконано", "{count}", "12"),
            ("без заповнювача", "{count}", "12"),
            ("{title}", "{title}", "План «Безпека»"),
            ("aaaa", "aa", "b"),
            ("aaa", "aa", "aa"),
            ("кінець {x}", "{x}", ""),
            ("{x}{x}{x}", "{x}", "{x}{x}"),
            ("рядок\nрядок\r\nрядок\n", "\n", "<br>\n"),
            ("{date}. і {date}.", "{date}.", "{date}"),
            ("", "{x}", "y"),
            ("{", "{x}", "y"),
            ("🇺🇦 {name} 🇺🇦", "{name}", "Київ"),
        ]
        for (text, target, replacement) in cases {
            #expect(text.replacingEvery(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement),
                    "\(text) / \(target)")
        }
        #expect("{count} із {count}".replacingEvery("{count}", with: "3") == "3 із 3")
        #expect("abc".replacingEvery("", with: "x") == "abc")
    }

}
