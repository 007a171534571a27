import Foundation
import PartnerNetCore

/// GEXF 1.3 (the Gephi project's Graph Exchange XML Format, gexf.net), to finish a diagram
/// in Gephi.
///
/// Written: organisations as nodes labelled by name, coloured by sector (`viz:color`, the
/// palette of PartnerNet's own diagrams when the caller gives it), with `name`, `sector`,
/// `subsector` and every column as typed node attributes; partnerships as nodes whose
/// `kind` is `partnership` (grey); relationships as edges with `weight`, `relation` and
/// their columns, `type="undirected"` or `"directed"` where a relation goes against the
/// graph's `defaultedgetype`; memberships as undirected edges of `kind` `membership`. The
/// area's name is the description. GEXF has no place for `focal_sector` or other
/// `area.json` keys; the warning says so.
///
/// **Dynamic GEXF** (`dynamic: true`, `convert --dynamic`): the graph is `mode="dynamic"`
/// with `timeformat="date"`, and every node and edge whose row carries `since` or `until`
/// (Docs/FORMAT.md, "Waves") gets one `<spell>`: `start` its `since`, `end` the day before
/// its `until` — GEXF's spells are closed intervals, `until` is exclusive — each written in
/// full (`2024` is `2024-01-01`), an open end left out. Rows without dates hold throughout
/// and get no spell. The `since` and `until` columns stay as attributes too, so the file
/// reads back into the same dated rows, and Gephi's timeline plays the waves.
///
/// Read: the same, and GEXF 1.1–1.3 files from Gephi: `label` as the name, `attvalue`s
/// by `for` (or 1.0's `id`), attribute `<default>`s, `defaultedgetype`, each edge's
/// `type` and `weight`. Time: a node or edge without `since`/`until` attributes whose one
/// spell (or `start`/`end` attributes) is a date becomes a dated row, `since` its start and
/// `until` the day after its end; several spells, and times that are not dates
/// (`timeformat` integer or double, or a dateTime), are skipped, as is drawing data (`viz:*`).
enum GEXFFormat {
    static let namespace = "http://gexf.net/1.3"
    /// Partnership nodes' colour.
    static let partnershipColour = "#999999"

    // MARK: Reading

    static func parse(_ data: Data, file: String) throws(AreaIOError) -> ParsedArea {
        let root = try XMLElementNode.parse(data, file: file)
        func fail(_ element: XMLElementNode, _ message: String) -> AreaIOError {
            .invalidInput([.error(at: element.location(file), message)])
        }
        guard root.name == "gexf" else {
            throw fail(root, "not GEXF: the root element is <\(root.name)>, expected <gexf>")
        }
        guard let graphElement = root.child("graph") else { throw fail(root, "no <graph> element") }
        var graph = AttributedGraph()
        let edgeType = graphElement.attributes["defaultedgetype"]?.lowercased() ?? "undirected"
        switch edgeType {
        case "directed": graph.directedByDefault = true
        case "undirected", "mutual": graph.directedByDefault = false
        default:
            throw fail(graphElement, "defaultedgetype must be directed, undirected or mutual, got \(quoted(edgeType))")
        }
        let timeIsDate = (graphElement.attributes["timeformat"]?.lowercased() ?? "date") == "date"
        if let description = root.child("meta")?.child("description")?.text, !description.isEmpty {
            graph.graphAttributes["name"] = description
        }
        // Attribute declarations: id → (title, default).
        var titles: [String: [String: (title: String, defaultValue: String?)]] = ["node": [:], "edge": [:]]
        for block in graphElement.children("attributes") {
            let kind = block.attributes["class"]?.lowercased() ?? "node"
            guard kind == "node" || kind == "edge" else { continue }
            for attribute in block.children("attribute") {
                guard let id = attribute.attributes["id"] else { throw fail(attribute, "<attribute> has no id") }
                let title = attribute.attributes["title"] ?? id
                titles[kind]![id] = (title, attribute.child("default")?.text)
                if kind == "node" { graph.nodeKeys.append(title) } else { graph.edgeKeys.append(title) }
            }
        }
        func values(of element: XMLElementNode, kind: String) throws(AreaIOError) -> [String: String] {
            var values: [String: String] = [:]
            for (_, declared) in titles[kind]! {
                if let value = declared.defaultValue { values[declared.title] = value }
            }
            for block in element.children("attvalues") {
                for item in block.children("attvalue") {
                    guard let id = item.attributes["for"] ?? item.attributes["id"] else {
                        throw fail(item, "<attvalue> has no for attribute")
                    }
                    guard let declared = titles[kind]![id] else {
                        throw fail(item, "<attvalue> names the undeclared \(kind) attribute \(quoted(id))")
                    }
                    values[declared.title] = item.attributes["value"] ?? ""
                }
            }
            return values
        }
        var seen: [String: Int] = [:]
        for element in graphElement.child("nodes")?.children("node") ?? [] {
            guard let id = element.attributes["id"] else { throw fail(element, "<node> has no id") }
            if let first = seen[id] {
                throw fail(element, "node \(quoted(id)) is declared twice (first on line \(first))")
            }
            seen[id] = element.line
            var attributes = try values(of: element, kind: "node")
            if let label = element.attributes["label"], attributes["label"] == nil { attributes["label"] = label }
            if timeIsDate { Self.date(&attributes, from: element) }
            graph.nodes.append(
                AttributedGraph.Node(
                    id: id, attributes: attributes,
                    origin: RowOrigin(file: file, line: element.line, columns: ["id": element.column])))
        }
        for element in graphElement.child("edges")?.children("edge") ?? [] {
            guard let source = element.attributes["source"], let target = element.attributes["target"] else {
                throw fail(element, "<edge> needs a source and a target")
            }
            var attributes = try values(of: element, kind: "edge")
            if let weight = element.attributes["weight"] { attributes["weight"] = weight }
            if timeIsDate { Self.date(&attributes, from: element) }
            if let label = element.attributes["label"], attributes["label"] == nil { attributes["label"] = label }
            var directed: Bool?
            if let type = element.attributes["type"]?.lowercased() {
                switch type {
                case "directed": directed = true
                case "undirected", "mutual": directed = false
                default: throw fail(element, "edge type must be directed, undirected or mutual, got \(quoted(type))")
                }
            }
            let column = element.column
            graph.edges.append(
                AttributedGraph.Edge(
                    source: source, target: target, directed: directed, attributes: attributes,
                    origin: RowOrigin(
                        file: file, line: element.line,
                        columns: ["source": column, "target": column, "weight": column, "relation": column])))
        }
        return graph.area(file: file)
    }

    /// `since` and `until` from an element's one spell (or its `start` and `end`), when it
    /// has neither column and the times are dates: `until` is the day after the spell's
    /// (closed) end.
    static func date(_ attributes: inout [String: String], from element: XMLElementNode) {
        let columns = attributes.keys.map { $0.lowercased() }
        guard !columns.contains(Area.sinceColumn), !columns.contains(Area.untilColumn) else { return }
        let spells = element.child("spells")?.children("spell") ?? []
        let source: [String: String]
        if spells.count == 1 {
            source = spells[0].attributes
        } else if spells.isEmpty {
            source = element.attributes
        } else {
            return
        }
        let start = source["start"].flatMap(WaveDate.init)
        let end = source["end"].flatMap(WaveDate.init)
        if (source["start"] != nil && start == nil) || (source["end"] != nil && end == nil) { return }
        if let start { attributes[Area.sinceColumn] = start.text }
        if let end, let after = end.dayAfter { attributes[Area.untilColumn] = after.text }
    }

    // MARK: Writing

    /// The area as GEXF 1.3, nodes coloured by `colours` (sector → `#RRGGBB`); with
    /// `dynamic`, a dynamic graph whose dated rows have spells.
    static func encode(_ area: Area, colours: [String: String], dynamic: Bool = false) -> (text: String, lost: [String]) {
        var graph = AttributedGraph(area: area)
        graph.graphAttributes = [:]
        var replaced = 0
        func attr(_ text: String) -> String { XMLText.attribute(text, &replaced) }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="\(namespace)" xmlns:viz="\(namespace)/viz" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="\(namespace) \(namespace)/gexf.xsd" version="1.3">
              <meta>
                <creator>PartnerNet</creator>

            """
        if let name = area.metadata.name {
            out += "    <description>\(XMLText.content(name, &replaced))</description>\n"
        }
        out += "  </meta>\n"
        out +=
            "  <graph defaultedgetype=\"\(graph.directedByDefault ? "directed" : "undirected")\" "
            + (dynamic ? "mode=\"dynamic\" timeformat=\"date\">\n" : "mode=\"static\">\n")
        let nodeTypes = AttributedGraph.types(graph.nodeKeys, graph.nodes.map(\.attributes))
        let edgeKeys = graph.edgeKeys.filter { $0 != "weight" }
        let edgeTypes = AttributedGraph.types(edgeKeys, graph.edges.map(\.attributes))
        func declarations(_ kind: String, _ keys: [String], _ types: [String: String]) {
            guard !keys.isEmpty else { return }
            out += "    <attributes class=\"\(kind)\">\n"
            for (index, key) in keys.enumerated() {
                out += "      <attribute id=\"\(index)\" title=\"\(attr(key))\" type=\"\(types[key]!)\"/>\n"
            }
            out += "    </attributes>\n"
        }
        declarations("node", graph.nodeKeys, nodeTypes)
        declarations("edge", edgeKeys, edgeTypes)
        let organisationNames = Dictionary(
            area.organisations.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        out += "    <nodes>\n"
        for node in graph.nodes {
            let isPartnership = node.attributes["kind"] == "partnership"
            let label = node.attributes["name"] ?? organisationNames[node.id] ?? node.id
            out += "      <node id=\"\(attr(node.id))\" label=\"\(attr(label))\">\n"
            out += values(node.attributes, keys: graph.nodeKeys, attr)
            if dynamic { out += spells(node.attributes) }
            let colour = isPartnership ? partnershipColour : colours[node.attributes["sector"] ?? ""]
            if let colour, let rgb = UInt32(colour.dropFirst().prefix(6), radix: 16) {
                out += "        <viz:color r=\"\(rgb >> 16 & 0xFF)\" g=\"\(rgb >> 8 & 0xFF)\" b=\"\(rgb & 0xFF)\"/>\n"
            }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (index, edge) in graph.edges.enumerated() {
            out += "      <edge id=\"\(index)\" source=\"\(attr(edge.source))\" target=\"\(attr(edge.target))\""
            if let weight = edge.attributes["weight"] { out += " weight=\"\(weight)\"" }
            if let directed = edge.directed { out += " type=\"\(directed ? "directed" : "undirected")\"" }
            out += ">\n" + values(edge.attributes, keys: edgeKeys, attr)
            if dynamic { out += spells(edge.attributes) }
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        var lost: [String] = []
        if area.metadata.focalSector != nil || !area.metadata.extra.isEmpty {
            let keys = (area.metadata.focalSector != nil ? ["focal_sector"] : []) + area.metadata.extra.keys.sorted()
            lost.append("the area.json keys \(keys.joined(separator: ", "))")
        }
        if let units = area.metadata.lostUnits { lost.append(units) }
        if replaced > 0 { lost.append("\(replaced) control characters XML cannot hold (written as U+FFFD)") }
        return (out, lost)
    }

    /// The `<spells>` of a row with `since` or `until`: one spell from `since` to the day
    /// before `until`, dates in full; empty for a row without dates.
    static func spells(_ attributes: [String: String]) -> String {
        let span = Area.span(of: attributes)
        guard span.since != nil || span.until != nil else { return "" }
        var spell = "<spell"
        if let since = span.since { spell += " start=\"\(since.fullText)\"" }
        if let end = span.until?.dayBefore { spell += " end=\"\(end.fullText)\"" }
        return "        <spells>\n          \(spell)/>\n        </spells>\n"
    }

    private static func values(_ attributes: [String: String], keys: [String], _ attr: (String) -> String) -> String {
        var out = ""
        for (index, key) in keys.enumerated() {
            guard let value = attributes[key] else { continue }
            out += "          <attvalue for=\"\(index)\" value=\"\(attr(value))\"/>\n"
        }
        return out.isEmpty ? "" : "        <attvalues>\n" + out + "        </attvalues>\n"
    }
}
