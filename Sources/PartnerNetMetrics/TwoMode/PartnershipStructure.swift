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
        var depth = [Int](repeating: -1, count: parent.count)
        // −2 marks the walk in progress, so a cycle (in an unvalidated area) ends it in O(1).
        for start in parent.indices where depth[start] < 0 {
            var path: [Int] = []
            var node: Int? = start
            while let current = node, depth[current] == -1 {
                depth[current] = -2
                path.append(current)
                node = parent[current]
            }
            var level = node.map { depth[$0] >= 0 ? depth[$0] : -1 } ?? -1
            for current in path.reversed() {
                level += 1
                depth[current] = level
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
