import PartnerNetCore

/// How much of one node measure M the focal set F holds: its share, the best rank of a
/// member and how far its strongest member outscores the strongest outsider.
public struct FocalShare: Sendable, Hashable {
    /// `focal_share[M]`: Σ_{v∈F} M(v) / Σ_v M(v); `nil` when Σ_v M(v) = 0.
    public let share: Double?
    /// `focal_top_rank[M]`: the best rank of any member of F, competition ranking (ties
    /// share the better rank: 1, 2, 2, 4); `nil` when F is empty.
    public let topRank: Int?
    /// `focal_dominance_ratio[M]`: max_{v∈F} M(v) / max_{v∉F} M(v); `nil` when every node
    /// is in F or the strongest outsider scores 0.
    public let dominanceRatio: Double?
}

extension FocalSet {
    /// The focal set's share of `scores` (one per node), its top rank and its dominance ratio.
    ///
    /// `focal_share[M] = Σ_{v∈F} M(v) / Σ_v M(v)`; `focal_top_rank[M] = 1 + |{u : M(u) >
    /// max_{v∈F} M(v)}|`, two scores within 1e-9 relative counting as tied (Docs/METRICS.md), so a
    /// member tied with the leader ranks 1; `focal_dominance_ratio[M] = max_{v∈F} M(v) /
    /// max_{v∉F} M(v)`. All three are plain formulas (Docs/METRICS.md, "Dominance and balance of
    /// power"); a negative Bonacich power makes the share and the ratio formal quantities,
    /// reported as computed.
    ///
    /// - Precondition: one score per node of the set's graph.
    /// - Complexity: O(n).
    public func share(of scores: [Double]) -> FocalShare {
        precondition(scores.count == isMember.count, "one score per node")
        var total = 0.0
        var inside = 0.0
        var bestInside = -Double.infinity
        var bestOutside = -Double.infinity
        for (node, score) in scores.enumerated() {
            total += score
            if isMember[node] {
                inside += score
                bestInside = max(bestInside, score)
            } else {
                bestOutside = max(bestOutside, score)
            }
        }
        let topRank: Int? =
            members.isEmpty
            ? nil : 1 + scores.filter { $0 > bestInside && !scoresTie($0, bestInside) }.count
        let ratio: Double? =
            members.isEmpty || members.count == scores.count || bestOutside == 0 ? nil : bestInside / bestOutside
        return FocalShare(share: total == 0 ? nil : inside / total, topRank: topRank, dominanceRatio: ratio)
    }
}

/// Whether two scores count as tied: within 1e-9 relative (Docs/METRICS.md, "Ties between
/// floating-point scores").
@inline(__always)
func scoresTie(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
}
