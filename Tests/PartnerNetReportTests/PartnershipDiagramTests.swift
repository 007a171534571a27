import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct PartnershipDiagramTests {
    /// Organisations whose names DOT, SVG and HTML could all mangle.
    static let awkwardArea = Area(
        metadata: AreaMetadata(name: "Awkward <&> \"area\"", directed: true, relations: ["joint": RelationOptions(directed: false)]),
        organisations: [
            Organisation(id: "la", name: "City Council <script>alert(1)</script>", sector: "local-authority"),
            Organisation(id: "q\"uote", name: "St Mary's & St John's \"Churches\"", sector: "faith"),
            Organisation(id: "back\\", name: "Back\\slash\\", sector: "public"),
            Organisation(id: "nb", name: "Société Générale — Café", sector: "business"),
            Organisation(id: "two", name: "Two\nlines", sector: "voluntary-community"),
        ],
        relationships: [
            Relationship(source: "la", target: "q\"uote", weight: 1, relation: "info"),
            Relationship(source: "q\"uote", target: "la", weight: 2, relation: "info"),
            Relationship(source: "la", target: "back\\", weight: 5, relation: "info"),
            Relationship(source: "nb", target: "two", relation: "joint"),
        ],
        partnerships: [Partnership(id: "board", name: "Board & <Co>"), Partnership(id: "sub", parent: "board")],
        memberships: [
            Membership(partnership: "board", organisation: "la", role: .chair),
            Membership(partnership: "board", organisation: "nb"),
            Membership(partnership: "sub", organisation: "two", role: .chair),
            Membership(partnership: "sub", organisation: "nb"),
        ])

    /// The SVG's `<g>` elements of a class, with the text inside each.
    func groups(_ svg: Data, class name: String) throws -> [String] {
        let document = try XMLDocument(data: svg)
        let nodes = try document.nodes(forXPath: "//*[local-name()='g'][@class='\(name)']")
        return nodes.map { $0.stringValue ?? "" }
    }

    @Test(arguments: [nil, DiagramClusters.partnership, .sector])
    func svgHasOneGroupPerOrganisationAndTieWithNamesIntact(clusters: DiagramClusters?) throws {
        let area = Self.awkwardArea
        let graph = try Graph(area: area)
        var options = DiagramOptions()
        options.clusters = clusters
        let diagram = try PartnershipDiagram(area: area, graph: graph, options: options)
        let svg = try diagram.rendered(as: .svg)
        let nodeTexts = try groups(svg, class: "node")
        #expect(nodeTexts.count == area.organisations.count)
        // la↔quote is reciprocated (one two-headed edge), la→back and nb–two (both ways in the union).
        #expect(try groups(svg, class: "edge").count == 3)
        // Long names wrap onto several <text> lines, so compare without white space.
        func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        let text = squeezed(nodeTexts.joined(separator: "|"))
        for organisation in area.organisations {
            #expect(text.contains(squeezed(organisation.displayName)), "missing \(organisation.displayName) in \(text)")
        }
        let raw = String(decoding: svg, as: UTF8.self)
        #expect(!raw.contains("<script>"))
        #expect(raw.contains("Awkward &lt;&amp;&gt;"))
        if clusters == .partnership {
            let clusterTexts = try groups(svg, class: "cluster")
            #expect(clusterTexts.count == 2)
            #expect(clusterTexts.contains { $0.contains("Board & <Co>") })
        }
    }

    @Test func focalOrganisationsAndChairsAreMarkedAndArrowsFollowDirection() throws {
        let area = Self.awkwardArea
        let diagram = try PartnershipDiagram(area: area, graph: try Graph(area: area))
        let council = diagram.dot.nodes[0]
        #expect(council.attributes["peripheries"] == "2")
        #expect(council.attributes["label"]?.string.hasPrefix("★ ") == true)
        #expect(diagram.dot.nodes[2].attributes["peripheries"] == nil)
        #expect(diagram.dot.isDirected)
        #expect(diagram.dot.edges.filter { $0.attributes["dir"] == "both" }.count == 2)
        // The widest line is the heaviest tie (la → back, weight 5).
        let widths = diagram.dot.edges.map { Double($0.attributes["penwidth"]!.string)! }
        #expect(widths.max() == Double(diagram.dot.edges.first { $0.head == "back\\" }!.attributes["penwidth"]!.string))
        let undirected = try Graph(area: area, relations: .named(["joint"]))
        #expect(try PartnershipDiagram(area: area, graph: undirected).dot.isDirected == false)
    }

    @Test func layoutSwitchesToSfdpOnLargeGraphs() throws {
        let n = 2_000
        let area = Area(
            organisations: (0..<n).map { Organisation(id: "o\($0)", sector: $0 % 2 == 0 ? "public" : "business") },
            relationships: (0..<n).map { Relationship(source: "o\($0)", target: "o\(($0 * 7 + 1) % n)") })
        let graph = try Graph(area: area)
        var options = DiagramOptions()
        options.layout = .dot
        let diagram = try PartnershipDiagram(area: area, graph: graph, options: options)
        #expect(diagram.layout == .sfdp)
        #expect(diagram.layoutNote?.contains("using sfdp") == true)
        #expect(try PartnershipDiagram(area: area, graph: graph).layout == .sfdp)
        let forced = try PartnershipDiagram(area: area, graph: graph, options: options, forceLayout: true)
        #expect(forced.layout == .dot)
    }

    @Test func everyBundledDatasetRendersAsSVGPNGAndPDF() throws {
        for name in Paths.datasets {
            let area = try AreaFolder.read(at: Paths.repo("Datasets/" + name)).area
            let relations: RelationSelection = area.relationships.isEmpty ? .named([Area.coMembership]) : .all
            let diagram = try PartnershipDiagram(area: area, graph: try Graph(area: area, relations: relations))
            let svg = try diagram.rendered(as: .svg)
            #expect(try groups(svg, class: "node").count == area.organisations.count, "\(name)")
            #expect(Array(try diagram.rendered(as: .png).prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(name)")
            #expect(String(decoding: try diagram.rendered(as: .pdf).prefix(5), as: UTF8.self) == "%PDF-", "\(name)")
        }
    }

    /// The nodes are named by the organisations' ids, so the DOT written by `render -o x.dot`
    /// and the SVG's `<title>` and `id` keep them (they were `n0`, `n1`, …), quoted and
    /// escaped (issue 13).
    @Test func nodesKeepTheOrganisationIds() throws {
        let area = Self.awkwardArea
        let diagram = try PartnershipDiagram(area: area, graph: try Graph(area: area))
        #expect(diagram.dot.nodes.map(\.id) == area.organisations.map(\.id))
        let svg = try diagram.rendered(as: .svg)
        let document = try XMLDocument(data: svg)
        let nodes = try document.nodes(forXPath: "//*[local-name()='g'][@class='node']")
        let titles = nodes.compactMap { node in
            (try? node.nodes(forXPath: "./*[local-name()='title']"))?.first?.stringValue
        }
        #expect(titles == area.organisations.map(\.id))
        let ids = nodes.compactMap { node in
            (node as? XMLElement)?.attributes?.first { $0.localName == "id" || $0.name == "id" }?.stringValue
        }
        #expect(ids == area.organisations.map(\.id))
        let dot = String(decoding: try diagram.rendered(as: .dot), as: UTF8.self)
        #expect(dot.contains("\"q\\\"uote\""))
        #expect(!dot.contains("n0"))
    }

    /// Graphviz escapes in names (`\N` the node's name, `\G` the graph's…) show as written
    /// in labels and tooltips; they were expanded in tooltips (issue 13).
    @Test func graphvizEscapesInNamesStayLiteral() throws {
        let names = ["\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "a\\Nb", "end\\", "two\\\\N"]
        let area = Area(
            metadata: AreaMetadata(name: "escapes"),
            organisations: names.enumerated().map { Organisation(id: "o\($0)", name: $1, sector: "s\($0 % 2)") },
            relationships: (1..<names.count).map { Relationship(source: "o0", target: "o\($0)") })
        let diagram = try PartnershipDiagram(area: area, graph: try Graph(area: area))
        let svg = try diagram.rendered(as: .svg)
        let document = try XMLDocument(data: svg)
        let nodes = try document.nodes(forXPath: "//*[local-name()='g'][@class='node']")
        #expect(nodes.count == names.count)
        for (index, node) in nodes.enumerated() {
            let name = names[index]
            let text = (try node.nodes(forXPath: ".//*[local-name()='text']")).compactMap(\.stringValue).joined()
            #expect(text.hasSuffix(name), "label of o\(index): \(text), expected \(name)")
            let anchor = try node.nodes(forXPath: ".//*[local-name()='a']").first as? XMLElement
            let tooltip = anchor?.attributes?.first { $0.localName == "title" }?.stringValue ?? ""
            #expect(tooltip.hasPrefix("\(name) (o\(index)) · sector:"), "tooltip of o\(index): \(tooltip)")
        }
    }
}
