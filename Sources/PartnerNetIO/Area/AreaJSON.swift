import Foundation
import PartnerNetCore

/// An area in one JSON file: the keys of `area.json` at the top level, then one array per
/// table whose objects use the CSV column names (extra columns included), and `columns`,
/// the order of each table's extra columns.
///
/// ```json
/// {"name": "Knoke bureaucracies", "directed": true,
///  "organisations": [{"id": "COUN", "sector": "GOV", "rating": "5.8"}],
///  "relationships": [{"source": "COUN", "target": "COMM", "weight": 1, "relation": "information"}],
///  "partnerships": [], "memberships": [],
///  "columns": {"organisations": ["rating"], "relationships": [], "partnerships": [], "memberships": []}}
/// ```
public enum AreaJSON {
    static let tableKeys: Set<String> = ["organisations", "relationships", "partnerships", "memberships", "columns"]

    /// Whether `path` names a JSON area file (by its extension).
    public static func isArea(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }

    /// Reads the area in the JSON file at `path`, with the same checks as an area folder.
    ///
    /// - Throws: ``AreaIOError/invalidInput(_:)`` with every error and warning; JSON
    ///   locations are paths such as `relationships[3].weight`.
    public static func read(at path: String) throws(AreaIOError) -> LoadedArea {
        let value: JSONValue
        do {
            value = try JSONText.parse(try AreaFolder.contents(of: path), file: path)
        } catch {
            throw .invalidInput([error.diagnostic])
        }
        guard case .object(let object) = value else {
            throw .invalidInput([.error(at: SourceLocation(file: path), "must hold a JSON object")])
        }
        var assembly = AreaAssembly()
        assembly.area.metadata = AreaMetadata(
            json: object, file: path, ignoring: tableKeys, into: &assembly.diagnostics)
        func rows(_ table: String) -> [(JSONFields, RowOrigin)] {
            switch object[table] {
            case nil, .null?:
                return []
            case .array(let items)?:
                return items.enumerated().compactMap { index, item in
                    let origin = RowOrigin(file: path, path: "\(table)[\(index)]")
                    guard case .object(let fields) = item else {
                        assembly.diagnostics.append(.error(at: origin.location(), "must be an object"))
                        return nil
                    }
                    return (JSONFields(object: fields, file: path, path: origin.path), origin)
                }
            default:
                assembly.diagnostics.append(.error(at: SourceLocation(file: path, path: table), "must be an array"))
                return []
            }
        }
        func require(_ key: String, _ fields: JSONFields) -> String {
            if let value = fields.string(key, into: &assembly.diagnostics) { return value }
            if fields.object[key] == nil {
                assembly.diagnostics.append(.error(at: fields.location(key), "missing required key \"\(key)\""))
            }
            return ""
        }
        if object["organisations"] == nil {
            assembly.diagnostics.append(
                .error(at: SourceLocation(file: path), "missing required key \"organisations\""))
        }
        for (fields, origin) in rows("organisations") {
            let organisation = Organisation(
                id: require("id", fields), name: fields.string("name", into: &assembly.diagnostics),
                sector: require("sector", fields),
                subsector: fields.string("subsector", into: &assembly.diagnostics),
                attributes: fields.attributes(excluding: TableSchema.organisations.known, into: &assembly.diagnostics))
            assembly.area.organisations.append(organisation)
            assembly.origins.organisations.append(origin)
        }
        for (fields, origin) in rows("relationships") {
            let tie = Relationship(
                source: require("source", fields), target: require("target", fields),
                weight: fields.number("weight", into: &assembly.diagnostics) ?? 1,
                relation: fields.string("relation", into: &assembly.diagnostics) ?? Relationship.defaultRelation,
                attributes: fields.attributes(excluding: TableSchema.relationships.known, into: &assembly.diagnostics))
            assembly.area.relationships.append(tie)
            assembly.origins.relationships.append(origin)
        }
        for (fields, origin) in rows("partnerships") {
            let partnership = Partnership(
                id: require("id", fields), name: fields.string("name", into: &assembly.diagnostics),
                parent: fields.string("parent", into: &assembly.diagnostics),
                quota: fields.integer("quota", into: &assembly.diagnostics),
                attributes: fields.attributes(excluding: TableSchema.partnerships.known, into: &assembly.diagnostics))
            assembly.area.partnerships.append(partnership)
            assembly.origins.partnerships.append(origin)
        }
        for (fields, origin) in rows("memberships") {
            let roleText = fields.string("role", into: &assembly.diagnostics) ?? ""
            let role = MembershipRole(cell: roleText)
            if role == nil {
                assembly.diagnostics.append(
                    .error(
                        at: fields.location("role"),
                        "unknown role \"\(roleText)\": use one of \(MembershipRole.vocabulary)"))
            }
            let seat = Membership(
                partnership: require("partnership", fields), organisation: require("organisation", fields),
                role: role ?? .member, votes: fields.integer("votes", into: &assembly.diagnostics),
                attributes: fields.attributes(excluding: TableSchema.memberships.known, into: &assembly.diagnostics))
            assembly.area.memberships.append(seat)
            assembly.origins.memberships.append(origin)
        }
        assembly.origins.membershipsFile = path
        assembly.origins.hasPartnershipsTable = object["partnerships"] != nil || object["memberships"] == nil
        assembly.area.extraColumns = extraColumns(object["columns"], area: assembly.area)
        return try assembly.finish(path: path)
    }

    /// The area as JSON text.
    public static func encode(_ area: Area) -> String {
        func row(_ known: [(String, JSONValue?)], _ attributes: [String: String]) -> JSONValue {
            var object = attributes.mapValues(JSONValue.string)
            for (key, value) in known { if let value { object[key] = value } }
            return .object(object)
        }
        var object = area.metadata.json
        object["organisations"] = .array(
            area.organisations.map {
                row(
                    [
                        ("id", .string($0.id)), ("name", $0.name.map(JSONValue.string)), ("sector", .string($0.sector)),
                        ("subsector", $0.subsector.map(JSONValue.string)),
                    ], $0.attributes)
            })
        object["relationships"] = .array(
            area.relationships.map {
                row(
                    [
                        ("source", .string($0.source)), ("target", .string($0.target)), ("weight", .number($0.weight)),
                        ("relation", .string($0.relation)),
                    ], $0.attributes)
            })
        object["partnerships"] = .array(
            area.partnerships.map {
                row(
                    [
                        ("id", .string($0.id)), ("name", $0.name.map(JSONValue.string)),
                        ("parent", $0.parent.map(JSONValue.string)), ("quota", $0.quota.map { .number(Double($0)) }),
                    ],
                    $0.attributes)
            })
        object["memberships"] = .array(
            area.memberships.map {
                row(
                    [
                        ("partnership", .string($0.partnership)), ("organisation", .string($0.organisation)),
                        ("role", .string($0.role.rawValue)), ("votes", .number(Double($0.votes))),
                    ], $0.attributes)
            })
        let columns = area.extraColumns
        object["columns"] = .object([
            "organisations": .array(columns.organisations.map(JSONValue.string)),
            "relationships": .array(columns.relationships.map(JSONValue.string)),
            "partnerships": .array(columns.partnerships.map(JSONValue.string)),
            "memberships": .array(columns.memberships.map(JSONValue.string)),
        ])
        return JSONText.encode(.object(object))
    }

    /// Writes the area to the JSON file at `path`.
    ///
    /// - Throws: ``AreaIOError/cannotWrite(path:reason:)``.
    public static func write(_ area: Area, to path: String) throws(AreaIOError) {
        do {
            try Data(encode(area).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }

    /// The `columns` entry when present and well formed, else the attribute keys sorted.
    private static func extraColumns(_ value: JSONValue?, area: Area) -> ExtraColumns {
        let derived = Area(
            organisations: area.organisations, relationships: area.relationships, partnerships: area.partnerships,
            memberships: area.memberships
        ).extraColumns
        guard case .object(let tables)? = value else { return derived }
        func names(_ table: String, _ fallback: [String]) -> [String] {
            guard case .array(let items)? = tables[table] else { return fallback }
            let listed = items.compactMap { item -> String? in
                if case .string(let name) = item { return name }
                return nil
            }
            return listed + fallback.filter { !listed.contains($0) }
        }
        return ExtraColumns(
            organisations: names("organisations", derived.organisations),
            relationships: names("relationships", derived.relationships),
            partnerships: names("partnerships", derived.partnerships),
            memberships: names("memberships", derived.memberships))
    }
}
