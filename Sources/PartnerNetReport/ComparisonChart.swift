import Foundation
import PartnerNetCore

/// A scatter chart of two comparison columns, one point per area, as a self-contained SVG:
/// axes with round-numbered ticks, a least-squares line with Pearson's r, and the names of
/// the areas furthest out.
public struct ComparisonChart: Sendable {
    public var x = "ei_index"
    public var y = "focal_share[betweenness]"
    public var title: String?
    /// How many areas to name (those with the highest y, then the most extreme x).
    public var labelled = 6

    public init(x: String = "ei_index", y: String = "focal_share[betweenness]", title: String? = nil) {
        self.x = x
        self.y = y
        self.title = title
    }

    /// Plain words for the columns the chart is usually drawn with: a short name for the
    /// title and a longer caption for the axis.
    static let captions: [String: (short: String, long: String)] = [
        "ei_index": ("E-I index", "E-I index by sector (−1 all ties within sectors, +1 all between)"),
        "focal_share[betweenness]": (
            "local authority's share of betweenness", "local authority's share of betweenness"
        ),
        "focal_share[degree]": ("local authority's share of ties", "local authority's share of ties (degree)"),
        "gini[betweenness]": ("inequality of betweenness", "Gini of betweenness"),
        "gini[degree]": ("inequality of ties", "Gini of degree"),
        "board_banzhaf": ("local authority's voting power", "local authority's Banzhaf power on the main board"),
        "density": ("density", "density"), "degree_centralization": ("degree centralisation", "degree centralisation"),
        "betweenness_centralization": ("betweenness centralisation", "betweenness centralisation"),
    ]

    /// The chart of `comparison`'s areas that have both values.
    public func svg(of comparison: Comparison) -> String {
        let points = comparison.rows.compactMap { row -> (name: String, x: Double, y: Double)? in
            guard let a = row.values[x], let b = row.values[y] else { return nil }
            return (row.name, a, b)
        }
        let (width, height) = (760.0, 520.0)
        let (left, right, top, bottom) = (80.0, 30.0, 70.0, 70.0)
        let xs = Self.axis(points.map(\.x))
        let ys = Self.axis(points.map(\.y))
        func px(_ value: Double) -> Double { left + (value - xs.low) / (xs.high - xs.low) * (width - left - right) }
        func py(_ value: Double) -> Double {
            height - bottom - (value - ys.low) / (ys.high - ys.low) * (height - top - bottom)
        }

        var svg: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
        ]
        let heading =
            title ?? Self.capitalised("\(Self.caption(y, long: false)) against \(Self.caption(x, long: false))")
        svg.append("<text x=\"\(left)\" y=\"28\" font-size=\"17\" font-weight=\"bold\">\(Self.escaped(heading))</text>")
        var subtitle = "\(points.count) area\(points.count == 1 ? "" : "s")"
        if let fit = Self.fit(points.map(\.x), points.map(\.y)) {
            subtitle += String(format: "; Pearson r = %.2f", fit.r)
        }
        svg.append("<text x=\"\(left)\" y=\"50\" font-size=\"12\" fill=\"#555\">\(Self.escaped(subtitle))</text>")
        // Grid and ticks.
        for tick in xs.ticks {
            let x = Self.f(px(tick))
            svg.append("<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(height - bottom)\" stroke=\"#e5e5e5\"/>")
            svg.append(
                "<text x=\"\(x)\" y=\"\(height - bottom + 18)\" font-size=\"11\" text-anchor=\"middle\">\(Self.tick(tick, step: xs.step))</text>"
            )
        }
        for tick in ys.ticks {
            let y = Self.f(py(tick))
            svg.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#e5e5e5\"/>")
            svg.append(
                "<text x=\"\(left - 8)\" y=\"\(Self.f(py(tick) + 4))\" font-size=\"11\" text-anchor=\"end\">\(Self.tick(tick, step: ys.step))</text>"
            )
        }
        svg.append(
            "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(width - left - right)\" height=\"\(height - top - bottom)\" fill=\"none\" stroke=\"#999\"/>"
        )
        svg.append(
            "<text x=\"\(Self.f((left + width - right) / 2))\" y=\"\(height - 22)\" font-size=\"13\" text-anchor=\"middle\">\(Self.escaped(Self.caption(x)))</text>"
        )
        svg.append(
            "<text transform=\"translate(22 \(Self.f((top + height - bottom) / 2))) rotate(-90)\" font-size=\"13\" text-anchor=\"middle\">\(Self.escaped(Self.caption(y)))</text>"
        )
        // Trend line.
        if let fit = Self.fit(points.map(\.x), points.map(\.y)) {
            let (a, b) = (xs.low, xs.high)
            svg.append(
                "<line x1=\"\(Self.f(px(a)))\" y1=\"\(Self.f(py(fit.intercept + fit.slope * a)))\" x2=\"\(Self.f(px(b)))\" y2=\"\(Self.f(py(fit.intercept + fit.slope * b)))\" stroke=\"#D55E00\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" clip-path=\"url(#plot)\"/>"
            )
            svg.insert(
                "<defs><clipPath id=\"plot\"><rect x=\"\(left)\" y=\"\(top)\" width=\"\(width - left - right)\" height=\"\(height - top - bottom)\"/></clipPath></defs>",
                at: 2)
        }
        // Points, then names of the areas furthest out.
        for point in points {
            svg.append(
                "<circle cx=\"\(Self.f(px(point.x)))\" cy=\"\(Self.f(py(point.y)))\" r=\"4\" fill=\"#0072B2\" fill-opacity=\"0.65\" stroke=\"#004B75\" stroke-width=\"0.6\"><title>\(Self.escaped(point.name)): \(Self.escaped(x)) \(Self.tick(point.x, step: 0.0001)), \(Self.escaped(y)) \(Self.tick(point.y, step: 0.0001))</title></circle>"
            )
        }
        var named: [Int] = Array(points.indices.sorted { points[$0].y > points[$1].y }.prefix(labelled / 2))
        let meanX = points.map(\.x).reduce(0, +) / Double(max(1, points.count))
        for index in points.indices.sorted(by: { abs(points[$0].x - meanX) > abs(points[$1].x - meanX) })
        where named.count < labelled && !named.contains(index) {
            named.append(index)
        }
        // Labels go beside their point, moved up or down (or to the other side) until they
        // overlap no other label; one that cannot be placed is left out.
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for index in named {
            let point = points[index]
            let (cx, cy) = (px(point.x), py(point.y))
            let textWidth = Double(point.name.count) * 6.1
            var spot: (x: Double, y: Double, anchor: String)?
            search: for dy in [-6.0, 14, -18, 26, -30, 38] {
                for side in (cx > width - right - textWidth - 10 ? ["end", "start"] : ["start", "end"]) {
                    let x = side == "end" ? cx - 7 : cx + 7
                    let box = (
                        x0: side == "end" ? x - textWidth : x, y0: cy + dy - 10, x1: side == "end" ? x : x + textWidth,
                        y1: cy + dy + 2
                    )
                    guard box.x0 >= left, box.x1 <= width - right, box.y0 >= top, box.y1 <= height - bottom,
                        !placed.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }
                        )
                    else { continue }
                    placed.append(box)
                    spot = (x, cy + dy, side)
                    break search
                }
            }
            guard let spot else { continue }
            svg.append(
                "<text x=\"\(Self.f(spot.x))\" y=\"\(Self.f(spot.y))\" font-size=\"11\" fill=\"#333\" text-anchor=\"\(spot.anchor)\">\(Self.escaped(point.name))</text>"
            )
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    static func caption(_ column: String, long: Bool = true) -> String {
        captions[column].map { long ? $0.long : $0.short } ?? column
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Axis limits padded to round ticks (1, 2 or 5 × a power of ten, about 6 of them).
    static func axis(_ values: [Double]) -> (low: Double, high: Double, step: Double, ticks: [Double]) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if high - low < 1e-12 { (low, high) = (low - 0.5, high + 0.5) }
        let raw = (high - low) / 6
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        let ticks = stride(from: low, through: high + step / 2, by: step).map { ($0 / step).rounded() * step }
        return (low, high, step, ticks)
    }

    /// The least-squares line of `y` on `x` and Pearson's r, as drawn on the chart:
    /// slope Sxy/Sxx, intercept ȳ − slope·x̄, r = Sxy/√(Sxx·Syy); `nil` for fewer than three
    /// points or no spread in either. O(n).
    public static func fit(_ x: [Double], _ y: [Double]) -> (slope: Double, intercept: Double, r: Double)? {
        let n = Double(x.count)
        guard x.count >= 3 else { return nil }
        let (mx, my) = (x.reduce(0, +) / n, y.reduce(0, +) / n)
        var (sxx, syy, sxy) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
            sxy += (a - mx) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return (sxy / sxx, my - sxy / sxx * mx, sxy / (sxx * syy).squareRoot())
    }

    static func tick(_ value: Double, step: Double) -> String {
        let decimals = max(0, Int((-log10(step)).rounded(.up)))
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) != 0
            ? "−" + text.dropFirst() : (Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text)
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escaped(_ text: String) -> String { markupEscaped(text) }
}
