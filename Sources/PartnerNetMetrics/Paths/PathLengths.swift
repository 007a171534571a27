import PartnerNetCore

extension Graph {
    /// Diameter: the longest shortest path between two nodes, over the ordered pairs
    /// (u, v), u ≠ v, where v is reachable from u; `nil` when no node reaches another.
    ///
    /// `D = max { d(u, v) : v reachable from u }`, counting arcs, or lengths 1/weight with
    /// `weighted`. Pairs with no path are left out rather than making the diameter
    /// infinite, as CASOS ORA reports it (Knoke information: 3).
    ///
    /// Matches `max(d for u in G for v, d in nx.shortest_path_length(G, u).items() if v != u)`
    /// in networkx 3.6 (`weight=` the length 1/weight when weighted).
    ///
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted, on all cores.
    ///
    /// ## References
    /// Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §4.2.2
    /// (doi:10.1017/CBO9780511815478).
    public func diameter(weighted: Bool = false) -> Double? {
        let summaries = distanceSummaries(.outgoing, weighted: weighted)
        guard summaries.contains(where: { $0.reached > 0 }) else { return nil }
        return summaries.map(\.farthest).max()
    }

    /// Average path length: the mean shortest-path distance over the ordered pairs (u, v),
    /// u ≠ v, where v is reachable from u; `nil` when no node reaches another.
    ///
    /// `L = Σ d(u, v) / |{(u, v) : v reachable from u}|`, counting arcs, or lengths 1/weight
    /// with `weighted`. This is CASOS ORA's "characteristic path length" (Knoke
    /// information 1.533, money 1.429); on a strongly connected graph it equals
    /// `nx.average_shortest_path_length(G)`, which refuses other graphs.
    ///
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted, on all cores.
    ///
    /// ## References
    /// Watts, D.J. & Strogatz, S.H. (1998) Collective dynamics of "small-world" networks.
    /// Nature 393:440–442 (doi:10.1038/30918).
    public func averagePathLength(weighted: Bool = false) -> Double? {
        var pairs = 0
        var total = 0.0
        for summary in distanceSummaries(.outgoing, weighted: weighted) {
            pairs += summary.reached
            total += summary.total
        }
        return pairs > 0 ? total / Double(pairs) : nil
    }
}
