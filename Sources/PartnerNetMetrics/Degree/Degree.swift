import PartnerNetCore

/// Which arcs of a node to count.
public enum ArcDirection: Sendable, Hashable {
    /// Arcs into the node.
    case incoming
    /// Arcs out of the node.
    case outgoing
    /// Both: in + out for a directed graph; neighbours for an undirected one.
    case all
}

extension Graph {
    /// Degree of every node: the number of arcs in `direction`.
    ///
    /// `deg(v) = |N⁺(v)| + |N⁻(v)|` for `.all` on a directed graph (so a reciprocated pair
    /// counts twice, as in networkx `G.degree()` and UCINET's total degree), `|N⁺(v)|` for
    /// `.outgoing`, `|N⁻(v)|` for `.incoming`. On an undirected graph every direction gives
    /// the number of neighbours. Self-loops and duplicate arcs were removed when the graph
    /// was built, so these are counts of distinct neighbours.
    ///
    /// Matches networkx 3.6 `G.degree()`, `G.in_degree()`, `G.out_degree()`.
    ///
    /// - Complexity: O(n) time and space: row lengths of the compressed rows.
    ///
    /// ## References
    /// Wasserman, S. & Faust, K. (1994) *Social Network Analysis*, §5.2.
    public func degrees(_ direction: ArcDirection = .all) -> [Int] {
        (0..<nodeCount).map { node in
            switch (direction, isDirected) {
            case (.incoming, true): inDegree(of: node)
            case (.all, true): inDegree(of: node) + outDegree(of: node)
            default: outDegree(of: node)
            }
        }
    }

    /// Strength of every node: the sum of the weights of its arcs in `direction`.
    ///
    /// `s(v) = Σ_{u∈N⁺(v)} w(v,u) + Σ_{u∈N⁻(v)} w(u,v)` for `.all` on a directed graph; one
    /// sum for `.outgoing` or `.incoming`; on an undirected graph the sum over its edges.
    /// Weights of merged duplicate ties were summed when the graph was built; on a union of
    /// relations with different or undeclared units each arc weighs the number of relations
    /// holding it (``PartnerNetCore/WeightCombination``), so strength is the multiplex degree.
    ///
    /// Matches networkx 3.6 `G.degree(weight="weight")` (and `in_degree`, `out_degree`).
    ///
    /// - Complexity: O(n + m) time, O(n) space.
    ///
    /// ## References
    /// Barrat, A. et al. (2004) The architecture of complex weighted networks. PNAS 101:3747
    /// (doi:10.1073/pnas.0400087101); Opsahl, T., Agneessens, F. & Skvoretz, J. (2010)
    /// (doi:10.1016/j.socnet.2010.03.006).
    public func strengths(_ direction: ArcDirection = .all) -> [Double] {
        (0..<nodeCount).map { node in
            let outgoing = successorWeights(of: node).reduce(0, +)
            guard isDirected else { return outgoing }
            switch direction {
            case .outgoing: return outgoing
            case .incoming: return predecessorWeights(of: node).reduce(0, +)
            case .all: return outgoing + predecessorWeights(of: node).reduce(0, +)
            }
        }
    }

    /// Degree centrality: `deg(v) / (n − 1)`, with total degree on a directed graph (so it
    /// can exceed 1 there, as in networkx).
    ///
    /// Convention: a graph of one node scores it 1, as networkx does.
    /// Matches networkx 3.6 `nx.degree_centrality(G)`.
    ///
    /// - Complexity: O(n).
    ///
    /// ## References
    /// Freeman, L.C. (1979) Centrality in social networks: conceptual clarification.
    /// Social Networks 1:215–239 (doi:10.1016/0378-8733(78)90021-7).
    public func degreeCentrality() -> [Double] {
        guard nodeCount > 1 else { return Array(repeating: 1, count: nodeCount) }
        let scale = 1 / Double(nodeCount - 1)
        return degrees(.all).map { Double($0) * scale }
    }
}
