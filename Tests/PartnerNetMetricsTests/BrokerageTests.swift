import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Gould–Fernandez brokerage roles: a worked example, every number of R
/// `sna::brokerage` (`Scripts/reference/brokerage_measures.R`) on Knoke, Northbridge,
/// Zachary and seeded random graphs, brute-force counting on larger graphs (all cores, and
/// the binary-search path), and sna's moment formulas transcribed literally (loops over
/// pairs and triples of groups) against our power-sum forms with many groups.
@Suite struct BrokerageTests {
    static let fixtures = ReferenceFixture.files(in: "reference/brokerage")

    static func graph(labels: [String], arcs: [(Int, Int)], directed: Bool = true) -> Graph {
        Graph(
            labels: labels, directed: directed, sources: arcs.map { Int32($0.0) }, targets: arcs.map { Int32($0.1) },
            weights: arcs.map { _ in 1 })
    }

    /// Groups X = {a, b, e}, Y = {c, d}. Arcs a → b → c, c → d, e → b, d → e, a → c.
    /// Open two-paths: a → b → c is closed by a → c (no role); e → b → c: e (X), b (X), c (Y)
    /// — b is a representative; b → c → d: X, Y, Y — c a gatekeeper; a → c → d: also a
    /// gatekeeper for c; c → d → e: Y, Y, X — d a representative; d → e → b: Y, X, X — e a
    /// gatekeeper.
    @Test func aWorkedExample() {
        let graph = Self.graph(
            labels: ["a", "b", "c", "d", "e"], arcs: [(0, 1), (1, 2), (2, 3), (4, 1), (3, 4), (0, 2)])
        let roles = graph.brokerageRoles(groups: Groups(labels: ["X", "X", "Y", "Y", "X"]))
        #expect(roles.count(.representative, of: 1) == 1 && roles.count(.total, of: 1) == 1)
        #expect(roles.count(.gatekeeper, of: 2) == 2 && roles.count(.total, of: 2) == 2)
        #expect(roles.count(.representative, of: 3) == 1 && roles.count(.gatekeeper, of: 4) == 1)
        #expect(roles.count(.total, of: 0) == 0)
        #expect(roles.networkCount(.total) == 5 && roles.networkCount(.liaison) == 0)
        // Density 6 / 20: sna's expectation of a coordinator in X is d²(1 − d)(3 − 1)(3 − 2).
        let d = 6.0 / 20
        #expect(abs(roles.expected(.coordinator, inGroup: 0) - d * d * (1 - d) * 2) < 1e-15)
    }

    @Test func fixturesCoverDatasetsAndRandomGraphs() {
        for name in ["knoke_bureaucracies", "northbridge", "zachary_karate", "random"] {
            #expect(Self.fixtures.contains("reference/brokerage/\(name).json"))
        }
    }

    @Test(arguments: fixtures)
    func agreesWithSna(fixtureName: String) throws {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/" + fixtureName))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let tools = object["tools"] as! [String: String]
        #expect(tools["sna"] == "2.7.1")
        let source = object["source"] as! String
        let area = source.hasPrefix("Datasets/") ? try AreaSource.read(at: Paths.repo(source)).area : nil
        for entry in object["cases"] as! [[String: Any]] {
            let label = "\(source) \(entry["label"] as! String)"
            let nodes = entry["nodes"] as! [String]
            let directed = entry["directed"] as! Bool
            let arcs = (entry["arcs"] as! [[String]]).map { pair in
                (nodes.firstIndex(of: pair[0])!, nodes.firstIndex(of: pair[1])!)
            }
            var graph = Self.graph(labels: nodes, arcs: arcs, directed: directed)
            let groups = Groups(labels: entry["groups"] as! [String])
            if let area {
                // The area's own graph: the same arcs as those given to sna.
                graph = try Graph(area: area, relations: RelationSelection(entry["relations"] as! [String]))
                #expect(graph.labels == nodes && graph.isDirected == directed, "\(label)")
                #expect(graph.arcCount == arcs.count, "\(label): \(graph.arcCount) arcs, sna had \(arcs.count)")
                for (a, b) in arcs {
                    #expect(graph.hasArc(from: a, to: b), "\(label): no arc \(nodes[a]) → \(nodes[b])")
                }
                #expect(groups == Groups(labels: area.organisations.map(\.sector)))
            }
            let roles = graph.brokerageRoles(groups: groups)
            Self.compare(roles, with: entry, nodes: nodes, label: label)
        }
    }

    static func same(_ ours: Double, _ theirs: Any?, _ label: String) {
        if let theirs = theirs as? Double {
            #expect(agree(ours, theirs), "\(label): PartnerNet \(ours), sna \(theirs)")
        } else {
            #expect(ours.isNaN, "\(label): PartnerNet \(ours), sna NaN")
        }
    }

    static func compare(_ roles: BrokerageRoles, with entry: [String: Any], nodes: [String], label: String) {
        let raw = entry["raw_nli"] as! [String: [Double]]
        let expected = entry["exp_nli"] as! [String: [Double]]
        let deviation = entry["sd_nli"] as! [String: [Any]]
        let z = entry["z_nli"] as! [String: [Any]]
        for (node, id) in nodes.enumerated() {
            for role in BrokerageRole.allCases {
                let name = "\(label) \(role.snaName)[\(id)]"
                #expect(Double(roles.count(role, of: node)) == raw[id]![role.rawValue], "\(name): raw")
                same(roles.expected(role, of: node), expected[id]![role.rawValue], name + " exp")
                same(roles.standardDeviation(role, of: node), deviation[id]![role.rawValue], name + " sd")
                same(roles.zScore(role, of: node), z[id]![role.rawValue], name + " z")
            }
        }
        let groupExpected = entry["exp_grp"] as! [String: [Any]]
        let groupDeviation = entry["sd_grp"] as! [String: [Any]]
        #expect(Set(groupExpected.keys) == Set(roles.groups.names))
        for (group, name) in roles.groups.names.enumerated() {
            for role in BrokerageRole.allCases {
                same(
                    roles.expected(role, inGroup: group), groupExpected[name]![role.rawValue],
                    "\(label) exp.grp[\(name)]")
                same(
                    roles.standardDeviation(role, inGroup: group), groupDeviation[name]![role.rawValue],
                    "\(label) sd.grp[\(name)]")
            }
        }
        let (rawG, expG, sdG, zG) = (
            entry["raw_gli"] as! [Double], entry["exp_gli"] as! [Any], entry["sd_gli"] as! [Any],
            entry["z_gli"] as! [Any]
        )
        for role in BrokerageRole.allCases {
            let name = "\(label) \(role.snaName)"
            #expect(Double(roles.networkCount(role)) == rawG[role.rawValue], "\(name) raw.gli")
            same(roles.networkExpected(role), expG[role.rawValue], name + " exp.gli")
            same(roles.networkStandardDeviation(role), sdG[role.rawValue], name + " sd.gli")
            same(roles.networkZScore(role), zG[role.rawValue], name + " z.gli")
        }
    }

    /// Counting by brute force over every ordered triple (a, b, c), on graphs large enough
    /// to run on all cores, with hubs whose rows are searched rather than marked.
    @Test(arguments: [(1, 60, 300, true), (2, 800, 12_000, true), (3, 400, 4_000, false), (4, 300, 3_000, true)])
    func agreesWithBruteForce(seed: Int, nodes: Int, arcs: Int, directed: Bool) {
        var random = SplitMix64(seed: UInt64(seed))
        var pairs: [(Int, Int)] = []
        for _ in 0..<arcs { pairs.append((Int(random.next() % UInt64(nodes)), Int(random.next() % UInt64(nodes)))) }
        // Two hubs: one sending to a third of the nodes, one receiving from them.
        for target in stride(from: 0, to: nodes, by: 3) { pairs.append((0, target)) }
        for source in stride(from: 1, to: nodes, by: 3) { pairs.append((source, 1)) }
        let graph = Self.graph(labels: (0..<nodes).map(String.init), arcs: pairs, directed: directed)
        let groups = Groups(labels: (0..<nodes).map { _ in "g\(random.next() % 4)" })
        let roles = graph.brokerageRoles(groups: groups)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 6), count: nodes)
        let g = groups.membership
        for b in 0..<nodes {
            for a in graph.predecessors(of: b).map(Int.init) {
                for c in graph.successors(of: b).map(Int.init) where c != a && !graph.hasArc(from: a, to: c) {
                    let role: BrokerageRole =
                        g[a] == g[b] && g[b] == g[c]
                        ? .coordinator
                        : g[a] == g[c]
                            ? .itinerant
                            : g[a] == g[b]
                                ? .representative
                                : g[b] == g[c] ? .gatekeeper : .liaison
                    counts[b][role.rawValue] += 1
                    counts[b][5] += 1
                }
            }
        }
        for node in 0..<nodes {
            #expect(BrokerageRole.allCases.map { roles.count($0, of: node) } == counts[node], "node \(node)")
        }
        if !directed {
            #expect(roles.counts(.representative) == roles.counts(.gatekeeper))
        }
    }

    /// sna's expectations and variances, transcribed from `sna::brokerage` with its loops
    /// over groups and triples of groups, against our closed forms, for many groups of
    /// uneven sizes (the R fixtures have at most ten groups).
    @Test(arguments: [3, 12, 40])
    func momentsMatchSnasLoops(groupCount: Int) {
        var random = SplitMix64(seed: UInt64(groupCount))
        let labels = (0..<400).map { _ in "g\(Int(random.next() % UInt64(groupCount * groupCount)) % groupCount)" }
        var pairs: [(Int, Int)] = []
        for _ in 0..<3_000 { pairs.append((Int(random.next() % 400), Int(random.next() % 400))) }
        let graph = Self.graph(labels: labels, arcs: pairs)
        let groups = Groups(labels: labels)
        let roles = graph.brokerageRoles(groups: groups)
        let n = groups.sizes.map(Double.init)
        let N = Double(labels.count)
        let d = Double(graph.arcCount) / (N * (N - 1))
        let (c, c3, c4, c5) = (
            d * d * (1 - d), pow(d, 3) * pow(1 - d, 3), pow(d, 4) * pow(1 - d, 2), pow(d, 5) * (1 - d)
        )
        func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }
        for i in n.indices {
            let others = n.indices.filter { $0 != i }
            var e = [Double](repeating: 0, count: 6)
            var v = [Double](repeating: 0, count: 6)
            e[0] = c * (n[i] - 1) * (n[i] - 2)
            v[0] = e[0] * (1 - c) + 2 * (n[i] - 1) * (n[i] - 2) * (n[i] - 3) * c3
            e[1] = c * others.reduce(0) { $0 + n[$1] * (n[$1] - 1) }
            v[1] = e[1] * (1 - c) + 2 * others.reduce(0) { $0 + n[$1] * (n[$1] - 1) * (n[$1] - 2) } * c3
            e[2] = c * (N - n[i]) * (n[i] - 1)
            v[2] = e[2] * (1 - c) + 2 * ((n[i] - 1) * choose2(N - n[i]) + (N - n[i]) * choose2(n[i] - 1)) * c3
            var outer = 0.0
            for a in others { for b in others { outer += n[a] * n[b] } }
            e[4] = c * (outer - others.reduce(0) { $0 + n[$1] * n[$1] })
            v[4] = e[4] * (1 - c) + 4 * others.reduce(0) { $0 + n[$1] * choose2(N - n[$1] - n[i]) * c3 }
            e[5] = c * (N - 1) * (N - 2)
            v[5] = e[5] * (1 - c) + 2 * (N - 1) * (N - 2) * (N - 3) * c3
            (e[3], v[3]) = (e[2], v[2])
            for role in BrokerageRole.allCases {
                #expect(agree(roles.expected(role, inGroup: i), e[role.rawValue], relative: 1e-12), "exp \(role) g\(i)")
                #expect(
                    agree(roles.standardDeviation(role, inGroup: i), v[role.rawValue].squareRoot(), relative: 1e-12),
                    "sd \(role) g\(i)")
            }
        }
        var e = [Double](repeating: 0, count: 6)
        var v = [Double](repeating: 0, count: 6)
        e[0] = c * n.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        v[0] =
            e[0] * (1 - c)
            + n.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) * ((4 * $1 - 10) * c3 - 4 * ($1 - 3) * c4 + ($1 - 3) * c5) }
        e[1] = c * n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        var outer2 = 0.0
        for x in n {
            for y in n { outer2 += x * y * (x - 1) * ((2 * x + 2 * y - 6) * c3 + (N - x - 1) * c5) }
        }
        v[1] =
            e[1] * (1 - c) + outer2 - n.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * c3 + (N - $1 - 1) * c5) }
        e[2] = e[1]
        v[2] = e[2] * (1 - c) + n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) * ((N - 3) * c3 + ($1 - 2) * c5) }
        (e[3], v[3]) = (e[2], v[2])
        var outer5 = 0.0
        for x in n { for y in n { outer5 += x * y * (N - x - y) } }
        e[4] = c * (outer5 - n.reduce(0) { $0 + $1 * $1 * (N - 2 * $1) })
        v[4] = e[4] * (1 - c)
        for i in n.indices {
            for j in n.indices where j != i {
                for k in n.indices where k != i && k != j {
                    v[4] +=
                        n[i] * n[j] * n[k]
                        * ((4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * c3 - (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * c4
                            + (N - (n[i] + n[k] + 1)) * c5)
                }
            }
        }
        e[5] = c * N * (N - 1) * (N - 2)
        v[5] = e[5] * (1 - c) + N * (N - 1) * (N - 2) * ((4 * N - 10) * c3 - 4 * (N - 3) * c4 + (N - 3) * c5)
        for role in BrokerageRole.allCases {
            #expect(agree(roles.networkExpected(role), e[role.rawValue], relative: 1e-12), "exp.gli \(role)")
            #expect(
                agree(roles.networkStandardDeviation(role), v[role.rawValue].squareRoot(), relative: 1e-10),
                "sd.gli \(role): \(roles.networkStandardDeviation(role)) vs \(v[role.rawValue].squareRoot())")
        }
    }

    @Test func theCatalogueNeedsGroupsForRoles() throws {
        let graph = Self.graph(labels: ["a", "b", "c"], arcs: [(0, 1), (1, 2)])
        #expect(throws: MetricError.groupsRequired) {
            try NodeMeasure.liaison.scores(in: graph, options: MeasureOptions())
        }
        let options = MeasureOptions(groups: Groups(labels: ["x", "y", "z"]))
        #expect(try NodeMeasure.liaison.scores(in: graph, options: options) == [0, 1, 0])
        #expect(try NodeMeasure.brokerageTotal.scores(in: graph, options: options) == [0, 1, 0])
        #expect(
            NodeMeasure.liaison.needsParameter && NodeMeasure.liaison.isCount && !NodeMeasure.constraint.needsParameter)
        let wrong = MeasureOptions(groups: Groups(labels: ["x"]))
        #expect(throws: MetricError.groupsMismatch) { try NodeMeasure.coordinator.scores(in: graph, options: wrong) }
    }
}
