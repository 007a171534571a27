import Foundation

/// How evenly a quantity (a measure of power: degree, betweenness, votes…) is spread across
/// organisations or sectors. Values must be 0 or more.
public enum Inequality {
    /// The Gini coefficient: 0 when everyone holds the same, (n − 1)/n when one holds all.
    ///
    /// `G = Σᵢ (2i − n − 1) xᵢ / (n Σ x)` over the values sorted ascending, i = 1…n
    /// (Docs/METRICS.md `gini[M]`; the population form, without the n/(n − 1) correction).
    ///
    /// - Returns: `nil` when there are no values or they sum to 0.
    /// - Complexity: O(n log n) for the sort.
    ///
    /// ## References
    /// Gini, C. (1912) *Variabilità e mutabilità*. Formula: Dorfman, R. (1979) A formula for
    /// the Gini coefficient. Rev. Econ. Stat. 61(1):146–149 (doi:10.2307/1924845).
    public static func gini(_ values: [Double]) -> Double? {
        precondition(values.allSatisfy { $0 >= 0 }, "Gini needs values of 0 or more")
        let n = Double(values.count)
        let total = values.reduce(0, +)
        guard n > 0, total > 0 else { return nil }
        var weighted = 0.0
        for (index, value) in values.sorted().enumerated() {
            weighted += (2 * Double(index + 1) - n - 1) * value
        }
        return weighted / (n * total)
    }

    /// The Herfindahl–Hirschman index: the sum of squared shares, from 1/n (even) to 1 (one
    /// holds all).
    ///
    /// `HHI = Σᵢ sᵢ²`, `sᵢ = xᵢ / Σ x` (Docs/METRICS.md `hhi[M]`).
    ///
    /// - Returns: `nil` when there are no values or they sum to 0.
    /// - Complexity: O(n).
    ///
    /// ## References
    /// Hirschman, A.O. (1964) The paternity of an index. AER 54(5):761
    /// (doi:10.2307/1818582); Herfindahl, O.C. (1950) *Concentration in the steel industry*.
    public static func herfindahl(_ values: [Double]) -> Double? {
        let total = values.reduce(0, +)
        guard !values.isEmpty, total > 0 else { return nil }
        return values.reduce(0) { $0 + ($1 / total) * ($1 / total) }
    }

    /// The Herfindahl–Hirschman index rescaled to 0 (even) … 1 (one holds all).
    ///
    /// `(HHI − 1/n) / (1 − 1/n)` (Docs/METRICS.md `hhi_normalized[M]`).
    ///
    /// - Returns: `nil` when the index is undefined or there is only one value.
    /// - Complexity: O(n).
    public static func normalizedHerfindahl(_ values: [Double]) -> Double? {
        guard values.count > 1, let index = herfindahl(values) else { return nil }
        let n = Double(values.count)
        return (index - 1 / n) / (1 - 1 / n)
    }

    /// Each group's share of the total, in order of first appearance of the groups.
    ///
    /// `share(S) = Σ_{v∈S} x_v / Σ_v x_v` (Docs/METRICS.md `sector_share[M,S]`).
    ///
    /// - Returns: `nil` shares when the values sum to 0.
    /// - Complexity: O(n).
    public static func shares(_ values: [Double], groups: [String]) -> [(group: String, share: Double?)] {
        precondition(values.count == groups.count, "one group per value")
        let total = values.reduce(0, +)
        var sums: [String: Double] = [:]
        var order: [String] = []
        for (value, group) in zip(values, groups) {
            if sums[group] == nil { order.append(group) }
            sums[group, default: 0] += value
        }
        return order.map { ($0, total > 0 ? sums[$0]! / total : nil) }
    }

    /// Each group's share of the total divided by its share of the members: above 1 a
    /// group holds more than its seats would give it.
    ///
    /// `ρ(S) = share(S) / (|S| / n)` (Docs/METRICS.md `representation_ratio[M,S]`).
    ///
    /// - Complexity: O(n).
    public static func representationRatios(_ values: [Double], groups: [String]) -> [(group: String, ratio: Double?)] {
        let n = Double(groups.count)
        var sizes: [String: Int] = [:]
        for group in groups { sizes[group, default: 0] += 1 }
        return shares(values, groups: groups).map { entry in
            (entry.group, entry.share.map { $0 / (Double(sizes[entry.group]!) / n) })
        }
    }

    /// Evenness of the groups' shares: Shannon entropy over its maximum, 1 when every group
    /// holds the same share, 0 when one holds all.
    ///
    /// `J = −Σ_S p_S ln p_S / ln k` over the k groups (0 ln 0 = 0) (Docs/METRICS.md
    /// `sector_evenness[M]`; Pielou's evenness).
    ///
    /// - Returns: `nil` when there are fewer than two groups or the values sum to 0.
    /// - Complexity: O(n).
    ///
    /// ## References
    /// Shannon, C.E. (1948) A mathematical theory of communication. Bell Syst. Tech. J.
    /// 27:379–423; Pielou, E.C. (1966) The measurement of diversity in different types of
    /// biological collections. J. Theor. Biol. 13:131–144 (doi:10.1016/0022-5193(66)90013-0).
    public static func evenness(_ values: [Double], groups: [String]) -> Double? {
        let groupShares = shares(values, groups: groups)
        guard groupShares.count > 1, groupShares.allSatisfy({ $0.share != nil }) else { return nil }
        let entropy = groupShares.reduce(0.0) { sum, entry in
            let p = entry.share!
            return p > 0 ? sum - p * log(p) : sum
        }
        return entropy / log(Double(groupShares.count))
    }
}
