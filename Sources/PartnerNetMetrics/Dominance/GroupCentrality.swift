import PartnerNetCore

extension Graph {
    /// Group degree centrality (Everett & Borgatti 1999): the share of non-members that a
    /// member of the group sends an arc to (is tied to, when undirected).
    ///
    /// `group_degree = |N⁺(F) \ F| / (n − |F|)`, N⁺(F) the out-neighbours of the members.
    /// Matches networkx 3.6 `nx.group_degree_centrality(G, F)` (which follows successors
    /// on a directed graph).
    ///
    /// - Parameter group: node handles, at least one; repeats are ignored.
    /// - Returns: `nil` when every node is in the group.
    /// - Complexity: O(n + Σ_{v∈F} deg⁺(v)).
    ///
    /// ## References
    /// Everett, M.G. & Borgatti, S.P. (1999) The centrality of groups and classes. Journal
    /// of Mathematical Sociology 23(3):181–201 (doi:10.1080/0022250X.1999.9990219).
    public func groupDegreeCentrality(of group: [Int]) -> Double? {
        let inGroup = membership(of: group)
        let size = inGroup.filter { $0 }.count
        guard size < nodeCount else { return nil }
        var reached = [Bool](repeating: false, count: nodeCount)
        var count = 0
        for member in 0..<nodeCount where inGroup[member] {
            for neighbour in successors(of: member) where !inGroup[Int(neighbour)] && !reached[Int(neighbour)] {
                reached[Int(neighbour)] = true
                count += 1
            }
        }
        return Double(count) / Double(nodeCount - size)
    }

    /// Group betweenness centrality (Everett & Borgatti 1999): the share of shortest paths
    /// between non-members that pass through at least one member of the group.
    ///
    /// `group_betweenness = Σ_{s ≠ t, s, t ∉ F} σₛₜ(F)/σₛₜ / ((n − |F|)(n − |F| − 1))`, the sum
    /// over ordered pairs joined by a path, σₛₜ(F) the number of shortest s–t paths with an
    /// inner node in F. On an undirected graph each pair appears twice in the sum and twice
    /// in the denominator, so this is networkx's normalisation: it matches networkx 3.6
    /// `nx.group_betweenness_centrality(G, F)` (normalized, endpoints excluded) on undirected
    /// graphs. On directed graphs networkx 3.6 mixes up path directions in its group update,
    /// so the definition itself is the reference there (Docs/METRICS.md).
    ///
    /// σₛₜ(F) = σₛₜ − aₛₜ, aₛₜ the shortest s–t paths with no node in F, and both counts grow
    /// along one breadth-first search (Dijkstra) from s: a(v) sums a(u) over v's
    /// predecessors on shortest paths, a member of F passing on nothing (Brandes 2008's
    /// path counting, restricted). One search from each non-member gives every pair: no
    /// all-pairs tables (networkx's algorithm keeps n² of them).
    ///
    /// With `weighted`, arc lengths are 1/weight and lengths within 1e-10 relative are equal
    /// (igraph's rule; networkx compares sums exactly, so it agrees where ties are exact).
    ///
    /// - Parameter group: node handles, at least one; repeats are ignored.
    /// - Returns: `nil` when fewer than two nodes lie outside the group.
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted, on all cores; O(n) extra
    ///   space per block of sources. The answer does not depend on the number of cores.
    ///
    /// ## References
    /// Definition: Everett & Borgatti 1999 (doi:10.1080/0022250X.1999.9990219). Counting
    /// shortest paths: Brandes, U. (2008) On variants of shortest-path betweenness centrality
    /// and their generic computation. Social Networks 30(2):136–145
    /// (doi:10.1016/j.socnet.2007.11.001).
    public func groupBetweennessCentrality(of group: [Int], weighted: Bool = false) -> Double? {
        groupBetweennessCentrality(of: group, weighted: weighted, threads: nil)
    }

    func groupBetweennessCentrality(of group: [Int], weighted: Bool, threads: Int?) -> Double? {
        let inGroup = membership(of: group)
        let outside = inGroup.filter { !$0 }.count
        guard outside >= 2 else { return nil }
        let n = nodeCount
        let out = Adjacency(self, values: weighted ? .lengths : .none)
        let partials = NodeBlocks(nodeCount: n).map(threads: threads, work: n * (arcCount + n)) { sources -> Double in
            let counter = PathCounter(nodeCount: n, weighted: weighted)
            var sum = 0.0
            for source in sources where !inGroup[source] {
                counter.count(from: source, in: out, avoiding: inGroup)
                for index in 1..<counter.search.reached {
                    let target = Int(counter.search.order[index])
                    if inGroup[target] { continue }
                    // The share of shortest paths that pass through F.
                    sum += 1 - counter.avoidingPaths[target] / counter.paths[target]
                }
            }
            return sum
        }
        let total = partials.reduce(0, +)
        return total / (Double(outside) * Double(outside - 1))
    }

    /// Group closeness centrality (Everett & Borgatti 1999) from the group outwards, with
    /// Wasserman and Faust's scaling where some non-members cannot be reached.
    ///
    /// `group_closeness = |R| / Σ_{v∈R} d(F, v) · |R| / (n − |F|)`, d(F, v) = min_{u∈F} d(u, v)
    /// the out-distance from the group, R the non-members it reaches; 0 when it reaches
    /// none. On a connected undirected graph |R| = n − |F| and this is networkx 3.6
    /// `nx.group_closeness_centrality(G, F)`. Elsewhere networkx adds 0 for every
    /// unreachable node (and follows paths into the group on a directed graph), so the
    /// definition itself is the reference (Docs/METRICS.md).
    ///
    /// With `weighted`, arc lengths are 1/weight (multi-source Dijkstra).
    ///
    /// - Parameter group: node handles, at least one; repeats are ignored.
    /// - Returns: `nil` when every node is in the group.
    /// - Complexity: O(n + m) unweighted (one breadth-first search from all members at
    ///   once), O((n + m) log n) weighted.
    ///
    /// ## References
    /// Everett & Borgatti 1999 (doi:10.1080/0022250X.1999.9990219); Wasserman, S. & Faust,
    /// K. (1994) *Social Network Analysis*, §5.3 (doi:10.1017/CBO9780511815478).
    public func groupClosenessCentrality(of group: [Int], weighted: Bool = false) -> Double? {
        let inGroup = membership(of: group)
        let members = (0..<nodeCount).filter { inGroup[$0] }
        let outside = nodeCount - members.count
        guard outside > 0 else { return nil }
        let out = Adjacency(self, values: weighted ? .lengths : .none)
        let search = PathSearch(nodeCount: nodeCount, weighted: weighted)
        if weighted {
            search.dijkstra(fromNearestOf: members, in: out)
        } else {
            search.breadthFirst(fromNearestOf: members, in: out)
        }
        var reached = 0
        var total = 0.0
        for index in 0..<search.reached {
            let node = Int(search.order[index])
            if inGroup[node] { continue }
            reached += 1
            total += weighted ? search.distance[node] : Double(search.hops[node])
        }
        guard reached > 0 else { return 0 }
        return Double(reached) / total * Double(reached) / Double(outside)
    }

    /// Whether each node is in `group`.
    func membership(of group: [Int]) -> [Bool] {
        precondition(!group.isEmpty, "a group needs at least one node")
        var inGroup = [Bool](repeating: false, count: nodeCount)
        for node in group {
            precondition(node >= 0 && node < nodeCount, "group node out of range")
            inGroup[node] = true
        }
        return inGroup
    }
}
