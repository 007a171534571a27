import PartnerNetCore
import Testing

@testable import PartnerNetMetrics

/// Invariants of centrality over seeded random graphs.
@Suite struct CentralityPropertyTests {
    /// A random graph of `nodes` nodes and about `arcs` arcs, weights drawn from
    /// {1/2, 1, 2, 3} (so that weighted paths both tie exactly and need the tolerance).
    static func randomGraph(nodes: Int, arcs: Int, directed: Bool, seed: UInt64) -> Graph {
        var random = SplitMix64(seed: seed)
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        let choices = [0.5, 1, 2, 3]
        for _ in 0..<arcs {
            sources.append(Int32(random.next() % UInt64(nodes)))
            targets.append(Int32(random.next() % UInt64(nodes)))
            weights.append(choices[Int(random.next() % 4)])
        }
        return Graph(
            labels: (0..<nodes).map { "n\($0)" }, directed: directed, sources: sources, targets: targets,
            weights: weights)
    }

    /// Seeds and shapes: sparse (several components, isolates) and denser, both kinds.
    static let cases: [(nodes: Int, arcs: Int, directed: Bool, seed: UInt64)] = [
        (40, 50, true, 1), (40, 50, false, 2), (60, 240, true, 3), (60, 240, false, 4), (25, 150, true, 5),
    ]

    /// The same graph with node v renamed to handle π(v).
    static func relabelled(_ graph: Graph, by permutation: [Int]) -> Graph {
        var labels = [String](repeating: "", count: graph.nodeCount)
        var (sources, targets, weights) = ([Int32](), [Int32](), [Double]())
        for node in 0..<graph.nodeCount {
            labels[permutation[node]] = graph.labels[node]
            for (target, weight) in zip(graph.successors(of: node), graph.successorWeights(of: node))
            where graph.isDirected || node < Int(target) {
                sources.append(Int32(permutation[node]))
                targets.append(Int32(permutation[Int(target)]))
                weights.append(weight)
            }
        }
        return Graph(labels: labels, directed: graph.isDirected, sources: sources, targets: targets, weights: weights)
    }

    @Test(arguments: cases.indices)
    func relabellingNodesPermutesTheScores(index: Int) throws {
        let shape = Self.cases[index]
        let graph = Self.randomGraph(nodes: shape.nodes, arcs: shape.arcs, directed: shape.directed, seed: shape.seed)
        var random = SplitMix64(seed: 100 + shape.seed)
        let permutation = Array(0..<graph.nodeCount).shuffled(using: &random)
        let other = Self.relabelled(graph, by: permutation)
        for weighted in [false, true] {
            let options = MeasureOptions(weighted: weighted, alpha: 0.01, beta: -0.01)
            // in_core: where several partitions fit equally well, which one the search keeps
            // depends on node order; CorePeripheryTests checks that the fit does not.
            for measure in NodeMeasure.allCases where measure != .inCore {
                let tolerance = [.eigenvector, .pagerank, .katz, .bonacichPower].contains(measure) ? 1e-6 : 1e-9
                let scores = Result { () throws(MetricError) in try measure.scores(in: graph, options: options) }
                let permuted = Result { () throws(MetricError) in try measure.scores(in: other, options: options) }
                switch (scores, permuted) {
                case (.success(let scores), .success(let permuted)):
                    for node in 0..<graph.nodeCount {
                        #expect(
                            (scores[node].isNaN && permuted[permutation[node]].isNaN)
                                || agree(scores[node], permuted[permutation[node]], relative: tolerance),
                            "case \(index) \(measure.rawValue)\(weighted ? " weighted" : "")[\(graph.labels[node])]: \(scores[node]), relabelled \(permuted[permutation[node]])"
                        )
                    }
                case (.failure(let error), .failure(let again)):
                    #expect(error == again, "case \(index) \(measure.rawValue): \(error) then \(again)")
                default:
                    Issue.record("case \(index) \(measure.rawValue): \(scores) but relabelled \(permuted)")
                }
            }
            for measure in NetworkMeasure.allCases {
                let value = try measure.value(in: graph, options: options)
                let relabelled = try measure.value(in: other, options: options)
                let same = value == relabelled || agree(value ?? .nan, relabelled ?? .nan)
                #expect(same, "case \(index) \(measure.rawValue): \(value ?? .nan), relabelled \(relabelled ?? .nan)")
            }
        }
    }

    /// Each shortest s–t path of length d passes through d − 1 intermediate nodes, so the
    /// dependencies of a pair sum to d(s, t) − 1 and Σᵥ b(v) = Σ (d(s, t) − 1) over the
    /// pairs joined by a path: ordered pairs when directed, unordered when undirected.
    @Test(arguments: cases.indices)
    func betweennessSumsToPathLengthsMinusOne(index: Int) {
        let shape = Self.cases[index]
        let graph = Self.randomGraph(nodes: shape.nodes, arcs: shape.arcs, directed: shape.directed, seed: shape.seed)
        var expected = 0
        for source in 0..<graph.nodeCount {
            // An independent breadth-first search.
            var distance = [Int](repeating: -1, count: graph.nodeCount)
            distance[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for next in graph.successors(of: node) where distance[Int(next)] < 0 {
                    distance[Int(next)] = distance[node] + 1
                    queue.append(Int(next))
                }
            }
            expected += distance.filter { $0 > 0 }.reduce(0) { $0 + $1 - 1 }
        }
        let total = graph.betweennessCentrality().reduce(0, +)
        let pairs = graph.isDirected ? Double(expected) : Double(expected) / 2
        #expect(abs(total - pairs) <= 1e-9 * pairs, "case \(index): Σ b = \(total), Σ (d − 1) = \(pairs)")
    }

    /// Sources are split into blocks fixed by n alone and block sums added in block order,
    /// so one thread and all cores give the same bits.
    @Test(arguments: [true, false])
    func parallelAndSerialAgreeBitForBit(directed: Bool) throws {
        let graph = Self.randomGraph(nodes: 700, arcs: 3500, directed: directed, seed: directed ? 7 : 8)
        #expect(graph.nodeCount * (graph.arcCount + graph.nodeCount) > 200_000, "large enough to run in parallel")
        for weighted in [false, true] {
            let serial = graph.betweennessCentrality(normalized: false, weighted: weighted, threads: 1)
            let parallel = graph.betweennessCentrality(normalized: false, weighted: weighted, threads: nil)
            #expect(serial == parallel, "betweenness\(weighted ? " weighted" : "")")
            #expect(serial.reduce(0, +) > 0)
            let closeness = graph.closenessCentrality(.outgoing, weighted: weighted, threads: 1)
            #expect(closeness == graph.closenessCentrality(.outgoing, weighted: weighted, threads: nil))
            let oneThread = try graph.pageRank(
                damping: 0.85, weighted: weighted, maxIterations: 10_000, tolerance: 1e-12, threads: 1)
            let allCores = try graph.pageRank(
                damping: 0.85, weighted: weighted, maxIterations: 10_000, tolerance: 1e-12, threads: nil)
            #expect(oneThread == allCores, "pagerank\(weighted ? " weighted" : "")")
        }
    }

    /// Betweenness's breadth-first searches also keep every source's distance summary for
    /// closeness, harmonic centrality and the path lengths: read after betweenness, they
    /// are the same bits as on a graph that searched for them alone.
    @Test(arguments: [true, false])
    func distancesKeptByBetweennessAreTheSearchesOwn(directed: Bool) throws {
        func graph() -> Graph { Self.randomGraph(nodes: 400, arcs: 1600, directed: directed, seed: directed ? 9 : 10) }
        let alone = graph()
        let closeness = alone.closenessCentrality(.outgoing, weighted: false)
        let harmonic = alone.harmonicCentrality(.outgoing, weighted: false)
        let lengths = (alone.averagePathLength(weighted: false), alone.diameter(weighted: false))
        let after = graph()
        _ = after.betweennessCentrality()
        #expect(after.closenessCentrality(.outgoing, weighted: false) == closeness)
        #expect(after.harmonicCentrality(.outgoing, weighted: false) == harmonic)
        #expect(after.averagePathLength(weighted: false) == lengths.0 && after.diameter(weighted: false) == lengths.1)
        #expect(closeness.contains { $0 > 0 })
    }

    /// Weighted paths whose lengths agree only within rounding (0.1 + 0.2 against 0.25 +
    /// 0.05) tie: s – a – t and s – b – t share the pair's dependency equally. t lies on
    /// the one shortest a–b path (0.2 + 0.05, against 0.1 + 0.25 through s).
    @Test func pathLengthsWithinTheToleranceTie() {
        let graph = Graph(
            labels: ["s", "a", "b", "t"], directed: false, sources: [0, 1, 0, 2], targets: [1, 3, 2, 3],
            weights: [10, 5, 4, 20])
        let (viaA, viaB): (Double, Double) = (1.0 / 10 + 1.0 / 5, 1.0 / 4 + 1.0 / 20)
        #expect(viaA != viaB)
        #expect(graph.betweennessCentrality(weighted: true) == [0, 0.5, 0.5, 1])
    }
}
