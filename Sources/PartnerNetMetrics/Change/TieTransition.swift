import PartnerNetCore

/// The dyad transition table of one relation between two waves: how many pairs of
/// organisations held a tie in both (kept), only in the earlier wave (lost), only in the
/// later one (gained), or in neither.
public struct TieTransition: Sendable, Hashable, Codable {
    /// Pairs tied in both waves (1 → 1).
    public let kept: Int
    /// Pairs tied in the earlier wave only (1 → 0).
    public let lost: Int
    /// Pairs tied in the later wave only (0 → 1).
    public let gained: Int
    /// Pairs tied in neither wave (0 → 0).
    public let absent: Int

    public init(kept: Int, lost: Int, gained: Int, absent: Int) {
        self.kept = kept
        self.lost = lost
        self.gained = gained
        self.absent = absent
    }

    /// Every pair counted: n(n − 1) ordered pairs, or n(n − 1)/2 unordered ones.
    public var pairs: Int { kept + lost + gained + absent }

    /// The Hamming distance between the waves: pairs whose tie changed, lost + gained.
    public var hamming: Int { lost + gained }

    /// Jaccard stability, kept ÷ (kept + lost + gained): the share of the pairs tied in
    /// either wave that are tied in both; `nil` when neither wave has a tie.
    public var jaccard: Double? {
        let union = kept + lost + gained
        return union > 0 ? Double(kept) / Double(union) : nil
    }
}

extension DyadMatrix {
    /// The dyad transition table from this matrix (the earlier wave) to `later`, a pair
    /// tied when its value is above 0.
    ///
    /// Pairs are the ordered pairs (i, j), i ≠ j, with `mode` `.directed`, and each
    /// unordered pair once (i > j) with `.undirected`, when a tie in either direction is
    /// the pair's tie. Hamming distance H = Σ |aᵢⱼ − bᵢⱼ| = lost + gained (Hamming 1950);
    /// Jaccard stability J = N₁₁ / (N₁₁ + N₁₀ + N₀₁) (Jaccard 1912), the measure of
    /// change between panel waves of Snijders, van de Bunt & Steglich (2010), who read
    /// J below 0.3 as a great deal of change. Both matrices index the same organisations.
    ///
    /// - Precondition: `order == later.order`.
    /// - Complexity: O(n²) time, O(1) extra space.
    ///
    /// ## References
    /// Hamming, R.W. (1950) Error detecting and error correcting codes. Bell System
    /// Technical Journal 29(2):147–160 (doi:10.1002/j.1538-7305.1950.tb00463.x);
    /// Jaccard, P. (1912) The distribution of the flora in the alpine zone. New Phytologist
    /// 11(2):37–50 (doi:10.1111/j.1469-8137.1912.tb05611.x);
    /// Snijders, T.A.B., van de Bunt, G.G. & Steglich, C.E.G. (2010) Introduction to
    /// stochastic actor-based models for network dynamics. Social Networks 32(1):44–60
    /// (doi:10.1016/j.socnet.2009.02.004).
    public func transition(to later: DyadMatrix, mode: DyadMode) -> TieTransition {
        precondition(order == later.order, "both waves must index the same organisations")
        let n = order
        var (kept, lost, gained, absent) = (0, 0, 0, 0)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let a: Bool
                let b: Bool
                switch mode {
                case .directed:
                    a = values[i * n + j] > 0
                    b = later.values[i * n + j] > 0
                case .undirected:
                    guard i > j else { continue }
                    a = values[i * n + j] > 0 || values[j * n + i] > 0
                    b = later.values[i * n + j] > 0 || later.values[j * n + i] > 0
                }
                switch (a, b) {
                case (true, true): kept += 1
                case (true, false): lost += 1
                case (false, true): gained += 1
                case (false, false): absent += 1
                }
            }
        }
        return TieTransition(kept: kept, lost: lost, gained: gained, absent: absent)
    }
}
