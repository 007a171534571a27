import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Focal shares, top ranks and dominance ratios, group centrality, fragmentation with and
/// without the focal set and chair_share against `Scripts/reference/dominance_measures.py`
/// (networkx 3.6.1 and R sna 2.7 for the node measures, networkx's group functions on
/// connected undirected graphs, explicit shortest paths elsewhere) on every dataset and
/// test area, for every selection of relations and several focal sets, unweighted and
/// weighted. Exact quantities within 1e-9 relative; shares of iterative measures within
/// 1e-6 (METRICS.md).
@Suite struct DominanceReferenceTests {
    static let fixtures = ReferenceFixture.files(in: "reference/dominance")
    static let measures: [NodeMeasure] = [.degree, .strength, .betweenness, .eigenvector, .pagerank, .bonacichPower]
    static let weightedMeasures: [NodeMeasure] = [.betweenness, .eigenvector, .pagerank, .bonacichPower]
    static let iterative: Set<NodeMeasure> = [.eigenvector, .pagerank, .bonacichPower]

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

    func same(_ ours: Double?, _ theirs: Any?, _ label: String, relative: Double = 1e-9) {
        switch (ours, theirs as? Double) {
        case (nil, nil): break
        case (let a?, let b?): #expect(agree(a, b, relative: relative), "\(label): PartnerNet \(a), reference \(b)")
        default:
            Issue.record("\(label): PartnerNet \(String(describing: ours)), reference \(String(describing: theirs))")
        }
    }

    @Test func everyAreaHasAFixture() {
        var areas = Paths.datasets + Paths.folders(in: "Tests/Fixtures/areas")
        areas += Paths.folders(in: "Tests/Fixtures/centrality_areas")
        for area in areas {
            #expect(Self.fixtures.contains("reference/dominance/\(area).json"), "no dominance fixture for \(area)")
        }
    }

    @Test(arguments: fixtures)
    func agreesWithTheReference(fixtureName: String) throws {
        let fixture = try Self.load(fixtureName)
        let dataset = fixture["dataset"] as! String
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        let cases = fixture["cases"] as! [[String: Any]]
        #expect(!cases.isEmpty)
        for reference in cases {
            let relations = reference["relations"] as! [String]
            let graph = try Graph(area: area, relations: RelationSelection(relations))
            let scope = "\(dataset) \(relations.isEmpty ? "union" : relations.joined(separator: "+"))"
            #expect(graph.isDirected == reference["directed"] as! Bool, "\(scope): direction")
            same(graph.fragmentation, reference["fragmentation"], "\(scope) fragmentation")
            same(graph.distanceFragmentation(), reference["distance_fragmentation"], "\(scope) distance_fragmentation")
            same(
                graph.distanceFragmentation(weighted: true), reference["distance_fragmentation_weighted"],
                "\(scope) distance_fragmentation weighted")
            for weighted in [false, true] {
                let beta = reference[weighted ? "weighted_beta" : "beta"] as! Double
                let options = MeasureOptions(weighted: weighted, beta: beta)
                let reasons = reference[weighted ? "weighted_reasons" : "reasons"] as? [String: String] ?? [:]
                var scores: [NodeMeasure: [Double]] = [:]
                for measure in weighted ? Self.weightedMeasures : Self.measures {
                    do {
                        scores[measure] = try measure.scores(in: graph, options: options)
                    } catch {
                        let reason = reasons[measure.rawValue]
                        #expect(
                            reason != nil,
                            "\(scope) \(measure.rawValue): PartnerNet says \(error), reference has values")
                    }
                }
                for focal in reference["focal_sets"] as! [[String: Any]] {
                    let ids = focal["ids"] as! [String]
                    let set = try FocalSet(ids: ids, graph: graph)
                    if let sector = focal["sector"] as? String {
                        let bySector = try FocalSet(sector: sector, in: area, graph: graph)
                        #expect(bySector.members == set.members, "\(scope) sector \(sector)")
                    }
                    let label =
                        "\(scope)\(weighted ? " weighted" : "") F=\(focal["sector"] as? String ?? focal["kind"] as! String)"
                    let values = focal[weighted ? "weighted" : "unweighted"] as! [String: Any]
                    let shares = values["shares"] as! [String: Any]
                    for measure in weighted ? Self.weightedMeasures : Self.measures {
                        guard let expected = shares[measure.rawValue] as? [String: Any] else {
                            #expect(
                                scores[measure] == nil || reasons[measure.rawValue] == "did not converge",
                                "\(label) \(measure.rawValue): reference has no values")
                            continue
                        }
                        guard let vector = scores[measure] else {
                            Issue.record("\(label) \(measure.rawValue): PartnerNet has no scores")
                            continue
                        }
                        let tolerance = Self.iterative.contains(measure) ? 1e-6 : 1e-9
                        let share = set.share(of: vector)
                        same(
                            share.share, expected["share"], "\(label) focal_share[\(measure.rawValue)]",
                            relative: tolerance)
                        same(
                            share.dominanceRatio, expected["dominance_ratio"],
                            "\(label) focal_dominance_ratio[\(measure.rawValue)]", relative: tolerance)
                        let rank = expected["top_rank"] as! Int
                        if Self.iterative.contains(measure) {
                            // Scores agree to 1e-6, so near-ties may fall either way: the
                            // reference's rank must be one our scores allow at that tolerance.
                            let best = set.members.map { vector[$0] }.max()!
                            let slack = 1e-6 * max(abs(best), 1e-12)
                            let surely = vector.filter { $0 > best + slack }.count
                            let maybe = vector.filter { $0 > best - slack }.count - 1
                            #expect(
                                (1 + surely)...(1 + max(surely, maybe)) ~= rank,
                                "\(label) focal_top_rank[\(measure.rawValue)]: PartnerNet \(share.topRank!), between \(1 + surely) and \(1 + maybe) at 1e-6, reference \(rank)"
                            )
                        } else {
                            #expect(
                                share.topRank == rank,
                                "\(label) focal_top_rank[\(measure.rawValue)]: PartnerNet \(String(describing: share.topRank)), reference \(rank)"
                            )
                        }
                    }
                    if !weighted {
                        same(
                            graph.groupDegreeCentrality(of: set.members), values["group_degree"],
                            "\(label) group_degree")
                        same(
                            graph.removing(set.members).fragmentation, values["fragmentation_without_focal"],
                            "\(label) fragmentation_without_focal")
                    }
                    same(
                        graph.groupBetweennessCentrality(of: set.members, weighted: weighted),
                        values["group_betweenness"],
                        "\(label) group_betweenness (\((values["sources"] as! [String: String])["group_betweenness"]!))"
                    )
                    same(
                        graph.groupClosenessCentrality(of: set.members, weighted: weighted), values["group_closeness"],
                        "\(label) group_closeness (\((values["sources"] as! [String: String])["group_closeness"]!))")
                    same(
                        graph.removing(set.members).distanceFragmentation(weighted: weighted),
                        values["distance_fragmentation_without_focal"], "\(label) distance_fragmentation_without_focal")
                }
            }
        }
        for entry in fixture["chairs"] as! [[String: Any]] {
            let share = area.chairShare(focal: Set(entry["ids"] as! [String]))
            let label = "\(dataset) chairs F=\(entry["sector"] as? String ?? entry["kind"] as! String)"
            #expect(share.chairedByFocal == entry["chaired_by_focal"] as! Int, "\(label) chaired by focal")
            #expect(share.chaired == entry["chaired"] as! Int, "\(label) chaired")
            #expect(share.partnerships == entry["partnerships"] as! Int, "\(label) partnerships")
            same(share.share, entry["chair_share"], "\(label) chair_share")
        }
    }

    /// The random-set test against the exact null: every subset of |F| organisations,
    /// enumerated by the script. 20,000 draws must land within 4 standard errors of each
    /// exact P(share ≥ focal share), and the mean share of random sets near |F|/n.
    @Test(arguments: [
        ("northbridge", [String](), "local-authority"), ("knoke_bureaucracies", ["information"], "GOV"),
        ("padgett_florentine", ["marriage"], "first"),
    ])
    func shareTestConvergesToTheExactNull(dataset: String, relations: [String], focalName: String) throws {
        let fixture = try Self.load("reference/dominance/\(dataset).json")
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        let reference = (fixture["cases"] as! [[String: Any]]).first { $0["relations"] as! [String] == relations }!
        let focal = (reference["focal_sets"] as! [[String: Any]]).first {
            ($0["sector"] as? String ?? $0["kind"] as! String) == focalName
        }!
        let graph = try Graph(area: area, relations: RelationSelection(relations))
        let set = try FocalSet(ids: focal["ids"] as! [String], graph: graph)
        let options = MeasureOptions(beta: reference["beta"] as? Double)
        let nulls = (focal["unweighted"] as! [String: Any])["share_null"] as! [String: [String: Any]]
        let measures = Self.measures.filter { nulls[$0.rawValue] != nil }
        #expect(measures.count >= 5)
        let scores = try measures.map { try $0.scores(in: graph, options: options) }
        let samples = 20_000
        let test = set.shareTest(of: scores, samples: samples, seed: 11)
        for (index, measure) in measures.enumerated() {
            let exact = nulls[measure.rawValue]!["p_exact"] as! Double
            let p = try #require(test.pValues[index])
            // (k + 1)/(N + 1) against k/N: the +1 moves it by at most 1/(N + 1).
            let standardError = (exact * (1 - exact) / Double(samples)).squareRoot()
            #expect(
                abs(p - exact) < 4 * standardError + 2 / Double(samples),
                "\(dataset) \(measure.rawValue): \(p), exact \(exact)")
            let mean = try #require(test.meanShares[index])
            #expect(
                abs(mean - (nulls[measure.rawValue]!["mean"] as! Double)) < 0.01,
                "\(dataset) \(measure.rawValue) mean share \(mean)")
        }
    }

    /// The lower tail against the exact null, from the same 20,000 draws as the upper one:
    /// P(share ≤ focal share) within 4 standard errors of the script's `p_exact_low`.
    @Test(arguments: [
        ("northbridge", [String](), "local-authority"), ("knoke_bureaucracies", ["information"], "GOV"),
        ("padgett_florentine", ["marriage"], "first"),
    ])
    func lowerTailConvergesToTheExactNull(dataset: String, relations: [String], focalName: String) throws {
        let fixture = try Self.load("reference/dominance/\(dataset).json")
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        let reference = (fixture["cases"] as! [[String: Any]]).first { $0["relations"] as! [String] == relations }!
        let focal = (reference["focal_sets"] as! [[String: Any]]).first {
            ($0["sector"] as? String ?? $0["kind"] as! String) == focalName
        }!
        let graph = try Graph(area: area, relations: RelationSelection(relations))
        let set = try FocalSet(ids: focal["ids"] as! [String], graph: graph)
        let options = MeasureOptions(beta: reference["beta"] as? Double)
        let nulls = (focal["unweighted"] as! [String: Any])["share_null"] as! [String: [String: Any]]
        let measures = Self.measures.filter { nulls[$0.rawValue] != nil }
        #expect(measures.count >= 5)
        let scores = try measures.map { try $0.scores(in: graph, options: options) }
        let samples = 20_000
        let test = set.shareTest(of: scores, samples: samples, seed: 11)
        for (index, measure) in measures.enumerated() {
            let exact = nulls[measure.rawValue]!["p_exact_low"] as! Double
            let p = try #require(test.pLow[index])
            let standardError = (exact * (1 - exact) / Double(samples)).squareRoot()
            #expect(
                abs(p - exact) < 4 * standardError + 2 / Double(samples),
                "\(dataset) \(measure.rawValue): pLow \(p), exact \(exact)")
            // Every draw is in one tail or the other (both when tied).
            #expect(p + test.pHigh[index]! >= 1)
        }
    }

    /// Every sector of every dataset and test area whose subsets the script enumerated
    /// (at most 40,000 of them): the sector tests enumerate them too, so both tails and the
    /// mean share must equal the script's exact values.
    @Test(arguments: fixtures)
    func sectorTestsEqualTheExactNull(fixtureName: String) throws {
        let fixture = try Self.load(fixtureName)
        let dataset = fixture["dataset"] as! String
        let area = try AreaSource.read(at: Self.areaPath(dataset)).area
        var compared = 0
        defer {
            // Small areas must not pass by comparing nothing.
            if ["northbridge", "knoke_bureaucracies", "krackhardt_kite", "padgett_florentine"].contains(dataset) {
                #expect(compared > 0, "\(dataset): no sector compared")
            }
        }
        for reference in fixture["cases"] as! [[String: Any]] {
            let relations = reference["relations"] as! [String]
            let graph = try Graph(area: area, relations: RelationSelection(relations))
            let options = MeasureOptions(beta: reference["beta"] as? Double)
            let sectorSets = (reference["focal_sets"] as! [[String: Any]]).filter { $0["sector"] != nil }
            // Measures the graph has (eigenvector centrality is undefined without a cycle).
            let measured = Self.measures.compactMap { measure in
                (try? measure.scores(in: graph, options: options)).map { (measure, $0) }
            }
            let tests = FocalSet.sectorShareTests(
                scores: measured.map(\.1), in: area, graph: graph, samples: 40_000, seed: 5)
            for focal in sectorSets {
                let sector = focal["sector"] as! String
                let nulls = (focal["unweighted"] as! [String: Any])["share_null"] as? [String: [String: Any]] ?? [:]
                let ours = try #require(tests.first { $0.sector == sector })
                for (index, (measure, _)) in measured.enumerated() {
                    guard let null = nulls[measure.rawValue], (null["subsets"] as! Int) <= 40_000 else { continue }
                    compared += 1
                    let test = ours.tests[index]
                    let label = "\(dataset) \(relations) \(sector) \(measure.rawValue)"
                    #expect(test.isExact && test.draws == null["subsets"] as! Int, "\(label): not enumerated")
                    let relative = Self.iterative.contains(measure) ? 1e-6 : 1e-9
                    same(test.pHigh, null["p_exact"], "\(label) pHigh")
                    same(test.pLow, null["p_exact_low"], "\(label) pLow")
                    same(test.randomMean, null["mean"], "\(label) mean", relative: relative)
                }
            }
        }
    }
}
