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

    /// Sum of all votes.
    public var totalVotes: Int { votes.reduce(0, +) }

    /// The normalised Banzhaf index of every player.
    ///
    /// `β_i = η_i / Σ_j η_j`, where `η_i` counts the coalitions S ∌ i that lose without i and
    /// win with it: `q − w_i ≤ w(S) < q`. Matches PyPI `powerindex` `Game.banzhaf`.
    ///
    /// Computed exactly by dynamic programming over vote totals (generating functions),
    /// never by enumerating coalitions or sampling: the number of coalitions of the other
    /// players reaching each total, once for each distinct number of votes (players with
    /// equal votes have equal power), by divide and conquer over those k vote sizes so that
    /// counts are only ever added (no subtraction, so no cancellation in floating point).
    ///
    /// - Returns: `nil` when no player can swing a decision (the quota is out of reach or
    ///   below 1).
    /// - Complexity: O(n q log k) time and O(q log k) space for n players with k distinct
    ///   numbers of votes and quota q; a board of 200 members takes well under a millisecond.
    ///
    /// ## References
    /// Banzhaf, J.F. (1965) Weighted voting doesn't work: a mathematical analysis. Rutgers
    /// Law Review 19:317–343. Algorithm: Brams, S.J. & Affuso, P.J. (1976) Power and size: a
    /// new paradox. Theory and Decision 7:29–56 (generating functions); Matsui, T. & Matsui,
    /// Y. (2000) A survey of algorithms for calculating power indices of weighted majority
    /// games. J. Oper. Res. Soc. Japan 43:71–86.
    public func banzhaf() -> [Double]? {
        var swingsByWeight: [Int: Double] = [:]
        forEachWeight(bySize: false) { weight, counts, _, _ in
            var swings = 0.0
            for total in max(0, quota - weight)..<quota { swings += counts[total] }
            swingsByWeight[weight] = swings
        }
        let swings = votes.map { $0 > 0 ? swingsByWeight[$0] ?? 0 : 0 }
        let sum = swings.reduce(0, +)
        guard sum > 0 else { return nil }
        return swings.map { $0 / sum }
    }

    /// The Shapley–Shubik index of every player: the share of the n! orders of voting in
    /// which the player's vote is the one that makes the coalition win.
    ///
    /// `φ_i = Σ_{S ∌ i, q − w_i ≤ w(S) < q} |S|! (n − |S| − 1)! / n!` over the n players
    /// with votes. Matches PyPI `powerindex` `Game.shapley_shubik`.
    ///
    /// Computed exactly by dynamic programming over coalition size and vote total, once for
    /// each distinct number of votes, by divide and conquer over them (additions only).
    ///
    /// - Returns: `nil` when no coalition wins or the quota is below 1.
    /// - Complexity: O(n² q log k) time and O(n q log k) space for n players with k
    ///   distinct numbers of votes and quota q; a board of 200 members with 1 to 10 votes
    ///   each takes a few tens of milliseconds.
    ///
    /// ## References
    /// Shapley, L.S. & Shubik, M. (1954) A method for evaluating the distribution of power in
    /// a committee system. APSR 48(3):787–792 (doi:10.2307/1951053). Algorithm: Mann, I. &
    /// Shapley, L.S. (1962) Values of large games VI, RAND RM-2651 (generating functions).
    public func shapleyShubik() -> [Double]? {
        let playing = votes.filter { $0 > 0 }.count
        guard quota >= 1, quota <= totalVotes, playing > 0 else { return nil }
        // 1 / (n · C(n − 1, k)) = k! (n − k − 1)! / n!, for coalitions of k other players.
        var orderShare = [Double](repeating: 0, count: playing)
        var binomial = 1.0
        for k in 0..<playing {
            orderShare[k] = 1 / (Double(playing) * binomial)
            binomial = binomial * Double(playing - 1 - k) / Double(k + 1)
        }
        var powerByWeight: [Int: Double] = [:]
        forEachWeight(bySize: true) { weight, counts, width, sizes in
            var power = 0.0
            for size in 0..<min(sizes, playing) {
                let row = size * width
                var pivots = 0.0
                for total in max(0, quota - weight)..<quota { pivots += counts[row + total] }
                power += pivots * orderShare[size]
            }
            powerByWeight[weight] = power
        }
        return votes.map { $0 > 0 ? powerByWeight[$0] ?? 0 : 0 }
    }

    /// Calls `visit(weight, counts, width, sizes)` once for every distinct positive number
    /// of votes, where `counts` holds, for all the players with votes but one holding
    /// `weight`, the number of coalitions reaching each vote total below the quota
    /// (`counts[total]`), or with `bySize` of each size and total (`counts[size * width +
    /// total]`, sizes below `sizes`; larger sizes are empty).
    private func forEachWeight(bySize: Bool, _ visit: (Int, UnsafeBufferPointer<Double>, Int, Int) -> Void) {
        let playing = votes.filter { $0 > 0 }
        guard quota >= 1, quota <= totalVotes, !playing.isEmpty else { return }
        // Distinct vote sizes and how many players hold each.
        var multiplicity: [Int: Int] = [:]
        for weight in playing { multiplicity[weight, default: 0] += 1 }
        let weights = multiplicity.keys.sorted()
        // Totals at or above the quota are never read: cap the table there.
        let width = quota
        let rows = bySize ? playing.count : 1

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
