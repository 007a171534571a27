import Foundation

/// An ordinary (or weighted) least-squares fit by Householder QR, as R's `qr` / `lm.fit`
/// (LINPACK `dqrdc2` without its column pivoting): the fit `sna::netlm` and the IRLS steps
/// of `glm.fit` make, so that coefficients agree with R to rounding.
struct LeastSquaresFit {
    var coefficients: [Double]
    /// The diagonal of (XᵀX)⁻¹ (`diag(chol2inv(qr$qr))` in R).
    var inverseGramDiagonal: [Double]
    var residualSumOfSquares: Double

    /// Fits `y` on `columns` (each of y's length), rows weighted by `weights` when given
    /// (each row of X and y multiplied by its weight, as `glm.fit` multiplies by √w).
    ///
    /// - Returns: `.failure(k)` when column k is, within R's tolerance 1e-7 relative to its
    ///   norm, a linear combination of the columns before it.
    /// - Complexity: O(N p²) time and O(N p) space for N rows and p columns.
    static func fit(
        _ columns: [[Double]], _ y: [Double], weights: [Double]? = nil
    ) -> Result<LeastSquaresFit, Collinear> {
        var a = columns
        var b = y
        if let weights {
            for k in a.indices { for r in b.indices { a[k][r] *= weights[r] } }
            for r in b.indices { b[r] *= weights[r] }
        }
        let qr: HouseholderQR
        switch HouseholderQR.factor(a) {
        case .success(let factor): qr = factor
        case .failure(let failure): return .failure(failure)
        }
        qr.applyQTranspose(to: &b)
        let p = columns.count
        var rss = 0.0
        for i in p..<b.count { rss += b[i] * b[i] }
        let inverse = qr.inverseR()
        return .success(
            LeastSquaresFit(
                coefficients: qr.solve(b), inverseGramDiagonal: inverse.map { row in row.reduce(0) { $0 + $1 * $1 } },
                residualSumOfSquares: rss))
    }

    struct Collinear: Error { var column: Int }

    /// t-values βₖ / √((XᵀX)⁻¹ₖₖ · RSS/(N − p)) from the Gram matrix G = XᵀX, c = Xᵀy and
    /// yᵀy, by Cholesky: the permutation loops' fast path (O(p³) after the dot products).
    /// `nil` when G is not positive definite.
    static func tValues(gram g: [Double], _ c: [Double], yy: Double, rows: Int) -> [Double]? {
        let p = c.count
        var l = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var s = g[i * p + j]
                for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
                if i == j {
                    guard s > 1e-12 * max(g[i * p + i], .leastNormalMagnitude) else { return nil }
                    l[i * p + i] = s.squareRoot()
                } else {
                    l[i * p + j] = s / l[j * p + j]
                }
            }
        }
        // β = G⁻¹c by two triangular solves; diag(G⁻¹) from L⁻¹.
        var z = [Double](repeating: 0, count: p)
        for i in 0..<p {
            var s = c[i]
            for k in 0..<i { s -= l[i * p + k] * z[k] }
            z[i] = s / l[i * p + i]
        }
        var beta = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<max(p, i + 1) { s -= l[k * p + i] * beta[k] }
            beta[i] = s / l[i * p + i]
        }
        var linv = [Double](repeating: 0, count: p * p)
        for column in 0..<p {
            for i in column..<p {
                var s = i == column ? 1.0 : 0.0
                for k in column..<i { s -= l[i * p + k] * linv[k * p + column] }
                linv[i * p + column] = s / l[i * p + i]
            }
        }
        var rss = yy
        for i in 0..<p { rss -= beta[i] * c[i] }
        let variance = max(rss, 0) / Double(rows - p)
        return (0..<p).map { k in
            var d = 0.0
            for i in k..<p { d += linv[i * p + k] * linv[i * p + k] }
            return beta[k] / (d * variance).squareRoot()
        }
    }
}

/// Student's t distribution: P(T ≤ t) with ν degrees of freedom, R's `pt(t, ν)`, from the
/// regularized incomplete beta function, P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0.
///
/// The continued fraction is Lentz's evaluation of the classical expansion (Press et al.,
/// Numerical Recipes, 3rd ed., §6.4), accurate to about 1e-14 relative.
func studentTCumulative(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    guard t.isFinite else { return t > 0 ? 1 : 0 }
    let x = nu / (nu + t * t)
    let tail = 0.5 * regularizedIncompleteBeta(x, nu / 2, 0.5)
    return t >= 0 ? 1 - tail : tail
}

/// P(T ≥ t) = P(T ≤ −t), computed without cancellation.
func studentTUpper(_ t: Double, degreesOfFreedom nu: Double) -> Double { studentTCumulative(-t, degreesOfFreedom: nu) }

/// I_x(a, b), the regularized incomplete beta function.
func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(x, a, b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(1 - x, b, a) / b
}

private func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...100_000 {
        let m = Double(m)
        let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1 + even * d
        if abs(d) < tiny { d = tiny }
        c = 1 + even / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1 + odd * d
        if abs(d) < tiny { d = tiny }
        c = 1 + odd / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let step = d * c
        h *= step
        if abs(step - 1) < 1e-16 { break }
    }
    return h
}

/// Householder QR of a design matrix X (n × p, by columns) without pivoting, as R's `qr`
/// (LINPACK `dqrdc2`) computes it when no column is dropped: X = QR, Q kept as its p
/// reflections. Shared by the least-squares fits of QAP and of the robust regression.
struct HouseholderQR {
    /// Upper-triangular R (p × p).
    let r: [[Double]]
    /// The Householder vectors (meaningful from row k on) and their vᵀv.
    let reflectors: [(v: [Double], vv: Double)]

    /// Factors `columns`, failing as R's `qr` (tolerance 1e-7 relative to a column's norm)
    /// would pivot: with the first column that is a linear combination of those before it.
    ///
    /// - Complexity: O(n p²) time, O(n p) space.
    static func factor(_ columns: [[Double]]) -> Result<HouseholderQR, LeastSquaresFit.Collinear> {
        let p = columns.count
        let n = columns.first?.count ?? 0
        var a = columns
        var r = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var reflectors: [(v: [Double], vv: Double)] = []
        let norms = a.map { column in column.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        for k in 0..<p {
            guard k < n else { return .failure(.init(column: k)) }
            var norm = 0.0
            for i in k..<n { norm += a[k][i] * a[k][i] }
            norm = norm.squareRoot()
            if norms[k] == 0 || norm <= 1e-7 * norms[k] { return .failure(.init(column: k)) }
            let alpha = a[k][k] > 0 ? -norm : norm
            a[k][k] -= alpha
            // vᵀv for v = x − αe₁: ‖x‖² − 2αx₁ + α² = 2(α² − αx₁).
            let vv = 2 * (norm * norm - alpha * (a[k][k] + alpha))
            let v = a[k]
            reflectors.append((v, vv))
            for j in (k + 1)..<max(p, k + 1) {
                Self.reflect(&a[j], v, vv, from: k)
                r[k][j] = a[j][k]
            }
            r[k][k] = alpha
        }
        return .success(HouseholderQR(r: r, reflectors: reflectors))
    }

    private static func reflect(_ target: inout [Double], _ v: [Double], _ vv: Double, from k: Int) {
        var s = 0.0
        for i in k..<target.count { s += v[i] * target[i] }
        let f = 2 * s / vv
        for i in k..<target.count { target[i] -= f * v[i] }
    }

    /// Qᵀy, in place.
    func applyQTranspose(to y: inout [Double]) {
        for (k, reflector) in reflectors.enumerated() { Self.reflect(&y, reflector.v, reflector.vv, from: k) }
    }

    /// β solving R β = (Qᵀy)₁..ₚ by back-substitution, `qty` being Qᵀy.
    func solve(_ qty: [Double]) -> [Double] {
        let p = r.count
        var beta = [Double](repeating: 0, count: p)
        for k in stride(from: p - 1, through: 0, by: -1) {
            var s = qty[k]
            for j in (k + 1)..<max(p, k + 1) { s -= r[k][j] * beta[j] }
            beta[k] = s / r[k][k]
        }
        return beta
    }

    /// R⁻¹ (upper triangular), column by column by back-substitution; the squared norms of
    /// its rows are the diagonal of (XᵀX)⁻¹.
    func inverseR() -> [[Double]] {
        let p = r.count
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for column in 0..<p {
            for k in stride(from: column, through: 0, by: -1) {
                var s = k == column ? 1.0 : 0.0
                for j in (k + 1)..<(column + 1) { s -= r[k][j] * inverse[j][column] }
                inverse[k][column] = s / r[k][k]
            }
        }
        return inverse
    }
}
