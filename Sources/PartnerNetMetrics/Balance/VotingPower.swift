import PartnerNetCore

/// A weighted voting game: players with whole-number votes and the quota a coalition needs
/// to carry a decision. A partnership board is one: its members' votes and its quota.
///
/// Players with no votes can never change an outcome; they are left out of the game and
/// score 0 (PyPI `powerindex` miscounts them otherwise).
public struct WeightedVotingGame: Sendable, Hashable {
    /// Votes of each player, 0 or more.
    public let votes: [Int]
    /// Votes needed to win.
    public let quota: Int

    /// - Precondition: votes are 0 or more.
    public init(votes: [Int], quota: Int) {
        precondition(votes.allSatisfy { $0 >= 0 }, "votes must be 0 or more")
        self.votes = votes
        self.quota = quota
    }

    /// Sum of all votes, or `Int.max` when the sum does not fit in an `Int`.
    public var totalVotes: Int {
        var total = 0
        for vote in votes {
            let (sum, overflow) = total.addingReportingOverflow(vote)
            if overflow { return Int.max }
            total = sum
        }
        return total
    }

    /// How much work an exact computation may take before a sampled estimate is used.
    public struct Budget: Sendable, Hashable {
        /// Most counts held in one table (dense cells or sparse entries); a few tables
        /// of 8 to 24 bytes a count are alive at once.
        public var cells: Int
        /// Most elementary steps (a count added to another) of an exact computation.
        public var work: Int
        /// Samples drawn when the exact computation would exceed the budget.
        public var samples: Int
        /// Seed of the sampling.
        public var seed: UInt64

        /// - Precondition: `samples` is 1 or more.
        public init(cells: Int = 1 << 21, work: Int = 1 << 28, samples: Int = 400_000, seed: UInt64 = 0) {
            precondition(samples >= 1, "samples must be 1 or more")
            self.cells = cells
            self.work = work
            self.samples = samples
            self.seed = seed
        }

        /// 2²¹ counts, 2²⁸ steps (about a second), else 400,000 samples with seed 0.
        public static let standard = Budget()
    }

    /// Power indices and how they were obtained.
    public struct Indices: Sendable, Hashable {
        /// One value per player, in the order of ``WeightedVotingGame/votes``.
        public let values: [Double]
        /// `nil` when exact; else the number of Monte Carlo samples drawn.
        public let samples: Int?
        /// The largest standard error of a value (0 when exact).
        public let standardError: Double

        /// Whether the values are exact (up to floating-point rounding).
        public var isExact: Bool { samples == nil }
    }

    /// The normalised Banzhaf index of every player.
    ///
    /// `β_i = η_i / Σ_j η_j`, where `η_i` counts the coalitions S ∌ i that lose without i and
    /// win with it: `q − w_i ≤ w(S) < q`. Matches PyPI `powerindex` `Game.banzhaf`.
    ///
    /// Exact within ``Budget/standard`` (see ``banzhafIndices(budget:)``), else a Monte
    /// Carlo estimate with seed 0 and a standard error of at most about 0.0008 divided by
    /// the sum of the swing probabilities; ``banzhafIndices(budget:)`` says which.
    ///
    /// - Returns: `nil` when no player can swing a decision (the quota is out of reach or
    ///   below 1).
    ///
    /// ## References
    /// Banzhaf, J.F. (1965) Weighted voting doesn't work: a mathematical analysis. Rutgers
    /// Law Review 19:317–343. Algorithm: Brams, S.J. & Affuso, P.J. (1976) Power and size: a
    /// new paradox. Theory and Decision 7:29–56 (generating functions); Matsui, T. & Matsui,
    /// Y. (2000) A survey of algorithms for calculating power indices of weighted majority
    /// games. J. Oper. Res. Soc. Japan 43:71–86.
    public func banzhaf() -> [Double]? { banzhafIndices()?.values }

    /// The Shapley–Shubik index of every player: the share of the n! orders of voting in
    /// which the player's vote is the one that makes the coalition win.
    ///
    /// `φ_i = Σ_{S ∌ i, q − w_i ≤ w(S) < q} |S|! (n − |S| − 1)! / n!` over the n players
    /// with votes. Matches PyPI `powerindex` `Game.shapley_shubik`.
    ///
    /// Exact within ``Budget/standard`` (see ``shapleyShubikIndices(budget:)``), else a
    /// Monte Carlo estimate with seed 0 and a standard error of at most 0.0008;
    /// ``shapleyShubikIndices(budget:)`` says which.
    ///
    /// - Returns: `nil` when no coalition wins or the quota is below 1.
    ///
    /// ## References
    /// Shapley, L.S. & Shubik, M. (1954) A method for evaluating the distribution of power in
    /// a committee system. APSR 48(3):787–792 (doi:10.2307/1951053). Algorithm: Mann, I. &
    /// Shapley, L.S. (1962) Values of large games VI, RAND RM-2651 (generating functions).
    public func shapleyShubik() -> [Double]? { shapleyShubikIndices()?.values }

    /// The normalised Banzhaf index (see ``banzhaf()``), exact when `budget` allows.
    ///
    /// Method. The game is first reduced without changing who wins: players with no
    /// votes are left out, votes above the quota q are cut to q, and every vote and the
    /// quota are divided by the greatest common divisor g of the votes (the quota rounded
    /// up: `w(S) ≥ q ⇔ w(S)/g ≥ ⌈q/g⌉`). Then, for every distinct number of votes w, the
    /// coalitions of the other players are counted by their vote total below the quota
    /// (generating functions), by divide and conquer over the k distinct numbers of votes
    /// so that counts are only ever added (no subtraction, so no cancellation):
    /// - **dense**, an array indexed by total, when q × n and the work n q ⌈log₂ 2k⌉ fit
    ///   in `budget` (after the reduction q is small for any realistic board);
    /// - else **sparse**: only the D distinct totals that coalitions reach, kept sorted
    ///   and merged, when D and the work n D ⌈log₂ 2k⌉ fit in `budget`. D ≤ min(q, 2ⁿ,
    ///   Π(m_j + 1)) for m_j players with the j-th distinct number of votes, so one member
    ///   with 10¹⁰ votes, or fifty with a few distinct numbers of votes near 10⁵, is cheap;
    /// - else **Monte Carlo**: `budget.samples` coalitions drawn uniformly with
    ///   `budget.seed`; `η_i / 2ⁿ⁻¹` is estimated by the share of samples in which i
    ///   swings, and the standard error of `β_i` given is `√(p_i(1 − p_i)/N) / Σ_j p_j`
    ///   (the variance of the sum neglected).
    ///
    /// - Returns: `nil` when no player can swing a decision.
    /// - Complexity: exact: O(n · min(q n, D) · log k) time and O(min(q n, D) log k)
    ///   space, within `budget.work` and `budget.cells`; sampled: O(N n) time, O(n) space.
    public func banzhafIndices(budget: Budget = .standard) -> Indices? {
        guard let game = reduced() else { return nil }
        var swings: [Double]
        var samples: Int?
        var error = 0.0
        if let exact = game.exactPower(bySize: false, budget: budget) {
            swings = exact
        } else {
            let (estimate, deviations) = game.sampledSwings(budget: budget)
            swings = estimate
            let sum = swings.reduce(0, +)
            error = sum > 0 ? (deviations.max() ?? 0) / sum : 0
            samples = budget.samples
        }
        let sum = swings.reduce(0, +)
        guard sum > 0 else { return nil }
        swings = swings.map { $0 / sum }
        return Indices(values: game.spread(swings, count: votes.count), samples: samples, standardError: error)
    }

    /// The Shapley–Shubik index (see ``shapleyShubik()``), exact when `budget` allows.
    ///
    /// Method: as ``banzhafIndices(budget:)``, the counts kept by coalition size as well
    /// as total (dense: n rows of q totals; sparse: the distinct (total, size) pairs, D of
    /// them, which for near-equal votes is hardly more than the distinct totals); else
    /// `budget.samples` orders of the players drawn uniformly, `φ_i` estimated by the
    /// share in which i is pivotal, with standard error `√(φ_i(1 − φ_i)/N) ≤ 0.5/√N`.
    ///
    /// - Returns: `nil` when no coalition wins or the quota is below 1.
    /// - Complexity: exact: O(n · min(q n², D) · log k) time and O(min(q n², D) log k)
    ///   space within `budget`; sampled: O(N n) time, O(n) space.
    public func shapleyShubikIndices(budget: Budget = .standard) -> Indices? {
        guard let game = reduced() else { return nil }
        if let exact = game.exactPower(bySize: true, budget: budget) {
            return Indices(values: game.spread(exact, count: votes.count), samples: nil, standardError: 0)
        }
        let (estimate, deviations) = game.sampledPivots(budget: budget)
        return Indices(
            values: game.spread(estimate, count: votes.count), samples: budget.samples,
            standardError: deviations.max() ?? 0)
    }

    /// The same game with the players without votes left out, votes cut to the quota and
    /// everything divided by the votes' greatest common divisor; `nil` when the quota is
    /// below 1 or out of reach.
    func reduced() -> ReducedGame? {
        guard quota >= 1 else { return nil }
        let players = votes.indices.filter { votes[$0] > 0 }
        guard !players.isEmpty else { return nil }
        let capped = players.map { min(votes[$0], quota) }
        var total = 0
        var reachable = false
        for weight in capped {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            if overflow || sum >= quota {
                reachable = true
                break
            }
            total = sum
        }
        guard reachable else { return nil }
        let divisor = capped.reduce(0, greatestCommonDivisor)
        return ReducedGame(
            players: players, weights: capped.map { $0 / divisor }, quota: (quota - 1) / divisor + 1)
    }
}

/// Euclid's greatest common divisor of two numbers ≥ 0.
private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}

/// A weighted voting game reduced to its playing players, votes at most the quota.
struct ReducedGame {
    /// The exact methods.
    enum ExactMethod { case dense, sparse }

    /// Index in the original game of each playing player.
    let players: [Int]
    /// Votes of each playing player, 1 to `quota`.
    let weights: [Int]
    let quota: Int

    /// Values of the playing players spread over all `count` players (0 for the others).
    func spread(_ values: [Double], count: Int) -> [Double] {
        var all = [Double](repeating: 0, count: count)
        for (player, value) in zip(players, values) { all[player] = value }
        return all
    }

    /// Swings (Banzhaf, not normalised) or Shapley–Shubik values of each playing player,
    /// exactly, or `nil` when neither the dense nor the sparse method fits `budget`.
    ///
    /// - Parameter method: `dense` or `sparse` to force one (for tests); `nil` chooses.
    func exactPower(bySize: Bool, budget: WeightedVotingGame.Budget, method: ExactMethod? = nil) -> [Double]? {
        let n = weights.count
        var multiplicity: [Int: Int] = [:]
        for weight in weights { multiplicity[weight, default: 0] += 1 }
        let distinct = multiplicity.keys.sorted()
        let levels = Int.bitWidth - (2 * distinct.count - 1).leadingZeroBitCount  // ⌈log₂ 2k⌉
        let rows = bySize ? n : 1
        let (cells, overflow) = quota.multipliedReportingOverflow(by: rows)
        let (work, overflow2) = cells.multipliedReportingOverflow(by: n * levels)
        var powerByWeight: [Int: Double]?
        let fits = !overflow && !overflow2 && cells <= budget.cells && work <= budget.work
        let dense = method.map { $0 == .dense } ?? fits
        if dense {
            powerByWeight = densePower(bySize: bySize, weights: distinct, multiplicity: multiplicity)
        } else {
            powerByWeight = sparsePower(bySize: bySize, weights: distinct, multiplicity: multiplicity, budget: budget)
        }
        guard let powerByWeight else { return nil }
        return weights.map { powerByWeight[$0] ?? 0 }
    }

    /// The share of the orders of k other players before the pivot: 1 / (n · C(n − 1, k)).
    private var orderShare: [Double] {
        let n = weights.count
        var share = [Double](repeating: 0, count: n)
        var binomial = 1.0
        for k in 0..<n {
            share[k] = 1 / (Double(n) * binomial)
            binomial = binomial * Double(n - 1 - k) / Double(k + 1)
        }
        return share
    }

    /// Power by distinct number of votes with a table of counts for every total below
    /// the quota.
    private func densePower(bySize: Bool, weights: [Int], multiplicity: [Int: Int]) -> [Int: Double] {
        let orderShare = bySize ? self.orderShare : []
        let playing = self.weights.count
        var powerByWeight: [Int: Double] = [:]
        let quota = self.quota
        forEachWeight(bySize: bySize, weights: weights, multiplicity: multiplicity) { weight, counts, width, sizes in
            var power = 0.0
            for size in 0..<(bySize ? min(sizes, playing) : 1) {
                let row = size * width
                var pivots = 0.0
                for total in max(0, quota - weight)..<quota { pivots += counts[row + total] }
                power += bySize ? pivots * orderShare[size] : pivots
            }
            powerByWeight[weight] = power
        }
        return powerByWeight
    }

    /// Power by distinct number of votes counting only the (total, size) pairs that
    /// coalitions below the quota reach, kept sorted; `nil` past `budget`.
    private func sparsePower(
        bySize: Bool, weights: [Int], multiplicity: [Int: Int], budget: WeightedVotingGame.Budget
    ) -> [Int: Double]? {
        /// Coalition counts by (total, size), sorted by total then size; sizes all 0
        /// without `bySize`.
        struct Entries {
            var totals: [Int] = [0]
            var sizes: [Int32] = [0]
            var counts: [Double] = [1]
        }
        let quota = self.quota
        var work = 0
        var exceeded = false

        // Adds one player of `weight`: merges the entries with those shifted by it.
        func add(_ weight: Int, to entries: inout Entries) {
            guard weight < quota, !exceeded else { return }  // alone, such a player wins
            let old = entries
            // Shifted entries stay below the quota: total + weight < quota ⇔ total < quota − weight.
            var shiftedEnd = 0
            while shiftedEnd < old.totals.count && old.totals[shiftedEnd] < quota - weight { shiftedEnd += 1 }
            work += old.totals.count + shiftedEnd
            if work > budget.work || (old.totals.count + shiftedEnd) / 2 > budget.cells {
                exceeded = true
                return
            }
            var merged = Entries(totals: [], sizes: [], counts: [])
            merged.totals.reserveCapacity(old.totals.count + shiftedEnd)
            merged.sizes.reserveCapacity(old.totals.count + shiftedEnd)
            merged.counts.reserveCapacity(old.totals.count + shiftedEnd)
            let step: Int32 = bySize ? 1 : 0
            var (a, b) = (0, 0)
            while a < old.totals.count || b < shiftedEnd {
                let takeA: Bool
                let takeB: Bool
                if b == shiftedEnd {
                    (takeA, takeB) = (true, false)
                } else if a == old.totals.count {
                    (takeA, takeB) = (false, true)
                } else {
                    let keyA = (old.totals[a], old.sizes[a])
                    let keyB = (old.totals[b] + weight, old.sizes[b] + step)
                    (takeA, takeB) = (keyA <= keyB, keyB <= keyA)
                }
                var count = 0.0
                var key = (0, Int32(0))
                if takeA {
                    key = (old.totals[a], old.sizes[a])
                    count += old.counts[a]
                    a += 1
                }
                if takeB {
                    key = (old.totals[b] + weight, old.sizes[b] + step)
                    count += old.counts[b]
                    b += 1
                }
                merged.totals.append(key.0)
                merged.sizes.append(key.1)
                merged.counts.append(count)
            }
            if merged.totals.count > budget.cells {
                exceeded = true
                return
            }
            entries = merged
        }

        let orderShare = bySize ? self.orderShare : []
        var powerByWeight: [Int: Double] = [:]
        func visit(_ weight: Int, _ entries: Entries) {
            // Coalitions with q − w ≤ total < q: the last entries.
            var first = entries.totals.count
            while first > 0 && entries.totals[first - 1] >= quota - weight { first -= 1 }
            var power = 0.0
            for index in first..<entries.totals.count {
                power += bySize ? entries.counts[index] * orderShare[Int(entries.sizes[index])] : entries.counts[index]
            }
            powerByWeight[weight] = power
        }

        func solve(_ range: Range<Int>, _ entries: Entries) {
            guard !exceeded else { return }
            if range.count == 1 {
                let weight = weights[range.lowerBound]
                var entries = entries
                for _ in 1..<multiplicity[weight]! { add(weight, to: &entries) }
                if !exceeded { visit(weight, entries) }
                return
            }
            let middle = (range.lowerBound + range.upperBound) / 2
            for (half, other) in [
                (range.lowerBound..<middle, middle..<range.upperBound),
                (middle..<range.upperBound, range.lowerBound..<middle),
            ] {
                var entries = entries
                for index in other {
                    for _ in 0..<multiplicity[weights[index]]! { add(weights[index], to: &entries) }
                }
                solve(half, entries)
            }
        }
        solve(0..<weights.count, Entries())
        return exceeded ? nil : powerByWeight
    }

    /// Monte Carlo Shapley–Shubik values: the share of `budget.samples` random orders in
    /// which each player is pivotal, and the standard error of each.
    func sampledPivots(budget: WeightedVotingGame.Budget) -> (values: [Double], errors: [Double]) {
        var random = SplitMix64(seed: budget.seed)
        let n = weights.count
        var order = Array(0..<n)
        var pivots = [Double](repeating: 0, count: n)
        for _ in 0..<budget.samples {
            var total = 0
            for position in 0..<n {
                order.swapAt(position, Int.random(in: position..<n, using: &random))
                let player = order[position]
                if weights[player] >= quota - total {
                    pivots[player] += 1
                    break
                }
                total += weights[player]
            }
        }
        return Self.shares(pivots, samples: budget.samples)
    }

    /// Monte Carlo swing probabilities `η_i / 2ⁿ⁻¹`: the share of `budget.samples` random
    /// coalitions S for which S ∖ {i} loses and S ∪ {i} wins, and the standard error of each.
    func sampledSwings(budget: WeightedVotingGame.Budget) -> (values: [Double], errors: [Double]) {
        var random = SplitMix64(seed: budget.seed)
        let n = weights.count
        var member = [Bool](repeating: false, count: n)
        var swings = [Double](repeating: 0, count: n)
        let quota = Int128(self.quota)
        for _ in 0..<budget.samples {
            var total: Int128 = 0
            var bits: UInt64 = 0
            for player in 0..<n {
                if player % 64 == 0 { bits = random.next() }
                member[player] = bits & 1 == 1
                bits >>= 1
                if member[player] { total += Int128(weights[player]) }
            }
            for player in 0..<n {
                let without = member[player] ? total - Int128(weights[player]) : total
                if without < quota && without + Int128(weights[player]) >= quota { swings[player] += 1 }
            }
        }
        return Self.shares(swings, samples: budget.samples)
    }

    /// Counts over `samples` as shares, with the binomial standard error of each.
    private static func shares(_ counts: [Double], samples: Int) -> (values: [Double], errors: [Double]) {
        let n = Double(samples)
        let values = counts.map { $0 / n }
        return (values, values.map { ($0 * (1 - $0) / n).squareRoot() })
    }

    /// Calls `visit(weight, counts, width, sizes)` once for every distinct positive number
    /// of votes, where `counts` holds, for all the players with votes but one holding
    /// `weight`, the number of coalitions reaching each vote total below the quota
    /// (`counts[total]`), or with `bySize` of each size and total (`counts[size * width +
    /// total]`, sizes below `sizes`; larger sizes are empty).
    private func forEachWeight(
        bySize: Bool, weights: [Int], multiplicity: [Int: Int],
        _ visit: (Int, UnsafeBufferPointer<Double>, Int, Int) -> Void
    ) {
        // Totals at or above the quota are never read: cap the table there.
        let width = quota
        let rows = bySize ? self.weights.count : 1

        /// A table of coalition counts over the players added so far (`added` of them),
        /// with the span of totals each size row can be non-zero on (`low > high` when the
        /// row is empty): coalitions of s players lie between the s smallest and the s
        /// largest vote counts, so most of a row is never touched.
        struct Table {
            var counts: [Double]
            var added: Int
            var low: [Int]
            var high: [Int]
        }

        // Adds one player of `weight` to `table`.
        func add(_ weight: Int, to table: inout Table) {
            defer { table.added += 1 }
            guard weight < width else { return }  // such a player alone reaches the quota
            let top = min(table.added + 1, rows - 1)
            table.counts.withUnsafeMutableBufferPointer { counts in
                let base = counts.baseAddress!
                if bySize {
                    // Coalitions of size s gain the player from those of size s − 1; rows are
                    // filled from the top down so that each coalition gains it at most once.
                    for size in stride(from: top, through: 1, by: -1) {
                        let start = table.low[size - 1] + weight
                        let end = min(table.high[size - 1] + weight, width - 1)
                        guard start <= end else { continue }
                        let target = base + size * width
                        let source = base + (size - 1) * width - weight
                        for total in start...end { target[total] += source[total] }
                        table.low[size] = min(table.low[size], start)
                        table.high[size] = max(table.high[size], end)
                    }
                } else {
                    // One row, in place: totals descend so each coalition gains it at most once.
                    let end = min(table.high[0] + weight, width - 1)
                    var total = end
                    while total >= weight {
                        base[total] += base[total - weight]
                        total -= 1
                    }
                    table.high[0] = end
                }
            }
        }

        func solve(_ range: Range<Int>, _ table: Table) {
            if range.count == 1 {
                let weight = weights[range.lowerBound]
                var table = table
                for _ in 1..<multiplicity[weight]! { add(weight, to: &table) }
                table.counts.withUnsafeBufferPointer { visit(weight, $0, width, min(rows, table.added + 1)) }
                return
            }
            let middle = (range.lowerBound + range.upperBound) / 2
            for (half, other) in [
                (range.lowerBound..<middle, middle..<range.upperBound),
                (middle..<range.upperBound, range.lowerBound..<middle),
            ] {
                var table = table
                for index in other {
                    for _ in 0..<multiplicity[weights[index]]! { add(weights[index], to: &table) }
                }
                solve(half, table)
            }
        }
        var empty = Table(
            counts: [Double](repeating: 0, count: rows * width), added: 0,
            low: [Int](repeating: Int.max / 2, count: rows), high: [Int](repeating: -1, count: rows))
        empty.counts[0] = 1
        (empty.low[0], empty.high[0]) = (0, 0)
        solve(0..<weights.count, empty)
    }
}
