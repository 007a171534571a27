import PartnerNetCore

/// An interval holding the spectral radius λmax of a graph's adjacency matrix.
struct SpectralRadiusBounds: Sendable {
    var lower: Double
    var upper: Double

    /// The middle of the interval, the estimate to report.
    var estimate: Double { (lower + upper) / 2 }
}

extension Graph {
    /// Bounds on λmax, the largest eigenvalue of the adjacency matrix A (aᵤᵥ = 1, or the
    /// weight with `weighted`, for an arc u → v), tightened until `settled` accepts them,
    /// they agree within `tolerance` relative, or `maxIterations` is spent.
    ///
    /// λmax(A) is the largest λmax of its strong components (A is block triangular over
    /// them), and a component of one node has λ = 0. On each component of several nodes A
    /// is irreducible and A + I primitive, so power iteration with A + I converges, and for
    /// any positive x the Collatz–Wielandt bounds min (Ax)ᵥ/xᵥ ≤ λ ≤ max (Ax)ᵥ/xᵥ hold at
    /// every step and close on λ. Each component is rescaled by its own maximum so that
    /// none underflows while another dominates.
    ///
    /// - Complexity: O(n + m) per iteration; O(n) space.
    ///
    /// ## References
    /// Collatz, L. (1942) Einschließungssatz für die charakteristischen Zahlen von Matrizen.
    /// Mathematische Zeitschrift 48:221–226 (doi:10.1007/BF01180013); Wielandt, H. (1950)
    /// Unzerlegbare, nicht negative Matrizen. Math. Z. 52:642–648 (doi:10.1007/BF02230720).
    func spectralRadiusBounds(
        weighted: Bool, maxIterations: Int, tolerance: Double = 1e-13,
        settled: (SpectralRadiusBounds) -> Bool = { _ in false }
    ) -> SpectralRadiusBounds {
        let components = strongComponents()
        let sizes = components.sizes
        // Arcs within components of two or more nodes, as flat rows over those nodes.
        let members = (0..<nodeCount).filter { sizes[components.blocks[$0]] > 1 }
        guard !members.isEmpty else { return SpectralRadiusBounds(lower: 0, upper: 0) }
        var local = [Int](repeating: -1, count: nodeCount)
        for (position, node) in members.enumerated() { local[node] = position }
        var offsets = [0]
        var targets: [Int32] = []
        var values: [Double] = []
        var block: [Int] = []
        for node in members {
            let own = components.blocks[node]
            for (target, weight) in zip(successors(of: node), successorWeights(of: node))
            where components.blocks[Int(target)] == own {
                targets.append(Int32(local[Int(target)]))
                values.append(weighted ? weight : 1)
            }
            offsets.append(targets.count)
            block.append(own)
        }
        let count = members.count
        var x = [Double](repeating: 1, count: count)
        var product = [Double](repeating: 0, count: count)
        var lowest = [Double](repeating: 0, count: components.count)
        var highest = [Double](repeating: 0, count: components.count)
        var largest = [Double](repeating: 0, count: components.count)
        var bounds = SpectralRadiusBounds(lower: 0, upper: .infinity)
        for _ in 0..<max(1, maxIterations) {
            for component in 0..<components.count {
                lowest[component] = .infinity
                highest[component] = 0
                largest[component] = 0
            }
            for row in 0..<count {
                var sum = 0.0
                for arc in offsets[row]..<offsets[row + 1] { sum += values[arc] * x[Int(targets[arc])] }
                product[row] = sum
                let ratio = sum / x[row]
                lowest[block[row]] = min(lowest[block[row]], ratio)
                highest[block[row]] = max(highest[block[row]], ratio)
            }
            // λmax lies between the largest lower bound and the largest upper bound.
            bounds = SpectralRadiusBounds(lower: 0, upper: 0)
            for component in 0..<components.count where highest[component] > 0 {
                bounds.lower = max(bounds.lower, lowest[component])
                bounds.upper = max(bounds.upper, highest[component])
            }
            if bounds.upper - bounds.lower <= tolerance * bounds.upper || settled(bounds) { break }
            for row in 0..<count {
                x[row] += product[row]
                largest[block[row]] = max(largest[block[row]], x[row])
            }
            for row in 0..<count { x[row] /= largest[block[row]] }
        }
        return bounds
    }
}
