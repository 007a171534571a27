import PartnerNetCore

/// External and within ties, and the E-I index they give.
public struct EICount: Sendable, Hashable {
    /// E: ties to or from other groups.
    public var between: Int
    /// I: ties within the group.
    public var within: Int

    public init(between: Int, within: Int) {
        self.between = between
        self.within = within
    }

    /// `(E − I) / (E + I)`; `nil` without ties.
    public var index: Double? {
        let total = between + within
        return total == 0 ? nil : Double(between - within) / Double(total)
    }
}

/// The E-I index of a partition at network, group and node level, with what random mixing
/// would give and the range the group sizes allow.
public struct EIIndex: Sendable, Hashable {
    public let groups: Groups
    /// All ties: E between groups, I within.
    public let network: EICount
    /// For each group: E = ties with exactly one end in it, I = ties with both ends in it.
    public let byGroup: [EICount]
    /// For each node: its ties (in and out) to other groups and to its own.
    public let byNode: [EICount]
    /// The network E-I of the complete graph with the same groups: what ties placed at
    /// random among the possible pairs give on average (UCINET's expected value; also the
    /// mean under permutation of the labels).
    public let expected: Double?
    /// Each group's E-I in the complete graph with the same groups.
    public let expectedByGroup: [Double?]
    /// The least and greatest network E-I that the same number of ties could reach with
    /// these group sizes: ties placed within groups first, or between groups first.
    public let range: (minimum: Double, maximum: Double)?
    /// The observed E-I mapped linearly from ``range`` onto −1…1; `nil` when the range is
    /// a single value.
    public var rescaled: Double? {
        guard let range, let observed = network.index, range.maximum > range.minimum else { return nil }
        return 2 * (observed - range.minimum) / (range.maximum - range.minimum) - 1
    }

    public static func == (a: EIIndex, b: EIIndex) -> Bool {
        a.groups == b.groups && a.network == b.network && a.byGroup == b.byGroup && a.byNode == b.byNode
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(network)
        hasher.combine(byGroup)
    }
}

extension Graph {
    /// The E-I index of Krackhardt & Stern (1988) for a partition into groups.
    ///
    /// `EI = (E − I) / (E + I)`, E the ties between groups and I those within. Ties are
    /// counted once each: arcs of a directed graph, edges of an undirected one (so in a
    /// directed union an undirected tie counts as two arcs); weights are ignored, as in
    /// UCINET. Group level: E = ties with exactly one end in the group, I = ties with both.
    /// Node level: every tie at the node, in and out. −1 means all ties within groups (silos),
    /// +1 all between. Knoke information by sector: E 37, I 12, E-I 0.5102.
    ///
    /// The expected value is the E-I of the complete graph with the same groups: with
    /// P_I = Σ_g n_g(n_g − 1) within-group and P_E = n(n − 1) − P_I between-group ordered
    /// pairs (halved when undirected), `(P_E − P_I) / (P_E + P_I)`. The range with m ties:
    /// maximum `(min(m, P_E) − (m − min(m, P_E))) / m`, minimum likewise with ties placed
    /// within groups first. UCINET reports both, and a rescaled index over the range.
    ///
    /// - Complexity: O(n + m).
    ///
    /// ## References
    /// Krackhardt, D. & Stern, R.N. (1988) Informal networks and organizational crises: an
    /// experimental simulation. Social Psychology Quarterly 51(2):123–140
    /// (doi:10.2307/2786835). UCINET 6 Network>Cohesion>E-I Index (Borgatti, Everett &
    /// Freeman 2002).
    public func eiIndex(groups: Groups) -> EIIndex {
        precondition(groups.membership.count == nodeCount, "one group per node")
        let group = groups.membership
        var network = EICount(between: 0, within: 0)
        var byGroup = [EICount](repeating: EICount(between: 0, within: 0), count: groups.names.count)
        var byNode = [EICount](repeating: EICount(between: 0, within: 0), count: nodeCount)
        forEachTie { source, target in
            if group[source] == group[target] {
                network.within += 1
                byGroup[group[source]].within += 1
                byNode[source].within += 1
                byNode[target].within += 1
            } else {
                network.between += 1
                byGroup[group[source]].between += 1
                byGroup[group[target]].between += 1
                byNode[source].between += 1
                byNode[target].between += 1
            }
        }
        // Possible ties: ordered pairs when directed, unordered when not.
        let pairs = { (count: Int) -> Int in isDirected ? count : count / 2 }
        let n = nodeCount
        let sizes = groups.sizes
        let possibleWithin = pairs(sizes.reduce(0) { $0 + $1 * ($1 - 1) })
        let possibleBetween = pairs(n * (n - 1)) - possibleWithin
        let expected = EICount(between: possibleBetween, within: possibleWithin).index
        let expectedByGroup = sizes.map { size in
            EICount(between: pairs(2 * size * (n - size)), within: pairs(size * (size - 1))).index
        }
        let m = network.between + network.within
        var range: (Double, Double)?
        if m > 0 {
            let mostBetween = min(m, possibleBetween)
            let mostWithin = min(m, possibleWithin)
            range = (
                Double((m - mostWithin) - mostWithin) / Double(m), Double(mostBetween - (m - mostBetween)) / Double(m)
            )
        }
        return EIIndex(
            groups: groups, network: network, byGroup: byGroup, byNode: byNode, expected: expected,
            expectedByGroup: expectedByGroup, range: range)
    }

    /// Calls `body(source, target)` once per tie: each arc, or each edge of an undirected graph.
    @inlinable func forEachTie(_ body: (Int, Int) -> Void) {
        for source in 0..<nodeCount {
            for target in successors(of: source) where isDirected || source < Int(target) {
                body(source, Int(target))
            }
        }
    }
}
