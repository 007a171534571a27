import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Degree, strength, degree centrality and the network-level counts against networkx
/// (and igraph for undirected reciprocity), on every dataset and seeded test area.
/// Fixtures: `Tests/Fixtures/networkx/basic/`, made by `Scripts/reference/basic_measures.py`.
@Suite struct BasicMeasuresReferenceTests {
    static let fixtures = ReferenceFixture.files(in: "networkx/basic")
    /// The measures these fixtures hold; centrality has its own (`CentralityReferenceTests`).
    static let nodeMeasures: [NodeMeasure] = [
        .degree, .inDegree, .outDegree, .strength, .inStrength, .outStrength, .degreeCentrality,
    ]
    static let networkMeasures: [NetworkMeasure] = [
        .nodes, .edges, .density, .reciprocity, .reciprocityDyadic, .components, .largestComponentShare,
    ]

    @Test func everyDatasetHasAFixture() {
        let datasets = Paths.datasets
        #expect(!datasets.isEmpty)
        for dataset in datasets {
            #expect(Self.fixtures.contains("networkx/basic/\(dataset).json"), "no networkx fixture for \(dataset)")
        }
    }

    @Test(arguments: fixtures)
    func agreesWithTheReference(fixtureName: String) throws {
        let fixture = try ReferenceFixture(file: Paths.repo("Tests/Fixtures/" + fixtureName))
        let area = try AreaSource.read(at: fixture.areaPath).area
        #expect(!fixture.cases.isEmpty)
        for reference in fixture.cases {
            let graph = try Graph(area: area, relations: RelationSelection(reference.relations))
            let scope = "\(fixture.dataset) relations \(reference.relations)"
            #expect(graph.isDirected == reference.directed, "\(scope): direction")
            for measure in Self.nodeMeasures {
                guard let expected = reference.node[measure.rawValue] else {
                    Issue.record("\(scope): fixture lacks \(measure.rawValue)")
                    continue
                }
                let scores = try measure.scores(in: graph, options: MeasureOptions())
                #expect(expected.count == graph.nodeCount, "\(scope) \(measure.rawValue): node count")
                for (id, value) in expected {
                    guard let node = graph.handles[id] else {
                        Issue.record("\(scope): no node \(id)")
                        continue
                    }
                    #expect(
                        agree(scores[node], value),
                        "\(scope) \(measure.rawValue)[\(id)]: PartnerNet \(scores[node]), \(fixture.calls[measure.rawValue] ?? "reference") \(value)"
                    )
                }
            }
            for measure in Self.networkMeasures {
                guard let entry = reference.network[measure.rawValue] else {
                    Issue.record("\(scope): fixture lacks \(measure.rawValue)")
                    continue
                }
                let value = try measure.value(in: graph, options: MeasureOptions())
                switch (value, entry) {
                case (nil, nil): break
                case (let ours?, let theirs?):
                    #expect(
                        agree(ours, theirs),
                        "\(scope) \(measure.rawValue): PartnerNet \(ours), \(fixture.calls[measure.rawValue] ?? "reference") \(theirs)"
                    )
                default:
                    Issue.record(
                        "\(scope) \(measure.rawValue): PartnerNet \(String(describing: value)), reference \(String(describing: entry))"
                    )
                }
            }
        }
    }

    /// Published values: CASOS ORA's report on Knoke information exchange (see
    /// `Datasets/knoke_bureaucracies/SOURCE.md`): 49 links, density 0.544, reciprocity
    /// 0.531, in-degree max 9, out-degree max 8, mean total degree 9.8.
    @Test func knokeInformationMatchesPublishedValues() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        let graph = try Graph(area: area, relations: .named(["information"]))
        #expect(graph.edgeCount == 49)
        #expect(abs(graph.density - 0.544) < 5e-4)
        #expect(abs(graph.dyadicReciprocity! - 0.531) < 5e-4)
        #expect(graph.degrees(.incoming).max() == 9)
        #expect(graph.degrees(.outgoing).max() == 8)
        let degrees = graph.degrees(.all)
        #expect(Double(degrees.reduce(0, +)) / Double(degrees.count) == 9.8)
        // Money: 22 links, density 0.244, one isolate, connectedness 0.8 = 1 − fragmentation.
        let money = try Graph(area: area, relations: .named(["money"]))
        #expect(money.edgeCount == 22)
        #expect(abs(money.density - 0.244) < 5e-4)
        #expect(money.degrees(.all).filter { $0 == 0 }.count == 1)
    }
}
