import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// E-I index (network, group, node, expected, range), mixing matrices and the permutation
/// test against `Scripts/reference/silos_measures.py` on every area, and published values.
@Suite struct SilosReferenceTests {
    static let fixtures = ReferenceFixture.files(in: "reference/silos")

    static func load(_ name: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/" + name))
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static func areaPath(_ name: String) -> String {
        for folder in ["Datasets", "Tests/Fixtures/areas", "Tests/Fixtures/centrality_areas"] {
            let path = Paths.repo(folder + "/" + name)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return Paths.repo("Datasets/" + name)
    }

    func same(_ ours: Double?, _ theirs: Any?, _ label: String) {
        switch (ours, theirs as? Double) {
        case (nil, nil): break
        case (let a?, let b?): #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(label): PartnerNet \(a), reference \(b)")
        default: Issue.record("\(label): PartnerNet \(String(describing: ours)), reference \(String(describing: theirs))")
        }
    }

    @Test func everyDatasetHasAFixture() {
        for dataset in Paths.datasets {
            #expect(Self.fixtures.contains("reference/silos/\(dataset).json"), "no silos fixture for \(dataset)")
        }
    }

    @Test(arguments: fixtures)
    func eiIndexAndMixingAgree(fixtureName: String) throws {
        let fixture = try Self.load(fixtureName)
        let dataset = fixture["dataset"] as! String
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        let attribute = fixture["groups_attribute"] as! String
        #expect(attribute == "sector")
        for reference in fixture["cases"] as! [[String: Any]] {
            let relations = reference["relations"] as! [String]
            let graph = try Graph(area: area, relations: RelationSelection(relations))
            let scope = "\(dataset) \(relations)"
            let groups = Groups(labels: area.organisations.map(\.sector))
            let ei = graph.eiIndex(groups: groups)
            let expected = reference["ei_index"] as! [String: Any]
            let network = expected["network"] as! [String: Any]
            #expect(ei.network.between == network["E"] as! Int && ei.network.within == network["I"] as! Int, "\(scope) E, I")
            same(ei.network.index, network["ei"], "\(scope) ei_index")
            let byGroup = expected["groups"] as! [String: [String: Any]]
            for (index, name) in groups.names.enumerated() {
                let entry = try #require(byGroup[name], "\(scope): no group \(name)")
                #expect(ei.byGroup[index].between == entry["E"] as! Int && ei.byGroup[index].within == entry["I"] as! Int)
                same(ei.byGroup[index].index, entry["ei"], "\(scope) ei_index[\(name)]")
            }
            let byNode = expected["node"] as! [String: [String: Any]]
            for (handle, id) in graph.labels.enumerated() {
                same(ei.byNode[handle].index, byNode[id]?["ei"], "\(scope) node \(id)")
            }
            let random = expected["expected"] as! [String: Any]
            same(ei.expected, random["network"], "\(scope) ei_index_expected")
            let randomGroups = random["groups"] as! [String: Any]
            for (index, name) in groups.names.enumerated() {
                same(ei.expectedByGroup[index], randomGroups[name], "\(scope) expected[\(name)]")
            }
            if let range = expected["range"] as? [String: Any] {
                same(ei.range?.minimum, range["min"], "\(scope) range min")
                same(ei.range?.maximum, range["max"], "\(scope) range max")
                same(ei.rescaled, range["rescaled"], "\(scope) rescaled")
            }
            let mixing = graph.mixingMatrix(groups: groups)
            let reference = reference["mixing"] as! [String: [String: [String: Any]]]
            for (a, from) in groups.names.enumerated() {
                for (b, to) in groups.names.enumerated() {
                    #expect(mixing.counts[a][b] == reference["counts"]![from]![to] as? Int, "\(scope) counts \(from)→\(to)")
                    #expect(mixing.possible[a][b] == reference["possible"]![from]![to] as? Int, "\(scope) possible \(from)→\(to)")
                    same(mixing.densities[a][b], reference["density"]![from]![to], "\(scope) density[\(from),\(to)]")
                }
            }
        }
    }

    /// Partitions as sets of member-id sets, so numbering does not matter.
    func blocks(_ partition: Partition, labels: [String]) -> Set<Set<String>> {
        var members: [Int: Set<String>] = [:]
        for (node, block) in partition.blocks.enumerated() { members[block, default: []].insert(labels[node]) }
        return Set(members.values)
    }

    @Test(arguments: fixtures)
    func assortativityComponentsAndCutsAgree(fixtureName: String) throws {
        let fixture = try Self.load(fixtureName)
        let dataset = fixture["dataset"] as! String
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        for reference in fixture["cases"] as! [[String: Any]] {
            let relations = reference["relations"] as! [String]
            let graph = try Graph(area: area, relations: RelationSelection(relations))
            let scope = "\(dataset) \(relations)"
            let groups = Groups(labels: area.organisations.map(\.sector))
            same(graph.assortativity(groups: groups), reference["assortativity"], "\(scope) assortativity")
            let components = reference["components"] as! [String: Any]
            let weak = Set((components["weak_components"] as! [[String]]).map(Set.init))
            #expect(blocks(graph.weakComponents(), labels: graph.labels) == weak, "\(scope) weak components")
            let strong = Set((components["strong_components"] as! [[String]]).map(Set.init))
            #expect(blocks(graph.strongComponents(), labels: graph.labels) == strong, "\(scope) strong components")
            let cuts = graph.cutStructure()
            #expect(Set(cuts.cutpoints.map { graph.labels[$0] }) == Set(components["articulation_points"] as! [String]), "\(scope) cutpoints")
            let bridges = (components["bridges"] as! [[String: Any]]).map { Set($0["ends"] as! [String]) }
            #expect(Set(cuts.bridges.map { Set([graph.labels[$0.first], graph.labels[$0.second]]) }) == Set(bridges), "\(scope) bridges")
            let separating = cuts.cutpointsSeparatingGroups(groups: groups, components: graph.weakComponents())
            for entry in components["cutpoints"] as! [[String: Any]] {
                let node = graph.handles[entry["node"] as! String]!
                #expect(separating[node] == entry["separates_sectors"] as! Bool, "\(scope) cutpoint \(entry["node"]!) separates sectors")
            }
            for entry in components["bridges"] as! [[String: Any]] {
                let ends = (entry["ends"] as! [String]).map { graph.handles[$0]! }
                let bridge = CutStructure.Bridge(first: min(ends[0], ends[1]), second: max(ends[0], ends[1]))
                #expect(cuts.joinsGroups(bridge, groups: groups) == entry["ends_in_different_sectors"] as! Bool)
            }
        }
    }

    /// Published: Knoke information by sector, E 37, I 12, E-I 0.5102; groups GOV 0.611,
    /// PVT 0.789, VOL 0.806 (Hanneman & Riddle 2005, ch. 8; UCINET).
    @Test func knokePublishedValues() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        let graph = try Graph(area: area, relations: .named(["information"]))
        let groups = Groups(labels: area.organisations.map(\.sector))
        let ei = graph.eiIndex(groups: groups)
        #expect(ei.network == EICount(between: 37, within: 12))
        #expect(abs(ei.network.index! - 0.5102) < 5e-5)
        let byName = Dictionary(uniqueKeysWithValues: zip(groups.names, ei.byGroup.map { $0.index! }))
        #expect(abs(byName["GOV"]! - 0.611) < 5e-4)
        #expect(abs(byName["PVT"]! - 0.789) < 5e-4)
        #expect(abs(byName["VOL"]! - 0.806) < 5e-4)
    }

    /// Knoke information: the exact distribution over all 3,150 labellings gives
    /// P(E-I ≤ observed) = 2772/3150 = 0.88 and P(E-I ≥ observed) = 692/3150 ≈ 0.2197, mean
    /// 19/45 and standard deviation 0.0901. 20,000 shuffles must land within 4 standard
    /// errors of each.
    @Test func permutationTestConvergesToTheExactNull() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        let graph = try Graph(area: area, relations: .named(["information"]))
        let groups = Groups(labels: area.organisations.map(\.sector))
        let test = try #require(graph.eiPermutationTest(groups: groups, permutations: 20_000, seed: 7))
        let n = 20_000.0
        for (estimate, exact) in [(test.pLow, 2772.0 / 3150), (test.pHigh, 692.0 / 3150)] {
            let standardError = (exact * (1 - exact) / n).squareRoot()
            #expect(abs(estimate - exact) < 4 * standardError + 1 / n, "estimate \(estimate), exact \(exact)")
        }
        #expect(abs(test.meanUnderShuffling - 19.0 / 45) < 4 * 0.0901 / n.squareRoot())
        // Each group against its exact distribution in the fixture.
        let fixture = try Self.load("reference/silos/knoke_bureaucracies.json")
        let information = (fixture["cases"] as! [[String: Any]]).first { $0["relations"] as! [String] == ["information"] }!
        let exact = ((information["ei_permutation_null"] as! [String: Any])["enumeration"] as! [String: Any])["groups"]
            as! [String: [String: Any]]
        for (index, name) in groups.names.enumerated() {
            let tail = try #require(test.byGroup[index])
            for (estimate, key) in [(tail.pLow, "p_low"), (tail.pHigh, "p_high")] {
                let value = (exact[name]![key] as! [String: Any])["value"] as! Double
                let standardError = (value * (1 - value) / n).squareRoot()
                #expect(abs(estimate - value) < 4 * standardError + 1 / n, "\(name) \(key): \(estimate), exact \(value)")
            }
        }
    }

    @Test func permutationTestIsReproducibleUnderASeed() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        let graph = try Graph(area: area)
        let groups = Groups(labels: area.organisations.map(\.sector))
        let first = graph.eiPermutationTest(groups: groups, permutations: 3_000, seed: 42)
        let second = graph.eiPermutationTest(groups: groups, permutations: 3_000, seed: 42)
        let other = graph.eiPermutationTest(groups: groups, permutations: 3_000, seed: 43)
        #expect(first == second)
        #expect(first != other)
        #expect(first!.pLow > 0 && first!.pHigh > 0)
    }

    /// With labels assigned at random, the low-side p-value is roughly uniform: about 5 %
    /// of 400 seeded random graphs fall at or below 0.05 and about half at or below 0.5.
    @Test func permutationPValuesAreCalibrated() {
        var random = SplitMix64(seed: 2026)
        var belowFivePercent = 0
        var belowHalf = 0
        let trials = 400
        for trial in 0..<trials {
            let n = 30
            var sources: [Int32] = []
            var targets: [Int32] = []
            for _ in 0..<80 {
                sources.append(Int32(random.next() % UInt64(n)))
                targets.append(Int32(random.next() % UInt64(n)))
            }
            let graph = Graph(
                labels: (0..<n).map(String.init), directed: trial % 2 == 0, sources: sources, targets: targets,
                weights: Array(repeating: 1, count: sources.count))
            let groups = Groups(labels: (0..<n).map { _ in ["a", "b", "c"][Int(random.next() % 3)] })
            guard let test = graph.eiPermutationTest(groups: groups, permutations: 199, seed: UInt64(trial)) else { continue }
            if test.pLow <= 0.05 { belowFivePercent += 1 }
            if test.pLow <= 0.5 { belowHalf += 1 }
        }
        // Binomial(400, 0.05): mean 20, sd 4.4; Binomial(400, 0.5): mean 200, sd 10. The
        // discreteness of E makes p slightly conservative, hence the wider lower bounds.
        #expect((6...34).contains(belowFivePercent), "\(belowFivePercent) of \(trials) at or below 0.05")
        #expect((160...240).contains(belowHalf), "\(belowHalf) of \(trials) at or below 0.5")
    }
}
