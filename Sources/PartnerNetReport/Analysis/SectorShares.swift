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
    /// Organisations the random sets are drawn from.
    public let population: Int
    public let share: Double?
    /// The sector's share of that population, `size / population`.
    public var organisationShare: Double { population > 0 ? Double(size) / Double(population) : 0 }
    public let randomMean: Double?
    /// P(a random set's share ≤ the observed), (k + 1)/(N + 1).
    public let pLow: Double?
    /// P(a random set's share ≥ the observed), (k + 1)/(N + 1).
    public let pHigh: Double?
    /// Random sets drawn.
    public let samples: Int
}

extension AreaAnalysis {
    /// The measures every sector's share is tested on: the headline measures of power.
    public static let sectorShareMeasures: [NodeMeasure] = [.degree, .betweenness, .eigenvector, .pagerank]

    /// Every group's share of the headline measures, of the chairs, and of the seats and
    /// voting power on every board, each tested against random sets of the group's size in
    /// both directions. Groups smaller than ``minimumGroupSize`` are listed without a test.
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
    /// One quantity held by organisations: its statistic pattern (with `S` for the group),
    /// its name in words, and the amount each organisation holds, by node handle.
    struct Quantity {
        let statistic: (String) -> String
        let words: String
        let values: [Double]
    }

    /// The quantities every group's share is tested on: the headline measures (where
    /// defined and not negative), the chair seats, and the seats and Banzhaf power on each
    /// board. Random sets are drawn from all the area's organisations, so a group that
    /// has no seat on a board holds less of it than its numbers would give.
    var testedQuantities: [Quantity] {
        var out: [Quantity] = []
        for measure in Self.sectorShareMeasures {
            let values = measure == .betweenness ? betweenness : ((try? scores(measure)) ?? [])
            guard values.count == graph.nodeCount, values.allSatisfy({ $0.isFinite && $0 >= 0 }) else { continue }
            out.append(
                Quantity(
                    statistic: { "sector_share[\(measure.rawValue),\($0)]" }, words: DominanceReport.words(measure),
                    values: values))
        }
        var chairs = [Double](repeating: 0, count: graph.nodeCount)
        for seat in area.memberships where seat.role == .chair {
            if let node = graph.handles[seat.organisation] { chairs[node] += 1 }
        }
        if chairs.contains(where: { $0 > 0 }) {
            out.append(Quantity(statistic: { "chair_seat_share[\($0)]" }, words: "the chair seats", values: chairs))
        }
        for board in balance?.boards ?? area.partnerships.map({ BoardPower(partnership: $0, area: area) }) {
            var seats = [Double](repeating: 0, count: graph.nodeCount)
            for seat in area.memberships where seat.partnership == board.id {
                if let node = graph.handles[seat.organisation] { seats[node] += 1 }
            }
            guard seats.contains(where: { $0 > 0 }) else { continue }
            out.append(
                Quantity(statistic: { "seat_share[\(board.id),\($0)]" }, words: "the seats on \(board.name)", values: seats))
            if let banzhaf = board.banzhaf {
                var power = [Double](repeating: 0, count: graph.nodeCount)
                for (member, value) in zip(board.members, banzhaf) {
                    if let node = graph.handles[member] { power[node] += value }
                }
                out.append(
                    Quantity(
                        statistic: { "banzhaf[\(board.id),\($0)]" }, words: "Banzhaf voting power on \(board.name)",
                        values: power))
            }
        }
        return out
    }

    func computeSectorShares() -> [SectorShare] {
        let quantities = testedQuantities
        guard !quantities.isEmpty, graph.nodeCount > 0 else { return [] }
        let groups = self.groups
        var out: [SectorShare] = []
        for (index, name) in groups.names.enumerated() {
            let members = groups.membership.indices.filter { groups.membership[$0] == index }
            let testable = members.count >= Self.minimumGroupSize && settings.randomSets > 0
            let test =
                testable
                ? RandomSetTest(
                    members: members, quantities: quantities.map(\.values), samples: settings.randomSets,
                    seed: settings.seed)
                : nil
            for (q, quantity) in quantities.enumerated() {
                let total = quantity.values.reduce(0, +)
                let held = members.reduce(0.0) { $0 + quantity.values[$1] }
                out.append(
                    SectorShare(
                        statistic: quantity.statistic(name), quantity: quantity.words, sector: name,
                        size: members.count, population: graph.nodeCount, share: total > 0 ? held / total : nil,
                        randomMean: test?.meanShares[q], pLow: test?.pLow[q], pHigh: test?.pHigh[q],
                        samples: test?.samples ?? 0))
            }
        }
        return out
    }
}
