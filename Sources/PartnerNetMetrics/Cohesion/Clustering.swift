import PartnerNetCore

extension Graph {
    /// Local clustering coefficient: the share of pairs of a node's neighbours that are
    /// tied to each other.
    ///
    /// `C(v) = 2 t(v) / (k(v)(k(v) − 1))` on the undirected skeleton (u and v neighbours
    /// when there is an arc either way), t(v) the ties among the k(v) neighbours of v; 0
    /// when k(v) < 2. Ties are counted, never weighted.
    ///
    /// Matches networkx 3.6 `nx.clustering(G.to_undirected())`.
    ///
    /// - Complexity: O(Σᵥ k(v)²) time, on all cores; O(n) space per block.
    ///
    /// ## References
    /// Watts, D.J. & Strogatz, S.H. (1998) Collective dynamics of "small-world" networks.
    /// Nature 393:440–442 (doi:10.1038/30918).
    public func clusteringCoefficients() -> [Double] {
        skeletonTriangles().map { k, t in
            k < 2 ? 0 : 2 * Double(t) / (Double(k) * Double(k - 1))
        }
    }
}
