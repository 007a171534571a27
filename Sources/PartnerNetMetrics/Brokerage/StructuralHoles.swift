import Foundation
import PartnerNetCore

/// Burt's structural-hole measures of every organisation's ego network: constraint,
/// effective size, efficiency and hierarchy (Docs/METRICS.md `constraint`, `effective_size`,
/// `efficiency`, `hierarchy`).
///
/// All four rest on the *mutual weight* of a pair, the sum of the ties either way,
/// `a_ij + a_ji` (each 1 when unweighted; an undirected edge counts the same both ways, so
/// its factor of 2 cancels), and two normalisations of it:
///
/// - `p_ij = (a_ij + a_ji) / Σ_q (a_iq + a_qi)`, the share of i's relations invested in j;
/// - `m_ij = (a_ij + a_ji) / max_q (a_iq + a_qi)`, j's tie to i against i's strongest.
///
/// N(i), i's *alters*, are its neighbours in either direction; N = |N(i)|.
///
/// Every value is NaN for an isolate (N = 0), and hierarchy is NaN when N < 2 (ln 1 = 0);
/// tables show NaN as empty.
public struct StructuralHoles: Sendable, Hashable {
    /// Burt's aggregate constraint `C_i = Σ_{j∈N(i)} c_ij`, with the local constraint
    /// `c_ij = (p_ij + Σ_{q∈N(i)} p_iq p_qj)²`: from 1/N for N alters who are strangers to
    /// each other, up to about 1 (one alter, or alters all tied to each other).
    public let constraint: [Double]
    /// Effective size `E_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq)`: the alters less
    /// their redundancy with each other; N for alters who do not know each other.
    public let effectiveSize: [Double]
    /// Efficiency `E_i / N`, the share of the alters that are not redundant (UCINET).
    public let efficiency: [Double]
    /// Hierarchy `H_i = Σ_j r_j ln r_j / (N ln N)`, `r_j = c_ij / (C_i / N)`: 0 when the
    /// constraint is spread evenly over the alters, towards 1 as it comes from one of them
    /// (Burt 1992, p. 71; UCINET). NaN when N < 2.
    public let hierarchy: [Double]
}

extension Graph {
    /// Burt's constraint, effective size, efficiency and hierarchy of every node (see
    /// ``StructuralHoles`` for the formulas), in one pass over the ego networks.
    ///
    /// Conventions, where tools differ:
    /// - Directed graphs: alters are in- and out-neighbours; the mutual weight sums both
    ///   arcs, so a reciprocated pair weighs twice an unreciprocated one even unweighted.
    /// - `weighted`: `a_ij` is the tie strength; otherwise every arc is 1.
    /// - Constraint matches networkx 3.6 `nx.constraint(G)` (`weight="weight"` when
    ///   weighted), which equals `igraph::constraint`.
    /// - Effective size matches `nx.effective_size(G, nodes=list(G))`, the per-node
    ///   formula. Its `nodes=None` path (a sparse-matrix shortcut) gives other values on
    ///   directed and weighted graphs; and networkx returns NaN for a node with in-ties but
    ///   no out-ties (it tests for isolates on successors only), where we give the value
    ///   of the formula, as for any other node with alters.
    /// - Efficiency and hierarchy as UCINET's structural holes routine defines them.
    ///
    /// - Complexity: O(Σᵢ kᵢ²) time, kᵢ the number of alters of i (every two-step path
    ///   through the undirected skeleton is visited once); O(n + m) space for the mutual
    ///   weights and O(n) per block of nodes. On all cores for large graphs; the result
    ///   does not depend on the number of cores.
    ///
    /// ## References
    /// Burt, R.S. (1992) *Structural Holes: The Social Structure of Competition*. Harvard
    /// University Press, ch. 2 (constraint, effective size, efficiency, hierarchy).
    /// Borgatti, S.P. (1997) Structural holes: unpacking Burt's redundancy measures.
    /// Connections 20(1):35–38. Burt, R.S. (2004) Structural holes and good ideas. AJS
    /// 110(2):349–399 (doi:10.1086/421787).
    public func structuralHoles(weighted: Bool = false) -> StructuralHoles {
        let mutual = MutualWeights(self, weighted: weighted)
        let n = nodeCount
        var work = 0
        for node in 0..<n { work += mutual.degree(node) * mutual.degree(node) }
        let rows = NodeBlocks(nodeCount: n).values(work: 4 * work + n) { nodes -> [(Double, Double, Double, Double)] in
            // Position of each alter of the current ego in its row, −1 elsewhere.
            var position = [Int32](repeating: -1, count: n)
            var local: [Double] = []
            return nodes.map { ego in mutual.holes(of: ego, position: &position, local: &local) }
        }
        return StructuralHoles(
            constraint: rows.map(\.0), effectiveSize: rows.map(\.1), efficiency: rows.map(\.2),
            hierarchy: rows.map(\.3))
    }

    /// Burt's aggregate constraint of every node; see ``structuralHoles(weighted:)``.
    public func constraint(weighted: Bool = false) -> [Double] { structuralHoles(weighted: weighted).constraint }

    /// Burt's effective size of every node; see ``structuralHoles(weighted:)``.
    public func effectiveSize(weighted: Bool = false) -> [Double] {
        structuralHoles(weighted: weighted).effectiveSize
    }
}

/// The undirected skeleton with mutual weights `a_ij + a_ji`, each row's sum and maximum.
private struct MutualWeights: Sendable {
    let offsets: [Int]
    let targets: [Int32]
    let values: [Double]
    let total: [Double]
    let maximum: [Double]

    init(_ graph: Graph, weighted: Bool) {
        let n = graph.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        var values: [Double] = []
        targets.reserveCapacity(graph.arcCount)
        values.reserveCapacity(graph.arcCount)
        var total = [Double](repeating: 0, count: n)
        var maximum = [Double](repeating: 0, count: n)
        for node in 0..<n {
            let out = graph.successors(of: node)
            let outWeights = graph.successorWeights(of: node)
            // An undirected graph stores each edge both ways: its rows are the skeleton.
            let into = graph.isDirected ? graph.predecessors(of: node) : []
            let inWeights = graph.isDirected ? graph.predecessorWeights(of: node) : []
            var i = out.startIndex
            var j = into.startIndex
            while i < out.endIndex || j < into.endIndex {
                let target: Int32
                var value = 0.0
                if j == into.endIndex || (i < out.endIndex && out[i] < into[j]) {
                    target = out[i]
                    value = weighted ? outWeights[i] : 1
                    i += 1
                } else if i == out.endIndex || into[j] < out[i] {
                    target = into[j]
                    value = weighted ? inWeights[j] : 1
                    j += 1
                } else {
                    target = out[i]
                    value = weighted ? outWeights[i] + inWeights[j] : 2
                    i += 1
                    j += 1
                }
                targets.append(target)
                values.append(value)
                total[node] += value
                maximum[node] = max(maximum[node], value)
            }
            offsets[node + 1] = targets.count
        }
        self.offsets = offsets
        self.targets = targets
        self.values = values
        self.total = total
        self.maximum = maximum
    }

    func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// Constraint, effective size, efficiency and hierarchy of `ego`. `position` must be
    /// −1 everywhere on entry and is left so; `local` is scratch space.
    func holes(of ego: Int, position: inout [Int32], local: inout [Double]) -> (Double, Double, Double, Double) {
        let row = offsets[ego]..<offsets[ego + 1]
        let alters = row.count
        guard alters > 0 else { return (.nan, .nan, .nan, .nan) }
        local.removeAll(keepingCapacity: true)
        for arc in row {
            position[Int(targets[arc])] = Int32(arc - row.lowerBound)
            local.append(values[arc] / total[ego])  // p_ij: the direct part of c_ij
        }
        // Two steps ego → q → j with j an alter too: the indirect investment p_iq p_qj in
        // c_ij, and q's redundancy p_iq m_jq in j's contribution to effective size.
        var redundancy = 0.0
        for arc in row {
            let q = Int(targets[arc])
            let p = values[arc] / total[ego]
            for next in offsets[q]..<offsets[q + 1] {
                let j = Int(targets[next])
                let slot = position[j]
                if slot < 0 { continue }
                local[Int(slot)] += p * values[next] / total[q]
                redundancy += p * values[next] / maximum[j]
            }
        }
        for arc in row { position[Int(targets[arc])] = -1 }
        var constraint = 0.0
        for index in local.indices {
            local[index] *= local[index]
            constraint += local[index]
        }
        let effective = Double(alters) - redundancy
        var hierarchy = Double.nan
        if alters >= 2 {
            let n = Double(alters)
            var sum = 0.0
            for value in local {
                let ratio = value / (constraint / n)
                sum += ratio * log(ratio)
            }
            hierarchy = sum / (n * log(n))
        }
        return (constraint, effective, effective / Double(alters), hierarchy)
    }
}
