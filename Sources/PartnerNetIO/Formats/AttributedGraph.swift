import Foundation
import PartnerNetCore

/// A graph whose nodes and edges carry text attributes, as GraphML and GEXF hold it, and
/// its translation to and from an area.
///
/// Nodes are organisations, or partnerships when their `kind` is `partnership`; edges are
/// relationships (`weight`, `relation`, other columns), or memberships when their `kind` is
/// `membership` or an end is a partnership (`role`, `votes`). Organisations take `name`
/// (else a `label` other than the id), `sector`, `subsector`; partnerships `name`,
/// `parent`, `quota`, and `partnership_id` when the node's id had to differ from the
/// partnership's. Every other attribute is a column.
struct AttributedGraph {
    struct Node {
        var id: String
        var attributes: [String: String]
        var origin: RowOrigin
    }

    struct Edge {
        var source: String
        var target: String
        /// The edge's own direction, when it states one.
        var directed: Bool?
        var attributes: [String: String]
        var origin: RowOrigin
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    var directedByDefault = false
    /// Graph-level attributes.
    var graphAttributes: [String: String] = [:]
    /// Node and edge attribute names in the order the file declares them.
    var nodeKeys: [String] = []
    var edgeKeys: [String] = []

    /// The graph attribute carrying PartnerNet's `area.json` and column order.
    static let areaKey = "partnernet_area"

    /// What the `partnernet_area` attribute holds.
    struct Header: Codable {
        var metadata: AreaMetadata
        var columns: ExtraColumns
    }

    // MARK: Graph → area

    func area(file: String) -> ParsedArea {
        var assembly = AreaAssembly()
        var diagnostics: [Diagnostic] = []
        var missing = Set<String>()
        let header = graphAttributes[Self.areaKey].flatMap {
            try? JSONDecoder().decode(Header.self, from: Data($0.utf8))
        }

        // igraph names nodes n0, n1, … and keeps the vertex names in `name`.
        var nodes = self.nodes
        var edges = self.edges
        if !nodes.isEmpty, nodes.enumerated().allSatisfy({ $0.element.id == "n\($0.offset)" }),
            nodes.allSatisfy({ !($0.attributes["name"] ?? "").isEmpty }),
            Set(nodes.map { $0.attributes["name"]! }).count == nodes.count
        {
            var renamed: [String: String] = [:]
            for index in nodes.indices {
                let name = nodes[index].attributes.removeValue(forKey: "name")!
                renamed[nodes[index].id] = name
                nodes[index].id = name
            }
            for index in edges.indices {
                edges[index].source = renamed[edges[index].source] ?? edges[index].source
                edges[index].target = renamed[edges[index].target] ?? edges[index].target
            }
        }

        var partnershipNode: [String: String] = [:]  // node id → partnership id
        var organisationColumns: [String] = []
        var partnershipColumns: [String] = []
        for node in nodes {
            var attributes = node.attributes
            let kind = attributes["kind"]
            if kind == "partnership" || kind == "organisation" { attributes["kind"] = nil }
            let label = attributes.removeValue(forKey: "label")
            var name = attributes.removeValue(forKey: "name")
            if let label, name == nil, label != node.id { name = label }
            if let label, label != name, label != node.id, name != label { attributes["label"] = label }
            if kind == "partnership" {
                let id = attributes.removeValue(forKey: "partnership_id") ?? node.id
                partnershipNode[node.id] = id
                var quota: Int?
                if let text = attributes.removeValue(forKey: "quota") {
                    quota = Int(text.trimmingWhitespace())
                    if quota == nil {
                        diagnostics.append(
                            .error(at: node.origin.location(), "quota must be a whole number, got \(quoted(text))"))
                    }
                }
                assembly.area.partnerships.append(
                    Partnership(
                        id: id, name: name, parent: attributes.removeValue(forKey: "parent"), quota: quota,
                        attributes: attributes))
                assembly.origins.partnerships.append(node.origin)
                for key in attributes.keys where !partnershipColumns.contains(key) { partnershipColumns.append(key) }
            } else {
                let sector = attributes.removeValue(forKey: "sector")
                if sector == nil { missing.insert(node.id) }
                let subsector = attributes.removeValue(forKey: "subsector")
                assembly.area.organisations.append(
                    Organisation(
                        id: node.id, name: name, sector: sector ?? ParsedArea.unknownSector, subsector: subsector,
                        attributes: attributes))
                assembly.origins.organisations.append(node.origin)
                for key in attributes.keys where !organisationColumns.contains(key) { organisationColumns.append(key) }
            }
        }

        var relationshipColumns: [String] = []
        var membershipColumns: [String] = []
        var directions: [(String, Bool)] = []
        var directionOf: [String: (directed: Bool, origin: RowOrigin)] = [:]
        assembly.area.relationships.reserveCapacity(edges.count)
        for edge in edges {
            var attributes = edge.attributes
            let kind = attributes["kind"]
            if kind == "membership" || kind == "relationship" { attributes["kind"] = nil }
            let sourcePartnership = partnershipNode[edge.source]
            let targetPartnership = partnershipNode[edge.target]
            if kind == "membership" || sourcePartnership != nil || targetPartnership != nil {
                guard (sourcePartnership == nil) != (targetPartnership == nil) else {
                    diagnostics.append(
                        .error(
                            at: edge.origin.location(),
                            "a membership joins an organisation and a partnership; this edge joins "
                                + "\(quoted(edge.source)) and \(quoted(edge.target))"))
                    continue
                }
                let roleText = attributes.removeValue(forKey: "role") ?? ""
                let role = MembershipRole(text: roleText)
                if role == nil {
                    diagnostics.append(
                        .error(
                            at: edge.origin.location(),
                            "unknown role \(quoted(roleText)): use one of \(MembershipRole.vocabulary)"))
                }
                var votes: Int?
                if let text = attributes.removeValue(forKey: "votes") {
                    votes = Int(text.trimmingWhitespace())
                    if votes == nil {
                        diagnostics.append(
                            .error(at: edge.origin.location(), "votes must be a whole number, got \(quoted(text))"))
                    }
                }
                assembly.area.memberships.append(
                    Membership(
                        partnership: sourcePartnership ?? targetPartnership!,
                        organisation: sourcePartnership == nil ? edge.source : edge.target, role: role ?? .member,
                        votes: votes, attributes: attributes))
                assembly.origins.memberships.append(edge.origin)
                for key in attributes.keys where !membershipColumns.contains(key) { membershipColumns.append(key) }
                continue
            }
            var weight = 1.0
            if let text = attributes.removeValue(forKey: "weight") {
                if let value = DecimalText.number(text.trimmingWhitespace()) {
                    weight = value
                } else {
                    diagnostics.append(
                        .error(
                            at: edge.origin.location(), "weight must be a positive finite number, got \(quoted(text))"))
                }
            }
            let relation = attributes.removeValue(forKey: "relation") ?? Relationship.defaultRelation
            let directed = edge.directed ?? directedByDefault
            if let first = directionOf[relation] {
                if first.directed != directed && header == nil {
                    diagnostics.append(
                        .error(
                            at: edge.origin.location(),
                            "relation \(quoted(relation)) is \(first.directed ? "directed" : "undirected") at "
                                + "\(first.origin.location().description) but \(directed ? "directed" : "undirected") here: "
                                + "a relation has one direction (give its edges a relation attribute)"))
                }
            } else {
                directionOf[relation] = (directed, edge.origin)
                directions.append((relation, directed))
            }
            assembly.area.relationships.append(
                Relationship(
                    source: edge.source, target: edge.target, weight: weight, relation: relation, attributes: attributes
                ))
            assembly.origins.relationships.append(edge.origin)
            for key in attributes.keys where !relationshipColumns.contains(key) { relationshipColumns.append(key) }
        }

        // Columns in the order the keys were declared.
        func ordered(_ used: [String], _ declared: [String]) -> [String] {
            let set = Set(used)
            return declared.filter(set.contains) + used.filter { !declared.contains($0) }.sorted()
        }
        var columns = ExtraColumns(
            organisations: ordered(organisationColumns, nodeKeys),
            relationships: ordered(relationshipColumns, edgeKeys),
            partnerships: ordered(partnershipColumns, nodeKeys),
            memberships: ordered(membershipColumns, edgeKeys))
        if let header {
            assembly.area.metadata = header.metadata
            func merge(_ listed: [String], _ derived: [String]) -> [String] {
                listed + derived.filter { !listed.contains($0) }
            }
            columns = ExtraColumns(
                organisations: merge(header.columns.organisations, columns.organisations),
                relationships: merge(header.columns.relationships, columns.relationships),
                partnerships: merge(header.columns.partnerships, columns.partnerships),
                memberships: merge(header.columns.memberships, columns.memberships))
        } else {
            var metadata = AreaMetadata.directions(directions, otherwise: directedByDefault)
            var extra = graphAttributes
            metadata.name = extra.removeValue(forKey: "name")
            metadata.focalSector = extra.removeValue(forKey: "focal_sector")
            metadata.extra = extra.mapValues(JSONValue.string)
            assembly.area.metadata = metadata
        }
        assembly.area.extraColumns = columns
        assembly.origins.hasPartnershipsTable = !assembly.area.partnerships.isEmpty || assembly.area.memberships.isEmpty
        assembly.origins.membershipsFile = file
        assembly.diagnostics = diagnostics
        return ParsedArea(assembly: assembly, missingSector: MissingSectors(missing))
    }

    // MARK: Area → graph

    /// The area as nodes and edges; `nodeID` of a partnership avoids every organisation id.
    init(area: Area) {
        let organisationIDs = Set(area.organisations.map(\.id))
        var used = organisationIDs
        var partnershipNode: [String: String] = [:]
        for organisation in area.organisations {
            var attributes = organisation.attributes
            if let name = organisation.name { attributes["name"] = name }
            attributes["sector"] = organisation.sector
            if let subsector = organisation.subsector { attributes["subsector"] = subsector }
            if !area.partnerships.isEmpty { attributes["kind"] = "organisation" }
            nodes.append(Node(id: organisation.id, attributes: attributes, origin: RowOrigin(file: "")))
        }
        for partnership in area.partnerships {
            var nodeID = partnership.id
            while used.contains(nodeID) { nodeID = "partnership:" + nodeID }
            used.insert(nodeID)
            if partnershipNode[partnership.id] == nil { partnershipNode[partnership.id] = nodeID }
            var attributes = partnership.attributes
            attributes["kind"] = "partnership"
            if nodeID != partnership.id { attributes["partnership_id"] = partnership.id }
            if let name = partnership.name { attributes["name"] = name }
            if let parent = partnership.parent { attributes["parent"] = parent }
            if let quota = partnership.quota { attributes["quota"] = String(quota) }
            nodes.append(Node(id: nodeID, attributes: attributes, origin: RowOrigin(file: "")))
        }
        directedByDefault = area.metadata.directed
        for tie in area.relationships {
            var attributes = tie.attributes
            attributes["weight"] = formatNumber(tie.weight)
            attributes["relation"] = tie.relation
            if !area.memberships.isEmpty { attributes["kind"] = "relationship" }
            let directed = area.metadata.isDirected(relation: tie.relation)
            edges.append(
                Edge(
                    source: tie.source, target: tie.target, directed: directed == directedByDefault ? nil : directed,
                    attributes: attributes, origin: RowOrigin(file: "")))
        }
        for seat in area.memberships {
            var attributes = seat.attributes
            attributes["kind"] = "membership"
            attributes["role"] = seat.role.rawValue
            attributes["votes"] = String(seat.votes)
            edges.append(
                Edge(
                    source: seat.organisation, target: partnershipNode[seat.partnership] ?? seat.partnership,
                    directed: directedByDefault ? false : nil, attributes: attributes, origin: RowOrigin(file: "")))
        }
        let columns = area.extraColumns
        func keys(_ known: [String], _ listed: [String], _ rows: [[String: String]]) -> [String] {
            var keys = known
            for key in listed where !keys.contains(key) { keys.append(key) }
            for key in Set(rows.flatMap(\.keys)).sorted() where !keys.contains(key) { keys.append(key) }
            return keys
        }
        let hasPartnerships = !area.partnerships.isEmpty
        nodeKeys = keys(
            (hasPartnerships ? ["kind"] : []) + ["name", "sector", "subsector"], columns.organisations,
            area.organisations.map(\.attributes))
        if hasPartnerships {
            nodeKeys = keys(
                nodeKeys + ["partnership_id", "parent", "quota"], columns.partnerships,
                area.partnerships.map(\.attributes))
        }
        edgeKeys = keys(
            (area.memberships.isEmpty ? [] : ["kind"]) + ["weight", "relation"], columns.relationships,
            area.relationships.map(\.attributes))
        if !area.memberships.isEmpty {
            edgeKeys = keys(edgeKeys + ["role", "votes"], columns.memberships, area.memberships.map(\.attributes))
        }
        // Only keys that some node or edge holds.
        let nodeUsed = Set(nodes.flatMap(\.attributes.keys))
        let edgeUsed = Set(edges.flatMap(\.attributes.keys))
        nodeKeys = nodeKeys.filter(nodeUsed.contains)
        edgeKeys = edgeKeys.filter(edgeUsed.contains)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(Header(metadata: area.metadata, columns: columns)) {
            graphAttributes[Self.areaKey] = String(decoding: data, as: UTF8.self)
        }
    }

    init() {}

    /// The type of each attribute over every node (or edge) holding it.
    static func types(_ keys: [String], _ rows: [[String: String]]) -> [String: String] {
        var values: [String: [String]] = [:]
        for row in rows {
            for (key, value) in row { values[key, default: []].append(value) }
        }
        var types: [String: String] = [:]
        for key in keys { types[key] = XMLText.valueType(values[key] ?? []) }
        return types
    }
}
