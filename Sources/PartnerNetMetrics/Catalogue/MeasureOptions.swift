/// Parameters of the measures in the catalogue, with Docs/METRICS.md's defaults.
public struct MeasureOptions: Sendable, Hashable {
    /// Path lengths 1/weight in path-based measures; the valued adjacency in eigenvector,
    /// PageRank, Katz and Bonacich power. Other measures count ties whatever this says.
    public var weighted: Bool
    /// Katz's attenuation α, in 0 < α < 1/λmax.
    public var alpha: Double
    /// Bonacich's β, in |β| < 1/λmax; negative values reward ties to weak actors.
    /// Bonacich power cannot be computed without it.
    public var beta: Double?
    /// PageRank's damping, in 0 ≤ d < 1.
    public var damping: Double
    /// Iteration cap of the iterative measures.
    public var maxIterations: Int
    /// Convergence tolerance of the iterative measures (change per node between iterations).
    public var tolerance: Double
    /// The groups the Gould–Fernandez brokerage roles are counted by (one per node of the
    /// graph); the roles cannot be computed without them.
    public var groups: Groups?

    public init(
        weighted: Bool = false, alpha: Double = 0.1, beta: Double? = nil, damping: Double = 0.85,
        maxIterations: Int = 10_000, tolerance: Double = 1e-12, groups: Groups? = nil
    ) {
        self.weighted = weighted
        self.alpha = alpha
        self.beta = beta
        self.damping = damping
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.groups = groups
    }
}
