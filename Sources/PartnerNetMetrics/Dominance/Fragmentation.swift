import PartnerNetCore

extension Graph {
    /// Fragmentation (Borgatti 2006): the share of ordered pairs of nodes that cannot reach
    /// each other once direction is ignored.
    ///
    /// `F = 1 − Σₖ sₖ(sₖ − 1) / (n(n − 1))`, sₖ the size of weak component k (isolates are
    /// components of one). 0 for a connected network, 1 when no two nodes are tied. A plain
    /// formula (Docs/METRICS.md); the reference computes it from networkx's components.
    ///
    /// - Returns: `nil` when n < 2 (no pairs).
    /// - Complexity: O(n + m).
    ///
    /// ## References
    /// Borgatti, S.P. (2006) Identifying sets of key players in a social network.
    /// Computational and Mathematical Organization Theory 12(1):21–34
    /// (doi:10.1007/s10588-006-7084-x).
    public var fragmentation: Double? {
        let n = nodeCount
        guard n >= 2 else { return nil }
        var connected = 0
        for size in weakComponents().sizes { connected += size * (size - 1) }
        return 1 - Double(connected) / (Double(n) * Double(n - 1))
    }

    /// Distance-weighted fragmentation (Borgatti 2006): one minus the mean reciprocal
    /// distance over ordered pairs, unreachable pairs counting 0.
    ///
    /// `DF = 1 − Σ_{i≠j} (1/dᵢⱼ) / (n(n − 1))`, dᵢⱼ the length of a shortest path from i to j
    /// (along arcs when directed), 1/dᵢⱼ = 0 when j cannot be reached from i. 0 only for a
    /// complete graph; 1 for one with no ties. With `weighted`, arc lengths are 1/weight.
    /// Equal to 1 − Σᵢ harmonic(i) / (n(n − 1)), which is how the benchmarks check it against
    /// igraph.
    ///
    /// - Returns: `nil` when n < 2.
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted, on all cores.
    ///
    /// ## References
    /// Borgatti 2006 (doi:10.1007/s10588-006-7084-x).
    public func distanceFragmentation(weighted: Bool = false) -> Double? {
        let n = nodeCount
        guard n >= 2 else { return nil }
        var total = 0.0
        for summary in distanceSummaries(.outgoing, weighted: weighted) { total += summary.reciprocalTotal }
        return 1 - total / (Double(n) * Double(n - 1))
    }

    /// The graph on the nodes outside `removed`: every arc between two kept nodes, with its
    /// weight; kept nodes renumbered in ascending order of their handles, labels kept.
    ///
    /// - Complexity: O(n + m).
    public func removing(_ removed: [Int]) -> Graph {
        var gone = [Bool](repeating: false, count: nodeCount)
        for node in removed {
            precondition(node >= 0 && node < nodeCount, "node out of range")
            gone[node] = true
        }
        var handle = [Int32](repeating: -1, count: nodeCount)
        var labels: [String] = []
        for node in 0..<nodeCount where !gone[node] {
            handle[node] = Int32(labels.count)
            labels.append(self.labels[node])
        }
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        for node in 0..<nodeCount where !gone[node] {
            for (target, weight) in zip(successors(of: node), successorWeights(of: node))
            where !gone[Int(target)] && (isDirected || node < Int(target)) {
                sources.append(handle[node])
                targets.append(handle[Int(target)])
                weights.append(weight)
            }
        }
        return Graph(labels: labels, directed: isDirected, sources: sources, targets: targets, weights: weights)
    }
}
