import PartnerNetCore

extension Graph {
    /// Transitivity (global clustering): the share of connected triples that are closed.
    ///
    /// `T = 3 × triangles / connected triples = Σᵥ t(v) / Σᵥ k(v)(k(v) − 1)/2` on the
    /// undirected skeleton (an arc either way makes a tie), t(v) the triangles through v and
    /// k(v) its neighbours; 0 when there is no triangle. Ties are counted, never weighted.
    ///
    /// Matches networkx 3.6 `nx.transitivity(G.to_undirected())`.
    ///
    /// - Complexity: O(Σᵥ k(v)²) time, on all cores; O(n) space per block.
    ///
    /// ## References
    /// Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §6.1.2
    /// (doi:10.1017/CBO9780511815478); Newman, M.E.J. (2003) The structure and function of
    /// complex networks. SIAM Review 45(2):167–256 (doi:10.1137/S003614450342480).
    public var transitivity: Double {
        var closed = 0
        var triples = 0
        for (k, t) in skeletonTriangles() {
            closed += t
            triples += k * (k - 1) / 2
        }
        return closed == 0 ? 0 : Double(closed) / Double(triples)
    }
}
