import PartnerNetCore
import PartnerNetMetrics

/// One group's share of one quantity — a measure of power, the chairs, the seats or the
/// voting power on a board — against random sets of as many organisations, in both
/// directions.
public struct SectorShare: Sendable, Hashable {
    /// The catalogue name of the share: `sector_share[betweenness,faith]`, `chair_share[faith]`,
    /// `banzhaf[lsp,faith]`.
    public let statistic: String
    /// What the share is of, in words: "betweenness", "the chairs", "Banzhaf power on X".
    public let quantity: String
    public let sector: String
    /// Organisations of the sector among those the random sets are drawn from.
    public let size: Int
    /// Organisations the random sets are drawn from: all of them for measures and seats,
    /// the seated ones for chairs, a board's members for its voting power.
    public let population: Int
    public let share: Double?
    /// The sector's share of that population, `size / population`.
    public var organisationShare: Double { population > 0 ? Double(size) / Double(population) : 0 }
    public let randomMean: Double?
    /// P(a random set's share ≤ the observed), (k + 1)/(N + 1).
    public let pLow: Double?
    /// P(a random set's share ≥ the observed), (k + 1)/(N + 1).
    public let pHigh: Double?
    /// Random sets drawn, or subsets enumerated when there were no more than asked for.
    public let samples: Int
}

extension AreaAnalysis {
    /// The measures every sector's share is tested on: the headline measures of power.
    public static let sectorShareMeasures: [NodeMeasure] = [.degree, .betweenness, .eigenvector, .pagerank]

    /// Every sector's share of the headline measures, of the chairs, and of the seats and
    /// voting power on every board, each tested against random sets of the sector's size in
    /// both directions (``computeSectorShares()``). The findings leave out sectors smaller
    /// than ``minimumGroupSize``.
    public var sectorShares: [SectorShare] {
        memo.value("sector-shares") { computeSectorShares() }
    }

    /// ``sectorShares`` as a table, one row per share, keyed by its statistic.
    public var sectorShareTable: ResultTable {
        ResultTable(
            columns: [
                "statistic", "sector", "quantity", "organisations", "population", "share", "organisation_share",
                "random_mean", "p_low", "p_high",
            ],
            rows: sectorShares.map { row in
                [
                    .text(row.statistic), .text(row.sector), .text(row.quantity),
                    .number(Double(row.size), isCount: true), .number(Double(row.population), isCount: true),
                    .number(row.share, isCount: false), .number(row.organisationShare, isCount: false),
                    .number(row.randomMean, isCount: false), .number(row.pLow, isCount: false),
                    .number(row.pHigh, isCount: false),
                ]
            })
    }
}

extension AreaAnalysis {
    /// Every sector's share of the headline measures, of the chairs (drawn from the
    /// seated organisations), of the seats on every board (drawn from every organisation)
    /// and of Banzhaf power on every board (drawn from its members), each against random
    /// sets of the sector's size in both directions (``FocalSet/sectorShareTests(scores:sectors:samples:seed:)``,
    /// ``PartnerNetCore/Area/chairShareTests(samples:seed:)``,
    /// ``PartnerNetCore/Area/boardShareTests(samples:seed:)``; the nulls are set out in
    /// Docs/CONVENTIONS.md).
    func computeSectorShares() -> [SectorShare] {
        guard graph.nodeCount > 0, settings.randomSets > 0 else { return [] }
        let (samples, seed) = (settings.randomSets, settings.seed)
        var out: [SectorShare] = []
        func add(_ statistic: String, _ quantity: String, _ test: SetShareTest) {
            out.append(
                SectorShare(
                    statistic: statistic, quantity: quantity, sector: test.group, size: test.setSize,
                    population: test.eligibleCount, share: test.share, randomMean: test.randomMean,
                    pLow: test.pLow, pHigh: test.pHigh, samples: test.draws))
        }
        var measures: [NodeMeasure] = []
        var vectors: [[Double]] = []
        for measure in Self.sectorShareMeasures {
            let values = measure == .betweenness ? betweenness : ((try? scores(measure)) ?? [])
            guard values.count == graph.nodeCount, values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { continue }
            measures.append(measure)
            vectors.append(values)
        }
        if !vectors.isEmpty {
            for sector in FocalSet.sectorShareTests(scores: vectors, in: area, graph: graph, samples: samples, seed: seed) {
                for (measure, test) in zip(measures, sector.tests) {
                    add("sector_share[\(measure.rawValue),\(sector.sector)]", DominanceReport.words(measure), test)
                }
            }
        }
        for test in area.chairShareTests(samples: samples, seed: seed) where test.total > 0 {
            add("chair_share[\(test.group)]", "the chaired partnerships", test)
        }
        let names = Dictionary(area.partnerships.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        for board in area.boardShareTests(samples: samples, seed: seed) {
            let name = names[board.partnership] ?? board.partnership
            for test in board.seats where test.total > 0 {
                add("seat_share[\(board.partnership),\(test.group)]", "the seats on \(name)", test)
            }
            for test in board.banzhaf where test.total > 0 {
                add("banzhaf[\(board.partnership),\(test.group)]", "Banzhaf voting power on \(name)", test)
            }
        }
        return out
    }
}
