import Foundation
import PartnerNetCore
import PartnerNetIO
import TestSupport
import Testing

@testable import PartnerNetMetrics

/// Borgatti & Everett's core/periphery models: worked examples, the exact optimum by
/// enumerating every partition of graphs of up to 16 nodes, and the fixtures of
/// `Scripts/reference/core_periphery.py` (PyPI cpnet 0.0.21's BE and MINRES, exact
/// enumeration, scipy's L-BFGS-B) on every dataset and test area.
@Suite struct CorePeripheryTests {
    static let fixtures = ReferenceFixture.files(in: "reference/core_periphery")

    static func graph(_ n: Int, _ edges: [(Int, Int)]) -> Graph {
        Graph(
            labels: (0..<n).map { "v\($0)" }, directed: false, sources: edges.map { Int32($0.0) },
            targets: edges.map { Int32($0.1) }, weights: edges.map { _ in 1 })
    }

    /// A triangle {0, 1, 2} tied to each of 3, 4, 5, which have no ties among them: n = 6,
    /// P = 15 pairs, m = 12 ties. With core {0, 1, 2} the ideal pattern has D = 15 − 3 = 12
    /// ones, all of them ties (X = 12): ρ = (15·12 − 12·12)/√(12·3·12·3) = 36/36 = 1.
    @Test func perfectCorePeripheryFitsOne() throws {
        var edges = [(0, 1), (0, 2), (1, 2)]
        for core in 0..<3 { for periphery in 3..<6 { edges.append((core, periphery)) } }
        let graph = Self.graph(6, edges)
        #expect(graph.corePeripheryFit(inCore: [true, true, true, false, false, false]) == 1)
        let partition = try graph.corePeripheryPartition()
        #expect(partition.inCore == [true, true, true, false, false, false])
        #expect(abs(partition.fit - 1) < 1e-15)
    }

    /// A star 0–{1, 2, 3, 4} with one tie 1–2 among the leaves: n = 5, P = 10, m = 5.
    /// Core {0}: p = 4, D = 10 − 6 = 4, e = 1 tie in the periphery, X = 4:
    /// ρ = (40 − 20)/√(5·5·4·6) = 20/√600 = 2/√6 ≈ 0.8165. Core {0, 1}: D = 7, X = 5,
    /// ρ = 15/√525 ≈ 0.6547; core {1}: D = 4, X = 2, ρ = 0. The best is {0}.
    @Test func starWithOneExtraTie() throws {
        let graph = Self.graph(5, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2)])
        let hub = [true, false, false, false, false]
        #expect(abs(graph.corePeripheryFit(inCore: hub)! - 2 / 6.0.squareRoot()) < 1e-15)
        #expect(
            abs(graph.corePeripheryFit(inCore: [true, true, false, false, false])! - 15 / 525.0.squareRoot()) < 1e-15)
        #expect(graph.corePeripheryFit(inCore: [false, true, false, false, false]) == 0)
        #expect(graph.corePeripheryFit(inCore: [Bool](repeating: false, count: 5)) == nil)
        #expect(graph.corePeripheryFit(inCore: [true, true, true, true, false]) == nil)
        let partition = try graph.corePeripheryPartition()
        #expect(partition.inCore == hub)
        #expect(partition.coreSize == 1)
    }

    @Test func undefinedWithoutTiesOrWithEveryPairTied() {
        let none = MetricError.uniformTies(everyPairTied: false)
        #expect(throws: none) { try Self.graph(4, []).corePeripheryPartition() }
        #expect(throws: none) { try Self.graph(4, []).coreness() }
        let complete = Self.graph(4, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)])
        let every = MetricError.uniformTies(everyPairTied: true)
        #expect(throws: every) { try complete.corePeripheryPartition() }
        #expect(throws: every) { try complete.coreness() }
        #expect(none.description == "core/periphery is undefined: no two organisations are tied")
    }

    /// The best fit over every one of the 2ⁿ partitions, scored by the phi coefficient of
    /// the 2 × 2 table (tie or not) × (ideal 1 or 0): another form of the same Pearson
    /// correlation, computed without the search's code. Returns the best fit and whether
    /// `core` reaches it.
    static func enumeratedOptimum(_ graph: Graph, core: [Bool]) -> (best: Double, fitOf: Double) {
        let n = graph.nodeCount
        precondition(n <= 16)
        var rows = [Int](repeating: 0, count: n)
        for node in 0..<n {
            for neighbour in graph.successors(of: node) { rows[node] |= 1 << Int(neighbour) }
            for neighbour in graph.predecessors(of: node) { rows[node] |= 1 << Int(neighbour) }
        }
        let ties = rows.reduce(0) { $0 + $1.nonzeroBitCount } / 2
        let pairs = n * (n - 1) / 2
        func phi(_ mask: Int) -> Double {
            let periphery = ~mask & ((1 << n) - 1)
            var peripheryEnds = 0
            for node in 0..<n where periphery & (1 << node) != 0 {
                peripheryEnds += (rows[node] & periphery).nonzeroBitCount
            }
            let p = periphery.nonzeroBitCount
            let idealZero = p * (p - 1) / 2
            let n00 = idealZero - peripheryEnds / 2  // no tie, ideal 0
            let n10 = peripheryEnds / 2  // tie, ideal 0
            let n11 = ties - n10  // tie, ideal 1
            let n01 = pairs - idealZero - n11  // no tie, ideal 1
            let rowProduct = Double(n11 + n10) * Double(n01 + n00)
            let columnProduct = Double(n11 + n01) * Double(n10 + n00)
            guard rowProduct > 0, columnProduct > 0 else { return -.infinity }
            return (Double(n11) * Double(n00) - Double(n10) * Double(n01)) / (rowProduct * columnProduct).squareRoot()
        }
        var best = -Double.infinity
        for mask in 0..<(1 << n) { best = max(best, phi(mask)) }
        var mask = 0
        for node in 0..<n where core[node] { mask |= 1 << node }
        return (best, phi(mask))
    }

    /// Seeded random graphs of 5 to 16 nodes, sparse to dense, one mode or the other: the
    /// search reaches the optimum found by enumeration, and its partition is optimal.
    @Test(arguments: 0..<36)
    func searchFindsTheEnumeratedOptimum(index: Int) throws {
        var random = SplitMix64(seed: 900 + UInt64(index))
        let n = 5 + index % 12
        let density = [0.15, 0.3, 0.5, 0.7][index % 4]
        var edges: [(Int, Int)] = []
        for i in 0..<n {
            for j in (i + 1)..<n where Double(random.next() % 1000) / 1000 < density { edges.append((i, j)) }
        }
        let graph = Self.graph(n, edges)
        guard !edges.isEmpty, edges.count < n * (n - 1) / 2 else { return }
        let partition = try graph.corePeripheryPartition()
        let (best, fitOf) = Self.enumeratedOptimum(graph, core: partition.inCore)
        #expect(
            abs(partition.fit - best) < 1e-12,
            "graph \(index) (n \(n), m \(edges.count)): search \(partition.fit), optimum \(best)")
        #expect(
            abs(fitOf - partition.fit) < 1e-12,
            "graph \(index): the partition returned scores \(fitOf), reported \(partition.fit)")
    }

    @Test func reproducibleUnderASeedAndNotWorseWithMoreStarts() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        let graph = try Graph(area: area)
        let first = try graph.corePeripheryPartition(starts: 8, seed: 5)
        let again = try graph.corePeripheryPartition(starts: 8, seed: 5)
        #expect(first == again)
        let more = try graph.corePeripheryPartition(starts: 40, seed: 5)
        #expect(more.fit >= first.fit - 1e-12)
        // The reported fit is the fit of the partition reported.
        #expect(abs(graph.corePeripheryFit(inCore: more.inCore)! - more.fit) < 1e-12)
    }

    /// Renaming nodes permutes the optimum: the fit is the same (the partition may differ
    /// where several partitions tie).
    @Test(arguments: CentralityPropertyTests.cases.indices)
    func relabellingKeepsTheFit(index: Int) throws {
        let shape = CentralityPropertyTests.cases[index]
        let graph = CentralityPropertyTests.randomGraph(
            nodes: shape.nodes, arcs: shape.arcs, directed: shape.directed, seed: shape.seed)
        var random = SplitMix64(seed: 300 + shape.seed)
        let permutation = Array(0..<graph.nodeCount).shuffled(using: &random)
        let other = CentralityPropertyTests.relabelled(graph, by: permutation)
        let fit = try graph.corePeripheryPartition().fit
        let relabelled = try other.corePeripheryPartition().fit
        #expect(abs(fit - relabelled) < 1e-12, "case \(index): \(fit), relabelled \(relabelled)")
        let coreness = try graph.coreness()
        let permuted = try other.coreness()
        #expect(abs(coreness.residual - permuted.residual) <= 1e-9 * coreness.residual)
        for node in 0..<graph.nodeCount {
            #expect(abs(coreness.scores[node] - permuted.scores[permutation[node]]) < 1e-6)
        }
    }

    @Test func everyAreaHasAFixture() {
        var areas = Paths.datasets + Paths.folders(in: "Tests/Fixtures/areas")
        areas += Paths.folders(in: "Tests/Fixtures/centrality_areas")
        for area in areas {
            #expect(
                Self.fixtures.contains("reference/core_periphery/\(area).json"), "no core/periphery fixture for \(area)"
            )
        }
    }

    /// On every dataset and test area: the categorical fit is never below cpnet's BE and
    /// equals the enumerated optimum where n ≤ 16; coreness matches the least-squares
    /// solution (1e-6), its residual never exceeds cpnet MINRES's, and the catalogue
    /// measures `coreness` and `in_core` are these.
    @Test(arguments: fixtures)
    func agreesWithTheReference(fixtureName: String) throws {
        let fixture = try SilosReferenceTests.load(fixtureName)
        let dataset = fixture["dataset"] as! String
        #expect((fixture["tools"] as! [String: String])["cpnet"] == "0.0.21")
        let area = try AreaSource.read(at: SilosReferenceTests.areaPath(dataset)).area
        for reference in fixture["cases"] as! [[String: Any]] {
            let relations = reference["relations"] as! [String]
            let graph = try Graph(area: area, relations: RelationSelection(relations))
            let scope = "\(dataset) \(relations.isEmpty ? "union" : relations.joined(separator: "+"))"
            if let reason = reference["reason"] as? String {
                let expected = MetricError.uniformTies(everyPairTied: reason != "no ties")
                #expect(throws: expected, "\(scope)") { try graph.corePeripheryPartition() }
                #expect(throws: expected, "\(scope)") { try graph.coreness() }
                continue
            }
            let partition = try graph.corePeripheryPartition()
            let cpnet = (reference["cpnet_be"] as! [String: Any])["fit"] as! Double
            #expect(partition.fit >= cpnet - 1e-12, "\(scope): fit \(partition.fit), cpnet BE \(cpnet)")
            if let exact = reference["exact"] as? [String: Any] {
                let best = exact["best_fit"] as! Double
                #expect(abs(partition.fit - best) < 1e-12, "\(scope): fit \(partition.fit), enumerated optimum \(best)")
                if (exact["optimal_partitions"] as! Int) <= 8 {
                    let cores = (exact["optimal_cores"] as! [[String]]).map(Set.init)
                    let ours = Set(graph.labels.indices.filter { partition.inCore[$0] }.map { graph.labels[$0] })
                    #expect(cores.contains(ours), "\(scope): core \(ours.sorted()) is not among the optimal \(cores)")
                }
            }
            let inCore = try NodeMeasure.inCore.scores(in: graph, options: MeasureOptions())
            #expect(inCore == partition.inCore.map { $0 ? 1 : 0 })

            let coreness = try graph.coreness()
            let expected = reference["coreness"] as! [String: Double]
            for (node, id) in graph.labels.enumerated() {
                #expect(
                    abs(coreness.scores[node] - expected[id]!) < 1e-6,
                    "\(scope) coreness[\(id)]: \(coreness.scores[node]), reference \(expected[id]!)")
            }
            let residual = reference["coreness_residual"] as! Double
            #expect(
                agree(coreness.residual, residual, relative: 1e-9),
                "\(scope) residual \(coreness.residual), reference \(residual)")
            #expect(coreness.residual <= (reference["coreness_scipy_residual"] as! Double) * (1 + 1e-9))
            let minres = reference["cpnet_minres"] as! [String: Any]
            #expect(
                coreness.residual <= minres["residual"] as! Double,
                "\(scope): residual \(coreness.residual), cpnet MINRES \(minres["residual"]!)")
            #expect(agree(coreness.fit, reference["coreness_fit"] as! Double, relative: 1e-6), "\(scope) coreness fit")
            let catalogue = try NodeMeasure.coreness.scores(in: graph, options: MeasureOptions())
            #expect(catalogue == coreness.scores)
        }
    }
}
