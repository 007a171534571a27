import PartnerNetCore

/// An area's memberships as a two-mode (affiliation) network: organisations on one side,
/// partnerships on the other, an edge for each seat.
///
/// Every organisation and every partnership of the area is a node, those without seats
/// included (as isolates). In ``graph`` the organisations have handles `0..<organisationCount`
/// in the area's order and the partnerships follow, `organisationCount + k` for the area's
/// k-th partnership. An organisation listed twice on one partnership has one edge.
public struct TwoModeNetwork: Sendable {
    /// Organisation ids, by handle.
    public let organisations: [String]
    /// Partnership ids, by position (handle − ``organisationCount``).
    public let partnerships: [String]
    /// The undirected bipartite graph of seats.
    public let graph: Graph
    /// Members of each partnership (organisation handles, ascending, without repeats).
    public let members: [[Int]]

    public var organisationCount: Int { organisations.count }
    public var partnershipCount: Int { partnerships.count }

    /// The two-mode network of `area`'s memberships.
    ///
    /// - Complexity: O(n + p + s) for n organisations, p partnerships and s seats.
    public init(area: Area) {
        organisations = area.organisations.map(\.id)
        partnerships = area.partnerships.map(\.id)
        let organisationHandle = Dictionary(
            organisations.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let partnershipIndex = Dictionary(
            partnerships.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var members = [Set<Int>](repeating: [], count: partnerships.count)
        for seat in area.memberships {
            guard let organisation = organisationHandle[seat.organisation],
                let partnership = partnershipIndex[seat.partnership]
            else { continue }
            members[partnership].insert(organisation)
        }
        self.members = members.map { $0.sorted() }
        let n = organisations.count
        var sources: [Int32] = []
        var targets: [Int32] = []
        for (partnership, seats) in self.members.enumerated() {
            for organisation in seats {
                sources.append(Int32(organisation))
                targets.append(Int32(n + partnership))
            }
        }
        graph = Graph(
            labels: organisations + partnerships, directed: false, sources: sources, targets: targets,
            weights: [Double](repeating: 1, count: sources.count))
    }

    /// Whether handle `node` of ``graph`` is an organisation.
    public func isOrganisation(_ node: Int) -> Bool { node < organisationCount }

    /// Seats of each node: partnerships an organisation sits on, members of a partnership.
    public var degrees: [Int] { graph.degrees(.all) }

    /// Bipartite degree centrality: an organisation's seats ÷ the number of partnerships; a
    /// partnership's members ÷ the number of organisations (Borgatti & Everett 1997).
    ///
    /// Matches networkx 3.6 `bipartite.degree_centrality(B, organisations)`. 0 where the
    /// other side is empty.
    ///
    /// - Complexity: O(n + p).
    public func degreeCentrality() -> [Double] {
        graph.degrees(.all).enumerated().map { node, degree in
            let other = isOrganisation(node) ? partnershipCount : organisationCount
            return other > 0 ? Double(degree) / Double(other) : 0
        }
    }

    /// Bipartite betweenness: Freeman betweenness on the two-mode graph, each side divided by
    /// the largest value a node of that side can reach in a bipartite graph of these sizes.
    ///
    /// For a side of n nodes facing m on the other, with n − 1 = s·m + t (0 ≤ t < m), the
    /// maximum is `[m²(s + 1)² + m(s + 1)(2t − s − 1) − t(2s − t + 3)] / 2` (Borgatti &
    /// Everett 1997, eq. 17). Matches networkx 3.6 `bipartite.betweenness_centrality(B,
    /// organisations)`; `nil` for a side whose maximum is 0 or undefined (the other side
    /// empty, or a single node facing a single node), where networkx divides by zero.
    ///
    /// - Complexity: O(N E) for N = n + p nodes and E seats, on all cores.
    public func betweennessCentrality() -> [Double?] {
        let raw = graph.betweennessCentrality()
        let organisationMaximum = Self.betweennessMaximum(side: organisationCount, other: partnershipCount)
        let partnershipMaximum = Self.betweennessMaximum(side: partnershipCount, other: organisationCount)
        return raw.enumerated().map { node, value in
            let maximum = isOrganisation(node) ? organisationMaximum : partnershipMaximum
            return maximum.map { value / $0 }
        }
    }

    static func betweennessMaximum(side n: Int, other m: Int) -> Double? {
        guard n > 0, m > 0 else { return nil }
        let (s, t) = ((n - 1) / m, (n - 1) % m)
        let (md, sd, td) = (Double(m), Double(s), Double(t))
        let maximum = (md * md * (sd + 1) * (sd + 1) + md * (sd + 1) * (2 * td - sd - 1) - td * (2 * sd - td + 3)) / 2
        return maximum > 0 ? maximum : nil
    }

    /// Bipartite closeness: the least total distance a node of its side could have (1 to
    /// each of the m nodes of the other side, 2 to the n − 1 others of its own) over its
    /// total distance to the nodes it reaches, times the share of all other nodes it
    /// reaches: `(m + 2(n − 1)) / Σ_v d(u, v) × r / (N − 1)`, r nodes reached, N = n + m.
    ///
    /// 0 for a node that reaches none. The least total assumes every node is reachable, so
    /// where some are not (organisations without seats, boards apart) the value can exceed 1
    /// for a node close to all it reaches, before the share reached scales it down; networkx
    /// gives the same. Matches networkx 3.6
    /// `bipartite.closeness_centrality(B, organisations, normalized=True)`.
    ///
    /// - Complexity: O(N E), a breadth-first search from every node, on all cores.
    ///
    /// ## References
    /// Borgatti, S.P. & Everett, M.G. (1997) Network analysis of 2-mode data. Social Networks
    /// 19(3):243–269 (doi:10.1016/S0378-8733(96)00301-2).
    public func closenessCentrality() -> [Double] {
        let total = organisationCount + partnershipCount
        return graph.distanceSummaries(.outgoing, weighted: false).enumerated().map { node, summary in
            guard summary.total > 0, total > 1 else { return 0 }
            let (n, m) =
                isOrganisation(node)
                ? (Double(organisationCount), Double(partnershipCount))
                : (Double(partnershipCount), Double(organisationCount))
            return (m + 2 * (n - 1)) / summary.total * (Double(summary.reached) / Double(total - 1))
        }
    }

    /// The one-mode projection onto partnerships: two partnerships are tied when they share
    /// a member, weighted by the number of members they share.
    ///
    /// Matches networkx 3.6 `bipartite.weighted_projected_graph(B, partnerships)`. The
    /// projection onto organisations is the `co-membership` relation of the area
    /// (`Graph(area:relations: .named(["co-membership"]))`), weighted by shared partnerships.
    ///
    /// - Complexity: O(Σ_v s_v²) over organisations v with s_v seats.
    public func partnershipProjection() -> Graph {
        var sources: [Int32] = []
        var targets: [Int32] = []
        for seats in seatsByOrganisation() {
            for i in seats.indices {
                for j in seats.index(after: i)..<seats.endIndex {
                    sources.append(Int32(seats[i]))
                    targets.append(Int32(seats[j]))
                }
            }
        }
        return Graph(
            labels: partnerships, directed: false, sources: sources, targets: targets,
            weights: [Double](repeating: 1, count: sources.count))
    }

    /// Partnerships of each organisation (positions in ``partnerships``, ascending).
    public func seatsByOrganisation() -> [[Int]] {
        var seats = [[Int]](repeating: [], count: organisationCount)
        for (partnership, list) in members.enumerated() {
            for organisation in list { seats[organisation].append(partnership) }
        }
        return seats
    }

    /// Every pair of partnerships that share at least one member, with the Jaccard index
    /// `|A ∩ B| / |A ∪ B|` and the overlap coefficient `|A ∩ B| / min(|A|, |B|)` of their
    /// memberships, in order of decreasing Jaccard index (then of the pair's positions).
    ///
    /// A high Jaccard index means two boards have nearly the same members: likely
    /// duplication, unless one sits under the other (see
    /// ``PartnershipStructure/arrangedOverlaps(_:threshold:)``, which tells nesting from
    /// duplication). An overlap coefficient of 1 with a lower Jaccard index means one board's
    /// members all sit on the other, as a sub-group's often do on its parent.
    ///
    /// The list can be as long as p(p − 1)/2 (one organisation on every partnership); to
    /// keep only the most alike, use ``overlapSummary(threshold:limit:)``.
    ///
    /// - Complexity: O(Σ_v s_v² + P log P) time and O(p + P) space for P overlapping pairs.
    ///
    /// ## References
    /// Jaccard, P. (1912) The distribution of the flora in the alpine zone. New Phytologist
    /// 11(2):37–50 (doi:10.1111/j.1469-8137.1912.tb05611.x).
    public func overlaps() -> [PartnershipOverlap] {
        var all: [PartnershipOverlap] = []
        forEachOverlap { all.append($0) }
        return all.sorted(by: PartnershipOverlap.isMoreAlike)
    }

    /// The pairs of partnerships sharing members, counted in full but listed only up to
    /// `limit` (the most alike, in the order of ``overlaps()``), so that an area whose
    /// partnerships all share one member (p(p − 1)/2 pairs) takes time in proportion to the
    /// pairs and memory in proportion to p and `limit`.
    ///
    /// - Parameter threshold: the Jaccard index from which a pair is counted in
    ///   ``PartnershipOverlapSummary/atOrAbove``.
    /// - Complexity: O(Σ_v s_v² log L) time and O(p + L) space for L = `limit`.
    public func overlapSummary(threshold: Double, limit: Int) -> PartnershipOverlapSummary {
        precondition(limit >= 0, "limit must be 0 or more")
        var summary = PartnershipOverlapSummary()
        // The kept pairs as a heap whose root is the least alike, to be replaced first.
        var heap: [PartnershipOverlap] = []
        heap.reserveCapacity(min(limit, 1 << 16))
        func lessAlike(_ a: Int, _ b: Int) -> Bool { PartnershipOverlap.isMoreAlike(heap[b], heap[a]) }
        forEachOverlap { overlap in
            summary.total += 1
            if overlap.jaccard >= threshold { summary.atOrAbove += 1 }
            summary.maximumJaccard = max(summary.maximumJaccard ?? 0, overlap.jaccard)
            if heap.count < limit {
                heap.append(overlap)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard lessAlike(child, parent) else { break }
                    heap.swapAt(child, parent)
                    child = parent
                }
            } else if limit > 0, PartnershipOverlap.isMoreAlike(overlap, heap[0]) {
                heap[0] = overlap
                var parent = 0
                while true {
                    var least = parent
                    for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && lessAlike(child, least) {
                        least = child
                    }
                    guard least != parent else { break }
                    heap.swapAt(parent, least)
                    parent = least
                }
            }
        }
        summary.pairs = heap.sorted(by: PartnershipOverlap.isMoreAlike)
        return summary
    }

    /// Calls `visit` once for every pair of partnerships sharing a member, pair by pair in
    /// order of the first partnership. For each partnership a, the members' other
    /// partnerships after a are tallied in one array reused from row to row (a sparse
    /// matrix product, row by row), so no pair that shares nobody is ever looked at.
    ///
    /// - Complexity: O(Σ_v s_v²) time over organisations v with s_v seats, O(p) space.
    func forEachOverlap(_ visit: (PartnershipOverlap) -> Void) {
        let seats = seatsByOrganisation()
        var shared = [Int](repeating: 0, count: partnershipCount)
        var touched: [Int] = []
        for a in members.indices {
            for organisation in members[a] {
                // `seats` is ascending: the partnerships after a are a suffix.
                let list = seats[organisation]
                var index = list.count
                while index > 0 && list[index - 1] > a { index -= 1 }
                for b in list[index...] {
                    if shared[b] == 0 { touched.append(b) }
                    shared[b] += 1
                }
            }
            touched.sort()
            for b in touched {
                let count = shared[b]
                shared[b] = 0
                let (sizeA, sizeB) = (members[a].count, members[b].count)
                visit(
                    PartnershipOverlap(
                        first: a, second: b, shared: count, jaccard: Double(count) / Double(sizeA + sizeB - count),
                        overlapCoefficient: Double(count) / Double(min(sizeA, sizeB))))
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}

/// The pairs of partnerships sharing members: how many, how many look like duplicates,
/// and the most alike of them.
public struct PartnershipOverlapSummary: Sendable, Hashable {
    /// The most alike pairs, at most the limit asked for, most alike first.
    public var pairs: [PartnershipOverlap] = []
    /// All pairs sharing at least one member.
    public var total = 0
    /// Pairs whose Jaccard index is at or above the threshold.
    public var atOrAbove = 0
    /// The highest Jaccard index of any pair; `nil` when no pair shares a member.
    public var maximumJaccard: Double?

    /// Whether some pairs were left out of ``pairs``.
    public var isTruncated: Bool { pairs.count < total }
}

/// Two partnerships that share members.
public struct PartnershipOverlap: Sendable, Hashable {
    /// Positions of the two partnerships in ``TwoModeNetwork/partnerships``, first < second.
    public let first: Int
    public let second: Int
    /// Members the two have in common.
    public let shared: Int
    /// Shared members ÷ members of either.
    public let jaccard: Double
    /// Shared members ÷ members of the smaller.
    public let overlapCoefficient: Double

    /// The order of ``TwoModeNetwork/overlaps()``: higher Jaccard index first, then the
    /// pair's positions ascending.
    static func isMoreAlike(_ a: PartnershipOverlap, _ b: PartnershipOverlap) -> Bool {
        (a.jaccard, b.first, b.second) > (b.jaccard, a.first, a.second)
    }
}
