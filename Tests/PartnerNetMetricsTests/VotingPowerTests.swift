import Foundation
import PartnerNetCore
import PartnerNetMetrics
import TestSupport
import Testing

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
