import PartnerNetCore

extension Graph {
    /// Strong components: maximal sets of nodes that reach each other along arcs. On an
    /// undirected graph they are its connected components.
    ///
    /// Components are numbered in order of their lowest node handle, as
    /// ``weakComponents()`` numbers its own. A node on no cycle is a component of one.
    /// Matches networkx 3.6 `nx.strongly_connected_components`, up to numbering.
    ///
    /// - Complexity: O(n + m) time and O(n) space (Tarjan's algorithm with an explicit
    ///   stack, so deep graphs cannot overflow the call stack).
    ///
    /// ## References
    /// Tarjan, R. (1972) Depth-first search and linear graph algorithms. SIAM Journal on
    /// Computing 1(2):146–160 (doi:10.1137/0201010).
    public func strongComponents() -> Partition {
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int32] = []
        var found = [Int](repeating: -1, count: n)
        var foundCount = 0
        // Depth-first search frames: a node and the position of its next arc.
        var frames: [(node: Int, arc: Int)] = []
        var counter: Int32 = 0
        func enter(_ node: Int) {
            index[node] = counter
            low[node] = counter
            counter += 1
            stack.append(Int32(node))
            onStack[node] = true
            frames.append((node, successors(of: node).startIndex))
        }
        for root in 0..<n where index[root] < 0 {
            enter(root)
            while let (node, arc) = frames.last {
                let row = successors(of: node)
                if arc < row.endIndex {
                    frames[frames.count - 1].arc = arc + 1
                    let next = Int(row[arc])
                    if index[next] < 0 {
                        enter(next)
                    } else if onStack[next] {
                        low[node] = min(low[node], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    while let member = stack.popLast() {
                        onStack[Int(member)] = false
                        found[Int(member)] = foundCount
                        if Int(member) == node { break }
                    }
                    foundCount += 1
                }
            }
        }
        // Renumber by lowest node handle.
        var renumbered = [Int](repeating: -1, count: foundCount)
        var blocks = [Int](repeating: 0, count: n)
        var count = 0
        for node in 0..<n {
            if renumbered[found[node]] < 0 {
                renumbered[found[node]] = count
                count += 1
            }
            blocks[node] = renumbered[found[node]]
        }
        return Partition(blocks: blocks, count: count)
    }

    /// Whether some arcs form a directed cycle (on an undirected graph: whether it has an
    /// edge, each edge being a cycle of two arcs).
    ///
    /// - Complexity: O(n + m).
    var hasCycle: Bool {
        strongComponents().count < nodeCount
    }
}
