import PartnerNetCore

extension Graph {
    /// Newman's assortativity coefficient for a categorical attribute: how much more often
    /// ties join organisations of the same group than they would at random with the same
    /// group totals. 1 when every tie stays within a group, 0 at random mixing, negative when
    /// ties prefer other groups.
    ///
    /// `r = (Σᵢ eᵢᵢ − Σᵢ aᵢbᵢ) / (1 − Σᵢ aᵢbᵢ)`, e the fraction of tie ends from group i to
    /// group j, a and b its row and column sums. Arcs count once from source to target; an
    /// undirected edge counts both ways, so e is symmetric. Weights are ignored.
    /// Matches networkx 3.6 `nx.attribute_assortativity_coefficient(G, attribute)`.
    ///
    /// - Returns: `nil` without ties, or when every tie is within one group (0/0; networkx
    ///   gives NaN).
    /// - Complexity: O(n + m + k²) for k groups.
    ///
    /// ## References
    /// Newman, M.E.J. (2003) Mixing patterns in networks. Phys. Rev. E 67:026126
    /// (doi:10.1103/PhysRevE.67.026126).
    public func assortativity(groups: Groups) -> Double? {
        precondition(groups.membership.count == nodeCount, "one group per node")
        let k = groups.names.count
        var mixing = [Double](repeating: 0, count: k * k)
        var total = 0.0
        for source in 0..<nodeCount {
            for target in successors(of: source) {
                // Every stored arc: an undirected edge is stored both ways.
                mixing[groups.membership[source] * k + groups.membership[Int(target)]] += 1
                total += 1
            }
        }
        guard total > 0 else { return nil }
        var trace = 0.0
        var expected = 0.0
        for i in 0..<k {
            trace += mixing[i * k + i] / total
            let rowSum = (0..<k).reduce(0.0) { $0 + mixing[i * k + $1] } / total
            let columnSum = (0..<k).reduce(0.0) { $0 + mixing[$1 * k + i] } / total
            expected += rowSum * columnSum
        }
        guard expected < 1 else { return nil }
        return (trace - expected) / (1 - expected)
    }
}
