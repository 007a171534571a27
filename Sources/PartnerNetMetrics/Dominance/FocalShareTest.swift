import PartnerNetCore

/// Whether the focal set holds more of each measure than a set of the same size drawn at
/// random from the same network would.
public struct FocalShareTest: Sendable, Hashable {
    /// Random sets drawn (the focal set is not among them).
    public let samples: Int
    public let seed: UInt64
    /// Size of every set drawn: |F|.
    public let setSize: Int
    /// For each measure (in the order given): P(share of a random set ≥ the focal share),
    /// as (k + 1)/(N + 1); `nil` where the measure's total is 0.
    public let pValues: [Double?]
    /// For each measure: the mean share of the random sets (|F|/n in expectation).
    public let meanShares: [Double?]
}

extension FocalSet {
    /// A resampling test of the focal set's shares: `samples` sets of |F| organisations are
    /// drawn uniformly at random, without replacement, from all n organisations of the same
    /// network, and each measure's share recomputed for each set.
    ///
    /// `p[M] = (k + 1) / (N + 1)`, k counting the N random sets whose share of M is at least
    /// the focal share (within 1e-9 relative counts as equal); the focal set counts once
    /// (Phipson & Smyth 2010), so no p-value is 0. A small p says that no set of that size
    /// chosen blindly holds as much of M: the focal organisations are more central than
    /// their number alone explains.
    ///
    /// Reproducible: sets are drawn in 64 fixed blocks, block b from its own SplitMix64
    /// stream seeded from `seed`, each set the first |F| places of a partial Fisher–Yates
    /// shuffle with Lemire's unbiased bounded draws, so the result depends on the seed only,
    /// not on the number of cores. Blocks run on all cores.
    ///
    /// - Parameter scores: one vector of n scores per measure.
    /// - Precondition: `samples ≥ 1`; each vector has one score per node.
    /// - Complexity: O(N·|F|·M) time over all cores for N samples and M measures; O(n) space per core.
    ///
    /// ## References
    /// Phipson, B. & Smyth, G.K. (2010) Permutation p-values should never be zero. Stat.
    /// Appl. Genet. Mol. Biol. 9(1):39 (doi:10.2202/1544-6115.1585); Lemire, D. (2019) Fast
    /// random integer generation in an interval. ACM TOMACS 29(1):3 (doi:10.1145/3230636).
    public func shareTest(of scores: [[Double]], samples: Int = 1_000, seed: UInt64 = 1) -> FocalShareTest {
        precondition(samples >= 1, "at least one sample")
        let n = isMember.count
        precondition(scores.allSatisfy { $0.count == n }, "one score per node")
        let k = members.count
        let measures = scores.count
        let totals = scores.map { $0.reduce(0, +) }
        let observed = scores.indices.map { measure in
            members.reduce(0.0) { $0 + scores[measure][$1] } / totals[measure]
        }
        let blockCount = 64
        var streams = SplitMix64(seed: seed)
        let blockSeeds = (0..<blockCount).map { _ in streams.next() }
        struct Tally: Sendable {
            var atLeast: [Int]
            var shareSum: [Double]
        }
        let blocks = parallelMap(blockCount) { block -> Tally in
            let start = block * samples / blockCount
            let end = (block + 1) * samples / blockCount
            var random = SplitMix64(seed: blockSeeds[block])
            var order = Array(0..<n)
            var tally = Tally(
                atLeast: [Int](repeating: 0, count: measures), shareSum: [Double](repeating: 0, count: measures))
            for _ in start..<end {
                // The first k places of a Fisher–Yates shuffle: a uniform k-subset,
                // whatever order the previous draw left behind.
                for place in 0..<k {
                    let other = place + Int(random.bounded(UInt64(n - place)))
                    order.swapAt(place, other)
                }
                for measure in 0..<measures {
                    let vector = scores[measure]
                    var sum = 0.0
                    for place in 0..<k { sum += vector[order[place]] }
                    let share = sum / totals[measure]
                    if share >= observed[measure] || scoresTie(share, observed[measure]) { tally.atLeast[measure] += 1 }
                    tally.shareSum[measure] += share
                }
            }
            return tally
        }
        let pValues = (0..<measures).map { measure -> Double? in
            guard totals[measure] != 0 else { return nil }
            let count = blocks.reduce(0) { $0 + $1.atLeast[measure] }
            return Double(count + 1) / Double(samples + 1)
        }
        let means = (0..<measures).map { measure -> Double? in
            guard totals[measure] != 0 else { return nil }
            return blocks.reduce(0.0) { $0 + $1.shareSum[measure] } / Double(samples)
        }
        return FocalShareTest(samples: samples, seed: seed, setSize: k, pValues: pValues, meanShares: means)
    }
}
