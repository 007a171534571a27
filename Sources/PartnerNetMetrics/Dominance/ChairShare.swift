import PartnerNetCore

/// Who chairs the partnerships: how many of them the focal set chairs.
public struct ChairShare: Sendable, Hashable {
    /// Partnerships with at least one chair that belongs to the focal set.
    public let chairedByFocal: Int
    /// Partnerships with a chair recorded (role `chair` in `memberships.csv`).
    public let chaired: Int
    /// All partnerships, chaired or not.
    public let partnerships: Int

    /// `chair_share`: chairedByFocal / chaired; `nil` when no partnership has a chair.
    public var share: Double? { chaired == 0 ? nil : Double(chairedByFocal) / Double(chaired) }
}

extension Area {
    /// The share of partnerships whose chair belongs to the focal organisations.
    ///
    /// `chair_share = |{p : some chair of p is in F}| / |{p : p has a chair}|`. A
    /// partnership with co-chairs counts once, as the focal set's when any of its chairs is
    /// a member; a partnership with no chair recorded is left out of the denominator (it is
    /// unknown who chairs it, not chaired by someone else). A plain formula (Docs/METRICS.md).
    ///
    /// - Parameter focal: organisation ids of the focal set.
    /// - Complexity: O(P + S) for P partnerships and S memberships.
    public func chairShare(focal: Set<String>) -> ChairShare {
        var chairs: [String: Bool] = [:]
        for seat in memberships where seat.role == .chair {
            chairs[seat.partnership] = (chairs[seat.partnership] ?? false) || focal.contains(seat.organisation)
        }
        let known = Set(partnerships.map(\.id))
        let chaired = chairs.filter { known.contains($0.key) }
        return ChairShare(
            chairedByFocal: chaired.values.filter { $0 }.count, chaired: chaired.count, partnerships: partnerships.count
        )
    }
}
