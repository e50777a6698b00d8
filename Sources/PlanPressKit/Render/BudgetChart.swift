import Foundation

/// The plan's budget as an inline SVG bar chart (one stacked bar per year, one
/// segment per source) and the share of each source. No JavaScript and no
/// inline styles: colours come from `chart-series-N` classes in site.css.
/// Geometry is computed in `Decimal`, like the money it draws.
struct BudgetChart {
    static let width = 640
    static let left = 64, right = 16, top = 28, plotHeight = 200, yearBand = 28, legendRow = 22
    static let seriesCount = 6

    let sums: BudgetSums
    let budget: BudgetSpec
    let years: [Int]

    init(sums: BudgetSums, budget: BudgetSpec) {
        self.sums = sums
        self.budget = budget
        self.years = budget.displayYears(sums).filter { (sums.total(year: $0)?.value ?? 0) > 0 }
    }

    /// Sources with amounts, in the plan's vocabulary order, numbered for colour classes.
    var series: [(id: String, name: String, number: Int)] {
        budget.sources.filter { sums.amounts[$0.id] != nil }.enumerated().map { offset, source in
            (source.id, source.name, offset % BudgetChart.seriesCount + 1)
        }
    }

    /// The largest year total rounded up to a whole number of grid steps (1, 2 or 5 × 10ⁿ).
    var axis: (max: Decimal, step: Decimal)? {
        let largest = years.compactMap { sums.total(year: $0)?.value }.max() ?? 0
        guard largest > 0 else { return nil }
        let raw = largest / 4
        var power: Decimal = 1
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1, 2, 5, 10].map { Decimal($0) * power }.first { $0 >= raw }!
        return (BudgetChart.rounded(largest / step, scale: 0, mode: .up) * step, step)
    }

    static func rounded(_ value: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    /// An SVG coordinate: a tenth of a pixel is enough.
    static func px(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: rounded(value, scale: 1, mode: .plain)).stringValue
    }

    /// Share of `part` in `whole` as a percentage with one decimal.
    static func share(_ part: Money, of whole: Money) -> Money? {
        guard whole.value != 0 else { return nil }
        return Money(rounded(part.value * 100 / whole.value, scale: 1, mode: .plain), scale: 1)
    }
}

extension PageRenderer {
    /// The chart's drawing instructions, or nil when there is nothing to draw.
    func budgetChart(_ chart: BudgetChart, id: String) -> Context? {
        guard let axis = chart.axis, !chart.years.isEmpty else { return nil }
        let plotWidth = BudgetChart.width - BudgetChart.left - BudgetChart.right
        let baseline = Decimal(BudgetChart.top + BudgetChart.plotHeight)
        let scale = Decimal(BudgetChart.plotHeight) / axis.max
        let slot = Decimal(plotWidth) / Decimal(chart.years.count)
        let barWidth = min(slot * 6 / 10, 72)
        let series = chart.series
        var gridlines: [Context] = []
        var value: Decimal = 0
        while value <= axis.max {
            let y = BudgetChart.px(baseline - value * scale)
            gridlines.append(["y": y, "label_y": BudgetChart.px(baseline - value * scale + 4),
                              "label": format.number(Money(parsing: NSDecimalNumber(decimal: value).stringValue) ?? .zero)])
            value += axis.step
        }
        let bars: [Context] = chart.years.enumerated().map { offset, year in
            let x = Decimal(BudgetChart.left) + slot * Decimal(offset) + (slot - barWidth) / 2
            var stacked: Decimal = 0
            var segments: [Context] = []
            for source in series {
                guard let amount = chart.sums.amount(source: source.id, year: year), amount.value > 0 else { continue }
                let height = amount.value * scale
                segments.append(["series": source.number, "x": BudgetChart.px(x), "y": BudgetChart.px(baseline - stacked - height),
                                 "width": BudgetChart.px(barWidth), "height": BudgetChart.px(height),
                                 "title": "\(source.name), \(year): \(format.money(amount)) \(chart.budget.unit)"])
                stacked += height
            }
            let total = chart.sums.total(year: year) ?? .zero
            return ["year": year, "segments": segments, "center": BudgetChart.px(x + barWidth / 2),
                    "total": format.money(total), "total_y": BudgetChart.px(baseline - total.value * scale - 6)]
        }
        let legendTop = BudgetChart.top + BudgetChart.plotHeight + BudgetChart.yearBand
        let legend: [Context] = series.enumerated().map { row, source in
            let y = legendTop + row * BudgetChart.legendRow
            return ["series": source.number, "label": source.name, "y": y, "text_y": y + 11]
        }
        return [
            "id": id, "width": BudgetChart.width, "height": legendTop + series.count * BudgetChart.legendRow + 4,
            "left": BudgetChart.left, "right": BudgetChart.width - BudgetChart.right, "axis_label_x": BudgetChart.left - 8,
            "year_y": BudgetChart.top + BudgetChart.plotHeight + 18, "legend_x": BudgetChart.left, "legend_text_x": BudgetChart.left + 20,
            "title": "\(budgetHeading(chart.budget)): \(t("budget_chart_title")) (\(chart.budget.unit))", "desc": chartDescription(chart),
            "gridlines": gridlines, "bars": bars, "legend": legend, "caption": t("budget_chart_caption"),
            "shares": shareTable(chart),
        ]
    }

    /// The text alternative: every bar's total and its parts, in words.
    func chartDescription(_ chart: BudgetChart) -> String {
        let parts = chart.years.map { year -> String in
            let pieces = chart.series.compactMap { source in
                chart.sums.amount(source: source.id, year: year).map { "\(source.name) — \(format.money($0))" }
            }
            return "\(year): \(t("total").lowercased()) \(format.money(chart.sums.total(year: year) ?? .zero)) (\(pieces.joined(separator: "; ")))"
        }
        return "\(budgetHeading(chart.budget)): \(t("budget_chart_title")), \(chart.budget.unit). " + parts.joined(separator: ". ") + "."
    }

    /// Each source's total over all years and its share of the grand total.
    func shareTable(_ chart: BudgetChart) -> Context {
        let grand = chart.sums.grandTotal ?? .zero
        let rows: [Context] = chart.series.map { source in
            let total = chart.sums.total(source: source.id) ?? .zero
            return ["series": source.number, "label": source.name, "total": format.money(total),
                    "share": BudgetChart.share(total, of: grand).map(percent) ?? "—"]
        }
        return ["caption": t("budget_share"), "unit": chart.budget.unit, "rows": rows,
                "grand_total": format.money(grand), "grand_share": percent(Money(100, scale: 1))]
    }

    func percent(_ value: Money) -> String {
        language == "en" ? "\(format.number(value))%" : "\(format.number(value))\u{00A0}%"
    }
}
