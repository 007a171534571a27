import PartnerNetCore

/// How an area's partnerships are arranged: the `parent` tree and who chairs what.
public struct PartnershipStructure: Sendable, Hashable {
    /// Partnership ids, in the area's order; every array below follows it.
    public let partnerships: [String]
    /// Position of each partnership's parent, `nil` for a top-level one.
    public let parent: [Int?]
    /// Levels below the top: 0 for a top-level partnership, 1 for one nested in it, …
    public let depth: [Int]
    /// Partnerships nested directly in each.
    public let children: [[Int]]
    /// Chairs of each partnership (organisation ids in the order of the memberships).
    public let chairs: [[String]]

    /// The structure of `area`'s partnerships.
    ///
    /// Depth is found by following `parent` links to the top; an area that passed
    /// validation has no cycles and no unknown parents (a parent that cannot be found is
    /// treated as none).
    ///
    /// - Complexity: O(p + s) for p partnerships and s seats.
    public init(area: Area) {
        partnerships = area.partnerships.map(\.id)
        let index = Dictionary(partnerships.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let parent = area.partnerships.map { $0.parent.flatMap { index[$0] } }
        self.parent = parent
        // Iterative, with a mark for partnerships on the current path, so a chain of any
        // length costs O(length) (no recursion, no search of the path) and a cycle (which
        // validation rejects) ends the walk.
        var depth = [Int](repeating: -1, count: parent.count)
        var onPath = [Bool](repeating: false, count: parent.count)
        for start in parent.indices where depth[start] < 0 {
            var path: [Int] = []
            var node: Int? = start
            while let current = node, depth[current] < 0, !onPath[current] {
                path.append(current)
                onPath[current] = true
                node = parent[current]
            }
            var level = node.map { depth[$0] >= 0 ? depth[$0] : -1 } ?? -1
            for current in path.reversed() {
                level += 1
                depth[current] = level
                onPath[current] = false
            }
        }
        self.depth = depth
        var children = [[Int]](repeating: [], count: parent.count)
        for (child, up) in parent.enumerated() { if let up { children[up].append(child) } }
        self.children = children
        var chairs = [[String]](repeating: [], count: parent.count)
        for seat in area.memberships where seat.role == .chair {
            if let position = index[seat.partnership] { chairs[position].append(seat.organisation) }
        }
        self.chairs = chairs
    }

    /// Top-level partnerships (no parent).
    public var roots: [Int] { parent.indices.filter { parent[$0] == nil } }

    /// Levels of nesting below the top: 0 when no partnership is nested in another.
    public var maximumDepth: Int { depth.max() ?? 0 }

    /// Partnerships outside the hierarchy: top-level ones with nothing nested in them, in
    /// an area where some partnership is nested in another (where none is, there is no
    /// hierarchy to stand outside, and this is empty).
    public var orphans: [Int] {
        guard maximumDepth > 0 else { return [] }
        return roots.filter { children[$0].isEmpty }
    }

    /// Partnerships without a chair.
    public var unchaired: [Int] { chairs.indices.filter { chairs[$0].isEmpty } }

    /// Partnerships chaired by each organisation that chairs any, most first (then by id).
    public var chairsByOrganisation: [(organisation: String, partnerships: [Int])] {
        var held: [String: [Int]] = [:]
        for (partnership, list) in chairs.enumerated() {
            for organisation in list { held[organisation, default: []].append(partnership) }
        }
        return held.map { ($0.key, $0.value) }.sorted {
            ($0.partnerships.count, $1.organisation) > ($1.partnerships.count, $0.organisation)
        }
    }
}

/// How two partnerships stand in the `parent` tree.
public enum PartnershipRelation: Sendable, Hashable {
    /// One sits under the other, at any depth; `ancestor` is the position of the one above.
    case nested(ancestor: Int)
    /// Both sit directly under the same partnership.
    case siblings
    /// Neither: two top-level partnerships, cousins, or partnerships of separate trees.
    case unrelated

    /// `nested`, `siblings` or `unrelated`, for tables.
    public var name: String {
        switch self {
        case .nested: "nested"
        case .siblings: "siblings"
        case .unrelated: "unrelated"
        }
    }
}

/// A pair of partnerships sharing members, placed in the `parent` tree.
public struct ArrangedOverlap: Sendable, Hashable {
    public let overlap: PartnershipOverlap
    public let relation: PartnershipRelation
    /// Whether the pair is likely duplication: a Jaccard index at or above the threshold,
    /// and neither partnership nested in the other.
    public let likelyDuplicate: Bool

    /// For a nested pair, the positions of the partnership below and the one above.
    public var nesting: (inner: Int, outer: Int)? {
        guard case .nested(let ancestor) = relation else { return nil }
        return (ancestor == overlap.first ? overlap.second : overlap.first, ancestor)
    }
}

extension PartnershipStructure {
    /// The Jaccard index from which two partnerships not nested one in the other are likely
    /// duplication: at least half their combined membership in common.
    public static let defaultDuplicationThreshold = 0.5

    /// How partnerships `a` and `b` (positions in ``partnerships``) stand in the tree.
    ///
    /// The deeper one is followed up `parent` links by the difference in depth; if that
    /// reaches the other, the other is its ancestor. Iterative, so chains of any depth are
    /// safe.
    ///
    /// - Precondition: `a ≠ b`, both valid positions.
    /// - Complexity: O(|depth(a) − depth(b)|) time, O(1) space.
    public func relation(between a: Int, and b: Int) -> PartnershipRelation {
        precondition(a != b && parent.indices.contains(a) && parent.indices.contains(b), "two partnerships")
        let (deep, shallow) = depth[a] >= depth[b] ? (a, b) : (b, a)
        var node = deep
        var steps = depth[deep] - depth[shallow]
        while steps > 0, let up = parent[node] {
            node = up
            steps -= 1
        }
        if depth[deep] > depth[shallow] && node == shallow { return .nested(ancestor: shallow) }
        if let up = parent[a], up == parent[b] { return .siblings }
        return .unrelated
    }

    /// The overlaps placed in the tree, each flagged as likely duplication only when its
    /// Jaccard index is at least `threshold` and neither partnership sits under the other.
    ///
    /// A thematic board nested under the main board shares many of its members by design:
    /// that is delegation, not duplication. Two siblings, or two unrelated partnerships,
    /// with most members in common are the duplication an evaluator looks for.
    ///
    /// - Parameter overlaps: pairs from ``TwoModeNetwork/overlaps()`` of the same area
    ///   (its partnership positions are this structure's).
    /// - Complexity: O(Σ depth differences) over the pairs, O(P·d) at worst for P pairs
    ///   and nesting depth d.
    public func arrangedOverlaps(
        _ overlaps: [PartnershipOverlap], threshold: Double = defaultDuplicationThreshold
    ) -> [ArrangedOverlap] {
        overlaps.map { overlap in
            let relation = relation(between: overlap.first, and: overlap.second)
            let nested = if case .nested = relation { true } else { false }
            return ArrangedOverlap(
                overlap: overlap, relation: relation, likelyDuplicate: overlap.jaccard >= threshold && !nested)
        }
    }
}
