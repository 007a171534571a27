import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetMetrics

/// The partnership seen by group: one node per sector (or other group), sized by its
/// organisations, and one edge between two groups weighted by the ties between them. What a
/// report shows in place of the diagram of every organisation when there are too many to
/// read (``EvaluationReport/inlineDiagramLimit``).
///
/// Node: the group's name, its organisations and the ties inside it; the area of its box
/// grows with its organisations. Edge: the ties between the two groups (both directions in
/// a directed network, each direction in the tooltip), as wide as their share of the
/// largest count. Colours as in the full diagram (``Palette`` over the groups in order of
/// first appearance).
///
/// - Complexity: O(n + m) to count, then a Graphviz layout of g nodes and at most g²
///   edges, g the number of groups.
public struct SectorDiagram: Sendable {
    public let dot: DOTGraph

    public init(graph: Graph, groups: Groups, title: String, groupName: String = "sector") {
        let count = groups.names.count
        var members = [Int](repeating: 0, count: count)
        for group in groups.membership { members[group] += 1 }
        // ties[a][b]: arcs (edges when undirected) from group a to group b.
        var ties = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for source in 0..<graph.nodeCount {
            for target in graph.successors(of: source) where graph.isDirected || source < Int(target) {
                ties[groups.membership[source]][groups.membership[Int(target)]] += 1
            }
        }
        let palette = Palette(categories: groups.names)
        let largest = members.max() ?? 1
        var nodes: [DOTNode] = []
        for (index, name) in groups.names.enumerated() {
            let fill = palette.colour(of: name)
            let within = ties[index][index]
            let side = 1.2 + 1.8 * (Double(members[index]) / Double(max(1, largest))).squareRoot()
            nodes.append(
                DOTNode(
                    id: "g\(index)",
                    attributes: [
                        "label": .text(
                            "\(name)\n\(ReportText.count(members[index], "organisation"))\n"
                                + "\(ReportText.count(within, "tie")) within"),
                        "fillcolor": .text(fill), "fontcolor": .text(Palette.textColour(on: fill)),
                        "width": .text(String(format: "%.2f", side)), "height": .text(String(format: "%.2f", side * 0.6)),
                        "tooltip": .text("\(groupName) \(name): \(members[index]) organisations, \(within) ties within"),
                    ]))
        }
        var pairs: [(a: Int, b: Int, total: Int)] = []
        for a in 0..<count {
            for b in (a + 1)..<max(a + 1, count) {
                let total = ties[a][b] + ties[b][a]
                if total > 0 { pairs.append((a, b, total)) }
            }
        }
        let heaviest = pairs.map(\.total).max() ?? 1
        let edges = pairs.map { pair in
            let names = (groups.names[pair.a], groups.names[pair.b])
            let tooltip =
                graph.isDirected
                ? "\(names.0) → \(names.1): \(ties[pair.a][pair.b]); \(names.1) → \(names.0): \(ties[pair.b][pair.a])"
                : "\(names.0) – \(names.1): \(pair.total) ties"
            return DOTEdge(
                tail: "g\(pair.a)", head: "g\(pair.b)",
                attributes: [
                    "label": .text(String(pair.total)), "tooltip": .text(tooltip),
                    "penwidth": .text(String(format: "%.2f", 0.8 + 7.2 * Double(pair.total) / Double(heaviest))),
                ])
        }
        dot = DOTGraph(
            name: "sectors", isDirected: false,
            attributes: [
                "label": .text(title), "labelloc": "t", "fontname": "Helvetica", "bgcolor": "white", "pad": "0.3",
                "overlap": "false", "sep": "+12", "splines": "true",
            ],
            nodeDefaults: [
                "shape": "box", "style": "rounded,filled", "fontname": "Helvetica", "color": "#333333",
                "penwidth": "0.8", "fixedsize": "false",
            ],
            edgeDefaults: ["color": "#55555599", "fontname": "Helvetica", "fontsize": "11"],
            nodes: nodes, edges: edges)
    }

    /// The diagram laid out by `circo` (groups on a circle, few enough to read every edge).
    public func rendered(as format: GraphvizFormat) throws -> Data {
        try Graphviz.render(dot: try DOTWriter.text(of: dot), layout: .circo, format: format)
    }
}
