import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import Testing
import TestSupport

/// Two-mode measures against networkx 3.6's bipartite module and direct set formulas
/// (Scripts/reference/two_mode.py → Tests/Fixtures/reference/two_mode/*.json).
@Suite struct TwoModeReferenceTests {
    static let fixtures: [String] = {
        let folder = Paths.repo("Tests/Fixtures/reference/two_mode")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }()

    static func load(_ name: String) throws -> (fixture: [String: Any], area: Area) {
        let object =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/two_mode/" + name))))
            as! [String: Any]
        let dataset = object["dataset"] as! String
        let folder =
            FileManager.default.fileExists(atPath: Paths.repo("Datasets/" + dataset))
            ? "Datasets/" + dataset : "Tests/Fixtures/twomode_areas/" + dataset
        return (object, try AreaSource.read(at: Paths.repo(folder)).area)
    }

    @Test func everyAreaWithMembershipsHasAFixture() {
        #expect(Self.fixtures.contains("davis_southern_women.json"))
        #expect(Self.fixtures.contains("galaskiewicz_ceos_clubs.json"))
        #expect(Self.fixtures.contains("northbridge.json"))
        #expect(Self.fixtures.contains("random_affiliation.json"))
    }

    @Test(arguments: fixtures)
    func bipartiteCentralitiesMatchNetworkx(name: String) throws {
        let (fixture, area) = try Self.load(name)
        let network = TwoModeNetwork(area: area)
        #expect(network.organisations == fixture["organisations"] as! [String])
        #expect(network.partnerships == fixture["partnerships"] as! [String])
        let betweenness = network.betweennessCentrality()
        let measures: [(String, [Double?])] = [
            ("bipartite_degree", network.degreeCentrality()), ("bipartite_betweenness", betweenness),
            ("bipartite_closeness", network.closenessCentrality()),
        ]
        for (measure, ours) in measures {
            let expected = fixture[measure] as! [String: [String: Any]]
            for (side, ids, offset) in [
                ("organisations", network.organisations, 0), ("partnerships", network.partnerships, network.organisationCount),
            ] {
                for (index, id) in ids.enumerated() {
                    let reference = (expected[side]![id] as? NSNumber)?.doubleValue
                    let value = ours[offset + index]
                    if let reference, let value {
                        #expect(abs(value - reference) <= 1e-12 * max(1, abs(reference)), "\(name) \(measure) \(id)")
                    } else {
                        #expect(reference == nil && value == nil, "\(name) \(measure) \(id): \(String(describing: value))")
                    }
                }
            }
        }
    }

    @Test(arguments: fixtures)
    func projectionsMatchNetworkx(name: String) throws {
        let (fixture, area) = try Self.load(name)
        let network = TwoModeNetwork(area: area)
        let projection = network.partnershipProjection()
        var ours: [[String]: Double] = [:]
        for node in 0..<projection.nodeCount {
            for (neighbour, weight) in zip(projection.successors(of: node), projection.successorWeights(of: node))
            where node < Int(neighbour) {
                ours[[projection.labels[node], projection.labels[Int(neighbour)]]] = weight
            }
        }
        var expected: [[String]: Double] = [:]
        for edge in fixture["partnership_projection"] as! [[Any]] {
            expected[[edge[0] as! String, edge[1] as! String]] = (edge[2] as! NSNumber).doubleValue
        }
        #expect(ours == expected)
        // The organisation projection is the area's co-membership relation.
        let organisations = try Graph(area: area, relations: .named([Area.coMembership]))
        #expect(organisations.edgeCount == fixture["organisation_projection_edges"] as! Int)
        #expect(organisations.strengths(.all).reduce(0, +) / 2 == (fixture["organisation_projection_weight"] as! NSNumber).doubleValue)
    }

    @Test(arguments: fixtures)
    func overlapsNestingAndChairsMatchTheSetFormulas(name: String) throws {
        let (fixture, area) = try Self.load(name)
        let network = TwoModeNetwork(area: area)
        let ids = network.partnerships
        var expected: [[String]: (Int, Double, Double)] = [:]
        for entry in fixture["overlaps"] as! [[String: Any]] {
            expected[entry["pair"] as! [String]] = (
                entry["shared"] as! Int, (entry["jaccard"] as! NSNumber).doubleValue,
                (entry["overlap_coefficient"] as! NSNumber).doubleValue
            )
        }
        let overlaps = network.overlaps()
        #expect(overlaps.count == expected.count)
        for overlap in overlaps {
            let reference = try #require(expected[[ids[overlap.first], ids[overlap.second]]])
            #expect(overlap.shared == reference.0)
            #expect(abs(overlap.jaccard - reference.1) <= 1e-15 && abs(overlap.overlapCoefficient - reference.2) <= 1e-15)
        }
        #expect(zip(overlaps, overlaps.dropFirst()).allSatisfy { $0.jaccard >= $1.jaccard })

        let structure = PartnershipStructure(area: area)
        let depth = fixture["depth"] as! [String: Int]
        #expect(structure.partnerships.indices.allSatisfy { structure.depth[$0] == depth[structure.partnerships[$0]] })
        #expect(structure.roots.map { ids[$0] } == fixture["roots"] as! [String])
        #expect(structure.orphans.map { ids[$0] } == fixture["orphans"] as! [String])
        let chairs = fixture["chairs"] as! [String: [String]]
        #expect(structure.chairsByOrganisation.count == chairs.count)
        for (organisation, held) in structure.chairsByOrganisation {
            #expect(held.map { ids[$0] } == chairs[organisation])
        }
    }

    /// Borgatti & Everett (1997) worked example: a star of one organisation on k boards of
    /// one member each gives the organisation the largest betweenness its side allows.
    @Test func aStarReachesTheBetweennessMaximum() {
        let area = Area(
            organisations: [Organisation(id: "hub", sector: "x")],
            partnerships: (0..<4).map { Partnership(id: "p\($0)") },
            memberships: (0..<4).map { Membership(partnership: "p\($0)", organisation: "hub") })
        let network = TwoModeNetwork(area: area)
        // One organisation facing four boards: its side's maximum is (4·3)/2 = 6 pairs, all through it.
        #expect(network.betweennessCentrality()[0] == 1)
        #expect(network.degreeCentrality()[0] == 1)
        #expect(network.closenessCentrality()[0] == 1)
    }
}
