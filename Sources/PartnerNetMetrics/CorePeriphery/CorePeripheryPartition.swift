import PartnerNetCore

/// A categorical core/periphery partition (Borgatti & Everett 2000) and how well the
/// network fits it.
public struct CorePeripheryPartition: Sendable, Hashable {
    /// Whether each node is in the core, by handle.
    public let inCore: [Bool]
    /// The Pearson correlation between the adjacency and the ideal pattern of this
    /// partition (see ``Graph/corePeripheryFit(inCore:)``), in [−1, 1].
    public let fit: Double
    /// Starts of the search, and the seed of the random ones.
    public let starts: Int
    public let seed: UInt64

    /// Number of core nodes.
    public var coreSize: Int { inCore.filter { $0 }.count }
}

extension Graph {
    /// Starts of the core/periphery search when none is given: one from the degree order,
    /// the rest random.
    public static let corePeripheryStarts = 20

    /// The fit of a categorical core/periphery partition: the Pearson correlation, over
    /// unordered pairs of distinct nodes, between the undirected skeleton's adjacency aᵢⱼ
    /// and the ideal pattern δᵢⱼ = 1 when i or j is in the core, 0 when both are in the
    /// periphery.
    ///
    /// The pattern is Borgatti & Everett's (2000) with core–periphery ties expected
    /// present, the objective of PyPI `cpnet`'s `BE` (its `_score_`). With P = n(n − 1)/2
    /// pairs, m ties, D = P − p(p − 1)/2 ideal ties for a periphery of p nodes, and X = m − e
    /// ties on ideal pairs, e the ties inside the periphery:
    /// `ρ = (P·X − m·D) / √(m(P − m) · D(P − D))`.
    ///
    /// - Precondition: one entry per node.
    /// - Returns: `nil` when the correlation is undefined: no ties, every pair tied, an
    ///   empty core or a periphery of fewer than two nodes.
    /// - Complexity: O(n + m).
    public func corePeripheryFit(inCore: [Bool]) -> Double? {
        precondition(inCore.count == nodeCount, "one entry per node")
        let skeleton = undirectedSkeleton()
        let objective = CorePeripheryObjective(nodeCount: nodeCount, ties: skeleton.arcCount / 2)
        var peripheryTies = 0
        for node in 0..<nodeCount where !inCore[node] {
            for arc in skeleton.offsets[node]..<skeleton.offsets[node + 1] where !inCore[Int(skeleton.targets[arc])] {
                peripheryTies += 1
            }
        }
        let fit = objective.correlation(periphery: inCore.filter { !$0 }.count, peripheryTies: peripheryTies / 2)
        return fit.isFinite ? fit : nil
    }

    /// The categorical core/periphery partition that maximises
    /// ``corePeripheryFit(inCore:)`` (Borgatti & Everett 2000), found by local search.
    ///
    /// Local search by Kernighan–Lin passes, as cpnet's `BE` does, made O(n + m) a pass:
    /// the fit depends only on the periphery's size p and its internal ties e, so the best
    /// move from the periphery is the free periphery node with the most periphery
    /// neighbours and the best move from the core the free core node with the fewest
    /// (Fiduccia & Mattheyses 1982's bucket lists keyed by that count). A pass moves every
    /// node once, each move O(degree) with the fit updated from (p, e) in O(1), then keeps
    /// the best prefix of moves; passes repeat until one no longer improves the fit. One
    /// start puts the k nodes of highest degree in the core for the best k; the others
    /// (`starts` − 1) are random halves, each from its own SplitMix64 stream seeded from
    /// `seed`. Starts run on all cores; the best fit wins (the earliest start on ties), so
    /// the answer depends on the seed, not on the number of cores. Enumeration of all
    /// 2ⁿ partitions confirms the optimum on graphs of up to 16 nodes (the tests).
    ///
    /// Runs on the undirected skeleton, ignoring weights (Docs/METRICS.md: `in_core`).
    ///
    /// - Throws: ``MetricError/uniformTies(everyPairTied:)`` when no pair
    ///   is tied or every pair is.
    /// - Complexity: O(starts · passes · (n + m)) time, O(n + m) space per start.
    ///
    /// ## References
    /// Borgatti, S.P. & Everett, M.G. (2000) Models of core/periphery structures. Social
    /// Networks 21(4):375–395 (doi:10.1016/S0378-8733(99)00019-2). Kernighan, B.W. & Lin, S.
    /// (1970) An efficient heuristic procedure for partitioning graphs. Bell System
    /// Technical Journal 49(2):291–307 (doi:10.1002/j.1538-7305.1970.tb01770.x); Fiduccia,
    /// C.M. & Mattheyses, R.M. (1982) A linear-time heuristic for improving network
    /// partitions. 19th Design Automation Conference, 175–181 (doi:10.1109/DAC.1982.1585498).
    public func corePeripheryPartition(
        starts: Int = Graph.corePeripheryStarts, seed: UInt64 = 1
    ) throws(MetricError) -> CorePeripheryPartition {
        precondition(starts >= 1, "at least one start")
        let skeleton = undirectedSkeleton()
        let objective = CorePeripheryObjective(nodeCount: nodeCount, ties: skeleton.arcCount / 2)
        guard objective.ties > 0 else { throw .uniformTies(everyPairTied: false) }
        guard Double(objective.ties) < objective.pairs else { throw .uniformTies(everyPairTied: true) }
        var streams = SplitMix64(seed: seed)
        let seeds = (0..<starts).map { _ in streams.next() }
        let n = nodeCount
        let results = parallelMap(starts) { start -> (inCore: [Bool], fit: Double) in
            let search = CorePeripherySearch(skeleton: skeleton, objective: objective)
            if start == 0 {
                search.reset(to: search.bestDegreePrefix())
            } else {
                var random = SplitMix64(seed: seeds[start])
                search.reset(to: (0..<n).map { _ in random.next() & 1 == 1 })
            }
            search.improve()
            return (search.inCore, search.fit)
        }
        var best = 0
        for start in results.indices where results[start].fit > results[best].fit + 1e-12 { best = start }
        return CorePeripheryPartition(inCore: results[best].inCore, fit: results[best].fit, starts: starts, seed: seed)
    }
}

/// The correlation of the adjacency with the ideal core/periphery pattern, from the
/// periphery's size and its internal ties.
struct CorePeripheryObjective: Sendable {
    let nodeCount: Int
    let ties: Int
    /// Unordered pairs, P = n(n − 1)/2.
    let pairs: Double

    init(nodeCount: Int, ties: Int) {
        self.nodeCount = nodeCount
        self.ties = ties
        pairs = Double(nodeCount) * Double(nodeCount - 1) / 2
    }

    /// ρ for a periphery of p nodes with e ties among them; −∞ where undefined (p < 2 or
    /// p = n, or no variance in the adjacency).
    @inline(__always) func correlation(periphery p: Int, peripheryTies e: Int) -> Double {
        guard p >= 2, p < nodeCount else { return -.infinity }
        let m = Double(ties)
        let ideal = pairs - Double(p) * Double(p - 1) / 2
        let matched = m - Double(e)
        let spread = m * (pairs - m) * ideal * (pairs - ideal)
        guard spread > 0 else { return -.infinity }
        return (pairs * matched - m * ideal) / spread.squareRoot()
    }
}

/// Kernighan–Lin local search over core/periphery partitions, with FM bucket lists.
///
/// State: each node's side, `peripheryNeighbours[v]` (its skeleton neighbours in the
/// periphery), the periphery's size p and internal ties e. Moving v to the core takes p − 1
/// and e − k(v); moving it to the periphery p + 1 and e + k(v); either way its neighbours'
/// counts change by one. Free (unlocked) nodes sit in doubly linked lists by side and count.
final class CorePeripherySearch {
    let skeleton: Adjacency
    let objective: CorePeripheryObjective
    let n: Int
    // The search's state lives in buffers owned by the search, not in arrays: the moves
    // read and write them millions of times, and an array property of a class pays an
    // exclusivity check and a uniqueness check on every write.
    private let core: UnsafeMutableBufferPointer<Bool>
    private let peripheryNeighbours: UnsafeMutableBufferPointer<Int>
    private var peripherySize = 0
    private var peripheryTies = 0
    private let maxDegree: Int
    // Bucket lists: bucket index = side · (maxDegree + 1) + count; side 0 periphery, 1 core.
    private let bucketHead: UnsafeMutableBufferPointer<Int>
    private let next: UnsafeMutableBufferPointer<Int>
    private let previous: UnsafeMutableBufferPointer<Int>
    private let free: UnsafeMutableBufferPointer<Bool>

    init(skeleton: Adjacency, objective: CorePeripheryObjective) {
        self.skeleton = skeleton
        self.objective = objective
        n = skeleton.nodeCount
        maxDegree = (0..<n).map { skeleton.degree(of: $0) }.max() ?? 0
        core = .allocate(capacity: n)
        core.initialize(repeating: false)
        peripheryNeighbours = .allocate(capacity: n)
        peripheryNeighbours.initialize(repeating: 0)
        bucketHead = .allocate(capacity: 2 * (maxDegree + 1))
        bucketHead.initialize(repeating: -1)
        next = .allocate(capacity: n)
        next.initialize(repeating: -1)
        previous = .allocate(capacity: n)
        previous.initialize(repeating: -1)
        free = .allocate(capacity: n)
        free.initialize(repeating: false)
    }

    deinit {
        core.deallocate()
        peripheryNeighbours.deallocate()
        bucketHead.deallocate()
        next.deallocate()
        previous.deallocate()
        free.deallocate()
    }

    /// Whether each node is in the core.
    var inCore: [Bool] { Array(core) }

    var fit: Double { objective.correlation(periphery: peripherySize, peripheryTies: peripheryTies) }

    /// Sets the partition and recomputes the counts.
    func reset(to partition: [Bool]) {
        _ = core.update(fromContentsOf: partition)
        peripherySize = 0
        var ends = 0
        for node in 0..<n {
            var count = 0
            for arc in skeleton.offsets[node]..<skeleton.offsets[node + 1] where !core[Int(skeleton.targets[arc])] {
                count += 1
            }
            peripheryNeighbours[node] = count
            if !core[node] {
                peripherySize += 1
                ends += count
            }
        }
        peripheryTies = ends / 2
    }

    /// The core made of the k nodes of highest skeleton degree (ties by handle), for the
    /// k with the best fit.
    func bestDegreePrefix() -> [Bool] {
        let order = (0..<n).sorted { a, b in
            let (da, db) = (skeleton.degree(of: a), skeleton.degree(of: b))
            return da != db ? da > db : a < b
        }
        reset(to: [Bool](repeating: false, count: n))
        var bestFit = -Double.infinity
        var bestCount = 0
        for (index, node) in order.enumerated() {
            move(node, tracking: false)
            let value = fit
            if value > bestFit + 1e-12 {
                bestFit = value
                bestCount = index + 1
            }
        }
        var prefix = [Bool](repeating: false, count: n)
        for node in order.prefix(bestCount) { prefix[node] = true }
        return prefix
    }

    /// Kernighan–Lin passes until one does not improve the fit.
    func improve() {
        var passes = 0
        while pass() && passes < 10 * n + 100 { passes += 1 }
    }

    /// One pass: every node moved once, best-first; then the moves after the best
    /// partition seen are undone. Returns whether the fit improved.
    private func pass() -> Bool {
        for index in bucketHead.indices { bucketHead[index] = -1 }
        for node in 0..<n { insert(node) }
        var highest = maxDegree  // periphery buckets at or below this may be non-empty
        var lowest = 0  // core buckets at or above this may be non-empty
        let start = fit
        var best = start
        var bestLength = 0
        var moves: [Int] = []
        moves.reserveCapacity(n)
        while true {
            while highest >= 0 && bucketHead[highest] < 0 { highest -= 1 }
            while lowest <= maxDegree && bucketHead[maxDegree + 1 + lowest] < 0 { lowest += 1 }
            let toCore = highest >= 0 ? bucketHead[highest] : -1
            let toPeriphery = lowest <= maxDegree ? bucketHead[maxDegree + 1 + lowest] : -1
            if toCore < 0 && toPeriphery < 0 { break }
            let coreFit =
                toCore >= 0
                ? objective.correlation(
                    periphery: peripherySize - 1, peripheryTies: peripheryTies - peripheryNeighbours[toCore])
                : -.infinity
            let peripheryFit =
                toPeriphery >= 0
                ? objective.correlation(
                    periphery: peripherySize + 1, peripheryTies: peripheryTies + peripheryNeighbours[toPeriphery])
                : -.infinity
            let node = toCore >= 0 && (toPeriphery < 0 || coreFit >= peripheryFit) ? toCore : toPeriphery
            remove(node)
            free[node] = false
            // Neighbours' counts change by one: the pointers follow the rises.
            let (up, down) = move(node, tracking: true)
            highest = max(highest, up)
            lowest = min(lowest, down)
            moves.append(node)
            let value = fit
            if value > best + 1e-12 {
                best = value
                bestLength = moves.count
            }
        }
        for node in moves[bestLength...].reversed() { move(node, tracking: false) }
        return bestLength > 0
    }

    /// Moves `node` to the other side, updating the counts (and, with `tracking`, the
    /// bucket lists of free neighbours). Returns the highest periphery count and the lowest
    /// core count a free neighbour reached.
    @discardableResult
    private func move(_ node: Int, tracking: Bool) -> (up: Int, down: Int) {
        let joiningCore = !core[node]
        if joiningCore {
            peripherySize -= 1
            peripheryTies -= peripheryNeighbours[node]
        } else {
            peripherySize += 1
            peripheryTies += peripheryNeighbours[node]
        }
        core[node] = joiningCore
        let change = joiningCore ? -1 : 1
        var up = -1
        var down = Int.max
        for arc in skeleton.offsets[node]..<skeleton.offsets[node + 1] {
            let neighbour = Int(skeleton.targets[arc])
            if tracking && free[neighbour] {
                remove(neighbour)
                peripheryNeighbours[neighbour] += change
                insert(neighbour)
                if core[neighbour] {
                    down = min(down, peripheryNeighbours[neighbour])
                } else {
                    up = max(up, peripheryNeighbours[neighbour])
                }
            } else {
                peripheryNeighbours[neighbour] += change
            }
        }
        return (up, down)
    }

    private func bucket(of node: Int) -> Int {
        (core[node] ? maxDegree + 1 : 0) + peripheryNeighbours[node]
    }

    private func insert(_ node: Int) {
        let index = bucket(of: node)
        let head = bucketHead[index]
        next[node] = head
        previous[node] = -1
        if head >= 0 { previous[head] = node }
        bucketHead[index] = node
        free[node] = true
    }

    private func remove(_ node: Int) {
        let (before, after) = (previous[node], next[node])
        if before >= 0 { next[before] = after } else { bucketHead[bucket(of: node)] = after }
        if after >= 0 { previous[after] = before }
    }
}
