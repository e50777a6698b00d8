import Foundation
import Testing
@testable import PlanPressKit

/// The status bar and the indicator chart: geometry and markup.
@Suite struct MonitoringChartTests {
    @Test func statusBarSegmentsAddUpToTheWholeWidth() throws {
        let layout = StatusChart.layout([2, 0, 2, 2, 1, 1, 1])
        let boxes = layout.compactMap { $0 }
        #expect(layout[1] == nil)
        #expect(boxes.map(\.width).reduce(0, +) == StatusChart.width)
        #expect(boxes.map(\.x) == [0, 222, 444, 666, 777, 888])
        #expect(boxes.map(\.width) == [222, 222, 222, 111, 111, 112])
        for (a, b) in zip(boxes, boxes.dropFirst()) { #expect(a.x + a.width == b.x) }
    }

    @Test func statusBarIsAnSVGWithoutStyleAttributes() throws {
        let svg = try #require(StatusChart.svg([.init(code: "completed", label: "виконано", count: 3),
                                                 .init(code: "in-progress", label: "виконується", count: 1)]))
        #expect(svg.hasPrefix("<svg class=\"status-bar\" viewBox=\"0 0 1000 24\""))
        #expect(svg.contains("<rect class=\"seg seg-completed\" x=\"0\" y=\"0\" width=\"750\" height=\"24\"><title>виконано: 3</title></rect>"))
        #expect(svg.contains("<rect class=\"seg seg-in-progress\" x=\"750\" y=\"0\" width=\"250\""))
        #expect(!svg.contains("style="))
        #expect(StatusChart.svg([.init(code: "completed", label: "виконано", count: 0)]) == nil)
    }

    @Test func valueAxisUsesRoundStepsAndIncludesZero() {
        func axis(_ values: [String]) -> [String] {
            IndicatorChart.axis(for: values.map { Decimal(string: $0)! }).ticks.map { NSDecimalNumber(decimal: $0).stringValue }
        }
        #expect(axis(["40", "120", "100"]) == ["0", "50", "100", "150"])
        #expect(axis(["55", "70", "40"]) == ["0", "20", "40", "60", "80"])
        #expect(axis(["0.3"]) == ["0", "0.1", "0.2", "0.3"])
        #expect(axis(["46.5", "50"]) == ["0", "20", "40", "60"])
        #expect(axis(["-5", "10"]) == ["-5", "0", "5", "10"])
        #expect(axis(["0"]) == ["0", "1"])
    }

    @Test func daysCountFromTheEpoch() {
        #expect(IndicatorChart.day(CalendarDate(year: 1970, month: 1, day: 1)) == 0)
        #expect(IndicatorChart.day(CalendarDate(year: 2000, month: 3, day: 1)) == 11017)
        #expect(IndicatorChart.day(CalendarDate(year: 2024, month: 3, day: 1)) - IndicatorChart.day(CalendarDate(year: 2024, month: 2, day: 28)) == 2)
    }

    @Test func chartDrawsSeriesAndTargetAsAnImageWithATitle() throws {
        let points = [IndicatorChart.Point(date: CalendarDate(year: 2025, month: 6, day: 30), value: 40),
                      IndicatorChart.Point(date: CalendarDate(year: 2025, month: 12, day: 31), value: 120)]
        let chart = IndicatorChart(id: "c", title: "Показник <1>", description: "Дані в таблиці", series: [
            .init(name: "Офіційні дані", style: "official", points: points.reversed()),
            .init(name: "Порожня", style: "civil-society", points: []),
        ], target: 100, targetLabel: "Ціль", format: Formatting(language: "uk"))
        let svg = try #require(chart.svg())
        #expect(svg.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""))
        #expect(svg.contains("<title id=\"c-title\">Показник &lt;1&gt;</title>"))
        // 40 of 150 at the left inset, 120 at the right inset; the target line at 100.
        #expect(svg.contains("<polyline class=\"line series-official\" points=\"96,181.3 592,64\"/>"))
        #expect(svg.contains("<line class=\"target-line\" x1=\"72\" x2=\"616\" y1=\"93.3\" y2=\"93.3\"/>"))
        #expect(svg.contains("<text class=\"target-label\" x=\"616\" y=\"87.3\" text-anchor=\"end\">Ціль: 100</text>"))
        #expect(svg.contains("<title>Офіційні дані, 31.12.2025: 120</title>"))
        #expect(!svg.contains("series-civil-society"))
        #expect(!svg.contains("style=") && !svg.contains("<script"))
        let empty = IndicatorChart(id: "e", title: "", description: "", series: [], target: 1, targetLabel: "", format: Formatting(language: "uk"))
        #expect(empty.svg() == nil)
    }

    @Test func chartLabelsShowDecimalsOnlyWhereNeeded() {
        let chart = IndicatorChart(id: "c", title: "", description: "", series: [], target: nil, targetLabel: "", format: Formatting(language: "uk"))
        #expect(chart.label(Decimal(string: "46.5")!) == "46,5")
        #expect(chart.label(Decimal(string: "2.50")!) == "2,5")
        #expect(chart.label(Decimal(1500)) == "1\u{00A0}500")
    }
}
