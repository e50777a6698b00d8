import Foundation

/// `as_of: build-date`: the site is «станом на» the day it is built. The output then
/// depends on the day (overdue marks, scheduled updates appearing by themselves);
/// `SOURCE_DATE_EPOCH` (reproducible builds) fixes the day when set.
public enum BuildDate {
    public static let keyword = "build-date"

    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH`.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment,
                             now: Date = Date()) -> CalendarDate {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? now.timeIntervalSince1970
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
