import Foundation
import PartnerNetCore

/// A logistic regression of tie presence on dyadic predictors, with QAP tests.
public struct LogisticQAPRegression: Sendable, Hashable {
    /// The intercept, then each predictor in the order given; the statistic is z.
    public let coefficients: [QAPCoefficient]
    /// −2 log L of the fit.
    public let deviance: Double
    /// The deviance of the model with every probability ½, 2N ln 2: what `sna::netlogit`
    /// reports (its `glm.fit` call has no separate intercept). Not the intercept-only model.
    public let nullDeviance: Double
    /// deviance + 2p.
    public let aic: Double
    /// deviance + p ln N.
    public let bic: Double
    /// Pairs used (N) and pairs tied.
    public let pairs: Int
    public let ties: Int
    /// Pairs left out because the outcome or a predictor is unknown there.
    public let unknownPairs: Int
    public let iterations: Int
    public let mode: DyadMode
    public let null: QAPNull
    public let permutations: Int
    public let seed: UInt64
}

extension DyadMatrix {
    /// Logistic multiple regression QAP (`sna::netlogit`): the probability that a pair is
    /// tied (this matrix's value above 0) modelled as logit⁻¹(Xβ), by maximum likelihood,
    /// each coefficient's z-value tested by relabelling organisations under `null`.
    ///
    /// `logit P(yᵢⱼ = 1) = β₀ + Σₖ βₖ xₖᵢⱼ` over the pairs of distinct organisations (each
    /// unordered pair once when every matrix is symmetric); `zₖ = βₖ / √((XᵀWX)⁻¹ₖₖ)`. The fit
    /// repeats R's `glm.fit` step for step — iteratively reweighted least squares from
    /// μ = (y + ½)/2, R's bounds on the linear predictor (±30), stopping when
    /// |D − D₋₁|/(|D| + 0.1) < 1e-8, at most 25 iterations, standard errors from the last
    /// step's weights — so that coefficients and deviances match `netlogit` of sna 2.7 to
    /// rounding. Its `"qap"` is semi-partialling (``QAPNull/qap``): each predictor's linear
    /// residual on the others is relabelled. `classical` uses Student's t with N − p degrees
    /// of freedom, as sna does. Each tail is (k + 1)/(N + 1) where sna reports k/N. Pairs
    /// where the outcome or a predictor is unknown (NaN) are left out of every fit, the
    /// unknown pairs moving with their relabelled matrix, as sna does with `NA` cells.
    ///
    /// - Throws: ``QAPError/outcomeConstant(tied:)``; ``QAPError/collinear(_:)``;
    ///   ``QAPError/didNotConverge(iterations:)`` when the observed fit does not converge
    ///   (a predictor separating tied from untied pairs); relabelled fits that do not
    ///   converge count with their last iterate, as in sna.
    /// - Complexity: O(I n² p²) for a fit of I iterations; O(N I n² p³) time over all cores
    ///   for `qap` and `qapx` (a refit per coefficient per relabelling), O(N I n² p²) for
    ///   `qapy` and `qapallx`.
    ///
    /// ## References
    /// Krackhardt (1988) doi:10.1016/0378-8733(88)90004-4; Dekker, Krackhardt & Snijders
    /// (2007) doi:10.1007/s11336-007-9016-1; Butts, C.T. (2008) doi:10.18637/jss.v024.i06;
    /// McCullagh, P. & Nelder, J.A. (1989) Generalized Linear Models, 2nd ed., §4.4 (IRLS).
    public func logisticQAPRegression(
        on predictors: [DyadPredictor], null: QAPNull = .qap, permutations: Int = 1_000, seed: UInt64 = 1
    ) throws(QAPError) -> LogisticQAPRegression {
        precondition(permutations >= 0, "permutations must be 0 or more")
        let design = try QAPDesign(outcome: binarized, predictors: predictors)
        let ties = design.yVector.reduce(0, +)
        guard ties > 0, ties < Double(design.pairs) else { throw .outcomeConstant(tied: ties > 0) }
        let fit: LogisticFit
        switch LogisticFit.fit(design.columnVectors, design.yVector) {
        case .success(let value): fit = value
        case .failure(let failure): throw design.collinear(failure)
        }
        guard fit.converged else { throw .didNotConverge(iterations: fit.iterations) }
        let p = design.columns.count
        let pairs = design.pairs
        let pValues: [PermutationPValues?]
        if null == .classical {
            let df = Double(pairs - p)
            pValues = fit.statistics.map { t in
                PermutationPValues(
                    pLow: studentTCumulative(t, degreesOfFreedom: df), pHigh: studentTUpper(t, degreesOfFreedom: df),
                    pAbsolute: 2 * studentTUpper(abs(t), degreesOfFreedom: df))
            }
        } else if permutations == 0 {
            pValues = Array(repeating: nil, count: p)
        } else if design.hasUnknown {
            let tails = try design.unknownTails(
                null: null, permutations: permutations, seed: seed, observed: fit.statistics
            ) { [design] y, columns in design.logisticZValues(y, columns) }
            pValues = tails.map { PermutationPValues($0, permutations: permutations) }
        } else {
            let residuals = try null == .qap ? (0..<p).map { k throws(QAPError) in try design.residualMatrix(of: k) } : []
            let observed = fit.statistics
            let blocks = QAPPermutations.blocks(permutations: permutations, seed: seed) { range, random in
                var tails = [TailCounts](repeating: TailCounts(), count: p)
                var order = Array(0..<design.n)
                func refit(_ columns: [[Double]], _ y: [Double]) -> [Double] {
                    (try? LogisticFit.fit(columns, y).get())?.statistics ?? [Double](repeating: .nan, count: p)
                }
                for _ in range {
                    QAPPermutations.shuffle(&order, &random)
                    switch null {
                    case .qapy:
                        let t = refit(design.columnVectors, design.permutedVector(design.y, order))
                        for k in 0..<p { tails[k].count(t[k], observed: observed[k]) }
                    case .qapx:
                        tails[0].count(observed[0], observed: observed[0])
                        for k in 1..<p {
                            var columns = design.columnVectors
                            columns[k] = design.permutedVector(design.columns[k], order)
                            tails[k].count(refit(columns, design.yVector)[k], observed: observed[k])
                        }
                    case .qapallx:
                        var columns = design.columnVectors
                        for k in 1..<p {
                            if k > 1 { QAPPermutations.shuffle(&order, &random) }
                            columns[k] = design.permutedVector(design.columns[k], order)
                        }
                        let t = refit(columns, design.yVector)
                        for k in 0..<p { tails[k].count(t[k], observed: observed[k]) }
                    case .qap:
                        for k in 0..<p {
                            var columns = design.columnVectors.indices.filter { $0 != k }.map { design.columnVectors[$0] }
                            columns.append(design.permutedVector(residuals[k], order))
                            tails[k].count(refit(columns, design.yVector)[p - 1], observed: observed[k])
                        }
                    case .classical:
                        break
                    }
                }
                return tails
            }
            pValues = TailCounts.summed(blocks, statistics: p).map { PermutationPValues($0, permutations: permutations) }
        }
        let coefficients = (0..<p).map { k in
            QAPCoefficient(
                term: design.names[k], estimate: fit.coefficients[k], standardError: fit.standardErrors[k],
                statistic: fit.statistics[k], pValues: pValues[k])
        }
        return LogisticQAPRegression(
            coefficients: coefficients, deviance: fit.deviance, nullDeviance: 2 * Double(pairs) * log(2),
            aic: fit.deviance + 2 * Double(p), bic: fit.deviance + Double(p) * log(Double(pairs)), pairs: pairs,
            ties: Int(ties), unknownPairs: design.unknownPairs, iterations: fit.iterations, mode: design.mode, null: null,
            permutations: null == .classical ? 0 : permutations, seed: seed)
    }
}

/// A binomial GLM with the logit link fitted as R's `glm.fit` fits it.
struct LogisticFit {
    var coefficients: [Double]
    var standardErrors: [Double]
    var deviance: Double
    var iterations: Int
    var converged: Bool
    var statistics: [Double] { zip(coefficients, standardErrors).map { $0 / $1 } }

    // R's logit bounds (src/library/stats/src/family.c).
    static let threshold = 30.0
    static let epsilon = Double.ulpOfOne

    static func inverseLink(_ eta: Double) -> Double {
        let e = eta < -threshold ? epsilon : (eta > threshold ? 1 / epsilon : exp(eta))
        return e / (1 + e)
    }

    static func linkDerivative(_ eta: Double) -> Double {
        if eta > threshold || eta < -threshold { return epsilon }
        let e = exp(eta)
        return e / ((1 + e) * (1 + e))
    }

    static func deviance(_ y: [Double], _ mu: [Double]) -> Double {
        var d = 0.0
        for i in y.indices { d += y[i] > 0 ? -2 * log(mu[i]) : -2 * log(1 - mu[i]) }
        return d
    }

    static func fit(_ columns: [[Double]], _ y: [Double]) -> Result<LogisticFit, LeastSquaresFit.Collinear> {
        let rows = y.count
        var eta = y.map { value in
            let start = (value + 0.5) / 2
            return log(start / (1 - start))
        }
        var mu = eta.map(inverseLink)
        var previous = deviance(y, mu)
        var last: LeastSquaresFit?
        var coefficients = [Double](repeating: 0, count: columns.count)
        var z = [Double](repeating: 0, count: rows)
        var w = [Double](repeating: 0, count: rows)
        for iteration in 1...25 {
            for i in 0..<rows {
                let derivative = linkDerivative(eta[i])
                z[i] = eta[i] + (y[i] - mu[i]) / derivative
                w[i] = (derivative * derivative / (mu[i] * (1 - mu[i]))).squareRoot()
            }
            switch LeastSquaresFit.fit(columns, z, weights: w) {
            case .success(let step):
                last = step
                coefficients = step.coefficients
            case .failure(let failure):
                return .failure(failure)
            }
            for i in 0..<rows {
                var s = 0.0
                for (k, column) in columns.enumerated() { s += column[i] * coefficients[k] }
                eta[i] = s
                mu[i] = inverseLink(s)
            }
            let current = deviance(y, mu)
            if abs(current - previous) / (abs(current) + 0.1) < 1e-8 {
                return .success(
                    LogisticFit(
                        coefficients: coefficients, standardErrors: last!.inverseGramDiagonal.map { $0.squareRoot() },
                        deviance: current, iterations: iteration, converged: true))
            }
            previous = current
        }
        return .success(
            LogisticFit(
                coefficients: coefficients, standardErrors: last!.inverseGramDiagonal.map { $0.squareRoot() },
                deviance: previous, iterations: 25, converged: false))
    }
}
