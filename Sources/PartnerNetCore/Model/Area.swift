/// Per-relation settings from `area.json`.
public struct RelationOptions: Hashable, Sendable, Codable {
    /// Overrides the area's default direction for this relation; `nil` keeps the default.
    public var directed: Bool?
    /// What a weight of this relation measures (`"GBP k per year"`, `"contacts per month"`);
    /// `nil` when undeclared. Weights of relations are added in a union only when every
    /// selected relation declares the same unit (see ``WeightCombination``).
    public var unit: String?
    /// Other keys, kept as given.
    public var extra: [String: JSONValue]

    public init(directed: Bool? = nil, unit: String? = nil, extra: [String: JSONValue] = [:]) {
        self.directed = directed
        self.unit = unit
        self.extra = extra
    }
}

/// The contents of `area.json`: the area's name, directions and focal sector.
public struct AreaMetadata: Hashable, Sendable {
    public var name: String?
    /// Default direction of every relation (false when absent).
    public var directed: Bool
    /// Per-relation overrides, keyed by relation name.
    public var relations: [String: RelationOptions]
    /// The sector whose dominance is in question; `local-authority` when absent.
    public var focalSector: String?
    /// Keys PartnerNet does not interpret, kept and written back.
    public var extra: [String: JSONValue]

    public init(
        name: String? = nil, directed: Bool = false, relations: [String: RelationOptions] = [:],
        focalSector: String? = nil, extra: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.directed = directed
        self.relations = relations
        self.focalSector = focalSector
        self.extra = extra
    }

    /// The sector used when `focal_sector` is absent.
    public static let defaultFocalSector = "local-authority"

    /// Whether `relation` is directed: its own setting, else the area's default.
    /// `co-membership` is always undirected.
    public func isDirected(relation: String) -> Bool {
        if relation == Area.coMembership { return false }
        return relations[relation]?.directed ?? directed
    }

    /// The unit `relation` declares in `area.json`, or `nil` when it declares none.
    public func unit(of relation: String) -> String? {
        relations[relation]?.unit
    }
}

/// The order of the columns a user added to each table, so they are written back in place.
public struct ExtraColumns: Hashable, Sendable, Codable {
    public var organisations: [String]
    public var relationships: [String]
    public var partnerships: [String]
    public var memberships: [String]

    public init(
        organisations: [String] = [], relationships: [String] = [], partnerships: [String] = [],
        memberships: [String] = []
    ) {
        self.organisations = organisations
        self.relationships = relationships
        self.partnerships = partnerships
        self.memberships = memberships
    }
}

/// One place's partnership network: organisations, the relationships between them, and
/// the partnerships they sit on. A value type; every element is kept as the user gave it.
public struct Area: Hashable, Sendable {
    /// The relation formed by projecting memberships onto organisations: a tie for every
    /// pair sharing a partnership, weighted by the number shared.
    public static let coMembership = "co-membership"

    public var metadata: AreaMetadata
    public var organisations: [Organisation]
    /// Held as columns (see ``Relationships``); used as an array of ``Relationship``.
    public var relationships: Relationships
    /// Rows of `relationships.csv` whose weight is `NA`: ties whose existence is unknown,
    /// kept apart from ``relationships`` so that no graph counts them (see ``UnknownTie``).
    public var unknownTies: [UnknownTie]
    public var partnerships: [Partnership]
    public var memberships: [Membership]
    /// Extra columns in the order they were read, for writing back.
    public var extraColumns: ExtraColumns

    public init(
        metadata: AreaMetadata = AreaMetadata(), organisations: [Organisation] = [],
        relationships: Relationships = [], partnerships: [Partnership] = [], memberships: [Membership] = [],
        unknownTies: [UnknownTie] = [], extraColumns: ExtraColumns? = nil
    ) {
        self.metadata = metadata
        self.organisations = organisations
        self.relationships = relationships
        self.partnerships = partnerships
        self.memberships = memberships
        self.unknownTies = unknownTies
        self.extraColumns =
            extraColumns
            ?? ExtraColumns(
                organisations: Self.attributeKeys(organisations.map(\.attributes)),
                relationships: Self.attributeKeys(relationships.map(\.attributes) + unknownTies.map(\.attributes)),
                partnerships: Self.attributeKeys(partnerships.map(\.attributes)),
                memberships: Self.attributeKeys(memberships.map(\.attributes)))
    }

    /// An area whose relationships are given as an array.
    public init(
        metadata: AreaMetadata = AreaMetadata(), organisations: [Organisation] = [],
        relationships: [Relationship], partnerships: [Partnership] = [], memberships: [Membership] = [],
        unknownTies: [UnknownTie] = [], extraColumns: ExtraColumns? = nil
    ) {
        self.init(
            metadata: metadata, organisations: organisations, relationships: Relationships(relationships),
            partnerships: partnerships, memberships: memberships, unknownTies: unknownTies, extraColumns: extraColumns)
    }

    /// Relation names in the order they first appear in the relationships. A relation that
    /// only unknown ties name is not among them: it has no observed tie to measure.
    public var relationNames: [String] { relationships.relationNames }

    /// The number of unknown pairs of each relation that has any (``unknownPairCounts``),
    /// in the order of ``relationNames``, then relations only unknown ties name, in the
    /// order they first appear.
    public var unknownPairsByRelation: [(relation: String, pairs: Int)] {
        let counts = unknownPairCounts
        var seen = Set<String>()
        let order = relationNames + unknownTies.map(\.relation)
        return order.compactMap { name in
            guard seen.insert(name).inserted, let count = counts[name] else { return nil }
            return (name, count)
        }
    }

    /// The number of distinct pairs whose tie is unknown in each relation, self-loops left
    /// out; an undirected relation counts `A,B` and `B,A` once. Relations without unknown
    /// ties are absent.
    ///
    /// - Complexity: O(U) expected time for U unknown ties.
    public var unknownPairCounts: [String: Int] {
        var pairs: [String: Set<[String]>] = [:]
        for tie in unknownTies where !tie.isSelfLoop {
            let directed = metadata.isDirected(relation: tie.relation)
            let key = directed || tie.source < tie.target ? [tie.source, tie.target] : [tie.target, tie.source]
            pairs[tie.relation, default: []].insert(key)
        }
        return pairs.mapValues(\.count)
    }

    /// The unknown pairs of `relation` as positions in ``organisations`` (source, target),
    /// self-loops and unknown organisations left out, each row once as written.
    public func unknownPairs(of relation: String) -> [(Int, Int)] {
        var position: [String: Int] = [:]
        for (index, organisation) in organisations.enumerated() where position[organisation.id] == nil {
            position[organisation.id] = index
        }
        return unknownTies.compactMap { tie in
            guard tie.relation == relation, !tie.isSelfLoop, let s = position[tie.source], let t = position[tie.target]
            else { return nil }
            return (s, t)
        }
    }

    /// Sectors in the order they first appear among the organisations.
    public var sectors: [String] {
        var seen = Set<String>()
        return organisations.compactMap { seen.insert($0.sector).inserted ? $0.sector : nil }
    }

    /// The focal sector: `focal_sector` from `area.json`, else `local-authority`.
    public var focalSector: String { metadata.focalSector ?? AreaMetadata.defaultFocalSector }

    /// The extra columns of `rows`: sorted, for areas built in code rather than read.
    private static func attributeKeys(_ rows: [[String: String]]) -> [String] {
        Set(rows.flatMap(\.keys)).sorted()
    }
}
