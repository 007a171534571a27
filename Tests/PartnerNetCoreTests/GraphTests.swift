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
        // No units: multiplexity. a→b is in info and in joint (2), b→a in joint only (1);
        // the self-loop is dropped.
        #expect(union.weight(from: 0, to: 1) == 2)
        #expect(union.weight(from: 1, to: 0) == 1)
        #expect(union.arcCount == 2)
        #expect(union.weightCombination == .multiplexity(relations: ["info", "joint"]))
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

    /// Worked by hand. Relations over a, b, c, d: `money` directed, a→b 300 and a→b 200
    /// again (a duplicate), b→c 50; `info` directed, a→b 4, c→b 1; `joint` undirected, a–b 2
    /// and b–a 5 (the same edge twice), c–d 1.
    static func unitArea(money: String?, info: String?, joint: String?) -> Area {
        Area(
            metadata: AreaMetadata(
                directed: true,
                relations: [
                    "money": RelationOptions(unit: money), "info": RelationOptions(unit: info),
                    "joint": RelationOptions(directed: false, unit: joint),
                ]),
            organisations: ["a", "b", "c", "d"].map { Organisation(id: $0, sector: "s") },
            relationships: [
                Relationship(source: "a", target: "b", weight: 300, relation: "money"),
                Relationship(source: "a", target: "b", weight: 200, relation: "money"),
                Relationship(source: "b", target: "c", weight: 50, relation: "money"),
                Relationship(source: "a", target: "b", weight: 4, relation: "info"),
                Relationship(source: "c", target: "b", weight: 1, relation: "info"),
                Relationship(source: "a", target: "b", weight: 2, relation: "joint"),
                Relationship(source: "b", target: "a", weight: 5, relation: "joint"),
                Relationship(source: "c", target: "d", weight: 1, relation: "joint"),
            ],
            partnerships: [Partnership(id: "p")],
            memberships: [
                Membership(partnership: "p", organisation: "a"), Membership(partnership: "p", organisation: "b"),
            ])
    }

    /// Weights of different relations are never added (METRICS.md, revised).
    @Test func unionWeightsAreMultiplexityUnlessUnitsAgree() throws {
        let (a, b, c, d) = (0, 1, 2, 3)
        // Different units. a→b: money, info, joint → 3; b→a: joint → 1; b→c: money → 1;
        // c→b: info → 1; c→d, d→c: joint → 1 each. The duplicate money arc and the repeated
        // joint edge count once for their relation.
        let mixed = try Graph(area: Self.unitArea(money: "GBP", info: "contacts", joint: nil))
        #expect(mixed.isDirected)
        #expect(mixed.weightCombination == .multiplexity(relations: ["money", "info", "joint"]))
        #expect(mixed.weight(from: a, to: b) == 3)
        #expect(mixed.weight(from: b, to: a) == 1)
        #expect(mixed.weight(from: b, to: c) == 1)
        #expect(mixed.weight(from: c, to: b) == 1)
        #expect(mixed.weight(from: c, to: d) == 1)
        #expect(mixed.weight(from: d, to: c) == 1)
        #expect(mixed.arcCount == 6)

        // Undeclared units count as different: the same multiplexity.
        let undeclared = try Graph(area: Self.unitArea(money: nil, info: nil, joint: nil))
        #expect(undeclared.weightCombination == .multiplexity(relations: ["money", "info", "joint"]))
        #expect(undeclared.weight(from: a, to: b) == 3)

        // One unit everywhere: weights add. a→b: 300 + 200 + 4 + (2 + 5) = 511; b→a: 7;
        // b→c 50; c→b 1; c–d 1 each way.
        let same = try Graph(area: Self.unitArea(money: "points", info: "points", joint: "points"))
        #expect(same.weightCombination == .sameUnit("points"))
        #expect(same.weight(from: a, to: b) == 511)
        #expect(same.weight(from: b, to: a) == 7)
        #expect(same.weight(from: b, to: c) == 50)
        #expect(same.weight(from: c, to: b) == 1)

        // One relation keeps its weights, whatever the units: money a→b 500.
        let money = try Graph(
            area: Self.unitArea(money: "GBP", info: "contacts", joint: nil), relations: .named(["money"]))
        #expect(money.weightCombination == .single(relation: "money"))
        #expect(money.weight(from: a, to: b) == 500)

        // Two of three with the same unit: the selection decides. money + info in GBP add
        // (a→b 504); info + joint differ (a→b 2, b→a 1).
        let area = Self.unitArea(money: "GBP", info: "GBP", joint: "services")
        let pounds = try Graph(area: area, relations: .named(["money", "info"]))
        #expect(pounds.weightCombination == .sameUnit("GBP"))
        #expect(pounds.weight(from: a, to: b) == 504)
        let infoJoint = try Graph(area: area, relations: .named(["info", "joint"]))
        #expect(infoJoint.weight(from: a, to: b) == 2)
        #expect(infoJoint.weight(from: b, to: a) == 1)
        #expect(
            try area.weightCombination(for: .named(["info", "joint"])) == .multiplexity(relations: ["info", "joint"]))

        // co-membership is one more relation: a and b share p, so a→b 4 and b→a 2.
        let withMembers = try Graph(area: area, relations: .named(["money", "info", "joint", Area.coMembership]))
        #expect(withMembers.weight(from: a, to: b) == 4)
        #expect(withMembers.weight(from: b, to: a) == 2)
        #expect(withMembers.weight(from: c, to: d) == 1)
    }

    /// An undirected union: every relation undirected, a pair counted once per relation
    /// whichever way round its ties are written.
    @Test func undirectedUnionCountsEachPairOncePerRelation() throws {
        let area = Area(
            metadata: AreaMetadata(directed: false),
            organisations: ["a", "b", "c"].map { Organisation(id: $0, sector: "s") },
            relationships: [
                Relationship(source: "a", target: "b", weight: 3, relation: "x"),
                Relationship(source: "b", target: "a", weight: 4, relation: "x"),
                Relationship(source: "b", target: "a", weight: 9, relation: "y"),
                Relationship(source: "b", target: "c", weight: 2, relation: "y"),
            ])
        let union = try Graph(area: area)
        #expect(!union.isDirected)
        // a–b in x (twice) and y → 2; b–c in y → 1.
        #expect(union.weight(from: 0, to: 1) == 2)
        #expect(union.weight(from: 1, to: 0) == 2)
        #expect(union.weight(from: 1, to: 2) == 1)
        #expect(union.edgeCount == 2)
        let x = try Graph(area: area, relations: .named(["x"]))
        #expect(x.weight(from: 0, to: 1) == 7)
    }
}
