import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import Testing
import TestSupport

/// The report's "What predicts working together" model against R's sna, and its network
/// values against random graphs. The models come from
/// Tests/Fixtures/reference/qap/report_predictors.json, written by
/// Scripts/reference/report_predictors.R, which chooses each area's model by the rule the
/// report documents and builds the terms from the CSV files, independently of PartnerNet.
struct TiePredictorsTests {
    struct Fixture: Decodable {
        struct Permutation: Decodable {
            let reps: Double
            let p_le: [Double]
            let p_ge: [Double]
            let p_abs: [Double]
            let call: String
        }

        struct Case: Decodable, CustomTestStringConvertible, Sendable {
            let area: String
            let y: String
            let x: [String]
            let mode: String
            let tool: String
            let call: String
            let estimate: [Double]
            let std_error: [Double]
            let statistic: [Double]
            let r_squared: Double
            let adj_r_squared: Double
            let permutation: [String: Permutation]
            var testDescription: String { "\(area) \(y)" }
        }

        let cases: [Case]
    }

    static let cases: [Fixture.Case] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/qap/report_predictors.json")))
        return try! JSONDecoder().decode(Fixture.self, from: data).cases
    }()

    static let datasets = try! FileManager.default.contentsOfDirectory(atPath: Paths.repo("Datasets")).sorted()
        .map { "Datasets/\($0)" }.filter { FileManager.default.fileExists(atPath: Paths.repo("\($0)/area.json")) }
        + (try! FileManager.default.contentsOfDirectory(atPath: Paths.repo("Datasets/synthetic")).sorted()
            .map { "Datasets/synthetic/\($0)" }
            .filter { FileManager.default.fileExists(atPath: Paths.repo("\($0)/area.json")) })

    static func analysis(_ dataset: String, _ configure: (inout AnalysisSettings) -> Void = { _ in }) throws
        -> AreaAnalysis
    {
        var settings = AnalysisSettings()
        settings.permutations = 4_000
        settings.randomSets = 0
        settings.networkTestDraws = 0
        configure(&settings)
        let area = try AreaSource.read(at: Paths.repo(dataset)).area
        return try AreaAnalysis(area: area, path: dataset, settings: settings)
    }

    @Test func theScriptAndTheReportChooseTheSameAreas() throws {
        var reported: [String] = []
        for dataset in Self.datasets where try Self.analysis(dataset, { $0.permutations = 0 }).tiePredictors != nil {
            reported.append(dataset)
        }
        #expect(reported.sorted() == Self.cases.map(\.area).sorted())
        #expect(reported.contains("Datasets/northbridge"))
    }

    @Test(arguments: cases)
    func coefficientsAndFitEqualNetlm(_ c: Fixture.Case) throws {
        let predictors = try #require(try Self.analysis(c.area, { $0.permutations = 0 }).tiePredictors)
        let model = try #require(predictors.models.first)
        #expect("tie:\(model.outcome)" == c.y)
        #expect(model.regression.coefficients.map(\.term) == ["intercept"] + c.x)
        #expect(model.regression.mode.rawValue == (c.mode == "graph" ? "undirected" : "directed"))
        func close(_ ours: [Double], _ theirs: [Double], _ what: String) {
            #expect(ours.count == theirs.count, "\(c.area) \(what)")
            for (a, b) in zip(ours, theirs) {
                #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(c.area) \(what): \(a) against \(b) (\(c.tool), \(c.call))")
            }
        }
        close(model.regression.coefficients.map(\.estimate), c.estimate, "estimate")
        close(model.regression.coefficients.map(\.standardError), c.std_error, "std_error")
        close(model.regression.coefficients.map(\.statistic), c.statistic, "t")
        close([model.regression.rSquared, model.regression.adjustedRSquared], [c.r_squared, c.adj_r_squared], "R²")
        // The table the report writes holds the same numbers.
        let table = predictors.coefficientTable
        for (term, estimate) in zip(["intercept"] + c.x, c.estimate) {
            let key = TiePredictors.key(outcome: model.outcome, term: term)
            let value = try #require(table.value(of: key, column: "estimate"))
            #expect(abs(value - estimate) <= 1e-9 * max(1, abs(estimate)))
        }
    }

    /// The report's permutation tails against sna's, within Monte-Carlo error (as
    /// QAPReferenceTests: four standard errors of the difference of two proportions, plus
    /// 1/N₁ + 1/N₂).
    @Test(arguments: cases)
    func pValuesAgreeWithSnaWithinMonteCarloError(_ c: Fixture.Case) throws {
        let ours = 4_000
        let model = try #require(try Self.analysis(c.area).tiePredictors?.models.first)
        let theirs = try #require(c.permutation["qap"])
        let values = model.regression.coefficients.map { $0.pValues! }
        for (tail, expected) in [(\PermutationPValues.pLow, theirs.p_le), (\.pHigh, theirs.p_ge), (\.pAbsolute, theirs.p_abs)] {
            #expect(expected.count == values.count)
            for (p, q) in zip(values.map { $0[keyPath: tail] }, expected) {
                let pooled = (p * Double(ours) + q * theirs.reps) / (Double(ours) + theirs.reps)
                let tolerance =
                    4 * (pooled * (1 - pooled) * (1 / Double(ours) + 1 / theirs.reps)).squareRoot() + 1 / Double(ours)
                    + 1 / theirs.reps
                #expect(abs(p - q) <= tolerance, "\(c.area): ours \(p), sna \(q) (\(theirs.call))")
            }
        }
    }

    @Test func eachCoefficientIsAFindingWithItsTwoSidedTest() throws {
        let analysis = try Self.analysis("Datasets/northbridge")
        let model = try #require(analysis.tiePredictors?.models.first)
        let findings = analysis.findings.filter { $0.topic == .predictors }
        #expect(findings.count == model.regression.coefficients.count - 1)
        for (finding, coefficient) in zip(findings, model.regression.coefficients.dropFirst()) {
            #expect(finding.value == coefficient.estimate)
            #expect(finding.pValue == coefficient.pValues?.pAbsolute)
            #expect(finding.direction == (coefficient.estimate >= 0 ? .more : .less))
            #expect(finding.adjustedPValue! >= finding.pValue!)
        }
    }

    /// Above the report's budget (pairs × relabellings over 10⁹) the estimates are given
    /// untested, said so, and the command that tests them keeps the relabellings asked for.
    @Test func aTestBeyondTheBudgetIsLeftToTheCommand() throws {
        let permutations = 5_000_000
        let untested = try Self.analysis("Datasets/northbridge") { $0.permutations = permutations }
        let tested = try Self.analysis("Datasets/northbridge")
        let predictors = try #require(untested.tiePredictors)
        let model = try #require(predictors.models.first)
        let n = untested.area.organisations.count
        #expect(n * (n - 1) > TiePredictors.testBudget / permutations)
        #expect(n * (n - 1) <= TiePredictors.testBudget / 4_000)
        #expect(model.regression.permutations == 0)
        #expect(model.regression.coefficients.allSatisfy { $0.pValues == nil })
        let reference = try #require(tested.tiePredictors?.models.first)
        #expect(model.regression.coefficients.map(\.estimate) == reference.regression.coefficients.map(\.estimate))
        #expect(reference.regression.coefficients.allSatisfy { $0.pValues != nil })
        #expect(predictors.notes.contains { $0.hasPrefix("the estimates are not tested here") })
        #expect(predictors.command(path: "area", seed: 1)?.contains("--permutations \(permutations) ") == true)
        #expect(untested.findings.filter { $0.topic == .predictors }.allSatisfy { $0.pValue == nil })
    }

    @Test func theRelationExplainedCanBeChosen() throws {
        let analysis = try Self.analysis("Datasets/northbridge") {
            $0.predictedRelation = "funding"
            $0.permutations = 0
        }
        let model = try #require(analysis.tiePredictors?.models.first)
        #expect(model.outcome == "funding")
        #expect(model.regression.coefficients.map(\.term).contains("tie:information"))
        #expect(throws: AnalysisError.self) {
            try Self.analysis("Datasets/northbridge") { $0.predictedRelation = "fundng" }
        }
    }

    @Test func oneRelationWithoutMembershipsHasNoModel() throws {
        #expect(try Self.analysis("Datasets/zachary_karate").tiePredictors == nil)
    }

    // MARK: Network values against random graphs

    /// Each row of the report's network tests is the test `partnernet cug --given edges`
    /// makes with the same draws and seed (the single-statistic test is checked against
    /// sna::cug.test in CUGReferenceTests).
    @Test(arguments: ["Datasets/northbridge", "Datasets/padgett_florentine"])
    func networkTestsAreTheCUGTestsOfEachStatistic(dataset: String) throws {
        let analysis = try Self.analysis(dataset) {
            $0.networkTestDraws = 300
            $0.seed = 7
        }
        #expect(analysis.networkTests.map(\.statistic) == analysis.networkTestStatistics)
        #expect(analysis.networkTestStatistics.contains("reciprocity") == analysis.graph.isDirected)
        // One group (Padgett's families all have the same sector): no modularity to test.
        #expect(analysis.networkTestStatistics.contains("modularity_groups") == (analysis.groups.names.count > 1))
        for (name, test) in analysis.networkTests {
            let statistic = try CUGStatistic.statistic(named: name, area: analysis.area, graph: analysis.graph)
            let alone = try #require(analysis.graph.cugTest(given: .edges, draws: 300, seed: 7, statistic: statistic))
            #expect(test == alone, "\(dataset) \(name)")
            let table = analysis.networkTestTable
            #expect(table.value(of: name, column: "p_ge") == alone.pHigh)
            let z = try #require(table.value(of: name, column: "z"), "\(dataset) \(name)")
            #expect(abs(z - (alone.observed - alone.mean) / alone.standardDeviation) < 1e-12)
        }
    }

    @Test func centralisationFindingsCarryTheirTests() throws {
        let analysis = try Self.analysis("Datasets/northbridge") { $0.networkTestDraws = 500 }
        let finding = try #require(analysis.findings.first { $0.id == "centrality.betweenness_centralization" })
        let test = try #require(analysis.networkTest(of: "betweenness_centralization"))
        #expect(finding.pValue == min(1, 2 * min(test.pLow, test.pHigh)))
        #expect(finding.expected == test.mean)
        #expect(analysis.findings.contains { $0.id == "centrality.degree_centralization" && $0.pValue != nil })
        let untested = try Self.analysis("Datasets/northbridge") { $0.networkTestDraws = 0 }
        #expect(untested.findings.first { $0.id == "centrality.betweenness_centralization" }?.pValue == nil)
        #expect(!untested.tables.contains { $0.name == "network_tests" })
        // Below the size from which tests are read, no test is a finding.
        let small = try Self.analysis("Datasets/borgatti_holes_example") { $0.networkTestDraws = 200 }
        #expect(!small.isLargeEnoughForTests && !small.networkTests.isEmpty)
        #expect(small.findings.allSatisfy { $0.pValue == nil || !$0.id.hasPrefix("centrality.") })
    }
}
