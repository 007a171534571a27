import PartnerNetCore

extension Graph {
    /// The undirected skeleton: u and v are neighbours when there is an arc either way
    /// (networkx `G.to_undirected()`, sna's weak symmetrisation). Rows ascending, no weights.
    ///
    /// - Complexity: O(n + m): each row merges the sorted out- and in-rows.
    func undirectedSkeleton() -> Adjacency {
        guard isDirected else { return Adjacency(self) }
        var offsets = [0]
        var targets: [Int32] = []
        targets.reserveCapacity(arcCount)
        for node in 0..<nodeCount {
            let out = successors(of: node)
            let into = predecessors(of: node)
            var i = out.startIndex
            var j = into.startIndex
            while i < out.endIndex || j < into.endIndex {
                if j == into.endIndex || (i < out.endIndex && out[i] < into[j]) {
                    targets.append(out[i])
                    i += 1
                } else if i == out.endIndex || into[j] < out[i] {
                    targets.append(into[j])
                    j += 1
                } else {
                    targets.append(out[i])
                    i += 1
                    j += 1
                }
            }
            offsets.append(targets.count)
        }
        return Adjacency(offsets: offsets, targets: targets)
    }

    /// For every node of the undirected skeleton: its number of neighbours k and the
    /// number t of ties among them (the triangles through it).
    ///
    /// - Complexity: O(Σᵥ kᵥ²) time over the skeleton, O(n) space per block; on all cores.
    func skeletonTriangles() -> [(neighbours: Int, triangles: Int)] {
        let skeleton = undirectedSkeleton()
        let n = nodeCount
        return NodeBlocks(nodeCount: n).values(work: 8 * skeleton.arcCount) { nodes in
            var marked = [Bool](repeating: false, count: n)
            return nodes.map { node in
                let row = skeleton.offsets[node]..<skeleton.offsets[node + 1]
                for arc in row { marked[Int(skeleton.targets[arc])] = true }
                // Each tie among the neighbours is seen from both of its ends.
                var ends = 0
                for arc in row {
                    let neighbour = Int(skeleton.targets[arc])
                    for other in skeleton.offsets[neighbour]..<skeleton.offsets[neighbour + 1]
                    where marked[Int(skeleton.targets[other])] {
                        ends += 1
                    }
                }
                for arc in row { marked[Int(skeleton.targets[arc])] = false }
                return (row.count, ends / 2)
            }
        }
    }
}

extension Graph {
    /// Every node's neighbours in the undirected skeleton (an arc either way), ascending.
    ///
    /// - Complexity: O(n + m).
    public var undirectedNeighbourSets: [[Int]] {
        let skeleton = undirectedSkeleton()
        return (0..<nodeCount).map { node in
            (skeleton.offsets[node]..<skeleton.offsets[node + 1]).map { Int(skeleton.targets[$0]) }
        }
    }
}
