import PartnerNetCore

/// Ties from each group to each group, and their densities: UCINET's "density by groups".
public struct MixingMatrix: Sendable, Hashable {
    public let groups: Groups
    /// `counts[a][b]`: arcs from group a to group b (directed); edges between a and b,
    /// the same both ways, with each within-group edge counted once (undirected).
    public let counts: [[Int]]
    /// Ties that could exist between the two groups: nA·nB between groups; nA(nA − 1)
    /// within a group when directed, half that when undirected.
    public let possible: [[Int]]

    /// `counts / possible`; `nil` where no tie is possible (a group of one, within itself).
    public var densities: [[Double?]] {
        zip(counts, possible).map { row, possibleRow in
            zip(row, possibleRow).map { count, possible in possible == 0 ? nil : Double(count) / Double(possible) }
        }
    }
}

extension Graph {
    /// Ties between and within groups, as counts and densities (Docs/METRICS.md `density[A,B]`).
    ///
    /// Directed: arcs from A to B over nA·nB, within A over nA(nA − 1). Undirected: edges
    /// between A and B over nA·nB, within A over nA(nA − 1)/2, so the matrix is symmetric.
    /// Weights are ignored. Matches UCINET's density by groups.
    ///
    /// - Complexity: O(n + m + k²) for k groups.
    ///
    /// ## References
    /// Wasserman & Faust (1994) *Social Network Analysis*, §10.1 (block densities); UCINET 6
    /// Network>Cohesion>Density>Density by groups.
    public func mixingMatrix(groups: Groups) -> MixingMatrix {
        precondition(groups.membership.count == nodeCount, "one group per node")
        let k = groups.names.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        forEachTie { source, target in
            let (a, b) = (groups.membership[source], groups.membership[target])
            counts[a][b] += 1
            if !isDirected && a != b { counts[b][a] += 1 }
        }
        let sizes = groups.sizes
        let possible: [[Int]] = (0..<k).map { a in
            (0..<k).map { b -> Int in
                if a != b { return sizes[a] * sizes[b] }
                let ordered = sizes[a] * (sizes[a] - 1)
                return isDirected ? ordered : ordered / 2
            }
        }
        return MixingMatrix(groups: groups, counts: counts, possible: possible)
    }
}
