import PartnerNetCore

extension Graph {
    /// Harmonic centrality: the sum of inverse distances from a node to the others.
    ///
    /// `H(v) = Σ_{u ≠ v} 1/d(v, u)`, with 1/∞ = 0 for nodes v does not reach; not
    /// normalised. Paths run from v (`.outgoing`, the default) or to v (`.incoming`); with
    /// `weighted`, d sums arc lengths 1/weight. Defined on disconnected graphs without any
    /// special case, which is why it is preferred to closeness there.
    ///
    /// Matches networkx 3.6 `nx.harmonic_centrality(G.reverse())` for `.outgoing` (networkx
    /// sums distances *to* the node) and `nx.harmonic_centrality(G)` for `.incoming`, with
    /// `distance = 1/weight` when weighted.
    ///
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted, on all cores;
    ///   O(n) extra space per block of sources.
    ///
    /// ## References
    /// Definition: Marchiori, M. & Latora, V. (2000) Harmony in the small-world. Physica A
    /// 285:539–546 (doi:10.1016/S0378-4371(00)00311-3); Rochat, Y. (2009) Closeness
    /// centrality extended to unconnected graphs: the harmonic centrality index. ASNA.
    /// Axioms: Boldi, P. & Vigna, S. (2014) Axioms for centrality. Internet Mathematics
    /// 10:222–262 (doi:10.1080/15427951.2013.865686).
    public func harmonicCentrality(_ direction: PathDirection = .outgoing, weighted: Bool = false) -> [Double] {
        distanceSummaries(direction, weighted: weighted).map(\.reciprocalTotal)
    }
}
