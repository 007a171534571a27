import PartnerNetCore

/// Brandes's accumulation of dependencies, one source at a time.
///
/// For a source s, the dependency of s on v is δₛ(v) = Σₜ σₛₜ(v)/σₛₜ, σₛₜ being the
/// number of shortest s–t paths and σₛₜ(v) the number through v. Brandes (2001) obtains
/// every δₛ(v) from one search: count the shortest paths σ(v) from s forward, then, in
/// order of decreasing distance, δₛ(v) = Σ_{w : v ∈ P(w)} σ(v)/σ(w) · (1 + δₛ(w)), P(w)
/// the predecessors of w on shortest paths from s.
///
/// Unweighted, the backward pass pulls from each node's successors rather than pushing to
/// stored predecessor lists: with c(w) = (1 + δₛ(w))/σ(w) kept per node,
/// δₛ(v) = σ(v) Σ c(w) over the successors w one step further, so no list is built. The
/// pass runs level by level, farthest first, and while level d is summed only the nodes of
/// level d + 1 hold a coefficient (every other entry is 0): each arc then costs one read and
/// one addition, with no test of the neighbour's distance, and the sums are bit for bit
/// those of adding c(w) over the successors alone. Weighted, deciding that u precedes w
/// takes a tolerant comparison of lengths, so the search keeps the predecessors it finds
/// and the backward pass pushes along them.
final class DependencyAccumulator {
    private let search: PathSearch
    private let sigma: UnsafeMutableBufferPointer<Double>
    private let coefficient: UnsafeMutableBufferPointer<Double>
    /// Unweighted searches: where each level begins in the search's order (level d is
    /// `order[levelStart[d]..<levelStart[d + 1]]`), and the coefficients of one level by
    /// place in that order until the level is done.
    private let levelStart: UnsafeMutableBufferPointer<Int>
    private let staged: UnsafeMutableBufferPointer<Double>
    /// Weighted searches: each node's predecessors as a list through a shared pool,
    /// `predecessor[e]` the node and `predecessorNext[e]` the next entry (−1 ends a list).
    private let predecessorHead: UnsafeMutableBufferPointer<Int32>
    private let predecessor: UnsafeMutableBufferPointer<Int32>
    private let predecessorNext: UnsafeMutableBufferPointer<Int32>

    init(nodeCount: Int, arcCount: Int, weighted: Bool) {
        search = PathSearch(nodeCount: nodeCount, weighted: weighted)
        sigma = .allocate(capacity: nodeCount)
        sigma.initialize(repeating: 0)
        coefficient = .allocate(capacity: nodeCount)
        coefficient.initialize(repeating: 0)
        levelStart = .allocate(capacity: weighted ? 0 : nodeCount + 2)
        levelStart.initialize(repeating: 0)
        staged = .allocate(capacity: weighted ? 0 : nodeCount)
        staged.initialize(repeating: 0)
        predecessorHead = .allocate(capacity: weighted ? nodeCount : 0)
        predecessor = .allocate(capacity: weighted ? arcCount : 0)
        predecessorNext = .allocate(capacity: weighted ? arcCount : 0)
    }

    deinit {
        sigma.deallocate()
        coefficient.deallocate()
        levelStart.deallocate()
        staged.deallocate()
        predecessorHead.deallocate()
        predecessor.deallocate()
        predecessorNext.deallocate()
    }

    /// Adds δₛ(v) to `total[v]` for every node v ≠ s, counting arcs as steps (breadth-first search).
    func addUnweighted(from source: Int, out: Adjacency, into total: UnsafeMutableBufferPointer<Double>) {
        search.clear()
        let offsets = out.offsets
        let targets = out.targets
        let hops = search.hops
        let order = search.order
        hops[source] = 0
        sigma[source] = 1
        order[0] = Int32(source)
        levelStart[0] = 0
        var levels = 1
        var head = 0
        var tail = 1
        while head < tail {
            let node = Int(order[head])
            head += 1
            let next = hops[node] + 1
            let paths = sigma[node]
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                let known = hops[target]
                if known < 0 {
                    if Int(next) == levels {
                        levelStart[levels] = tail
                        levels += 1
                    }
                    hops[target] = next
                    sigma[target] = paths
                    order[tail] = Int32(target)
                    tail += 1
                } else if known == next {
                    sigma[target] += paths
                }
            }
        }
        levelStart[levels] = tail
        search.reached = tail
        // Backward, farthest level first. On entry to level d, `coefficient` is 0 except at
        // the nodes of level d + 1, so the sum over all neighbours is the sum over the
        // successors (adding +0.0 leaves a sum unchanged).
        var level = levels - 1
        while level >= 0 {
            let first = levelStart[level]
            let end = levelStart[level + 1]
            for index in first..<end {
                let node = Int(order[index])
                var sum = 0.0
                for arc in offsets[node]..<offsets[node + 1] {
                    sum += coefficient[Int(targets[arc])]
                }
                let dependency = sigma[node] * sum
                staged[index] = (1 + dependency) / sigma[node]
                if index > 0 { total[node] += dependency }
            }
            // Level d + 1 has served; level d takes its place (the source's is never read).
            if level + 1 < levels {
                for index in end..<levelStart[level + 2] { coefficient[Int(order[index])] = 0 }
            }
            if level > 0 {
                for index in first..<end { coefficient[Int(order[index])] = staged[index] }
            }
            level -= 1
        }
    }

    /// The distance summary of the last unweighted source, as
    /// ``Graph/distanceSummaries(_:weighted:threads:)`` makes it from the same search.
    func distanceSummary() -> DistanceSummary { DistanceSummary(of: search, weighted: false) }

    /// Adds δₛ(v) to `total[v]` for every node v ≠ s, arc lengths in `out.values`.
    ///
    /// Dijkstra's algorithm counting paths as it goes, with igraph's rule for equal
    /// lengths: when the arc u → w offers w a path within 1e-10 relative of its tentative
    /// distance (``pathLengthsTie(_:_:)``), u joins w's predecessors and σ(w) grows by σ(u);
    /// when it offers a shorter one, u replaces them. Predecessor lists live in one pool of
    /// at most one entry per arc scanned; the backward pass pushes dependencies along them in
    /// reverse settling order.
    func addWeighted(from source: Int, out: Adjacency, into total: UnsafeMutableBufferPointer<Double>) {
        search.clear()
        let offsets = out.offsets
        let targets = out.targets
        let lengths = out.values
        let order = search.order
        let distance = search.distance
        let rank = search.rank
        distance[source] = 0
        sigma[source] = 1
        coefficient[source] = 0
        predecessorHead[source] = -1
        var entries: Int32 = 0
        var heapCount = 0
        search.push(Int32(source), 0, count: &heapCount)
        var settled = 0
        while heapCount > 0 {
            let (node, key) = search.popMinimum(count: &heapCount)
            if rank[node] >= 0 || key > distance[node] { continue }
            rank[node] = Int32(settled)
            order[settled] = Int32(node)
            settled += 1
            let paths = sigma[node]
            for arc in offsets[node]..<offsets[node + 1] {
                let target = Int(targets[arc])
                guard rank[target] < 0 else { continue }
                let length = key + lengths[arc]
                let known = distance[target]
                if known != .infinity && pathLengthsTie(length, known) {
                    sigma[target] += paths
                } else if length < known {
                    distance[target] = length
                    sigma[target] = paths
                    coefficient[target] = 0
                    predecessorHead[target] = -1
                    search.push(Int32(target), length, count: &heapCount)
                } else {
                    continue
                }
                predecessor[Int(entries)] = Int32(node)
                predecessorNext[Int(entries)] = predecessorHead[target]
                predecessorHead[target] = entries
                entries += 1
            }
        }
        search.reached = settled
        // Backward, in reverse settling order: δ(u) += σ(u)/σ(w) · (1 + δ(w)), δ kept in
        // `coefficient` here.
        var index = settled - 1
        while index > 0 {
            let node = Int(order[index])
            let dependency = coefficient[node]
            let share = (1 + dependency) / sigma[node]
            var entry = predecessorHead[node]
            while entry >= 0 {
                let tail = Int(predecessor[Int(entry)])
                coefficient[tail] += sigma[tail] * share
                entry = predecessorNext[Int(entry)]
            }
            total[node] += dependency
            index -= 1
        }
    }
}

extension Graph {
    /// Σₛ δₛ(v) for every node v: the dependencies of every source on v, summed over all
    /// ordered pairs (s, t), s ≠ v ≠ t.
    ///
    /// The sources are split into ``NodeBlocks`` fixed by n alone; each block sums its
    /// sources in ascending order into its own vector, and the block vectors are added in
    /// block order, so the result is bit for bit the same whatever the number of threads.
    ///
    /// - Parameter threads: `1` for one thread; `nil` for all cores (and the result kept
    ///   in the graph's memo for the next call).
    /// - Complexity: O(nm) time unweighted, O(nm log n) weighted; O(n) space per block
    ///   (O(n + m) weighted, for the predecessor lists) plus one vector of n per block.
    func pairDependencies(weighted: Bool, threads: Int? = nil) -> [Double] {
        // Computed once per graph (betweenness, its centralisation, the balance of power
        // and the report's diagram all read it); a thread count asked for is a test of
        // that count, so it is computed afresh.
        guard threads == nil else { return computePairDependencies(weighted: weighted, threads: threads).dependencies }
        return memo.value("pairDependencies(weighted: \(weighted))") {
            let (dependencies, summaries) = computePairDependencies(weighted: weighted, threads: nil)
            // The breadth-first searches found every distance from every source: kept as the
            // distance summaries closeness and the path lengths read (the same sums, in the
            // same order, as ``distanceSummaries(_:weighted:threads:)`` makes).
            if let summaries { _ = memo.value(Self.distanceSummariesKey(.outgoing, weighted: false)) { summaries } }
            return dependencies
        }
    }

    /// The dependencies, and, unweighted, every source's distance summary.
    private func computePairDependencies(
        weighted: Bool, threads: Int?
    ) -> (dependencies: [Double], summaries: [DistanceSummary]?) {
        let n = nodeCount
        guard n > 2 else { return ([Double](repeating: 0, count: n), nil) }
        let out = Adjacency(self, values: weighted ? .lengths : .none)
        let blocks = NodeBlocks(nodeCount: n)
        let partials = blocks.map(threads: threads, work: n * (arcCount + n)) {
            sources -> (dependencies: [Double], summaries: [DistanceSummary]) in
            let accumulator = DependencyAccumulator(nodeCount: n, arcCount: arcCount, weighted: weighted)
            let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
            partial.initialize(repeating: 0)
            defer { partial.deallocate() }
            var summaries: [DistanceSummary] = []
            if !weighted { summaries.reserveCapacity(sources.count) }
            for source in sources {
                if weighted {
                    accumulator.addWeighted(from: source, out: out, into: partial)
                } else {
                    accumulator.addUnweighted(from: source, out: out, into: partial)
                    summaries.append(accumulator.distanceSummary())
                }
            }
            return (Array(partial), summaries)
        }
        return (blocks.added(partials.map(\.dependencies)), weighted ? nil : partials.flatMap(\.summaries))
    }
}
