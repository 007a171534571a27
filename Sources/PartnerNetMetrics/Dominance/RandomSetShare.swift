import PartnerNetCore

/// One group's share of one quantity, tested against sets of the same size drawn at random
/// from the organisations eligible to hold it, in both directions.
///
/// `share = amount / total`; `pLow = P(share of a random set ≤ share)` and
/// `pHigh = P(share of a random set ≥ share)`, shares within 1e-9 relative counting as
/// equal. Drawn: (k + 1)/(N + 1) over N random sets, the group itself counting once
/// (Phipson & Smyth 2010), so neither is 0. Enumerated (``isExact``, when there are no more
/// subsets of the group's size than samples asked for): k/N over all N subsets, the group's
/// own among them, an exact permutation p-value. A small `pHigh` says the group holds more
/// than any blindly chosen set of its size would; a small `pLow`, less.
public struct SetShareTest: Sendable, Hashable {
    /// The group tested (a sector).
    public let group: String
    /// What the group holds: the sum of its organisations' scores, seats, power; the number
    /// of partnerships it chairs. 0 identifies a group holding none (no chair, no seat).
    public let amount: Double
    /// What all organisations hold together.
    public let total: Double
    /// The group's organisations among the eligible ones: the size of every set drawn.
    public let setSize: Int
    /// Organisations a random set is drawn from.
    public let eligibleCount: Int
    /// The mean share of the random sets (setSize / eligibleCount of the total in
    /// expectation for quantities held one organisation at a time); `nil` when total is 0.
    public let randomMean: Double?
    /// P(share of a random set ≤ the group's share); `nil` when the total is 0.
    public let pLow: Double?
    /// P(share of a random set ≥ the group's share); `nil` when the total is 0.
    public let pHigh: Double?
    /// Random sets drawn, or subsets enumerated when ``isExact``.
    public let draws: Int
    /// Whether every subset of ``setSize`` eligible organisations was enumerated.
    public let isExact: Bool

    /// `amount / total`; `nil` when the total is 0 (nothing to share).
    public var share: Double? { total == 0 ? nil : amount / total }
    /// The group's share of the eligible organisations, setSize / eligibleCount; `nil` when
    /// none is eligible.
    public var organisationShare: Double? {
        eligibleCount == 0 ? nil : Double(setSize) / Double(eligibleCount)
    }
    /// Whether the group holds nothing of the quantity (a sector chairing no partnership).
    public var holdsNone: Bool { amount == 0 }
}

/// The random-set engine shared by ``FocalSet/shareTest(of:samples:seed:)``,
/// ``FocalSet/sectorShareTests(scores:sectors:samples:seed:)`` and the board and chair
/// tests of ``PartnerNetCore/Area``.
///
/// A quantity is a ledger of credits over eligible organisations (positions `0..<m`):
/// credit c weighs `w_c` and goes to a set holding any of its holders, once however many
/// it holds. A node score is one credit per organisation; a chaired partnership is one
/// credit whose holders are its chairs, so co-chairs count it once.
struct RandomSetShare {
    struct Ledger: Sendable {
        var weights: [Double] = []
        var holders: [[Int]] = []

        mutating func append(_ weight: Double, heldBy holders: [Int]) {
            weights.append(weight)
            self.holders.append(holders)
        }
    }

    /// A ledger laid out by holder: the credits of position u are
    /// `credits[offsets[u]..<offsets[u + 1]]`.
    struct Index: Sendable {
        let weights: [Double]
        let offsets: [Int]
        let credits: [Int]
        let total: Double
        /// Every credit has one holder, so sums need no check for credits already counted.
        let singleHolders: Bool
        /// With single holders: what each position holds (its credits summed in order).
        let held: [Double]

        init(_ ledger: Ledger, eligible m: Int) {
            // Each credit's distinct holders, ascending (most credits have one).
            let holders = ledger.holders.map { $0.count <= 1 ? $0 : Array(Set($0)).sorted() }
            var counts = [Int](repeating: 0, count: m + 1)
            for list in holders {
                for holder in list { counts[holder + 1] += 1 }
            }
            for u in 0..<m { counts[u + 1] += counts[u] }
            var next = counts
            var credits = [Int](repeating: 0, count: counts[m])
            for (credit, list) in holders.enumerated() {
                for holder in list {
                    credits[next[holder]] = credit
                    next[holder] += 1
                }
            }
            weights = ledger.weights
            offsets = counts
            self.credits = credits
            total = ledger.weights.reduce(0, +)
            singleHolders = holders.allSatisfy { $0.count <= 1 }
            var held = [Double](repeating: 0, count: singleHolders ? m : 0)
            if singleHolders {
                for u in 0..<m {
                    // A position with one credit holds exactly its weight (no added 0.0).
                    let own = credits[counts[u]..<counts[u + 1]].map { ledger.weights[$0] }
                    held[u] = own.count == 1 ? own[0] : own.reduce(0, +)
                }
            }
            self.held = held
        }

        /// What the set of the first `k` positions in `order` holds; `stamp` (one entry
        /// per credit) marks credits already counted with `mark`.
        func amount(of order: [Int], _ k: Int, stamp: inout [Int], mark: Int) -> Double {
            var sum = 0.0
            if singleHolders {
                let held = self.held
                for place in 0..<k { sum += held[order[place]] }
            } else {
                for u in order[0..<k] {
                    for c in offsets[u]..<offsets[u + 1] where stamp[credits[c]] != mark {
                        stamp[credits[c]] = mark
                        sum += weights[credits[c]]
                    }
                }
            }
            return sum
        }
    }

    /// Per group, per ledger: the group's amount and both tails.
    struct Outcome: Sendable {
        var amount: Double
        var total: Double
        var mean: Double?
        var pLow: Double?
        var pHigh: Double?
        var draws: Int
        var exact: Bool
    }

    /// Tests every group (positions among the `m` eligible) on every ledger.
    ///
    /// Groups of one size share their draws: for each size k, sets are drawn in 64 fixed
    /// blocks, block b from its own SplitMix64 stream seeded from `seed`, each set the first
    /// k places of a partial Fisher–Yates shuffle of `0..<m` with Lemire's unbiased bounded
    /// draws; so the result depends on the seed only, not on the number of cores. With
    /// `exact` and C(m, k) ≤ samples every k-subset is enumerated instead.
    ///
    /// When fewer than k positions hold any credit (the h organisations seated on one board
    /// among thousands), a draw places the holders only: the first h places of the same
    /// partial shuffle are the places of the h holders in a uniformly shuffled line of the
    /// m positions, and the set is the first k places of the line. The sets have the same
    /// distribution, at O(h) a draw instead of O(k).
    static func test(
        eligible m: Int, ledgers: [Ledger], groups: [[Int]], samples: Int, seed: UInt64, exact: Bool
    ) -> [[Outcome]] {
        precondition(samples >= 1, "at least one sample")
        let indexes = ledgers.map { Index($0, eligible: m) }
        // Only credits with several holders need marks (one per credit, per core).
        let creditCounts = indexes.map { $0.singleHolders ? 0 : $0.weights.count }
        let observed: [[Double]] = groups.map { group in
            precondition(group.allSatisfy { $0 >= 0 && $0 < m }, "group member not eligible")
            return indexes.indices.map { measure in
                var stamp = [Int](repeating: 0, count: creditCounts[measure])
                return indexes[measure].amount(of: group, group.count, stamp: &stamp, mark: 1)
            }
        }
        var outcomes = observed.map { amounts in
            zip(amounts, indexes).map { amount, index in
                Outcome(
                    amount: amount, total: index.total, mean: nil, pLow: nil, pHigh: nil, draws: samples, exact: false)
            }
        }
        let sizes = Set(groups.map(\.count)).sorted()
        for k in sizes {
            let members = groups.indices.filter { groups[$0].count == k }
            let shares = members.map { g in indexes.indices.map { observed[g][$0] / indexes[$0].total } }
            let subsets = exact ? binomial(m, k, atMost: samples) : nil
            let tally =
                subsets != nil
                ? enumerate(m: m, k: k, indexes: indexes, shares: shares, counts: creditCounts)
                : sample(
                    m: m, k: k, indexes: indexes, shares: shares, counts: creditCounts, samples: samples, seed: seed)
            let draws = subsets ?? samples
            let isExact = subsets != nil
            // Drawn sets add the group's own (Phipson & Smyth); enumerated ones include it.
            let extra = isExact ? 0 : 1
            for (row, g) in members.enumerated() {
                for measure in indexes.indices where indexes[measure].total != 0 {
                    outcomes[g][measure].pLow =
                        Double(tally.low[row * indexes.count + measure] + extra) / Double(draws + extra)
                    outcomes[g][measure].pHigh =
                        Double(tally.high[row * indexes.count + measure] + extra) / Double(draws + extra)
                    outcomes[g][measure].mean = tally.shareSum[measure] / Double(draws)
                    outcomes[g][measure].draws = draws
                    outcomes[g][measure].exact = isExact
                }
            }
        }
        return outcomes
    }

    /// Counts over the sets of one size: `low[group * measures + measure]`, likewise `high`.
    struct Tally: Sendable {
        var low: [Int]
        var high: [Int]
        var shareSum: [Double]

        init(groups: Int, measures: Int) {
            low = [Int](repeating: 0, count: groups * measures)
            high = low
            shareSum = [Double](repeating: 0, count: measures)
        }

        mutating func count(
            _ order: [Int], _ k: Int, _ indexes: [Index], _ shares: [[Double]], _ stamps: inout [[Int]], mark: Int
        ) {
            for (measure, index) in indexes.enumerated() {
                let share = index.amount(of: order, k, stamp: &stamps[measure], mark: mark) / index.total
                for (row, observed) in shares.enumerated() {
                    if share >= observed[measure] || scoresTie(share, observed[measure]) {
                        high[row * indexes.count + measure] += 1
                    }
                    if share <= observed[measure] || scoresTie(share, observed[measure]) {
                        low[row * indexes.count + measure] += 1
                    }
                }
                shareSum[measure] += share
            }
        }

        mutating func add(_ other: Tally) {
            for i in low.indices {
                low[i] += other.low[i]
                high[i] += other.high[i]
            }
            for i in shareSum.indices { shareSum[i] += other.shareSum[i] }
        }
    }

    private static func sample(
        m: Int, k: Int, indexes: [Index], shares: [[Double]], counts: [Int], samples: Int, seed: UInt64
    ) -> Tally {
        let blockCount = 64
        var streams = SplitMix64(seed: seed)
        let blockSeeds = (0..<blockCount).map { _ in streams.next() }
        // The positions holding any credit of any ledger, ascending.
        let holders = (0..<m).filter { u in indexes.contains { $0.offsets[u + 1] > $0.offsets[u] } }
        let sparse = holders.count < k
        let blocks = parallelMap(blockCount) { block -> Tally in
            let start = block * samples / blockCount
            let end = (block + 1) * samples / blockCount
            var random = SplitMix64(seed: blockSeeds[block])
            var order = Array(0..<m)
            var stamps = counts.map { [Int](repeating: 0, count: $0) }
            var tally = Tally(groups: shares.count, measures: indexes.count)
            var chosen: [Int] = []
            chosen.reserveCapacity(holders.count)
            for draw in start..<end {
                // The first k places of a Fisher–Yates shuffle: a uniform k-subset,
                // whatever order the previous draw left behind.
                guard sparse else {
                    for place in 0..<k {
                        let other = place + Int(random.bounded(UInt64(m - place)))
                        order.swapAt(place, other)
                    }
                    tally.count(order, k, indexes, shares, &stamps, mark: draw + 1)
                    continue
                }
                // Holder i stands at place order[i] of the shuffled line; the set holds
                // those standing among the first k.
                chosen.removeAll(keepingCapacity: true)
                for place in 0..<holders.count {
                    let other = place + Int(random.bounded(UInt64(m - place)))
                    order.swapAt(place, other)
                    if order[place] < k { chosen.append(holders[place]) }
                }
                tally.count(chosen, chosen.count, indexes, shares, &stamps, mark: draw + 1)
            }
            return tally
        }
        var total = Tally(groups: shares.count, measures: indexes.count)
        for block in blocks { total.add(block) }
        return total
    }

    /// Every k-subset of `0..<m` in lexicographic order.
    private static func enumerate(m: Int, k: Int, indexes: [Index], shares: [[Double]], counts: [Int]) -> Tally {
        var tally = Tally(groups: shares.count, measures: indexes.count)
        var stamps = counts.map { [Int](repeating: 0, count: $0) }
        var subset = Array(0..<k)
        var mark = 1
        while true {
            tally.count(subset, k, indexes, shares, &stamps, mark: mark)
            mark += 1
            // Advance the rightmost place that can still move, and reset those after it.
            var place = k - 1
            while place >= 0 && subset[place] == m - k + place { place -= 1 }
            if place < 0 { return tally }
            subset[place] += 1
            for next in (place + 1)..<k { subset[next] = subset[next - 1] + 1 }
        }
    }

    /// C(m, k) when it is at most `limit`, else `nil`.
    static func binomial(_ m: Int, _ k: Int, atMost limit: Int) -> Int? {
        guard k >= 0 && k <= m else { return nil }
        let k = min(k, m - k)
        var value = 1
        for i in 0..<k {
            // value · (m − i) / (i + 1) is exact at every step: it is C(m, i + 1).
            let (product, overflow) = value.multipliedReportingOverflow(by: m - i)
            if overflow { return nil }
            value = product / (i + 1)
            if value > limit { return nil }
        }
        return value
    }
}
