import Foundation
import Testing
@testable import PlanPressKit

@Suite struct MoneyTests {
    @Test func readsDecimalCommaAndGroups() {
        #expect(Money(parsing: "7,0")?.machine == "7.0")
        #expect(Money(parsing: "1 234,5")?.machine == "1234.5")
        #expect(Money(parsing: "1\u{00A0}234,50")?.machine == "1234.50")
        #expect(Money(parsing: "-3")?.machine == "-3")
    }

    @Test func decimalTextIsWhatNSDecimalNumberGives() {
        let values = ["0", "-3", "1234.5", "0.25", "-0.001", "92.0", "1234567890.123456", "100", "0.1"].compactMap { Decimal(string: $0) }
            + [Decimal(1) / 3, Decimal(2) / 3 * 1000, Decimal(-7) / 8]
        for value in values {
            #expect(value.description == NSDecimalNumber(decimal: value).stringValue)
        }
    }

    @Test func rejectsWhatIsNotANumber() {
        for bad in ["", "-", "7,", ",5", "7.0.1", "sім", "7e3", "1,2,3", "0x10"] {
            #expect(Money(parsing: bad) == nil, "\(bad) must be rejected")
        }
    }

    @Test func addsExactlyWithoutFloatingPoint() {
        // 0.1 + 0.2 is not 0.3 in binary floating point; it must be here.
        let sum = Money(parsing: "0,1")! + Money(parsing: "0,2")!
        #expect(sum == Money(parsing: "0,3")!)
        var total = Money.zero
        for _ in 0..<1000 { total += Money(parsing: "0,1")! }
        #expect(total.machine == "100.0")
    }

    @Test func formatsUkrainianAndMachineForms() {
        let amount = Money(parsing: "1234567,5")!
        #expect(amount.ukrainian == "1\u{00A0}234\u{00A0}567,5")
        #expect(amount.machine == "1234567.5")
        #expect(Money(parsing: "1234,5")!.ukrainian == "1\u{00A0}234,5")
        #expect(Money(parsing: "999,5")!.ukrainian == "999,5")
        #expect(Formatting(language: "uk").money(Money(parsing: "57")!) == "57,0")
        #expect(Formatting(language: "en").money(Money(parsing: "12345,5")!) == "12,345.5")
    }
}
