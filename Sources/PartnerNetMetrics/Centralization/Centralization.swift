import PartnerNetCore

/// Freeman's centralisation of a list of scores: `Σᵢ (c* − cᵢ) / maximum`, c* the largest
/// score and `maximum` that sum's largest value over all graphs of the same size and kind;
/// `nil` when there are no scores or the maximum is 0 (graphs too small to vary).
///
/// ## References
/// Freeman, L.C. (1979) Centrality in social networks: conceptual clarification. Social
/// Networks 1:215–239 (doi:10.1016/0378-8733(78)90021-7).
func freemanCentralization(_ scores: [Double], maximum: Double) -> Double? {
    guard let top = scores.max(), maximum > 0 else { return nil }
    return scores.reduce(0) { $0 + (top - $1) } / maximum
}

extension Graph {
    /// Freeman degree centralisation: how far the degrees are from a star's.
    ///
    /// `Σᵥ (deg* − deg(v)) / max`, with degrees counted as ``degrees(_:)`` counts them and
    /// the maximum reached by a star: on a directed graph (n − 1)² for `.incoming` and
    /// `.outgoing`, 2(n − 1)(n − 2) for `.all` (in + out, a star of mutual ties); on an
    /// undirected graph (n − 1)(n − 2) for every direction. `nil` when that maximum is 0
    /// (n ≤ 2, or n = 1 directed). Ties are counted, never weighted.
    ///
    /// Matches R sna 2.7 `sna::centralization(g, degree, mode=…, cmode="freeman" /
    /// "indegree" / "outdegree")` (Knoke information, total degree: 0.43056).
    ///
    /// - Complexity: O(n).
    ///
    /// ## References
    /// Freeman, L.C. (1979) (doi:10.1016/0378-8733(78)90021-7); Wasserman, S. & Faust, K.
    /// (1994) *Social Network Analysis*, §5.2.2 (doi:10.1017/CBO9780511815478).
    public func degreeCentralization(_ direction: ArcDirection = .all) -> Double? {
        let n = Double(nodeCount)
        let maximum =
            switch (isDirected, direction) {
            case (true, .all): 2 * (n - 1) * (n - 2)
            case (true, _): (n - 1) * (n - 1)
            case (false, _): (n - 1) * (n - 2)
            }
        return freemanCentralization(degrees(direction).map(Double.init), maximum: nodeCount > 0 ? maximum : 0)
    }

    /// Freeman betweenness centralisation: how far raw betweenness is from a star's.
    ///
    /// `Σᵥ (b* − b(v)) / max`, b the raw ``betweennessCentrality(normalized:weighted:)``
    /// (undirected pairs counted once) and max = (n − 1)²(n − 2) directed,
    /// (n − 1)²(n − 2)/2 undirected; `nil` for n ≤ 2. With `weighted`, paths have lengths
    /// 1/weight and the maximum is unchanged.
    ///
    /// Matches R sna 2.7 `sna::centralization(g, betweenness, mode=…)` (Knoke information:
    /// 0.20113; money: 0.116).
    ///
    /// - Complexity: that of betweenness.
    ///
    /// ## References
    /// Freeman, L.C. (1977) (doi:10.2307/3033543); Freeman, L.C. (1979)
    /// (doi:10.1016/0378-8733(78)90021-7).
    public func betweennessCentralization(weighted: Bool = false) -> Double? {
        betweennessCentralization(of: betweennessCentrality(weighted: weighted))
    }

    /// Freeman betweenness centralisation of raw betweenness scores already computed (one
    /// per node, as ``betweennessCentrality(normalized:weighted:)`` gives them), so that a
    /// caller that needs both pays for one search. O(n).
    public func betweennessCentralization(of scores: [Double]) -> Double? {
        precondition(scores.count == nodeCount, "one score per node")
        let n = Double(nodeCount)
        let maximum = (n - 1) * (n - 1) * (n - 2) / (isDirected ? 1 : 2)
        return freemanCentralization(scores, maximum: nodeCount > 2 ? maximum : 0)
    }

    /// Freeman closeness centralisation of ``closenessCentrality(_:weighted:)`` (out-closeness,
    /// Wasserman–Faust scaling).
    ///
    /// `Σᵥ (C* − C(v)) / max` with sna's maximum: (n − 1)(1 − 1/n) directed,
    /// (n − 1)(n − 2)/(2n − 3) undirected; `nil` when it is 0 (n = 1 directed, n ≤ 2
    /// undirected). With `weighted`, paths have lengths 1/weight and the maximum is unchanged.
    ///
    /// Equals R sna 2.7 `sna::centralization(g, closeness, mode=…)` whenever every node
    /// reaches every other; elsewhere sna scores 0 any node that misses one, where this
    /// measure keeps the Wasserman–Faust closeness (Docs/METRICS.md).
    ///
    /// - Complexity: that of closeness.
    ///
    /// ## References
    /// Freeman, L.C. (1979) (doi:10.1016/0378-8733(78)90021-7); Butts, C.T. (2008) Social
    /// network analysis with sna. Journal of Statistical Software 24(6)
    /// (doi:10.18637/jss.v024.i06).
    public func closenessCentralization(weighted: Bool = false) -> Double? {
        let n = Double(nodeCount)
        let maximum = isDirected ? (n - 1) * (1 - 1 / n) : (n - 1) * (n - 2) / (2 * n - 3)
        return freemanCentralization(closenessCentrality(weighted: weighted), maximum: nodeCount > 0 ? maximum : 0)
    }
}
