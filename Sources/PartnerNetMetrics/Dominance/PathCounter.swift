import PartnerNetCore

/// Single-source shortest paths that also count them, and count those that avoid a set of
/// nodes: what group betweenness needs.
///
/// After ``count(from:in:avoiding:)``, `search.order[0..<search.reached]` lists the nodes
/// reached (source first), `search.hops` or `search.distance` their distances, `paths[v]`
/// the number of shortest paths σ(v) from the source, and `avoidingPaths[v]` the number of
/// them with no node in the set, v excepted (Doubles: the counts can exceed any integer type
/// on large graphs, and only their ratios are used). Both counts grow along the same search:
/// a(v) = Σ a(u) over the predecessors u of v on shortest paths, a node of the set passing
/// on nothing. Scratch space is reused across the sources of one block of work; not
/// thread-safe.
final class PathCounter {
    let search: PathSearch
    let paths: UnsafeMutableBufferPointer<Double>
    let avoidingPaths: UnsafeMutableBufferPointer<Double>
    let weighted: Bool

    init(nodeCount: Int, weighted: Bool) {
        search = PathSearch(nodeCount: nodeCount, weighted: weighted)
        paths = .allocate(capacity: nodeCount)
        paths.initialize(repeating: 0)
        avoidingPaths = .allocate(capacity: nodeCount)
        avoidingPaths.initialize(repeating: 0)
        self.weighted = weighted
    }

    deinit {
        paths.deallocate()
        avoidingPaths.deallocate()
    }

    /// Shortest paths from `source` along `adjacency`, counted in all and avoiding the
    /// nodes whose `avoided` entry is true (the source should not be one of them).
    ///
    /// Breadth-first when unweighted; Dijkstra with lengths in `adjacency.values` when
    /// weighted, two lengths within 1e-10 relative counting as equal (igraph's rule, as in
    /// Brandes's betweenness here): σ(w) grows by σ(u) when u → w ties w's tentative
    /// distance, and is replaced when it improves on it.
    ///
    /// - Complexity: O(r + a) unweighted, O((r + a) log a) weighted, for r nodes reached
    ///   and a arcs leaving them.
    func count(from source: Int, in adjacency: Adjacency, avoiding avoided: [Bool]) {
        if weighted {
            countWeighted(from: source, in: adjacency, avoiding: avoided)
        } else {
            countUnweighted(from: source, in: adjacency, avoiding: avoided)
        }
    }

    private func countUnweighted(from source: Int, in adjacency: Adjacency, avoiding avoided: [Bool]) {
        search.clear()
        let offsets = adjacency.offsets
        let targets = adjacency.targets
        let hops = search.hops
        let order = search.order
        hops[source] = 0
        paths[source] = 1
        avoidingPaths[source] = 1
        order[0] = Int32(source)
        var head = 0
        var tail = 1
        while head < tail {
            let node = Int(order[head])
            head += 1
            let next = hops[node] + 1
            let count = paths[node]
            let avoiding = avoided[node] ? 0 : avoidingPaths[node]
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                let known = hops[target]
                if known < 0 {
                    hops[target] = next
                    paths[target] = count
                    avoidingPaths[target] = avoiding
                    order[tail] = Int32(target)
                    tail += 1
                } else if known == next {
                    paths[target] += count
                    avoidingPaths[target] += avoiding
                }
            }
        }
        search.reached = tail
    }

    private func countWeighted(from source: Int, in adjacency: Adjacency, avoiding avoided: [Bool]) {
        search.clear()
        let offsets = adjacency.offsets
        let targets = adjacency.targets
        let lengths = adjacency.values
        let order = search.order
        let distance = search.distance
        let rank = search.rank
        distance[source] = 0
        paths[source] = 1
        avoidingPaths[source] = 1
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
            let avoiding = avoided[node] ? 0 : avoidingPaths[node]
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                guard rank[target] < 0 else { continue }
                let length = key + lengths[arc]
                let known = distance[target]
                if known != .infinity && pathLengthsTie(length, known) {
                    paths[target] += count
                    avoidingPaths[target] += avoiding
                } else if length < known {
                    distance[target] = length
                    paths[target] = count
                    avoidingPaths[target] = avoiding
                    search.push(Int32(target), length, count: &heapCount)
                }
            }
        }
        search.reached = settled
    }
}
