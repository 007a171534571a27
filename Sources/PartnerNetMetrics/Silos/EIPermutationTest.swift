import PartnerNetCore

/// Whether an E-I index is lower (silos) or higher than chance, by shuffling group labels.
public struct EIPermutationTest: Sendable, Hashable {
    /// The observed network E-I.
    public let observed: Double
    /// Labellings drawn (the observed one is not among them).
    public let permutations: Int
    public let seed: UInt64
    /// The mean E-I over the drawn labellings: close to ``EIIndex/expected``.
    public let meanUnderShuffling: Double
    /// The standard deviation (N − 1 denominator) of the E-I over the drawn labellings; 0
    /// with one labelling. The z-score (observed − mean) / sd places the observed value in
    /// the shuffled distribution (`compare --standardize`).
    public let standardDeviationUnderShuffling: Double
    /// P(E-I ≤ observed): small when ties stay within groups more than chance allows.
    public let pLow: Double
    /// P(E-I ≥ observed): small when ties cross groups more than chance allows.
    public let pHigh: Double
    /// Two-sided: min(1, 2 · min(pLow, pHigh)).
    public var pValue: Double { min(1, 2 * min(pLow, pHigh)) }
    /// The same test for each group's E-I, by group index; `nil` for a group without ties.
    /// A shuffled labelling that leaves a group without ties counts in the denominator only.
    public let byGroup: [GroupTail?]

    /// One-sided permutation p-values of one group's E-I.
    public struct GroupTail: Sendable, Hashable {
        public let pLow: Double
        public let pHigh: Double
        public var pValue: Double { min(1, 2 * min(pLow, pHigh)) }
    }
}

extension Graph {
    /// A permutation test of the network E-I index: group labels are shuffled among the
    /// organisations (group sizes kept), the E-I recomputed each time, and the observed
    /// value placed in that distribution.
    ///
    /// `pLow = (k≤ + 1) / (N + 1)` and `pHigh = (k≥ + 1) / (N + 1)`, k counting the N
    /// shuffled labellings at or beyond the observed value; the observed labelling counts
    /// once (Phipson & Smyth 2010), so no p-value is 0. Values are compared as whole numbers
    /// of external ties, so ties between E-I values are exact. UCINET reports the same
    /// one-sided probabilities without the +1.
    ///
    /// Reproducible: labellings are drawn in 64 fixed blocks, block b from its own SplitMix64
    /// stream seeded from `seed`, and shuffled by Fisher–Yates with Lemire's unbiased bounded
    /// draws, so the result depends on the seed only, not on the number of cores.
    ///
    /// - Returns: `nil` when the graph has no ties.
    /// - Complexity: O(N (n + m)) time over all cores; O(n + m) space per core.
    ///
    /// ## References
    /// Krackhardt & Stern 1988 (doi:10.2307/2786835); Phipson, B. & Smyth, G.K. (2010)
    /// Permutation p-values should never be zero. Stat. Appl. Genet. Mol. Biol. 9(1):39
    /// (doi:10.2202/1544-6115.1585); Lemire, D. (2019) Fast random integer generation in an
    /// interval. ACM TOMACS 29(1):3 (doi:10.1145/3230636).
    public func eiPermutationTest(groups: Groups, permutations: Int = 5_000, seed: UInt64 = 1) -> EIPermutationTest? {
        precondition(permutations >= 1, "at least one permutation")
        precondition(groups.membership.count == nodeCount, "one group per node")
        var sources: [Int32] = []
        var targets: [Int32] = []
        forEachTie { source, target in
            sources.append(Int32(source))
            targets.append(Int32(target))
        }
        let m = sources.count
        guard m > 0 else { return nil }
        let observedBetween = (0..<m).filter {
            groups.membership[Int(sources[$0])] != groups.membership[Int(targets[$0])]
        }
        .count
        let blockCount = 64
        var streams = SplitMix64(seed: seed)
        let blockSeeds = (0..<blockCount).map { _ in streams.next() }
        let membership = groups.membership
        let (tieSources, tieTargets) = (sources, targets)
        let groupCount = groups.names.count
        // Each group's observed E and I.
        var observed = [(between: Int, within: Int)](repeating: (0, 0), count: groupCount)
        for tie in 0..<m {
            let (a, b) = (membership[Int(sources[tie])], membership[Int(targets[tie])])
            if a == b {
                observed[a].within += 1
            } else {
                observed[a].between += 1
                observed[b].between += 1
            }
        }
        let observedGroups = observed
        struct Tally: Sendable {
            var atMost = 0
            var atLeast = 0
            var eiSum = 0.0
            var eiSquares = 0.0
            var groupAtMost: [Int]
            var groupAtLeast: [Int]
        }
        // Labels held as bytes when there are at most 256 groups (a sector count), so that a
        // labelling of 100,000 organisations stays in cache; and `lanes` labellings scored
        // in one pass over the ties, so that the ties are read from memory once per `lanes`
        // draws. The draws are those of one labelling shuffled again and again, in order,
        // exactly as when scored one at a time.
        let lanes = groupCount <= 256 ? 4 : 1
        let blocks = parallelMap(blockCount) { block -> Tally in
            let start = block * permutations / blockCount
            let end = (block + 1) * permutations / blockCount
            var random = SplitMix64(seed: blockSeeds[block])
            var labels = membership
            var tally = Tally(
                groupAtMost: [Int](repeating: 0, count: groupCount),
                groupAtLeast: [Int](repeating: 0, count: groupCount))
            var laneLabels = [[UInt8]](repeating: [UInt8](repeating: 0, count: lanes == 1 ? 0 : labels.count), count: lanes)
            var between = [Int](repeating: 0, count: groupCount * lanes)
            var within = [Int](repeating: 0, count: groupCount * lanes)
            var crossing = [Int](repeating: 0, count: lanes)
            var draw = start
            while draw < end {
                let width = min(lanes, end - draw)
                for lane in 0..<width {
                    // Fisher–Yates from the end.
                    var index = labels.count - 1
                    while index > 0 {
                        let other = Int(random.bounded(UInt64(index + 1)))
                        labels.swapAt(index, other)
                        index -= 1
                    }
                    if lanes > 1 {
                        laneLabels[lane].withUnsafeMutableBufferPointer { lane in
                            for node in labels.indices { lane[node] = UInt8(truncatingIfNeeded: labels[node]) }
                        }
                    }
                }
                for index in between.indices {
                    between[index] = 0
                    within[index] = 0
                }
                for lane in crossing.indices { crossing[lane] = 0 }
                between.withUnsafeMutableBufferPointer { between in
                    within.withUnsafeMutableBufferPointer { within in
                        crossing.withUnsafeMutableBufferPointer { crossing in
                            if lanes == 1 {
                                labels.withUnsafeBufferPointer { labels in
                                    for tie in 0..<m {
                                        let (a, b) = (labels[Int(tieSources[tie])], labels[Int(tieTargets[tie])])
                                        if a == b {
                                            within[a] += 1
                                        } else {
                                            crossing[0] += 1
                                            between[a] += 1
                                            between[b] += 1
                                        }
                                    }
                                }
                                return
                            }
                            for lane in 0..<width {
                                let offset = lane * groupCount
                                laneLabels[lane].withUnsafeBufferPointer { labels in
                                    var crossed = 0
                                    for tie in 0..<m {
                                        let a = Int(labels[Int(tieSources[tie])])
                                        let b = Int(labels[Int(tieTargets[tie])])
                                        let differ = a == b ? 0 : 1
                                        crossed += differ
                                        within[offset + a] += 1 - differ
                                        between[offset + a] += differ
                                        between[offset + b] += differ
                                    }
                                    crossing[lane] = crossed
                                }
                            }
                        }
                    }
                }
                for lane in 0..<width {
                    let offset = lane * groupCount
                    if crossing[lane] <= observedBetween { tally.atMost += 1 }
                    if crossing[lane] >= observedBetween { tally.atLeast += 1 }
                    let shuffled = Double(2 * crossing[lane] - m) / Double(m)
                    tally.eiSum += shuffled
                    tally.eiSquares += shuffled * shuffled
                    for group in 0..<groupCount where between[offset + group] + within[offset + group] > 0 {
                        // Compare (E − I)/(E + I) exactly, by cross-multiplying whole numbers.
                        let (e0, i0) = observedGroups[group]
                        let (e, i) = (between[offset + group], within[offset + group])
                        let left = (e - i) * (e0 + i0)
                        let right = (e0 - i0) * (e + i)
                        if left <= right { tally.groupAtMost[group] += 1 }
                        if left >= right { tally.groupAtLeast[group] += 1 }
                    }
                }
                draw += width
            }
            return tally
        }
        let atMost = blocks.reduce(0) { $0 + $1.atMost }
        let atLeast = blocks.reduce(0) { $0 + $1.atLeast }
        let mean = blocks.reduce(0.0) { $0 + $1.eiSum } / Double(permutations)
        let squares = blocks.reduce(0.0) { $0 + $1.eiSquares }
        let n = Double(permutations)
        let sd = permutations > 1 ? (max(0, squares - n * mean * mean) / (n - 1)).squareRoot() : 0
        let share = { (count: Int) in Double(count + 1) / Double(permutations + 1) }
        let byGroup = (0..<groupCount).map { group -> EIPermutationTest.GroupTail? in
            guard observedGroups[group].between + observedGroups[group].within > 0 else { return nil }
            return EIPermutationTest.GroupTail(
                pLow: share(blocks.reduce(0) { $0 + $1.groupAtMost[group] }),
                pHigh: share(blocks.reduce(0) { $0 + $1.groupAtLeast[group] }))
        }
        return EIPermutationTest(
            observed: Double(2 * observedBetween - m) / Double(m), permutations: permutations, seed: seed,
            meanUnderShuffling: mean, standardDeviationUnderShuffling: sd, pLow: share(atMost), pHigh: share(atLeast), byGroup: byGroup)
    }
}

extension SplitMix64 {
    /// A uniform draw from 0..<bound, without bias (Lemire 2019).
    mutating func bounded(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }
}
