import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Centrality and centralisation against networkx 3.6.1, numpy and R sna 2.7.1 on every
/// dataset, every seeded test area and the centrality test areas, unweighted and weighted,
/// for the union of relations and each relation alone. Every value of every fixture is
/// compared: within 1e-9 relative for exact algorithms, 1e-6 for iterative ones
/// (METRICS.md). Fixtures: `Tests/Fixtures/networkx/centrality/`, made by
/// `Scripts/reference/centrality_measures.py`.
@Suite struct CentralityReferenceTests {
    static let fixtures = ReferenceFixture.files(in: "networkx/centrality")

    static let nodeMeasures: [NodeMeasure] = [
        .betweenness, .betweennessNormalized, .closeness, .inCloseness, .harmonic, .eigenvector, .pagerank,
        .clustering,
    ]
    static let weightedNodeMeasures: [NodeMeasure] = [
        .betweenness, .betweennessNormalized, .closeness, .inCloseness, .harmonic, .eigenvector, .pagerank,
    ]
    static let networkMeasures: [NetworkMeasure] = [
        .transitivity, .diameter, .averagePathLength, .degreeCentralization, .inDegreeCentralization,
        .outDegreeCentralization, .betweennessCentralization, .closenessCentralization,
    ]
    static let weightedNetworkMeasures: [NetworkMeasure] = [
        .diameter, .averagePathLength, .betweennessCentralization, .closenessCentralization,
    ]
    static let iterative: Set<NodeMeasure> = [.eigenvector, .pagerank, .katz, .bonacichPower]

    @Test func everyAreaHasAFixture() {
        var areas = Paths.datasets + Paths.folders(in: "Tests/Fixtures/areas")
        areas += Paths.folders(in: "Tests/Fixtures/centrality_areas")
        #expect(areas.count >= 17)
        for area in areas {
            #expect(Self.fixtures.contains("networkx/centrality/\(area).json"), "no centrality fixture for \(area)")
        }
    }

    /// Every measure of the catalogue is checked against a reference, here or in the basic fixtures.
    @Test func everyMeasureHasAReference() {
        let basic: Set<NodeMeasure> = [
            .degree, .inDegree, .outDegree, .strength, .inStrength, .outStrength, .degreeCentrality,
        ]
        // Burt's measures: StructuralHolesReferenceTests; brokerage roles: BrokerageReferenceTests;
        // coreness and in_core: CorePeripheryTests, against cpnet and enumeration.
        let holes: Set<NodeMeasure> = [.constraint, .effectiveSize, .efficiency, .hierarchy]
        let brokerage = Set(NodeMeasure.allCases.filter { $0.brokerageRole != nil })
        let covered = basic.union(Self.nodeMeasures).union([.katz, .bonacichPower, .coreness, .inCore]).union(holes)
            .union(brokerage)
        #expect(Set(NodeMeasure.allCases).subtracting(covered).isEmpty)
        let basicNetwork: Set<NetworkMeasure> = [
            .nodes, .edges, .density, .reciprocity, .reciprocityDyadic, .components, .largestComponentShare,
        ]
        #expect(Set(NetworkMeasure.allCases).subtracting(basicNetwork.union(Self.networkMeasures)).isEmpty)
    }

    @Test(arguments: fixtures)
    func agreesWithTheReference(fixtureName: String) throws {
        let fixture = try CentralityFixture(file: Paths.repo("Tests/Fixtures/" + fixtureName))
        let area = try AreaSource.read(at: fixture.areaPath).area
        #expect(!fixture.cases.isEmpty)
        #expect(fixture.tools["networkx"] == "3.6.1" && fixture.tools["sna"]?.hasPrefix("2.7") == true)
        for reference in fixture.cases {
            let graph = try Graph(area: area, relations: RelationSelection(reference.relations))
            let relations = reference.relations.isEmpty ? "union" : reference.relations.joined(separator: "+")
            #expect(graph.isDirected == reference.directed, "\(fixture.dataset) \(relations): direction")
            for weighted in [false, true] {
                let scope = "\(fixture.dataset) \(relations)\(weighted ? " weighted" : "")"
                let values = weighted ? reference.weighted : reference.unweighted
                let options = MeasureOptions(weighted: weighted)
                for measure in weighted ? Self.weightedNodeMeasures : Self.nodeMeasures {
                    guard let expected = values.node[measure.rawValue] else {
                        Issue.record("\(scope): fixture lacks \(measure.rawValue)")
                        continue
                    }
                    compare(
                        measure, in: graph, options: options, expected: expected,
                        reason: values.reasons[measure.rawValue], scope: scope, fixture: fixture)
                }
                for measure in weighted ? Self.weightedNetworkMeasures : Self.networkMeasures {
                    guard let expected = values.network[measure.rawValue] else {
                        Issue.record("\(scope): fixture lacks \(measure.rawValue)")
                        continue
                    }
                    let call = fixture.calls[measure.rawValue] ?? "reference"
                    let ours = try measure.value(in: graph, options: options)
                    switch (ours, expected) {
                    case (nil, nil): break
                    case (let ours?, let theirs?):
                        #expect(
                            agree(ours, theirs), "\(scope) \(measure.rawValue): PartnerNet \(ours), \(call) \(theirs)")
                    default:
                        Issue.record(
                            "\(scope) \(measure.rawValue): PartnerNet \(String(describing: ours)), \(call) \(String(describing: expected))"
                        )
                    }
                }
            }
            for run in reference.katz {
                let scope = "\(fixture.dataset) \(relations)\(run.weighted ? " weighted" : "") alpha \(run.parameter)"
                compare(
                    .katz, in: graph, options: MeasureOptions(weighted: run.weighted, alpha: run.parameter),
                    expected: run.values, reason: run.reason, lambdaMax: run.lambdaMax, scope: scope, fixture: fixture)
            }
            for run in reference.bonacichPower {
                let scope = "\(fixture.dataset) \(relations)\(run.weighted ? " weighted" : "") beta \(run.parameter)"
                compare(
                    .bonacichPower, in: graph, options: MeasureOptions(weighted: run.weighted, beta: run.parameter),
                    expected: run.values, reason: run.reason, lambdaMax: run.lambdaMax, scope: scope, fixture: fixture)
            }
        }
    }

    /// Compares every node's score with the reference, or, where the reference is
    /// undefined, checks that the measure throws the error that says why.
    func compare(
        _ measure: NodeMeasure, in graph: Graph, options: MeasureOptions, expected: [String: Double]?,
        reason: String?, lambdaMax: Double? = nil, scope: String, fixture: CentralityFixture
    ) {
        let call = fixture.calls[measure.rawValue] ?? "reference"
        let scores: [Double]
        do {
            scores = try measure.scores(in: graph, options: options)
        } catch {
            #expect(
                expected == nil && matches(error, reason: reason, lambdaMax: lambdaMax),
                "\(scope) \(measure.rawValue): PartnerNet throws \"\(error)\", \(call) \(expected == nil ? "undefined: \(reason ?? "?")" : "gives values")"
            )
            return
        }
        guard let expected else {
            Issue.record("\(scope) \(measure.rawValue): PartnerNet gives scores, \(call) undefined: \(reason ?? "?")")
            return
        }
        #expect(expected.count == graph.nodeCount, "\(scope) \(measure.rawValue): node count")
        let tolerance = Self.iterative.contains(measure) ? 1e-6 : 1e-9
        for (id, value) in expected {
            guard let node = graph.handles[id] else {
                Issue.record("\(scope): no node \(id)")
                continue
            }
            #expect(
                agree(scores[node], value, relative: tolerance),
                "\(scope) \(measure.rawValue)[\(id)]: PartnerNet \(scores[node]), \(call) \(value)")
        }
    }

    /// Whether `error` is the one the fixture's reason for an undefined value calls for;
    /// a range error must name the limit 1/λmax.
    func matches(_ error: MetricError, reason: String?, lambdaMax: Double?) -> Bool {
        let limit = (lambdaMax ?? 0) > 0 ? 1 / lambdaMax! : Double.infinity
        switch (error, reason) {
        case (.noCycle, "no cycle"), (.noTies, "no ties"), (.didNotConverge, "did not converge"): return true
        case (.alphaOutOfRange(_, let ours), "alpha out of range"), (.betaOutOfRange(_, let ours), "beta out of range"):
            return agree(ours, limit, relative: 1e-6)
        default: return false
        }
    }
}
