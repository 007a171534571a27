import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

/// `compare --standardize` and `--intervals`: the statistics on node-bootstrap resamples
/// against networkx (Tests/Fixtures/reference/compare/node_bootstrap.json, from
/// Scripts/reference/node_bootstrap.py, the same resamples replayed), the nulls against
/// numpy's (standardized_values.json, from Scripts/reference/standardized_values.py), and
/// how both enter the comparison.
@Suite struct ComparisonUncertaintyTests {
    struct BootstrapFixture: Decodable {
        struct Case: Decodable, Sendable, CustomTestStringConvertible {
            struct Sample: Decodable, Sendable {
                let nodes: [Int]
                let duplicate_draws: [Int]
                let values: [String: Double?]
            }
            struct Interval: Decodable, Sendable {
                let low: Double
                let high: Double
                let resamples: Int
            }
            let area: String
            let directed: Bool
            let samples: [Sample]
            let confidence: Double
            let intervals: [String: Interval]
            var testDescription: String { area }
        }
        let tool: String
        let cases: [Case]
    }

    struct NullFixture: Decodable {
        struct Null: Decodable, Sendable {
            let observed: Double
            let mean: Double
            let sd: Double
            let z: Double?
            let percentile: Double
            let exact_mean: Double?
            let exact_sd: Double?
        }
        struct Case: Decodable, Sendable, CustomTestStringConvertible {
            let area: String
            let ei_index: Null
            let focal_degree: Null
            let focal_betweenness: Null
            enum CodingKeys: String, CodingKey {
                case area, ei_index
                case focal_degree = "focal_share[degree]"
                case focal_betweenness = "focal_share[betweenness]"
            }
            var testDescription: String { area }
        }
        let draws: Int
        let cases: [Case]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ file: String) -> T {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/compare/\(file)"))
        return try! JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static let bootstrap = decode(BootstrapFixture.self, "node_bootstrap.json")
    static let nulls = decode(NullFixture.self, "standardized_values.json")

    static func analysis(
        _ path: String, _ configure: (inout AnalysisSettings) -> Void = { _ in }
    ) throws -> AreaAnalysis {
        var settings = AnalysisSettings()
        settings.communityMethod = nil
        settings.corePeriphery = false
        configure(&settings)
        return try AreaAnalysis(area: AreaSource.read(at: Paths.repo(path)).area, path: path, settings: settings)
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return abs(a - b) <= tolerance * max(1, abs(b))
        default: return false
        }
    }

    // MARK: Intervals

    /// Every statistic on every resample equals networkx's on the same resample, to 1e-9;
    /// the first resample is the identity, whose values are the area's headline values.
    @Test(arguments: bootstrap.cases)
    func resampledStatisticsEqualNetworkx(_ c: BootstrapFixture.Case) throws {
        let analysis = try Self.analysis(c.area) {
            $0.permutations = 0; $0.randomSets = 0
        }
        #expect(analysis.graph.isDirected == c.directed)
        let samples = c.samples.map { NodeBootstrapSample(nodes: $0.nodes, duplicateDraws: $0.duplicate_draws) }
        let ours = analysis.resampledStatistics(samples)
        for (index, (sample, values)) in zip(c.samples, ours).enumerated() {
            for (name, reference) in sample.values {
                #expect(
                    Self.close(values[name], reference),
                    "\(c.area) resample \(index) \(name): ours \(values[name] ?? .nan), networkx \(reference ?? .nan)")
            }
            #expect(
                Set(values.keys) == Set(sample.values.compactMap { $0.value == nil ? nil : $0.key }),
                "\(c.area) resample \(index)")
        }
        for (name, reference) in c.intervals {
            let interval = try #require(
                PercentileInterval(values: ours.dropFirst().compactMap { $0[name] }, confidence: c.confidence))
            #expect(
                Self.close(interval.low, reference.low) && Self.close(interval.high, reference.high),
                "\(c.area) \(name)")
            #expect(interval.resamples == reference.resamples)
        }
    }

    static let areas: [String] =
        [
            "Datasets/knoke_bureaucracies", "Datasets/northbridge", "Datasets/zachary_karate",
            "Datasets/padgett_florentine",
        ]
        + (try! FileManager.default.contentsOfDirectory(atPath: Paths.repo("Datasets/synthetic")).sorted()
            .map { "Datasets/synthetic/\($0)" }.filter {
                FileManager.default.fileExists(atPath: Paths.repo("\($0)/area.json"))
            })

    /// On the area's own network the interval statistics are its headline values: the
    /// resamples measure what compare reports.
    @Test(arguments: areas)
    func intervalStatisticsOfTheAreaAreItsHeadlineValues(_ path: String) throws {
        let analysis = try Self.analysis(path) {
            $0.permutations = 0; $0.randomSets = 0
        }
        let values = analysis.intervalStatistics(
            of: analysis.graph, groups: analysis.groupLabels, focal: analysis.focalMembership)
        for name in AreaAnalysis.intervalColumns {
            guard let headline = analysis.headlineValues[name] else { continue }
            #expect(
                Self.close(values[name], headline, 1e-12), "\(path) \(name): \(values[name] ?? .nan) vs \(headline)")
        }
    }

    /// On the synthetic areas (25–60 organisations), the 95% intervals contain the value
    /// for the values of the whole network (density, E-I, Gini of degree) on nearly every
    /// area, and the intervals are seeded.
    @Test func intervalsContainTheValueInTypicalCasesAndAreSeeded() throws {
        var inside = 0
        var total = 0
        for path in Self.areas.filter({ $0.contains("synthetic") }).prefix(10) {
            let analysis = try Self.analysis(path) {
                $0.permutations = 0; $0.randomSets = 0
            }
            let intervals = analysis.bootstrapIntervals(resamples: 300, confidence: 0.95, seed: 5)
            #expect(intervals == analysis.bootstrapIntervals(resamples: 300, confidence: 0.95, seed: 5))
            for name in ["density", "ei_index", "gini[degree]"] {
                let value = try #require(analysis.headlineValues[name])
                let interval = try #require(intervals[name])
                total += 1
                if interval.low <= value && value <= interval.high { inside += 1 }
            }
        }
        #expect(inside >= total - 2, "\(inside) of \(total) intervals contain the value")
    }

    // MARK: Standardised values

    /// The E-I index's z and percentile from our 5,000 label shuffles against numpy's
    /// 200,000; the focal shares' z (from the exact moments of a random set's share)
    /// against numpy's 200,000 random sets, their percentile from our 10,000. Tolerances:
    /// 4 standard errors of the null's mean and sd, plus 1/N for the percentile.
    @Test(arguments: nulls.cases)
    func standardizedValuesAgreeWithNumpyNulls(_ c: NullFixture.Case) throws {
        let analysis = try Self.analysis(c.area)
        let values = analysis.standardizedValues
        let references: [(String, NullFixture.Null, Int)] = [
            ("ei_index", c.ei_index, analysis.settings.permutations),
            ("focal_share[degree]", c.focal_degree, analysis.settings.randomSets),
            ("focal_share[betweenness]", c.focal_betweenness, analysis.settings.randomSets),
        ]
        let theirs = Double(Self.nulls.draws)
        for (name, reference, draws) in references {
            let value = try #require(values[name], "\(c.area) \(name)")
            let ours = Double(draws)
            let z = try #require(value.z)
            let referenceZ = try #require(reference.z)
            let zTolerance = 4 * (1 / ours + 1 / theirs).squareRoot() * (1 + abs(referenceZ))
            #expect(
                abs(z - referenceZ) <= zTolerance, "\(c.area) \(name) z: ours \(z), numpy \(referenceZ) ± \(zTolerance)"
            )
            let p = reference.percentile / 100
            let percentileTolerance =
                100 * (4 * (p * (1 - p) * (1 / ours + 1 / theirs)).squareRoot() + 1 / ours + 1 / theirs)
            let percentile = try #require(value.percentile)
            #expect(
                abs(percentile - reference.percentile) <= percentileTolerance,
                "\(c.area) \(name) percentile: ours \(percentile), numpy \(reference.percentile)")
            if let exact = reference.exact_sd {
                let focal = try analysis.focalSet()
                let scores = name.contains("betweenness") ? analysis.betweenness : try analysis.scores(.degree)
                let sd = try #require(AreaAnalysis.randomSetShareDeviation(scores: scores, setSize: focal.count))
                #expect(Self.close(sd, exact), "\(c.area) \(name) exact sd")
                #expect(
                    abs(reference.sd - exact) <= 4 * exact / (2 * theirs).squareRoot(),
                    "numpy's drawn sd near the exact one")
            }
        }
    }

    /// The CUG z-scores are those of the report's network tests (`partnernet cug`), whose
    /// nulls are checked against sna in CUGReferenceTests; a percentile is the mid-rank.
    @Test func cugStandardizationReadsTheReportsNetworkTests() throws {
        let analysis = try Self.analysis("Datasets/synthetic/03-calderfield") { $0.networkTestDraws = 400 }
        let values = analysis.standardizedValues
        let table = analysis.networkTestTable
        var checked = 0
        for row in table.rows {
            guard case .text(let name) = row[0], AreaAnalysis.standardizedColumns.contains(name) else { continue }
            guard case .number(let z?, _) = row[5] else { continue }
            #expect(Self.close(values[name]?.z, z), "\(name)")
            let test = try #require(analysis.networkTest(of: name))
            #expect(
                Self.close(
                    values[name]?.percentile,
                    AreaAnalysis.percentile(pLow: test.pLow, pHigh: test.pHigh, draws: test.definedDraws)))
            checked += 1
        }
        #expect(checked == 4, "reciprocity, both centralisations and modularity_groups")
    }

    /// Mid-ranks: N = 4 draws 1, 2, 2, 3 around an observed 2 (k≤ = 3, k≥ = 3): 50; all
    /// below: 100; all above: 0.
    @Test func percentileIsTheMidRankAmongTheDraws() {
        #expect(AreaAnalysis.percentile(pLow: 4.0 / 5, pHigh: 4.0 / 5, draws: 4) == 50)
        #expect(AreaAnalysis.percentile(pLow: 1, pHigh: 1.0 / 5, draws: 4) == 100)
        #expect(AreaAnalysis.percentile(pLow: 1.0 / 5, pHigh: 1, draws: 4) == 0)
        #expect(AreaAnalysis.percentile(pLow: 1, pHigh: 1, draws: 0) == nil)
    }

    // MARK: In the comparison

    @Test func comparisonAddsTheColumnsInOrderAndIsDeterministic() throws {
        var uncertainty = ComparisonUncertainty()
        uncertainty.standardize = true
        uncertainty.intervals = true
        uncertainty.nullDraws = 100
        uncertainty.resamples = 50
        var settings = ComparisonSettings()
        settings.permutations = 200
        settings.randomSets = 200
        let paths = ["Datasets/synthetic/01-ashby-vale", "Datasets/synthetic/06-fernley"].map { Paths.repo($0) }
        let read: @Sendable (String) throws -> Area = { try AreaSource.read(at: $0).area }
        let a = Comparison(paths: paths, settings: settings, read: read, uncertainty: uncertainty)
        let b = Comparison(paths: paths, settings: settings, read: read, uncertainty: uncertainty)
        #expect(a.columns.map(\.name) == ComparisonRow.columns.map(\.name) + uncertainty.columns)
        #expect(uncertainty.columns.prefix(2) == ["z[reciprocity]", "percentile[reciprocity]"])
        #expect(uncertainty.columns.suffix(2) == ["lo[gini[betweenness]]", "hi[gini[betweenness]]"])
        #expect(a.table().rendered(as: .csv) == b.table().rendered(as: .csv))
        for row in a.rows {
            for name in ["ei_index", "density", "focal_share[betweenness]"] {
                let low = try #require(row.values["lo[\(name)]"])
                let high = try #require(row.values["hi[\(name)]"])
                #expect(low <= high)
            }
            #expect(row.values["z[ei_index]"] != nil && row.values["percentile[degree_centralization]"] != nil)
        }
        let plain = Comparison(paths: paths, settings: settings, read: read)
        #expect(plain.columns.count == ComparisonRow.columns.count)
        #expect(
            plain.rows.allSatisfy { row in row.values.keys.allSatisfy { !$0.hasPrefix("z[") && !$0.hasPrefix("lo[") } })
    }

    /// Datasets/synthetic-parameters.csv, the README's areas table, holds each synthetic
    /// area's generating parameters exactly as its area.json records them.
    @Test func syntheticParametersTableCopiesEachAreaJSON() throws {
        let table = try AreasTable.read(Paths.repo("Datasets/synthetic-parameters.csv"))
        let synthetic = Self.areas.filter { $0.contains("synthetic/") }
        #expect(table.rows.map(\.area) == synthetic.map { ($0 as NSString).lastPathComponent })
        let keys = [
            "local_authority_centrality": "local_authority_centrality", "homophily": "homophily",
            "tie_probability": "tie_probability", "reciprocity_parameter": "reciprocity",
        ]
        for (row, path) in zip(table.rows, synthetic) {
            let json =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: Paths.repo("\(path)/area.json")))) as! [String: Any]
            let parameters = json["synthetic"] as! [String: Any]
            for (column, key) in keys {
                let cell = row.cells[table.columns.firstIndex(of: column)!]
                let recorded = (parameters[key] as! NSNumber).doubleValue
                #expect(abs(Double(cell)! - recorded) <= 1e-12 * max(1, abs(recorded)), "\(path) \(column)")
            }
        }
    }
}
