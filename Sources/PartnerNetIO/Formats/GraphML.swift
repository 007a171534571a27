import Foundation
import PartnerNetCore

/// GraphML (Brandes et al., "GraphML progress report", Graph Drawing 2001; the schema at
/// graphml.graphdrawing.org), read with Foundation's XML parser.
///
/// Read: `<key>`s with `attr.name`, `attr.type` (`int`, `long`, `float`, `double`,
/// `boolean`, `string`; values are checked against it and kept as written) and
/// `<default>`; `edgedefault` and each edge's `directed`; graph, node and edge `<data>`.
/// Files written by networkx, igraph (whose nodes `n0, n1, …` are named by their `name`
/// attribute) and Gephi (`label` as the name) read as they mean. Keys without `attr.name`
/// (yEd's graphics) are skipped with a warning; nested graphs and hyperedges are errors.
///
/// Written: everything. Organisations are nodes, partnerships nodes whose `kind` is
/// `partnership`, relationships edges with `weight` and `relation`, memberships edges of
/// `kind` `membership` with `role` and `votes`; each column a typed key (`long`, `double`,
/// `boolean` when every value is one, else `string`); the area's `area.json` content and
/// column order in the graph's `partnernet_area` data.
enum GraphMLFormat {
    static let namespace = "http://graphml.graphdrawing.org/xmlns"

    private struct Key {
        let name: String
        let type: String
        let domain: String
        let defaultValue: String?
    }

    static func parse(_ data: Data, file: String) throws(AreaIOError) -> ParsedArea {
        let root = try XMLElementNode.parse(data, file: file)
        var diagnostics: [Diagnostic] = []
        func fail(_ element: XMLElementNode, _ message: String) -> AreaIOError {
            .invalidInput(diagnostics + [.error(at: element.location(file), message)])
        }
        guard root.name == "graphml" else {
            throw fail(root, "not GraphML: the root element is <\(root.name)>, expected <graphml>")
        }
        var keys: [String: Key] = [:]
        var graph = AttributedGraph()
        for element in root.children("key") {
            guard let id = element.attributes["id"] else { throw fail(element, "<key> has no id") }
            guard let name = element.attributes["attr.name"] else {
                keys[id] = Key(name: "", type: "", domain: element.attributes["for"] ?? "all", defaultValue: nil)
                continue
            }
            let type = (element.attributes["attr.type"] ?? "string").lowercased()
            guard ["int", "long", "float", "double", "boolean", "string"].contains(type) else {
                throw fail(
                    element,
                    "key \(quoted(name)) has attr.type \(quoted(type)): use int, long, float, double, boolean or string"
                )
            }
            let domain = element.attributes["for"] ?? "all"
            var defaultValue: String?
            if let node = element.child("default") {
                defaultValue = try typed(node.text, type: type, key: name, at: node, file: file, diagnostics)
            }
            keys[id] = Key(name: name, type: type, domain: domain, defaultValue: defaultValue)
            if domain == "node" || domain == "all" { graph.nodeKeys.append(name) }
            if domain == "edge" || domain == "all" { graph.edgeKeys.append(name) }
        }
        let graphs = root.children("graph")
        guard let graphElement = graphs.first else { throw fail(root, "no <graph> element") }
        if graphs.count > 1 {
            diagnostics.append(
                .warning(at: graphs[1].location(file), "\(graphs.count) graphs in the file: only the first is read"))
        }
        if root.children.contains(where: { $0.name == "hyperedge" }) || graphElement.children("hyperedge").first != nil
        {
            throw fail(
                graphElement.children("hyperedge").first ?? graphElement,
                "hyperedges cannot be read: a tie has two ends")
        }
        let edgeDefault = graphElement.attributes["edgedefault"]?.lowercased() ?? "undirected"
        switch edgeDefault {
        case "directed": graph.directedByDefault = true
        case "undirected": graph.directedByDefault = false
        default: throw fail(graphElement, "edgedefault must be directed or undirected, got \(quoted(edgeDefault))")
        }

        var skipped = 0
        /// The data of an element, defaults first.
        func values(of element: XMLElementNode, domain: String) throws(AreaIOError) -> [String: String] {
            var values: [String: String] = [:]
            for (_, key) in keys where !key.name.isEmpty && (key.domain == domain || key.domain == "all") {
                if let value = key.defaultValue { values[key.name] = value }
            }
            for item in element.children("data") {
                guard let id = item.attributes["key"] else { throw fail(item, "<data> has no key attribute") }
                guard let key = keys[id] else { throw fail(item, "<data> names the undeclared key \(quoted(id))") }
                if key.name.isEmpty {
                    skipped += 1
                    continue
                }
                values[key.name] = try typed(
                    item.text, type: key.type, key: key.name, at: item, file: file, diagnostics)
            }
            return values
        }

        graph.graphAttributes = try values(of: graphElement, domain: "graph")
        var seen: [String: Int] = [:]
        for element in graphElement.children {
            switch element.name {
            case "node":
                guard let id = element.attributes["id"] else { throw fail(element, "<node> has no id") }
                if element.child("graph") != nil {
                    throw fail(element, "node \(quoted(id)) holds a nested graph, which cannot be read")
                }
                if let first = seen[id] {
                    throw fail(element, "node \(quoted(id)) is declared twice (first on line \(first))")
                }
                seen[id] = element.line
                graph.nodes.append(
                    AttributedGraph.Node(
                        id: id, attributes: try values(of: element, domain: "node"),
                        origin: RowOrigin(file: file, line: element.line, columns: ["id": element.column])))
            case "edge":
                guard let source = element.attributes["source"], let target = element.attributes["target"] else {
                    throw fail(element, "<edge> needs a source and a target")
                }
                var directed: Bool?
                if let text = element.attributes["directed"] {
                    switch text.lowercased() {
                    case "true", "1": directed = true
                    case "false", "0": directed = false
                    default: throw fail(element, "directed must be true or false, got \(quoted(text))")
                    }
                }
                let column = element.column
                graph.edges.append(
                    AttributedGraph.Edge(
                        source: source, target: target, directed: directed,
                        attributes: try values(of: element, domain: "edge"),
                        origin: RowOrigin(
                            file: file, line: element.line,
                            columns: ["source": column, "target": column, "weight": column, "relation": column])))
            case "hyperedge":
                throw fail(element, "hyperedges cannot be read: a tie has two ends")
            default: continue
            }
        }
        // An edge naming an undeclared node is reported by the checks of the area.
        var parsed = graph.area(file: file)
        if skipped > 0 {
            diagnostics.append(
                .warning(
                    at: SourceLocation(file: file),
                    "\(skipped) <data> value\(skipped == 1 ? "" : "s") of keys without attr.name (drawing data) skipped"
                ))
        }
        parsed.assembly.diagnostics = diagnostics + parsed.assembly.diagnostics
        return parsed
    }

    /// A data value checked against its key's type: numbers trimmed and kept as written,
    /// booleans as `true`/`false`.
    private static func typed(
        _ text: String, type: String, key: String, at element: XMLElementNode, file: String, _ diagnostics: [Diagnostic]
    ) throws(AreaIOError) -> String {
        switch type {
        case "int", "long":
            let value = text.trimmingWhitespace()
            guard Int64(value) != nil || (value.hasPrefix("+") && Int64(value.dropFirst()) != nil) else {
                throw .invalidInput(
                    diagnostics + [
                        .error(
                            at: element.location(file),
                            "\(quoted(key)) must be a whole number (\(type)), got \(quoted(text))")
                    ])
            }
            return value
        case "float", "double":
            let value = text.trimmingWhitespace()
            guard Double(value) != nil || ["inf", "-inf", "nan", "+inf"].contains(value.lowercased()) else {
                throw .invalidInput(
                    diagnostics + [
                        .error(
                            at: element.location(file), "\(quoted(key)) must be a number (\(type)), got \(quoted(text))"
                        )
                    ])
            }
            return value
        case "boolean":
            switch text.trimmingWhitespace().lowercased() {
            case "true", "1": return "true"
            case "false", "0": return "false"
            default:
                throw .invalidInput(
                    diagnostics + [
                        .error(at: element.location(file), "\(quoted(key)) must be true or false, got \(quoted(text))")
                    ])
            }
        default: return text
        }
    }

    // MARK: Writing

    static func encode(_ area: Area) -> (text: String, lost: [String]) {
        let graph = AttributedGraph(area: area)
        var replaced = 0
        func attr(_ text: String) -> String { XMLText.attribute(text, &replaced) }
        func content(_ text: String) -> String { XMLText.content(text, &replaced) }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="\(namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="\(namespace) \(namespace)/1.0/graphml.xsd">

            """
        out += "  <key id=\"g0\" for=\"graph\" attr.name=\"\(AttributedGraph.areaKey)\" attr.type=\"string\"/>\n"
        let nodeTypes = AttributedGraph.types(graph.nodeKeys, graph.nodes.map(\.attributes))
        var edgeTypes = AttributedGraph.types(graph.edgeKeys, graph.edges.map(\.attributes))
        if edgeTypes["weight"] != nil { edgeTypes["weight"] = "double" }
        var nodeKey: [String: String] = [:]
        var edgeKey: [String: String] = [:]
        for (index, name) in graph.nodeKeys.enumerated() {
            nodeKey[name] = "n\(index)"
            out +=
                "  <key id=\"n\(index)\" for=\"node\" attr.name=\"\(attr(name))\" attr.type=\"\(nodeTypes[name]!)\"/>\n"
        }
        for (index, name) in graph.edgeKeys.enumerated() {
            edgeKey[name] = "e\(index)"
            out +=
                "  <key id=\"e\(index)\" for=\"edge\" attr.name=\"\(attr(name))\" attr.type=\"\(edgeTypes[name]!)\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"\(graph.directedByDefault ? "directed" : "undirected")\">\n"
        out += "    <data key=\"g0\">\(content(graph.graphAttributes[AttributedGraph.areaKey] ?? "{}"))</data>\n"
        for node in graph.nodes {
            out += "    <node id=\"\(attr(node.id))\">"
            for name in graph.nodeKeys {
                guard let value = node.attributes[name] else { continue }
                out += "<data key=\"\(nodeKey[name]!)\">\(content(value))</data>"
            }
            out += "</node>\n"
        }
        for edge in graph.edges {
            out += "    <edge source=\"\(attr(edge.source))\" target=\"\(attr(edge.target))\""
            if let directed = edge.directed { out += " directed=\"\(directed)\"" }
            out += ">"
            for name in graph.edgeKeys {
                guard let value = edge.attributes[name] else { continue }
                out += "<data key=\"\(edgeKey[name]!)\">\(content(value))</data>"
            }
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        let lost =
            replaced > 0
            ? ["\(replaced) control character\(replaced == 1 ? "" : "s") XML cannot hold (written as U+FFFD)"] : []
        return (out, lost)
    }
}
