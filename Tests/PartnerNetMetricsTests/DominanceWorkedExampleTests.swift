import PartnerNetCore
import Testing

@testable import PartnerNetMetrics

/// Dominance measures on graphs small enough to work by hand, and their invariants over
/// seeded random graphs.
@Suite struct DominanceWorkedExampleTests {
    static func graph(
        _ n: Int, _ arcs: [(Int, Int)], directed: Bool = false, weights: [Double]? = nil
    ) -> Graph {
        Graph(
            labels: (0..<n).map { "v\($0)" }, directed: directed, sources: arcs.map { Int32($0.0) },
            targets: arcs.map { Int32($0.1) }, weights: weights ?? arcs.map { _ in 1 })
    }

    /// The path 0–1–2–3–4. F = {2}: it reaches 1 and 3 (group degree 2/4); of the 12
    /// ordered pairs among {0, 1, 3, 4}, the 8 between {0, 1} and {3, 4} pass through 2
    /// (group betweenness 8/12); distances from F are 2, 1, 1, 2 (group closeness 4/6).
    /// F = {1, 3}: it reaches 0, 2 and 4 (1); every path between two of them passes
    /// through F (1); every one is at distance 1 (1).
    @Test func groupCentralityOnAPath() {
        let path = Self.graph(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        #expect(path.groupDegreeCentrality(of: [2]) == 0.5)
        #expect(abs(path.groupBetweennessCentrality(of: [2])! - 8.0 / 12) < 1e-15)
        #expect(abs(path.groupClosenessCentrality(of: [2])! - 4.0 / 6) < 1e-15)
        #expect(path.groupDegreeCentrality(of: [1, 3]) == 1)
        #expect(path.groupBetweennessCentrality(of: [1, 3]) == 1)
        #expect(path.groupClosenessCentrality(of: [3, 1, 3]) == 1)
        // Undefined when too few nodes lie outside the group.
        #expect(path.groupDegreeCentrality(of: [0, 1, 2, 3, 4]) == nil)
        #expect(path.groupBetweennessCentrality(of: [0, 1, 2, 3]) == nil)
        #expect(path.groupClosenessCentrality(of: [0, 1, 2, 3, 4]) == nil)
    }

    /// The directed path 0 → 1 → 2, F = {1}. Betweenness: of the ordered pairs (0, 2) and
    /// (2, 0) only the first has a path, through 1: 1/2. Closeness: from F only 2 is reached,
    /// at distance 1: (1/1)·(1/2) = 1/2 (networkx, which measures paths into the group and
    /// counts unreachable nodes as 0, would say 2). Degree: F sends an arc to 2 only: 1/2.
    @Test func groupCentralityOnADirectedPath() {
        let path = Self.graph(3, [(0, 1), (1, 2)], directed: true)
        #expect(path.groupBetweennessCentrality(of: [1]) == 0.5)
        #expect(path.groupClosenessCentrality(of: [1]) == 0.5)
        #expect(path.groupDegreeCentrality(of: [1]) == 0.5)
        // From 2, which sends no arc, nothing is reached.
        #expect(path.groupClosenessCentrality(of: [2]) == 0)
    }

    /// A triangle 0–1–2 with weights 1 on 0–1 and 1–2: the path 0–1–2 has length 2. With
    /// weight 0.4 on 0–2 (length 2.5) every shortest 0–2 path passes through 1 (group
    /// betweenness of {1}: 2/2 ordered pairs); with 0.5 (length 2, a tie) half of them do.
    /// Unweighted, the direct tie is shortest and 1 lies on no path.
    @Test func weightedGroupBetweennessTiesPathLengths() {
        let longer = Self.graph(3, [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.4])
        #expect(longer.groupBetweennessCentrality(of: [1], weighted: true) == 1)
        #expect(longer.groupBetweennessCentrality(of: [1]) == 0)
        let tied = Self.graph(3, [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.5])
        #expect(tied.groupBetweennessCentrality(of: [1], weighted: true) == 0.5)
        // 0.1 + 0.2 = 0.30000000000000004 ties with 0.3 within 1e-10 relative: half again.
        let near = Self.graph(3, [(0, 1), (1, 2), (0, 2)], weights: [10, 5, 10.0 / 3])
        #expect(near.groupBetweennessCentrality(of: [1], weighted: true) == 0.5)
    }

    /// Components {0, 1, 2} (a path), {3, 4} and the isolate 5: n = 6,
    /// F = 1 − (3·2 + 2·1)/(6·5) = 11/15. Reciprocal distances over ordered pairs:
    /// 2(1 + 1 + 1/2) + 2 = 7, DF = 1 − 7/30 = 23/30. Without node 1: {0}, {2}, {3, 4}, {5},
    /// n = 5: F = 1 − 2/20 = 0.9, DF = 1 − 2/20 = 0.9.
    @Test func fragmentationByHand() {
        let graph = Self.graph(6, [(0, 1), (1, 2), (3, 4)])
        #expect(abs(graph.fragmentation! - 11.0 / 15) < 1e-15)
        #expect(abs(graph.distanceFragmentation()! - 23.0 / 30) < 1e-15)
        let without = graph.removing([1])
        #expect(without.labels == ["v0", "v2", "v3", "v4", "v5"])
        #expect(abs(without.fragmentation! - 0.9) < 1e-15)
        #expect(abs(without.distanceFragmentation()! - 0.9) < 1e-15)
        // Connected: 0; complete: DF 0; one node: undefined.
        #expect(Self.graph(3, [(0, 1), (1, 2)]).fragmentation == 0)
        #expect(Self.graph(3, [(0, 1), (1, 2), (0, 2)]).distanceFragmentation() == 0)
        #expect(Self.graph(1, []).fragmentation == nil)
        // Directed: fragmentation uses weak components, DF directed distances. 0 → 1 → 2:
        // reciprocal distances 1 + 1/2 + 1 = 2.5 over 6 ordered pairs.
        let chain = Self.graph(3, [(0, 1), (1, 2)], directed: true)
        #expect(chain.fragmentation == 0)
        #expect(abs(chain.distanceFragmentation()! - (1 - 2.5 / 6)) < 1e-15)
        // Weighted: lengths 1/weight. A weight of 2 makes the distance 1/2 and the sum of
        // reciprocals 2 · 2 over 2 ordered pairs: DF = 1 − 2 = −1. The formula is not bounded
        // below once ties are stronger than 1.
        let weighted = Self.graph(2, [(0, 1)], weights: [2])
        #expect(weighted.distanceFragmentation(weighted: true) == -1)
    }

    /// Scores 3, 1, 3, 2. F = {1, 3}: share (1 + 2)/9 = 1/3; its best, 2, is beaten by two
    /// scores of 3, so its top rank is 3; dominance 2/3. F = {0}: it ties with node 2 for
    /// first place (rank 1), ratio 3/3.
    @Test func sharesRanksAndRatios() {
        let scores = [3.0, 1, 3, 2]
        let low = FocalSet(members: [1, 3], nodeCount: 4).share(of: scores)
        #expect(low == FocalShare(share: 1.0 / 3, topRank: 3, dominanceRatio: 2.0 / 3))
        let top = FocalSet(members: [0], nodeCount: 4).share(of: scores)
        #expect(top == FocalShare(share: 1.0 / 3, topRank: 1, dominanceRatio: 1))
        // Within 1e-9 relative is a tie.
        let near = FocalSet(members: [1], nodeCount: 2).share(of: [1 + 1e-12, 1])
        #expect(near.topRank == 1)
        // Every node in F: no outsider; all scores 0: no share; best outsider 0: no ratio.
        #expect(FocalSet(members: 0..<4, nodeCount: 4).share(of: scores).dominanceRatio == nil)
        #expect(FocalSet(members: [0], nodeCount: 2).share(of: [0, 0]).share == nil)
        #expect(FocalSet(members: [0], nodeCount: 2).share(of: [1, 0]).dominanceRatio == nil)
    }

    /// Six nodes, scores 6, 5, 4, 3, 2, 1 and F = {0, 1} (share 11/21, the largest of the
    /// 15 pairs): exactly one random pair reaches it, so P(share ≥ focal) = 1/15.
    @Test func shareTestAgainstTheExactNull() {
        let set = FocalSet(members: [0, 1], nodeCount: 6)
        let scores = [[6.0, 5, 4, 3, 2, 1], [1.0, 1, 1, 1, 1, 1]]
        let samples = 30_000
        let test = set.shareTest(of: scores, samples: samples, seed: 3)
        let exact = 1.0 / 15
        let standardError = (exact * (1 - exact) / Double(samples)).squareRoot()
        #expect(abs(test.pValues[0]! - exact) < 4 * standardError + 1 / Double(samples))
        // Equal scores: every random pair ties with F, so p = 1.
        #expect(test.pValues[1] == 1)
        #expect(abs(test.meanShares[0]! - 2.0 / 6) < 0.005)
        #expect(test.setSize == 2 && test.samples == samples)
        // Reproducible; another seed differs; no p-value below 1/(N + 1).
        #expect(set.shareTest(of: scores, samples: samples, seed: 3) == test)
        #expect(set.shareTest(of: scores, samples: samples, seed: 4) != test)
        let zero = set.shareTest(of: [[0.0, 0, 0, 0, 0, 0]], samples: 10)
        #expect(zero.pValues == [nil] && zero.meanShares == [nil])
        let alone = FocalSet(members: [0], nodeCount: 6).shareTest(of: [scores[0]], samples: 999)
        #expect(alone.pValues[0]! >= 1.0 / 1000)
    }

    @Test func focalSetsBySectorAndByName() throws {
        let area = Area(
            metadata: AreaMetadata(focalSector: "council"),
            organisations: [
                Organisation(id: "a", sector: "council"), Organisation(id: "b", sector: "charity"),
                Organisation(id: "c", sector: "council"),
            ])
        let graph = try Graph(area: area)
        #expect(try FocalSet(defaultIn: area, graph: graph).members == [0, 2])
        #expect(try FocalSet(sector: "charity", in: area, graph: graph).members == [1])
        #expect(try FocalSet(ids: ["c", "a", "c"], graph: graph).members == [0, 2])
        #expect(throws: MetricError.unknownFocalSector("local-authority", available: ["council", "charity"])) {
            try FocalSet(sector: "local-authority", in: area, graph: graph)
        }
        #expect(throws: MetricError.unknownFocalOrganisations(["x", "y"])) {
            try FocalSet(ids: ["a", "x", "y"], graph: graph)
        }
        #expect(throws: MetricError.emptyFocalSet) { try FocalSet(ids: [], graph: graph) }
        #expect(
            MetricError.unknownFocalSector("la", available: ["council"]).description
                == "no organisation is in the focal sector \"la\"; the sectors are \"council\" (choose one with --focal-sector, or name organisations with --focal)"
        )
    }

    /// p1 chaired by a (in F), p2 by b, p3 co-chaired by a and c, p4 with no chair:
    /// chair_share = 2/3.
    @Test func chairShareByHand() {
        let area = Area(
            organisations: ["a", "b", "c"].map { Organisation(id: $0, sector: "s") },
            partnerships: ["p1", "p2", "p3", "p4"].map { Partnership(id: $0) },
            memberships: [
                Membership(partnership: "p1", organisation: "a", role: .chair),
                Membership(partnership: "p1", organisation: "b"),
                Membership(partnership: "p2", organisation: "b", role: .chair),
                Membership(partnership: "p2", organisation: "a", role: .viceChair),
                Membership(partnership: "p3", organisation: "a", role: .chair),
                Membership(partnership: "p3", organisation: "c", role: .chair),
                Membership(partnership: "p4", organisation: "c"),
            ])
        let share = area.chairShare(focal: ["a"])
        #expect(share == ChairShare(chairedByFocal: 2, chaired: 3, partnerships: 4))
        #expect(share.share == 2.0 / 3)
        #expect(Area().chairShare(focal: []).share == nil)
    }

    /// A group of one node has the betweenness of that node (normalised as networkx, by
    /// (n − 1)(n − 2)); splitting the work across cores changes nothing, bit for bit.
    @Test(arguments: CentralityPropertyTests.cases.indices)
    func singletonGroupsAreNodeBetweenness(index: Int) {
        let shape = CentralityPropertyTests.cases[index]
        let graph = CentralityPropertyTests.randomGraph(
            nodes: shape.nodes, arcs: shape.arcs, directed: shape.directed, seed: shape.seed)
        for weighted in [false, true] {
            let betweenness = graph.betweennessCentrality(normalized: true, weighted: weighted)
            for node in stride(from: 0, to: graph.nodeCount, by: 3) {
                let group = graph.groupBetweennessCentrality(of: [node], weighted: weighted)!
                #expect(
                    agree(group, betweenness[node]),
                    "case \(index) node \(node): group \(group), node \(betweenness[node])")
            }
            let members = Array(stride(from: 1, to: graph.nodeCount, by: 4))
            let serial = graph.groupBetweennessCentrality(of: members, weighted: weighted, threads: 1)
            let parallel = graph.groupBetweennessCentrality(of: members, weighted: weighted, threads: nil)
            #expect(serial == parallel)
        }
    }

    /// The group's closeness from F equals the closeness of one node standing for F: the
    /// graph with F's members merged into one node that keeps all their arcs out.
    @Test(arguments: CentralityPropertyTests.cases.indices)
    func groupClosenessIsClosenessOfTheMergedGroup(index: Int) {
        let shape = CentralityPropertyTests.cases[index]
        let graph = CentralityPropertyTests.randomGraph(
            nodes: shape.nodes, arcs: shape.arcs, directed: shape.directed, seed: shape.seed)
        let members = Array(stride(from: 0, to: graph.nodeCount, by: 5))
        let inGroup = Set(members)
        // Node 0 of the merged graph stands for F; others keep their order after it.
        var handle = [Int](repeating: 0, count: graph.nodeCount)
        var next = 1
        for node in 0..<graph.nodeCount where !inGroup.contains(node) {
            handle[node] = next
            next += 1
        }
        var arcs: [(Int, Int)] = []
        for node in 0..<graph.nodeCount {
            for target in graph.successors(of: node) where !(inGroup.contains(node) && inGroup.contains(Int(target))) {
                if !graph.isDirected && handle[node] > handle[Int(target)] { continue }
                arcs.append((handle[node], handle[Int(target)]))
            }
        }
        let merged = Self.graph(next, arcs, directed: graph.isDirected)
        let closeness = merged.closenessCentrality(.outgoing)[0]
        #expect(agree(graph.groupClosenessCentrality(of: members)!, closeness), "case \(index)")
    }
}
