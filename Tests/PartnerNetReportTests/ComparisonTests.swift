import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ComparisonTests {
    static func read(_ path: String) throws -> Area { try AreaSource.read(at: path).area }

    /// Knoke's information network: the published E-I by sector (Krackhardt & Stern's index
    /// as UCINET reports it: E 37, I 12, 0.5102) and the focal sector's share of degree from
    /// networkx's degrees (Tests/Fixtures/networkx/basic).
    @Test func knokeRowAgreesWithPublishedAndNetworkxValues() throws {
        var settings = ComparisonSettings()
        settings.relations = ["information"]
        settings.permutations = 200
        let path = Paths.repo("Datasets/knoke_bureaucracies")
        let row = try ComparisonRow(path: path, area: Self.read(path), settings: settings)
        #expect(abs(row.values["ei_index"]! - 25.0 / 49.0) < 1e-12)
        #expect(row.values["ties"] == 49)
        let fixture = try ReferenceValues.basic("knoke_bureaucracies", relations: ["information"])
        let degrees = fixture["degree"]!
        let sectors = Dictionary(uniqueKeysWithValues: try Self.read(path).organisations.map { ($0.id, $0.sector) })
        let focal = degrees.filter { sectors[$0.key] == "GOV" }.values.reduce(0, +)
        #expect(abs(row.values["focal_share[degree]"]! - focal / degrees.values.reduce(0, +)) < 1e-12)
        #expect(row.values["focal_organisations"] == 4)
        #expect(row.values["partnerships"] == 0 && row.values["duplicate_pairs"] == nil)
    }

    /// Northbridge: the main board's voting power is the library's exact Banzhaf index
    /// summed over the council seats, and the seat share is counted directly.
    @Test func boardColumnsComeFromTheMainBoard() throws {
        let path = Paths.repo("Datasets/northbridge")
        let area = try Self.read(path)
        let row = try ComparisonRow(path: path, area: area, settings: ComparisonSettings())
        let seats = area.memberships.filter { $0.partnership == "lsp" }
        let focal = Set(area.organisations.filter { $0.sector == "local-authority" }.map(\.id))
        let game = WeightedVotingGame(
            votes: seats.map(\.votes), quota: area.partnerships[0].effectiveQuota(totalVotes: seats.map(\.votes).reduce(0, +)))
        let expected = zip(game.banzhaf()!, seats).filter { focal.contains($0.1.organisation) }.map(\.0).reduce(0, +)
        #expect(abs(row.values["board_banzhaf"]! - expected) < 1e-15)
        #expect(row.values["board_seat_share"] == Double(seats.filter { focal.contains($0.organisation) }.count) / Double(seats.count))
        #expect(row.values["chair_share"] == 2.0 / 6.0)
    }

    @Test func summaryStatisticsAreTheUsualOnes() throws {
        let paths = ["Datasets/knoke_bureaucracies", "Datasets/padgett_florentine", "Datasets/krackhardt_kite"].map(Paths.repo)
        var settings = ComparisonSettings()
        settings.permutations = 0
        let comparison = Comparison(paths: paths, settings: settings, read: Self.read)
        #expect(comparison.failures.isEmpty && comparison.rows.count == 3)
        let sizes = comparison.rows.map { $0.values["organisations"]! }.sorted()
        #expect(sizes == [10, 10, 16])
        let row = comparison.summary.rows.first { $0[0] == .text("organisations") }!
        let mean = 12.0
        let sd = ((4.0 + 4 + 16) / 2).squareRoot()
        #expect(row[1] == .number(3, isCount: true) && row[2] == .number(mean, isCount: false))
        #expect(row[3] == .number(sd, isCount: false) && row[5] == .number(10, isCount: false))
        // Ranking puts the largest first.
        let ranked = comparison.table(sortedBy: "organisations")
        #expect(ranked.rows[0][2] == .number(16, isCount: true))
    }

    @Test func aBadAreaIsReportedAndTheRestCompared() throws {
        let paths = [Paths.repo("Datasets/krackhardt_kite"), Paths.repo("Tests/Fixtures/broken/unknown_organisation")]
        let comparison = Comparison(paths: paths, settings: ComparisonSettings(), read: Self.read)
        #expect(comparison.rows.map(\.path) == [paths[0]])
        #expect(comparison.failures.count == 1 && comparison.failures[0].path == paths[1])
        #expect(comparison.failures[0].reason.contains("unknown organisation"))
    }

    @Test func chartIsWellFormedSVGWithAPointPerArea() throws {
        let paths = ["Datasets/knoke_bureaucracies", "Datasets/northbridge", "Datasets/padgett_florentine", "Datasets/zachary_karate"]
            .map(Paths.repo)
        var settings = ComparisonSettings()
        settings.permutations = 0
        let comparison = Comparison(
            paths: paths, settings: settings,
            read: { path in
                var area = try Self.read(path)
                area.metadata.name = "<b>\(area.metadata.name ?? "")</b> & \"co\""
                return area
            })
        let svg = ComparisonChart(x: "density", y: "gini[degree]").svg(of: comparison)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
        #expect(!svg.contains("<b>") && svg.contains("&lt;b&gt;"))
    }

    /// The chart's trend line and r against numpy 2.4 `np.polyfit(x, y, 1)` and
    /// `np.corrcoef(x, y)[0, 1]` on the same six points.
    @Test func chartFitIsNumpys() throws {
        let x = [0.12, -0.72, 0.51, 0.3, 0.05, -0.1]
        let y = [0.46, 0.1, 0.62, 0.2, 0.33, 0.15]
        let fit = try #require(ComparisonChart.fit(x, y))
        #expect(abs(fit.r - 0.7359120630847978) < 1e-12)
        #expect(abs(fit.slope - 0.34933044) < 1e-8 && abs(fit.intercept - 0.30068452) < 1e-8)
        #expect(ComparisonChart.fit([1, 2], [3, 4]) == nil)
    }

    @Test func markdownEscapesPipes() {
        let table = ResultTable(columns: ["a|b", "n"], rows: [[.text("x|y"), .number(0.5, isCount: false)]])
        #expect(table.markdown() == "| a\\|b | n |\n|---|---:|\n| x\\|y | 0.5000 |\n")
    }
}

/// Values from the networkx fixtures of the basic measures.
enum ReferenceValues {
    static func basic(_ dataset: String, relations: [String]) throws -> [String: [String: Double]] {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/networkx/basic/\(dataset).json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let cases = object["cases"] as! [[String: Any]]
        let match = cases.first { ($0["relations"] as! [String]) == relations }!
        return (match["node"] as! [String: [String: Any]]).mapValues { $0.mapValues { ($0 as! NSNumber).doubleValue } }
    }
}
