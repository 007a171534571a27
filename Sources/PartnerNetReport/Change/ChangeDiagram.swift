import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetMetrics

/// What became of a tie between two waves.
public enum TieFate: String, Sendable, Hashable, CaseIterable {
    case kept, gained, lost

    /// How the diagram draws it: a line style that reads without colour, and a colour
    /// (Okabe–Ito) on top.
    var style: (style: String, penwidth: String, colour: String) {
        switch self {
        case .kept: ("solid", "1.2", "#777777")
        case .gained: ("bold", "3.2", "#0072B2")
        case .lost: ("dashed", "1.6", "#D55E00")
        }
    }

    /// The legend's words.
    var legend: String {
        switch self {
        case .kept: "kept: thin solid grey"
        case .gained: "gained: thick solid blue"
        case .lost: "lost: dashed vermilion"
        }
    }
}

/// The diagram of change between waves: one layout shared by every wave, and for each pair
/// of waves compared by ``ChangeReport`` (consecutive pairs, then first against last) the
/// ties of one relation drawn on it, kept, gained and lost told apart by line style alone
/// (kept thin and solid, gained thick, lost dashed) and by colour too, with a legend.
///
/// **Layout.** The union of the waves — every organisation of any wave, and every pair tied
/// in the relation in any wave, as an undirected graph — is laid out once with Graphviz's
/// `neato` (stress majorisation), boxes kept apart (`overlap=false`). Each pair's diagram
/// pins every organisation at its union position (`pos="x,y!"`, `notranslate`), so an
/// organisation stands in the same place in every diagram and only the ties differ.
/// Organisations of either wave of the pair are drawn: one that joined with a thick border,
/// one that left with a dashed border and faded.
///
/// **Ties.** A tie's fate is read from the presence tables ``ChangeReport`` counts
/// (``ChangeReport/presence(of:in:ids:directed:)``): kept when present in both waves,
/// gained when only in the later, lost when only in the earlier. In a directed relation
/// each ordered pair is one straight arc, and Graphviz draws the two arcs of a returned tie
/// side by side (curved splines are not used: Graphviz 2.42's recurse without end on some
/// pinned layouts); in an undirected one each unordered pair is one line. So the diagram's dashed
/// lines are `ties_lost[R]`, its thick ones `ties_gained[R]` and its thin ones
/// `ties_kept[R]`, as `change` counts them.
///
/// **Relation.** The relation with the most ties in the waves (kept + lost + gained over
/// the pairs), co-membership only when it is the only one; `relation` names another.
///
/// - Complexity: one `neato` layout of the union (about O(n²) per iteration for n
///   organisations) and one rendering per pair with every node pinned.
public struct ChangeDiagram: Sendable {
    /// One pair of waves drawn.
    public struct Panel: Sendable {
        /// `BEFORE..AFTER`.
        public let label: String
        public let dot: DOTGraph
        /// Ties drawn, by fate.
        public let counts: [TieFate: Int]
    }

    public let relation: String
    public let isDirected: Bool
    /// Each organisation's position in the union layout (points), by id.
    public let positions: [String: (x: Double, y: Double)]
    public let panels: [Panel]

    /// Lays out the union of `report`'s waves and draws each pair on it.
    ///
    /// - Throws: ``GraphvizError`` when the layout fails.
    public init(report: ChangeReport, relation: String? = nil) throws {
        let chosen = relation ?? Self.mainRelation(of: report)
        self.relation = chosen
        let directed = report.pairs.first?.relations.first { $0.relation == chosen }?.isDirected ?? false
        isDirected = directed

        // Every organisation of any wave, by first appearance; the last seen name and sector.
        var order: [String] = []
        var organisations: [String: Organisation] = [:]
        for wave in report.waves {
            for organisation in wave.area.organisations {
                if organisations[organisation.id] == nil { order.append(organisation.id) }
                organisations[organisation.id] = organisation
            }
        }
        let palette = Palette(categories: PartnershipDiagram.firstAppearances(order.map { organisations[$0]!.sector }))

        // The union of the waves' ties, undirected, for the layout.
        var union = Set<[Int]>()
        for wave in report.waves {
            let matrix = ChangeReport.presence(of: chosen, in: wave.area, ids: order, directed: directed)
            for i in 0..<order.count {
                for j in 0..<order.count where i < j && (matrix[i, j] != 0 || matrix[j, i] != 0) {
                    union.insert([i, j])
                }
            }
        }
        func node(_ id: String) -> [String: DOTValue] {
            let organisation = organisations[id]!
            let fill = palette.colour(of: organisation.sector)
            return [
                "label": .text(PartnershipDiagram.wrapped(organisation.displayName, width: 18)),
                "fillcolor": .text(fill), "fontcolor": .text(Palette.textColour(on: fill)),
                "tooltip": .text("\(organisation.displayName) (\(id)) · sector: \(organisation.sector)"),
            ]
        }
        let nodeDefaults: [String: DOTValue] = [
            "shape": "box", "style": "rounded,filled", "fontname": "Helvetica", "fontsize": "11", "color": "#333333",
            "penwidth": "0.8", "margin": "0.08,0.04",
        ]
        let layoutGraph = DOTGraph(
            name: "union", isDirected: false,
            attributes: ["overlap": "false", "sep": "+8", "splines": "false", "K": "1.1", "start": "1"],
            nodeDefaults: nodeDefaults,
            nodes: order.map { DOTNode(id: $0, attributes: node($0)) },
            edges: union.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map { DOTEdge(tail: order[$0[0]], head: order[$0[1]]) })
        let laidOut = try Graphviz.parse(
            dot: String(
                decoding: try Graphviz.render(dot: try DOTWriter.text(of: layoutGraph), layout: .neato, format: .dot),
                as: UTF8.self))
        var positions: [String: (x: Double, y: Double)] = [:]
        for placed in laidOut.nodes {
            let parts = (placed.attributes["pos"]?.string ?? "").split(separator: ",").compactMap { Double($0) }
            if parts.count >= 2 { positions[placed.id] = (parts[0], parts[1]) }
        }
        self.positions = positions
        let low = positions.values.map(\.y).min() ?? 0
        let leftmost = positions.values.map(\.x).min() ?? 0

        // One diagram per pair, every organisation pinned.
        var panels: [Panel] = []
        for pair in report.pairs {
            let ids = pair.organisations
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let before = ChangeReport.presence(
                of: chosen, in: Self.compared(pair.before.area, pair), ids: ids, directed: directed)
            let after = ChangeReport.presence(
                of: chosen, in: Self.compared(pair.after.area, pair), ids: ids, directed: directed)
            let entered = Set(pair.entered.map(\.id))
            let left = Set(pair.left.map(\.id))
            var nodes: [DOTNode] = []
            for id in order where index[id] != nil {
                var attributes = node(id)
                if let (x, y) = positions[id] { attributes["pos"] = .text(String(format: "%.2f,%.2f!", x / 72, y / 72)) }
                if entered.contains(id) {
                    attributes["penwidth"] = "3"
                    attributes["tooltip"] = .text((attributes["tooltip"]?.string ?? id) + " · joined in \(pair.after.label)")
                } else if left.contains(id) {
                    attributes["style"] = "rounded,filled,dashed"
                    attributes["penwidth"] = "1.6"
                    attributes["fillcolor"] = .text((attributes["fillcolor"]?.string ?? "#BBBBBB") + "55")
                    attributes["fontcolor"] = "#444444"
                    attributes["tooltip"] = .text((attributes["tooltip"]?.string ?? id) + " · left after \(pair.before.label)")
                }
                nodes.append(DOTNode(id: id, attributes: attributes))
            }
            var edges: [DOTEdge] = []
            var counts: [TieFate: Int] = [.kept: 0, .gained: 0, .lost: 0]
            for i in ids.indices {
                for j in ids.indices where i != j && (directed || i < j) {
                    let fate: TieFate
                    switch (before[i, j] != 0, after[i, j] != 0) {
                    case (true, true): fate = .kept
                    case (false, true): fate = .gained
                    case (true, false): fate = .lost
                    case (false, false): continue
                    }
                    counts[fate, default: 0] += 1
                    let look = fate.style
                    edges.append(
                        DOTEdge(
                            tail: ids[i], head: ids[j],
                            attributes: [
                                "style": .text(look.style), "penwidth": .text(look.penwidth), "color": .text(look.colour),
                                "id": .text("tie-\(fate.rawValue)-\(edges.count)"),
                                "tooltip": .text(
                                    "\(ids[i]) \(directed ? "→" : "–") \(ids[j]): \(fate.rawValue) (\(chosen))"),
                            ]))
                }
            }
            // The legend: a sample line of each fate, under the organisations.
            for (row, fate) in TieFate.allCases.enumerated() {
                let y = (low - 40 - Double(row) * 22) / 72
                let x0 = leftmost / 72
                let look = fate.style
                nodes.append(
                    DOTNode(
                        id: "legend-\(fate.rawValue)-a",
                        attributes: [
                            "shape": "point", "width": "0.01", "style": "invis", "label": "",
                            "pos": .text(String(format: "%.2f,%.2f!", x0, y)),
                        ]))
                nodes.append(
                    DOTNode(
                        id: "legend-\(fate.rawValue)-b",
                        attributes: [
                            "shape": "plaintext", "style": "", "fillcolor": "white", "fontcolor": "#222222",
                            "label": .text("\(fate.legend) (\(counts[fate] ?? 0))"),
                            "pos": .text(String(format: "%.2f,%.2f!", x0 + 2.2, y)),
                        ]))
                edges.append(
                    DOTEdge(
                        tail: "legend-\(fate.rawValue)-a", head: "legend-\(fate.rawValue)-b",
                        attributes: [
                            "style": .text(look.style), "penwidth": .text(look.penwidth), "color": .text(look.colour),
                            "dir": "none", "id": .text("legend-\(fate.rawValue)"),
                        ]))
            }
            let title =
                "\(chosen) ties, \(pair.before.label) → \(pair.after.label): \(counts[.kept] ?? 0) kept, "
                + "\(counts[.gained] ?? 0) gained, \(counts[.lost] ?? 0) lost"
            let note =
                "same positions in every wave · thick border: joined · dashed border: left"
                + (directed ? " · arrows: direction" : "")
            panels.append(
                Panel(
                    label: pair.label,
                    dot: DOTGraph(
                        name: "change", isDirected: directed,
                        attributes: [
                            "label": .html(
                                "<FONT POINT-SIZE=\"16\"><B>\(DOTWriter.htmlEscaped(title))</B></FONT><BR/>"
                                    + "<FONT POINT-SIZE=\"11\" COLOR=\"#444444\">\(DOTWriter.htmlEscaped(note))</FONT>"),
                            "labelloc": "t", "fontname": "Helvetica", "bgcolor": "white", "pad": "0.3",
                            "notranslate": "true", "overlap": "true", "splines": "false",
                            "outputorder": "edgesfirst",
                        ],
                        nodeDefaults: nodeDefaults, edgeDefaults: ["arrowsize": "0.7", "arrowhead": "vee"],
                        nodes: nodes, edges: edges),
                    counts: counts))
        }
        self.panels = panels
    }

    /// A pair's wave as ``ChangeReport`` compared it: over the organisations in both when
    /// the pair's scope says so.
    static func compared(_ area: Area, _ pair: WavePairChange) -> Area {
        pair.scope == .both ? ChangeReport.keeping(Set(pair.organisations), of: area) : area
    }

    /// The relation with the most ties over the pairs (kept + lost + gained); co-membership
    /// only when there is no other.
    public static func mainRelation(of report: ChangeReport) -> String {
        var totals: [String: Int] = [:]
        var order: [String] = []
        for pair in report.pairs {
            for relation in pair.relations {
                if totals[relation.relation] == nil { order.append(relation.relation) }
                let t = relation.transition
                totals[relation.relation, default: 0] += t.kept + t.lost + t.gained
            }
        }
        let candidates = order.filter { $0 != Area.coMembership }
        let pool = candidates.isEmpty ? order : candidates
        return pool.max { (totals[$0] ?? 0, -order.firstIndex(of: $0)!) < (totals[$1] ?? 0, -order.firstIndex(of: $1)!) }
            ?? Area.coMembership
    }

    /// A panel as an SVG element, without the XML declaration, to stand inside a page.
    public func svg(_ panel: Panel) throws -> String {
        let data = try Graphviz.render(dot: try DOTWriter.text(of: panel.dot), layout: .neato, format: .svg)
        return EvaluationReport.svgElement(String(decoding: data, as: UTF8.self)) ?? ""
    }
}
