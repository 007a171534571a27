import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetMetrics

/// How organisations are grouped into boxes on a diagram.
public enum DiagramClusters: Hashable, Sendable {
    /// One box per sector.
    case sector
    /// One box per partnership, nested as the partnerships are.
    case partnership
    /// One box per value of an organisation attribute.
    case attribute(String)
}

/// What a partnership diagram shows and how.
public struct DiagramOptions: Sendable {
    /// Colour organisations by this field: `sector` (default), `subsector` or any attribute.
    public var colorBy: String = "sector"
    /// Size organisations by this measure; `nil` for one size.
    public var sizeBy: NodeMeasure? = .degree
    /// Parameters of the ``sizeBy`` measure (weights, damping, α, β).
    public var measureOptions = MeasureOptions()
    public var clusters: DiagramClusters?
    /// The focal organisations' sector (default: the area's focal sector).
    public var focalSector: String?
    /// Focal organisations by id; when given, they replace the focal sector.
    public var focalIDs: [String] = []
    /// The heading; the area's name by default.
    public var title: String?
    /// The layout; chosen from the graph's size and clusters when `nil`.
    public var layout: GraphvizLayout?

    public init() {}
}

/// A diagram of an area's network for people: organisations coloured by sector (with a
/// legend), sized by a measure, ties as wide as their weight, arrowheads only where ties
/// have a direction, the focal organisations (the council by default) with a double
/// border, and partnerships or sectors as boxes.
public struct PartnershipDiagram: Sendable {
    /// Above these sizes `dot` and `circo` take minutes (GRAPHVIZ notes: two minutes for
    /// dot on 71 nodes with about 1,800 arcs), so the layout switches to `sfdp`.
    public static let hierarchicalLimit = (nodes: 150, ties: 1_000)
    /// Above these sizes `neato`, `fdp` and `twopi` are slow too; `sfdp` is used.
    public static let springLimit = (nodes: 1_000, ties: 5_000)

    public let dot: DOTGraph
    /// The layout chosen.
    public let layout: GraphvizLayout
    /// Why the layout differs from the one asked for, if it does.
    public let layoutNote: String?

    /// Builds the diagram of `graph`, drawn from `area`.
    ///
    /// - Throws: ``ModelError`` for focal ids the area does not list.
    /// - Parameter forceLayout: keep the layout asked for even on a large graph.
    public init(area: Area, graph: Graph, options: DiagramOptions = DiagramOptions(), forceLayout: Bool = false) throws
    {
        let organisations = Dictionary(area.organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in options.focalIDs where organisations[id] == nil { throw ModelError.unknownOrganisation(id) }
        let focalSector = options.focalSector ?? area.focalSector
        let focal: Set<String> =
            options.focalIDs.isEmpty
            ? Set(area.organisations.filter { $0.sector == focalSector }.map(\.id)) : Set(options.focalIDs)

        func field(_ name: String, of id: String) -> String {
            guard let organisation = organisations[id] else { return "" }
            return ResultTable.field(name, of: organisation)
        }
        let categories = Self.firstAppearances(graph.labels.map { field(options.colorBy, of: $0) })
        let palette = Palette(categories: categories)

        // Node size: label font from 10 to 22 points by the measure, relative to its maximum.
        let scores = try options.sizeBy.map { try $0.scores(in: graph, options: options.measureOptions) }
        let maximum = scores?.filter(\.isFinite).max() ?? 0
        var nodes: [DOTNode] = []
        let chairs = Self.chairs(in: area)
        for (handle, id) in graph.labels.enumerated() {
            let category = field(options.colorBy, of: id)
            let fill = palette.colour(of: category)
            let share = maximum > 0 ? max(0, (scores?[handle] ?? 0) / maximum) : 0
            var label = Self.wrapped(organisations[id]?.displayName ?? id, width: 22)
            if chairs[id] != nil { label = "★ " + label }
            var tooltip = "\(organisations[id]?.displayName ?? id) (\(id)) · \(options.colorBy): \(category)"
            if let measure = options.sizeBy, let value = scores?[handle] {
                tooltip += " · \(measure.rawValue): \(formatNumber(value))"
            }
            if let chaired = chairs[id] { tooltip += " · chairs \(chaired.joined(separator: ", "))" }
            var attributes: [String: DOTValue] = [
                "label": .text(label), "fillcolor": .text(fill), "fontcolor": .text(Palette.textColour(on: fill)),
                "fontsize": .text(options.sizeBy == nil ? "14" : String(format: "%.1f", 10 + 12 * share.squareRoot())),
                "tooltip": .text(tooltip),
            ]
            if focal.contains(id) {
                attributes["peripheries"] = "2"
                attributes["penwidth"] = "2"
            }
            // The organisation's id names the node, so the DOT and the SVG's <title> keep it.
            nodes.append(DOTNode(id: Self.nodeName(handle, in: graph), attributes: attributes))
        }

        // Ties: width by weight; in a directed graph a returned tie is one two-headed edge.
        var edges: [DOTEdge] = []
        let weights = (0..<graph.nodeCount).flatMap { graph.successorWeights(of: $0) }
        let (lightest, heaviest) = (weights.min() ?? 1, weights.max() ?? 1)
        func width(_ weight: Double) -> String {
            let share = heaviest > lightest ? (weight - lightest) / (heaviest - lightest) : 0
            return String(format: "%.2f", 0.8 + 3.2 * share)
        }
        for source in 0..<graph.nodeCount {
            for (target, weight) in zip(graph.successors(of: source), graph.successorWeights(of: source)) {
                let target = Int(target)
                var attributes: [String: DOTValue] = [:]
                if graph.isDirected {
                    if let back = graph.weight(from: target, to: source) {
                        guard source < target else { continue }
                        attributes["dir"] = "both"
                        attributes["penwidth"] = .text(width(max(weight, back)))
                    } else {
                        attributes["penwidth"] = .text(width(weight))
                    }
                } else {
                    guard source < target else { continue }
                    attributes["penwidth"] = .text(width(weight))
                }
                edges.append(
                    DOTEdge(
                        tail: Self.nodeName(source, in: graph), head: Self.nodeName(target, in: graph),
                        attributes: attributes))
            }
        }

        let clusters = Self.clusters(options.clusters, area: area, graph: graph, field: field)
        let (layout, note) =
            forceLayout && options.layout != nil
            ? (options.layout!, nil) : Self.layout(options.layout, graph: graph, clustered: options.clusters != nil)
        var graphAttributes: [String: DOTValue] = [
            "label": .html(
                Self.legend(
                    title: options.title ?? area.metadata.name ?? "Partnership network", palette: palette,
                    colorBy: options.colorBy, sizeBy: options.sizeBy,
                    focal: options.focalIDs.isEmpty ? focalSector : nil,
                    hasFocal: !focal.isEmpty, hasChairs: !chairs.isEmpty, weighted: heaviest > lightest,
                    directed: graph.isDirected)),
            "labelloc": "t", "fontname": "Helvetica", "bgcolor": "white", "pad": "0.3", "outputorder": "edgesfirst",
            "overlap": "false", "sep": "+6", "splines": Self.curvedTies(graph) ? "true" : "false",
        ]
        if layout == .dot { graphAttributes["rankdir"] = "LR" }
        if layout == .fdp || layout == .neato || layout == .sfdp { graphAttributes["K"] = "0.9" }
        self.dot = DOTGraph(
            name: area.metadata.name ?? "area", isDirected: graph.isDirected, attributes: graphAttributes,
            nodeDefaults: [
                "shape": "box", "style": "rounded,filled", "fontname": "Helvetica", "color": "#333333",
                "penwidth": "0.8", "margin": "0.12,0.06",
            ],
            edgeDefaults: ["color": "#55555588", "arrowsize": "0.7", "arrowhead": "vee", "arrowtail": "vee"],
            nodes: nodes, edges: edges, clusters: clusters)
        self.layout = layout
        self.layoutNote = note
    }

    /// Renders the diagram. In SVG each node's `id` is its organisation's id too (only
    /// there: in DOT output an `id` attribute would read back as a column named like the id).
    public func rendered(as format: GraphvizFormat) throws -> Data {
        var graph = dot
        if format == .svg {
            for index in graph.nodes.indices { graph.nodes[index].attributes["id"] = .text(graph.nodes[index].id) }
        }
        return try Graphviz.render(dot: try DOTWriter.text(of: graph), layout: layout, format: format)
    }

    // MARK: Parts

    /// Whether ties are drawn as splines routed around the organisations (`splines=true`) or
    /// straight. Graphviz routes each spline through a visibility graph of the boxes, about
    /// quadratic in the organisations for every tie: on 350 organisations and 900 ties it
    /// took minutes, so only areas of up to 120 organisations and 1,000 ties get curves.
    static func curvedTies(_ graph: Graph) -> Bool { graph.nodeCount <= 120 && graph.arcCount <= 1_000 }

    /// The layout to use and, when it is not the one asked for, why.
    static func layout(_ asked: GraphvizLayout?, graph: Graph, clustered: Bool) -> (GraphvizLayout, String?) {
        let (nodes, ties) = (graph.nodeCount, graph.edgeCount)
        let large = nodes > springLimit.nodes || ties > springLimit.ties
        let tooBigForHierarchy = nodes > hierarchicalLimit.nodes || ties > hierarchicalLimit.ties
        guard let asked else {
            if large { return (.sfdp, nil) }
            return (clustered ? (tooBigForHierarchy ? .fdp : .dot) : .neato, nil)
        }
        let switchTo: Bool
        switch asked {
        case .dot, .circo: switchTo = tooBigForHierarchy
        case .neato, .fdp, .twopi: switchTo = large
        case .sfdp: switchTo = false
        }
        guard switchTo else { return (asked, nil) }
        return (
            .sfdp,
            "\(asked.rawValue) would take minutes on \(nodes) organisations and \(ties) ties; "
                + "using sfdp (pass --force-layout to insist)"
        )
    }

    /// The DOT name of node `handle`: its organisation's id, unless DOT cannot hold that id
    /// (one ending in a backslash that also holds `<` or `>`), then `node N`.
    static func nodeName(_ handle: Int, in graph: Graph) -> String {
        let id = graph.labels[handle]
        return (try? DOTWriter.id(id)) == nil ? "node \(handle)" : id
    }

    /// The legend and title as an HTML-like label.
    static func legend(
        title: String, palette: Palette, colorBy: String, sizeBy: NodeMeasure?, focal: String?, hasFocal: Bool,
        hasChairs: Bool, weighted: Bool, directed: Bool
    ) -> String {
        let escape = DOTWriter.htmlEscaped
        var notes: [String] = []
        if let sizeBy { notes.append("text size: \(sizeBy.rawValue)") }
        if weighted { notes.append("line width: tie weight") }
        if directed { notes.append("arrows: direction of ties") }
        if hasFocal { notes.append("double border: " + (focal.map { "focal sector \($0)" } ?? "focal organisations")) }
        if hasChairs { notes.append("★ chairs a partnership") }
        let swatches = palette.colours.map { category, colour in
            "<FONT COLOR=\"\(colour)\" POINT-SIZE=\"16\">■</FONT> \(escape(category.isEmpty ? "(none)" : category))"
        }.joined(separator: "&#160;&#160;&#160;&#160;")
        return "<TABLE BORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"2\">"
            + "<TR><TD><FONT POINT-SIZE=\"20\"><B>\(escape(title))</B></FONT></TD></TR>"
            + "<TR><TD><FONT POINT-SIZE=\"11\" COLOR=\"#444444\">"
            + "colour: \(escape(colorBy)) · \(escape(notes.joined(separator: " · ")))</FONT></TD></TR>"
            + (swatches.isEmpty ? "" : "<TR><TD><FONT POINT-SIZE=\"12\">\(swatches)</FONT></TD></TR>")
            + "</TABLE>"
    }

    /// Partnerships each organisation chairs, by organisation id.
    static func chairs(in area: Area) -> [String: [String]] {
        let names = Dictionary(area.partnerships.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        var chairs: [String: [String]] = [:]
        for seat in area.memberships where seat.role == .chair {
            chairs[seat.organisation, default: []].append(names[seat.partnership] ?? seat.partnership)
        }
        return chairs
    }

    /// Boxes around organisations.
    ///
    /// By partnership: the clusters nest as the partnerships do, and each organisation is
    /// drawn in one of them (Graphviz draws a node once): the partnership where its role is
    /// highest (chair, vice-chair, member, observer), so a chair sits in the box it chairs;
    /// among those, the most deeply nested; the first listed after that. Organisations on
    /// no partnership stay outside.
    static func clusters(
        _ kind: DiagramClusters?, area: Area, graph: Graph, field: (String, String) -> String
    ) -> [DOTCluster] {
        guard let kind else { return [] }
        switch kind {
        case .sector, .attribute:
            let name = if case .attribute(let attribute) = kind { attribute } else { "sector" }
            var members: [String: [String]] = [:]
            let values = graph.labels.map { field(name, $0) }
            for (handle, value) in values.enumerated() {
                members[value, default: []].append(nodeName(handle, in: graph))
            }
            return firstAppearances(values).enumerated().map { index, value in
                DOTCluster(
                    id: "\(index)",
                    attributes: [
                        "label": .text(value.isEmpty ? "(no \(name))" : value), "style": "rounded,dashed",
                        "color": "#888888", "fontname": "Helvetica", "fontsize": "13",
                    ], nodes: members[value] ?? [])
            }
        case .partnership:
            var depth: [String: Int] = [:]
            let parents = Dictionary(area.partnerships.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
            func depthOf(_ id: String) -> Int {
                if let known = depth[id] { return known }
                var level = 0
                var current = parents[id] ?? nil
                while let parent = current, level <= parents.count {
                    level += 1
                    current = parents[parent] ?? nil
                }
                depth[id] = level
                return level
            }
            let rank: [MembershipRole: Int] = [.chair: 3, .viceChair: 2, .member: 1, .observer: 0]
            var home: [String: (partnership: String, depth: Int, rank: Int)] = [:]
            for seat in area.memberships {
                let candidate = (seat.partnership, depthOf(seat.partnership), rank[seat.role]!)
                if let current = home[seat.organisation],
                    (current.rank, current.depth) >= (candidate.2, candidate.1)
                {
                    continue
                }
                home[seat.organisation] = candidate
            }
            var nodesIn: [String: [String]] = [:]
            for (handle, id) in graph.labels.enumerated() {
                if let partnership = home[id]?.partnership {
                    nodesIn[partnership, default: []].append(nodeName(handle, in: graph))
                }
            }
            let chairNames = Dictionary(
                area.memberships.filter { $0.role == .chair }.map { ($0.partnership, $0.organisation) },
                uniquingKeysWith: { a, _ in a })
            let organisationNames = Dictionary(
                area.organisations.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
            let seats = Dictionary(grouping: area.memberships, by: \.partnership).mapValues(\.count)
            func cluster(_ partnership: Partnership, index: inout Int) -> DOTCluster {
                var label = partnership.displayName + " (\(seats[partnership.id] ?? 0) members)"
                if let chair = chairNames[partnership.id] { label += "\nchair: " + (organisationNames[chair] ?? chair) }
                index += 1
                let id = "\(index)"
                let children = area.partnerships.filter { $0.parent == partnership.id }.map {
                    cluster($0, index: &index)
                }
                return DOTCluster(
                    id: id,
                    attributes: [
                        "label": .text(label), "style": "rounded", "color": "#666666", "fontname": "Helvetica",
                        "fontsize": "13", "penwidth": "1.2",
                    ], nodes: nodesIn[partnership.id] ?? [], clusters: children)
            }
            var index = 0
            return area.partnerships.filter { $0.parent == nil }.map { cluster($0, index: &index) }
        }
    }

    /// Breaks `text` into lines of about `width` characters at spaces.
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    static func firstAppearances(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
