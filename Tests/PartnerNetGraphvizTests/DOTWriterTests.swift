import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO
import TestSupport
import Testing

@Suite struct DOTWriterTests {
    /// Text that DOT's quoting and label escapes could mangle.
    static let awkward = [
        "plain", "with \"quotes\"", "back\\slash", "ends in backslash\\", "two\nlines", "crlf\r\nline",
        "<b>not html</b> & more", "Société Générale — Café “Connect”", "\\N is not the node name", "tab\there",
        "a\\\"b", "",
    ]

    /// The text written for a small graph, checked against `Tests/Fixtures/graphviz/golden.dot`.
    @Test func goldenText() throws {
        let graph = DOTGraph(
            name: "Golden", isDirected: true, attributes: ["label": "A \"title\"", "rankdir": "LR"],
            nodeDefaults: ["shape": "box"], edgeDefaults: ["color": "#555555"],
            nodes: [
                DOTNode(id: "a", attributes: ["label": .text("Alpha\nLtd"), "fillcolor": "#D55E00"]),
                DOTNode(id: "b \"q\"", attributes: ["label": .text("back\\slash")]),
                DOTNode(id: "ends\\", attributes: ["label": .text("ends\\")]),
            ],
            edges: [DOTEdge(tail: "a", head: "b \"q\"", attributes: ["penwidth": "2"])],
            clusters: [DOTCluster(id: "0", attributes: ["label": "Board"], nodes: ["a"])])
        let expected = try String(contentsOfFile: Paths.repo("Tests/Fixtures/graphviz/golden.dot"), encoding: .utf8)
        #expect(try DOTWriter.text(of: graph) == expected)
        let parsed = try Graphviz.parse(dot: expected)
        #expect(parsed.nodes.map(\.id) == ["a", "b \"q\"", "ends\\"])
        #expect(parsed.nodes[1].attributes["label"] == .text("back\\\\slash"))  // label escapes kept, as in the file
    }

    /// Every awkward id and label survives Graphviz's own parser.
    @Test(arguments: awkward)
    func idsAndLabelsRoundTripThroughGraphviz(text: String) throws {
        guard !text.isEmpty else { return }
        let graph = DOTGraph(
            isDirected: false,
            nodes: [DOTNode(id: text, attributes: ["note": .text(text)]), DOTNode(id: "other", attributes: ["label": .text(text)])],
            edges: [DOTEdge(tail: text, head: "other", attributes: ["relation": .text(text)])])
        let parsed = try Graphviz.parse(dot: try DOTWriter.text(of: graph))
        #expect(parsed.nodes.map(\.id) == [text, "other"])
        #expect(parsed.nodes[0].attributes["note"]?.string == text)
        #expect(parsed.edges[0].attributes["relation"]?.string == text)
        // Labels come back with DOT's escapes (or as HTML for a trailing backslash); as an
        // area they read as written, CRLF as one line break.
        let area = AreaDOT.area(from: parsed, file: "t.dot").area
        #expect(area.organisations[1].name == text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func anIdThatDOTCannotHoldIsRefused() {
        #expect(throws: GraphvizError.unrepresentable("<x>\\")) {
            try DOTWriter.text(of: DOTGraph(isDirected: false, nodes: [DOTNode(id: "<x>\\")]))
        }
    }
}

@Suite struct AreaDOTTests {
    static let areas = Paths.datasets.map { "Datasets/" + $0 }

    /// Area → DOT → Graphviz's parser → area keeps organisations, relationships and metadata.
    @Test(arguments: areas)
    func roundTripKeepsEverythingDOTCanHold(path: String) throws {
        let original = try AreaFolder.read(at: Paths.repo(path)).area
        let (graph, notes) = AreaDOT.dotGraph(of: original)
        #expect(notes.isEmpty == (original.partnerships.isEmpty && original.memberships.isEmpty))
        let parsed = try Graphviz.parse(dot: try DOTWriter.text(of: graph))
        let (area, problems) = AreaDOT.area(from: parsed, file: path + ".dot")
        #expect(problems.isEmpty)
        #expect(area.metadata == original.metadata)
        #expect(area.organisations == original.organisations)
        #expect(area.relationships == original.relationships)
    }

    @Test func aForeignDOTFileBecomesAnArea() throws {
        let parsed = try Graphviz.parse(
            dot: """
                digraph partners { council [sector="local-authority", label="City\\nCouncil", staff=300];
                  charity; council -> charity [weight=3, relation=funding, since=2019]; charity -> council; }
                """)
        let (area, problems) = AreaDOT.area(from: parsed, file: "p.dot")
        #expect(area.metadata.name == "partners")
        #expect(area.metadata.directed)
        #expect(
            area.organisations == [
                Organisation(id: "council", name: "City\nCouncil", sector: "local-authority", attributes: ["staff": "300"]),
                Organisation(id: "charity", sector: "none"),
            ])
        #expect(
            area.relationships == [
                Relationship(source: "council", target: "charity", weight: 3, relation: "funding", attributes: ["since": "2019"]),
                Relationship(source: "charity", target: "council"),
            ])
        #expect(problems.map(\.description) == [
            "p.dot: warning: 1 node has no sector attribute (\"charity\"); their sector is \"none\""
        ])
    }
}
