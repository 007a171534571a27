import PartnerNetCore

/// Why a measure cannot be computed on a graph with the parameters asked for.
///
/// Misuse by the programmer (a negative iteration cap, a node handle out of range) traps;
/// these are answers about the data or the parameters, which a user can act on.
public enum MetricError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An iterative measure did not reach its tolerance within the iteration cap;
    /// `residual` is the last change per node, to compare with the tolerance.
    case didNotConverge(iterations: Int, residual: Double)
    /// Eigenvector centrality on a graph without a cycle: its largest eigenvalue is 0 and
    /// the power iteration has nothing to converge to.
    case noCycle
    /// Katz centrality's attenuation α is not in 0 < α < 1/λmax (`limit`, +∞ when the
    /// graph has no cycle), where the series of walks converges.
    case alphaOutOfRange(alpha: Double, limit: Double)
    /// Bonacich power's β is not in |β| < 1/λmax (`limit`), where (I − βA)⁻¹ exists as a
    /// convergent series of walks.
    case betaOutOfRange(beta: Double, limit: Double)
    /// Bonacich power was asked for without a value of β.
    case betaRequired
    /// PageRank's damping is not in 0 ≤ d < 1.
    case dampingOutOfRange(damping: Double)
    /// A brokerage role was asked for without groups to count it by.
    case groupsRequired
    /// The groups given do not have one entry per node of the graph.
    case groupsMismatch
    /// A measure that rescales scores by their size, on a graph with no ties: every raw
    /// score is 0 and cannot be rescaled.
    case noTies
    /// Core/periphery on a graph where no pair of organisations is tied, or every pair is:
    /// the adjacency has no variance, so no pattern can correlate with it.
    case uniformTies(everyPairTied: Bool)
    /// A focal sector that no organisation belongs to; `available` lists the sectors there are.
    case unknownFocalSector(String, available: [String])
    /// Focal organisation ids that are not in the graph.
    case unknownFocalOrganisations([String])
    /// A focal set with no organisation in it.
    case emptyFocalSet
    /// Approximate betweenness's ε or δ outside (0, 1).
    case approximationOutOfRange(epsilon: Double, delta: Double)

    public var description: String {
        switch self {
        case .didNotConverge(let iterations, let residual):
            "did not converge within \(iterations) iterations (last change per node \(Self.short(residual))); "
                + "allow more with --max-iterations"
        case .noCycle:
            "eigenvector centrality is undefined: the graph has no cycle, so its largest eigenvalue is 0"
        case .alphaOutOfRange(let alpha, let limit):
            limit.isFinite
                ? "alpha must be above 0 and below 1/λmax = \(Self.short(limit)) for the walks to converge; got \(Self.short(alpha))"
                : "alpha must be above 0; got \(Self.short(alpha))"
        case .betaOutOfRange(let beta, let limit):
            "beta must lie strictly between -\(Self.short(limit)) and \(Self.short(limit)) (|beta| < 1/λmax) "
                + "for the walks to converge; got \(Self.short(beta))"
        case .betaRequired:
            "bonacich_power needs beta, the weight of longer walks (--beta; negative allowed, as --beta -0.2 or --beta=-0.2)"
        case .dampingOutOfRange(let damping):
            "damping must be at least 0 and below 1; got \(Self.short(damping))"
        case .groupsRequired:
            "brokerage roles are counted between groups: name the organisation column that defines them with --groups (for example --groups sector)"
        case .groupsMismatch:
            "the groups do not give one group for every organisation of the graph"
        case .noTies:
            "the graph has no ties, so every score is 0 and cannot be rescaled"
        case .uniformTies(let everyPairTied):
            everyPairTied
                ? "core/periphery is undefined: every pair of organisations is tied, so there is no pattern to find"
                : "core/periphery is undefined: no two organisations are tied"
        case .unknownFocalSector(let sector, let available):
            "no organisation is in the focal sector \(quoted(sector)); the sectors are "
                + (available.isEmpty ? "none" : available.map(quoted).joined(separator: ", "))
                + " (choose one with --focal-sector, or name organisations with --focal)"
        case .unknownFocalOrganisations(let ids):
            "unknown focal organisation\(ids.count == 1 ? "" : "s") "
                + ids.map(quoted).joined(separator: ", ")
        case .emptyFocalSet:
            "the focal set is empty: name at least one organisation"
        case .approximationOutOfRange(let epsilon, let delta):
            "approximate betweenness needs an error ε and a failure probability δ above 0 and below 1; "
                + "got ε = \(Self.short(epsilon)), δ = \(Self.short(delta))"
        }
    }

    /// At most six significant digits, enough to act on and short enough for one line.
    static func short(_ value: Double) -> String {
        guard value.isFinite, value != 0, abs(value) >= 1e-15, abs(value) < 1e15 else { return "\(value)" }
        var scaled = abs(value)
        var power = 0
        while scaled < 1e5 {
            scaled *= 10
            power += 1
        }
        while scaled >= 1e6 {
            scaled /= 10
            power -= 1
        }
        var tens = 1.0
        for _ in 0..<abs(power) { tens *= 10 }
        let rounded = power >= 0 ? scaled.rounded() / tens : scaled.rounded() * tens
        var text = "\(value < 0 ? -rounded : rounded)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
