import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Burt's constraint, effective size, efficiency and hierarchy: worked by hand on tiny
/// graphs, against `Scripts/reference/structural_holes.py` (networkx 3.6, cross-checked
/// there with igraph and exact fractions) on every area, unweighted and weighted, and
/// against the UCINET values networkx's test suite records.
@Suite struct StructuralHolesTests {
    static let fixtures = ReferenceFixture.files(in: "reference/structural_holes")
    static let measures = ["constraint", "effective_size", "efficiency", "hierarchy"]

    static func values(_ holes: StructuralHoles, _ measure: String) -> [Double] {
        switch measure {
        case "constraint": holes.constraint
        case "effective_size": holes.effectiveSize
        case "efficiency": holes.efficiency
        default: holes.hierarchy
        }
    }

    static func graph(_ edges: [(Int32, Int32, Double)], nodes: Int, directed: Bool) -> Graph {
        Graph(
            labels: (0..<nodes).map(String.init), directed: directed, sources: edges.map(\.0),
            targets: edges.map(\.1), weights: edges.map(\.2))
    }

    static func areaPath(_ name: String) -> String {
        for folder in ["Datasets", "Tests/Fixtures/areas", "Tests/Fixtures/centrality_areas"] {
            let path = Paths.repo(folder + "/" + name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return Paths.repo("Datasets/" + name)
    }

    /// A star: the centre's three contacts are strangers to each other (p = 1/3 each, no
    /// indirect investment), so C = 3 · (1/3)² = 1/3, effective size 3, efficiency 1 and
    /// hierarchy 0 (the constraint is spread evenly). A leaf has one contact: C = 1,
    /// effective size 1, and no hierarchy (N < 2).
    @Test func aStarIsAllHoles() {
        let holes = Self.graph([(0, 1, 1), (0, 2, 1), (0, 3, 1)], nodes: 4, directed: false).structuralHoles()
        #expect(abs(holes.constraint[0] - 1.0 / 3) < 1e-15)
        #expect(holes.effectiveSize[0] == 3 && holes.efficiency[0] == 1 && abs(holes.hierarchy[0]) < 1e-15)
        #expect(holes.constraint[1] == 1 && holes.effectiveSize[1] == 1 && holes.efficiency[1] == 1)
        #expect(holes.hierarchy[1].isNaN)
    }

    /// A triangle: each node's two contacts know each other. c_ij = (1/2 + 1/2 · 1/2)² =
    /// 9/16, C = 9/8; each contact is fully redundant with the other (m = 1), so the
    /// effective size is 2 − 2 · (1/2) = 1 and the efficiency 1/2; the constraint is even,
    /// so hierarchy is 0. An isolate has none of the four.
    @Test func aTriangleIsClosed() {
        let holes = Self.graph([(0, 1, 1), (1, 2, 1), (2, 0, 1)], nodes: 4, directed: false).structuralHoles()
        for node in 0..<3 {
            #expect(abs(holes.constraint[node] - 9.0 / 8) < 1e-15)
            #expect(abs(holes.effectiveSize[node] - 1) < 1e-15 && abs(holes.efficiency[node] - 0.5) < 1e-15)
            #expect(abs(holes.hierarchy[node]) < 1e-15)
        }
        #expect(holes.constraint[3].isNaN && holes.effectiveSize[3].isNaN && holes.hierarchy[3].isNaN)
    }

    /// Weights and directions: 0 → 1 (weight 3) and 1 → 0 (weight 1) make a mutual weight
    /// of 4; 0 → 2 (weight 1) one of 1. So p₀₁ = 4/5, p₀₂ = 1/5 and, with 1 and 2 strangers,
    /// C₀ = 16/25 + 1/25 = 17/25; r = (16/25, 1/25) / (17/50) = (32/17, 2/17), and
    /// hierarchy = (r₁ ln r₁ + r₂ ln r₂) / (2 ln 2).
    @Test func weightsAndDirectionsAddUp() {
        let graph = Self.graph([(0, 1, 3), (1, 0, 1), (0, 2, 1)], nodes: 3, directed: true)
        let weighted = graph.structuralHoles(weighted: true)
        #expect(abs(weighted.constraint[0] - 17.0 / 25) < 1e-15)
        #expect(weighted.effectiveSize[0] == 2)
        let (r1, r2) = (32.0 / 17, 2.0 / 17)
        #expect(abs(weighted.hierarchy[0] - (r1 * log(r1) + r2 * log(r2)) / (2 * log(2.0))) < 1e-15)
        // Unweighted, the reciprocated pair still weighs 2 against 1: p = (2/3, 1/3).
        let plain = graph.structuralHoles()
        #expect(abs(plain.constraint[0] - 5.0 / 9) < 1e-15)
        // Node 2 has an in-tie only: one contact, constraint 1 (networkx's per-node
        // effective size says NaN here; the formula gives 1).
        #expect(plain.constraint[2] == 1 && plain.effectiveSize[2] == 1)
    }

    @Test func everyAreaHasAFixture() {
        var areas = Paths.datasets + Paths.folders(in: "Tests/Fixtures/areas")
        areas += Paths.folders(in: "Tests/Fixtures/centrality_areas")
        for area in areas {
            #expect(Self.fixtures.contains("reference/structural_holes/\(area).json"), "no fixture for \(area)")
        }
    }

    @Test(arguments: fixtures)
    func agreesWithNetworkx(fixtureName: String) throws {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/" + fixtureName))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let tools = object["tools"] as! [String: String]
        #expect(tools["networkx"] == "3.6.1")
        let dataset = object["dataset"] as! String
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        let cases = object["cases"] as! [[String: Any]]
        #expect(!cases.isEmpty)
        var compared = 0
        for entry in cases {
            let relations = entry["relations"] as! [String]
            let graph = try Graph(area: area, relations: RelationSelection(relations))
            #expect(graph.isDirected == entry["directed"] as! Bool)
            let node = entry["node"] as! [String: [String: Any]]
            let sinks = Set(entry["effective_size_sinks"] as! [String])
            for weighted in [false, true] {
                let holes = graph.structuralHoles(weighted: weighted)
                for measure in Self.measures {
                    let key = measure + (weighted ? "_weighted" : "")
                    let reference = try #require(node[key], "\(dataset): no \(key)")
                    let ours = Self.values(holes, measure)
                    for (handle, id) in graph.labels.enumerated() {
                        let label = "\(dataset) \(relations) \(key)[\(id)]"
                        let value = ours[handle]
                        if let theirs = reference[id] as? Double {
                            #expect(agree(value, theirs), "\(label): PartnerNet \(value), networkx \(theirs)")
                            compared += 1
                        } else {
                            #expect(value.isNaN, "\(label): PartnerNet \(value), reference undefined")
                        }
                    }
                }
            }
            // Where networkx's per-node path says NaN for a node with in-ties only, the
            // fixture holds the formula's value and we give it too (checked above).
            for id in sinks {
                let handle = try #require(graph.handles[id])
                #expect(graph.outDegree(of: handle) == 0 && graph.inDegree(of: handle) > 0)
            }
        }
        #expect(compared > 0 || dataset.hasPrefix("tiny_single"))
    }

    /// Values networkx's test suite (test_structuralholes.py) records from UCINET and
    /// igraph, to three decimals, on Borgatti's (1997) example and a directed triangle.
    @Test func agreesWithUCINETValues() throws {
        let borgatti = try Graph(area: AreaSource.read(at: Paths.repo("Datasets/borgatti_holes_example")).area)
        let directed = try Graph(area: AreaSource.read(at: Paths.repo("Datasets/networkx_holes_directed_example")).area)
        let expectations: [(Graph, Bool, String, [String: Double], Double)] = [
            (borgatti, false, "constraint", ["G": 0.400, "A": 0.595, "C": 1], 1e-3),
            (borgatti, false, "effective_size", ["G": 4.67, "A": 2.50, "C": 1], 1e-2),
            (borgatti, true, "constraint", ["G": 0.299, "A": 0.795, "C": 1], 1e-3),
            (borgatti, true, "effective_size", ["G": 5.47, "A": 2.47, "C": 1], 1e-2),
            (directed, false, "constraint", ["0": 1.003, "1": 1.003, "2": 1.389], 1e-3),
            (directed, false, "effective_size", ["0": 1.167, "1": 1.167, "2": 1], 1e-3),
            (directed, true, "constraint", ["0": 0.840, "1": 1.143, "2": 1.378], 1e-3),
            (directed, true, "effective_size", ["0": 1.567, "1": 1.083, "2": 1], 1e-3),
        ]
        for (graph, weighted, measure, values, tolerance) in expectations {
            let ours = Self.values(graph.structuralHoles(weighted: weighted), measure)
            for (id, expected) in values {
                let value = ours[graph.handles[id]!]
                #expect(
                    abs(value - expected) <= tolerance,
                    "\(measure)\(weighted ? " weighted" : "")[\(id)]: PartnerNet \(value), UCINET \(expected)")
            }
        }
    }

    /// A graph big enough to run on all cores gives the same values as its blocks computed
    /// one node at a time, and node values do not depend on the handles' order.
    @Test func largeGraphsAgreeWithTheFormulaNodeByNode() {
        var random = SplitMix64(seed: 77)
        let n = 3_000
        var edges: [(Int32, Int32, Double)] = []
        for _ in 0..<30_000 {
            edges.append(
                (Int32(random.next() % UInt64(n)), Int32(random.next() % UInt64(n)), Double(random.next() % 5 + 1)))
        }
        let graph = Self.graph(edges, nodes: n, directed: true)
        let holes = graph.structuralHoles(weighted: true)
        // The formula, directly, for a sample of nodes.
        func mutual(_ a: Int, _ b: Int) -> Double {
            (graph.weight(from: a, to: b) ?? 0) + (graph.weight(from: b, to: a) ?? 0)
        }
        func alters(_ a: Int) -> [Int] {
            Array(Set(graph.successors(of: a).map(Int.init) + graph.predecessors(of: a).map(Int.init)))
        }
        for node in stride(from: 0, to: n, by: 97) {
            let others = alters(node)
            guard !others.isEmpty else {
                #expect(holes.constraint[node].isNaN)
                continue
            }
            func total(_ a: Int) -> Double { alters(a).reduce(0) { $0 + mutual(a, $1) } }
            func p(_ a: Int, _ b: Int) -> Double { mutual(a, b) / total(a) }
            var constraint = 0.0
            var redundancy = 0.0
            for j in others {
                let local = p(node, j) + others.reduce(0) { $0 + p(node, $1) * p($1, j) }
                constraint += local * local
                let top = alters(j).map { mutual(j, $0) }.max()!
                redundancy += others.reduce(0) { $0 + p(node, $1) * mutual(j, $1) / top }
            }
            #expect(agree(holes.constraint[node], constraint, relative: 1e-12), "constraint[\(node)]")
            #expect(
                agree(holes.effectiveSize[node], Double(others.count) - redundancy, relative: 1e-12),
                "effective size[\(node)]")
        }
    }
}
