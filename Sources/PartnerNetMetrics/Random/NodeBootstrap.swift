import PartnerNetCore

/// One node-bootstrap resample of a graph (Snijders & Borgatti 1999): which organisation
/// each of the n copies is, and, for every pair of copies of the same organisation, the
/// observed pair whose tie it takes.
///
/// The resampled graph has n nodes, copy `a` standing for organisation `nodes[a]`. Two
/// copies of different organisations are tied as those organisations are (same direction,
/// same weight). Two copies of the same organisation have no observed tie to stand for; following
/// Snijders & Borgatti, each such pair takes the tie of an observed pair of
/// distinct organisations drawn uniformly: `duplicateDraws[d]` is that pair's index r in
/// `0..<n(n − 1)`, the ordered pair (i, j) with i = r / (n − 1) and j the (r mod (n − 1))-th
/// organisation other than i. The pairs of copies are taken in row order: copy a ascending,
/// then copy b ascending, over b > a when undirected and over every b ≠ a when directed.
/// Drawing the value keeps the density of the resample unbiased, where counting those pairs
/// as untied would lower it by about 1/n.
public struct NodeBootstrapSample: Sendable, Hashable, Codable {
    /// The organisation (node handle of the observed graph) of each copy.
    public let nodes: [Int]
    /// For each pair of copies of one organisation, in row order, the observed ordered pair
    /// whose tie it takes.
    public let duplicateDraws: [Int]

    public init(nodes: [Int], duplicateDraws: [Int]) {
        self.nodes = nodes
        self.duplicateDraws = duplicateDraws
    }

    /// The pairs of copies of one organisation, in row order: (a, b) with b > a when
    /// undirected, every b ≠ a when directed.
    ///
    /// - Complexity: O(n + d) for d such pairs.
    public static func duplicatePairs(of nodes: [Int], directed: Bool) -> [(Int, Int)] {
        var copies: [Int: [Int]] = [:]
        for (copy, node) in nodes.enumerated() { copies[node, default: []].append(copy) }
        var pairs: [(Int, Int)] = []
        for (a, node) in nodes.enumerated() {
            for b in copies[node]! where b != a && (directed || b > a) { pairs.append((a, b)) }
        }
        return pairs
    }
}

extension Graph {
    /// `count` node-bootstrap resamples (``NodeBootstrapSample``): each draws n organisations
    /// uniformly with replacement, then one observed pair per pair of copies of the same
    /// organisation.
    ///
    /// Resample r is drawn from its own SplitMix64 stream (the r-th output of a SplitMix64
    /// seeded with `seed`), with Lemire's unbiased bounded draws, so a resample depends on the
    /// seed and its index only, never on the number of cores or on `count`.
    ///
    /// - Precondition: `count ≥ 0`.
    /// - Complexity: O(count · (n + d)) for d pairs of copies of one organisation (about n/2
    ///   expected when undirected).
    ///
    /// ## References
    /// Snijders, T.A.B. & Borgatti, S.P. (1999) Non-parametric standard errors and tests for
    /// network statistics. Connections 22(2):61–70; Efron, B. & Tibshirani, R.J. (1993) An
    /// Introduction to the Bootstrap. Chapman & Hall; Lemire, D. (2019) Fast random integer
    /// generation in an interval. ACM TOMACS 29(1):3 (doi:10.1145/3230636).
    public func nodeBootstrapSamples(count: Int, seed: UInt64) -> [NodeBootstrapSample] {
        precondition(count >= 0, "a count of resamples")
        let n = nodeCount
        var streams = SplitMix64(seed: seed)
        let seeds = (0..<count).map { _ in streams.next() }
        return seeds.map { seed in
            var random = SplitMix64(seed: seed)
            guard n > 1 else { return NodeBootstrapSample(nodes: Array(0..<n), duplicateDraws: []) }
            let nodes = (0..<n).map { _ in Int(random.bounded(UInt64(n))) }
            let pairs = NodeBootstrapSample.duplicatePairs(of: nodes, directed: isDirected).count
            let draws = (0..<pairs).map { _ in Int(random.bounded(UInt64(n * (n - 1)))) }
            return NodeBootstrapSample(nodes: nodes, duplicateDraws: draws)
        }
    }

    /// The graph of a node-bootstrap resample: copy a is node a, labelled `label#a`, tied as
    /// ``NodeBootstrapSample`` sets out, with the weights of the observed ties it copies.
    ///
    /// - Precondition: every node of the sample is a node of this graph, and there is one
    ///   draw, in `0..<n(n − 1)`, per pair of copies of one organisation.
    /// - Complexity: O(n + m + d log Δ) time and space in expectation (each tie copied once
    ///   per pair of copies of its ends; d pairs of copies of one organisation, Δ the
    ///   largest degree).
    public func resampled(_ sample: NodeBootstrapSample) -> Graph {
        let n = nodeCount
        precondition(sample.nodes.allSatisfy { $0 >= 0 && $0 < n }, "a resampled node outside the graph")
        var copies = [[Int]](repeating: [], count: n)
        for (copy, node) in sample.nodes.enumerated() { copies[node].append(copy) }
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        // Copies of different organisations: through the observed ties (self-loops are
        // never stored, so i ≠ j here).
        for (a, i) in sample.nodes.enumerated() {
            for (j, weight) in zip(successors(of: i), successorWeights(of: i)) {
                for b in copies[Int(j)] where isDirected || b > a {
                    sources.append(Int32(a))
                    targets.append(Int32(b))
                    weights.append(weight)
                }
            }
        }
        // Copies of one organisation: the tie of the drawn observed pair.
        let pairs = NodeBootstrapSample.duplicatePairs(of: sample.nodes, directed: isDirected)
        precondition(pairs.count == sample.duplicateDraws.count, "one draw per pair of copies of one organisation")
        for ((a, b), r) in zip(pairs, sample.duplicateDraws) {
            precondition(r >= 0 && r < n * (n - 1), "a draw outside the pairs")
            let (i, rest) = r.quotientAndRemainder(dividingBy: n - 1)
            if let weight = weight(from: i, to: rest < i ? rest : rest + 1) {
                sources.append(Int32(a))
                targets.append(Int32(b))
                weights.append(weight)
            }
        }
        return Graph(
            labels: sample.nodes.indices.map { "\(labels[sample.nodes[$0]])#\($0)" }, directed: isDirected,
            sources: sources, targets: targets, weights: weights)
    }
}

/// A percentile bootstrap interval (Efron & Tibshirani 1993, §13.3).
public struct PercentileInterval: Sendable, Hashable {
    public let low: Double
    public let high: Double
    /// Resamples on which the value was defined (the interval's basis).
    public let resamples: Int

    /// The (1 − C)/2 and (1 + C)/2 quantiles of the finite `values`, each by linear
    /// interpolation between order statistics (R's `quantile(type = 7)`, numpy's default):
    /// with the sorted values v₀…v_{B−1}, the q quantile is v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋),
    /// h = (B − 1) q.
    ///
    /// - Returns: `nil` without a finite value.
    /// - Precondition: 0 < `confidence` < 1.
    /// - Complexity: O(B log B).
    public init?(values: [Double], confidence: Double) {
        precondition(confidence > 0 && confidence < 1, "a confidence between 0 and 1")
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        func quantile(_ q: Double) -> Double {
            let h = Double(sorted.count - 1) * q
            let below = Int(h.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
        }
        low = quantile((1 - confidence) / 2)
        high = quantile((1 + confidence) / 2)
        resamples = sorted.count
    }
}
