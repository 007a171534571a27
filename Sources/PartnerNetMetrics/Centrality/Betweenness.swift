import PartnerNetCore

extension Graph {
    /// Betweenness centrality: how often a node lies on the shortest paths between others.
    ///
    /// `b(v) = Σ_{s ≠ v ≠ t} σₛₜ(v) / σₛₜ`, σₛₜ the number of shortest s–t paths and σₛₜ(v)
    /// the number passing through v. On a directed graph the sum runs over ordered pairs;
    /// on an undirected graph over unordered pairs (each pair once). Pairs with no path add
    /// nothing, so isolates and several components need no special case.
    ///
    /// With `normalized`, divided by the number of pairs that could pass through v:
    /// (n − 1)(n − 2) directed, (n − 1)(n − 2)/2 undirected; no scaling when n ≤ 2 (every
    /// score is 0 there). With `weighted`, an arc's length is 1/weight and two path lengths
    /// within 1e-10 relative count as equal (igraph's rule; Docs/METRICS.md).
    ///
    /// Matches networkx 3.6 `nx.betweenness_centrality(G, normalized=…, weight=…)`, with
    /// `distance = 1/weight` when weighted (exactly equal lengths there, where networkx
    /// compares floating-point sums exactly), and `sna::betweenness` (raw).
    ///
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted (Brandes), on all
    ///   cores; O(n) extra space (O(n + m) weighted) per 1/64th of the sources, and a
    ///   vector of n scores for each. The result does not depend on the number of cores.
    ///
    /// ## References
    /// Definition: Freeman, L.C. (1977) A set of measures of centrality based on
    /// betweenness. Sociometry 40(1):35–41 (doi:10.2307/3033543).
    /// Algorithm: Brandes, U. (2001) A faster algorithm for betweenness centrality. Journal
    /// of Mathematical Sociology 25(2):163–177 (doi:10.1080/0022250X.2001.9990249).
    /// Weighted paths: Opsahl, T., Agneessens, F. & Skvoretz, J. (2010) Node centrality in
    /// weighted networks. Social Networks 32(3):245–251 (doi:10.1016/j.socnet.2010.03.006).
    public func betweennessCentrality(normalized: Bool = false, weighted: Bool = false) -> [Double] {
        betweennessCentrality(normalized: normalized, weighted: weighted, threads: nil)
    }

    /// ``betweennessCentrality(normalized:weighted:)`` on `threads` threads (`nil`: all
    /// cores); the answer is the same whatever the number.
    func betweennessCentrality(normalized: Bool, weighted: Bool, threads: Int?) -> [Double] {
        let dependencies = pairDependencies(weighted: weighted, threads: threads)
        let n = Double(nodeCount)
        let scale: Double
        switch (normalized, isDirected) {
        case (true, _) where nodeCount <= 2: scale = 1
        // Ordered pairs were summed: undirected pairs were counted twice, as were their
        // (n − 1)(n − 2)/2 possible pairs.
        case (true, _): scale = 1 / ((n - 1) * (n - 2))
        case (false, true): scale = 1
        case (false, false): scale = 0.5
        }
        return scale == 1 ? dependencies : dependencies.map { $0 * scale }
    }
}
