import Foundation
import PartnerNetCore

/// Betweenness estimated from a sample of shortest paths, with a guarantee on the error of
/// every organisation's score at once.
public struct ApproximateBetweenness: Sendable, Hashable {
    /// The estimates, on the scale asked for (raw, as ``Graph/betweennessCentrality(normalized:weighted:)``,
    /// or normalised).
    public let scores: [Double]
    /// The largest error on ``scores``'s scale that the guarantee allows: with probability
    /// at least 1 − ``delta``, |estimate − exact| ≤ `errorBound` for every organisation.
    public let errorBound: Double
    /// The guarantee's ε, on the scale of Riondato and Kornaropoulos (betweenness divided by
    /// n(n − 1), the number of ordered pairs).
    public let epsilon: Double
    /// The probability that the guarantee fails.
    public let delta: Double
    /// The number of shortest paths sampled.
    public let samples: Int
    /// The upper bound on the vertex diameter (the most organisations on one shortest path)
    /// from which the number of samples was chosen.
    public let vertexDiameterBound: Int
    public let seed: UInt64

    /// The guarantee in words, for the output: "betweenness estimated from 1234 sampled
    /// shortest paths (Riondato–Kornaropoulos, ε = 0.01, δ = 0.1, seed 1): with probability at
    /// least 0.9 every score is within 12.5 of the exact value", `name` first.
    public func statement(of name: String = "betweenness") -> String {
        "\(name) estimated from \(samples) sampled shortest paths (Riondato–Kornaropoulos, ε = \(formatNumber(epsilon)), "
            + "δ = \(formatNumber(delta)), seed \(seed)): with probability at least \(formatNumber(1 - delta)) every score "
            + "is within \(String(format: "%.6g", errorBound)) of the exact value"
    }

    /// The number of samples that gives the guarantee: r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉
    /// with c = 0.5 (Riondato & Kornaropoulos 2016, Theorem 1 and §5), VD the vertex-diameter
    /// bound; ⌊log₂(VD − 2)⌋ is 0 when VD ≤ 3.
    public static func sampleCount(epsilon: Double, delta: Double, vertexDiameterBound: Int) -> Int {
        let logTerm = vertexDiameterBound > 3 ? Double(Int.bitWidth - 1 - (vertexDiameterBound - 2).leadingZeroBitCount) : 0
        return Int(((0.5 / (epsilon * epsilon)) * (logTerm + 1 + log(1 / delta))).rounded(.up))
    }
}

extension Graph {
    /// Betweenness estimated by sampling shortest paths, each score within a stated bound of
    /// the exact value with a stated probability (Riondato & Kornaropoulos 2016).
    ///
    /// Draws r ordered pairs (u, v), u ≠ v, uniformly; for each, if v can be reached from u,
    /// one shortest u–v path uniformly among them (σ counted forward from u, then the path
    /// walked back from v, each predecessor z of the current node w taken with probability
    /// σ(z)/σ(w)), and adds 1/r to every node inside it. The sum b̃(w) estimates
    /// b(w) = (1/(n(n − 1))) Σ_{s≠t} σₛₜ(w)/σₛₜ, and with
    /// r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, c = 0.5, every |b̃(w) − b(w)| ≤ ε with
    /// probability at least 1 − δ, VD being an upper bound on the vertex diameter:
    /// - undirected and unweighted: over each component, from its first node v, the two
    ///   largest distances d₁ ≥ d₂ from v give VD ≤ d₁ + d₂ + 1 (the paper's bound);
    /// - directed or weighted: the number of nodes in the largest weak component (a shortest
    ///   path is simple and stays in one).
    ///
    /// The scores are returned on the scale of the exact measure: raw (b̃ · n(n − 1), halved
    /// when undirected, where each unordered pair counts once) or, with `normalized`,
    /// b̃ · n/(n − 2), as ``betweennessCentrality(normalized:weighted:)``; ``ApproximateBetweenness/errorBound``
    /// is ε on the same scale. Weighted, an arc's length is 1/weight and lengths within
    /// 1e-10 relative tie, as in the exact measure.
    ///
    /// The samples are split into 64 fixed blocks, each with its own generator (seeded by
    /// successive outputs of a generator seeded with `seed`), and summed in block order: the result depends on the seed only,
    /// not on the number of cores.
    ///
    /// - Complexity: O(r · (n + m)) at worst (each sample is a search that stops once v's
    ///   distance is settled), r from the bound above, on all cores; O(n + m) space per
    ///   block in flight. For a fixed ε, r grows with log VD only, not with n.
    /// - Throws: ``MetricError/approximationOutOfRange(epsilon:delta:)`` unless 0 < ε < 1 and 0 < δ < 1.
    ///
    /// ## References
    /// Riondato, M. & Kornaropoulos, E.M. (2016) Fast approximation of betweenness centrality
    /// through sampling. Data Mining and Knowledge Discovery 30(2):438–475
    /// (doi:10.1007/s10618-015-0423-0).
    public func approximateBetweenness(
        epsilon: Double, delta: Double = 0.1, normalized: Bool = false, weighted: Bool = false, seed: UInt64 = 1
    ) throws(MetricError) -> ApproximateBetweenness {
        guard epsilon > 0, epsilon < 1, delta > 0, delta < 1 else {
            throw .approximationOutOfRange(epsilon: epsilon, delta: delta)
        }
        let n = nodeCount
        let bound = n < 3 ? n : vertexDiameterBound(weighted: weighted)
        let samples = n < 3 ? 0 : ApproximateBetweenness.sampleCount(epsilon: epsilon, delta: delta, vertexDiameterBound: bound)
        var counts = [Double](repeating: 0, count: n)
        if samples > 0 {
            let out = Adjacency(self, values: weighted ? .lengths : .none)
            let incoming = isDirected ? Adjacency(self, incoming: true, values: weighted ? .lengths : .none) : out
            let blocks = 64
            // Each block's generator is seeded by one output of a stream seeded by `seed`:
            // outputs are mixed, so the blocks' streams are unrelated (seeds one increment
            // apart would give streams shifted by one draw).
            var streams = SplitMix64(seed: seed)
            let seeds = (0..<blocks).map { _ in streams.next() }
            let partial = parallelMap(blocks) { block -> [Double] in
                let share = samples / blocks + (block < samples % blocks ? 1 : 0)
                var sampler = PathSampler(out: out, incoming: incoming, weighted: weighted)
                var random = SplitMix64(seed: seeds[block])
                var hits = [Double](repeating: 0, count: n)
                for _ in 0..<share {
                    let u = Int.random(in: 0..<n, using: &random)
                    var v = Int.random(in: 0..<(n - 1), using: &random)
                    if v >= u { v += 1 }
                    sampler.addInterior(from: u, to: v, random: &random, into: &hits)
                }
                return hits
            }
            for hits in partial {
                for node in 0..<n { counts[node] += hits[node] }
            }
        }
        // b̃ = counts / r; raw = b̃ · n(n − 1) (halved when undirected); normalised = b̃ · n/(n − 2).
        let pairs = Double(n) * Double(n - 1) / (isDirected ? 1 : 2)
        let scale = normalized ? (n > 2 ? Double(n) / Double(n - 2) : 1) : pairs
        let perSample = samples > 0 ? scale / Double(samples) : 0
        return ApproximateBetweenness(
            scores: counts.map { $0 * perSample }, errorBound: epsilon * scale, epsilon: epsilon, delta: delta,
            samples: samples, vertexDiameterBound: bound, seed: seed)
    }

    /// An upper bound on the number of nodes on a shortest path (see
    /// ``approximateBetweenness(epsilon:delta:normalized:weighted:seed:)``).
    ///
    /// - Complexity: O(n + m).
    func vertexDiameterBound(weighted: Bool) -> Int {
        let components = weakComponents()
        guard !isDirected, !weighted else { return components.sizes.max() ?? 0 }
        let out = Adjacency(self)
        let search = PathSearch(nodeCount: nodeCount, weighted: false)
        var seen = [Bool](repeating: false, count: components.count)
        var bound = 1
        for node in 0..<nodeCount where !seen[components.blocks[node]] {
            seen[components.blocks[node]] = true
            search.clear()
            search.breadthFirst(from: node, in: out)
            var first: Int32 = 0
            var second: Int32 = 0
            for index in 0..<search.reached {
                let hops = search.hops[Int(search.order[index])]
                if hops > first {
                    second = first
                    first = hops
                } else if hops > second {
                    second = hops
                }
            }
            bound = max(bound, Int(first + second) + 1)
        }
        return bound
    }
}

/// One sampled shortest path at a time: a search from u that stops once v's distance is
/// settled, then a walk back from v choosing each predecessor with probability σ(z)/σ(w).
/// Scratch space is reset for the nodes the last search touched only.
struct PathSampler {
    let out: Adjacency
    let incoming: Adjacency
    let weighted: Bool
    var hops: [Int32]
    var distance: [Double]
    var settled: [Bool]
    var sigma: [Double]
    var touched: [Int32] = []
    var queue: [Int32] = []
    var heap: [(key: Double, node: Int32)] = []

    init(out: Adjacency, incoming: Adjacency, weighted: Bool) {
        self.out = out
        self.incoming = incoming
        self.weighted = weighted
        let n = out.nodeCount
        hops = [Int32](repeating: -1, count: n)
        distance = [Double](repeating: .infinity, count: n)
        settled = [Bool](repeating: false, count: n)
        sigma = [Double](repeating: 0, count: n)
    }

    /// Adds 1 to `hits` for every node strictly inside one shortest u–v path drawn uniformly;
    /// nothing when v cannot be reached from u.
    mutating func addInterior(
        from u: Int, to v: Int, random: inout SplitMix64, into hits: inout [Double]
    ) {
        reset()
        let reached = weighted ? dijkstra(from: u, to: v) : breadthFirst(from: u, to: v)
        guard reached else { return }
        var current = v
        while true {
            let total = sigma[current]
            var pick = Double.random(in: 0..<1, using: &random) * total
            var chosen = -1
            for arc in incoming.offsets[current]..<incoming.offsets[current + 1] {
                let z = Int(incoming.targets[arc])
                guard precedes(z, current, arc: arc) else { continue }
                chosen = z
                pick -= sigma[z]
                if pick < 0 { break }
            }
            // `chosen` is the last predecessor when rounding leaves `pick` just above 0.
            if chosen == u || chosen < 0 { return }
            hits[chosen] += 1
            current = chosen
        }
    }

    /// Whether z is a predecessor of w on a shortest path from the source, `arc` being the
    /// in-arc z → w.
    private func precedes(_ z: Int, _ w: Int, arc: Int) -> Bool {
        if weighted {
            return settled[z] && pathLengthsTie(distance[z] + incoming.values[arc], distance[w])
        }
        return hops[z] >= 0 && hops[z] == hops[w] - 1
    }

    private mutating func reset() {
        for node in touched {
            hops[Int(node)] = -1
            distance[Int(node)] = .infinity
            settled[Int(node)] = false
            sigma[Int(node)] = 0
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Breadth-first search from u counting shortest paths, stopped once the level before
    /// v's is expanded (σ(v) is then complete). Returns whether v was reached.
    private mutating func breadthFirst(from u: Int, to v: Int) -> Bool {
        queue.removeAll(keepingCapacity: true)
        hops[u] = 0
        sigma[u] = 1
        touched.append(Int32(u))
        queue.append(Int32(u))
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            if hops[v] >= 0 && hops[node] >= hops[v] { break }
            let next = hops[node] + 1
            for arc in out.offsets[node]..<out.offsets[node + 1] {
                let target = Int(out.targets[arc])
                if hops[target] < 0 {
                    hops[target] = next
                    sigma[target] = sigma[node]
                    touched.append(Int32(target))
                    queue.append(Int32(target))
                } else if hops[target] == next {
                    sigma[target] += sigma[node]
                }
            }
        }
        return hops[v] >= 0
    }

    /// Dijkstra's algorithm from u counting shortest paths with the exact measure's rule for
    /// equal lengths, stopped once v is settled. Returns whether v was reached.
    private mutating func dijkstra(from u: Int, to v: Int) -> Bool {
        heap.removeAll(keepingCapacity: true)
        distance[u] = 0
        sigma[u] = 1
        touched.append(Int32(u))
        push(0, Int32(u))
        while let (key, node32) = popMinimum() {
            let node = Int(node32)
            if settled[node] || key > distance[node] { continue }
            settled[node] = true
            if node == v { return true }
            for arc in out.offsets[node]..<out.offsets[node + 1] {
                let target = Int(out.targets[arc])
                guard !settled[target] else { continue }
                let length = key + out.values[arc]
                let known = distance[target]
                if known != .infinity && pathLengthsTie(length, known) {
                    sigma[target] += sigma[node]
                } else if length < known {
                    if known == .infinity { touched.append(Int32(target)) }
                    distance[target] = length
                    sigma[target] = sigma[node]
                    push(length, Int32(target))
                }
            }
        }
        return false
    }

    private mutating func push(_ key: Double, _ node: Int32) {
        heap.append((key, node))
        var slot = heap.count - 1
        while slot > 0 {
            let parent = (slot - 1) / 2
            guard heap[slot].key < heap[parent].key else { break }
            heap.swapAt(slot, parent)
            slot = parent
        }
    }

    private mutating func popMinimum() -> (Double, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var slot = 0
            while true {
                let left = 2 * slot + 1
                guard left < heap.count else { break }
                let child = left + 1 < heap.count && heap[left + 1].key < heap[left].key ? left + 1 : left
                guard heap[child].key < heap[slot].key else { break }
                heap.swapAt(slot, child)
                slot = child
            }
        }
        return (top.key, top.node)
    }
}
