import PartnerNetCore

/// A linear regression of one dyadic variable on others, with QAP tests of its coefficients.
public struct LinearQAPRegression: Sendable, Hashable {
    /// The intercept, then each predictor in the order given.
    public let coefficients: [QAPCoefficient]
    /// 1 − RSS/TSS, TSS = Σ (y − ȳ)² over the pairs used.
    public let rSquared: Double
    /// 1 − (1 − R²)(N − 1)/(N − p).
    public let adjustedRSquared: Double
    /// Pairs used (N).
    public let pairs: Int
    /// Pairs left out because the outcome or a predictor is unknown there.
    public let unknownPairs: Int
    public let mode: DyadMode
    public let null: QAPNull
    public let permutations: Int
    public let seed: UInt64
}

extension DyadMatrix {
    /// Multiple regression QAP (`sna::netlm`): ordinary least squares of this matrix on the
    /// predictors and an intercept over the pairs of distinct organisations, each
    /// coefficient's t-value tested by relabelling organisations under `null`.
    ///
    /// `β = (XᵀX)⁻¹Xᵀy`, `tₖ = βₖ / √((XᵀX)⁻¹ₖₖ · RSS/(N − p))`, N pairs and p = predictors + 1
    /// coefficients; over ordered pairs i ≠ j, or each unordered pair once when every matrix
    /// is symmetric (`mode = "graph"`); the diagonal left out (`diag = FALSE`). Pairs where
    /// the outcome or a predictor is unknown (NaN) are left out of the fit and of every
    /// relabelled fit, the unknown pairs moving with their relabelled matrix, as sna does
    /// with `NA` cells (relabelled fits are then full refits, O(N n² p²) for every null). Matches
    /// `netlm(y, x, nullhyp = …, test.statistic = "t-value")` of sna 2.7, whose `"qap"` is
    /// semi-partialling (``QAPNull/qap``). Each tail is (k + 1)/(N + 1) over N relabellings
    /// where sna reports k/N; `classical` uses Student's t with N − p degrees of freedom.
    ///
    /// Relabellings are drawn in 64 seeded blocks (SplitMix64, Fisher–Yates, Lemire's
    /// bounded draws), one relabelling per draw shared by the coefficients (sna draws each
    /// coefficient's separately; the distributions are the same): the same seed gives the
    /// same p-values on any number of cores. The statistics of relabelled fits come from the
    /// Gram matrix, of which only the relabelled variable's row changes, so a draw costs
    /// O(n² p) rather than a refit's O(n² p²).
    ///
    /// - Throws: ``QAPError/collinear(_:)`` when a predictor is a linear combination of the
    ///   others and the intercept; ``QAPError/orderMismatch``; ``QAPError/tooFewPairs(pairs:coefficients:)``.
    /// - Complexity: O(n² p²) for the fit; O(N n² p²) time over all cores for `qap`, `qapx`
    ///   and `qapallx`, O(N n² p) for `qapy`; O(n² p) space.
    ///
    /// ## References
    /// Krackhardt, D. (1988) Predicting with networks: nonparametric multiple regression
    /// analysis of dyadic data. Social Networks 10(4):359–381 (doi:10.1016/0378-8733(88)90004-4);
    /// Dekker, D., Krackhardt, D. & Snijders, T.A.B. (2007) Sensitivity of MRQAP tests to
    /// collinearity and autocorrelation conditions. Psychometrika 72(4):563–581
    /// (doi:10.1007/s11336-007-9016-1); Butts, C.T. (2008) Social network analysis with sna.
    /// J. Stat. Softw. 24(6) (doi:10.18637/jss.v024.i06).
    public func linearQAPRegression(
        on predictors: [DyadPredictor], null: QAPNull = .qap, permutations: Int = 1_000, seed: UInt64 = 1
    ) throws(QAPError) -> LinearQAPRegression {
        precondition(permutations >= 0, "permutations must be 0 or more")
        let design = try QAPDesign(outcome: self, predictors: predictors)
        let fit: LeastSquaresFit
        switch LeastSquaresFit.fit(design.columnVectors, design.yVector) {
        case .success(let value): fit = value
        case .failure(let failure): throw design.collinear(failure)
        }
        let p = design.columns.count
        let pairs = design.pairs
        let variance = fit.residualSumOfSquares / Double(pairs - p)
        let errors = fit.inverseGramDiagonal.map { ($0 * variance).squareRoot() }
        let statistics = zip(fit.coefficients, errors).map { $0 / $1 }
        let mean = design.yVector.reduce(0, +) / Double(pairs)
        let total = design.yVector.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let rSquared = 1 - fit.residualSumOfSquares / total
        let adjusted = 1 - (1 - rSquared) * Double(pairs - 1) / Double(pairs - p)

        let pValues: [PermutationPValues?]
        if null == .classical {
            let df = Double(pairs - p)
            pValues = statistics.map { t in
                PermutationPValues(
                    pLow: studentTCumulative(t, degreesOfFreedom: df), pHigh: studentTUpper(t, degreesOfFreedom: df),
                    pAbsolute: 2 * studentTUpper(abs(t), degreesOfFreedom: df))
            }
        } else if permutations == 0 {
            pValues = Array(repeating: nil, count: p)
        } else if design.hasUnknown {
            let tails = try design.unknownTails(
                null: null, permutations: permutations, seed: seed, observed: statistics,
                statistics: { [design] y, columns in design.gramTValues(y, columns) })
            pValues = tails.map { PermutationPValues($0, permutations: permutations) }
        } else {
            let tails = try LinearQAPTests(design: design, null: null).tails(permutations: permutations, seed: seed)
            pValues = tails.map { PermutationPValues($0, permutations: permutations) }
        }
        let coefficients = (0..<p).map { k in
            QAPCoefficient(
                term: design.names[k], estimate: fit.coefficients[k], standardError: errors[k],
                statistic: statistics[k], pValues: pValues[k])
        }
        return LinearQAPRegression(
            coefficients: coefficients, rSquared: rSquared, adjustedRSquared: adjusted, pairs: pairs,
            unknownPairs: design.unknownPairs, mode: design.mode, null: null, permutations: null == .classical ? 0 : permutations, seed: seed)
    }
}

/// The permutation loops of ``DyadMatrix/linearQAPRegression(on:null:permutations:seed:)``,
/// on Gram matrices.
struct LinearQAPTests {
    let design: QAPDesign
    let null: QAPNull
    /// Gram matrix G = XᵀX (p × p, row-major), c = Xᵀy and yᵀy over the pairs used.
    let gram: [Double]
    let cross: [Double]
    let yy: Double
    /// For `qap`: each column's residual on the others, dense.
    let residuals: [[Double]]
    /// Sums and sums of squares of the columns and of the residuals (whole matrix):
    /// invariant under relabelling, so computed once.
    let columnMoments: [(sum: Double, squares: Double)]
    let residualMoments: [(sum: Double, squares: Double)]
    /// For each column k, the targets a relabelled column k is multiplied with: the other
    /// columns but the intercept, then y; `yTargets`, the columns but the intercept.
    let targets: [[DotTarget]]
    let yTargets: [DotTarget]

    init(design: QAPDesign, null: QAPNull) throws(QAPError) {
        self.design = design
        self.null = null
        let p = design.columns.count
        let s = design.scale
        var gram = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            for k in 0...j {
                gram[j * p + k] = s * QAPPermutations.dot(design.columns[j], design.columns[k])
                gram[k * p + j] = gram[j * p + k]
            }
        }
        self.gram = gram
        self.cross = design.columns.map { s * QAPPermutations.dot($0, design.y) }
        self.yy = s * QAPPermutations.dot(design.y, design.y)
        var residuals: [[Double]] = []
        if null == .qap {
            for k in 0..<p { residuals.append(try design.residualMatrix(of: k)) }
        }
        self.residuals = residuals
        let moments = { (m: [Double]) in (sum: m.reduce(0, +), squares: QAPPermutations.dot(m, m)) }
        self.columnMoments = design.columns.map(moments)
        self.residualMoments = residuals.map(moments)
        let n = design.n
        let columnTargets = design.columns.map { DotTarget($0, n: n) }
        let yTarget = DotTarget(design.y, n: n)
        self.targets = (0..<p).map { k in
            (1..<p).filter { $0 != k }.map { columnTargets[$0] } + [yTarget]
        }
        self.yTargets = Array(columnTargets[1...])
    }

    /// The t-value of the last column of [others…, v] where v's dots with the others and y
    /// are `dots` (the last entry the dot with y) and vᵀv is `vv`.
    func lastTValue(others: [Int], dots: [Double], vv: Double) -> Double {
        let p = others.count + 1
        var g = [Double](repeating: 0, count: p * p)
        var c = [Double](repeating: 0, count: p)
        let q = design.columns.count
        for (a, j) in others.enumerated() {
            for (b, k) in others.enumerated() { g[a * p + b] = gram[j * q + k] }
            g[a * p + p - 1] = dots[a]
            g[(p - 1) * p + a] = dots[a]
            c[a] = cross[j]
        }
        g[p * p - 1] = vv
        c[p - 1] = dots[others.count]
        return LeastSquaresFit.tValues(gram: g, c, yy: yy, rows: design.pairs)?[p - 1] ?? .nan
    }

    /// The statistics of the observed labelling on the permutation path, so that
    /// comparisons are between numbers computed the same way.
    func observed() -> [Double] {
        let p = design.columns.count
        let identity = Array(0..<design.n)
        switch null {
        case .qapy, .qapallx, .classical:
            return LeastSquaresFit.tValues(gram: gram, cross, yy: yy, rows: design.pairs) ?? []
        case .qapx:
            return (0..<p).map { k in statistic(
                    ofColumn: k, dense: design.columns[k], moments: columnMoments[k], order: identity) }
        case .qap:
            return (0..<p).map { k in
                statistic(
                    ofColumn: k, dense: residuals[k], moments: residualMoments[k], order: identity)
            }
        }
    }

    /// The t-value of column k replaced by `dense` relabelled by `order`.
    func statistic(
        ofColumn k: Int, dense: [Double], moments: (sum: Double, squares: Double), order: [Int]
    ) -> Double {
        let s = design.scale
        let others = design.columns.indices.filter { $0 != k }
        // The intercept's dot with a relabelled matrix is its sum, unchanged by relabelling.
        let moved = QAPPermutations.permutedDots(dense, order, with: targets[k], n: design.n).map { s * $0 }
        var dots: [Double] = []
        var next = 0
        for j in others {
            if j == 0 {
                dots.append(s * moments.sum)
            } else {
                dots.append(moved[next])
                next += 1
            }
        }
        dots.append(moved[next])
        return lastTValue(others: others, dots: dots, vv: s * moments.squares)
    }

    /// Tail counts per coefficient over `permutations` relabellings.
    func tails(permutations: Int, seed: UInt64) throws(QAPError) -> [TailCounts] {
        let p = design.columns.count
        let observed = observed()
        guard observed.count == p else { throw .collinear(design.names[p - 1]) }
        let n = design.n
        let s = design.scale
        let blocks = QAPPermutations.blocks(permutations: permutations, seed: seed) { range, random in
            var tails = [TailCounts](repeating: TailCounts(), count: p)
            var order = Array(0..<n)
            for _ in range {
                QAPPermutations.shuffle(&order, &random)
                switch null {
                case .qapy:
                    let moved = QAPPermutations.permutedDots(design.y, order, with: yTargets, n: n)
                    let c = [cross[0]] + moved.map { s * $0 }
                    let t = LeastSquaresFit.tValues(gram: gram, c, yy: yy, rows: design.pairs) ?? []
                    for k in t.indices { tails[k].count(t[k], observed: observed[k]) }
                case .qapx:
                    for k in 0..<p {
                        let t = statistic(
                            ofColumn: k, dense: design.columns[k], moments: columnMoments[k], order: order)
                        tails[k].count(t, observed: observed[k])
                    }
                case .qap:
                    for k in 0..<p {
                        let t = statistic(
                            ofColumn: k, dense: residuals[k], moments: residualMoments[k], order: order)
                        tails[k].count(t, observed: observed[k])
                    }
                case .qapallx:
                    var moved = design.columns
                    for k in 1..<p {
                        if k > 1 { QAPPermutations.shuffle(&order, &random) }
                        moved[k] = QAPPermutations.permuted(design.columns[k], order, n: n)
                    }
                    var g = gram
                    var c = cross
                    for j in 1..<p {
                        for k in 1...j {
                            g[j * p + k] = s * QAPPermutations.dot(moved[j], moved[k])
                            g[k * p + j] = g[j * p + k]
                        }
                        c[j] = s * QAPPermutations.dot(moved[j], design.y)
                    }
                    let t = LeastSquaresFit.tValues(gram: g, c, yy: yy, rows: design.pairs) ?? []
                    for k in t.indices { tails[k].count(t[k], observed: observed[k]) }
                case .classical:
                    break
                }
            }
            return tails
        }
        return TailCounts.summed(blocks, statistics: p)
    }
}
