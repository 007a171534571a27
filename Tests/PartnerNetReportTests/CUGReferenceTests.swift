import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import Testing
import TestSupport

/// CUG tests against R's `sna::cug.test` (Tests/Fixtures/reference/qap/cug.json, written by
/// Scripts/reference/cug_measures.R, which names the tool and each call): the observed
/// value to 1e-9; p-values and the random graphs' mean within Monte-Carlo error.
struct CUGReferenceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let area: String
        let relation: String
        let statistic: String
        let given: String
        let reps: Double
        let values: [String: Double]
        let call: String
        var testDescription: String { "\(area) \(relation) \(statistic) given \(given)" }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/qap/cug.json"))
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).map { c in
            var values: [String: Double] = [:]
            for key in ["observed", "p_le", "p_ge", "mean", "sd"] { values[key] = (c[key] as? NSNumber)?.doubleValue }
            return Case(
                area: c["area"] as! String, relation: c["relation"] as! String, statistic: c["statistic"] as! String,
                given: c["given"] as! String, reps: (c["reps"] as! NSNumber).doubleValue, values: values,
                call: c["call"] as! String)
        }
    }()

    /// Our 2,000 draws against sna's N: each tail within 4 standard errors of the
    /// difference of two binomial proportions plus 1/N₁ + 1/N₂ (our (k + 1)/(N + 1) against
    /// sna's k/N); the mean within 4 standard errors of the difference of two means, plus
    /// 1e-9 for a statistic the condition fixes (reciprocity given the dyad census).
    @Test(arguments: cases)
    func cugTestAgreesWithSna(_ c: Case) throws {
        let area = try AreaFolder.read(at: Paths.repo(c.area)).area
        let graph = try Graph(area: area, relations: .named([c.relation]))
        let statistic = try CUGStatistic.statistic(named: c.statistic, area: area, graph: graph)
        let draws = 2_000
        let test = try #require(
            graph.cugTest(given: CUGCondition(rawValue: c.given)!, draws: draws, seed: 14, statistic: statistic))
        let observed = c.values["observed"]!
        #expect(abs(test.observed - observed) <= 1e-9 * max(1, abs(observed)), "\(c): observed \(test.observed), sna \(observed) (\(c.call))")
        for (ours, key) in [(test.pLow, "p_le"), (test.pHigh, "p_ge")] {
            let theirs = c.values[key]!
            let pooled = (ours * Double(draws) + theirs * c.reps) / (Double(draws) + c.reps)
            let tolerance =
                4 * (pooled * (1 - pooled) * (1 / Double(draws) + 1 / c.reps)).squareRoot() + 1 / Double(draws) + 1 / c.reps
            #expect(abs(ours - theirs) <= tolerance, "\(c) \(key): ours \(ours), sna \(theirs), tolerance \(tolerance) (\(c.call))")
        }
        let sd = c.values["sd"] ?? 0
        let meanTolerance = 4 * sd * (1 / Double(draws) + 1 / c.reps).squareRoot() + 1e-9
        #expect(abs(test.mean - c.values["mean"]!) <= meanTolerance, "\(c) mean: ours \(test.mean), sna \(c.values["mean"]!)")
    }

    @Test func sameSeedSameResultAndRandomGraphsKeepWhatTheyCondition() throws {
        let area = try AreaFolder.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        let graph = try Graph(area: area, relations: .named(["information"]))
        let census = graph.dyadCensus()
        var random = SplitMix64(seed: 3)
        for _ in 0..<50 {
            let edges = graph.uniformRandomGraph(given: .edges, using: &random)
            #expect(edges.arcCount == graph.arcCount && edges.labels == graph.labels && edges.isDirected)
            let dyads = graph.uniformRandomGraph(given: .dyadCensus, using: &random).dyadCensus()
            #expect(dyads == census)
        }
        let statistic = try CUGStatistic.statistic(named: "transitivity", area: area, graph: graph)
        let first = graph.cugTest(given: .edges, draws: 300, seed: 9, statistic: statistic)
        #expect(first == graph.cugTest(given: .edges, draws: 300, seed: 9, statistic: statistic))
        #expect(first != graph.cugTest(given: .edges, draws: 300, seed: 10, statistic: statistic))
    }

    @Test func unknownStatisticSuggestsTheClosest() throws {
        let area = try AreaFolder.read(at: Paths.repo("Datasets/northbridge")).area
        let graph = try Graph(area: area)
        #expect(throws: AnalysisError.self) { try CUGStatistic.statistic(named: "transitivty", area: area, graph: graph) }
        do {
            _ = try CUGStatistic.statistic(named: "transitivty", area: area, graph: graph)
        } catch {
            #expect(error.description.contains("did you mean \"transitivity\""))
        }
    }
}
