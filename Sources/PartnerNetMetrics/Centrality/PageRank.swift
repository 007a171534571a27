import PartnerNetCore

extension Graph {
    /// PageRank: the long-run share of time a random surfer spends at each node, following
    /// a random arc with probability d (the damping) and jumping to a uniformly random node
    /// otherwise.
    ///
    /// `xₖ₊₁(v) = (1 − d)/n + d · (Σ_{u → v} xₖ(u) w(u, v) / s(u) + Σ_{u dangling} xₖ(u) / n)`,
    /// s(u) the out-degree (or, with `weighted`, the out-strength) of u, and a dangling
    /// node (no out-arcs) spreading its score uniformly over all nodes. From the uniform
    /// vector, until Σᵥ |xₖ₊₁ − xₖ| / n < `tolerance`. The scores sum to 1. An undirected
    /// edge is an arc each way.
    ///
    /// Matches networkx 3.6 `nx.pagerank(G, alpha=d, max_iter=…, tol=…, weight=None)`, and
    /// `weight="weight"` with `weighted` (the same iteration and stopping rule).
    ///
    /// - Complexity: O(n + m) per iteration, at most `maxIterations`; rows are computed on
    ///   all cores for large graphs, with the same result on any number. O(n) space.
    /// - Throws: ``MetricError/dampingOutOfRange(damping:)`` unless 0 ≤ d < 1;
    ///   ``MetricError/didNotConverge(iterations:residual:)``.
    ///
    /// ## References
    /// Definition: Brin, S. & Page, L. (1998) The anatomy of a large-scale hypertextual Web
    /// search engine. Computer Networks and ISDN Systems 30:107–117
    /// (doi:10.1016/S0169-7552(98)00110-X). Dangling nodes and the power method: Langville,
    /// A.N. & Meyer, C.D. (2004) Deeper inside PageRank. Internet Mathematics 1(3):335–380
    /// (doi:10.1080/15427951.2004.10129091).
    public func pageRank(
        damping: Double = 0.85, weighted: Bool = false, maxIterations: Int = 10_000, tolerance: Double = 1e-12
    ) throws(MetricError) -> [Double] {
        try pageRank(
            damping: damping, weighted: weighted, maxIterations: maxIterations, tolerance: tolerance, threads: nil)
    }

    func pageRank(
        damping: Double, weighted: Bool, maxIterations: Int, tolerance: Double, threads: Int?
    ) throws(MetricError) -> [Double] {
        precondition(maxIterations > 0 && tolerance > 0, "the iteration cap and tolerance must be positive")
        guard damping >= 0 && damping < 1 else { throw .dampingOutOfRange(damping: damping) }
        let n = nodeCount
        guard n > 0 else { return [] }
        let incoming = Adjacency(self, incoming: isDirected, values: weighted ? .weights : .none)
        // 1/s(u), 0 for dangling nodes.
        var inverseOut = [Double](repeating: 0, count: n)
        var dangling: [Int] = []
        for node in 0..<n {
            let out = weighted ? successorWeights(of: node).reduce(0, +) : Double(outDegree(of: node))
            if out > 0 { inverseOut[node] = 1 / out } else { dangling.append(node) }
        }
        let blocks = NodeBlocks(nodeCount: n)
        let uniform = 1 / Double(n)
        let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let next = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let share = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { for buffer in [x, next, share] { buffer.deallocate() } }
        x.initialize(repeating: uniform)
        // Each block writes only its own nodes' slots of `next`.
        nonisolated(unsafe) let (scores, shares, updated) = (x, share, next)
        var residual = Double.infinity
        for _ in 0..<maxIterations {
            var danglingMass = 0.0
            for node in dangling { danglingMass += x[node] }
            let base = (1 - damping) * uniform + damping * danglingMass * uniform
            for node in 0..<n { share[node] = x[node] * inverseOut[node] }
            // Each node's new score depends only on the previous vector: rows split freely.
            blocks.forEach(threads: threads, work: 4 * (n + incoming.arcCount)) { nodes in
                for node in nodes {
                    var sum = 0.0
                    for arc in incoming.offsets[node]..<incoming.offsets[node + 1] {
                        let source = Int(incoming.targets[arc])
                        sum += weighted ? shares[source] * incoming.values[arc] : shares[source]
                    }
                    updated[node] = base + damping * sum
                }
            }
            var change = 0.0
            for node in 0..<n {
                change += abs(next[node] - scores[node])
                x[node] = next[node]
            }
            residual = change / Double(n)
            if residual < tolerance { return Array(x) }
        }
        throw .didNotConverge(iterations: maxIterations, residual: residual)
    }
}
