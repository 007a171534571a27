import PartnerNetCore

/// The QAP correlation of two dyadic variables: their Pearson correlation over pairs,
/// tested by relabelling the organisations of one of them.
public struct QAPCorrelation: Sendable, Hashable {
    /// Pearson's r over the pairs used (`sna::gcor`).
    public let correlation: Double
    /// Pairs used: n(n − 1) directed, n(n − 1)/2 undirected, less the unknown ones.
    public let pairs: Int
    /// Pairs left out because either value is unknown there.
    public let unknownPairs: Int
    public let mode: DyadMode
    /// Relabellings drawn (0: no test).
    public let permutations: Int
    public let seed: UInt64
    /// Both tails and the two-sided |r| test; `nil` without permutations.
    public let pValues: PermutationPValues?
    /// The mean and standard deviation of r over the relabellings; `nil` without permutations.
    public let nullMean: Double?
    public let nullStandardDeviation: Double?
}

extension DyadMatrix {
    /// Krackhardt's QAP correlation test: Pearson's r between this matrix and `other` over
    /// the pairs of distinct organisations, and where it falls among the correlations of
    /// `permutations` relabellings of this matrix (rows and columns permuted together,
    /// which keeps each variable's structure and breaks only their alignment).
    ///
    /// `r = Σ (aᵢⱼ − ā)(bᵢⱼ − b̄) / √(Σ (aᵢⱼ − ā)² Σ (bᵢⱼ − b̄)²)` over i ≠ j, each unordered
    /// pair once (i > j) when both matrices are symmetric (`sna::gcor` with `mode = "graph"`;
    /// otherwise `mode = "digraph"`); the diagonal is left out (`diag = FALSE`). The test is
    /// `sna::qaptest(list(a, b), gcor, g1 = 1, g2 = 2)`; p-values are (k + 1)/(N + 1) where
    /// sna reports k/N, and |r| is tested as well as both tails. Pairs where either value is
    /// unknown (NaN) are left out, as `gcor` does with `NA` cells; each relabelling then
    /// carries its unknown pairs with it (see `unknownCorrelation`).
    ///
    /// Relabellings are drawn in 64 seeded blocks (SplitMix64, Fisher–Yates, Lemire's bounded
    /// draws): the same seed gives the same p-values on any number of cores.
    ///
    /// - Throws: ``QAPError/orderMismatch``; ``QAPError/constant(_:)`` when either matrix is
    ///   the same on every pair; ``QAPError/tooFewPairs(pairs:coefficients:)`` below 3
    ///   organisations.
    /// - Complexity: O(n²) for r, O(N n²) time over all cores for the test; O(n²) space per core.
    ///
    /// ## References
    /// Krackhardt, D. (1988) Predicting with networks: nonparametric multiple regression
    /// analysis of dyadic data. Social Networks 10(4):359–381 (doi:10.1016/0378-8733(88)90004-4);
    /// Hubert, L. & Schultz, J. (1976) Quadratic assignment as a general data analysis
    /// strategy. Br. J. Math. Stat. Psychol. 29:190–241 (doi:10.1111/j.2044-8317.1976.tb00714.x);
    /// Butts, C.T. (2008) Social network analysis with sna. J. Stat. Softw. 24(6)
    /// (doi:10.18637/jss.v024.i06).
    public func qapCorrelation(with other: DyadMatrix, permutations: Int = 1_000, seed: UInt64 = 1) throws(QAPError)
        -> QAPCorrelation
    {
        precondition(permutations >= 0, "permutations must be 0 or more")
        guard order == other.order else { throw .orderMismatch }
        guard order >= 3 else { throw .tooFewPairs(pairs: order * (order - 1), coefficients: 2) }
        let mode = DyadMode([self, other])
        if hasUnknown || other.hasUnknown {
            return try unknownCorrelation(with: other, mode: mode, permutations: permutations, seed: seed)
        }
        let (a, b) = (mode.vector(self), mode.vector(other))
        let correlation = try Self.pearson(a, b)
        let n = order
        // Centred over the pairs, the diagonal kept at 0: relabelling maps pairs to pairs,
        // so the means and sums of squares never change and only Σ a_π b moves.
        let (ac, bc) = (centred(), other.centred())
        let (aa, bb) = (QAPPermutations.dot(ac, ac), QAPPermutations.dot(bc, bc))
        let scale = (aa * bb).squareRoot()
        let observed = QAPPermutations.dot(ac, bc) / scale
        // Σ a_π b_c = Σ a_π b: the centred a sums to 0 over the pairs, so b's mean drops
        // out, and b keeps its zeros (a sparse target).
        let target = [DotTarget(other.values, n: n)]
        guard permutations > 0 else {
            return QAPCorrelation(
                correlation: correlation, pairs: a.count, unknownPairs: 0, mode: mode, permutations: 0, seed: seed,
                pValues: nil,
                nullMean: nil, nullStandardDeviation: nil)
        }
        struct Tally: Sendable {
            var tails = TailCounts()
            var sum = 0.0
            var squares = 0.0
        }
        let blocks = QAPPermutations.blocks(permutations: permutations, seed: seed) { range, random in
            var tally = Tally()
            var order = Array(0..<n)
            for _ in range {
                QAPPermutations.shuffle(&order, &random)
                let r = QAPPermutations.permutedDots(ac, order, with: target, n: n)[0] / scale
                tally.tails.count(r, observed: observed)
                tally.sum += r
                tally.squares += r * r
            }
            return tally
        }
        var tails = TailCounts()
        var sum = 0.0
        var squares = 0.0
        for block in blocks {
            tails.add(block.tails)
            sum += block.sum
            squares += block.squares
        }
        let mean = sum / Double(permutations)
        let sd = permutations > 1 ? (max(0, squares - Double(permutations) * mean * mean) / Double(permutations - 1)).squareRoot() : 0
        return QAPCorrelation(
            correlation: correlation, pairs: a.count, unknownPairs: 0, mode: mode, permutations: permutations,
            seed: seed, pValues: PermutationPValues(tails, permutations: permutations), nullMean: mean,
            nullStandardDeviation: sd)
    }

    /// The test with unknown pairs: r over the pairs where both values are known
    /// (`cor(use = "complete.obs")`, as `sna::gcor`), each relabelling of this matrix
    /// carrying its unknown pairs (`sna::rmperm`), so every draw has its own complete pairs,
    /// means and variances. A relabelling whose complete pairs leave a variable constant
    /// has no r and is not counted in the tails (they stay over N + 1); the null's mean and
    /// standard deviation are over the draws with an r.
    ///
    /// - Complexity: O(N n²) time over all cores.
    private func unknownCorrelation(with other: DyadMatrix, mode: DyadMode, permutations: Int, seed: UInt64)
        throws(QAPError) -> QAPCorrelation
    {
        let n = order
        let indices = mode.pairIndices(order: n)
        let complete = mode.completeVectors(values, [other.values], indices: indices)
        guard complete.y.count >= 3 else { throw .tooFewPairs(pairs: complete.y.count, coefficients: 2) }
        let correlation = try Self.pearson(complete.y, complete.columns[0])
        let unknown = indices.count - complete.y.count
        guard permutations > 0 else {
            return QAPCorrelation(
                correlation: correlation, pairs: complete.y.count, unknownPairs: unknown, mode: mode, permutations: 0,
                seed: seed, pValues: nil, nullMean: nil, nullStandardDeviation: nil)
        }
        struct Tally: Sendable {
            var tails = TailCounts()
            var sum = 0.0
            var squares = 0.0
            var count = 0
        }
        let (a, b) = (values, other.values)
        let blocks = QAPPermutations.blocks(permutations: permutations, seed: seed) { range, random in
            var tally = Tally()
            var order = Array(0..<n)
            for _ in range {
                QAPPermutations.shuffle(&order, &random)
                let moved = mode.completeVectors(QAPPermutations.permuted(a, order, n: n), [b], indices: indices)
                guard moved.y.count >= 2, let r = try? Self.pearson(moved.y, moved.columns[0]) else { continue }
                tally.tails.count(r, observed: correlation)
                tally.sum += r
                tally.squares += r * r
                tally.count += 1
            }
            return tally
        }
        var tally = Tally()
        for block in blocks {
            tally.tails.add(block.tails)
            tally.sum += block.sum
            tally.squares += block.squares
            tally.count += block.count
        }
        let mean = tally.count > 0 ? tally.sum / Double(tally.count) : .nan
        let sd =
            tally.count > 1
            ? (max(0, tally.squares - Double(tally.count) * mean * mean) / Double(tally.count - 1)).squareRoot() : .nan
        return QAPCorrelation(
            correlation: correlation, pairs: complete.y.count, unknownPairs: unknown, mode: mode,
            permutations: permutations, seed: seed, pValues: PermutationPValues(tally.tails, permutations: permutations),
            nullMean: mean, nullStandardDeviation: sd)
    }

    /// The values less their mean over the pairs, the diagonal 0.
    func centred() -> [Double] {
        let n = order
        let mean = values.reduce(0, +) / Double(n * (n - 1))
        var out = values
        for i in 0..<n {
            for j in 0..<n where i != j { out[i * n + j] -= mean }
        }
        return out
    }

    /// Pearson's r by two passes, as R's `cor`.
    static func pearson(_ a: [Double], _ b: [Double]) throws(QAPError) -> Double {
        let count = Double(a.count)
        let (ma, mb) = (a.reduce(0, +) / count, b.reduce(0, +) / count)
        var (sab, saa, sbb) = (0.0, 0.0, 0.0)
        for i in a.indices {
            let (da, db) = (a[i] - ma, b[i] - mb)
            sab += da * db
            saa += da * da
            sbb += db * db
        }
        guard saa > 0 else { throw .constant("the first variable") }
        guard sbb > 0 else { throw .constant("the second variable") }
        return sab / (saa * sbb).squareRoot()
    }
}
