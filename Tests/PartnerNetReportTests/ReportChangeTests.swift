import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report's "Change" section (`report --waves`): its values are `change`'s, waves given
/// as folders and as dated rows give the same section, the diagram draws as many dashed,
/// thick and thin ties as `change` counts lost, gained and kept, every wave's organisations
/// stand in the same place in every panel, and the chart shows each wave's headline values.
@Suite struct ReportChangeTests {
    static func folders(_ paths: [String]) throws -> [Wave] {
        try paths.map { Wave(label: ($0 as NSString).lastPathComponent, area: try AreaSource.read(at: Paths.repo($0)).area) }
    }

    static func dated(_ path: String, _ dates: [String]) throws -> [Wave] {
        try AreaSource.read(at: Paths.repo(path)).area.waves(at: dates.compactMap(WaveDate.init))
    }

    static let settings = ChangeSettings(permutations: 20, seed: 3)

    static let northbridge = ["Datasets/northbridge", "Datasets/northbridge_2026"]
    static let randomA = (1...3).map { "Tests/Fixtures/waves/random_a/w\($0)" }

    static func section(_ waves: [Wave]) throws -> ReportChange {
        ReportChange(change: try ChangeReport(waves: waves, settings: settings), waveArguments: ["--waves"])
    }

    /// `metric,value` rows by name.
    static func values(_ table: ResultTable) -> [String: Double?] {
        Dictionary(
            table.rows.compactMap { row -> (String, Double?)? in
                guard case .text(let name) = row[0], case .number(let value, _) = row[1] else { return nil }
                return (name, value)
            }, uniquingKeysWith: { a, _ in a })
    }

    /// The rows of `change_members` without the pair's label (which names the waves).
    static func members(_ section: ReportChange) -> [[String]] {
        section.membersTable.rows.map { row in
            row.dropFirst().map { if case .text(let text) = $0 { text } else { "" } }
        }
    }

    @Test func foldersAndDatedRowsGiveTheSameSection() throws {
        let pairs: [([String], String, [String])] = [
            (Self.northbridge, "Tests/Fixtures/waves/northbridge_dated", ["2024", "2026"]),
            (Self.randomA, "Tests/Fixtures/waves/random_a_dated", ["2020", "2022-06", "2024-01-01"]),
        ]
        for (paths, datedPath, dates) in pairs {
            let a = try Self.section(try Self.folders(paths))
            let b = try Self.section(try Self.dated(datedPath, dates))
            // With more than two waves the rows carry the pair's labels, which name the waves.
            let strip = { (values: [String: Double?], labels: [String]) -> [String: Double?] in
                var out: [String: Double?] = [:]
                for (name, value) in values {
                    var key = name
                    for (index, label) in labels.enumerated() {
                        key = key.replacingOccurrences(of: "\(label)..", with: "W\(index)..")
                            .replacingOccurrences(of: "..\(label):", with: "..W\(index):")
                    }
                    out[key] = value
                }
                return out
            }
            let first = strip(Self.values(a.change.table), a.change.waves.map(\.label))
            let second = strip(Self.values(b.change.table), b.change.waves.map(\.label))
            #expect(first.count > 20)
            #expect(first.keys.sorted() == second.keys.sorted(), "\(datedPath)")
            for (name, value) in first {
                let other = second[name] ?? nil
                switch (value, other) {
                case (let x?, let y?): #expect(abs(x - y) <= 1e-12 * max(1, abs(x)), "\(datedPath) \(name)")
                case (nil, nil): break
                default: Issue.record("\(datedPath) \(name): \(String(describing: value)) against \(String(describing: other))")
                }
            }
            #expect(Self.members(a) == Self.members(b))
            #expect(a.diagram?.relation == b.diagram?.relation)
            #expect(a.diagram?.panels.map(\.counts) == b.diagram?.panels.map(\.counts))
            #expect(a.chart.series.map(\.metric) == b.chart.series.map(\.metric))
        }
    }

    /// The ties a panel's SVG draws, by how they look: dashed, thick (stroke width ≥ 3) or
    /// thin; the legend's sample lines left out.
    static func drawn(_ svg: String) -> (dashed: Int, thick: Int, thin: Int) {
        var counts = (dashed: 0, thick: 0, thin: 0)
        let text = svg.replacingOccurrences(of: "&#45;", with: "-")
        // Each edge is a group `<g id="ID" class="edge">` whose first <path> is its line; the
        // legend's ids are `legend-…`.
        let pattern = try! NSRegularExpression(
            pattern: "<g id=\"([^\"]*)\" class=\"edge\">.*?(<path[^>]*>)", options: [.dotMatchesLineSeparators])
        let whole = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: whole) {
            let id = String(text[Range(match.range(at: 1), in: text)!])
            let path = String(text[Range(match.range(at: 2), in: text)!])
            if id.hasPrefix("legend-") { continue }
            let width =
                path.range(of: "stroke-width=\"[0-9.]+\"", options: .regularExpression).map {
                    Double(path[$0].dropFirst("stroke-width=\"".count).dropLast()) ?? 1
                } ?? 1
            if path.contains("stroke-dasharray") {
                counts.dashed += 1
            } else if width >= 3 {
                counts.thick += 1
            } else {
                counts.thin += 1
            }
        }
        return counts
    }

    @Test(arguments: [0, 1])
    func diagramDrawsWhatChangeCounts(_ series: Int) throws {
        let section = try Self.section(try Self.folders(series == 0 ? Self.northbridge : Self.randomA))
        let diagram = try #require(section.diagram)
        let values = Self.values(section.change.table)
        #expect(diagram.panels.count == section.change.pairs.count)
        #expect(section.diagramSVGs.count == diagram.panels.count)
        for (index, pair) in section.change.pairs.enumerated() {
            let prefix = section.change.waves.count > 2 ? "\(pair.label):" : ""
            let r = diagram.relation
            let lost = try #require(values["\(prefix)ties_lost[\(r)]"] ?? nil)
            let gained = try #require(values["\(prefix)ties_gained[\(r)]"] ?? nil)
            let kept = try #require(values["\(prefix)ties_kept[\(r)]"] ?? nil)
            #expect(lost + gained > 0, "a pair with no change would not test the marks")
            let drawn = Self.drawn(section.diagramSVGs[index])
            #expect(Double(drawn.dashed) == lost, "\(pair.label) lost")
            #expect(Double(drawn.thick) == gained, "\(pair.label) gained")
            #expect(Double(drawn.thin) == kept, "\(pair.label) kept")
            // The legend says the same.
            #expect(section.diagramSVGs[index].contains("lost: dashed vermilion (\(Int(lost)))"))
        }
        if series == 0 {
            // Northbridge, information (the relation with most ties): 64 kept, 19 lost, 24
            // gained (Scripts/reference/change_measures.py).
            #expect(diagram.relation == "information")
            #expect(diagram.panels[0].counts == [.kept: 64, .lost: 19, .gained: 24])
        }
    }

    /// One layout: an organisation sits at the same pinned position in every panel.
    @Test func everyPanelPinsTheSameLayout() throws {
        let section = try Self.section(try Self.folders(Self.randomA))
        let diagram = try #require(section.diagram)
        var seen: [String: String] = [:]
        for panel in diagram.panels {
            for node in panel.dot.nodes where !node.id.hasPrefix("legend-") {
                let pos = try #require(node.attributes["pos"]?.string)
                #expect(pos.hasSuffix("!"))
                if let earlier = seen[node.id] { #expect(earlier == pos, "\(node.id)") }
                seen[node.id] = pos
            }
        }
        let everyone = Set(section.change.waves.flatMap { $0.area.organisations.map(\.id) })
        #expect(Set(seen.keys) == everyone)
        #expect(Set(diagram.positions.keys) == everyone)
    }

    /// The chart's value in each wave is the headline value `change` gives for it.
    @Test func chartShowsEachWavesHeadlineValues() throws {
        let section = try Self.section(try Self.folders(Self.randomA))
        let values = Self.values(section.change.table)
        let labels = section.change.waves.map(\.label)
        #expect(section.chart.labels == labels)
        #expect(!section.chart.series.isEmpty)
        for entry in section.chart.series {
            #expect(entry.values.count == labels.count)
            #expect(entry.values[0] == values["\(labels[0])..\(labels[1]):\(entry.metric).before"] ?? nil)
            for k in 1..<labels.count {
                let pair = "\(labels[k - 1])..\(labels[k]):"
                #expect(entry.values[k] == values["\(pair)\(entry.metric).after"] ?? nil, "\(entry.metric) \(k)")
                #expect(entry.pValues[k - 1] == values["\(pair)\(entry.metric).p"] ?? nil, "\(entry.metric) \(k)")
            }
        }
        let svg = section.chartSVG
        #expect(svg.components(separatedBy: "<g class=\"panel\"").count - 1 == section.chart.series.count)
    }

    /// The page carries the section, its link, its figures and the tables `change` and
    /// `change_members`; the writer puts the diagram and chart beside it.
    @Test func reportCarriesTheSection() throws {
        let waves = try Self.folders(Self.northbridge)
        var settings = AnalysisSettings()
        (settings.permutations, settings.randomSets, settings.networkTestDraws) = (20, 20, 0)
        var report = try EvaluationReport(area: waves[1].area, path: Self.northbridge[1], settings: settings)
        report.change = try Self.section(waves)
        let html = HTMLPage.render(report)
        #expect(html.contains("<section id=\"change\">"))
        #expect(html.contains("<a href=\"#change\">Change</a>"))
        #expect(html.contains("The chair of the"))
        let names = report.tables.map(\.name)
        #expect(names.contains("change") && names.contains("change_members"))
        #expect(Set(names).count == names.count, "table names are unique")
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try ReportWriter.write(report, to: folder)
        #expect(written.contains("change-diagram.svg") && written.contains("change-chart.svg"))
        let csv = try String(contentsOfFile: folder + "/tables/change.csv", encoding: .utf8)
        #expect(csv == report.change!.change.table.rendered(as: .csv))
        let markdown = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        #expect(markdown.contains("## Change: northbridge → northbridge"))
        // XHTML stays well-formed with the inline SVGs.
        _ = try XMLDocument(data: Data(html.utf8), options: [])
    }
}
