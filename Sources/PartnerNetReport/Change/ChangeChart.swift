import Foundation
import PartnerNetCore

/// Small multiples of the headline measures across waves, as a self-contained SVG: one
/// panel per measure, the waves in order along its x axis, the measure's value in each wave
/// joined by a line, its own y axis (round ticks from ``ComparisonChart/axis(_:)``), and
/// under each step the p-value of the dyad-swap test of that change where it was tested
/// (``ChangeReport``), a step whose p is below α drawn thick.
///
/// The values are ``ChangeReport``'s own: the first wave's from the first pair's earlier
/// analysis, each later wave's from the analysis of the consecutive pair ending there, so
/// nothing is measured twice.
public struct ChangeChart: Sendable {
    /// The measures drawn, in order, when the waves have them.
    public static let measures = [
        "focal_share[betweenness]", "focal_share[degree]", "ei_index", "density", "degree_centralization",
        "betweenness_centralization", "modularity_groups", "gini[betweenness]", "fragmentation_without_focal",
        "chair_share", "board_vote_share", "board_banzhaf",
    ]

    public let labels: [String]
    /// Per measure drawn: its name, the value in each wave, and the test of each consecutive
    /// change (`nil`: not tested).
    public let series: [(metric: String, values: [Double?], pValues: [Double?])]

    public init(report: ChangeReport) {
        labels = report.waves.map(\.label)
        let consecutive = Array(report.pairs.prefix(max(0, report.waves.count - 1)))
        var series: [(String, [Double?], [Double?])] = []
        for metric in Self.measures {
            guard let first = consecutive.first else { break }
            var values: [Double?] = [first.headline.first { $0.metric == metric }?.before]
            var pValues: [Double?] = []
            for pair in consecutive {
                let measure = pair.headline.first { $0.metric == metric }
                values.append(measure?.after)
                pValues.append(measure?.pValue)
            }
            if values.compactMap({ $0 }).count >= 2 { series.append((metric, values, pValues)) }
        }
        self.series = series
    }

    static let panel = (width: 250.0, height: 170.0)
    static let columns = 4

    /// The chart; `title` above the panels.
    public func svg(title: String) -> String {
        let columns = min(Self.columns, max(1, series.count))
        let rows = (series.count + columns - 1) / columns
        let (pw, ph) = Self.panel
        let (width, height) = (Double(columns) * pw + 20, Double(rows) * ph + 56)
        var svg: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">",
            "<title>\(markupEscaped(title))</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(markupEscaped(title))</text>",
            "<text x=\"12\" y=\"40\" font-size=\"11\" fill=\"#555\">One panel per measure, waves left to right; "
                + "under each step the dyad-swap test's p (thick step: p &lt; \(formatNumber(AreaAnalysis.alpha))).</text>",
        ]
        for (index, entry) in series.enumerated() {
            let ox = 10 + Double(index % columns) * pw
            let oy = 50 + Double(index / columns) * ph
            let (left, right, top, bottom) = (ox + 46, ox + pw - 14, oy + 36, oy + ph - 38)
            let axis = ComparisonChart.axis(entry.values.compactMap { $0 })
            func px(_ k: Int) -> Double {
                labels.count == 1 ? (left + right) / 2 : left + Double(k) / Double(labels.count - 1) * (right - left)
            }
            func py(_ v: Double) -> Double { bottom - (v - axis.low) / (axis.high - axis.low) * (bottom - top) }
            let f = ComparisonChart.f
            svg.append("<g class=\"panel\" data-metric=\"\(markupEscaped(entry.metric))\">")
            svg.append(
                "<text x=\"\(f(ox + 6))\" y=\"\(f(oy + 14))\" font-size=\"12\" font-weight=\"bold\">\(markupEscaped(entry.metric))</text>"
            )
            for tick in [axis.low, axis.high] {
                svg.append(
                    "<line x1=\"\(f(left))\" y1=\"\(f(py(tick)))\" x2=\"\(f(right))\" y2=\"\(f(py(tick)))\" stroke=\"#e5e5e5\"/>")
                svg.append(
                    "<text x=\"\(f(left - 5))\" y=\"\(f(py(tick) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">\(ComparisonChart.tick(tick, step: axis.step))</text>"
                )
            }
            // Wave labels: the first from its point rightwards, the last leftwards, each cut
            // to the room it has.
            let room = labels.count == 1 ? right - left : (right - left) / Double(labels.count - 1)
            let characters = max(4, Int(room / 5.8))
            for (k, label) in labels.enumerated() {
                let anchor = labels.count == 1 ? "middle" : k == 0 ? "start" : k == labels.count - 1 ? "end" : "middle"
                let x = anchor == "start" ? px(k) - 4 : anchor == "end" ? px(k) + 4 : px(k)
                svg.append(
                    "<text x=\"\(f(x))\" y=\"\(f(bottom + 14))\" font-size=\"10\" text-anchor=\"\(anchor)\">\(markupEscaped(Self.short(label, characters)))</text>"
                )
            }
            // Steps between consecutive waves, with their test.
            for k in 0..<(labels.count - 1) {
                guard let a = entry.values[k], let b = entry.values[k + 1] else { continue }
                let p = entry.pValues[k]
                let significant = p.map { $0 < AreaAnalysis.alpha } ?? false
                svg.append(
                    "<line x1=\"\(f(px(k)))\" y1=\"\(f(py(a)))\" x2=\"\(f(px(k + 1)))\" y2=\"\(f(py(b)))\" stroke=\"#0072B2\" stroke-width=\"\(significant ? 3.5 : 1.5)\"/>"
                )
                let text = p.map { $0 < 0.001 ? "p < 0.001" : String(format: "p = %.3f", $0) } ?? "not tested"
                svg.append(
                    "<text x=\"\(f((px(k) + px(k + 1)) / 2))\" y=\"\(f(bottom + 28))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(markupEscaped(text))</text>"
                )
            }
            for (k, value) in entry.values.enumerated() {
                guard let value else { continue }
                svg.append(
                    "<circle cx=\"\(f(px(k)))\" cy=\"\(f(py(value)))\" r=\"4\" fill=\"#0072B2\"><title>\(markupEscaped(entry.metric)) in \(markupEscaped(labels[k])): \(formatNumber(value))</title></circle>"
                )
                let anchor = labels.count == 1 ? "middle" : k == 0 ? "start" : k == labels.count - 1 ? "end" : "middle"
                let x = anchor == "start" ? px(k) + 7 : anchor == "end" ? px(k) - 7 : px(k)
                svg.append(
                    "<text x=\"\(f(x))\" y=\"\(f(py(value) - 7))\" font-size=\"10\" text-anchor=\"\(anchor)\">\(Self.value(value))</text>"
                )
            }
            svg.append("</g>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// A wave's label cut to `characters` to fit under its point.
    static func short(_ label: String, _ characters: Int) -> String {
        label.count <= characters ? label : String(label.prefix(characters - 1)) + "…"
    }

    /// A value as the panel prints it: three decimals, or whole when whole.
    static func value(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.3f", value)
    }
}
