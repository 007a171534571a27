import PartnerNetCore

extension Graph {
    /// Newman's modularity of a partition: the share of tie weight inside blocks, less the
    /// share expected if ties were rewired at random with every node's degree kept.
    ///
    /// Undirected: `Q = Σ_c [L_c / m − γ (d_c / 2m)²]`, L_c the ties inside block c, d_c the
    /// sum of its members' degrees and m the number of ties. Directed (Leicht & Newman 2008):
    /// `Q = Σ_c [L_c / m − γ · out_c · in_c / m²]`, out_c and in_c the arcs leaving and
    /// entering members of c and m the number of arcs. Ties count 1 each unless `weighted`,
    /// when they count their weight (strengths replace degrees). γ is the resolution
    /// (Reichardt & Bornholdt 2006); γ = 1 is Newman's modularity.
    ///
    /// Matches networkx 3.6 `nx.community.modularity(G, communities, weight=None)` (with
    /// `weighted`, `weight="weight"`; `resolution=γ`) on directed and undirected graphs, and
    /// igraph `Graph.modularity(membership, directed=True)`. Isolates may sit in any block:
    /// they change nothing. Community detection (``communities(_:weighted:resolution:runs:seed:)``)
    /// reports the undirected modularity of the skeleton instead, as igraph does.
    ///
    /// - Parameter membership: a block label for every node (any integers: only equality
    ///   matters).
    /// - Returns: `nil` when the graph has no ties (networkx divides by zero).
    /// - Complexity: O(n + m) time, O(n) extra space.
    ///
    /// ## References
    /// Newman, M.E.J. & Girvan, M. (2004) Finding and evaluating community structure in
    /// networks. Phys. Rev. E 69:026113 (doi:10.1103/PhysRevE.69.026113). Weighted: Newman,
    /// M.E.J. (2004) Analysis of weighted networks. Phys. Rev. E 70:056131
    /// (doi:10.1103/PhysRevE.70.056131). Directed: Leicht, E.A. & Newman, M.E.J. (2008)
    /// Community structure in directed networks. Phys. Rev. Lett. 100:118703
    /// (doi:10.1103/PhysRevLett.100.118703). Resolution: Reichardt, J. & Bornholdt, S. (2006)
    /// Statistical mechanics of community detection. Phys. Rev. E 74:016110
    /// (doi:10.1103/PhysRevE.74.016110).
    public func modularity(of membership: [Int], weighted: Bool = false, resolution: Double = 1) -> Double? {
        precondition(membership.count == nodeCount, "one block label per node")
        let (blocks, count) = Self.compacted(membership)
        // Over stored arcs: an undirected edge is stored both ways, so `total` is 2m, `inside`
        // is 2 L_c and both strengths are d_c, which leaves the undirected formula.
        var inside = [Double](repeating: 0, count: count)
        var outTotal = [Double](repeating: 0, count: count)
        var inTotal = [Double](repeating: 0, count: count)
        var total = 0.0
        for source in 0..<nodeCount {
            let block = blocks[source]
            for (target, weight) in zip(successors(of: source), successorWeights(of: source)) {
                let value = weighted ? weight : 1
                total += value
                outTotal[block] += value
                inTotal[blocks[Int(target)]] += value
                if blocks[Int(target)] == block { inside[block] += value }
            }
        }
        guard total > 0 else { return nil }
        var q = 0.0
        for block in 0..<count {
            q += inside[block] / total - resolution * outTotal[block] * inTotal[block] / (total * total)
        }
        return q
    }

    /// Modularity of a partition's blocks: `modularity(of: partition.blocks, …)`.
    public func modularity(of partition: Partition, weighted: Bool = false, resolution: Double = 1) -> Double? {
        modularity(of: partition.blocks, weighted: weighted, resolution: resolution)
    }

    /// Labels renamed `0..<count`: kept as they are when they already lie in `0..<n` (a
    /// label left unused is an empty block, which changes no modularity), else in order of
    /// first appearance.
    static func compacted(_ labels: [Int]) -> (blocks: [Int], count: Int) {
        if labels.allSatisfy({ $0 >= 0 && $0 < labels.count }) {
            return (labels, (labels.max() ?? -1) + 1)
        }
        return PartitionAgreement.compacted(labels)
    }
}
