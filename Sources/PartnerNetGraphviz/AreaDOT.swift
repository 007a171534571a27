import Foundation
import PartnerNetCore

/// An area as a plain DOT graph and back: organisations are nodes whose attributes are
/// their columns (`name`, `sector`, `subsector`, extra columns; `label` shows the name),
/// relationships are edges with `weight`, `relation` and their extra columns. The area's
/// metadata travels in the graph attribute `partnernet_area` as JSON. Partnerships and
/// memberships have no place in DOT; ``dotGraph(of:)`` says so in its notes.
public enum AreaDOT {
    /// The graph attribute holding `area.json`'s content.
    static let metadataAttribute = "partnernet_area"

    /// The area as DOT, and notes on what DOT could not carry.
    public static func dotGraph(of area: Area) -> (graph: DOTGraph, notes: [String]) {
        var notes: [String] = []
        if !area.partnerships.isEmpty || !area.memberships.isEmpty {
            notes.append(
                "DOT holds no partnerships or memberships: \(area.partnerships.count) partnerships and "
                    + "\(area.memberships.count) memberships are not written")
        }
        let directed = area.metadata.directed || area.relationNames.contains { area.metadata.isDirected(relation: $0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let metadata = (try? encoder.encode(area.metadata)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let nodes = area.organisations.map { organisation in
            var attributes = organisation.attributes.mapValues(DOTValue.text)
            attributes["sector"] = .text(organisation.sector)
            if let name = organisation.name { attributes["name"] = .text(name) }
            if let subsector = organisation.subsector { attributes["subsector"] = .text(subsector) }
            if attributes["label"] == nil { attributes["label"] = .text(organisation.displayName) }
            return DOTNode(id: organisation.id, attributes: attributes)
        }
        let edges = area.relationships.map { tie in
            var attributes = tie.attributes.mapValues(DOTValue.text)
            attributes["weight"] = .text(formatNumber(tie.weight))
            attributes["relation"] = .text(tie.relation)
            if directed && !area.metadata.isDirected(relation: tie.relation) { attributes["dir"] = "none" }
            return DOTEdge(tail: tie.source, head: tie.target, attributes: attributes)
        }
        let graph = DOTGraph(
            name: area.metadata.name ?? "area", isDirected: directed,
            attributes: [metadataAttribute: .text(metadata)], nodes: nodes, edges: edges)
        return (graph, notes)
    }

    /// The area a DOT graph describes.
    ///
    /// Node attributes become organisation columns: `sector` (`none` when missing, with a
    /// warning), `name` (else a `label` other than the default `\N`), `subsector`, and every
    /// other attribute as an extra column. Edge `weight` (default 1) and `relation` (default
    /// `tie`) are kept with every other edge attribute. Metadata comes from
    /// `partnernet_area` when present, else the graph's name and direction.
    ///
    /// - Returns: the area and any warnings; the caller validates it.
    public static func area(from graph: DOTGraph, file: String) -> (area: Area, problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var metadata = AreaMetadata(name: graph.name, directed: graph.isDirected)
        if let json = graph.attributes[metadataAttribute]?.string,
            let decoded = try? JSONDecoder().decode(AreaMetadata.self, from: Data(json.utf8))
        {
            metadata = decoded
        }
        var missingSector: [String] = []
        let organisations = graph.nodes.map { node in
            var attributes = node.attributes.mapValues(\.string)
            let sector = attributes.removeValue(forKey: "sector")
            if sector == nil { missingSector.append(node.id) }
            var name = attributes.removeValue(forKey: "name")
            let label = node.attributes["label"].map { value in
                if case .html(let markup) = value { return textOfHTML(markup) }
                return unescapedLabel(value.string)
            }
            attributes["label"] = nil
            if let label, label != "\\N", label != name ?? node.id {
                if name == nil { name = label } else { attributes["label"] = label }
            }
            let subsector = attributes.removeValue(forKey: "subsector")
            return Organisation(
                id: node.id, name: name, sector: sector ?? "none", subsector: subsector, attributes: attributes)
        }
        if !missingSector.isEmpty {
            problems.append(
                .warning(
                    at: SourceLocation(file: file),
                    "\(missingSector.count) node\(missingSector.count == 1 ? " has" : "s have") no sector attribute "
                        + "(\(missingSector.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))"
                        + "\(missingSector.count > 3 ? ", …" : "")); their sector is \"none\""))
        }
        var relationships = Relationships()
        for (index, edge) in graph.edges.enumerated() {
            var attributes = edge.attributes.mapValues(\.string)
            var weight = 1.0
            if let text = attributes.removeValue(forKey: "weight") {
                if let value = DecimalText.number(text.trimmingWhitespace()) {
                    weight = value
                } else {
                    problems.append(
                        .error(
                            at: SourceLocation(
                                file: file, path: "edge \(index + 1) (\(edge.tail) – \(edge.head)).weight"),
                            "weight must be a positive finite number, got \"\(text)\""))
                }
            }
            let relation = attributes.removeValue(forKey: "relation") ?? Relationship.defaultRelation
            if attributes["dir"] == "none", metadata.relations[relation]?.directed == false { attributes["dir"] = nil }
            relationships.append(
                Relationship(
                    source: edge.tail, target: edge.head, weight: weight, relation: relation, attributes: attributes))
        }
        return (Area(metadata: metadata, organisations: organisations, relationships: relationships), problems)
    }

    /// The text of a simple HTML-like label: `<BR/>` as a line break, other tags dropped,
    /// entities decoded.
    static func textOfHTML(_ markup: String) -> String {
        var text = markup.replacingOccurrences(
            of: "<BR\\s*/?>", with: "\n", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        var out = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10
            else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let entity = String(rest[rest.index(after: rest.startIndex)..<semicolon])
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let value = named[entity] {
                out += value
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&" + entity + ";"
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    /// A label's text as shown: `\\` → `\`, `\n`, `\l`, `\r` → line breaks.
    static func unescapedLabel(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n", "l", "r": out.append("\n")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }
}
