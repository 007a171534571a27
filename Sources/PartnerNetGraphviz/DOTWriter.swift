import Foundation
import PartnerNetCore

/// Writes a ``DOTGraph`` as DOT text that Graphviz reads back exactly.
///
/// Quoting (Graphviz's scanner, `lib/cgraph/scan.l`): inside a quoted string `\"` stands
/// for a quote, `\\` for itself (both characters), a backslash before a line break
/// continues the line, and every other character stands for itself. Label-like attributes (`label`, `xlabel`, `tooltip`…) then interpret
/// `\n`, `\l`, `\r`, `\N`, `\G`, `\E`, `\T`, `\H` and `\\`, so in those every backslash is
/// doubled and line breaks become `\n`. A quoted string cannot hold a backslash right
/// before a quote or at its end: such ids are written as HTML strings `<…>`, whose text is
/// taken as it is, and such labels as HTML-like labels with `&#92;`.
///
/// Tooltips are unescaped twice by Graphviz 2.42 (once when read, once more when the
/// SVG anchor is written), so `\\N` in a tooltip still shows the node's name: in
/// tooltips every backslash is written as four, which also leaves an even number before
/// the closing quote. An `id` attribute is unescaped once, as a label.
public enum DOTWriter {
    /// Attributes whose text Graphviz reads with label escapes.
    static let labelAttributes: Set<String> = [
        "label", "xlabel", "headlabel", "taillabel", "id", "tooltip", "headtooltip", "tailtooltip", "edgetooltip",
        "labeltooltip",
    ]

    /// Label-like attributes whose escapes Graphviz expands twice.
    static let tooltipAttributes: Set<String> = [
        "tooltip", "headtooltip", "tailtooltip", "edgetooltip", "labeltooltip",
    ]

    /// The graph as DOT text, attributes in name order, ending in a line break.
    ///
    /// - Throws: ``GraphvizError/unrepresentable(_:)`` for an id that DOT cannot hold: one
    ///   that ends in a backslash and also contains `<` or `>`.
    public static func text(of graph: DOTGraph) throws(GraphvizError) -> String {
        var lines: [String] = []
        let kind = (graph.isStrict ? "strict " : "") + (graph.isDirected ? "digraph" : "graph")
        lines.append("\(kind) \(try id(graph.name)) {")
        if !graph.attributes.isEmpty { lines.append("  graph \(try list(graph.attributes));") }
        if !graph.nodeDefaults.isEmpty { lines.append("  node \(try list(graph.nodeDefaults));") }
        if !graph.edgeDefaults.isEmpty { lines.append("  edge \(try list(graph.edgeDefaults));") }
        for cluster in graph.clusters { try append(cluster, indent: "  ", to: &lines) }
        for node in graph.nodes {
            lines.append("  \(try id(node.id))\(node.attributes.isEmpty ? "" : " " + (try list(node.attributes)));")
        }
        let arrow = graph.isDirected ? "->" : "--"
        for edge in graph.edges {
            let attributes = edge.attributes.isEmpty ? "" : " " + (try list(edge.attributes))
            lines.append("  \(try id(edge.tail)) \(arrow) \(try id(edge.head))\(attributes);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ cluster: DOTCluster, indent: String, to lines: inout [String]) throws(GraphvizError) {
        lines.append("\(indent)subgraph \(try id("cluster_" + cluster.id)) {")
        for (key, value) in cluster.attributes.sorted(by: { $0.key < $1.key }) {
            lines.append("\(indent)  \(try id(key))=\(try self.value(value, for: key));")
        }
        for child in cluster.clusters { try append(child, indent: indent + "  ", to: &lines) }
        for node in cluster.nodes { lines.append("\(indent)  \(try id(node));") }
        lines.append("\(indent)}")
    }

    private static func list(_ attributes: [String: DOTValue]) throws(GraphvizError) -> String {
        var parts: [String] = []
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            parts.append("\(try id(key))=\(try self.value(value, for: key))")
        }
        return "[" + parts.joined(separator: ", ") + "]"
    }

    /// An id (node, graph or attribute name) or a plain value, always quoted.
    ///
    /// Text that a quoted string cannot hold — a backslash before a quote, a line break or
    /// the end — is written as an HTML string `<…>`, taken as it is when it holds no `<` or `>`.
    public static func id(_ text: String) throws(GraphvizError) -> String {
        // Most ids hold no backslash: quoted as they are, without a second look.
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return quotedString(text) }
        let scalars = Array(text.unicodeScalars)
        let awkward = scalars.indices.contains { index in
            scalars[index] == "\\" && (index + 1 == scalars.count || ["\"", "\n", "\r"].contains(scalars[index + 1]))
        }
        if awkward {
            guard !text.contains("<") && !text.contains(">") else { throw .unrepresentable(text) }
            return "<" + text + ">"
        }
        return quotedString(text)
    }

    /// An attribute value: label escapes for label-like attributes.
    static func value(_ value: DOTValue, for key: String) throws(GraphvizError) -> String {
        switch value {
        case .html(let markup):
            return "<" + markup + ">"
        case .text(let text) where labelAttributes.contains(key):
            let tooltip = tooltipAttributes.contains(key)
            if text.hasSuffix("\\") && !tooltip {
                return "<" + htmlEscaped(text).replacingOccurrences(of: "\\", with: "&#92;") + ">"
            }
            var escaped = ""
            var previousCR = false
            for character in text.unicodeScalars {
                switch character {
                case "\\": escaped += tooltip ? "\\\\\\\\" : "\\\\"
                case "\n": if !previousCR { escaped += "\\n" }
                case "\r": escaped += "\\n"
                default: escaped.unicodeScalars.append(character)
                }
                previousCR = character == "\r"
            }
            return quotedString(escaped)
        case .text(let text):
            return try id(text)
        }
    }

    /// `"text"` with every `"` escaped; a backslash before a line break is kept by breaking
    /// nothing: line breaks are written as they are, which DOT allows inside quotes.
    private static func quotedString(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + text + "\"" }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\\" }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// Text for inside an HTML-like label: `&`, `<`, `>`, `"` as entities, line breaks as `<BR/>`.
    public static func htmlEscaped(_ text: String) -> String { markupEscaped(text, lineBreak: "<BR/>") }
}
