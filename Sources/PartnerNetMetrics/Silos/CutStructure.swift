import PartnerNetCore

/// The places where the partnership would fall apart: organisations (cutpoints) and ties
/// (bridges) whose removal disconnects the undirected skeleton.
public struct CutStructure: Sendable, Hashable {
    /// Whether each node is a cutpoint (articulation point).
    public let isCutpoint: [Bool]
    /// Bridges as node pairs, lower handle first, in order of discovery by node.
    public let bridges: [Bridge]

    public struct Bridge: Sendable, Hashable {
        public let first: Int
        public let second: Int

        /// The bridge between two nodes, whichever way round they are given.
        public init(first: Int, second: Int) {
            (self.first, self.second) = (min(first, second), max(first, second))
        }
    }

    /// The cutpoints, ascending.
    public var cutpoints: [Int] { isCutpoint.indices.filter { isCutpoint[$0] } }
}

extension Graph {
    /// Articulation points and bridges of the undirected skeleton (an arc either way is an
    /// edge), by one depth-first search with low points.
    ///
    /// A node u is a cutpoint when it is a search root with two or more children, or has a
    /// child v with low(v) ≥ disc(u); a tree edge (u, v) is a bridge when low(v) > disc(u).
    /// Matches networkx 3.6 `nx.articulation_points(G.to_undirected())` and
    /// `nx.bridges(G.to_undirected())`.
    ///
    /// - Complexity: O(n + m) time and O(n) space; the search is iterative, so deep graphs
    ///   do not overflow the stack.
    ///
    /// ## References
    /// Hopcroft, J. & Tarjan, R. (1973) Algorithm 447: efficient algorithms for graph
    /// manipulation. CACM 16(6):372–378 (doi:10.1145/362248.362272); Tarjan, R. (1974) A
    /// note on finding the bridges of a graph. Inf. Process. Lett. 2(6):160–161
    /// (doi:10.1016/0020-0190(74)90003-9).
    public func cutStructure() -> CutStructure {
        let skeleton = undirectedSkeleton()
        let n = nodeCount
        var discovered = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var isCutpoint = [Bool](repeating: false, count: n)
        var bridges: [CutStructure.Bridge] = []
        var clock = 0
        // Frames of the search: the node, its parent, and the next arc of its row to try.
        var stack: [(node: Int, parent: Int, arc: Int)] = []
        for root in 0..<n where discovered[root] < 0 {
            discovered[root] = clock
            low[root] = clock
            clock += 1
            var rootChildren = 0
            stack.append((root, -1, skeleton.offsets[root]))
            while let frame = stack.last {
                let node = frame.node
                if frame.arc < skeleton.offsets[node + 1] {
                    stack[stack.count - 1].arc += 1
                    let next = Int(skeleton.targets[frame.arc])
                    if discovered[next] < 0 {
                        discovered[next] = clock
                        low[next] = clock
                        clock += 1
                        if node == root { rootChildren += 1 }
                        stack.append((next, node, skeleton.offsets[next]))
                    } else if next != frame.parent {
                        low[node] = min(low[node], discovered[next])
                    }
                    continue
                }
                stack.removeLast()
                let parent = frame.parent
                guard parent >= 0 else { continue }
                low[parent] = min(low[parent], low[node])
                if parent != root && low[node] >= discovered[parent] { isCutpoint[parent] = true }
                if low[node] > discovered[parent] {
                    bridges.append(CutStructure.Bridge(first: min(parent, node), second: max(parent, node)))
                }
            }
            if rootChildren >= 2 { isCutpoint[root] = true }
        }
        return CutStructure(isCutpoint: isCutpoint, bridges: bridges)
    }
}

extension CutStructure {
    /// For each cutpoint, whether removing it separates organisations of different groups:
    /// the rest of its weak component holds more than one group (then some two of them, of
    /// different groups, end up apart). Non-cutpoints are `false`.
    ///
    /// - Complexity: O(n) expected, with hashing.
    public func cutpointsSeparatingGroups(groups: Groups, components: Partition) -> [Bool] {
        // How many members of each group every component has.
        var counts = [[Int: Int]](repeating: [:], count: components.count)
        for (node, component) in components.blocks.enumerated() {
            counts[component][groups.membership[node], default: 0] += 1
        }
        return isCutpoint.indices.map { node in
            guard isCutpoint[node] else { return false }
            let inComponent = counts[components.blocks[node]]
            let alone = inComponent[groups.membership[node]] == 1
            return inComponent.count - (alone ? 1 : 0) > 1
        }
    }

    /// Whether a bridge joins organisations of different groups.
    public func joinsGroups(_ bridge: Bridge, groups: Groups) -> Bool {
        groups.membership[bridge.first] != groups.membership[bridge.second]
    }
}
