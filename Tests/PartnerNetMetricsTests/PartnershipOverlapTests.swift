import PartnerNetCore
import Testing

@testable import PartnerNetMetrics

/// Overlaps between partnerships are found from the members' partnership lists, counted in
/// full and listed only up to a limit (issue 13: 10,000 partnerships sharing one member
/// made 49,995,000 pairs held in a dictionary, past two minutes and 6 GB).
@Suite struct PartnershipOverlapTests {
    /// `count` partnerships, each with the hub and one member of its own.
    static func star(_ count: Int) -> Area {
        Area(
            organisations: [Organisation(id: "hub", sector: "x")]
                + (0..<count).map { Organisation(id: "o\($0)", sector: "y") },
            relationships: [],
            partnerships: (0..<count).map { Partnership(id: "p\($0)") },
            memberships: (0..<count).flatMap { index in
                [
                    Membership(partnership: "p\(index)", organisation: "hub"),
                    Membership(partnership: "p\(index)", organisation: "o\(index)"),
                ]
            })
    }

    /// A seeded random area: `p` partnerships drawing members from `n` organisations.
    static func random(seed: UInt64, n: Int = 12, p: Int = 9) -> Area {
        var random = SplitMix64(seed: seed)
        var memberships: [Membership] = []
        for k in 0..<p {
            for i in 0..<n where random.next() % 3 == 0 {
                memberships.append(Membership(partnership: "p\(k)", organisation: "o\(i)"))
            }
        }
        return Area(
            organisations: (0..<n).map { Organisation(id: "o\($0)", sector: "s") }, relationships: [],
            partnerships: (0..<p).map { Partnership(id: "p\($0)") }, memberships: memberships)
    }

    /// Every pair of partnerships compared directly, as sets.
    @Test(arguments: 0..<20)
    func overlapsAgreeWithSetsAndTheSummary(seed: UInt64) {
        let network = TwoModeNetwork(area: Self.random(seed: seed))
        var expected: [PartnershipOverlap] = []
        for a in network.members.indices {
            for b in network.members.indices where b > a {
                let (first, second) = (Set(network.members[a]), Set(network.members[b]))
                let shared = first.intersection(second).count
                guard shared > 0 else { continue }
                expected.append(
                    PartnershipOverlap(
                        first: a, second: b, shared: shared,
                        jaccard: Double(shared) / Double(first.union(second).count),
                        overlapCoefficient: Double(shared) / Double(min(first.count, second.count))))
            }
        }
        expected.sort { ($0.jaccard, $1.first, $1.second) > ($1.jaccard, $0.first, $0.second) }
        #expect(network.overlaps() == expected)
        for limit in [0, 1, 3, 1000] {
            let summary = network.overlapSummary(threshold: 0.4, limit: limit)
            #expect(summary.pairs == Array(expected.prefix(limit)))
            #expect(summary.total == expected.count)
            #expect(summary.atOrAbove == expected.filter { $0.jaccard >= 0.4 }.count)
            #expect(summary.maximumJaccard == expected.first?.jaccard)
            #expect(summary.isTruncated == (limit < expected.count))
        }
    }

    /// 3,000 partnerships sharing one member: 4,498,500 pairs counted, the 50 most alike
    /// kept, in memory proportional to the partnerships.
    @Test func oneMemberOnEveryPartnershipIsCountedNotListed() {
        let network = TwoModeNetwork(area: Self.star(3_000))
        let clock = ContinuousClock()
        let started = clock.now
        let summary = network.overlapSummary(threshold: 0.3, limit: 50)
        #expect(clock.now - started < .seconds(60))
        #expect(summary.total == 3_000 * 2_999 / 2)
        #expect(summary.atOrAbove == summary.total)  // every pair: 1 shared of 3, Jaccard 1/3
        #expect(summary.pairs.count == 50)
        #expect(
            summary.pairs.first
                == PartnershipOverlap(first: 0, second: 1, shared: 1, jaccard: 1.0 / 3, overlapCoefficient: 0.5))
        #expect(summary.pairs.map(\.second) == Array(1...50))
    }
}
