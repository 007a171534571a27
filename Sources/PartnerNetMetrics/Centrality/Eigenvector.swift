import PartnerNetCore

extension Graph {
    /// Eigenvector centrality: a node is central when central nodes point to it.
    ///
    /// The principal eigenvector of Aᵀ, x = Aᵀx / λmax, with unit Euclidean norm: xᵥ sums
    /// the scores of the nodes with an arc *to* v (in-edges, on a directed graph). Found by
    /// power iteration on Aᵀ + I from the uniform vector, xₖ₊₁ = (Aᵀ + I)xₖ / ‖(Aᵀ + I)xₖ‖₂:
    /// the shift by I makes the iteration converge on periodic (e.g. bipartite) graphs, and
    /// starting from the uniform vector makes the answer defined on disconnected graphs too
    /// (components of smaller λ tend to 0). Stops when Σᵥ |xₖ₊₁ − xₖ| / n < `tolerance`.
    /// With `weighted`, A holds the tie strengths.
    ///
    /// Matches networkx 3.6 `nx.eigenvector_centrality(G, max_iter=…, tol=…, weight=…)`
    /// (its stopping rule is the same), and `nx.eigenvector_centrality_numpy` on connected
    /// graphs.
    ///
    /// - Complexity: O(n + m) per iteration, at most `maxIterations`; O(n) space.
    /// - Throws: ``MetricError/noCycle`` when the graph has no cycle (no edge, if
    ///   undirected): λmax = 0 and there is nothing to converge to (networkx fails to
    ///   converge there, or returns the uniform vector when there are no arcs at all);
    ///   ``MetricError/didNotConverge(iterations:residual:)`` when `maxIterations` is not
    ///   enough, as when two strong components share λmax and one feeds the other.
    ///
    /// ## References
    /// Definition: Bonacich, P. (1972) Factoring and weighting approaches to status scores
    /// and clique identification. Journal of Mathematical Sociology 2(1):113–120
    /// (doi:10.1080/0022250X.1972.9989806). Algorithm: von Mises, R. & Pollaczek-Geiringer,
    /// H. (1929) Praktische Verfahren der Gleichungsauflösung. ZAMM 9:152–164
    /// (doi:10.1002/zamm.19290090206).
    public func eigenvectorCentrality(
        weighted: Bool = false, maxIterations: Int = 10_000, tolerance: Double = 1e-12
    ) throws(MetricError) -> [Double] {
        precondition(maxIterations > 0 && tolerance > 0, "the iteration cap and tolerance must be positive")
        let n = nodeCount
        guard n > 0 else { return [] }
        guard hasCycle else { throw .noCycle }
        let incoming = Adjacency(self, incoming: isDirected, values: weighted ? .weights : .none)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var residual = Double.infinity
        for _ in 0..<maxIterations {
            var squares = 0.0
            for node in 0..<n {
                var sum = x[node]
                for arc in incoming.offsets[node]..<incoming.offsets[node + 1] {
                    let source = Int(incoming.targets[arc])
                    sum += weighted ? x[source] * incoming.values[arc] : x[source]
                }
                next[node] = sum
                squares += sum * sum
            }
            let norm = squares > 0 ? squares.squareRoot() : 1
            var change = 0.0
            for node in 0..<n {
                next[node] /= norm
                change += abs(next[node] - x[node])
            }
            swap(&x, &next)
            residual = change / Double(n)
            if residual < tolerance { return x }
        }
        throw .didNotConverge(iterations: maxIterations, residual: residual)
    }
}
