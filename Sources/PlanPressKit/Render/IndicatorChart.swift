import Foundation

/// An inline SVG line chart of indicator values over time, with the target as
/// a dashed line. No JavaScript and no style attributes: colours come from
/// `series-*` classes in site.css. The chart is an image with a title; the
/// table next to it carries the same numbers for every reader.
public struct IndicatorChart: Sendable {
    public struct Point: Sendable {
        public var date: CalendarDate
        public var value: Decimal
    }

    public struct Series: Sendable {
        public var name: String
        /// Suffix of the `series-…` CSS class.
        public var style: String
        public var points: [Point]
        public init(name: String, style: String, points: [Point]) {
            self.name = name
            self.style = style
            self.points = points.sorted { $0.date < $1.date }
        }
    }

    /// Prefix of the element ids; unique within the page.
    public var id: String
    public var title: String
    public var description: String
    public var series: [Series]
    public var target: Decimal?
    public var targetLabel: String
    public var format: Formatting
    /// A long series (docs/monitoring.md, «Long series»): each line is drawn through its values
    /// thinned to what the chart's width can show (`thinned`), without a dot per value.
    public var long: Bool

    public init(id: String, title: String, description: String, series: [Series], target: Decimal?, targetLabel: String,
                format: Formatting, long: Bool = false) {
        self.id = id
        self.title = title
        self.description = description
        self.series = series.filter { !$0.points.isEmpty }
        self.target = target
        self.targetLabel = targetLabel
        self.format = format
        self.long = long
    }

    /// Columns of the plot a long line is thinned to (2 px each).
    static let columns = 248

    /// The points a long line keeps: in each column of the plot (by date), its first, lowest,
    /// highest and last value, in date order. The line drawn through them looks as the line
    /// through every value would at the chart's size, with at most 4 points a column.
    static func thinned(_ points: [Point], x: (CalendarDate) -> Double) -> [Point] {
        guard points.count > 4 * columns, let first = points.first, let last = points.last else { return points }
        let from = x(first.date), span = max(x(last.date) - from, 1)
        var kept: [Point] = []
        var start = 0
        while start < points.count {
            let column = min(Int((x(points[start].date) - from) / span * Double(columns)), columns - 1)
            var end = start + 1
            while end < points.count, min(Int((x(points[end].date) - from) / span * Double(columns)), columns - 1) == column { end += 1 }
            var low = start, high = start
            for k in start..<end {
                if points[k].value < points[low].value { low = k }
                if points[k].value > points[high].value { high = k }
            }
            for k in Set([start, low, high, end - 1]).sorted() { kept.append(points[k]) }
            start = end
        }
        return kept
    }

    static let width = 640.0, height = 280.0
    static let left = 72.0, right = 24.0, top = 20.0, bottom = 40.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// The value axis: ticks from `low` to `high` in equal `step`s.
    public struct Axis: Sendable, Equatable {
        public var low: Decimal
        public var high: Decimal
        public var step: Decimal
        public var ticks: [Decimal] {
            var result: [Decimal] = []
            var tick = low
            while tick <= high { result.append(tick); tick += step }
            return result
        }
    }

    /// A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about four intervals, and the
    /// axis bounds that include zero and every value.
    public static func axis(for values: [Decimal]) -> Axis {
        let high = max(values.max() ?? 0, 0), low = min(values.min() ?? 0, 0)
        let span = high - low
        guard span > 0 else { return Axis(low: 0, high: 1, step: 1) }
        let rough = NSDecimalNumber(decimal: span / 4).doubleValue
        var exponent = Int(floor(log10(rough)))
        let fraction = rough / pow(10, Double(exponent))
        let mantissa: Decimal
        switch fraction {
        case ...1: mantissa = 1
        case ...2: mantissa = 2
        case ...2.5: mantissa = Decimal(string: "2.5")!
        case ...5: mantissa = 5
        default: mantissa = 1; exponent += 1
        }
        let step = mantissa * power(exponent)
        return Axis(low: floorTo(low, step), high: ceilTo(high, step), step: step)
    }

    static func power(_ exponent: Int) -> Decimal {
        exponent >= 0 ? pow(Decimal(10), exponent) : 1 / pow(Decimal(10), -exponent)
    }

    static func ceilTo(_ value: Decimal, _ step: Decimal) -> Decimal {
        var quotient = value / step, rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .up)
        return rounded * step
    }

    static func floorTo(_ value: Decimal, _ step: Decimal) -> Decimal {
        var quotient = value / step, rounded = Decimal()
        NSDecimalRound(&rounded, &quotient, 0, .down)
        return rounded * step
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for the time axis.
    static func day(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// Coordinates with one decimal, written the same way on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    static func shortDate(_ date: CalendarDate) -> String {
        let iso = date.iso.split(separator: "-")
        return "\(iso[2]).\(iso[1]).\(iso[0])"
    }

    /// A tick or value as text: the fewest decimals that show it exactly.
    func label(_ value: Decimal) -> String {
        var scale = 0
        var scaled = value < 0 ? -value : value
        while scale < 6, scaled != Decimal(NSDecimalNumber(decimal: scaled).int64Value) {
            scaled *= 10
            scale += 1
        }
        return format.number(Money(value, scale: scale))
    }

    /// The chart, or nil when there is nothing to draw.
    public func svg() -> String? {
        let points = series.flatMap(\.points)
        guard !points.isEmpty else { return nil }
        let axis = IndicatorChart.axis(for: points.map(\.value) + (target.map { [$0] } ?? []))
        let days = points.map { IndicatorChart.day($0.date) }
        let first = days.min()!, last = days.max()!
        let inset = 24.0
        func x(_ date: CalendarDate) -> Double {
            guard last > first else { return Self.left + Self.plotWidth / 2 }
            return Self.left + inset + Double(Self.day(date) - first) / Double(last - first) * (Self.plotWidth - 2 * inset)
        }
        let low = NSDecimalNumber(decimal: axis.low).doubleValue, high = NSDecimalNumber(decimal: axis.high).doubleValue
        func y(_ value: Decimal) -> Double {
            Self.top + (high - NSDecimalNumber(decimal: value).doubleValue) / (high - low) * Self.plotHeight
        }
        let n = Self.number
        var svg = "<svg class=\"indicator-chart\" viewBox=\"0 0 \(n(Self.width)) \(n(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(HTML.escape(title))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
        for tick in axis.ticks {
            svg += "<line class=\"grid\" x1=\"\(n(Self.left))\" x2=\"\(n(Self.width - Self.right))\" y1=\"\(n(y(tick)))\" y2=\"\(n(y(tick)))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(Self.left - 8))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\">\(HTML.escape(label(tick)))</text>"
        }
        let dates = Array(Set(points.map(\.date))).sorted()
        let shown = dates.count <= 6 ? dates : (0..<6).map { dates[$0 * (dates.count - 1) / 5] }
        for date in shown {
            svg += "<text class=\"tick\" x=\"\(n(x(date)))\" y=\"\(n(Self.height - Self.bottom + 18))\" text-anchor=\"middle\">\(Self.shortDate(date))</text>"
        }
        if let target {
            let ty = n(y(target))
            svg += "<line class=\"target-line\" x1=\"\(n(Self.left))\" x2=\"\(n(Self.width - Self.right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            svg += "<text class=\"target-label\" x=\"\(n(Self.width - Self.right))\" y=\"\(n(y(target) - 6))\" text-anchor=\"end\">"
            svg += "\(HTML.escape(targetLabel)): \(HTML.escape(label(target)))</text>"
        }
        for series in series where long && series.points.count > 1 {
            let path = IndicatorChart.thinned(series.points, x: x).map { "\(n(x($0.date))),\(n(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline class=\"line series-\(HTML.escape(series.style))\" points=\"\(path)\"/>"
        }
        for series in series where !long || series.points.count == 1 {
            let style = HTML.escape(series.style)
            if series.points.count > 1 {
                let path = series.points.map { "\(n(x($0.date))),\(n(y($0.value)))" }.joined(separator: " ")
                svg += "<polyline class=\"line series-\(style)\" points=\"\(path)\"/>"
            }
            for point in series.points {
                svg += "<circle class=\"dot series-\(style)\" cx=\"\(n(x(point.date)))\" cy=\"\(n(y(point.value)))\" r=\"4\">"
                svg += "<title>\(HTML.escape(series.name)), \(Self.shortDate(point.date)): \(HTML.escape(label(point.value)))</title></circle>"
            }
        }
        return svg + "</svg>"
    }
}
