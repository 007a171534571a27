import Foundation

/// How far two partitions of the same items agree: normalised mutual information and the
/// adjusted Rand index. Communities that follow sector lines agree with the sectors.
public struct PartitionAgreement: Sendable, Hashable {
    /// Normalised mutual information, `NMI = 2 I(A; B) / (H(A) + H(B))`, from 0 (independent)
    /// to 1 (the same partition).
    ///
    /// With nᵢⱼ the items in block i of A and block j of B, aᵢ and bⱼ the block sizes and n
    /// the items: `H(A) = −Σᵢ (aᵢ/n) ln(aᵢ/n)`, `I(A; B) = Σᵢⱼ (nᵢⱼ/n) ln(n nᵢⱼ / (aᵢ bⱼ))`
    /// (the base of the logarithm cancels). 1 when both partitions are a single block, 0
    /// when exactly one is. Matches igraph `compare_communities(a, b, method="nmi")` and
    /// scikit-learn `normalized_mutual_info_score(a, b, average_method="arithmetic")`.
    /// `nil` for fewer than two items.
    public let normalizedMutualInformation: Double?

    /// Hubert & Arabie's adjusted Rand index: agreement over pairs of items, 0 at chance
    /// (negative below it) and 1 for the same partition.
    ///
    /// `ARI = (Σᵢⱼ C(nᵢⱼ, 2) − S_A S_B / C(n, 2)) / ((S_A + S_B) / 2 − S_A S_B / C(n, 2))`,
    /// S_A = Σᵢ C(aᵢ, 2) and S_B = Σⱼ C(bⱼ, 2). Matches igraph `compare_communities(a, b,
    /// method="adjusted_rand")`, and scikit-learn `adjusted_rand_score` wherever igraph gives
    /// a number. `nil` for fewer than two items, and where the denominator is 0: both
    /// partitions a single block, or both all singletons (igraph gives NaN; scikit-learn 1).
    public let adjustedRandIndex: Double?

    /// The agreement of two labellings of the same items (any integers: only equality
    /// matters; the order of the two does not).
    ///
    /// - Precondition: `a` and `b` have the same length.
    /// - Complexity: O(n) expected time (a hash table of the nonzero cells of the table of
    ///   counts), O(n) space.
    ///
    /// ## References
    /// NMI: Danon, L., Díaz-Guilera, A., Duch, J. & Arenas, A. (2005) Comparing community
    /// structure identification. J. Stat. Mech. P09008 (doi:10.1088/1742-5468/2005/09/P09008).
    /// ARI: Hubert, L. & Arabie, P. (1985) Comparing partitions. Journal of Classification
    /// 2:193–218 (doi:10.1007/BF01908075).
    public init(_ a: [Int], _ b: [Int]) {
        precondition(a.count == b.count, "the two partitions must label the same items")
        let n = a.count
        guard n >= 2 else {
            normalizedMutualInformation = nil
            adjustedRandIndex = nil
            return
        }
        let (blocksA, countA) = Self.compacted(a)
        let (blocksB, countB) = Self.compacted(b)
        var sizesA = [Int](repeating: 0, count: countA)
        var sizesB = [Int](repeating: 0, count: countB)
        var cells: [Int: Int] = [:]
        for item in 0..<n {
            sizesA[blocksA[item]] += 1
            sizesB[blocksB[item]] += 1
            cells[blocksA[item] * countB + blocksB[item], default: 0] += 1
        }
        // Cells in a fixed order, so that sums do not depend on the hash table's order.
        let table = cells.sorted { $0.key < $1.key }

        let total = Double(n)
        func entropy(_ sizes: [Int]) -> Double {
            sizes.reduce(0.0) { sum, size in
                let p = Double(size) / total
                return sum - p * log(p)
            }
        }
        let entropyA = entropy(sizesA)
        let entropyB = entropy(sizesB)
        if countA == 1 && countB == 1 {
            normalizedMutualInformation = 1
        } else {
            var mutual = 0.0
            for (key, count) in table {
                let (i, j) = key.quotientAndRemainder(dividingBy: countB)
                let p = Double(count) / total
                mutual += p * log(total * Double(count) / (Double(sizesA[i]) * Double(sizesB[j])))
            }
            // Rounding can leave I a hair above min(H(A), H(B)) or below 0.
            normalizedMutualInformation = min(1, max(0, 2 * mutual / (entropyA + entropyB)))
        }

        func pairs(_ k: Int) -> Int { k * (k - 1) / 2 }
        let allPairs = pairs(n)
        let pairsA = sizesA.reduce(0) { $0 + pairs($1) }
        let pairsB = sizesB.reduce(0) { $0 + pairs($1) }
        let pairsBoth = table.reduce(0) { $0 + pairs($1.value) }
        if (pairsA == 0 && pairsB == 0) || (pairsA == allPairs && pairsB == allPairs) {
            adjustedRandIndex = nil
        } else {
            let expected = Double(pairsA) * Double(pairsB) / Double(allPairs)
            let maximum = Double(pairsA + pairsB) / 2
            adjustedRandIndex = (Double(pairsBoth) - expected) / (maximum - expected)
        }
    }

    /// The agreement of two partitions of the same nodes.
    public init(_ a: Partition, _ b: Partition) {
        self.init(a.blocks, b.blocks)
    }

    /// Labels renamed `0..<count` in order of first appearance.
    static func compacted(_ labels: [Int]) -> (blocks: [Int], count: Int) {
        var names: [Int: Int] = [:]
        let blocks = labels.map { label in
            if let name = names[label] { return name }
            names[label] = names.count
            return names.count - 1
        }
        return (blocks, names.count)
    }
}
