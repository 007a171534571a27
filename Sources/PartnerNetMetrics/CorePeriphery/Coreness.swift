import PartnerNetCore

/// Continuous coreness (Borgatti & Everett 2000's continuous model) and its fit.
public struct Coreness: Sendable, Hashable {
    /// Coreness of each node, by handle: 0 ≤ cᵢ ≤ 1, with cᵢcⱼ the least-squares estimate
    /// of the tie between i and j.
    public let scores: [Double]
    /// The Pearson correlation over unordered pairs between aᵢⱼ and cᵢcⱼ: Borgatti &
    /// Everett's measure of fit of the continuous model.
    public let fit: Double
    /// Residual sum of squares Σ_{i≠j} (aᵢⱼ − cᵢcⱼ)², over ordered pairs (the quantity
    /// minimised, and cpnet's `MINRES` score).
    public let residual: Double
    /// Sweeps of the iteration until it converged.
    public let iterations: Int
}

extension Graph {
    /// Continuous coreness: the vector c in [0, 1]ⁿ whose outer product c cᵀ is as close
    /// as possible, off the diagonal, to the adjacency A of the undirected skeleton.
    ///
    /// `c = argmin_{0 ≤ cᵢ ≤ 1} Σ_{i≠j} (aᵢⱼ − cᵢcⱼ)²` (Boyd, Fitzgerald, Mahutga & Smith
    /// 2010's MINRES, bounded), with `fit = corr(aᵢⱼ, cᵢcⱼ)` over unordered pairs.
    ///
    /// Conventions, and why. Borgatti & Everett (2000) state the continuous model as
    /// maximising the correlation between aᵢⱼ and cᵢcⱼ; UCINET describes its estimate as the
    /// c with c cᵀ "as close as possible to the data matrix". The correlation alone can have
    /// no maximiser: letting the coreness of some nodes grow without bound against the rest
    /// pushes c cᵀ towards a categorical pattern (ties inside the core only) and the
    /// correlation towards that pattern's, which no finite c attains; a gradient ascent
    /// then never converges. Least squares without a bound can have no
    /// minimum either: on a star the residual falls towards its infimum as the hub's
    /// coreness grows without bound and the leaves' shrinks towards 0. Ties are at most 1,
    /// so bounding coreness by 1 (products cᵢcⱼ ≤ 1) costs nothing a tie could need and
    /// makes the minimum exist: c is the bounded least-squares solution, and its
    /// correlation is reported as the fit.
    ///
    /// Iteration: Gauss–Seidel sweeps of Comrey's update clamped to the bound,
    /// cᵢ ← min(1, Σⱼ aᵢⱼcⱼ / Σ_{j≠i} cⱼ²), each the exact minimiser of the residual in one
    /// coordinate (a convex quadratic), from c = degree / max degree; the residual never
    /// rises, and coreness never goes below 0 from a non-negative start. Stops when no
    /// coordinate changes by more than `tolerance` × max c in a sweep; tens to about 150
    /// sweeps on the bundled and test areas. (The simultaneous Jacobi form in Boyd et al.
    /// oscillates on Padgett's and Zachary's networks.) The reference script checks the
    /// optimum with scipy's L-BFGS-B from several starts; PyPI `cpnet`'s `MINRES`
    /// (unbounded, stopped at 1% change) never reaches a lower residual (the tests).
    ///
    /// Runs on the undirected skeleton, ignoring weights (Docs/METRICS.md: `coreness`).
    ///
    /// - Throws: ``MetricError/uniformTies(everyPairTied:)`` when no pair
    ///   is tied or every pair is; ``MetricError/didNotConverge(iterations:residual:)`` when
    ///   `maxIterations` sweeps do not reach the tolerance.
    /// - Complexity: O(k (n + m)) for k sweeps; O(n + m) space.
    ///
    /// ## References
    /// Borgatti & Everett 2000 (doi:10.1016/S0378-8733(99)00019-2); Boyd, J.P., Fitzgerald,
    /// W.J., Mahutga, M.C. & Smith, D.A. (2010) Computing continuous core/periphery
    /// structures for social relations data with MINRES/SVD. Social Networks 32(2):125–137
    /// (doi:10.1016/j.socnet.2009.09.003); Comrey, A.L. (1962) The minimum residual method
    /// of factor analysis. Psychological Reports 11(1):15–18 (doi:10.2466/pr0.1962.11.1.15).
    public func coreness(maxIterations: Int = 10_000, tolerance: Double = 1e-12) throws(MetricError) -> Coreness {
        precondition(maxIterations >= 1, "at least one iteration")
        let skeleton = undirectedSkeleton()
        let n = nodeCount
        let ties = skeleton.arcCount / 2
        let pairs = Double(n) * Double(n - 1) / 2
        guard ties > 0 else { throw .uniformTies(everyPairTied: false) }
        guard Double(ties) < pairs else { throw .uniformTies(everyPairTied: true) }
        let offsets = skeleton.offsets
        let targets = skeleton.targets
        let scale = Double((0..<n).map { skeleton.degree(of: $0) }.max() ?? 1)
        var c = (0..<n).map { Double(skeleton.degree(of: $0)) / scale }
        var squares = c.reduce(0) { $0 + $1 * $1 }
        var sweeps = 0
        var change = Double.infinity
        while true {
            sweeps += 1
            change = 0
            var largest = 0.0
            for node in 0..<n {
                let others = squares - c[node] * c[node]
                guard others > 0 else { continue }
                var sum = 0.0
                for arc in offsets[node]..<offsets[node + 1] { sum += c[Int(targets[arc])] }
                let value = min(1, sum / others)
                change = max(change, abs(value - c[node]))
                largest = max(largest, value)
                squares = others + value * value
                c[node] = value
            }
            // Recomputed, so that rounding in the running sum does not drift.
            squares = c.reduce(0) { $0 + $1 * $1 }
            if change <= tolerance * largest { break }
            if sweeps >= maxIterations { throw .didNotConverge(iterations: sweeps, residual: change) }
        }
        // Fit and residual from sums: Σ over pairs of cᵢcⱼ, (cᵢcⱼ)² and over ties of cᵢcⱼ.
        var sum = 0.0
        var fourth = 0.0
        for value in c {
            sum += value
            fourth += value * value * value * value
        }
        var onTies = 0.0
        for node in 0..<n {
            for arc in offsets[node]..<offsets[node + 1] where Int(targets[arc]) > node {
                onTies += c[node] * c[Int(targets[arc])]
            }
        }
        let products = (sum * sum - squares) / 2
        let productSquares = (squares * squares - fourth) / 2
        let m = Double(ties)
        let spread = m * (pairs - m) * (pairs * productSquares - products * products)
        let fit = spread > 0 ? (pairs * onTies - m * products) / spread.squareRoot() : 0
        let residual = 2 * (m - 2 * onTies + productSquares)
        return Coreness(scores: c, fit: fit, residual: residual, iterations: sweeps)
    }
}
