import PartnerNetCore

/// The weighted undirected graph that community detection works on: the skeleton of a
/// ``Graph`` at the first level, then the graphs of communities that Louvain and Leiden
/// aggregate it into.
///
/// With A the symmetric weighted adjacency matrix, a node's ``strength`` is kᵢ = Σⱼ Aᵢⱼ and
/// ``totalStrength`` is 2m = Σᵢ kᵢ. An aggregated node keeps the ties inside it as a
/// self-loop: ``selfWeight`` holds Aᵢᵢ, twice the weight of those ties (each counted from
/// both ends, as the rows count every other tie), so that kᵢ stays the node's share of 2m.
/// Rows hold no self-loops and list each neighbour once.
struct CommunityGraph: Sendable {
    let offsets: [Int]
    let neighbours: [Int32]
    let weights: [Double]
    let selfWeight: [Double]
    let strength: [Double]
    let totalStrength: Double

    var nodeCount: Int { strength.count }

    init(offsets: [Int], neighbours: [Int32], weights: [Double], selfWeight: [Double]) {
        let n = offsets.count - 1
        var strength = selfWeight
        for node in 0..<n {
            for arc in offsets[node]..<offsets[node + 1] { strength[node] += weights[arc] }
        }
        self.offsets = offsets
        self.neighbours = neighbours
        self.weights = weights
        self.selfWeight = selfWeight
        self.strength = strength
        self.totalStrength = strength.reduce(0, +)
    }

    /// The undirected skeleton of `graph`, as igraph builds it with
    /// `as_undirected(mode="collapse", combine_edges={"weight": "sum"})`: an edge where there
    /// is an arc either way, weighing the sum of those arcs' weights when `weighted`, and 1
    /// otherwise (a mutual pair of arcs is one tie, as in networkx's `G.to_undirected()`).
    /// An undirected graph is its own skeleton.
    ///
    /// - Complexity: O(n + m): each row merges the sorted out- and in-rows.
    init(skeletonOf graph: Graph, weighted: Bool) {
        let n = graph.nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbours: [Int32] = []
        var weights: [Double] = []
        neighbours.reserveCapacity(graph.arcCount)
        weights.reserveCapacity(graph.arcCount)
        for node in 0..<n {
            let out = graph.successors(of: node)
            let outWeights = graph.successorWeights(of: node)
            if !graph.isDirected {
                neighbours.append(contentsOf: out)
                if weighted {
                    weights.append(contentsOf: outWeights)
                } else {
                    weights.append(contentsOf: repeatElement(1, count: out.count))
                }
                offsets[node + 1] = neighbours.count
                continue
            }
            let into = graph.predecessors(of: node)
            let intoWeights = graph.predecessorWeights(of: node)
            var i = out.startIndex
            var j = into.startIndex
            // Both rows are ascending: merge them, a neighbour found in both being one tie.
            while i < out.endIndex || j < into.endIndex {
                let neighbour: Int32
                var weight = 0.0
                if j == into.endIndex || (i < out.endIndex && out[i] < into[j]) {
                    neighbour = out[i]
                    weight = outWeights[i]
                    i += 1
                } else if i == out.endIndex || into[j] < out[i] {
                    neighbour = into[j]
                    weight = intoWeights[j]
                    j += 1
                } else {
                    neighbour = out[i]
                    weight = outWeights[i] + intoWeights[j]
                    i += 1
                    j += 1
                }
                neighbours.append(neighbour)
                weights.append(weighted ? weight : 1)
            }
            offsets[node + 1] = neighbours.count
        }
        precondition(
            weights.allSatisfy { $0 > 0 && $0.isFinite }, "community detection needs positive, finite tie weights")
        self.init(
            offsets: offsets, neighbours: neighbours, weights: weights, selfWeight: [Double](repeating: 0, count: n))
    }

    /// The graph whose nodes are the blocks of `membership` (numbered `0..<count`): the
    /// weight between two blocks is the sum of the weights between their members, and the
    /// ties inside a block become its self-loop.
    ///
    /// - Complexity: O(n + m) time and O(n) extra space.
    func aggregated(by membership: [Int32], count: Int) -> CommunityGraph {
        let n = nodeCount
        // Members of each block, in node order (counting sort).
        var starts = [Int](repeating: 0, count: count + 1)
        for block in membership { starts[Int(block) + 1] += 1 }
        for block in 0..<count { starts[block + 1] += starts[block] }
        var next = starts
        var members = [Int32](repeating: 0, count: n)
        for node in 0..<n {
            let block = Int(membership[node])
            members[next[block]] = Int32(node)
            next[block] += 1
        }
        var offsets = [Int](repeating: 0, count: count + 1)
        var newNeighbours: [Int32] = []
        var newWeights: [Double] = []
        var selfWeight = [Double](repeating: 0, count: count)
        // Position of each block in the row being built, or -1.
        var position = [Int](repeating: -1, count: count)
        for block in 0..<count {
            let rowStart = newNeighbours.count
            for index in starts[block]..<starts[block + 1] {
                let node = Int(members[index])
                selfWeight[block] += self.selfWeight[node]
                for arc in arcs(of: node) {
                    let other = Int(membership[Int(neighbours[arc])])
                    if other == block {
                        selfWeight[block] += weights[arc]
                    } else if position[other] >= 0 {
                        newWeights[position[other]] += weights[arc]
                    } else {
                        position[other] = newNeighbours.count
                        newNeighbours.append(Int32(other))
                        newWeights.append(weights[arc])
                    }
                }
            }
            for slot in rowStart..<newNeighbours.count { position[Int(newNeighbours[slot])] = -1 }
            offsets[block + 1] = newNeighbours.count
        }
        return CommunityGraph(offsets: offsets, neighbours: newNeighbours, weights: newWeights, selfWeight: selfWeight)
    }

    @inline(__always) func arcs(of node: Int) -> Range<Int> { offsets[node]..<offsets[node + 1] }

    /// Newman's modularity of a partition of this graph,
    /// `Q = Σ_c [Σ_{i,j∈c} Aᵢⱼ / 2m − γ (K_c / 2m)²]`, K_c the total strength of block c;
    /// `nil` when there are no ties.
    ///
    /// - Complexity: O(n + m).
    func modularity(of membership: [Int32], count: Int, resolution: Double) -> Double? {
        guard totalStrength > 0 else { return nil }
        var inside = [Double](repeating: 0, count: count)
        var total = [Double](repeating: 0, count: count)
        for node in 0..<nodeCount {
            let block = Int(membership[node])
            total[block] += strength[node]
            inside[block] += selfWeight[node]
            for arc in arcs(of: node) where membership[Int(neighbours[arc])] == membership[node] {
                inside[block] += weights[arc]
            }
        }
        var q = 0.0
        for block in 0..<count {
            let share = total[block] / totalStrength
            q += inside[block] / totalStrength - resolution * share * share
        }
        return q
    }

    /// Whether each block of `membership` induces a connected subgraph.
    func blocksAreConnected(_ membership: [Int32], count: Int) -> Bool {
        connectedPieces(of: membership).count == count
    }

    /// The blocks of `membership` split into connected pieces: two nodes share a piece when
    /// a path inside their block joins them. Pieces are numbered in order of first node.
    ///
    /// - Complexity: O(n + m).
    func connectedPieces(of membership: [Int32]) -> (membership: [Int32], count: Int) {
        let n = nodeCount
        var piece = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var count: Int32 = 0
        for start in 0..<n where piece[start] < 0 {
            piece[start] = count
            stack.append(Int32(start))
            while let node = stack.popLast() {
                for arc in arcs(of: Int(node)) {
                    let other = Int(neighbours[arc])
                    if piece[other] < 0 && membership[other] == membership[start] {
                        piece[other] = count
                        stack.append(Int32(other))
                    }
                }
            }
            count += 1
        }
        return (piece, Int(count))
    }
}

/// Blocks renumbered 0, 1, … in order of each block's first node; returns the number of blocks.
func renumberInOrderOfFirstNode(_ membership: inout [Int32]) -> Int {
    var names = [Int32](repeating: -1, count: membership.count)
    var count: Int32 = 0
    for node in membership.indices {
        let block = Int(membership[node])
        if names[block] < 0 {
            names[block] = count
            count += 1
        }
        membership[node] = names[block]
    }
    return Int(count)
}

/// A uniformly random order of `0..<n` (Fisher–Yates).
func shuffledNodes(_ n: Int, using random: inout SplitMix64) -> [Int32] {
    var order = (0..<n).map { Int32($0) }
    if n < 2 { return order }
    for index in stride(from: n - 1, to: 0, by: -1) {
        let other = Int(random.next().multipliedFullWidth(by: UInt64(index + 1)).high)
        order.swapAt(index, other)
    }
    return order
}
