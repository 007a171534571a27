import PartnerNetCore
import PartnerNetMetrics
import PartnerNetReport
import Testing

/// The dominance report's readings on areas small enough to check every number by hand.
@Suite struct DominanceReportTests {
    /// A council tied to four charities that have no other ties: a star, undirected.
    static let star = Area(
        organisations: [Organisation(id: "council", name: "The Council", sector: "local-authority")]
            + (1...4).map { Organisation(id: "c\($0)", sector: "voluntary-community") },
        relationships: (1...4).map { Relationship(source: "council", target: "c\($0)") },
        partnerships: [Partnership(id: "board"), Partnership(id: "forum")],
        memberships: [
            Membership(partnership: "board", organisation: "council", role: .chair),
            Membership(partnership: "board", organisation: "c1"),
            Membership(partnership: "forum", organisation: "c2", role: .chair),
        ])

    /// The hub holds 4 of the 8 tie ends (degree share 1/2) and all the betweenness (6 pairs
    /// of charities, each through it); without it the 4 charities are 4 isolates, so
    /// fragmentation rises from 0 to 1. It chairs 1 of the 2 partnerships.
    @Test func starReadings() throws {
        let graph = try Graph(area: Self.star)
        let report = try DominanceReport(
            area: Self.star, graph: graph, focal: try FocalSet(defaultIn: Self.star, graph: graph), samples: 500)
        let readings = report.readings
        #expect(readings[0] == "local-authority is 1 of 5 organisations (20%).")
        // One organisation in five: a random set of one is the hub one time in five, so even
        // all the betweenness is within chance (one-sided p ≈ 0.2, two-sided ≈ 0.4).
        #expect(
            readings.contains {
                $0.hasPrefix("Its shares of degree (50%, two-sided p = ")
                    && $0.contains("betweenness (100%, two-sided p = ")
            })
        #expect(
            readings.contains { $0.hasPrefix("Its strongest member ranks 1st on degree, tie strength, betweenness") })
        #expect(
            readings.contains(
                "Together its members lie on 100% of the shortest paths between other organisations [group_betweenness] and are tied directly to 100% of them [group_degree]."
            ))
        #expect(
            readings.contains(
                "Without it the partnership splits from one piece into 4 parts and fragmentation rises from 0.00 to 1.00."
            ))
        #expect(readings.contains("It chairs 1 of the 2 partnerships with a chair recorded [chair_share 0.50]."))
        let values = Dictionary(
            uniqueKeysWithValues: report.metricRows.rows.map { row -> (String, Double?) in
                guard case .text(let name) = row[0], case .number(let value, _) = row[1] else { return ("", nil) }
                return (name, value)
            })
        #expect(values["focal_share[degree]"] == 0.5)
        #expect(values["focal_share[betweenness]"] == 1)
        #expect(values["focal_top_rank[betweenness]"] == 1)
        #expect(values["focal_dominance_ratio[degree]"] == 4)
        #expect(values["fragmentation_without_focal"] == 1)
        #expect(values["components_without_focal"] == 4)
        #expect(values["chair_share"] == 0.5)
        // A random set of one is the hub with probability 1/5: p ≈ 0.2 for betweenness.
        #expect(abs(values["focal_share_p_value[betweenness]"]!! - 0.2) < 0.06)
        #expect(values["core_size"] == 1)
        #expect(values["core_count[local-authority]"] == 1 && values["periphery_count[voluntary-community]"] == 4)
        #expect(report.text(title: "Star").contains("Dominance of local-authority: Star"))
        #expect(report.json().contains("\"chair_share\" : 0.5"))
    }

    /// A directed chain with no cycle: eigenvector centrality is undefined and the report
    /// says so instead of failing; with two organisations tied, core/periphery is too.
    @Test func undefinedMeasuresAreReportedAsSuch() throws {
        let area = Area(
            metadata: AreaMetadata(directed: true),
            organisations: [
                Organisation(id: "a", sector: "local-authority"), Organisation(id: "b", sector: "business"),
            ],
            relationships: [Relationship(source: "a", target: "b")])
        let graph = try Graph(area: area)
        let report = try DominanceReport(area: area, graph: graph, focal: try FocalSet(defaultIn: area, graph: graph))
        #expect(
            report.readings.contains {
                $0.hasPrefix("eigenvector is not reported: eigenvector centrality is undefined")
            })
        #expect(
            report.readings.contains { $0.hasPrefix("Core/periphery is not reported: core/periphery is undefined") })
        #expect(
            report.readings.contains("Without it fewer than two organisations remain, so fragmentation is undefined."))
        #expect(report.corePeriphery == nil && report.coreness == nil)
    }

    @Test func betaOutOfRangeIsAnError() throws {
        let graph = try Graph(area: Self.star)
        #expect(throws: MetricError.self) {
            try DominanceReport(
                area: Self.star, graph: graph, focal: try FocalSet(defaultIn: Self.star, graph: graph),
                options: MeasureOptions(beta: 10))
        }
    }
}
