import PartnerNetCore
import Testing

@Suite struct GraphTests {
    /// Worked by hand: arcs 0→1 (twice, weights 1 and 2), 1→0, 2→2 (self-loop), 2→0, 1→2.
    /// Out-rows: 0: [1 (3)], 1: [0 (1), 2 (1)], 2: [0 (1)]. In-rows: 0: [1, 2], 1: [0], 2: [1].
    @Test func directedRowsAreSortedMergedAndTransposed() {
        let graph = Graph(
            labels: ["a", "b", "c"], directed: true, sources: [0, 1, 0, 2, 2, 1], targets: [1, 0, 1, 2, 0, 2],
            weights: [1, 1, 2, 5, 1, 1])
        #expect(graph.arcCount == 4)
        #expect(graph.edgeCount == 4)
        #expect(Array(graph.successors(of: 0)) == [1])
        #expect(Array(graph.successorWeights(of: 0)) == [3])
        #expect(Array(graph.successors(of: 1)) == [0, 2])
        #expect(Array(graph.successors(of: 2)) == [0])
        #expect(Array(graph.predecessors(of: 0)) == [1, 2])
        #expect(Array(graph.predecessors(of: 1)) == [0])
        #expect(Array(graph.predecessorWeights(of: 1)) == [3])
        #expect(Array(graph.predecessors(of: 2)) == [1])
        #expect(graph.weight(from: 0, to: 1) == 3)
        #expect(graph.weight(from: 2, to: 2) == nil)
        #expect(graph.handles == ["a": 0, "b": 1, "c": 2])
    }

    /// Undirected: (0,1) and (1,0) are one edge of weight 2; each edge is stored both ways.
    @Test func undirectedEdgesMergeWhicheverWayRoundTheyAreGiven() {
        let graph = Graph(
            labels: ["a", "b", "c", "d"], directed: false, sources: [0, 1, 2, 3], targets: [1, 0, 1, 3],
            weights: [1, 1, 4, 9])
        #expect(graph.edgeCount == 2)
        #expect(graph.arcCount == 4)
        #expect(Array(graph.successors(of: 1)) == [0, 2])
        #expect(Array(graph.successorWeights(of: 1)) == [2, 4])
        #expect(Array(graph.predecessors(of: 1)) == [0, 2])
        #expect(graph.outDegree(of: 3) == 0)
    }

    /// Against a dictionary-based construction on seeded random multigraphs.
    @Test(arguments: [(7 as UInt64, true), (8, false), (9, true), (10, false)])
    func compressedRowsEqualANaiveConstruction(seed: UInt64, directed: Bool) {
        var random = SplitMix64(seed: seed)
        let n = 50
        let m = 400
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        for _ in 0..<m {
            sources.append(Int32(random.next() % UInt64(n)))
            targets.append(Int32(random.next() % UInt64(n)))
            weights.append(Double(random.next() % 1000) / 7)
        }
        let graph = Graph(
            labels: (0..<n).map(String.init), directed: directed, sources: sources, targets: targets, weights: weights)
        var naive: [Int: [Int: Double]] = [:]
        for index in 0..<m where sources[index] != targets[index] {
            let (s, t) = (Int(sources[index]), Int(targets[index]))
            naive[s, default: [:]][t, default: 0] += weights[index]
            if !directed { naive[t, default: [:]][s, default: 0] += weights[index] }
        }
        for node in 0..<n {
            let row = naive[node, default: [:]]
            #expect(Array(graph.successors(of: node)).map(Int.init) == row.keys.sorted())
            for (target, weight) in row { #expect(graph.weight(from: node, to: target) == weight) }
            let into = (0..<n).filter { naive[$0]?[node] != nil }
            #expect(Array(graph.predecessors(of: node)).map(Int.init) == into)
        }
    }

    @Test func buildsFromAnAreaWithTheUnionConventions() throws {
        let area = Area(
            metadata: AreaMetadata(directed: true, relations: ["joint": RelationOptions(directed: false)]),
            organisations: ["a", "b", "c"].map { Organisation(id: $0, sector: "s") },
            relationships: [
                Relationship(source: "a", target: "b", weight: 2, relation: "info"),
                Relationship(source: "b", target: "a", weight: 3, relation: "joint"),
                Relationship(source: "c", target: "c", relation: "info"),
            ],
            partnerships: [Partnership(id: "p"), Partnership(id: "q")],
            memberships: [
                Membership(partnership: "p", organisation: "a"), Membership(partnership: "p", organisation: "c"),
                Membership(partnership: "q", organisation: "a"),
                Membership(partnership: "q", organisation: "c", role: .observer),
            ])
        let union = try Graph(area: area)
        #expect(union.isDirected)
        // info a→b (2) plus joint a–b (3) both ways: a→b 5, b→a 3; the self-loop is dropped.
        #expect(union.weight(from: 0, to: 1) == 5)
        #expect(union.weight(from: 1, to: 0) == 3)
        #expect(union.arcCount == 2)
        let joint = try Graph(area: area, relations: .named(["joint"]))
        #expect(!joint.isDirected)
        #expect(joint.edgeCount == 1)
        let shared = try Graph(area: area, relations: .named([Area.coMembership]))
        #expect(!shared.isDirected)
        #expect(shared.weight(from: 0, to: 2) == 2)
        #expect(shared.weight(from: 2, to: 0) == 2)
        #expect(shared.edgeCount == 1)
        #expect(throws: ModelError.unknownRelation("money", available: ["info", "joint", "co-membership"])) {
            try Graph(area: area, relations: .named(["money"]))
        }
    }
}
