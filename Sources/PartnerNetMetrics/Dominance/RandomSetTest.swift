import PartnerNetCore

/// Whether a set of organisations holds more, or less, of each quantity than sets of the
/// same size drawn at random from the same organisations: both tails of the random-set
/// test.
public struct RandomSetTest: Sendable, Hashable {
    /// Random sets drawn (the set tested is not among them).
    public let samples: Int
    public let seed: UInt64
    /// Size of every set drawn.
    public let setSize: Int
    /// For each quantity: the tested set's share; `nil` where the quantity's total is 0.
    public let shares: [Double?]
    /// For each quantity: P(share of a random set ≤ the observed), (k + 1)/(N + 1).
    public let pLow: [Double?]
    /// For each quantity: P(share of a random set ≥ the observed), (k + 1)/(N + 1).
    public let pHigh: [Double?]
    /// For each quantity: the mean share of the random sets (|S|/n in expectation).
    public let meanShares: [Double?]
}

extension RandomSetTest {
    /// Tests the set `members` (indices into each quantity vector) against `samples` sets
    /// of as many indices drawn uniformly without replacement from all n.
    ///
    /// For each quantity x: `share(S) = Σ_{v∈S} x_v / Σ_v x_v`;
    /// `p_low = (#{random sets with share ≤ observed} + 1) / (N + 1)` and
    /// `p_high = (#{share ≥ observed} + 1) / (N + 1)` (Phipson & Smyth 2010), shares within
    /// 1e-9 relative counting as equal, so that a tie counts in both tails. A small `p_low`
    /// says the set holds less than sets of its size chosen blindly; a small `p_high`, more.
    /// Two-sided: `min(1, 2 min(p_low, p_high))`.
    ///
    /// Reproducible: the draws are those of ``FocalSet/shareTest(of:samples:seed:)`` — 64
    /// fixed blocks, block b from its own SplitMix64 stream seeded from `seed`, each set the
    /// first |S| places of a partial Fisher–Yates shuffle with Lemire's unbiased bounded
    /// draws — so the result depends on the seed only, not on the number of cores.
    ///
    /// - Parameters:
    ///   - quantities: one vector per quantity, each of the same length n (organisations).
    ///   - members: the set tested; indices in `0..<n`, without repeats.
    /// - Precondition: `samples ≥ 1`; every vector has the same length.
    /// - Complexity: O(N·|S|·Q) time over all cores for N samples and Q quantities; O(n) space per core.
    ///
    /// ## References
    /// Phipson, B. & Smyth, G.K. (2010) Permutation p-values should never be zero. Stat.
    /// Appl. Genet. Mol. Biol. 9(1):39 (doi:10.2202/1544-6115.1585); Lemire, D. (2019) Fast
    /// random integer generation in an interval. ACM TOMACS 29(1):3 (doi:10.1145/3230636).
    public init(members: [Int], quantities: [[Double]], samples: Int = 1_000, seed: UInt64 = 1) {
        precondition(samples >= 1, "at least one sample")
        let n = quantities.first?.count ?? 0
        precondition(quantities.allSatisfy { $0.count == n }, "one value per organisation in every quantity")
        let k = members.count
        let count = quantities.count
        let totals = quantities.map { $0.reduce(0, +) }
        let observed = quantities.indices.map { q in
            totals[q] == 0 ? .nan : members.reduce(0.0) { $0 + quantities[q][$1] } / totals[q]
        }
        let blockCount = 64
        var streams = SplitMix64(seed: seed)
        let blockSeeds = (0..<blockCount).map { _ in streams.next() }
        struct Tally: Sendable {
            var atMost: [Int]
            var atLeast: [Int]
            var shareSum: [Double]
        }
        let blocks = parallelMap(blockCount) { block -> Tally in
            let start = block * samples / blockCount
            let end = (block + 1) * samples / blockCount
            var random = SplitMix64(seed: blockSeeds[block])
            var order = Array(0..<n)
            var tally = Tally(
                atMost: [Int](repeating: 0, count: count), atLeast: [Int](repeating: 0, count: count),
                shareSum: [Double](repeating: 0, count: count))
            for _ in start..<end {
                for place in 0..<k {
                    let other = place + Int(random.bounded(UInt64(n - place)))
                    order.swapAt(place, other)
                }
                for q in 0..<count where totals[q] != 0 {
                    let vector = quantities[q]
                    var sum = 0.0
                    for place in 0..<k { sum += vector[order[place]] }
                    let share = sum / totals[q]
                    let tied = scoresTie(share, observed[q])
                    if share <= observed[q] || tied { tally.atMost[q] += 1 }
                    if share >= observed[q] || tied { tally.atLeast[q] += 1 }
                    tally.shareSum[q] += share
                }
            }
            return tally
        }
        func tail(_ q: Int, _ pick: (Tally) -> Int) -> Double? {
            totals[q] == 0 ? nil : Double(blocks.reduce(0) { $0 + pick($1) } + 1) / Double(samples + 1)
        }
        self.samples = samples
        self.seed = seed
        self.setSize = k
        self.shares = observed.map { $0.isNaN ? nil : $0 }
        self.pLow = (0..<count).map { q in tail(q) { $0.atMost[q] } }
        self.pHigh = (0..<count).map { q in tail(q) { $0.atLeast[q] } }
        self.meanShares = (0..<count).map { q in
            totals[q] == 0 ? nil : blocks.reduce(0.0) { $0 + $1.shareSum[q] } / Double(samples)
        }
    }
}
