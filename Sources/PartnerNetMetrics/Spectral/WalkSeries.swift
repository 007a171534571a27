import PartnerNetCore

/// Series of walks, Σₖ factorᵏ Rᵏ b, shared by Katz centrality and Bonacich power: where
/// they converge (|factor| < 1/λmax) and their sum.
extension Graph {
    /// 1/λmax, the bound on |α| or |β| for walk series to converge; +∞ without cycles.
    func attenuationLimit(weighted: Bool, maxIterations: Int) -> Double {
        let bounds = spectralRadiusBounds(weighted: weighted, maxIterations: maxIterations)
        return bounds.upper > 0 ? 1 / bounds.estimate : .infinity
    }

    /// Whether |factor| < 1/λmax may hold: false only when |factor| ≥ 1/λmax for certain.
    /// Bounds on λmax are tightened only until the answer is clear; when they cannot settle
    /// it within the iteration cap, the series itself is left to show divergence.
    func isAttenuationInRange(_ factor: Double, weighted: Bool, maxIterations: Int) -> Bool {
        let size = abs(factor)
        let bounds = spectralRadiusBounds(weighted: weighted, maxIterations: maxIterations) { bounds in
            size * bounds.upper < 1 || size * bounds.lower >= 1
        }
        return !(bounds.lower > 0 && size * bounds.lower >= 1)
    }

    /// The fixed point of yₖ₊₁ = b + factor · R yₖ, R the matrix of `rows` (row v sums
    /// over its arcs v → u of value · yᵤ, value 1 when `rows` has none), from y₀ = b;
    /// stops when Σ|yₖ₊₁ − yₖ| / Σ|yₖ₊₁| < `tolerance`. `nil` if the iterates overflow
    /// (the series diverges).
    func walkSeries(
        rows: Adjacency, factor: Double, start b: [Double], maxIterations: Int, tolerance: Double
    ) throws(MetricError) -> [Double]? {
        let n = nodeCount
        let weighted = rows.values.count > 0
        var y = b
        var next = b
        var residual = Double.infinity
        for _ in 0..<maxIterations {
            var change = 0.0
            var size = 0.0
            for node in 0..<n {
                var sum = 0.0
                for arc in rows.offsets[node]..<rows.offsets[node + 1] {
                    let other = Int(rows.targets[arc])
                    sum += weighted ? rows.values[arc] * y[other] : y[other]
                }
                let value = b[node] + factor * sum
                next[node] = value
                change += abs(value - y[node])
                size += abs(value)
            }
            swap(&y, &next)
            guard change.isFinite && size.isFinite else { return nil }
            residual = size > 0 ? change / size : 0
            if residual < tolerance { return y }
        }
        throw .didNotConverge(iterations: maxIterations, residual: residual)
    }
}
