import Foundation
import PartnerNetCore
import PartnerNetMetrics

/// How far a survey area's results rest on who happened to answer: the area re-measured
/// with respondents dropped at random.
///
/// Each of R resamples drops ⌊d · r⌉ of the r respondents, chosen uniformly without
/// replacement (d the drop share, 0.2 by default): their answers go, so the ties they
/// reported are no longer known (as for a non-respondent under `observed`; ties
/// reconstructed from their answers go too; in a symmetrised area every tie of theirs
/// goes). The resample is analysed with the report's settings, tests included (fewer
/// shuffles would change which findings survive Holm's adjustment, not only their
/// p-values), each resample with its own seed.
///
/// - For each finding significant on the full data, ``FindingStability/held`` counts the
///   resamples in which the same finding is significant in the same direction.
/// - For the centrality ranking, each organisation's rank on betweenness in each resample
///   (1 the highest; equal scores share the better rank) gives a rank interval: the
///   2.5th and 97.5th percentiles of its ranks (nearest rank).
///
/// Reading: a finding that holds in most resamples (PartnerNet says "robust" from 80%)
/// does not rest on a few respondents; one that holds in few would likely not have been
/// found had a fifth of the respondents not answered. A narrow rank interval is a position
/// the survey pins down. The method asks what losing more respondents would do: it says
/// nothing of the bias already in who did not answer (a jackknife-like sensitivity
/// analysis in the spirit of Smith & Moody 2013, "Structural effects of network sampling
/// coverage I", Social Networks 35(4):652–668, doi:10.1016/j.socnet.2013.09.003).
///
/// - Complexity: R analyses of the area with every test of the report, on all cores (about
///   R/2 report analyses' time on two cores); the same seed gives the same result.
public struct SurveyStability: Sendable {
    public struct FindingStability: Sendable, Hashable {
        public let id: String
        public let sentence: String
        /// Resamples in which the finding is significant in the same direction.
        public let held: Int
    }

    public struct RankInterval: Sendable, Hashable {
        public let id: String
        /// The rank on the full data.
        public let rank: Int
        public let low: Int
        public let high: Int
    }

    /// A finding is called robust when it holds in at least this share of resamples.
    public static let robustShare = 0.8

    public let resamples: Int
    public let dropShare: Double
    /// Respondents dropped in each resample.
    public let dropped: Int
    public let seed: UInt64
    public let findings: [FindingStability]
    public let ranks: [RankInterval]

    /// The stability of `analysis` (of a survey area: organisations with a `responded`
    /// column) under `resamples` resamples dropping `dropShare` of the respondents.
    ///
    /// - Throws: ``AnalysisError`` when a resample cannot be analysed with the settings.
    public init(analysis: AreaAnalysis, resamples: Int, dropShare: Double = 0.2, seed: UInt64 = 1) throws(AnalysisError) {
        self.resamples = resamples
        self.dropShare = dropShare
        self.seed = seed
        let area = analysis.area
        let respondents = area.organisations.filter(SurveySection.responded).map(\.id)
        let dropped = min(respondents.count, Int((dropShare * Double(respondents.count)).rounded()))
        self.dropped = dropped
        let settings = analysis.settings
        let headline = analysis.findings.filter(\.isSignificant)
        let fullScores = analysis.betweenness
        let ids = analysis.graph.labels
        var streams = SplitMix64(seed: seed)
        let seeds = (0..<resamples).map { _ in streams.next() }
        let undirectedRelations = Set(area.relationNames.filter { !area.metadata.isDirected(relation: $0) })
        let outcomes = parallelMap(resamples) { index -> Result<(held: Set<String>, ranks: [Int]), AnalysisError> in
            var random = SplitMix64(seed: seeds[index])
            let gone = Set(respondents.shuffled(using: &random).prefix(dropped))
            var resample = area
            resample.relationships.removeAll { tie in
                if undirectedRelations.contains(tie.relation) {
                    return gone.contains(tie.source) || gone.contains(tie.target)
                }
                return tie.attributes["reconstructed"] == "yes" ? gone.contains(tie.target) : gone.contains(tie.source)
            }
            for position in resample.organisations.indices where gone.contains(resample.organisations[position].id) {
                resample.organisations[position].attributes[Survey.respondedColumn] = "no"
            }
            var resampleSettings = settings
            resampleSettings.seed = seeds[index]
            do throws(AnalysisError) {
                let again = try AreaAnalysis(area: resample, path: analysis.path, settings: resampleSettings)
                let significant = Dictionary(
                    again.findings.filter(\.isSignificant).map { ($0.id, $0.claim) }, uniquingKeysWith: { a, _ in a })
                let held = Set(headline.filter { significant[$0.id] == $0.claim }.map(\.id))
                return .success((held, Self.ranks(of: again.betweenness)))
            } catch {
                return .failure(error)
            }
        }
        var heldCounts: [String: Int] = [:]
        var rankSamples = [[Int]](repeating: [], count: ids.count)
        for outcome in outcomes {
            let (held, ranks) = try outcome.get()
            for id in held { heldCounts[id, default: 0] += 1 }
            for node in ranks.indices { rankSamples[node].append(ranks[node]) }
        }
        findings = headline.map { FindingStability(id: $0.id, sentence: $0.sentence, held: heldCounts[$0.id] ?? 0) }
        let fullRanks = Self.ranks(of: fullScores)
        ranks = ids.indices.map { node in
            let sorted = rankSamples[node].sorted()
            func percentile(_ p: Double) -> Int {
                guard !sorted.isEmpty else { return fullRanks[node] }
                return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
            }
            return RankInterval(id: ids[node], rank: fullRanks[node], low: percentile(0.025), high: percentile(0.975))
        }.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
    }

    /// Competition ranks, highest score 1; equal scores share the better rank.
    static func ranks(of scores: [Double]) -> [Int] {
        let sorted = scores.sorted(by: >)
        return scores.map { score in
            // The number of scores strictly above, plus one (binary search on the sorted list).
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] > score { low = middle + 1 } else { high = middle }
            }
            return low + 1
        }
    }

    /// `finding,held,share,robust`: each headline finding, the resamples it held in.
    public var findingTable: ResultTable {
        ResultTable(
            columns: ["finding", "held", "share", "robust"],
            rows: findings.map { finding in
                let share = resamples == 0 ? nil : Double(finding.held) / Double(resamples)
                return [
                    .text(finding.id), .number(Double(finding.held), isCount: true), .number(share, isCount: false),
                    .text(share.map { $0 >= Self.robustShare ? "yes" : "no" } ?? ""),
                ]
            })
    }

    /// `id,rank,rank_low,rank_high`: betweenness rank on the full data and its interval.
    public var rankTable: ResultTable {
        ResultTable(
            columns: ["id", "rank", "rank_low", "rank_high"],
            rows: ranks.map {
                [
                    .text($0.id), .number(Double($0.rank), isCount: true), .number(Double($0.low), isCount: true),
                    .number(Double($0.high), isCount: true),
                ]
            })
    }

    /// The method and its reading, in two sentences.
    public var reading: String {
        "Each of \(resamples) resamples drops \(dropped) of the respondents at random (\(ReportText.percent(dropShare))), "
            + "so that the ties they reported are no longer known, and measures the area again (seed \(seed)). A finding "
            + "that holds in at least \(ReportText.percent(Self.robustShare)) of the resamples does not rest on a few "
            + "respondents; a rank interval (2.5th to 97.5th percentile of the organisation's betweenness rank) says how "
            + "firmly the survey places it. This asks what losing more answers would change, not how far those who did "
            + "not answer already bias the results."
    }
}
