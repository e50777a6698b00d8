/// The status progress bar: one inline SVG of coloured segments, one per
/// status, widths in proportion to the counts. No style attributes (strict
/// CSP): colours come from `seg-<status>` classes in site.css. The numbers
/// are printed as text next to it, so the SVG itself is hidden from screen readers.
public enum StatusChart {
    /// One segment: a CSS code, a label and a count.
    public struct Segment: Sendable, Equatable {
        public var code: String
        public var label: String
        public var count: Int
    }

    /// The order statuses appear in bars and legends: done first, unknown last.
    public static let order: [MeasureStatusValue] = [.completed, .partlyCompleted, .inProgress, .notStarted, .notCompleted, .noInformation]

    /// Width of the bar in SVG units; segment widths are whole numbers summing to it.
    public static let width = 1000

    /// `x` and `width` of each non-empty segment, rounded so they add up to `width` exactly.
    public static func layout(_ counts: [Int]) -> [(x: Int, width: Int)?] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in nil } }
        var running = 0
        return counts.map { count in
            let start = running * width / total
            running += count
            let end = running * width / total
            return count > 0 ? (start, end - start) : nil
        }
    }

    /// The SVG for the segments; `nil` when every count is zero.
    public static func svg(_ segments: [Segment]) -> String? {
        let layout = layout(segments.map(\.count))
        guard layout.contains(where: { $0 != nil }) else { return nil }
        var svg = "<svg class=\"status-bar\" viewBox=\"0 0 \(width) 24\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
        for (segment, box) in zip(segments, layout) {
            guard let box else { continue }
            svg += "<rect class=\"seg seg-\(HTML.escape(segment.code))\" x=\"\(box.x)\" y=\"0\" width=\"\(box.width)\" height=\"24\">"
            svg += "<title>\(HTML.escape(segment.label)): \(segment.count)</title></rect>"
        }
        return svg + "</svg>"
    }
}
