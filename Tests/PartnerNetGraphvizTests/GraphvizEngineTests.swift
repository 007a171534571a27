import Foundation
import PartnerNetGraphviz
import Testing

@Suite struct GraphvizEngineTests {
    let triangle = "digraph T { a -> b; b -> c; c -> a; }"

    @Test(arguments: GraphvizLayout.allCases)
    func everyLayoutRendersSVG(layout: GraphvizLayout) throws {
        let svg = String(decoding: try Graphviz.render(dot: triangle, layout: layout, format: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 3)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 3)
    }

    @Test func binaryFormatsHaveTheirSignatures() throws {
        let png = try Graphviz.render(dot: triangle, layout: .dot, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try Graphviz.render(dot: triangle, layout: .dot, format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let json = try Graphviz.render(dot: triangle, layout: .dot, format: .json)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect((object?["objects"] as? [Any])?.count == 3)
        let plain = String(decoding: try Graphviz.render(dot: triangle, layout: .dot, format: .plain), as: UTF8.self)
        #expect(plain.hasPrefix("graph "))
        #expect(plain.split(separator: "\n").filter { $0.hasPrefix("node ") }.count == 3)
        let dot = String(decoding: try Graphviz.render(dot: triangle, layout: .dot, format: .dot), as: UTF8.self)
        #expect(dot.contains("pos="))
    }

    @Test func badDOTGivesGraphvizsMessage() {
        // A graph of several lines first: Graphviz keeps its trailing newline, and the next
        // message must still name line 1.
        #expect(throws: Never.self) { try Graphviz.parse(dot: "digraph partners {\n  council -> police;\n  police -> fire\n}\n") }
        #expect {
            try Graphviz.render(dot: "digraph { a -> ; }", layout: .dot, format: .svg)
        } throws: { error in
            guard case GraphvizError.syntax(let message) = error else { return false }
            return message.contains("syntax error") && message.contains("line 1")
        }
        #expect(throws: GraphvizError.self) { try Graphviz.parse(dot: "") }
        #expect(throws: GraphvizError.self) { try Graphviz.parse(dot: "graph { a -- b") }
        // After an error, the next call works: the error state is reset.
        #expect(throws: Never.self) { try Graphviz.parse(dot: triangle) }
    }

    @Test func parsesNodesEdgesAndAttributes() throws {
        let graph = try Graphviz.parse(
            dot: """
                graph "Area" { node [shape=box]; a [sector="public", label="Alpha"]; b; a -- b [weight=2.5, relation=info]; b -- c; }
                """)
        #expect(graph.name == "Area")
        #expect(!graph.isDirected)
        #expect(graph.nodes.map(\.id) == ["a", "b", "c"])
        #expect(graph.nodes[0].attributes == ["sector": "public", "label": "Alpha", "shape": "box"])
        #expect(graph.nodes[1].attributes["shape"] == "box")
        #expect(graph.edges.map { [$0.tail, $0.head] } == [["a", "b"], ["b", "c"]])
        #expect(graph.edges[0].attributes == ["weight": "2.5", "relation": "info"])
    }

    /// Graphviz is not thread-safe; the binding's lock must make concurrent use safe.
    @Test func rendersFromManyThreadsAtOnce() async throws {
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let dot = "digraph { n\(index) -> m\(index); m\(index) -> k\(index) [label=\"edge \(index)\"]; }"
                    let layout = GraphvizLayout.allCases[index % GraphvizLayout.allCases.count]
                    if index % 5 == 0 {
                        _ = try? Graphviz.parse(dot: "digraph { broken")
                    }
                    return String(decoding: try Graphviz.render(dot: dot, layout: layout, format: .svg), as: UTF8.self)
                }
            }
            var all: [String] = []
            for try await svg in group { all.append(svg) }
            return all
        }
        #expect(results.count == 64)
        for index in 0..<64 {
            #expect(results.filter { $0.contains(">n\(index)<") && $0.contains(">edge \(index)<") }.count == 1)
        }
    }
}
