import PartnerNetCore

/// Whether the focal set holds more, or less, of each measure than a set of the same size
/// drawn at random from the same network would.
public struct FocalShareTest: Sendable, Hashable {
    /// Random sets drawn (the focal set is not among them).
    public let samples: Int
    public let seed: UInt64
    /// Size of every set drawn: |F|.
    public let setSize: Int
    /// For each measure (in the order given): P(share of a random set ≤ the focal share),
    /// as (k + 1)/(N + 1); `nil` where the measure's total is 0.
    public let pLow: [Double?]
    /// For each measure: P(share of a random set ≥ the focal share), as (k + 1)/(N + 1);
    /// `nil` where the measure's total is 0.
    public let pHigh: [Double?]
    /// For each measure: the mean share of the random sets (|F|/n in expectation).
    public let meanShares: [Double?]

    /// The upper tail, ``pHigh``: the p-values of "the focal set holds more than its number".
    public var pValues: [Double?] { pHigh }
}

extension FocalSet {
    /// A resampling test of the focal set's shares, in both directions: `samples` sets of
    /// |F| organisations are drawn uniformly at random, without replacement, from all n
    /// organisations of the same network, and each measure's share recomputed for each set.
    ///
    /// `pHigh[M] = (k₊ + 1) / (N + 1)` and `pLow[M] = (k₋ + 1) / (N + 1)`, k₊ (k₋) counting
    /// the N random sets whose share of M is at least (at most) the focal share (within 1e-9
    /// relative counts as equal); the focal set counts once (Phipson & Smyth 2010), so no
    /// p-value is 0. A small pHigh says that no set of that size chosen blindly holds as
    /// much of M: the focal organisations are more central than their number alone
    /// explains; a small pLow, that they are less.
    ///
    /// Reproducible: sets are drawn in 64 fixed blocks, block b from its own SplitMix64
    /// stream seeded from `seed`, each set the first |F| places of a partial Fisher–Yates
    /// shuffle with Lemire's unbiased bounded draws, so the result depends on the seed only,
    /// not on the number of cores. Blocks run on all cores. Both tails come from the same
    /// draws. Always sampled, even when there are fewer subsets than samples (use
    /// ``sectorShareTests(scores:sectors:samples:seed:)`` for the exact enumeration).
    ///
    /// - Parameter scores: one vector of n scores per measure.
    /// - Precondition: `samples ≥ 1`; each vector has one score per node.
    /// - Complexity: O(N·|F|·M) time over all cores for N samples and M measures; O(n·M)
    ///   space per core.
    ///
    /// ## References
    /// Phipson, B. & Smyth, G.K. (2010) Permutation p-values should never be zero. Stat.
    /// Appl. Genet. Mol. Biol. 9(1):39 (doi:10.2202/1544-6115.1585); Lemire, D. (2019) Fast
    /// random integer generation in an interval. ACM TOMACS 29(1):3 (doi:10.1145/3230636).
    public func shareTest(of scores: [[Double]], samples: Int = 1_000, seed: UInt64 = 1) -> FocalShareTest {
        let n = isMember.count
        precondition(scores.allSatisfy { $0.count == n }, "one score per node")
        let outcomes = RandomSetShare.test(
            eligible: n, ledgers: scores.map(RandomSetShare.Ledger.init(scores:)), groups: [members],
            samples: samples, seed: seed, exact: false)[0]
        return FocalShareTest(
            samples: samples, seed: seed, setSize: members.count, pLow: outcomes.map(\.pLow),
            pHigh: outcomes.map(\.pHigh), meanShares: outcomes.map(\.mean))
    }

    /// Every sector's share of each measure, tested against random sets of the sector's size
    /// in both directions, in one pass: sectors of equal size share their draws.
    ///
    /// For sector S with |S| organisations among n and measure M: `share = Σ_{v∈S} M(v) / Σ_v
    /// M(v)`, `organisationShare = |S| / n`, and `pLow`, `pHigh` as in
    /// ``shareTest(of:samples:seed:)`` — the same blocks and streams, so a sector's `pHigh`
    /// equals the focal test's p-value for that sector with the same seed — except that when
    /// C(n, |S|) ≤ `samples` every subset of |S| organisations is enumerated and the
    /// p-values are exact (k/C(n, |S|), the sector's own subset among them).
    ///
    /// - Parameters:
    ///   - scores: one vector of n scores per measure.
    ///   - sectors: the sector of every node, by handle.
    /// - Returns: one entry per sector, in order of first appearance among the nodes, with
    ///   one test per measure.
    /// - Precondition: `samples ≥ 1`; each vector has one score per node; one sector per node.
    /// - Complexity: O(N·n·M) time over all cores in the worst case (N samples, M measures,
    ///   one draw of |S| organisations per distinct sector size, each compared with every
    ///   sector of that size); O(n·M) space per core.
    ///
    /// ## References
    /// Phipson & Smyth 2010 (doi:10.2202/1544-6115.1585); Lemire 2019 (doi:10.1145/3230636).
    public static func sectorShareTests(
        scores: [[Double]], sectors: [String], samples: Int = 1_000, seed: UInt64 = 1
    ) -> [SectorShareTests] {
        let n = sectors.count
        precondition(scores.allSatisfy { $0.count == n }, "one score per node")
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (node, sector) in sectors.enumerated() {
            if groups[sector] == nil { order.append(sector) }
            groups[sector, default: []].append(node)
        }
        let outcomes = RandomSetShare.test(
            eligible: n, ledgers: scores.map(RandomSetShare.Ledger.init(scores:)),
            groups: order.map { groups[$0]! }, samples: samples, seed: seed, exact: true)
        return zip(order, outcomes).map { sector, row in
            SectorShareTests(
                sector: sector,
                tests: row.map { SetShareTest(group: sector, $0, setSize: groups[sector]!.count, eligible: n) })
        }
    }

    /// ``sectorShareTests(scores:sectors:samples:seed:)`` with each node's sector read from
    /// the area (the `sector` of the organisation with the node's id).
    ///
    /// - Precondition: every node of `graph` is an organisation of `area`.
    public static func sectorShareTests(
        scores: [[Double]], in area: Area, graph: Graph, samples: Int = 1_000, seed: UInt64 = 1
    ) -> [SectorShareTests] {
        var sectorOf: [String: String] = [:]
        for organisation in area.organisations where sectorOf[organisation.id] == nil {
            sectorOf[organisation.id] = organisation.sector
        }
        let sectors = graph.labels.map { label -> String in
            guard let sector = sectorOf[label] else { preconditionFailure("node \(label) is not in the area") }
            return sector
        }
        return sectorShareTests(scores: scores, sectors: sectors, samples: samples, seed: seed)
    }
}

/// One sector's tests, one per measure (in the order the measures were given).
public struct SectorShareTests: Sendable, Hashable {
    public let sector: String
    public let tests: [SetShareTest]
}

extension RandomSetShare.Ledger {
    /// One credit per node, held by that node alone.
    init(scores: [Double]) {
        self.init(weights: scores, holders: scores.indices.map { [$0] })
    }
}

extension SetShareTest {
    init(group: String, _ outcome: RandomSetShare.Outcome, setSize: Int, eligible: Int) {
        self.init(
            group: group, amount: outcome.amount, total: outcome.total, setSize: setSize, eligibleCount: eligible,
            randomMean: outcome.mean, pLow: outcome.pLow, pHigh: outcome.pHigh, draws: outcome.draws,
            isExact: outcome.exact)
    }
}
