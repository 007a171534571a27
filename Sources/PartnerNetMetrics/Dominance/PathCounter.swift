import PartnerNetCore

/// Single-source shortest paths that also count them, optionally never entering a set of
/// blocked nodes: what group betweenness needs, run once in the whole graph and once in
/// the graph without the group.
///
/// After ``count(from:in:blocked:)``, `search.order[0..<search.reached]` lists the nodes
/// reached (source first), `search.hops` or `search.distance` their distances and
/// `paths[v]` the number of shortest paths σ(v) from the source (a Double: the counts can
/// exceed any integer type on large graphs, and only their ratios are used). Scratch space is
/// reused across the sources of one block of work; not thread-safe.
final class PathCounter {
    let search: PathSearch
    let paths: UnsafeMutableBufferPointer<Double>
    let weighted: Bool

    init(nodeCount: Int, weighted: Bool) {
        search = PathSearch(nodeCount: nodeCount, weighted: weighted)
        paths = .allocate(capacity: nodeCount)
        paths.initialize(repeating: 0)
        self.weighted = weighted
    }

    deinit { paths.deallocate() }

    /// Distance from the last search's source to `node` (+∞ where not reached).
    @inline(__always) func distance(to node: Int) -> Double {
        if weighted { return search.distance[node] }
        let hops = search.hops[node]
        return hops < 0 ? .infinity : Double(hops)
    }

    /// Shortest paths from `source` along `adjacency`, never entering a node whose
    /// `blocked` entry is true (`blocked` may be empty: nothing is blocked).
    ///
    /// Breadth-first when unweighted; Dijkstra with lengths in `adjacency.values` when
    /// weighted, two lengths within 1e-10 relative counting as equal (igraph's rule, as in
    /// Brandes's betweenness here): σ(w) grows by σ(u) when u → w ties w's tentative
    /// distance, and is replaced when it improves on it.
    ///
    /// - Complexity: O(r + a) unweighted, O((r + a) log a) weighted, for r nodes reached
    ///   and a arcs leaving them.
    func count(from source: Int, in adjacency: Adjacency, blocked: [Bool]) {
        if weighted {
            countWeighted(from: source, in: adjacency, blocked: blocked)
        } else {
            countUnweighted(from: source, in: adjacency, blocked: blocked)
        }
    }

    private func countUnweighted(from source: Int, in adjacency: Adjacency, blocked: [Bool]) {
        search.clear()
        let offsets = adjacency.offsets
        let targets = adjacency.targets
        let hops = search.hops
        let order = search.order
        let checking = !blocked.isEmpty
        hops[source] = 0
        paths[source] = 1
        order[0] = Int32(source)
        var head = 0
        var tail = 1
        while head < tail {
            let node = Int(order[head])
            head += 1
            let next = hops[node] + 1
            let count = paths[node]
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                if checking && blocked[target] { continue }
                let known = hops[target]
                if known < 0 {
                    hops[target] = next
                    paths[target] = count
                    order[tail] = Int32(target)
                    tail += 1
                } else if known == next {
                    paths[target] += count
                }
            }
        }
        search.reached = tail
    }

    private func countWeighted(from source: Int, in adjacency: Adjacency, blocked: [Bool]) {
        search.clear()
        let offsets = adjacency.offsets
        let targets = adjacency.targets
        let lengths = adjacency.values
        let order = search.order
        let distance = search.distance
        let rank = search.rank
        let checking = !blocked.isEmpty
        distance[source] = 0
        paths[source] = 1
        var heapCount = 0
        search.push(Int32(source), 0, count: &heapCount)
        var settled = 0
        while heapCount > 0 {
            let (node, key) = search.popMinimum(count: &heapCount)
            if rank[node] >= 0 || key > distance[node] { continue }
            rank[node] = Int32(settled)
            order[settled] = Int32(node)
            settled += 1
            let count = paths[node]
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                guard rank[target] < 0, !(checking && blocked[target]) else { continue }
                let length = key + lengths[arc]
                let known = distance[target]
                if known != .infinity && pathLengthsTie(length, known) {
                    paths[target] += count
                } else if length < known {
                    distance[target] = length
                    paths[target] = count
                    search.push(Int32(target), length, count: &heapCount)
                }
            }
        }
        search.reached = settled
    }
}
