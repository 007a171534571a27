/// Single-source shortest paths, with scratch space reused across the sources of one block
/// of work: breadth-first search for unweighted graphs, Dijkstra's algorithm with a binary
/// heap when arcs have lengths.
///
/// After a search, `order[0..<reached]` lists the nodes reached, in the order they were
/// reached (breadth-first) or settled (Dijkstra), source first; `hops` or `distance` hold
/// their distances and `rank` their position in `order` (Dijkstra). Entries of nodes not
/// reached keep their empty values (−1, +∞), so a search costs O(reached + arcs scanned)
/// rather than O(n): ``clear()`` resets only what the last search touched.
///
/// Not thread-safe: each block of sources owns one.
final class PathSearch {
    let nodeCount: Int
    /// Nodes reached, in order; the first ``reached`` entries are valid.
    let order: UnsafeMutableBufferPointer<Int32>
    /// Arcs from the source (breadth-first search); −1 where not reached.
    let hops: UnsafeMutableBufferPointer<Int32>
    /// Length from the source (Dijkstra); +∞ where not reached.
    let distance: UnsafeMutableBufferPointer<Double>
    /// Position in `order` once settled (Dijkstra); −1 before.
    let rank: UnsafeMutableBufferPointer<Int32>
    /// Binary min-heap of (distance, node) entries. A node whose distance falls is pushed
    /// again rather than moved up (Dijkstra with lazy deletion): the stale entry, popped
    /// after the node is settled, is skipped. Up to one entry per arc scanned.
    private var heap: UnsafeMutableBufferPointer<Int32>
    private var heapKey: UnsafeMutableBufferPointer<Double>
    var reached = 0

    init(nodeCount: Int, weighted: Bool) {
        self.nodeCount = nodeCount
        order = .allocate(capacity: nodeCount)
        hops = .allocate(capacity: weighted ? 0 : nodeCount)
        hops.initialize(repeating: -1)
        let others = weighted ? nodeCount : 0
        distance = .allocate(capacity: others)
        distance.initialize(repeating: .infinity)
        rank = .allocate(capacity: others)
        rank.initialize(repeating: -1)
        heap = .allocate(capacity: others)
        heapKey = .allocate(capacity: others)
    }

    deinit {
        for buffer in [order, hops, rank, heap] { buffer.deallocate() }
        distance.deallocate()
        heapKey.deallocate()
    }

    /// Resets the entries of the nodes the last search reached.
    func clear() {
        if hops.count > 0 {
            for index in 0..<reached { hops[Int(order[index])] = -1 }
        } else {
            for index in 0..<reached {
                let node = Int(order[index])
                distance[node] = .infinity
                rank[node] = -1
            }
        }
        reached = 0
    }

    /// Breadth-first search from `source` along the rows of `adjacency`.
    ///
    /// - Complexity: O(r + a) for r nodes reached and a arcs leaving them.
    func breadthFirst(from source: Int, in adjacency: Adjacency) {
        breadthFirst(fromNearestOf: CollectionOfOne(source), in: adjacency)
    }

    /// Breadth-first search from the nearest of `sources`, all at distance 0 (a source
    /// listed twice counts once).
    ///
    /// - Complexity: O(r + a) for r nodes reached and a arcs leaving them.
    func breadthFirst(fromNearestOf sources: some Sequence<Int>, in adjacency: Adjacency) {
        clear()
        let offsets = adjacency.offsets
        let targets = adjacency.targets
        var tail = 0
        for source in sources where hops[source] < 0 {
            hops[source] = 0
            order[tail] = Int32(source)
            tail += 1
        }
        var head = 0
        while head < tail {
            let node = Int(order[head])
            head += 1
            let next = hops[node] + 1
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                if hops[target] < 0 {
                    hops[target] = next
                    order[tail] = Int32(target)
                    tail += 1
                }
            }
        }
        reached = tail
    }

    /// Dijkstra's algorithm from `source`, arc lengths in `adjacency.values` (all positive).
    ///
    /// Each node keeps the smallest length found; ties in the heap go to the lower node
    /// handle, so the settling order is reproducible.
    ///
    /// - Complexity: O((r + a) log a) for r nodes reached and a arcs leaving them.
    func dijkstra(from source: Int, in adjacency: Adjacency) {
        dijkstra(fromNearestOf: CollectionOfOne(source), in: adjacency)
    }

    /// Dijkstra's algorithm from the nearest of `sources`, all at length 0.
    ///
    /// - Complexity: O((r + a) log a) for r nodes reached and a arcs leaving them.
    func dijkstra(fromNearestOf sources: some Sequence<Int>, in adjacency: Adjacency) {
        clear()
        let offsets = adjacency.offsets
        let targets = adjacency.targets
        let lengths = adjacency.values
        var heapCount = 0
        for source in sources where distance[source] != 0 {
            distance[source] = 0
            push(Int32(source), 0, count: &heapCount)
        }
        var settled = 0
        while heapCount > 0 {
            let (node, key) = popMinimum(count: &heapCount)
            if rank[node] >= 0 || key > distance[node] { continue }
            rank[node] = Int32(settled)
            order[settled] = Int32(node)
            settled += 1
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                let length = key + lengths[arc]
                if length < distance[target] && rank[target] < 0 {
                    distance[target] = length
                    push(Int32(target), length, count: &heapCount)
                }
            }
        }
        reached = settled
    }

    // MARK: Binary heap with lazy deletion

    /// Whether (key, node) comes before (otherKey, other): ties go to the lower handle.
    @inline(__always) private func precedes(_ key: Double, _ node: Int32, _ otherKey: Double, _ other: Int32) -> Bool {
        key < otherKey || (key == otherKey && node < other)
    }

    /// Adds (key, node) to the heap of `count` entries.
    func push(_ node: Int32, _ key: Double, count: inout Int) {
        if count == heap.count { grow() }
        var slot = count
        count += 1
        while slot > 0 {
            let parent = (slot - 1) / 2
            guard precedes(key, node, heapKey[parent], heap[parent]) else { break }
            heap[slot] = heap[parent]
            heapKey[slot] = heapKey[parent]
            slot = parent
        }
        heap[slot] = node
        heapKey[slot] = key
    }

    /// Removes and returns the first entry of the heap of `count` entries.
    func popMinimum(count: inout Int) -> (node: Int, key: Double) {
        let top = (Int(heap[0]), heapKey[0])
        count -= 1
        if count > 0 {
            let node = heap[count]
            let key = heapKey[count]
            var slot = 0
            while true {
                var child = 2 * slot + 1
                guard child < count else { break }
                if child + 1 < count && precedes(heapKey[child + 1], heap[child + 1], heapKey[child], heap[child]) {
                    child += 1
                }
                guard precedes(heapKey[child], heap[child], key, node) else { break }
                heap[slot] = heap[child]
                heapKey[slot] = heapKey[child]
                slot = child
            }
            heap[slot] = node
            heapKey[slot] = key
        }
        return top
    }

    /// Doubles the heap's room (a node may be pushed once per arc into it).
    private func grow() {
        let capacity = max(16, 2 * heap.count)
        let nodes = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        let keys = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
        _ = nodes.initialize(from: heap)
        _ = keys.initialize(from: heapKey)
        heap.deallocate()
        heapKey.deallocate()
        heap = nodes
        heapKey = keys
    }
}
