import Foundation
import PartnerNetCore
import PartnerNetMetrics

extension AreaAnalysis {
    /// The network values the report tests against random graphs of the same size and
    /// number of ties: those without a test of their own elsewhere in the report (the E-I
    /// index has its label shuffles, the focal shares their random sets). Reciprocity only
    /// when the graph is directed; the groups' modularity only with two groups or more.
    public var networkTestStatistics: [String] {
        [NetworkMeasure.degreeCentralization.rawValue, NetworkMeasure.betweennessCentralization.rawValue,
         NetworkMeasure.transitivity.rawValue]
            + (graph.isDirected ? [NetworkMeasure.reciprocity.rawValue] : [])
            + (groups.names.count > 1 ? ["modularity_groups"] : [])
    }

    /// Organisations above which the report draws no random graphs: each draw shuffles the
    /// n² pairs and recomputes betweenness, O(n m), and thousands of them on a large area
    /// would take longer than the rest of the report. `partnernet cug` tests such an area
    /// on request.
    public static let maximumOrganisationsForNetworkTests = 300

    /// Conditional uniform graph tests (``PartnerNetMetrics/Graph/cugTest(given:draws:seed:statistic:)``)
    /// of ``networkTestStatistics``, given the number of ties (`sna::cug.test(cmode = "edges")`),
    /// with ``AnalysisSettings/networkTestDraws`` random graphs and the analysis's seed,
    /// ties counted without their weights; every statistic is computed on the same random
    /// graphs (``PartnerNetMetrics/Graph/cugTests(given:draws:seed:statistics:)``), so each
    /// test equals `partnernet cug --given edges` with the same seed and draws. By statistic name; a value undefined on the
    /// graph has no test. Empty when draws are 0 or the area is larger than
    /// ``maximumOrganisationsForNetworkTests``.
    public var networkTests: [(statistic: String, test: CUGTest)] {
        memo.value("network-tests") {
            guard settings.networkTestDraws > 0, graph.nodeCount <= Self.maximumOrganisationsForNetworkTests,
                graph.edgeCount > 0
            else { return [] }
            var names: [String] = []
            var statistics: [@Sendable (Graph) -> Double?] = []
            for name in networkTestStatistics {
                guard
                    let statistic = try? CUGStatistic.statistic(
                        named: name, area: area, graph: graph, groups: settings.groups, focalSector: focalSector)
                else { continue }
                names.append(name)
                statistics.append(statistic)
            }
            let tests = graph.cugTests(
                given: .edges, draws: settings.networkTestDraws, seed: settings.seed, statistics: statistics)
            var out: [(String, CUGTest)] = []
            for (name, test) in zip(names, tests) {
                if let test { out.append((name, test)) }
            }
            return out
        }
    }

    /// The test of one statistic, if it was made.
    public func networkTest(of statistic: String) -> CUGTest? {
        networkTests.first { $0.statistic == statistic }?.test
    }

    /// ``networkTests`` as a table, with the columns of `partnernet cug`: one row per
    /// statistic, with the observed value, the random graphs' mean and standard deviation,
    /// the z-score (observed − mean) / sd, both tails and the draws where the value was
    /// defined.
    public var networkTestTable: ResultTable {
        ResultTable(
            columns: ["statistic", "given", "observed", "mean", "sd", "z", "p_le", "p_ge", "draws"],
            rows: networkTests.map { name, test in
                let z = test.standardDeviation > 0 ? (test.observed - test.mean) / test.standardDeviation : nil
                return [
                    .text(name), .text(test.condition.rawValue), .number(test.observed, isCount: false),
                    .number(test.mean, isCount: false), .number(test.standardDeviation, isCount: false),
                    .number(z, isCount: false), .number(test.pLow, isCount: false), .number(test.pHigh, isCount: false),
                    .number(Double(test.definedDraws), isCount: true),
                ]
            })
    }

    /// The null model of the network tests, in words.
    public var networkTestNull: String {
        "\(settings.networkTestDraws) random networks of the same size and number of ties"
    }
}
