import PartnerNetCore

/// A partition of a graph's nodes into numbered blocks.
public struct Partition: Sendable, Hashable {
    /// Block of each node, numbered 0, 1, … in order of each block's first node.
    public let blocks: [Int]
    /// Number of blocks.
    public let count: Int

    public init(blocks: [Int], count: Int) {
        self.blocks = blocks
        self.count = count
    }

    /// Number of nodes in each block.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for block in blocks { sizes[block] += 1 }
        return sizes
    }
}

extension Graph {
    /// Weak components: the connected components once direction is ignored. Isolates are
    /// components of one node.
    ///
    /// Components are numbered in order of their lowest node handle.
    /// Matches networkx 3.6 `nx.weakly_connected_components` (directed) and
    /// `nx.connected_components` (undirected), up to numbering.
    ///
    /// - Complexity: O(n + m) time (breadth-first search over out- and in-rows), O(n) space.
    ///
    /// ## References
    /// Hopcroft, J. & Tarjan, R. (1973) Algorithm 447: efficient algorithms for graph
    /// manipulation. CACM 16(6):372–378 (doi:10.1145/362248.362272).
    public func weakComponents() -> Partition {
        var blocks = [Int](repeating: -1, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var count = 0
        for start in 0..<nodeCount where blocks[start] < 0 {
            blocks[start] = count
            queue[0] = Int32(start)
            var head = 0
            var tail = 1
            while head < tail {
                let node = Int(queue[head])
                head += 1
                for neighbour in successors(of: node) where blocks[Int(neighbour)] < 0 {
                    blocks[Int(neighbour)] = count
                    queue[tail] = neighbour
                    tail += 1
                }
                if isDirected {
                    for neighbour in predecessors(of: node) where blocks[Int(neighbour)] < 0 {
                        blocks[Int(neighbour)] = count
                        queue[tail] = neighbour
                        tail += 1
                    }
                }
            }
            count += 1
        }
        return Partition(blocks: blocks, count: count)
    }

    /// Share of nodes in the largest weak component: `max_k |C_k| / n`; `nil` for an empty graph.
    ///
    /// Matches `len(max(nx.weakly_connected_components(G), key=len)) / n` in networkx 3.6.
    ///
    /// - Complexity: O(n + m).
    public var largestComponentShare: Double? {
        guard nodeCount > 0 else { return nil }
        return Double(weakComponents().sizes.max() ?? 0) / Double(nodeCount)
    }
}
