import Foundation
import PartnerNetCore
import PartnerNetIO
import TestSupport
import Testing

@testable import PartnerNetInput

/// DOT files read through the library (issue 12) and checked against the limits on
/// graphs, nesting and ties (issue 13).
@Suite struct DOTAreaTests {
    func file(_ name: String, _ contents: String) throws -> String {
        let path = Paths.temporaryFolder() + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func problems(_ path: String, maximumTies: Int = DOTArea.maximumTies, maximumDepth: Int = DOTArea.maximumDepth)
        -> [String]
    {
        let folder = (path as NSString).deletingLastPathComponent + "/"
        do {
            _ = try DOTArea.read(at: path, maximumTies: maximumTies, maximumDepth: maximumDepth)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "") }
        }
    }

    @Test func aLibraryUserReadsADOTAreaAsTheCLIDoes() throws {
        let path = Paths.repo("Tests/Fixtures/graphviz")
        let dot = try #require(
            FileManager.default.contentsOfDirectory(atPath: path).sorted().first { DOTArea.isDOT($0) })
        let viaInput = try AreaInput.read(path + "/" + dot)
        let viaDOT = try DOTArea.read(at: path + "/" + dot)
        #expect(viaInput.area == viaDOT.area)
        #expect(!viaInput.area.organisations.isEmpty)
        let folder = try AreaInput.read(Paths.repo("Tests/Fixtures/areas/tiny_pair"))
        #expect(folder.area.organisations.map(\.id) == ["a", "b"])
    }

    /// The second graph of a file was ignored without a word.
    @Test func aFileWithTwoGraphsIsRefused() throws {
        let path = try file("two.dot", "graph one {\n  a -- b\n}\n\ngraph two {\n  c -- d\n}\n")
        #expect(problems(path) == ["two.dot:5: error: the file holds 2 graphs; PartnerNet reads one (split the file, one graph each)"])
        #expect(problems(try file("one.dot", "graph one {\n  a -- b\n}\n// graph two { c -- d }\n")).isEmpty)
    }

    /// `{a0 … a2999} -- {b0 … b2999}` made nine million ties in 37 s and 3.7 GB.
    @Test func edgeProductsBeyondTheLimitAreRefusedBeforeGraphvizExpandsThem() throws {
        let left = (0..<1_000).map { "a\($0)" }.joined(separator: " ")
        let right = (0..<1_001).map { "b\($0)" }.joined(separator: " ")
        let path = try file("product.dot", "graph g {\n  node [sector=x]\n  {\(left)} -- {\(right)}\n}\n")
        #expect(
            problems(path) == [
                "product.dot:3: error: the edge statements up to this line make up to 1001000 ties, more than the 1000000 PartnerNet reads from a DOT file (an edge between two {…} groups makes a tie for every pair)"
            ])
        let huge = (0..<3_000).map { "a\($0)" }.joined(separator: " ")
        let nine = try file("nine.dot", "graph g {\n  {\(huge)} -- {\(huge.replacingOccurrences(of: "a", with: "b"))}\n}\n")
        #expect(problems(nine).first?.contains("make up to 9000000 ties") == true)
    }

    @Test func tiesAreReadUpToTheLimit() throws {
        let text = "graph g {\n  node [sector=x]\n  {a b c} -- {d e f g} [weight=2]\n  rankdir=LR\n}\n"
        let atLimit = try file("limit.dot", text)
        #expect(problems(atLimit, maximumTies: 12).isEmpty)
        #expect(try DOTArea.read(at: atLimit, maximumTies: 12, maximumDepth: 5).area.relationships.count == 12)
        #expect(problems(atLimit, maximumTies: 11).first?.contains("make up to 12 ties") == true)
        // Chains and explicit edges count too; attribute lists, ports and names do not.
        let chain = try file("chain.dot", "digraph \"g\" {\n  a:n -> b -> {c d};\n  e [label=\"x -- y\"]\n}\n")
        #expect(problems(chain, maximumTies: 3).isEmpty)
        #expect(problems(chain, maximumTies: 2).first?.contains("make up to 3 ties") == true)
    }

    @Test func subgraphsAreReadUpToTheDepthLimit() throws {
        func nested(_ depth: Int) -> String {
            "graph g {\n" + String(repeating: "{", count: depth) + " a " + String(repeating: "}", count: depth) + "\n}\n"
        }
        #expect(problems(try file("d.dot", nested(3)), maximumDepth: 3).isEmpty)
        #expect(
            problems(try file("d.dot", nested(4)), maximumDepth: 3) == [
                "d.dot:2: error: subgraphs are nested more than 3 levels deep; PartnerNet reads at most 3"
            ])
        #expect(problems(try file("d.dot", nested(DOTArea.maximumDepth))).isEmpty)
        #expect(problems(try file("d.dot", nested(DOTArea.maximumDepth + 1))).count == 1)
    }

    @Test func hexadecimalAndNulAreRefusedInDOT() throws {
        let hex = try file("hex.dot", "graph g {\n  node [sector=x]\n  a -- b [weight=\"0x10\"]\n}\n")
        #expect(problems(hex).contains { $0.contains("weight must be a positive finite number, got \"0x10\"") })
        let nul = try file("nul.dot", "graph g {\n  node [sector=x]\n  \"a\u{1}b\" -- c\n}\n")
        #expect(problems(nul).contains { $0.contains("U+0001 (SOH)") })
    }
}
