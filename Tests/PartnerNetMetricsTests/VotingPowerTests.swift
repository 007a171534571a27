import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetMetrics

/// Banzhaf and Shapley–Shubik power against PyPI `powerindex` on every partnership of the
/// bundled areas and on seeded random games (`Scripts/reference/voting_power.py`), against
/// brute-force enumeration, and against published values.
@Suite struct VotingPowerTests {
    struct Game {
        let source: String
        let votes: [Int]
        let quota: Int
        let banzhaf: [Double]?
        let shapleyShubik: [Double]?
        /// Why powerindex has no Shapley–Shubik values for this game (over 170 players).
        let shapleyShubikError: String?
    }

    static let games: [Game] = {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/voting/games.json"))
        let object = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (object["games"] as! [[String: Any]]).map { entry in
            Game(
                source: entry["source"] as! String, votes: entry["votes"] as! [Int], quota: entry["quota"] as! Int,
                banzhaf: entry["banzhaf"] as? [Double], shapleyShubik: entry["shapley_shubik"] as? [Double],
                shapleyShubikError: entry["shapley_shubik_error"] as? String)
        }
    }()

    @Test func thereAreGamesFromAreasAndRandom() {
        #expect(Self.games.count >= 40)
        #expect(Self.games.contains { $0.votes.count == 150 && $0.shapleyShubik != nil })
        #expect(Self.games.contains { $0.votes.count == 200 && $0.banzhaf != nil })
        #expect(Self.games.contains { $0.source.hasPrefix("northbridge/") })
    }

    @Test(arguments: games.map(\.source))
    func agreesWithPowerindex(source: String) throws {
        let reference = try #require(Self.games.first { $0.source == source })
        let game = WeightedVotingGame(votes: reference.votes, quota: reference.quota)
        for (name, ours, theirs) in [
            ("banzhaf", game.banzhaf(), reference.banzhaf), ("shapley_shubik", game.shapleyShubik(), reference.shapleyShubik),
        ] {
            if name == "shapley_shubik", reference.shapleyShubikError != nil {
                // powerindex overflows here; the sum and equal-votes checks below stand in.
                let values = try #require(ours)
                #expect(abs(values.reduce(0, +) - 1) < 1e-9, "\(source): Shapley–Shubik sums to \(values.reduce(0, +))")
                continue
            }
            guard let theirs else {
                #expect(ours == nil, "\(source) \(name): PartnerNet \(String(describing: ours)), powerindex none")
                continue
            }
            let values = try #require(ours, "\(source) \(name): PartnerNet none, powerindex \(theirs)")
            #expect(values.count == theirs.count)
            for (player, (a, b)) in zip(values, theirs).enumerated() {
                #expect(abs(a - b) <= 1e-9 * max(abs(b), 1e-12) || abs(a - b) < 1e-15,
                    "\(source) \(name)[\(player)]: PartnerNet \(a), powerindex \(b)")
            }
        }
    }

    /// Enumerating every coalition and every order of small random games.
    @Test(arguments: 0..<40)
    func agreesWithBruteForce(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let n = Int(random.next() % 7) + 1
        let votes = (0..<n).map { _ in Int(random.next() % 5) }
        let total = votes.reduce(0, +)
        let quota = total == 0 ? 1 : Int(random.next() % UInt64(total)) + 1
        let game = WeightedVotingGame(votes: votes, quota: quota)
        var swings = [Double](repeating: 0, count: n)
        for mask in 0..<(1 << n) {
            let weight = (0..<n).filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + votes[$1] }
            for i in 0..<n where mask & (1 << i) == 0 && votes[i] > 0 && weight < quota && weight + votes[i] >= quota {
                swings[i] += 1
            }
        }
        let playing = (0..<n).filter { votes[$0] > 0 }
        var pivots = [Double](repeating: 0, count: n)
        var orders = 0
        func permute(_ prefix: [Int], _ rest: [Int]) {
            if rest.isEmpty {
                orders += 1
                var weight = 0
                for player in prefix {
                    weight += votes[player]
                    if weight >= quota {
                        pivots[player] += 1
                        return
                    }
                }
                return
            }
            for (index, player) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: index)
                permute(prefix + [player], remaining)
            }
        }
        permute([], playing)
        let swingTotal = swings.reduce(0, +)
        if swingTotal == 0 {
            #expect(game.banzhaf() == nil)
        } else {
            for (a, b) in zip(game.banzhaf()!, swings.map { $0 / swingTotal }) { #expect(abs(a - b) < 1e-12) }
        }
        if quota > total || playing.isEmpty {
            #expect(game.shapleyShubik() == nil)
        } else {
            for (a, b) in zip(game.shapleyShubik()!, pivots.map { $0 / Double(orders) }) { #expect(abs(a - b) < 1e-12) }
        }
    }

    /// Published: the UN Security Council (five permanent members with a veto, quota 39 of
    /// 45): Shapley–Shubik 0.1963 per permanent member, 0.0019 per other member (Shapley &
    /// Shubik 1954 style; e.g. Straffin 1993, *Game Theory and Strategy*, §16); Banzhaf
    /// 0.1669 and 0.0165. The EEC Council of 1958 gave Luxembourg no power at all.
    @Test func publishedValues() throws {
        let council = WeightedVotingGame(votes: [7, 7, 7, 7, 7] + Array(repeating: 1, count: 10), quota: 39)
        let ss = try #require(council.shapleyShubik())
        #expect(abs(ss[0] - 0.1963) < 5e-5)
        #expect(abs(ss[14] - 0.0019) < 5e-5)
        let bz = try #require(council.banzhaf())
        #expect(abs(bz[0] - 0.1669) < 5e-5)
        #expect(abs(bz[14] - 0.0165) < 5e-5)
        let eec = WeightedVotingGame(votes: [4, 4, 4, 2, 2, 1], quota: 12)
        #expect(eec.banzhaf()![5] == 0)
        #expect(eec.shapleyShubik()![5] == 0)
    }

    @Test func aBoardOfTwoHundredIsExactAndSumsToOne() throws {
        var random = SplitMix64(seed: 200)
        let votes = (0..<200).map { _ in Int(random.next() % 4) + 1 }
        let game = WeightedVotingGame(votes: votes, quota: votes.reduce(0, +) * 2 / 3)
        let ss = try #require(game.shapleyShubik())
        #expect(abs(ss.reduce(0, +) - 1) < 1e-9)
        let bz = try #require(game.banzhaf())
        #expect(abs(bz.reduce(0, +) - 1) < 1e-12)
        // Equal votes, equal power.
        let fours = votes.indices.filter { votes[$0] == 4 }
        #expect(fours.allSatisfy { abs(ss[$0] - ss[fours[0]]) < 1e-12 })
    }
}

/// Huge and hostile votes: the reduction by the greatest common divisor, the sparse exact
/// method and the sampled estimate (issue 13).
@Suite struct VotingPowerLimitsTests {
    /// Banzhaf and Shapley–Shubik by enumerating every coalition and every order.
    static func bruteForce(_ votes: [Int], quota: Int) -> (banzhaf: [Double]?, shapleyShubik: [Double]?) {
        let n = votes.count
        var swings = [Double](repeating: 0, count: n)
        for mask in 0..<(1 << n) {
            var weight = 0
            for j in 0..<n where mask & (1 << j) != 0 { weight += votes[j] }
            for i in 0..<n where mask & (1 << i) == 0 && votes[i] > 0 && weight < quota && weight + votes[i] >= quota {
                swings[i] += 1
            }
        }
        let playing = (0..<n).filter { votes[$0] > 0 }
        var pivots = [Double](repeating: 0, count: n)
        var orders = 0.0
        func permute(_ prefix: [Int], _ rest: [Int]) {
            if rest.isEmpty {
                orders += 1
                var weight = 0
                for player in prefix {
                    weight += votes[player]
                    if weight >= quota {
                        pivots[player] += 1
                        return
                    }
                }
                return
            }
            for (index, player) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: index)
                permute(prefix + [player], remaining)
            }
        }
        permute([], playing)
        let sum = swings.reduce(0, +)
        let winnable = pivots.reduce(0, +) > 0
        return (sum > 0 ? swings.map { $0 / sum } : nil, winnable ? pivots.map { $0 / orders } : nil)
    }

    static func expectClose(_ ours: [Double]?, _ theirs: [Double]?, _ label: String, tolerance: Double = 1e-12) {
        guard let theirs else {
            #expect(ours == nil, "\(label): expected none, got \(String(describing: ours))")
            return
        }
        guard let ours else {
            Issue.record("\(label): got none, expected \(theirs)")
            return
        }
        #expect(ours.count == theirs.count, "\(label)")
        for (player, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(abs(a - b) <= tolerance, "\(label)[\(player)]: got \(a), expected \(b)")
        }
    }

    /// Multiplying every vote and the quota by the same number changes nothing; nor does a
    /// quota that is not a multiple (it rounds up).
    @Test(arguments: 0..<20)
    func scalingTheVotesGivesIdenticalIndices(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) + 1000)
        let n = Int(random.next() % 7) + 2
        let votes = (0..<n).map { _ in Int(random.next() % 6) }
        let total = votes.reduce(0, +)
        let quota = total == 0 ? 1 : Int(random.next() % UInt64(total)) + 1
        let game = WeightedVotingGame(votes: votes, quota: quota)
        for factor in [7, 1000, 1_000_003] {
            for scaled in [
                WeightedVotingGame(votes: votes.map { $0 * factor }, quota: quota * factor),
                WeightedVotingGame(votes: votes.map { $0 * factor }, quota: (quota - 1) * factor + 1),
            ] {
                Self.expectClose(scaled.banzhaf(), game.banzhaf(), "banzhaf ×\(factor) \(votes) q=\(quota)")
                Self.expectClose(
                    scaled.shapleyShubik(), game.shapleyShubik(), "shapley_shubik ×\(factor) \(votes) q=\(quota)")
            }
        }
    }

    /// One member with `Int64.max` votes read out of bounds and allocated the quota's table.
    @Test func aMemberWithInt64MaxVotesIsADictator() throws {
        let alone = WeightedVotingGame(votes: [Int.max], quota: Int.max / 2 + 1)
        #expect(alone.banzhaf() == [1])
        #expect(alone.shapleyShubik() == [1])
        #expect(alone.totalVotes == Int.max)
        let board = WeightedVotingGame(votes: [Int.max, 1, 1, 0], quota: Int.max / 2 + 1)
        #expect(board.totalVotes == Int.max)
        #expect(board.banzhaf() == [1, 0, 0, 0])
        #expect(board.shapleyShubik() == [1, 0, 0, 0])
        // Two huge members, each needing the other or both small ones.
        let pair = WeightedVotingGame(votes: [Int.max, Int.max - 1, 1, 1], quota: Int.max)
        Self.expectClose(pair.banzhaf(), Self.bruteForce([4, 3, 1, 1], quota: 4).banzhaf, "pair")
    }

    /// 10¹⁰ votes for one member: the old table had 5 × 10⁹ entries per row.
    @Test func tenBillionVotesForOneMember() throws {
        let votes = [10_000_000_000, 3, 5, 7]
        let game = WeightedVotingGame(votes: votes, quota: votes.reduce(0, +) / 2 + 1)
        #expect(game.banzhaf() == [1, 0, 0, 0])
        #expect(game.shapleyShubik() == [1, 0, 0, 0])
        let close = [10_000_000_000, 9_999_999_999, 3, 5, 7]
        let quota = 10_000_000_007
        let contested = WeightedVotingGame(votes: close, quota: quota)
        let expected = Self.bruteForce(close, quota: quota)
        Self.expectClose(contested.banzhaf(), expected.banzhaf, "banzhaf")
        Self.expectClose(contested.shapleyShubik(), expected.shapleyShubik, "shapley_shubik")
        #expect(contested.banzhafIndices()?.isExact == true)
    }

    /// Random games with votes up to 10¹²: the sparse method against enumeration.
    @Test(arguments: 0..<30)
    func largeVotesAgreeWithBruteForce(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) + 5000)
        let n = Int(random.next() % 7) + 1
        let votes = (0..<n).map { _ in Int(random.next() % 1_000_000_000_000) }
        let total = votes.reduce(0, +)
        let quota = Int(random.next() % UInt64(max(total, 1))) + 1
        let game = WeightedVotingGame(votes: votes, quota: quota)
        let expected = Self.bruteForce(votes, quota: quota)
        Self.expectClose(game.banzhaf(), expected.banzhaf, "banzhaf \(votes) q=\(quota)", tolerance: 1e-12)
        Self.expectClose(
            game.shapleyShubik(), expected.shapleyShubik, "shapley_shubik \(votes) q=\(quota)", tolerance: 1e-12)
    }

    /// The dense and the sparse methods agree wherever both fit.
    @Test(arguments: 0..<20)
    func denseAndSparseAgree(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) + 9000)
        let n = Int(random.next() % 30) + 2
        let votes = (0..<n).map { _ in Int(random.next() % 12) + 1 }
        let game = try #require(WeightedVotingGame(votes: votes, quota: votes.reduce(0, +) * 3 / 5 + 1).reduced())
        for bySize in [false, true] {
            let dense = try #require(game.exactPower(bySize: bySize, budget: .standard, method: .dense))
            let sparse = try #require(game.exactPower(bySize: bySize, budget: .standard, method: .sparse))
            for (a, b) in zip(dense, sparse) { #expect(abs(a - b) <= 1e-9 * max(abs(a), 1e-300), "\(votes)") }
        }
    }

    /// Fifty members with about 10⁵ votes each, in five distinct numbers: the old table
    /// took 50 rows of 3.3 million totals (1.3 GB) for Shapley–Shubik; the sparse method
    /// counts at most 11⁵ (total, size) pairs. Checked against a second method, sampling
    /// (within five standard errors), and against the rules (equal votes, equal power;
    /// sums to 1).
    @Test func fiftyMembersWithAHundredThousandVotesEach() throws {
        let levels = [100_000, 100_007, 100_014, 100_021, 100_028]
        let votes = (0..<50).map { levels[$0 % 5] }
        let game = WeightedVotingGame(votes: votes, quota: votes.reduce(0, +) * 2 / 3)
        let clock = ContinuousClock()
        let started = clock.now
        let banzhaf = try #require(game.banzhafIndices())
        let shapley = try #require(game.shapleyShubikIndices())
        #expect(clock.now - started < .seconds(60))
        #expect(banzhaf.isExact && shapley.isExact)
        #expect(abs(banzhaf.values.reduce(0, +) - 1) < 1e-12)
        #expect(abs(shapley.values.reduce(0, +) - 1) < 1e-9)
        for player in votes.indices {
            #expect(abs(banzhaf.values[player] - banzhaf.values[player % 5]) < 1e-15)
            #expect(abs(shapley.values[player] - shapley.values[player % 5]) < 1e-12)
        }
        // More votes, more power (not less).
        #expect(banzhaf.values[4] >= banzhaf.values[0])
        var sampling = WeightedVotingGame.Budget(cells: 0, work: 0, samples: 100_000, seed: 3)
        sampling.seed = 3
        let sampledB = try #require(game.banzhafIndices(budget: sampling))
        let sampledS = try #require(game.shapleyShubikIndices(budget: sampling))
        #expect(!sampledB.isExact && sampledB.samples == 100_000)
        for player in 0..<5 {
            #expect(abs(sampledB.values[player] - banzhaf.values[player]) < 5 * sampledB.standardError + 1e-6)
            #expect(abs(sampledS.values[player] - shapley.values[player]) < 5 * sampledS.standardError + 1e-6)
        }
    }

    /// Where no exact method fits the budget, the answer is sampled, says so, and is close
    /// to the exact one: the UN Security Council, and a board of 60 with distinct votes
    /// near 10⁹, which finishes instead of allocating.
    @Test func outOfBudgetGamesAreSampledWithAStatedError() throws {
        let council = WeightedVotingGame(votes: [7, 7, 7, 7, 7] + Array(repeating: 1, count: 10), quota: 39)
        let budget = WeightedVotingGame.Budget(cells: 0, work: 0, samples: 200_000, seed: 11)
        let exact = try #require(council.shapleyShubik())
        let sampled = try #require(council.shapleyShubikIndices(budget: budget))
        #expect(!sampled.isExact)
        #expect(sampled.standardError > 0 && sampled.standardError <= 0.5 / (200_000.0).squareRoot())
        for (a, b) in zip(sampled.values, exact) { #expect(abs(a - b) < 5 * sampled.standardError) }
        let exactB = try #require(council.banzhaf())
        let sampledB = try #require(council.banzhafIndices(budget: budget))
        for (a, b) in zip(sampledB.values, exactB) { #expect(abs(a - b) < 5 * sampledB.standardError + 1e-4) }

        var random = SplitMix64(seed: 60)
        let votes = (0..<60).map { _ in 1_000_000_000 + Int(random.next() % 1_000_000) }
        let big = WeightedVotingGame(votes: votes, quota: votes.reduce(0, +) / 2 + 1)
        let small = WeightedVotingGame.Budget(cells: 1 << 16, work: 1 << 22, samples: 20_000, seed: 1)
        let power = try #require(big.shapleyShubikIndices(budget: small))
        #expect(!power.isExact)
        #expect(abs(power.values.reduce(0, +) - 1) < 1e-9)
        let swings = try #require(big.banzhafIndices(budget: small))
        #expect(!swings.isExact)
        #expect(abs(swings.values.reduce(0, +) - 1) < 1e-9)
    }
}
