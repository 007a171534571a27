import PartnerNetCore

/// Why a regression over areas cannot be fitted.
public enum RegressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer observations than coefficients plus one (no residual left to estimate from).
    case tooFewObservations(observations: Int, coefficients: Int)
    /// A predictor is, within R's tolerance, a linear combination of the intercept and the
    /// predictors before it (or constant).
    case collinear(term: String)

    public var description: String {
        switch self {
        case .tooFewObservations(let n, let p):
            return "\(n) observations for \(p) coefficients: at least \(p + 1) are needed"
        case .collinear(let term):
            return "'\(term)' is constant or a linear combination of the terms before it; leave it out"
        }
    }
}

/// An ordinary least-squares fit with heteroskedasticity-robust (HC3) standard errors and a
/// Freedman–Lane permutation test of each coefficient: a regression over a handful of
/// observations (areas) whose errors need be neither normal nor of equal variance.
public struct RobustLinearRegression: Sendable {
    public struct Coefficient: Sendable, Hashable {
        /// `intercept`, then the predictors as named.
        public let term: String
        public let estimate: Double
        /// The HC3 standard error; `nil` when an observation has leverage 1 (its residual
        /// is 0 whatever its outcome, and HC3 divides by 1 − h).
        public let standardError: Double?
        /// t = estimate / standard error.
        public let statistic: Double?
        /// Freedman–Lane permutation p-values of t; `nil` for the intercept, without
        /// permutations, or without a standard error.
        public let pValues: PermutationPValues?
    }

    public let coefficients: [Coefficient]
    public let observations: Int
    /// 1 − RSS/TSS; `nil` when the outcome is constant.
    public let rSquared: Double?
    /// 1 − (1 − R²)(n − 1)/(n − p).
    public let adjustedRSquared: Double?
    public let permutations: Int
    public let seed: UInt64

    /// Fits `outcome` on an intercept and `predictors` by ordinary least squares.
    ///
    /// Estimates: β = (XᵀX)⁻¹Xᵀy by Householder QR (as R's `lm`). Standard errors: HC3
    /// (MacKinnon & White 1985; `sandwich::vcovHC(type = "HC3")`),
    /// V = (XᵀX)⁻¹ Xᵀ diag(eᵢ² / (1 − hᵢ)²) X (XᵀX)⁻¹, hᵢ the leverage (diagonal of the hat
    /// matrix) and eᵢ the residual; the jackknife-like HC3 is the variant recommended for
    /// small samples (Long & Ervin 2000).
    ///
    /// p-values: Freedman & Lane (1983). For predictor j, the reduced model without it is
    /// fitted, giving fitted values ŷ₍₋ⱼ₎ and residuals e₍₋ⱼ₎; each of `permutations` draws
    /// permutes the reduced residuals, y* = ŷ₍₋ⱼ₎ + P e₍₋ⱼ₎, refits the full model and
    /// computes t*ⱼ = β*ⱼ / SE*ⱼ (HC3). `pLow = (#{t* ≤ t} + 1)/(N + 1)`, likewise `pHigh` and
    /// `pAbsolute` (|t*| ≥ |t|), values within 1e-9 relative counting as equal (Phipson &
    /// Smyth 2010; Anderson & Legendre 1999 and Winkler et al. 2014 compare the
    /// permutation schemes: Freedman–Lane holds its level best with correlated
    /// predictors). Every predictor is tested on the same permutations P: draw k is a
    /// Fisher–Yates shuffle (from the end, Lemire's bounded draws) of one SplitMix64
    /// stream seeded with `seed`, so the result depends on the seed only. The intercept is
    /// not tested.
    ///
    /// - Parameters:
    ///   - outcome: y, one value per observation.
    ///   - predictors: name and values (one per observation) of each predictor, in order.
    ///   - permutations: N, 0 for none.
    /// - Throws: ``RegressionError`` with too few observations or a collinear predictor.
    /// - Complexity: O(n p²) for the fit; O(N p (n p + n)) for the tests.
    ///
    /// ## References
    /// Freedman, D. & Lane, D. (1983) A nonstochastic interpretation of reported significance
    /// levels. J. Bus. Econ. Stat. 1(4):292–298 (doi:10.1080/07350015.1983.10509354);
    /// MacKinnon, J.G. & White, H. (1985) Some heteroskedasticity-consistent covariance matrix
    /// estimators with improved finite sample properties. J. Econometrics 29(3):305–325
    /// (doi:10.1016/0304-4076(85)90158-7); Long, J.S. & Ervin, L.H. (2000) Using
    /// heteroscedasticity consistent standard errors in the linear regression model. Am.
    /// Stat. 54(3):217–224 (doi:10.1080/00031305.2000.10474549); Anderson, M.J. & Legendre,
    /// P. (1999) An empirical comparison of permutation methods for tests of partial
    /// regression coefficients in a linear model. J. Stat. Comput. Simul. 62(3):271–303
    /// (doi:10.1080/00949659908811936); Zeileis, A. (2004) Econometric computing with HC
    /// and HAC covariance matrix estimators. J. Stat. Softw. 11(10) (doi:10.18637/jss.v011.i10).
    public init(
        outcome y: [Double], predictors: [(name: String, values: [Double])], permutations: Int = 0, seed: UInt64 = 1
    ) throws(RegressionError) {
        precondition(permutations >= 0, "permutations must be 0 or more")
        precondition(predictors.allSatisfy { $0.values.count == y.count }, "one value per observation")
        let n = y.count
        let names = ["intercept"] + predictors.map(\.name)
        let columns = [[Double](repeating: 1, count: n)] + predictors.map(\.values)
        let p = columns.count
        guard n > p else { throw .tooFewObservations(observations: n, coefficients: p) }
        let full: OLSDesign
        switch OLSDesign.make(columns) {
        case .success(let design): full = design
        case .failure(let collinear): throw .collinear(term: names[collinear.column])
        }
        let beta = full.coefficients(y)
        let residuals = full.residuals(y, beta)
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let mean = y.reduce(0, +) / Double(n)
        let tss = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        rSquared = tss > 0 ? 1 - rss / tss : nil
        adjustedRSquared = rSquared.map { 1 - (1 - $0) * Double(n - 1) / Double(n - p) }
        let se = full.hc3StandardErrors(residuals)
        let t = (0..<p).map { j in se[j].map { beta[j] / $0 } }
        var tails = [TailCounts](repeating: TailCounts(), count: p)
        let tested = (1..<p).filter { t[$0] != nil }
        if permutations > 0 && !tested.isEmpty {
            var reduced: [Int: (fitted: [Double], residuals: [Double])] = [:]
            for j in tested {
                var others = columns
                others.remove(at: j)
                // Removing a column of a full-rank design leaves one of full rank.
                guard case .success(let design) = OLSDesign.make(others) else { continue }
                let b = design.coefficients(y)
                let e = design.residuals(y, b)
                reduced[j] = (zip(y, e).map { $0 - $1 }, e)
            }
            var random = SplitMix64(seed: seed)
            var order = Array(0..<n)
            var star = [Double](repeating: 0, count: n)
            for _ in 0..<permutations {
                var index = n - 1
                while index > 0 {
                    order.swapAt(index, Int(random.bounded(UInt64(index + 1))))
                    index -= 1
                }
                for j in tested {
                    guard let (fitted, e) = reduced[j] else { continue }
                    for i in 0..<n { star[i] = fitted[i] + e[order[i]] }
                    let b = full.projected(star)
                    let r = full.residuals(star, b)
                    guard let s = full.hc3StandardError(of: j, residuals: r), s > 0 else { continue }
                    tails[j].count(b[j] / s, observed: t[j]!)
                }
            }
        }
        coefficients = (0..<p).map { j in
            Coefficient(
                term: names[j], estimate: beta[j], standardError: se[j], statistic: t[j],
                pValues: permutations > 0 && j > 0 && t[j] != nil
                    ? PermutationPValues(tails[j], permutations: permutations) : nil)
        }
        observations = n
        self.permutations = permutations
        self.seed = seed
    }
}

/// A design matrix X (n × p, by columns) prepared for repeated fits: its QR factors, the
/// projector A = (XᵀX)⁻¹Xᵀ, and the leverages.
struct OLSDesign {
    let columns: [[Double]]
    /// A = R⁻¹R⁻ᵀXᵀ (p × n): β = A y.
    let projector: [[Double]]
    /// hᵢ = ‖xᵢR⁻¹‖².
    let leverage: [Double]
    /// The QR factors of X, to compute β as R's `qr.coef` does.
    let qr: HouseholderQR

    /// Householder QR without pivoting (``HouseholderQR``), failing as R's `qr`
    /// (tolerance 1e-7) would pivot.
    static func make(_ columns: [[Double]]) -> Result<OLSDesign, LeastSquaresFit.Collinear> {
        let p = columns.count
        let n = columns.first?.count ?? 0
        let qr: HouseholderQR
        switch HouseholderQR.factor(columns) {
        case .success(let factor): qr = factor
        case .failure(let failure): return .failure(failure)
        }
        let inverse = qr.inverseR()
        // Q₁ = X R⁻¹ (n × p); A = R⁻¹ Q₁ᵀ; hᵢ = ‖row i of Q₁‖².
        var q = [[Double]](repeating: [Double](repeating: 0, count: p), count: n)
        for i in 0..<n {
            for c in 0..<p {
                var s = 0.0
                for k in 0...c { s += columns[k][i] * inverse[k][c] }
                q[i][c] = s
            }
        }
        var projector = [[Double]](repeating: [Double](repeating: 0, count: n), count: p)
        for j in 0..<p {
            for i in 0..<n {
                var s = 0.0
                for c in j..<p { s += inverse[j][c] * q[i][c] }
                projector[j][i] = s
            }
        }
        let leverage = q.map { row in row.reduce(0) { $0 + $1 * $1 } }
        return .success(OLSDesign(columns: columns, projector: projector, leverage: leverage, qr: qr))
    }

    /// β by the QR factors, as R's `qr.coef`: Qᵀy by the reflections, then R β = (Qᵀy)₁..ₚ
    /// by back-substitution.
    func coefficients(_ y: [Double]) -> [Double] {
        var b = y
        qr.applyQTranspose(to: &b)
        return qr.solve(b)
    }

    /// A y.
    func projected(_ y: [Double]) -> [Double] {
        projector.map { row in
            var s = 0.0
            for i in row.indices { s += row[i] * y[i] }
            return s
        }
    }

    func residuals(_ y: [Double], _ beta: [Double]) -> [Double] {
        y.indices.map { i in
            var fitted = 0.0
            for j in beta.indices { fitted += columns[j][i] * beta[j] }
            return y[i] - fitted
        }
    }

    /// √V_jj of HC3: Σᵢ A_ji² eᵢ² / (1 − hᵢ)²; `nil` when some hᵢ is 1 (to 1e-10).
    func hc3StandardError(of j: Int, residuals e: [Double]) -> Double? {
        var s = 0.0
        for i in e.indices {
            let complement = 1 - leverage[i]
            if complement < 1e-10 { return nil }
            let a = projector[j][i] * e[i] / complement
            s += a * a
        }
        return s.squareRoot()
    }

    func hc3StandardErrors(_ e: [Double]) -> [Double?] {
        projector.indices.map { hc3StandardError(of: $0, residuals: e) }
    }
}
