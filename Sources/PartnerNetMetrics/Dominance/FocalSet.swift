import PartnerNetCore

/// The organisations whose dominance is in question: every organisation of one sector
/// (the area's `focal_sector`, by default `local-authority`), or organisations named one by one.
///
/// A value over one graph's node handles; the same ids on another graph (another
/// selection of relations of the same area) give the same handles, since every
/// organisation is a node whatever the relations.
public struct FocalSet: Sendable, Hashable {
    /// Member node handles, ascending.
    public let members: [Int]
    /// Whether each node is a member, by handle.
    public let isMember: [Bool]
    /// The sector the set was chosen by, or `nil` when its members were named.
    public let sector: String?

    /// Number of members, |F|.
    public var count: Int { members.count }

    /// A set of node handles of a graph of `nodeCount` nodes.
    ///
    /// - Precondition: every handle is in `0..<nodeCount`.
    public init(members: some Sequence<Int>, nodeCount: Int, sector: String? = nil) {
        var isMember = [Bool](repeating: false, count: nodeCount)
        for node in members {
            precondition(node >= 0 && node < nodeCount, "focal node out of range")
            isMember[node] = true
        }
        self.isMember = isMember
        self.members = isMember.indices.filter { isMember[$0] }
        self.sector = sector
    }

    /// The organisations of `sector` among the nodes of `graph`.
    ///
    /// - Throws: ``MetricError/unknownFocalSector(_:available:)`` when no organisation of
    ///   the graph is in `sector`.
    /// - Complexity: O(n).
    public init(sector: String, in area: Area, graph: Graph) throws(MetricError) {
        var handles: [Int] = []
        for organisation in area.organisations where organisation.sector == sector {
            if let handle = graph.handles[organisation.id] { handles.append(handle) }
        }
        guard !handles.isEmpty else { throw .unknownFocalSector(sector, available: area.sectors) }
        self.init(members: handles, nodeCount: graph.nodeCount, sector: sector)
    }

    /// The area's focal sector (`focal_sector` in `area.json`, else `local-authority`).
    ///
    /// - Throws: ``MetricError/unknownFocalSector(_:available:)`` when it has no organisation.
    public init(defaultIn area: Area, graph: Graph) throws(MetricError) {
        try self.init(sector: area.focalSector, in: area, graph: graph)
    }

    /// The organisations named by `ids`; repeats are ignored.
    ///
    /// - Throws: ``MetricError/unknownFocalOrganisations(_:)`` listing every id that is
    ///   not a node of `graph`; ``MetricError/emptyFocalSet`` when `ids` is empty.
    public init(ids: [String], graph: Graph) throws(MetricError) {
        guard !ids.isEmpty else { throw .emptyFocalSet }
        let unknown = ids.filter { graph.handles[$0] == nil }
        guard unknown.isEmpty else { throw .unknownFocalOrganisations(unknown) }
        self.init(members: ids.map { graph.handles[$0]! }, nodeCount: graph.nodeCount)
    }
}
