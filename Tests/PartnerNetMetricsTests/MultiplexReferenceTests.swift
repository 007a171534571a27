import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Strength on a union of relations with different or undeclared units is the multiplex
/// degree (METRICS.md, revised). Reference: `Scripts/reference/multiplex.py`, which counts
/// each relation's networkx degrees without ever building the union.
@Suite struct MultiplexReferenceTests {
    static let folder = "Tests/Fixtures/reference/multiplex"

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Paths.repo(folder))) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func everyMultiRelationDatasetHasAFixture() {
        // The bundled datasets with two or more relations, co-membership counted.
        for name in ["knoke_bureaucracies", "northbridge", "padgett_florentine", "01-ashby-vale", "random_mixed"] {
            #expect(Self.fixtures.contains(name + ".json"), "\(name) has no multiplex fixture")
        }
    }

    @Test(arguments: fixtures)
    func strengthOnTheUnionIsTheMultiplexDegree(fixture: String) throws {
        let object =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Paths.repo("\(Self.folder)/\(fixture)")))) as! [String: Any]
        let area = try AreaFolder.read(at: Paths.repo(object["area"] as! String)).area
        let cases = object["cases"] as! [[String: Any]]
        #expect(!cases.isEmpty)
        for entry in cases {
            let relations = entry["relations"] as! [String]
            let graph = try Graph(area: area, relations: .named(relations))
            #expect(graph.isDirected == (entry["directed"] as! Bool))
            #expect(graph.weightCombination == .multiplexity(relations: relations))
            for (key, direction) in [
                ("strength", ArcDirection.all), ("out_strength", .outgoing), ("in_strength", .incoming),
            ] {
                let expected = entry[key] as! [String: Int]
                let strengths = graph.strengths(direction)
                for (id, value) in expected {
                    let ours = strengths[graph.handles[id]!]
                    #expect(
                        ours == Double(value),
                        "\(fixture) \(relations.joined(separator: "+")) \(key) of \(id): ours \(ours), networkx \(value)"
                    )
                }
            }
        }
    }

    /// The county council's strength on Northbridge's union was 509 = 445 (£k of funding)
    /// + 42 (information intensities) + 2 × 11 (joint projects, an arc each way) before the
    /// revision; it is now the number of ties it has across the three relations, 30, and
    /// each relation alone keeps its own weights.
    @Test func northbridgeCountyCouncilStrengthIsItsMultiplexDegree() throws {
        let area = try AreaFolder.read(at: Paths.repo("Datasets/northbridge")).area
        let union = try Graph(area: area)
        #expect(union.weightCombination == .multiplexity(relations: ["information", "funding", "joint-commissioning"]))
        let county = union.handles["ncc"]!
        // Multiplex degree from each relation's own graph: arcs in and out of a directed
        // relation, and each undirected edge once toward each arc of the directed union.
        var multiplexDegree = 0
        var ownWeights = 0.0
        for relation in ["information", "funding", "joint-commissioning"] {
            let alone = try Graph(area: area, relations: .named([relation]))
            let degree = alone.outDegree(of: county) + (alone.isDirected ? alone.inDegree(of: county) : 0)
            multiplexDegree += alone.isDirected ? degree : 2 * degree
            ownWeights += alone.strengths()[county] * (alone.isDirected ? 1 : 2)
        }
        #expect(ownWeights == 509)
        #expect(multiplexDegree == 30)
        #expect(union.strengths()[county] == Double(multiplexDegree))
        let funding = try Graph(area: area, relations: .named(["funding"]))
        #expect(funding.weightCombination == .single(relation: "funding"))
        #expect(funding.strengths()[county] == 445)
    }
}
