import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

/// `partnernet brokerage`'s report: its tables and JSON carry the library's numbers, group
/// sums add up to the network, and every verdict quotes numbers found in the tables.
@Suite struct BrokerageReportTests {
    static func report(
        _ dataset: String, relations: [String] = [], attribute: String = "sector"
    ) throws -> (
        BrokerageReport, Graph
    ) {
        let area = try AreaSource.read(at: Paths.repo("Datasets/" + dataset)).area
        let graph = try Graph(area: area, relations: RelationSelection(relations))
        return (BrokerageReport(area: area, graph: graph, attribute: attribute), graph)
    }

    static func metrics(_ table: ResultTable) -> [String: Double?] {
        var values: [String: Double?] = [:]
        for row in table.rows {
            guard case .text(let name) = row[0], case .number(let value, _) = row[1] else { continue }
            values[name] = value
        }
        return values
    }

    @Test func metricRowsAreTheLibrarysValues() throws {
        let (report, graph) = try Self.report("knoke_bureaucracies", relations: ["information"])
        let area = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        let groups = Groups(labels: area.organisations.map(\.sector))
        #expect(report.groups == groups)
        let roles = graph.brokerageRoles(groups: groups)
        let values = Self.metrics(report.metricRows)
        for role in BrokerageRole.allCases {
            let name = role.measureName
            #expect(values[name] == Double(roles.networkCount(role)))
            #expect(values[name + "_expected"] == roles.networkExpected(role))
            #expect(values[name + "_z"] == roles.networkZScore(role))
            var sum = 0.0
            for (index, group) in groups.names.enumerated() {
                let count = try #require(values["\(name)[\(group)]"] ?? nil)
                #expect(count == Double(roles.groupCount(role, group: index)))
                sum += count
                #expect(
                    values["\(name)_expected_per_member[\(group)]"] == roles.expected(role, inGroup: index),
                    "\(name) \(group)")
                let expected = try #require(values["\(name)_expected[\(group)]"] ?? nil)
                #expect(abs(expected - Double(groups.sizes[index]) * roles.expected(role, inGroup: index)) < 1e-12)
            }
            #expect(sum == Double(roles.networkCount(role)), "\(name): groups sum to \(sum)")
        }
        #expect(values["density"] == Double(graph.arcCount) / 90)
    }

    @Test func nodeRowsCarryCountsZAndBurtsMeasures() throws {
        let (report, graph) = try Self.report("northbridge")
        let table = report.nodeRows
        #expect(table.columns.prefix(5) == ["id", "sector", "coordinator", "coordinator_expected", "coordinator_z"])
        #expect(table.columns.suffix(4) == ["constraint", "effective_size", "efficiency", "hierarchy"])
        let holes = graph.structuralHoles()
        let total = table.columns.firstIndex(of: "brokerage_total")!
        let constraint = table.columns.firstIndex(of: "constraint")!
        for (node, row) in table.rows.enumerated() {
            #expect(row[0] == .text(graph.labels[node]))
            #expect(row[total] == .number(Double(report.roles.count(.total, of: node)), isCount: true))
            #expect(row[constraint] == .number(holes.constraint[node], isCount: false))
        }
    }

    /// Each verdict about a leading organisation quotes its count, expectation and z as
    /// the tables give them.
    @Test func verdictsQuoteTheNumbers() throws {
        let (report, _) = try Self.report("northbridge")
        let lines = report.verdicts
        #expect(lines.first?.hasPrefix("Overall: \(report.roles.networkCount(.total)) brokerage roles") == true)
        let liaison = report.roles.counts(.liaison)
        let lead = liaison.indices.max { liaison[$0] < liaison[$1] }!
        let expected = String(format: "%.1f", report.roles.expected(.liaison, of: lead))
        let z = String(format: "%.2f", report.roles.zScore(.liaison, of: lead))
        #expect(
            lines.contains { line in
                line.hasPrefix(report.names[lead]) && line.contains("\(liaison[lead]) liaison roles")
                    && line.contains(z) && line.contains("main broker between other sectors")
                    && (line.contains("expected \(expected)") || line.contains("expected \(expected.dropLast(2))"))
            }, "\(lines)")
        // Northbridge City Council is the liaison between sectors there.
        #expect(report.labels[lead] == "city")
        for (index, group) in report.groups.names.enumerated() {
            let total = report.roles.groupCount(.total, group: index)
            #expect(lines.contains { $0.hasPrefix("\(group) (") && $0.contains("\(total) role") })
        }
        #expect(lines.contains { $0.hasPrefix("Least constrained:") })
    }

    @Test func jsonHoldsEveryNumber() throws {
        let (report, _) = try Self.report("knoke_bureaucracies")
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as! [String: Any]
        #expect(object["groups_attribute"] as? String == "sector")
        let network = object["network"] as! [String: [String: Any]]
        #expect(network["liaison"]?["count"] as? Double == Double(report.roles.networkCount(.liaison)))
        let organisations = object["organisations"] as! [[String: Any]]
        #expect(organisations.count == report.labels.count)
        let first = organisations[0]["roles"] as! [String: [String: Any]]
        #expect(first["brokerage_total"]?["count"] as? Double == Double(report.roles.count(.total, of: 0)))
        #expect((object["verdicts"] as! [String]) == report.verdicts)
    }

    /// An undirected graph counts each open path both ways: representative and gatekeeper
    /// counts agree, and the report says so through equal columns.
    @Test func undirectedAreasAreSymmetricDigraphs() throws {
        let (report, _) = try Self.report("zachary_karate")
        #expect(report.roles.counts(.representative) == report.roles.counts(.gatekeeper))
        // Two factions: no liaison is possible, and sna's z is undefined (shown empty).
        let values = Self.metrics(report.metricRows)
        #expect(values["liaison"] == 0 && values["liaison_z"] == .some(nil))
    }
}
