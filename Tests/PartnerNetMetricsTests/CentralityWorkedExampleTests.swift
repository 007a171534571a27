import PartnerNetCore
import PartnerNetMetrics
import Testing

/// Tiny graphs worked by hand.
@Suite struct CentralityWorkedExampleTests {
    func graph(_ labels: [String], _ ties: [(String, String, Double)], directed: Bool) -> Graph {
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Int32($0)) })
        return Graph(
            labels: labels, directed: directed, sources: ties.map { index[$0.0]! }, targets: ties.map { index[$0.1]! },
            weights: ties.map(\.2))
    }

    func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// The path a – b – c – d.
    ///
    /// Betweenness: b lies between a and c, a and d (2); c between a and d, b and d (2).
    /// Normalised by the (n − 1)(n − 2)/2 = 3 pairs that could pass through a node: 2/3.
    /// Closeness of a: 3 nodes at distances 1 + 2 + 3 = 6, so 3/6; of b: 3/(1 + 1 + 2).
    /// Harmonic of a: 1 + 1/2 + 1/3 = 11/6; of b: 1 + 1 + 1/2.
    /// Path lengths over the 12 ordered pairs: 2 × (1 + 2 + 3 + 1 + 2 + 1) = 20, mean 5/3,
    /// longest 3. Degree centralisation: Σ (2 − deg) = 2 over (n − 1)(n − 2) = 6. Betweenness
    /// centralisation: Σ (2 − b) = 4 over (n − 1)²(n − 2)/2 = 9. No triangle: clustering and
    /// transitivity 0.
    @Test func undirectedPath() {
        let path = graph(["a", "b", "c", "d"], [("a", "b", 1), ("b", "c", 1), ("c", "d", 1)], directed: false)
        #expect(path.betweennessCentrality() == [0, 2, 2, 0])
        #expect(close(path.betweennessCentrality(normalized: true), [0, 2.0 / 3, 2.0 / 3, 0]))
        #expect(close(path.closenessCentrality(), [0.5, 0.75, 0.75, 0.5]))
        #expect(path.closenessCentrality(.incoming) == path.closenessCentrality())
        #expect(close(path.harmonicCentrality(), [11.0 / 6, 2.5, 2.5, 11.0 / 6]))
        #expect(path.diameter() == 3)
        #expect(close([path.averagePathLength()!], [5.0 / 3]))
        #expect(path.clusteringCoefficients() == [0, 0, 0, 0] && path.transitivity == 0)
        #expect(close([path.degreeCentralization()!], [1.0 / 3]))
        #expect(close([path.betweennessCentralization()!], [4.0 / 9]))
    }

    /// Weighted, the lengths are 1/weight: with a – b of weight 2 (length 1/2) and b – c,
    /// c – d of weight 1, the diameter is 2.5 and the closeness of a is 3/(0.5 + 1.5 + 2.5).
    @Test func weightedPath() {
        let path = graph(["a", "b", "c", "d"], [("a", "b", 2), ("b", "c", 1), ("c", "d", 1)], directed: false)
        #expect(path.diameter(weighted: true) == 2.5)
        #expect(close([path.closenessCentrality(weighted: true)[0]], [3 / 4.5]))
        #expect(path.betweennessCentrality(weighted: true) == [0, 2, 2, 0])
    }

    /// The out-star h → x, y, z and an isolate i (n = 5).
    ///
    /// Out-closeness of h: it reaches 3 of the 4 others, each at distance 1: (3/3) × (3/4);
    /// the others reach no one: 0. In-closeness of x: reached by h alone: (1/1) × (1/4).
    /// In-degree centralisation: Σ (1 − indeg) = 2 over (n − 1)² = 16; out-degree: 4 × 3
    /// over 16. Katz with α = 1/2: h and i get β = 1, each leaf 1 + 1/2; normalised by
    /// √(1 + 3 × 2.25 + 1). No cycle: eigenvector centrality is undefined. Bonacich power
    /// with any β: A1 is the out-degree (3 for h), nothing further, so c ∝ (3, 0, 0, 0, 0)
    /// and Σc² = 5 gives √5 for h.
    @Test func directedStarWithIsolate() throws {
        let star = graph(
            ["h", "x", "y", "z", "i"], [("h", "x", 1), ("h", "y", 1), ("h", "z", 1)], directed: true)
        #expect(star.closenessCentrality() == [0.75, 0, 0, 0, 0])
        #expect(star.closenessCentrality(.incoming) == [0, 0.25, 0.25, 0.25, 0])
        #expect(star.degreeCentralization(.incoming) == 0.125)
        #expect(star.degreeCentralization(.outgoing) == 0.75)
        #expect(star.betweennessCentrality() == [0, 0, 0, 0, 0])
        let norm = (1 + 3 * 2.25 + 1.0).squareRoot()
        #expect(close(try star.katzCentrality(alpha: 0.5), [1, 1.5, 1.5, 1.5, 1].map { $0 / norm }))
        #expect(throws: MetricError.noCycle) { try star.eigenvectorCentrality() }
        #expect(close(try star.bonacichPower(beta: -3), [Double(5).squareRoot(), 0, 0, 0, 0]))
    }

    /// The pair a – b: λmax = 1. Bonacich power: y = A1 + βAy gives y = 1/(1 − β) for both,
    /// rescaled so Σc² = 2: (1, 1) for every |β| < 1. PageRank: symmetric, 1/2 each.
    /// Eigenvector: (1, 1)/√2.
    @Test func pair() throws {
        let pair = graph(["a", "b"], [("a", "b", 1)], directed: false)
        for beta in [-0.9, -0.2, 0, 0.5, 0.99] {
            #expect(close(try pair.bonacichPower(beta: beta), [1, 1], 1e-9))
        }
        #expect(close(try pair.pageRank(), [0.5, 0.5]))
        #expect(close(try pair.eigenvectorCentrality(), [Double(0.5).squareRoot(), Double(0.5).squareRoot()]))
        #expect(pair.betweennessCentralization() == nil && pair.closenessCentralization() == nil)
    }

    /// A triangle with a pendant: a, b, c tied to each other, d tied to c. c's neighbours
    /// a, b, d have one tie among their three pairs: 1/3; a and b: 1; d: 0. Transitivity:
    /// 3 closed triples (one triangle) of 1 + 1 + 3 + 0 = 5 connected triples: 3/5.
    @Test func triangleWithPendant() {
        let kite = graph(
            ["a", "b", "c", "d"], [("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("c", "d", 1)], directed: true)
        #expect(close(kite.clusteringCoefficients(), [1, 1, 1.0 / 3, 0]))
        #expect(close([kite.transitivity], [0.6]))
    }
}
