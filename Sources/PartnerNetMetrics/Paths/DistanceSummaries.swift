import PartnerNetCore

/// Which way paths run from a node.
public enum PathDirection: Sendable, Hashable {
    /// Paths from the node to others (UCINET's and sna's "out").
    case outgoing
    /// Paths from others to the node.
    case incoming
}

/// What one single-source search found: the nodes reached (the source excluded) and the
/// sum, sum of reciprocals and maximum of their distances.
struct DistanceSummary: Sendable {
    var reached = 0
    var total = 0.0
    var reciprocalTotal = 0.0
    var farthest = 0.0

    /// The summary of the search `search` has just made: its reached nodes' distances
    /// (hops, or lengths when `weighted`) summed in the order they were reached.
    init(of search: PathSearch, weighted: Bool) {
        reached = search.reached - 1
        for index in 1..<search.reached {
            let node = Int(search.order[index])
            let distance = weighted ? search.distance[node] : Double(search.hops[node])
            total += distance
            reciprocalTotal += 1 / distance
            farthest = max(farthest, distance)
        }
    }
}

extension Graph {
    /// For every node, a summary of its shortest-path distances in `direction`: arcs
    /// counted (breadth-first search) or, with `weighted`, lengths 1/weight (Dijkstra).
    ///
    /// Each node's summary is computed alone, on all cores, so the result does not depend
    /// on the number of threads. Sums run over nodes in the order they are reached. With
    /// `threads` `nil` the summaries are kept in the graph's memo for the next call.
    ///
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted; O(n) extra space
    ///   per block of sources.
    func distanceSummaries(_ direction: PathDirection, weighted: Bool, threads: Int? = nil) -> [DistanceSummary] {
        // Closeness, harmonic centrality, the path lengths and distance fragmentation all
        // read the same summaries: computed once per graph unless a thread count is tested.
        guard threads == nil else { return computeDistanceSummaries(direction, weighted: weighted, threads: threads) }
        return memo.value(Self.distanceSummariesKey(direction, weighted: weighted, directed: isDirected)) {
            computeDistanceSummaries(direction, weighted: weighted, threads: nil)
        }
    }

    /// The memo key of the summaries (an undirected graph's are the same both ways).
    static func distanceSummariesKey(_ direction: PathDirection, weighted: Bool, directed: Bool = true) -> String {
        "distanceSummaries(\(directed ? direction : .outgoing), weighted: \(weighted))"
    }

    private func computeDistanceSummaries(
        _ direction: PathDirection, weighted: Bool, threads: Int?
    ) -> [DistanceSummary] {
        let n = nodeCount
        let rows = Adjacency(self, incoming: direction == .incoming && isDirected, values: weighted ? .lengths : .none)
        return NodeBlocks(nodeCount: n).values(threads: threads, work: n * (arcCount + n)) { sources in
            let search = PathSearch(nodeCount: n, weighted: weighted)
            return sources.map { source in
                if weighted {
                    search.dijkstra(from: source, in: rows)
                } else {
                    search.breadthFirst(from: source, in: rows)
                }
                return DistanceSummary(of: search, weighted: weighted)
            }
        }
    }
}
