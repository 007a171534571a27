import PartnerNetCore

extension Graph {
    /// Density: the share of possible ties present.
    ///
    /// `m / (n(n − 1))` for a directed graph of m arcs, `2m / (n(n − 1))` for an undirected
    /// graph of m edges; 0 when n < 2 (networkx's convention).
    /// Matches networkx 3.6 `nx.density(G)`.
    ///
    /// - Complexity: O(1).
    ///
    /// ## References
    /// Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §4.3.
    public var density: Double {
        guard nodeCount > 1 else { return 0 }
        let possible = Double(nodeCount) * Double(nodeCount - 1)
        return Double(isDirected ? edgeCount : 2 * edgeCount) / possible
    }

    /// Reciprocity: the share of arcs whose reverse arc is also present.
    ///
    /// `|{(u, v) ∈ A : (v, u) ∈ A}| / |A|` for a directed graph. Every tie of an undirected
    /// graph is mutual, so it scores 1 (igraph's convention; networkx refuses undirected
    /// graphs). `nil` when there are no ties, where the ratio is undefined (networkx raises).
    /// Matches networkx 3.6 `nx.overall_reciprocity(G)` and igraph `Graph.reciprocity()`.
    ///
    /// - Complexity: O(m log d) time (a binary search in the reverse row per arc), O(1) space.
    ///
    /// ## References
    /// Newman, M.E.J., Forrest, S. & Balthrop, J. (2002) Email networks and the spread of
    /// computer viruses. Phys. Rev. E 66:035101 (doi:10.1103/PhysRevE.66.035101).
    public var reciprocity: Double? {
        guard arcCount > 0 else { return nil }
        guard isDirected else { return 1 }
        return Double(reciprocatedArcCount) / Double(arcCount)
    }

    /// Dyadic reciprocity: the share of connected pairs whose tie runs both ways.
    ///
    /// `M / (M + A)` for M mutual and A asymmetric dyads of a directed graph; 1 for an
    /// undirected graph; `nil` when there are no ties. This is the reciprocity UCINET and
    /// CASOS ORA report (Knoke information: 17 mutual, 15 asymmetric dyads, 0.531), where
    /// ``reciprocity`` counts arcs (0.694).
    /// Matches igraph `Graph.reciprocity(mode="ratio")`.
    ///
    /// - Complexity: O(m log d) time, O(1) space.
    ///
    /// ## References
    /// Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §13.2 (dyad census).
    public var dyadicReciprocity: Double? {
        guard arcCount > 0 else { return nil }
        guard isDirected else { return 1 }
        let mutualArcs = reciprocatedArcCount
        let mutualDyads = Double(mutualArcs / 2)
        return mutualDyads / (mutualDyads + Double(arcCount - mutualArcs))
    }

    /// Arcs (u, v) whose reverse (v, u) is also present.
    private var reciprocatedArcCount: Int {
        var mutual = 0
        for source in 0..<nodeCount {
            for target in successors(of: source) where hasArc(from: Int(target), to: source) {
                mutual += 1
            }
        }
        return mutual
    }
}
