import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Both tails of the random-set test of a share, for node scores, chairs, seats and voting
/// power. Small cases are worked by hand over every subset; a larger one compares the
/// seeded draws with a brute-force enumeration written here.
@Suite struct RandomSetShareTests {
    /// Worked by hand. Six nodes scoring 6, 5, 4, 3, 2, 1 (total 21) in three sectors of
    /// two: B = {6, 5}, C = {4, 3}, A = {2, 1}. The 15 pairs of scores sum to 3, 4, 5, 5,
    /// 6, 6, 7, 7, 7, 8, 8, 9, 9, 10, 11 (mean 7, a share of 1/3). A (3) is the lowest pair:
    /// pLow = 1/15, pHigh = 15/15. B (11) the highest: pLow 1, pHigh 1/15. C (7): nine pairs
    /// sum to 7 or less and nine to 7 or more: 9/15 both ways. C(6, 2) = 15 ≤ samples, so
    /// every pair is enumerated and the p-values are exact.
    @Test func sectorsOfSixNodesAreTestedExactly() throws {
        let tests = FocalSet.sectorShareTests(
            scores: [[6, 5, 4, 3, 2, 1]], sectors: ["B", "B", "C", "C", "A", "A"], samples: 100, seed: 7)
        #expect(tests.map(\.sector) == ["B", "C", "A"])
        let expected: [String: (share: Double, pLow: Double, pHigh: Double)] = [
            "A": (3.0 / 21, 1.0 / 15, 1), "B": (11.0 / 21, 1, 1.0 / 15), "C": (7.0 / 21, 9.0 / 15, 9.0 / 15),
        ]
        for entry in tests {
            let test = try #require(entry.tests.first)
            let want = try #require(expected[entry.sector])
            #expect(test.isExact && test.draws == 15)
            #expect(test.setSize == 2 && test.eligibleCount == 6)
            #expect(abs(try #require(test.share) - want.share) < 1e-12, "\(entry.sector) share")
            #expect(abs(try #require(test.organisationShare) - 1.0 / 3) < 1e-12)
            #expect(abs(try #require(test.pLow) - want.pLow) < 1e-12, "\(entry.sector) pLow \(test.pLow!)")
            #expect(abs(try #require(test.pHigh) - want.pHigh) < 1e-12, "\(entry.sector) pHigh \(test.pHigh!)")
            #expect(abs(try #require(test.randomMean) - 1.0 / 3) < 1e-12)
        }
    }

    /// Scores of 30 nodes; the set of 4 has C(30, 4) = 27,405 subsets, more than the
    /// 20,000 samples, so the test draws. Its p-values must agree with a brute-force count
    /// over every subset within Monte-Carlo error (standard error ≤ 0.0036; tolerance 0.02).
    @Test func drawnPValuesAgreeWithBruteForceEnumeration() throws {
        let n = 30
        let scores: [Double] = (0..<n).map { (node: Int) -> Double in
            let base = Double((node * 7) % 11)
            return base + 0.5 * Double(node % 3)
        }
        let total = scores.reduce(0, +)
        let sets: [[Int]] = [[0, 5, 10, 15], [0, 11, 19, 22], [1, 2, 3, 4]]
        var sectors = [String](repeating: "rest", count: n)
        for node in sets[1] { sectors[node] = "low" }
        for (index, set) in sets.enumerated() {
            let observed = set.reduce(0.0) { $0 + scores[$1] } / total
            var (low, high, count) = (0, 0, 0)
            for a in 0..<n {
                for b in (a + 1)..<n {
                    for c in (b + 1)..<n {
                        for d in (c + 1)..<n {
                            let pair: Double = scores[a] + scores[b]
                            let share: Double = (pair + scores[c] + scores[d]) / total
                            if share <= observed + 1e-12 { low += 1 }
                            if share >= observed - 1e-12 { high += 1 }
                            count += 1
                        }
                    }
                }
            }
            #expect(count == 27_405)
            let test = FocalSet(members: set, nodeCount: n).shareTest(of: [scores], samples: 20_000, seed: 11)
            let pLow = try #require(test.pLow[0])
            let pHigh = try #require(test.pHigh[0])
            #expect(abs(pLow - Double(low) / Double(count)) < 0.02, "set \(index): pLow \(pLow), exact \(low)/\(count)")
            #expect(
                abs(pHigh - Double(high) / Double(count)) < 0.02, "set \(index): pHigh \(pHigh), exact \(high)/\(count)"
            )
            #expect(test.pValues[0] == test.pHigh[0])
            #expect(abs(try #require(test.meanShares[0]) - 4.0 / 30) < 0.005)
        }
        // The sector of set 1 scores 0 + 1 + 1.5 + 0.5 = 3, where four nodes score 4 × 167/30
        // ≈ 22.3 on average: far less than its number, so pLow is small and pHigh large.
        let sectorTests = FocalSet.sectorShareTests(scores: [scores], sectors: sectors, samples: 20_000, seed: 11)
        let low = try #require(sectorTests.first { $0.sector == "low" }?.tests.first)
        #expect(!low.isExact && low.draws == 20_000)
        #expect(try #require(low.pLow) < 0.05)
        #expect(try #require(low.pHigh) > 0.95)
        // Same seed, same draws: the sector test equals the focal test of the same set.
        let focal = FocalSet(members: sets[1], nodeCount: n).shareTest(of: [scores], samples: 20_000, seed: 11)
        #expect(low.pLow == focal.pLow[0] && low.pHigh == focal.pHigh[0])
    }

    /// Six seated organisations in three sectors of two (la1, la2 | vol1, vol2 | pub1,
    /// pub2) and faith1 with no seat. Chairs: p1 la1; p2 la2; p3 la1 and vol1 (co-chairs);
    /// p4 pub1. Four chaired partnerships; la holds 3 (p1, p2, p3), vol 1 (p3), pub 1.
    /// The 15 pairs of seated organisations hold 3 chairs twice (la1–la2, la1–pub1), 2 six
    /// times, 1 six times and 0 once (vol2–pub2); mean 24/15 = 1.6 of 4.
    /// la: pHigh 2/15, pLow 1. vol and pub: pLow 7/15, pHigh 14/15. faith: no seated
    /// organisation, set size 0, holds none.
    @Test func chairSharesAreTestedOverSeatedOrganisations() throws {
        let area = Self.area
        let tests = area.chairShareTests(samples: 1_000, seed: 3)
        #expect(tests.map(\.group) == ["la", "vol", "pub", "faith"])
        let expected: [String: (amount: Double, pLow: Double, pHigh: Double)] = [
            "la": (3, 1, 2.0 / 15), "vol": (1, 7.0 / 15, 14.0 / 15), "pub": (1, 7.0 / 15, 14.0 / 15),
            "faith": (0, 1, 1),
        ]
        for test in tests {
            let want = try #require(expected[test.group])
            #expect(test.amount == want.amount, "\(test.group) chairs")
            #expect(test.total == 4)
            #expect(test.isExact)
            #expect(abs(try #require(test.pLow) - want.pLow) < 1e-12, "\(test.group) pLow \(test.pLow!)")
            #expect(abs(try #require(test.pHigh) - want.pHigh) < 1e-12, "\(test.group) pHigh \(test.pHigh!)")
            if test.group != "faith" {
                #expect(test.setSize == 2 && test.eligibleCount == 6)
                #expect(abs(try #require(test.randomMean) - 0.4) < 1e-12)
            }
        }
        let faith = try #require(tests.last)
        #expect(faith.holdsNone && faith.setSize == 0)
        // The amounts are chair_share's count for each sector.
        #expect(area.chairShare(focal: ["la1", "la2"]).chairedByFocal == 3)
    }

    /// Board `p` of the same area: la1 2 votes, la2, vol1 and pub1 1 each, vol2 an observer
    /// (0); quota a strict majority of 5, 3. Banzhaf: la1 swings 6 coalitions, each 1-vote
    /// member 2, so β = (1/2, 1/6, 1/6, 1/6), vol2 0; Shapley–Shubik the same here.
    /// Seats (5 rows) against pairs of all 7 organisations: 10 pairs hold 2 seats, 10 hold 1,
    /// 1 (pub2–faith1) none; la (2 seats) pHigh 10/21, pLow 1; pub (1) pLow 11/21, pHigh
    /// 20/21; faith (1 organisation, no seat) pLow 2/7, pHigh 1.
    /// Power against the board's 5 members: la holds 2/3, reached by 3 of 10 pairs (la1 with
    /// la2, vol1 or pub1): pHigh 3/10, pLow 1; vol 1/6, the least of any pair with 3 of 10:
    /// pLow 3/10, pHigh 1; pub (one member, 1/6): 4 of 5 members hold 1/6 or less and 4 of
    /// 5 at least 1/6: 4/5 both ways.
    @Test func seatsAndVotingPowerAreTestedPerBoard() throws {
        let boards = Self.area.boardShareTests(samples: 1_000, seed: 3)
        let board = try #require(boards.first { $0.partnership == "p" })
        func check(_ tests: [SetShareTest], _ group: String, _ amount: Double, _ pLow: Double, _ pHigh: Double) throws {
            let test = try #require(tests.first { $0.group == group })
            #expect(abs(test.amount - amount) < 1e-12, "\(group) amount \(test.amount)")
            #expect(test.isExact)
            #expect(abs(try #require(test.pLow) - pLow) < 1e-12, "\(group) pLow \(test.pLow!)")
            #expect(abs(try #require(test.pHigh) - pHigh) < 1e-12, "\(group) pHigh \(test.pHigh!)")
        }
        #expect(board.seats.allSatisfy { $0.total == 5 && $0.eligibleCount == 7 })
        try check(board.seats, "la", 2, 1, 10.0 / 21)
        try check(board.seats, "pub", 1, 11.0 / 21, 20.0 / 21)
        try check(board.seats, "faith", 0, 2.0 / 7, 1)
        for power in [board.banzhaf, board.shapleyShubik] {
            #expect(power.allSatisfy { abs($0.total - 1) < 1e-12 && $0.eligibleCount == 5 })
            try check(power, "la", 2.0 / 3, 1, 3.0 / 10)
            try check(power, "vol", 1.0 / 6, 3.0 / 10, 1)
            try check(power, "pub", 1.0 / 6, 4.0 / 5, 4.0 / 5)
            let faith = try #require(power.first { $0.group == "faith" })
            #expect(faith.setSize == 0 && faith.holdsNone)
        }
    }

    /// Four organisations seated on one board among 60 in two sectors of 30: fewer
    /// holders than the size of a set, so each draw places the four seated organisations
    /// only (RandomSetShare's sparse draws). The seats a random set of 30 holds follow the
    /// hypergeometric law (60 organisations, 4 seated, 30 drawn); the sector holding three
    /// seats: pHigh = P(X ≥ 3) = 0.3060, pLow = P(X ≤ 3) = 0.9438; the one holding one
    /// seat, the mirror image. C(60, 30) subsets cannot be enumerated, so the 20,000 draws
    /// must agree with the law within Monte-Carlo error (standard error ≤ 0.0033;
    /// tolerance 0.02), and their mean share must be 1/2.
    @Test func sparseDrawsOfSeatsFollowTheHypergeometricLaw() throws {
        let organisations = (0..<60).map { Organisation(id: "o\($0)", sector: $0 < 30 ? "big" : "small") }
        let seated = ["o0", "o1", "o2", "o30"]
        let area = Area(
            organisations: organisations, partnerships: [Partnership(id: "b")],
            memberships: seated.map { Membership(partnership: "b", organisation: $0) })
        let board = try #require(area.boardShareTests(samples: 20_000, seed: 5).first)
        func logChoose(_ n: Int, _ k: Int) -> Double {
            lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
        }
        func probability(_ x: Int) -> Double { exp(logChoose(4, x) + logChoose(56, 30 - x) - logChoose(60, 30)) }
        for (group, seats) in [("big", 3), ("small", 1)] {
            let test = try #require(board.seats.first { $0.group == group })
            #expect(!test.isExact && test.draws == 20_000 && test.setSize == 30 && test.eligibleCount == 60)
            let pHigh = (seats...4).map(probability).reduce(0, +)
            let pLow = (0...seats).map(probability).reduce(0, +)
            #expect(abs(try #require(test.pHigh) - pHigh) < 0.02, "\(group): pHigh \(test.pHigh!), law \(pHigh)")
            #expect(abs(try #require(test.pLow) - pLow) < 0.02, "\(group): pLow \(test.pLow!), law \(pLow)")
            #expect(abs(try #require(test.randomMean) - 0.5) < 0.01, "\(group): mean \(test.randomMean!)")
        }
    }

    static let area = Area(
        organisations: [
            Organisation(id: "la1", sector: "la"), Organisation(id: "la2", sector: "la"),
            Organisation(id: "vol1", sector: "vol"), Organisation(id: "vol2", sector: "vol"),
            Organisation(id: "pub1", sector: "pub"), Organisation(id: "pub2", sector: "pub"),
            Organisation(id: "faith1", sector: "faith"),
        ],
        partnerships: ["p1", "p2", "p3", "p4", "p"].map { Partnership(id: $0) },
        memberships: [
            Membership(partnership: "p1", organisation: "la1", role: .chair),
            Membership(partnership: "p1", organisation: "vol2"),
            Membership(partnership: "p2", organisation: "la2", role: .chair),
            Membership(partnership: "p2", organisation: "pub2"),
            Membership(partnership: "p3", organisation: "la1", role: .chair),
            Membership(partnership: "p3", organisation: "vol1", role: .chair),
            Membership(partnership: "p4", organisation: "pub1", role: .chair),
            Membership(partnership: "p", organisation: "la1", votes: 2),
            Membership(partnership: "p", organisation: "la2"),
            Membership(partnership: "p", organisation: "vol1"),
            Membership(partnership: "p", organisation: "pub1"),
            Membership(partnership: "p", organisation: "vol2", role: .observer),
        ])
}

/// Chairs, seats and voting power of every sector on Northbridge and the random
/// affiliation area against `Scripts/reference/share_tests.py`, which computes the power
/// indices by brute force over coalitions and enumerates every subset where there are at
/// most 40,000: the same number of samples makes PartnerNet enumerate them too, so the
/// tails and means must agree within 1e-9.
@Suite struct ShareTestReferenceTests {
    static let fixtures = ["northbridge", "random_affiliation"]

    static func compare(_ ours: [SetShareTest], _ theirs: [[String: Any]], _ label: String) -> Int {
        var exact = 0
        #expect(ours.map(\.group) == theirs.map { $0["group"] as! String }, "\(label): groups")
        for (test, reference) in zip(ours, theirs) {
            let name = "\(label) \(test.group)"
            #expect(
                agree(test.amount, reference["amount"] as! Double, relative: 1e-9), "\(name): amount \(test.amount)")
            #expect(agree(test.total, reference["total"] as! Double, relative: 1e-9), "\(name): total \(test.total)")
            #expect(test.setSize == reference["set_size"] as! Int, "\(name): set size \(test.setSize)")
            #expect(test.eligibleCount == reference["eligible"] as! Int, "\(name): eligible \(test.eligibleCount)")
            guard let pLow = reference["p_low"] as? Double else { continue }
            exact += 1
            #expect(test.isExact && test.draws == reference["subsets"] as! Int, "\(name): not enumerated")
            #expect(
                agree(test.pLow ?? -1, pLow, relative: 1e-9),
                "\(name): pLow \(String(describing: test.pLow)), exact \(pLow)")
            let pHigh = reference["p_high"] as! Double
            #expect(
                agree(test.pHigh ?? -1, pHigh, relative: 1e-9),
                "\(name): pHigh \(String(describing: test.pHigh)), exact \(pHigh)")
            let mean = reference["mean"] as! Double
            #expect(
                agree(test.randomMean ?? -1, mean, relative: 1e-9),
                "\(name): mean \(String(describing: test.randomMean)), exact \(mean)")
        }
        return exact
    }

    @Test(arguments: fixtures)
    func chairsSeatsAndPowerMatchTheExactEnumeration(name: String) throws {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/share_tests/\(name).json"))
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let area = try AreaSource.read(at: Paths.repo(fixture["area"] as! String)).area
        var exact = Self.compare(
            area.chairShareTests(samples: 40_000, seed: 2), fixture["chairs"] as! [[String: Any]], "\(name) chairs")
        let boards = area.boardShareTests(samples: 40_000, seed: 2)
        let references = fixture["boards"] as! [[String: Any]]
        #expect(boards.map(\.partnership) == references.map { $0["partnership"] as! String })
        for (board, reference) in zip(boards, references) {
            let label = "\(name) \(board.partnership)"
            exact += Self.compare(board.seats, reference["seats"] as! [[String: Any]], "\(label) seats")
            exact += Self.compare(board.banzhaf, reference["banzhaf"] as! [[String: Any]], "\(label) banzhaf")
            exact += Self.compare(
                board.shapleyShubik, reference["shapley_shubik"] as! [[String: Any]], "\(label) shapley_shubik")
        }
        #expect(exact >= 50, "\(name): only \(exact) exact comparisons")
    }
}
