import PartnerNetCore

extension Graph {
    /// Bonacich power centrality: a node's ties, each worth more (β > 0) or less (β < 0)
    /// the more ties the node at the other end has.
    ///
    /// `c(β) = (I − βA)⁻¹ A 1 = Σ_{k≥0} βᵏ Aᵏ⁺¹ 1`, walks *out* of the node (row → column,
    /// sna's convention), rescaled so that Σᵥ c(β)ᵥ² = n. β > 0 rewards ties to
    /// well-connected nodes (centrality); β < 0 rewards ties to poorly connected ones
    /// (power as bargaining advantage); β = 0 gives the out-degree. Solved by the
    /// fixed-point iteration yₖ₊₁ = A1 + βAyₖ from y₀ = A1, until
    /// Σ|yₖ₊₁ − yₖ| / Σ|yₖ₊₁| < `tolerance`. With `weighted`, A holds the tie strengths.
    ///
    /// Matches R sna 2.7 `sna::bonpow(g, exponent = β)`, which solves the system directly
    /// (and does not check β).
    ///
    /// - Complexity: O(n + m) per iteration, plus the same again to bound λmax; O(n) space.
    /// - Throws: ``MetricError/betaOutOfRange(beta:limit:)`` unless |β| < 1/λmax (any β on
    ///   a graph without cycles); ``MetricError/noTies`` when there are no ties (every
    ///   c is 0 and cannot be rescaled; sna returns NaN);
    ///   ``MetricError/didNotConverge(iterations:residual:)``.
    ///
    /// ## References
    /// Definition: Bonacich, P. (1987) Power and centrality: a family of measures. American
    /// Journal of Sociology 92(5):1170–1182 (doi:10.1086/228631).
    public func bonacichPower(
        beta: Double, weighted: Bool = false, maxIterations: Int = 10_000, tolerance: Double = 1e-12
    ) throws(MetricError) -> [Double] {
        precondition(maxIterations > 0 && tolerance > 0, "the iteration cap and tolerance must be positive")
        guard beta.isFinite else {
            throw .betaOutOfRange(beta: beta, limit: attenuationLimit(weighted: weighted, maxIterations: maxIterations))
        }
        guard arcCount > 0 else { throw .noTies }
        let limit = { attenuationLimit(weighted: weighted, maxIterations: maxIterations) }
        guard isAttenuationInRange(beta, weighted: weighted, maxIterations: maxIterations) else {
            throw .betaOutOfRange(beta: beta, limit: limit())
        }
        let out = Adjacency(self, values: weighted ? .weights : .none)
        // A1: out-degree, or out-strength.
        let rowSums = (0..<nodeCount).map { node in
            weighted ? successorWeights(of: node).reduce(0, +) : Double(outDegree(of: node))
        }
        let series = try walkSeries(
            rows: out, factor: beta, start: rowSums, maxIterations: maxIterations, tolerance: tolerance)
        guard let c = series else { throw .betaOutOfRange(beta: beta, limit: limit()) }
        let squares = c.reduce(0) { $0 + $1 * $1 }
        let scale = (Double(nodeCount) / squares).squareRoot()
        return c.map { $0 * scale }
    }
}
