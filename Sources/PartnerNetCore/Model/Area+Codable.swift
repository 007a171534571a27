// The JSON form of an area, shared by the one-file JSON area and by anyone who encodes the
// model: the keys of area.json at the top level, then one array per table whose objects
// use the CSV column names, with extra columns inline, and `columns`, the order of each
// table's extra columns. Optional cells may be left out; defaults are those of the CSV
// format (weight 1, relation "tie", role member, votes by role). Unknown ties (the CSV's
// `NA` rows) are an array of their own, `unknown_ties`, written only when there are some.

/// A coding key for any string, to keep keys the model does not know.
struct AnyKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension KeyedDecodingContainer where K == AnyKey {
    func string(_ key: String) throws -> String? {
        try decodeIfPresent(String.self, forKey: AnyKey(key))
    }

    func required(_ key: String) throws -> String {
        try decode(String.self, forKey: AnyKey(key))
    }

    /// Every key not in `known`, as text: strings as they are, numbers and booleans
    /// written out; `null` and empty strings are left out, as empty cells are.
    func attributes(excluding known: Set<String>) throws -> [String: String] {
        var attributes: [String: String] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            let value = try decode(JSONValue.self, forKey: key)
            switch value {
            case .null: continue
            case .string(let text): if !text.isEmpty { attributes[key.stringValue] = text }
            case .number(let number): attributes[key.stringValue] = formatNumber(number)
            case .bool(let flag): attributes[key.stringValue] = flag ? "true" : "false"
            case .array, .object:
                throw DecodingError.typeMismatch(
                    String.self,
                    DecodingError.Context(
                        codingPath: codingPath + [key], debugDescription: "an extra column must hold text or a number"))
            }
        }
        return attributes
    }
}

extension KeyedEncodingContainer where K == AnyKey {
    mutating func encode(attributes: [String: String]) throws {
        for (key, value) in attributes { try encode(value, forKey: AnyKey(key)) }
    }
}

extension Organisation {
    static let knownKeys: Set<String> = ["id", "name", "sector", "subsector"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.init(
            id: try container.required("id"), name: try container.string("name"),
            sector: try container.required("sector"), subsector: try container.string("subsector"),
            attributes: try container.attributes(excluding: Self.knownKeys))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(attributes: attributes)
        try container.encode(id, forKey: AnyKey("id"))
        try container.encodeIfPresent(name, forKey: AnyKey("name"))
        try container.encode(sector, forKey: AnyKey("sector"))
        try container.encodeIfPresent(subsector, forKey: AnyKey("subsector"))
    }
}

extension Relationship {
    static let knownKeys: Set<String> = ["source", "target", "weight", "relation"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.init(
            source: try container.required("source"), target: try container.required("target"),
            weight: try container.decodeIfPresent(Double.self, forKey: AnyKey("weight")) ?? 1,
            relation: try container.string("relation") ?? Relationship.defaultRelation,
            attributes: try container.attributes(excluding: Self.knownKeys))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(attributes: attributes)
        try container.encode(source, forKey: AnyKey("source"))
        try container.encode(target, forKey: AnyKey("target"))
        try container.encode(weight, forKey: AnyKey("weight"))
        try container.encode(relation, forKey: AnyKey("relation"))
    }
}

extension UnknownTie {
    static let knownKeys: Set<String> = ["source", "target", "relation"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.init(
            source: try container.required("source"), target: try container.required("target"),
            relation: try container.string("relation") ?? Relationship.defaultRelation,
            attributes: try container.attributes(excluding: Self.knownKeys))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(attributes: attributes)
        try container.encode(source, forKey: AnyKey("source"))
        try container.encode(target, forKey: AnyKey("target"))
        try container.encode(relation, forKey: AnyKey("relation"))
    }
}

extension Partnership {
    static let knownKeys: Set<String> = ["id", "name", "parent", "quota"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.init(
            id: try container.required("id"), name: try container.string("name"),
            parent: try container.string("parent"),
            quota: try container.decodeIfPresent(Int.self, forKey: AnyKey("quota")),
            attributes: try container.attributes(excluding: Self.knownKeys))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(attributes: attributes)
        try container.encode(id, forKey: AnyKey("id"))
        try container.encodeIfPresent(name, forKey: AnyKey("name"))
        try container.encodeIfPresent(parent, forKey: AnyKey("parent"))
        try container.encodeIfPresent(quota, forKey: AnyKey("quota"))
    }
}

extension MembershipRole {
    /// The role named by `text`: any letter case, surrounding spaces ignored, a space for
    /// the hyphen (`Vice Chair`), `member` when empty; `nil` when it names no role.
    public init?(text: String) {
        let name = String(text.trimmingWhitespace().lowercased().map { $0 == " " ? "-" : $0 })
        if name.isEmpty {
            self = .member
        } else if let role = MembershipRole(rawValue: name) {
            self = role
        } else {
            return nil
        }
    }

    /// The role names, for messages.
    public static var vocabulary: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let role = MembershipRole(text: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown role \"\(text)\": use one of \(Self.vocabulary)"))
        }
        self = role
    }
}

extension Membership {
    static let knownKeys: Set<String> = ["partnership", "organisation", "role", "votes"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.init(
            partnership: try container.required("partnership"), organisation: try container.required("organisation"),
            role: try container.decodeIfPresent(MembershipRole.self, forKey: AnyKey("role")) ?? .member,
            votes: try container.decodeIfPresent(Int.self, forKey: AnyKey("votes")),
            attributes: try container.attributes(excluding: Self.knownKeys))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(attributes: attributes)
        try container.encode(partnership, forKey: AnyKey("partnership"))
        try container.encode(organisation, forKey: AnyKey("organisation"))
        try container.encode(role, forKey: AnyKey("role"))
        try container.encode(votes, forKey: AnyKey("votes"))
    }
}

extension RelationOptions {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var extra: [String: JSONValue] = [:]
        for key in container.allKeys where !Self.knownKeys.contains(key.stringValue) {
            extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        // A unit that is not text (a number, an object) is an error, not an extra key: it
        // decides whether weights may be added.
        self.init(
            directed: try container.decodeIfPresent(Bool.self, forKey: AnyKey("directed")),
            unit: try container.decodeIfPresent(String.self, forKey: AnyKey("unit")), extra: extra)
    }

    static let knownKeys: Set<String> = ["directed", "unit"]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in extra { try container.encode(value, forKey: AnyKey(key)) }
        try container.encodeIfPresent(directed, forKey: AnyKey("directed"))
        try container.encodeIfPresent(unit, forKey: AnyKey("unit"))
    }
}

extension AreaMetadata: Codable {
    static let knownKeys: Set<String> = ["name", "directed", "relations", "focal_sector"]

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, reserving: [])
    }

    /// Reads the metadata keys, keeping every other key in ``extra`` except `reserved`
    /// (the tables, when the metadata sits at the top of a whole area).
    init(from decoder: any Decoder, reserving reserved: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var extra: [String: JSONValue] = [:]
        for key in container.allKeys
        where !Self.knownKeys.contains(key.stringValue) && !reserved.contains(key.stringValue) {
            extra[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.init(
            name: try container.string("name"),
            directed: try container.decodeIfPresent(Bool.self, forKey: AnyKey("directed")) ?? false,
            relations: try container.decodeIfPresent([String: RelationOptions].self, forKey: AnyKey("relations"))
                ?? [:],
            focalSector: try container.string("focal_sector"), extra: extra)
    }

    /// Defaults are written out (`directed: false`) so the file explains itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in extra { try container.encode(value, forKey: AnyKey(key)) }
        try container.encodeIfPresent(name, forKey: AnyKey("name"))
        try container.encode(directed, forKey: AnyKey("directed"))
        if !relations.isEmpty { try container.encode(relations, forKey: AnyKey("relations")) }
        try container.encodeIfPresent(focalSector, forKey: AnyKey("focal_sector"))
    }
}

extension ExtraColumns {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func names(_ table: String) throws -> [String] {
            try container.decodeIfPresent([String].self, forKey: AnyKey(table)) ?? []
        }
        self.init(
            organisations: try names("organisations"), relationships: try names("relationships"),
            partnerships: try names("partnerships"), memberships: try names("memberships"))
    }
}

extension Area: Codable {
    static let tableKeys: Set<String> = [
        "organisations", "relationships", "unknown_ties", "partnerships", "memberships", "columns",
    ]

    /// Reads an area in its JSON form. `organisations` is required; the other tables may be
    /// left out. Extra columns missing from `columns` are ordered by name after those listed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        func table<T: Decodable>(_ key: String) throws -> [T] {
            try container.decodeIfPresent([T].self, forKey: AnyKey(key)) ?? []
        }
        self.init(
            metadata: try AreaMetadata(from: decoder, reserving: Self.tableKeys),
            organisations: try container.decode([Organisation].self, forKey: AnyKey("organisations")),
            relationships: Relationships(try table("relationships") as [Relationship]), partnerships: try table("partnerships"),
            memberships: try table("memberships"), unknownTies: try table("unknown_ties"))
        if let listed = try container.decodeIfPresent(ExtraColumns.self, forKey: AnyKey("columns")) {
            func merge(_ listed: [String], _ derived: [String]) -> [String] {
                listed + derived.filter { !listed.contains($0) }
            }
            extraColumns = ExtraColumns(
                organisations: merge(listed.organisations, extraColumns.organisations),
                relationships: merge(listed.relationships, extraColumns.relationships),
                partnerships: merge(listed.partnerships, extraColumns.partnerships),
                memberships: merge(listed.memberships, extraColumns.memberships))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder)
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(organisations, forKey: AnyKey("organisations"))
        try container.encode(relationships, forKey: AnyKey("relationships"))
        if !unknownTies.isEmpty { try container.encode(unknownTies, forKey: AnyKey("unknown_ties")) }
        try container.encode(partnerships, forKey: AnyKey("partnerships"))
        try container.encode(memberships, forKey: AnyKey("memberships"))
        try container.encode(extraColumns, forKey: AnyKey("columns"))
    }
}
