import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import Testing

/// Newman's modularity of a given partition: worked examples, and the sector partition of
/// every area against networkx (`Scripts/reference/silos_measures.py`).
@Suite struct ModularityTests {
    /// Two triangles {0, 1, 2} and {3, 4, 5} joined by the edge 2–3.
    static let twoTriangles = Graph(
        labels: (0..<6).map(String.init), directed: false,
        sources: [0, 0, 1, 3, 3, 4, 2], targets: [1, 2, 2, 4, 5, 5, 3], weights: [1, 1, 1, 1, 1, 1, 4])

    /// m = 7 ties. Each triangle holds L_c = 3 of them and its degrees sum to
    /// d_c = 2 + 2 + 3 = 7, so Q = 2 × [3/7 − (7/14)²] = 6/7 − 1/2 = 5/14.
    @Test func twoTrianglesSplitNaturally() throws {
        let q = try #require(Self.twoTriangles.modularity(of: [0, 0, 0, 1, 1, 1]))
        #expect(abs(q - 5.0 / 14) < 1e-15, "Q = \(q), by hand 5/14")
        // Labels are names only.
        #expect(Self.twoTriangles.modularity(of: [7, 7, 7, -2, -2, -2]) == q)
        #expect(Self.twoTriangles.modularity(of: Partition(blocks: [0, 0, 0, 1, 1, 1], count: 2)) == q)
    }

    /// One block: every tie inside and d = 2m, so Q = m/m − (2m/2m)² = 0. All singletons:
    /// no tie inside, Q = −Σ (kᵢ/2m)² = −(4 × 2² + 2 × 3²)/14² = −34/196.
    @Test func oneBlockAndSingletons() throws {
        #expect(Self.twoTriangles.modularity(of: [Int](repeating: 0, count: 6)) == 0)
        let q = try #require(Self.twoTriangles.modularity(of: Array(0..<6)))
        #expect(abs(q + 34.0 / 196) < 1e-15, "Q = \(q), by hand −34/196")
    }

    /// Weighted, the bridge weighs 4 and the triangle ties 1: W = 10, L_c = 3, and each
    /// side's strengths sum to 2 + 2 + 6 = 10, so Q = 2 × [3/10 − (10/20)²] = 1/10.
    /// With resolution γ = 2 (unweighted): Q = 6/7 − 2 × 2 × (1/2)² = −1/7.
    @Test func weightsAndResolution() throws {
        let weighted = try #require(Self.twoTriangles.modularity(of: [0, 0, 0, 1, 1, 1], weighted: true))
        #expect(abs(weighted - 0.1) < 1e-15, "weighted Q = \(weighted), by hand 1/10")
        let sharp = try #require(Self.twoTriangles.modularity(of: [0, 0, 0, 1, 1, 1], resolution: 2))
        #expect(abs(sharp + 1.0 / 7) < 1e-15, "γ = 2: Q = \(sharp), by hand −1/7")
    }

    /// Leicht & Newman's directed formula. Arcs 0→1, 1→0, 1→2, 2→3, 3→2 (m = 5), blocks
    /// A = {0, 1}, B = {2, 3}: L_A = 2, out_A = 3 (0→1, 1→0, 1→2), in_A = 2; L_B = 2,
    /// out_B = 2, in_B = 3 (1→2, 2→3, 3→2). Q = (2/5 − 3·2/25) + (2/5 − 2·3/25) = 8/25.
    @Test func directedFormula() throws {
        let graph = Graph(
            labels: ["0", "1", "2", "3"], directed: true, sources: [0, 1, 1, 2, 3], targets: [1, 0, 2, 3, 2],
            weights: [1, 1, 1, 1, 1])
        let q = try #require(graph.modularity(of: [0, 0, 1, 1]))
        #expect(abs(q - 8.0 / 25) < 1e-15, "Q = \(q), by hand 8/25")
    }

    @Test func noTiesHasNoModularity() {
        let graph = Graph(labels: ["a", "b", "c"], directed: true, sources: [], targets: [], weights: [])
        #expect(graph.modularity(of: [0, 0, 1]) == nil)
        #expect(graph.modularity(of: [0, 0, 1], weighted: true) == nil)
    }

    /// `modularity_groups`: the sector partition on every area and relation selection,
    /// unweighted and weighted, directed formula on directed graphs, against
    /// `nx.community.modularity(G, sectors, weight=None | "weight")` within 1e-12.
    @Test(arguments: CommunityFixture.names)
    func sectorPartitionMatchesNetworkx(fixtureName: String) throws {
        let fixture = try CommunityFixture(fixtureName)
        let area = try fixture.area
        let sectors = Groups(labels: area.organisations.map(\.sector))
        for reference in fixture.cases {
            let graph = try Graph(area: area, relations: RelationSelection(reference.relations))
            #expect(graph.isDirected == reference.directed)
            for (weighted, expected) in [
                (false, reference.sectorModularity.unweighted), (true, reference.sectorModularity.weighted),
            ] {
                let ours = graph.modularity(of: sectors.membership, weighted: weighted)
                let scope = "\(fixture.dataset) \(reference.relations)\(weighted ? " weighted" : "")"
                switch (ours, expected) {
                case (nil, nil): break
                case (let a?, let b?):
                    #expect(abs(a - b) <= 1e-12, "\(scope) modularity_groups: PartnerNet \(a), networkx \(b)")
                default:
                    Issue.record(
                        "\(scope) modularity_groups: PartnerNet \(String(describing: ours)), networkx \(String(describing: expected))"
                    )
                }
            }
        }
    }
}
