import PartnerNetCore

extension Graph {
    /// Katz centrality: walks of every length ending at a node, a walk of length k
    /// weighted αᵏ.
    ///
    /// `x = (I − αAᵀ)⁻¹ β1` with β = 1, i.e. xᵥ = β + α Σ_{u → v} a(u, v) xᵤ (in-walks on a
    /// directed graph), scaled to unit Euclidean norm with the sign of Σx. Solved by the
    /// fixed-point iteration xₖ₊₁ = αAᵀxₖ + β1 from x₀ = β1, which converges exactly when
    /// α < 1/λmax, until Σ|xₖ₊₁ − xₖ| / Σ|xₖ₊₁| < `tolerance`. With `weighted`, A holds the
    /// tie strengths.
    ///
    /// Matches networkx 3.6 `nx.katz_centrality_numpy(G, alpha=α, beta=1.0, normalized=True,
    /// weight=…)`, which solves the same system directly (and does not check α).
    ///
    /// - Complexity: O(n + m) per iteration (a few hundred for α well inside the range;
    ///   more as α approaches 1/λmax), plus the same again to bound λmax. O(n) space.
    /// - Throws: ``MetricError/alphaOutOfRange(alpha:limit:)`` unless 0 < α < 1/λmax (any
    ///   α > 0 on a graph without cycles, where λmax = 0);
    ///   ``MetricError/didNotConverge(iterations:residual:)``.
    ///
    /// ## References
    /// Definition: Katz, L. (1953) A new status index derived from sociometric analysis.
    /// Psychometrika 18(1):39–43 (doi:10.1007/BF02289026). Convergence: the Neumann series
    /// Σ αᵏ(Aᵀ)ᵏ converges iff α·λmax < 1 (Horn, R.A. & Johnson, C.R. (2012) *Matrix
    /// Analysis*, 2nd ed., §5.6, doi:10.1017/CBO9781139020411).
    public func katzCentrality(
        alpha: Double = 0.1, weighted: Bool = false, maxIterations: Int = 10_000, tolerance: Double = 1e-12
    ) throws(MetricError) -> [Double] {
        precondition(maxIterations > 0 && tolerance > 0, "the iteration cap and tolerance must be positive")
        let limit = { attenuationLimit(weighted: weighted, maxIterations: maxIterations) }
        guard alpha > 0 && alpha.isFinite, isAttenuationInRange(alpha, weighted: weighted, maxIterations: maxIterations)
        else {
            throw .alphaOutOfRange(alpha: alpha, limit: limit())
        }
        let incoming = Adjacency(self, incoming: isDirected, values: weighted ? .weights : .none)
        let series = try walkSeries(
            rows: incoming, factor: alpha, start: [Double](repeating: 1, count: nodeCount),
            maxIterations: maxIterations, tolerance: tolerance)
        guard let x = series else { throw .alphaOutOfRange(alpha: alpha, limit: limit()) }
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let sign: Double = x.reduce(0, +) < 0 ? -1 : 1
        return x.map { $0 / (sign * norm) }
    }
}
