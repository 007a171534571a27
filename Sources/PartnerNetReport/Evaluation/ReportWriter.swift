import Foundation
import PartnerNetCore
import PartnerNetIO

/// Writes report folders: the page, its Markdown twin, the diagram and the tables.
public enum ReportWriter {
    /// Writes `report` into `folder`: `index.html`, `report.md`, `findings.json` and
    /// `findings.csv`, `diagram.svg` (when the diagram could be drawn), for a report over
    /// waves `change-diagram.svg` (`change-diagram-N.svg` for each pair with more than two
    /// waves) and `change-chart.svg`, and
    /// `tables/NAME.csv` and `.json` for every table. Tables an earlier report left in
    /// `tables/` that this one does not write are removed, so the folder never mixes two
    /// reports.
    ///
    /// - Returns: the files written, relative to `folder`.
    @discardableResult
    public static func write(_ report: EvaluationReport, to folder: String) throws -> [String] {
        try WorkProgress.stage("writing the report") { try writeUnreported(report, to: folder) }
    }

    private static func writeUnreported(_ report: EvaluationReport, to folder: String) throws -> [String] {
        var written: [String] = []
        func put(_ text: String, _ name: String) throws {
            let path = (folder as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try SafeFileWriter.write(text, to: path)
            written.append(name)
        }
        // The page, its Markdown twin and every table in both formats are rendered side by
        // side, then written in order (the same files, byte for byte, as one by one).
        let tables = report.tables
        let diagramFile = report.diagramSVG == nil ? nil : report.fullDiagram == nil ? "diagram.svg" : "diagram-sectors.svg"
        var renderers: [(name: String, render: @Sendable () -> String)] = [
            ("index.html", { HTMLPage.render(report) }),
            ("report.md", { MarkdownPage.render(report, diagram: diagramFile) }),
            ("findings.json", { report.findings.json }),
            ("findings.csv", { report.findings.table.rendered(as: .csv) }),
        ]
        for (name, table) in tables {
            renderers.append(("tables/\(name).csv", { table.rendered(as: .csv) }))
            renderers.append(("tables/\(name).json", { table.rendered(as: .json) }))
        }
        let texts = WorkProgress.stage("rendering") {
            parallelMap(renderers.count) { [renderers] index in renderers[index].render() }
        }
        try put(texts[0], "index.html")
        if let svg = report.diagramSVG {
            try put(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg,
                report.fullDiagram == nil ? "diagram.svg" : "diagram-sectors.svg")
        }
        if let full = report.fullDiagram {
            let path = (folder as NSString).appendingPathComponent(full.file)
            try SafeFileWriter.write(full.data, to: path)
            written.append(full.file)
        }
        if let change = report.change {
            for (index, svg) in change.diagramSVGs.enumerated() {
                try put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg, change.diagramFile(index))
            }
            if !change.chart.series.isEmpty { try put(change.chartSVG, ReportChange.chartFile) }
        }
        // A diagram file an earlier report left that this one does not write.
        let earlier = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let changeFiles = earlier.filter { $0.hasPrefix("change-") && $0.hasSuffix(".svg") }
        for stale in ["diagram.svg", "diagram.dot", "diagram-sectors.svg"] + changeFiles where !written.contains(stale) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(stale))
        }
        for (text, renderer) in zip(texts, renderers).dropFirst() { try put(text, renderer.name) }
        try removeStale(in: (folder as NSString).appendingPathComponent("tables"), keeping: written)
        return written
    }

    /// Removes the `.csv` and `.json` files of `tables` that were not just written.
    static func removeStale(in tables: String, keeping written: [String]) throws {
        let kept = Set(written.filter { $0.hasPrefix("tables/") }.map { String($0.dropFirst("tables/".count)) })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tables)) ?? []
        where (name.hasSuffix(".csv") || name.hasSuffix(".json")) && !kept.contains(name) {
            try FileManager.default.removeItem(atPath: (tables as NSString).appendingPathComponent(name))
        }
    }

    /// Writes the report on a collection into `folder`: `index.html` and `report.md` with the
    /// comparison table, its summary and chart, and a linked report for every area under
    /// `areas/NAME/`.
    ///
    /// - Parameter areas: each area's report, or `nil` where it failed (named in the page).
    public static func write(
        comparison: Comparison, areas: [(path: String, report: EvaluationReport?)], to folder: String
    ) throws {
        var links: [String: String] = [:]
        var used = Set<String>()
        for (path, report) in areas {
            guard let report else { continue }
            var slug = Self.slug((path as NSString).lastPathComponent)
            if !used.insert(slug).inserted {
                var k = 2
                while !used.insert("\(slug)-\(k)").inserted { k += 1 }
                slug = "\(slug)-\(k)"
            }
            try write(report, to: (folder as NSString).appendingPathComponent("areas/\(slug)"))
            links[path] = "areas/\(slug)/index.html"
        }
        let table = comparison.table(sortedBy: nil)
        let chart = ComparisonChart().svg(of: comparison)
        try SafeFileWriter.write(chart, to: (folder as NSString).appendingPathComponent("comparison.svg"))
        var body: [String] = ["<header><h1>Comparison of \(comparison.rows.count) areas</h1>"]
        body.append("<p class=\"meta\">PartnerNet \(markupEscaped(PartnerNetVersion.string))</p></header>")
        body.append("<section id=\"chart\"><h2>The areas at a glance</h2><figure class=\"diagram\">")
        body.append(String(chart[chart.range(of: "<svg")!.lowerBound...]))
        body.append("<figcaption>One point per area; hover for its values.</figcaption></figure></section>")
        body.append(
            "<section id=\"areas\"><h2>Areas</h2><p>Click a column heading to sort; click an area for its report.</p>")
        var linked = table
        linked.rows = table.rows.map { row in
            var row = row
            if case .text(let path) = row[1], let link = links[path] { row[1] = .text(link) }
            return row
        }
        var html = HTMLPage.table(linked, id: "comparison", caption: "Headline measures by area", sortable: true)
        for (path, link) in links {
            let escaped = markupEscaped(link)
            html = html.replacingOccurrences(
                of: "<td>\(escaped)</td>",
                with: "<td><a href=\"\(escaped)\">\(markupEscaped((path as NSString).lastPathComponent))</a></td>")
        }
        body.append(html)
        body.append("</section>")
        body.append("<section id=\"summary\"><h2>Across areas</h2>")
        body.append(HTMLPage.table(comparison.summary, id: "summary-table", caption: "Summary statistics across areas"))
        if !comparison.failures.isEmpty {
            body.append("<h3>Areas not compared</h3><ul>")
            body += comparison.failures.map { "<li>\(markupEscaped($0.path)): \(markupEscaped($0.reason))</li>" }
            body.append("</ul>")
        }
        body.append("</section>")
        try SafeFileWriter.write(
            HTMLPage.page(title: "Comparison of \(comparison.rows.count) areas", body: body),
            to: (folder as NSString).appendingPathComponent("index.html"))
        var markdown = [
            "# Comparison of \(comparison.rows.count) areas", "", "![Chart](comparison.svg)", "", table.markdown(),
            comparison.summary.markdown(),
        ]
        if !comparison.failures.isEmpty {
            markdown.append("Areas not compared:")
            markdown.append("")
            markdown += comparison.failures.map { "- \($0.path): \($0.reason)" }
        }
        try SafeFileWriter.write(
            markdown.joined(separator: "\n") + "\n", to: (folder as NSString).appendingPathComponent("report.md"))
        try SafeFileWriter.write(
            table.rendered(as: .csv), to: (folder as NSString).appendingPathComponent("comparison.csv"))
        try SafeFileWriter.write(
            table.rendered(as: .json), to: (folder as NSString).appendingPathComponent("comparison.json"))
    }

    static func slug(_ name: String) -> String {
        let text = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return text.isEmpty ? "area" : text
    }
}
