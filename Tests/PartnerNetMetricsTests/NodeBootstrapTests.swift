import PartnerNetCore
import PartnerNetMetrics
import Testing

/// The node bootstrap's resamples and percentile intervals: worked examples, determinism and
/// the properties an interval should have. (The statistics on resampled networks are
/// checked against networkx in the report's tests.)
struct NodeBootstrapTests {
    /// The path 0 – 1 – 2.
    static let path = Graph(
        labels: ["a", "b", "c"], directed: false, sources: [0, 1], targets: [1, 2], weights: [1, 2])

    static func edges(_ graph: Graph) -> [[Int]] {
        var out: [[Int]] = []
        for node in 0..<graph.nodeCount {
            for other in graph.successors(of: node) where graph.isDirected || Int(other) > node {
                out.append([node, Int(other)])
            }
        }
        return out
    }

    @Test func copiesOfDifferentOrganisationsAreTiedAsTheyAre() {
        // Copies 0, 1 of a and copy 2 of b: (0, 2) and (1, 2) copy a – b (weight 1); the pair
        // (0, 1) of copies of a takes the tie of draw r = 1, the ordered pair (0, 2): none.
        let untied = Self.path.resampled(NodeBootstrapSample(nodes: [0, 0, 1], duplicateDraws: [1]))
        #expect(Self.edges(untied) == [[0, 2], [1, 2]])
        #expect(untied.labels == ["a#0", "a#1", "b#2"])
        #expect(untied.weight(from: 0, to: 2) == 1)
        // Draw r = 0 is the pair (0, 1), tied: the copies of a are tied, with its weight.
        let tied = Self.path.resampled(NodeBootstrapSample(nodes: [0, 0, 1], duplicateDraws: [0]))
        #expect(Self.edges(tied) == [[0, 1], [0, 2], [1, 2]])
        // r = 5: i = 5 / 2 = 2, the 1st organisation other than 2 is 1: the tie b – c, weight 2.
        let heavy = Self.path.resampled(NodeBootstrapSample(nodes: [2, 2, 0], duplicateDraws: [5]))
        #expect(Self.edges(heavy) == [[0, 1]])
        #expect(heavy.weight(from: 0, to: 1) == 2)
    }

    @Test func directedPairsOfCopiesTakeOneDrawEachWay() {
        let arc = Graph(labels: ["a", "b"], directed: true, sources: [0], targets: [1], weights: [1])
        // Copies 0 and 1 of a: pairs (0, 1) then (1, 0); r = 0 is a → b (tied), r = 1 is b → a.
        #expect(
            NodeBootstrapSample.duplicatePairs(of: [0, 0], directed: true).map { [$0.0, $0.1] } == [[0, 1], [1, 0]])
        let resampled = arc.resampled(NodeBootstrapSample(nodes: [0, 0], duplicateDraws: [0, 1]))
        #expect(Self.edges(resampled) == [[0, 1]])
        let identity = arc.resampled(NodeBootstrapSample(nodes: [0, 1], duplicateDraws: []))
        #expect(Self.edges(identity) == [[0, 1]])
    }

    @Test func resamplesDependOnTheSeedAndTheirIndexOnly() {
        let graph = Self.erdosRenyi(n: 40, p: 0.1, seed: 3, directed: true)
        let a = graph.nodeBootstrapSamples(count: 20, seed: 9)
        #expect(a == graph.nodeBootstrapSamples(count: 20, seed: 9))
        #expect(Array(a.prefix(5)) == graph.nodeBootstrapSamples(count: 5, seed: 9))
        #expect(a != graph.nodeBootstrapSamples(count: 20, seed: 10))
        for sample in a {
            #expect(sample.nodes.count == 40 && sample.nodes.allSatisfy { (0..<40).contains($0) })
            #expect(
                sample.duplicateDraws.count
                    == NodeBootstrapSample.duplicatePairs(of: sample.nodes, directed: true).count)
            #expect(sample.duplicateDraws.allSatisfy { (0..<(40 * 39)).contains($0) })
        }
    }

    @Test func percentileIntervalsInterpolateAsRAndNumpy() throws {
        let five = try #require(PercentileInterval(values: [5, 1, 4, 2, 3], confidence: 0.5))
        #expect(five.low == 2 && five.high == 4 && five.resamples == 5)
        let two = try #require(PercentileInterval(values: [10, .nan, 0], confidence: 0.9))
        #expect(abs(two.low - 0.5) < 1e-12 && abs(two.high - 9.5) < 1e-12 && two.resamples == 2)
        #expect(PercentileInterval(values: [.nan], confidence: 0.95) == nil)
    }

    /// The density of an Erdős–Rényi graph lies in its 95% interval, and the interval of a
    /// graph five times larger (same p) is narrower: the node bootstrap's spread shrinks
    /// about as 1/√n.
    @Test func intervalsContainTheValueAndNarrowWithSize() throws {
        var widths: [Double] = []
        for n in [30, 150] {
            for seed: UInt64 in 1...3 {
                let graph = Self.erdosRenyi(n: n, p: 0.1, seed: seed, directed: false)
                let values = graph.nodeBootstrapSamples(count: 400, seed: seed).map { graph.resampled($0).density }
                let interval = try #require(PercentileInterval(values: values, confidence: 0.95))
                #expect(interval.low <= graph.density && graph.density <= interval.high, "n \(n) seed \(seed)")
                if seed == 1 { widths.append(interval.high - interval.low) }
            }
        }
        #expect(widths[1] < widths[0] * 0.7, "widths \(widths)")
    }

    static func erdosRenyi(n: Int, p: Double, seed: UInt64, directed: Bool) -> Graph {
        var random = SplitMix64(seed: seed)
        var sources: [Int32] = []
        var targets: [Int32] = []
        for i in 0..<n {
            for j in 0..<n where i != j && (directed || j > i) {
                if Double(random.next() >> 11) / Double(1 << 53) < p {
                    sources.append(Int32(i))
                    targets.append(Int32(j))
                }
            }
        }
        return Graph(
            labels: (0..<n).map(String.init), directed: directed, sources: sources, targets: targets,
            weights: [Double](repeating: 1, count: sources.count))
    }
}
