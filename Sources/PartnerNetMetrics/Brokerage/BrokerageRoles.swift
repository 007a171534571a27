import Foundation
import PartnerNetCore

/// A Gould–Fernandez brokerage role, by the groups of the three organisations on an open
/// two-step path a → b → c (a ≠ c, no arc a → c), b the broker; and the total of all five.
///
/// | role | groups | sna column |
/// |---|---|---|
/// | coordinator | a, b, c all in one group | `w_I` |
/// | itinerant (consultant) | a and c in one group, b in another | `w_O` |
/// | representative | a and b in one group, c in another | `b_IO` |
/// | gatekeeper | b and c in one group, a in another | `b_OI` |
/// | liaison | a, b, c in three groups | `b_O` |
public enum BrokerageRole: Int, CaseIterable, Sendable, Hashable {
    case coordinator
    case itinerant
    case representative
    case gatekeeper
    case liaison
    /// Every brokerage role together (sna's `t`).
    case total

    /// The five roles, without ``total``.
    public static let roles: [BrokerageRole] = [.coordinator, .itinerant, .representative, .gatekeeper, .liaison]

    /// The name in Docs/METRICS.md (the CLI's `--metrics` value and column name).
    public var measureName: String {
        switch self {
        case .coordinator: "coordinator"
        case .itinerant: "itinerant"
        case .representative: "representative"
        case .gatekeeper: "gatekeeper"
        case .liaison: "liaison"
        case .total: "brokerage_total"
        }
    }

    /// The column name in R `sna::brokerage`.
    public var snaName: String {
        switch self {
        case .coordinator: "w_I"
        case .itinerant: "w_O"
        case .representative: "b_IO"
        case .gatekeeper: "b_OI"
        case .liaison: "b_O"
        case .total: "t"
        }
    }

    /// What the broker does, in a few words.
    public var summary: String {
        switch self {
        case .coordinator: "brokers between members of its own group"
        case .itinerant: "brokers between members of another group (consultant)"
        case .representative: "passes its own group's ties out to another group"
        case .gatekeeper: "lets another group's ties in to its own group"
        case .liaison: "brokers between two other groups"
        case .total: "all brokerage roles"
        }
    }
}

/// Gould–Fernandez brokerage role counts of every node, with what a random graph of the
/// same density would give: R `sna::brokerage(g, cl)` in full.
///
/// The null model is sna's: each arc present independently with the observed density
/// `d = m / (N(N − 1))`, m arcs (an undirected edge is two arcs), group sizes fixed. A
/// node's expected count and standard deviation depend only on its group (sna's `exp.grp`,
/// `sd.grp`); `z = (count − expected) / sd`, NaN when sd = 0 (a role the group sizes make
/// impossible, such as coordinator in a group of one).
public struct BrokerageRoles: Sendable, Hashable {
    /// The partition the roles are counted by.
    public let groups: Groups
    /// Arc density `m / (N(N − 1))` of the null model; NaN with fewer than two nodes.
    public let density: Double
    /// Counts by node, six per node in ``BrokerageRole`` order (the total last).
    let counts: [Int]
    /// Expected count of one member of each group: `[role][group]` (sna `exp.grp`).
    let expectedByGroup: [[Double]]
    /// Standard deviation of one member's count: `[role][group]` (sna `sd.grp`).
    let deviationByGroup: [[Double]]
    /// Whole-network counts, expectations and standard deviations (sna `raw.gli`,
    /// `exp.gli`, `sd.gli`), by role.
    let networkCounts: [Int]
    let networkExpected: [Double]
    let networkDeviation: [Double]

    /// Number of nodes.
    public var nodeCount: Int { groups.membership.count }

    /// How many times `node` holds `role` (sna `raw.nli`).
    public func count(_ role: BrokerageRole, of node: Int) -> Int { counts[node * 6 + role.rawValue] }

    /// The count of `role` for every node, by handle.
    public func counts(_ role: BrokerageRole) -> [Int] { (0..<nodeCount).map { count(role, of: $0) } }

    /// Expected count of `role` for one member of `group` under the null model (sna `exp.grp`).
    public func expected(_ role: BrokerageRole, inGroup group: Int) -> Double { expectedByGroup[role.rawValue][group] }

    /// Standard deviation of `role`'s count for one member of `group` (sna `sd.grp`).
    public func standardDeviation(_ role: BrokerageRole, inGroup group: Int) -> Double {
        deviationByGroup[role.rawValue][group]
    }

    /// Expected count of `role` for `node` (sna `exp.nli`).
    public func expected(_ role: BrokerageRole, of node: Int) -> Double {
        expected(role, inGroup: groups.membership[node])
    }

    /// Standard deviation of `node`'s count of `role` (sna `sd.nli`).
    public func standardDeviation(_ role: BrokerageRole, of node: Int) -> Double {
        standardDeviation(role, inGroup: groups.membership[node])
    }

    /// `(count − expected) / sd` for `node` (sna `z.nli`); NaN where sd is 0.
    public func zScore(_ role: BrokerageRole, of node: Int) -> Double {
        Self.z(Double(count(role, of: node)), expected(role, of: node), standardDeviation(role, of: node))
    }

    /// The count of `role` summed over the members of `group`.
    public func groupCount(_ role: BrokerageRole, group: Int) -> Int {
        var sum = 0
        for node in 0..<nodeCount where groups.membership[node] == group { sum += count(role, of: node) }
        return sum
    }

    /// How many times `role` occurs in the whole network (sna `raw.gli`).
    public func networkCount(_ role: BrokerageRole) -> Int { networkCounts[role.rawValue] }

    /// Its expected number under the null model (sna `exp.gli`).
    public func networkExpected(_ role: BrokerageRole) -> Double { networkExpected[role.rawValue] }

    /// Its standard deviation under the null model (sna `sd.gli`).
    public func networkStandardDeviation(_ role: BrokerageRole) -> Double { networkDeviation[role.rawValue] }

    /// `(count − expected) / sd` for the whole network (sna `z.gli`).
    public func networkZScore(_ role: BrokerageRole) -> Double {
        Self.z(Double(networkCount(role)), networkExpected(role), networkStandardDeviation(role))
    }

    static func z(_ observed: Double, _ expected: Double, _ deviation: Double) -> Double {
        (observed - expected) / deviation
    }
}

extension Graph {
    /// Gould–Fernandez brokerage roles of every node for a partition into groups, with
    /// sna's expected counts and z-scores (see ``BrokerageRoles``).
    ///
    /// Node b holds a role once for every ordered pair (a, c) with arcs a → b → c, a ≠ c
    /// and no arc a → c; the role follows from the groups of a, b and c (see
    /// ``BrokerageRole``). Each two-path counts for its broker, whoever else brokers the
    /// same pair. An undirected graph is a symmetric digraph, as sna treats a symmetric
    /// matrix: every open path a – b – c counts once each way, so representative and
    /// gatekeeper counts are equal and the others even. Ties are counted, never weighted.
    ///
    /// Matches R sna 2.7 `brokerage(g, cl)` (`raw.nli`, `exp.nli`, `sd.nli`, `z.nli`,
    /// `exp.grp`, `sd.grp`, `raw.gli`, `exp.gli`, `sd.gli`, `z.gli`), including its
    /// variance formulas, which are sna's own (Gould & Fernandez give the expectations);
    /// the sums over pairs and triples of groups that sna loops over are computed here
    /// from power sums of the group sizes, in O(g) for g groups.
    ///
    /// - Complexity: O(Σ_b Σ_{a → b} (k⁺(a) + k⁺(b))) time, k⁺ the out-degree: each
    ///   two-path a → b → c once, plus marking a's out-neighbours (a binary search instead
    ///   when a's row is much longer than b's); O(n) space per block of brokers, on all
    ///   cores for large graphs.
    ///
    /// ## References
    /// Gould, R.V. & Fernandez, R.M. (1989) Structures of mediation: a formal approach to
    /// brokerage in transaction networks. Sociological Methodology 19:89–126
    /// (doi:10.2307/270949). Butts, C.T. (2008) Social network analysis with sna. J. Stat.
    /// Softw. 24(6) (doi:10.18637/jss.v024.i06).
    public func brokerageRoles(groups: Groups) -> BrokerageRoles {
        let n = nodeCount
        precondition(groups.membership.count == n, "one group per node")
        let membership = groups.membership
        var work = 0
        for node in 0..<n { work += inDegree(of: node) * outDegree(of: node) }
        let graph = self
        let counts = NodeBlocks(nodeCount: n).values(work: 2 * work + n) { brokers -> [Int] in
            var marker = [Int32](repeating: -1, count: n)
            var out = [Int](repeating: 0, count: brokers.count * 6)
            for broker in brokers {
                let base = (broker - brokers.lowerBound) * 6
                let onward = graph.successors(of: broker)
                let groupB = membership[broker]
                for predecessor in graph.predecessors(of: broker) {
                    let a = Int(predecessor)
                    let groupA = membership[a]
                    let sourceRow = graph.successors(of: a)
                    // Marking a's row costs its length; a search per target costs log of it.
                    // A stamp is a's own handle, so a stale stamp can only say "in a's row"
                    // about a node that is: no clearing needed.
                    let search = sourceRow.count > 8 * onward.count
                    if !search { for target in sourceRow { marker[Int(target)] = predecessor } }
                    for target in onward where target != predecessor {
                        let c = Int(target)
                        let closed = search ? graph.hasArc(from: a, to: c) : marker[c] == predecessor
                        if closed { continue }
                        let groupC = membership[c]
                        let role: BrokerageRole =
                            groupA == groupB
                            ? (groupB == groupC ? .coordinator : .representative)
                            : (groupB == groupC ? .gatekeeper : (groupA == groupC ? .itinerant : .liaison))
                        out[base + role.rawValue] += 1
                        out[base + BrokerageRole.total.rawValue] += 1
                    }
                }
            }
            return out
        }
        return BrokerageRoles(groups: groups, counts: counts, arcs: arcCount)
    }
}

extension BrokerageRoles {
    /// The roles with sna's expectations and variances for `counts` on a graph of `arcs`
    /// arcs over the nodes of `groups`.
    init(groups: Groups, counts: [Int], arcs: Int) {
        self.groups = groups
        self.counts = counts
        let roleCount = BrokerageRole.allCases.count
        var networkCounts = [Int](repeating: 0, count: roleCount)
        for (index, value) in counts.enumerated() { networkCounts[index % roleCount] += value }
        self.networkCounts = networkCounts

        let sizes = groups.sizes
        let nodes = sizes.reduce(0, +)
        let N = Double(nodes)
        let d = Double(arcs) / (N * (N - 1))
        self.density = d
        // Probabilities of the patterns sna's moments are built from.
        let c = d * d * (1 - d)
        let c3 = pow(d, 3) * pow(1 - d, 3)
        let c4 = pow(d, 4) * pow(1 - d, 2)
        let c5 = pow(d, 5) * (1 - d)

        // Power sums of the group sizes, exact in integers.
        let s1 = nodes
        let s2 = sizes.reduce(0) { $0 + $1 * $1 }
        let s3 = sizes.reduce(0) { $0 + $1 * $1 * $1 }

        func choose2(_ x: Int) -> Int { x * (x - 1) / 2 }

        var expected = [[Double]](repeating: [Double](repeating: 0, count: sizes.count), count: roleCount)
        var deviation = expected
        for (group, size) in sizes.enumerated() {
            let (n, rest) = (Double(size), Double(nodes - size))
            // Σ_{j≠i} n_j(n_j − 1) and Σ_{j≠i} n_j(n_j − 1)(n_j − 2) over the other groups.
            let pairsElsewhere = (s2 - size * size) - (s1 - size)
            let triplesElsewhere = (s3 - size * size * size) - 3 * (s2 - size * size) + 2 * (s1 - size)
            // Σ_{j≠k, both ≠ i} n_j n_k: ordered pairs of members of two other groups.
            let acrossOthers = (s1 - size) * (s1 - size) - (s2 - size * size)
            // Σ_{j≠i} n_j C(N − n_i − n_j, 2), expanded in powers of n_j (M = N − n_i).
            let M = nodes - size
            let liaisonPairs =
                (M * (M - 1) * (s1 - size) - (2 * M - 1) * (s2 - size * size) + (s3 - size * size * size)) / 2

            var e = [Double](repeating: 0, count: roleCount)
            var v = [Double](repeating: 0, count: roleCount)
            e[0] = c * (n - 1) * (n - 2)
            v[0] = e[0] * (1 - c) + 2 * (n - 1) * (n - 2) * (n - 3) * c3
            e[1] = c * Double(pairsElsewhere)
            v[1] = e[1] * (1 - c) + 2 * Double(triplesElsewhere) * c3
            e[2] = c * rest * (n - 1)
            v[2] = e[2] * (1 - c) + 2 * (Double(size - 1) * Double(choose2(M)) + rest * Double(choose2(size - 1))) * c3
            e[3] = e[2]
            v[3] = v[2]
            e[4] = c * Double(acrossOthers)
            v[4] = e[4] * (1 - c) + 4 * Double(liaisonPairs) * c3
            e[5] = c * (N - 1) * (N - 2)
            v[5] = e[5] * (1 - c) + 2 * (N - 1) * (N - 2) * (N - 3) * c3
            for role in 0..<roleCount {
                expected[role][group] = e[role]
                deviation[role][group] = v[role].squareRoot()
            }
        }
        self.expectedByGroup = expected
        self.deviationByGroup = deviation

        // Whole network (sna's egbr, vgbr).
        var e = [Double](repeating: 0, count: roleCount)
        var v = [Double](repeating: 0, count: roleCount)
        var within1 = 0.0, within2 = 0.0, between = 0.0, across = 0.0, acrossN = 0.0
        var triples = 0.0, triplesByFirst = 0.0
        let S2 = Double(s2)
        for size in sizes {
            let n = Double(size)
            within1 += n * (n - 1) * (n - 2)
            within2 += n * (n - 1) * (n - 2) * ((4 * n - 10) * c3 - 4 * (n - 3) * c4 + (n - 3) * c5)
            between += n * (N - n) * (n - 1)
            // Σ_{b≠a} n_a n_b (n_a − 1)((2n_a + 2n_b − 6)c3 + (N − n_a − 1)c5), by a.
            across +=
                n * (n - 1) * ((N - n) * ((2 * n - 6) * c3 + (N - n - 1) * c5) + 2 * c3 * (S2 - n * n))
            acrossN += n * (N - n) * (n - 1) * ((N - 3) * c3 + (n - 2) * c5)
            // Ordered triples of distinct groups (i, j, k): Σ n_i n_j n_k and Σ n_i² n_j n_k.
            let others = Double((s1 - size) * (s1 - size) - (s2 - size * size))
            triples += n * others
            triplesByFirst += n * n * others
        }
        e[0] = c * within1
        v[0] = e[0] * (1 - c) + within2
        e[1] = c * between
        v[1] = e[1] * (1 - c) + across
        e[2] = c * between
        v[2] = e[2] * (1 - c) + acrossN
        e[3] = e[2]
        v[3] = v[2]
        e[4] = c * triples
        // sna sums n_i n_j n_k [(4(N − n_j) − 2(n_i + n_k + 1))c3 − (4(N − n_k) − 2(n_i + n_j + 1))c4
        // + (N − n_i − n_k − 1)c5] over ordered distinct triples; by symmetry each of
        // Σ n_i·n_i n_j n_k, Σ n_j·…, Σ n_k·… is the same sum.
        let linear = (4 * N - 2) * triples - 8 * triplesByFirst
        v[4] = e[4] * (1 - c) + linear * c3 - linear * c4 + ((N - 1) * triples - 2 * triplesByFirst) * c5
        e[5] = c * N * (N - 1) * (N - 2)
        v[5] = e[5] * (1 - c) + N * (N - 1) * (N - 2) * ((4 * N - 10) * c3 - 4 * (N - 3) * c4 + (N - 3) * c5)
        self.networkExpected = e
        self.networkDeviation = v.map { $0.squareRoot() }
    }
}
