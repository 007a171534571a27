import PartnerNetCore

/// Each sector's seats and voting power on one partnership, tested against random sets of
/// organisations of the sector's size (see ``PartnerNetCore/Area/boardShareTests(samples:seed:)``).
public struct BoardShareTests: Sendable, Hashable {
    /// The partnership's id.
    public let partnership: String
    /// Per sector (``PartnerNetCore/Area/sectors`` order): its share of the board's seats
    /// (membership rows, observers included) against random sets of the area's organisations.
    public let seats: [SetShareTest]
    /// Per sector: its share of the normalised Banzhaf power against random sets of the
    /// board's members; every total 0 (p-values `nil`) when no member can swing a decision.
    public let banzhaf: [SetShareTest]
    /// Per sector: its share of the Shapley–Shubik power, as ``banzhaf``.
    public let shapleyShubik: [SetShareTest]
}

extension Area {
    /// Every sector's share of the chairs, tested against random sets of seated
    /// organisations of the sector's size, in both directions.
    ///
    /// A sector's amount is `chair_share`'s count for its organisations: the partnerships
    /// with a chair recorded at least one of whose chairs is in the sector (a co-chaired
    /// partnership counts once for a set holding any of its chairs, as in
    /// ``chairShare(focal:)``); the total is the number of partnerships with a chair. The
    /// null draws sets of |S| organisations, |S| being the sector's organisations holding
    /// a seat, from the organisations holding any seat on any partnership (observers
    /// included). Only a seated organisation can chair: drawing from every organisation
    /// would make each sector look short of chairs in proportion to its organisations
    /// without a seat, testing its presence on the partnerships (which the seat tests of
    /// ``boardShareTests(samples:seed:)`` measure) rather than its hold on the chairs.
    /// A sector with no seat has |S| = 0 and p-values 1; one chairing nothing has
    /// ``SetShareTest/holdsNone``.
    ///
    /// p-values as ``PartnerNetMetrics/FocalSet/sectorShareTests(scores:sectors:samples:seed:)``:
    /// exact over every subset when there are at most `samples`, else (k + 1)/(N + 1)
    /// from N seeded draws (64 fixed blocks, independent of the number of cores).
    ///
    /// - Returns: one test per sector, in ``sectors`` order; every total 0 (p-values `nil`)
    ///   when no partnership has a chair.
    /// - Precondition: `samples ≥ 1`.
    /// - Complexity: O(N·(s + c)) time over all cores for N samples, s seated organisations
    ///   and c chairs, per distinct sector size; O(s + P) space per core for P partnerships.
    ///
    /// ## References
    /// Phipson & Smyth 2010 (doi:10.2202/1544-6115.1585).
    public func chairShareTests(samples: Int = 1_000, seed: UInt64 = 1) -> [SetShareTest] {
        let known = Set(partnerships.map(\.id))
        let seats = memberships.filter { known.contains($0.partnership) }
        let seated = Set(seats.map(\.organisation))
        let eligible = organisations.map(\.id).filter { seated.contains($0) }.uniqued()
        let position = Dictionary(eligible.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var chairs: [String: [Int]] = [:]
        var order: [String] = []
        for seat in seats where seat.role == .chair {
            guard let holder = position[seat.organisation] else { continue }
            if chairs[seat.partnership] == nil { order.append(seat.partnership) }
            chairs[seat.partnership, default: []].append(holder)
        }
        var ledger = RandomSetShare.Ledger()
        for partnership in order { ledger.append(1, heldBy: chairs[partnership]!) }
        return sectorTests(eligible: eligible, position: position, ledgers: [ledger], samples: samples, seed: seed)
            .map { $0[0] }
    }

    /// Every sector's share of the seats, the Banzhaf power and the Shapley–Shubik power on
    /// each partnership, tested against random sets of the sector's size in both directions.
    ///
    /// Seats of P: a sector's membership rows on P (observers included) over all rows;
    /// random sets of |S| organisations, |S| the sector's organisations, drawn from all the
    /// area's organisations, since any organisation could have been given a seat. Power on
    /// P: the game of ``WeightedVotingGame`` over P's seats in `memberships.csv` order (their
    /// votes, P's quota or a strict majority), a sector's power the sum over its seats;
    /// random sets drawn from P's members (every organisation with a seat on P, observers
    /// included), |S| being the sector's members: given who sits on the board, does the
    /// sector hold more (or less) power than as many of its members chosen blindly? Seats
    /// answer whether it sits there at all.
    ///
    /// `share = amount / total`, p-values as ``chairShareTests(samples:seed:)``. A
    /// partnership without seats has every total 0.
    ///
    /// - Returns: one entry per partnership in table order, each with one test per sector
    ///   in ``sectors`` order.
    /// - Precondition: `samples ≥ 1`.
    /// - Complexity: per partnership with k seats: the power indices' own cost
    ///   (``WeightedVotingGame/shapleyShubik()``), then O(N·n) time over all cores per
    ///   distinct sector size for N samples and n organisations.
    ///
    /// ## References
    /// Banzhaf 1965; Shapley & Shubik 1954 (doi:10.2307/1951053); Phipson & Smyth 2010
    /// (doi:10.2202/1544-6115.1585).
    public func boardShareTests(samples: Int = 1_000, seed: UInt64 = 1) -> [BoardShareTests] {
        let everyone = organisations.map(\.id).uniqued()
        let everyPosition = Dictionary(everyone.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let seatsOf = Dictionary(grouping: memberships, by: \.partnership)
        return partnerships.map { partnership in
            let seats = (seatsOf[partnership.id] ?? []).filter { everyPosition[$0.organisation] != nil }
            var seatLedger = RandomSetShare.Ledger()
            for seat in seats { seatLedger.append(1, heldBy: [everyPosition[seat.organisation]!]) }
            let seatTests = sectorTests(
                eligible: everyone, position: everyPosition, ledgers: [seatLedger], samples: samples, seed: seed)

            let onBoard = Set(seats.map(\.organisation))
            let members = everyone.filter { onBoard.contains($0) }
            let position = Dictionary(members.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let votes = seats.map(\.votes)
            let game = WeightedVotingGame(
                votes: votes, quota: partnership.effectiveQuota(totalVotes: votes.reduce(0, +)))
            let ledgers = [game.banzhaf(), game.shapleyShubik()].map { power -> RandomSetShare.Ledger in
                var ledger = RandomSetShare.Ledger()
                for (seat, value) in zip(seats, power ?? [Double](repeating: 0, count: seats.count)) {
                    ledger.append(value, heldBy: [position[seat.organisation]!])
                }
                return ledger
            }
            let powerTests = sectorTests(
                eligible: members, position: position, ledgers: ledgers, samples: samples, seed: seed)
            return BoardShareTests(
                partnership: partnership.id, seats: seatTests.map { $0[0] }, banzhaf: powerTests.map { $0[0] },
                shapleyShubik: powerTests.map { $0[1] })
        }
    }

    /// Each sector (``sectors`` order) tested on each ledger over the `eligible`
    /// organisations, its group being its eligible organisations.
    private func sectorTests(
        eligible: [String], position: [String: Int], ledgers: [RandomSetShare.Ledger], samples: Int, seed: UInt64
    ) -> [[SetShareTest]] {
        var groups: [String: [Int]] = [:]
        var placed = Set<Int>()
        for organisation in organisations {
            if let place = position[organisation.id], placed.insert(place).inserted {
                groups[organisation.sector, default: []].append(place)
            }
        }
        let sectors = self.sectors
        let members = sectors.map { (groups[$0] ?? []).sorted() }
        let outcomes = RandomSetShare.test(
            eligible: eligible.count, ledgers: ledgers, groups: members, samples: samples, seed: seed, exact: true)
        return zip(sectors, zip(members, outcomes)).map { sector, entry in
            entry.1.map { SetShareTest(group: sector, $0, setSize: entry.0.count, eligible: eligible.count) }
        }
    }
}

extension Array where Element == String {
    /// The strings in order, each once.
    fileprivate func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
