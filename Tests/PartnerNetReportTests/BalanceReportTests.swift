import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

/// `partnernet balance`'s report: inequality and group shares are the library's, each
/// board's game is the one its memberships define, power summed by group adds up, and the
/// verdicts quote numbers found in the tables.
@Suite struct BalanceReportTests {
    static let northbridge = try! AreaSource.read(at: Paths.repo("Datasets/northbridge")).area

    static func metrics(_ table: ResultTable) -> [String: Double?] {
        var values: [String: Double?] = [:]
        for row in table.rows {
            guard case .text(let name) = row[0], case .number(let value, _) = row[1] else { continue }
            values[name] = value
        }
        return values
    }

    @Test func inequalityAndSharesAreTheLibrarys() throws {
        let area = Self.northbridge
        let graph = try Graph(area: area)
        let report = try BalanceReport(area: area, graph: graph)
        #expect(report.measure == .betweenness)
        let values = graph.betweennessCentrality()
        let sectors = area.organisations.map(\.sector)
        let metrics = Self.metrics(report.metricRows)
        #expect(metrics["gini[betweenness]"] == Inequality.gini(values))
        #expect(metrics["hhi[betweenness]"] == Inequality.herfindahl(values))
        #expect(metrics["hhi_normalized[betweenness]"] == Inequality.normalizedHerfindahl(values))
        #expect(metrics["sector_evenness[betweenness]"] == Inequality.evenness(values, groups: sectors))
        var total = 0.0
        for (group, share) in Inequality.shares(values, groups: sectors) {
            #expect(metrics["sector_share[betweenness,\(group)]"] == share)
            total += share!
        }
        #expect(abs(total - 1) < 1e-12)
        for (group, ratio) in Inequality.representationRatios(values, groups: sectors) {
            #expect(metrics["representation_ratio[betweenness,\(group)]"] == ratio)
        }
    }

    /// Every board's game is its members' votes and quota; power summed by sector equals
    /// the members' sum and adds to 1 over the board; observers hold nothing.
    @Test func votingPowerAddsUpBySector() throws {
        let area = Self.northbridge
        let report = try BalanceReport(area: area, graph: try Graph(area: area), measure: .degree)
        #expect(report.boards.map(\.id) == area.partnerships.map(\.id))
        let metrics = Self.metrics(report.metricRows)
        let sectorOf = Dictionary(uniqueKeysWithValues: area.organisations.map { ($0.id, $0.sector) })
        for board in report.boards {
            let seats = area.memberships.filter { $0.partnership == board.id }
            #expect(board.members == seats.map(\.organisation))
            #expect(board.votes == seats.map(\.votes))
            let partnership = area.partnerships.first { $0.id == board.id }!
            #expect(board.quota == partnership.effectiveQuota(totalVotes: seats.map(\.votes).reduce(0, +)))
            let game = WeightedVotingGame(votes: board.votes, quota: board.quota)
            #expect(board.banzhaf == game.banzhaf() && board.shapleyShubik == game.shapleyShubik())
            let banzhaf = try #require(board.banzhaf)
            let shapley = try #require(board.shapleyShubik)
            for (index, member) in board.members.enumerated() where board.votes[index] == 0 {
                #expect(banzhaf[index] == 0 && shapley[index] == 0, "\(board.id) \(member)")
            }
            var bySector: [String: (Double, Double, Int)] = [:]
            for (index, member) in board.members.enumerated() {
                let sector = sectorOf[member]!
                let sum = bySector[sector] ?? (0, 0, 0)
                bySector[sector] = (sum.0 + banzhaf[index], sum.1 + shapley[index], sum.2 + board.votes[index])
            }
            var totals = (0.0, 0.0)
            for (sector, sums) in bySector {
                let b = try #require(metrics["banzhaf[\(board.id),\(sector)]"] ?? nil)
                let s = try #require(metrics["shapley_shubik[\(board.id),\(sector)]"] ?? nil)
                #expect(abs(b - sums.0) < 1e-12 && abs(s - sums.1) < 1e-12, "\(board.id) \(sector)")
                #expect(metrics["votes[\(board.id),\(sector)]"] == Double(sums.2))
                totals = (totals.0 + b, totals.1 + s)
            }
            #expect(abs(totals.0 - 1) < 1e-12 && abs(totals.1 - 1) < 1e-12, "\(board.id): \(totals)")
        }
    }

    /// A board with two seats for one organisation treats it as one player with both
    /// votes; a quota out of reach gives no power at all.
    @Test func seatsMergeAndImpossibleQuotasSaySo() throws {
        let area = Area(
            metadata: AreaMetadata(name: "Boards"),
            organisations: [
                Organisation(id: "la", sector: "local-authority"), Organisation(id: "nhs", sector: "public"),
                Organisation(id: "vcs", sector: "voluntary-community"),
            ],
            relationships: [Relationship(source: "la", target: "nhs"), Relationship(source: "nhs", target: "vcs")],
            partnerships: [Partnership(id: "board"), Partnership(id: "stuck", quota: 10)],
            memberships: [
                Membership(partnership: "board", organisation: "la", votes: 2),
                Membership(partnership: "board", organisation: "nhs", votes: 1),
                Membership(partnership: "board", organisation: "la", role: .observer),
                Membership(partnership: "board", organisation: "vcs", votes: 1),
                Membership(partnership: "stuck", organisation: "la", votes: 3),
                Membership(partnership: "stuck", organisation: "vcs", votes: 3),
            ])
        let report = try BalanceReport(area: area, graph: try Graph(area: area), measure: .degree)
        let board = report.boards[0]
        #expect(board.members == ["la", "nhs", "vcs"] && board.votes == [2, 1, 1] && board.quota == 3)
        // la (2) wins with either other member; nhs and vcs each swing only with la.
        #expect(board.banzhaf == [0.6, 0.2, 0.2])
        let stuck = report.boards[1]
        #expect(stuck.banzhaf == nil && stuck.shapleyShubik == nil)
        #expect(
            report.verdicts.contains { $0.hasPrefix("stuck: no coalition can carry a decision (quota 10 of 6 votes)") })
        #expect(
            report.verdicts.contains {
                $0.hasPrefix(
                    "board: local-authority organisations (1 seat) hold 2 of 4 votes (50%) but 60% of Banzhaf power")
            }, "\(report.verdicts)")
    }

    @Test func measuresWithoutSharesAreRefused() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/knoke_bureaucracies")).area
        let money = try Graph(area: area, relations: .named(["money"]))
        #expect(throws: BalanceError.undefinedValues(.constraint, organisations: ["WRO"])) {
            try BalanceReport(area: area, graph: money, measure: .constraint)
        }
        #expect(throws: BalanceError.metric(.bonacichPower, .betaRequired)) {
            try BalanceReport(area: area, graph: money, measure: .bonacichPower)
        }
        // A star with β = −0.225 (|β| < 1/√16 = 0.25): each leaf's power is
        // (1 + 16β) / (1 − 16β²) = −2.6 / 0.19 < 0, which has no share.
        let star = Area(
            organisations: [Organisation(id: "hub", sector: "a")]
                + (0..<16).map { Organisation(id: "leaf\($0)", sector: "b") },
            relationships: (0..<16).map { Relationship(source: "hub", target: "leaf\($0)") })
        let negative = Result { () throws(BalanceError) in
            try BalanceReport(
                area: star, graph: try! Graph(area: star), measure: .bonacichPower,
                options: MeasureOptions(beta: -0.225))
        }
        guard case .failure(.negativeValues(.bonacichPower, let leaves)) = negative else {
            Issue.record("expected negative values, got \(negative)")
            return
        }
        #expect(leaves.count == 16 && leaves.first == "leaf0")
        // Brokerage roles are counted by the report's own groups.
        let liaison = try BalanceReport(area: area, graph: money, measure: .liaison)
        #expect(liaison.values == money.brokerageRoles(groups: liaison.groups).counts(.liaison).map(Double.init))
    }

    @Test func jsonAndNodeRowsAgreeWithTheBoards() throws {
        let area = Self.northbridge
        let report = try BalanceReport(area: area, graph: try Graph(area: area))
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as! [String: Any]
        let boards = object["boards"] as! [[String: Any]]
        let hwb = boards.first { $0["id"] as? String == "hwb" }!
        let members = hwb["members"] as! [[String: Any]]
        let board = report.boards.first { $0.id == "hwb" }!
        for (index, member) in members.enumerated() {
            #expect(member["banzhaf"] as? Double == board.banzhaf![index])
        }
        let table = report.nodeRows
        let column = table.columns.firstIndex(of: "banzhaf[hwb]")!
        let icb = table.rows.first { $0[0] == .text("icb") }!
        #expect(icb[column] == .number(board.banzhaf![board.members.firstIndex(of: "icb")!], isCount: false))
        let westholme = table.rows.first { $0[0] == .text("westholme") }!
        #expect(westholme[column] == .number(nil, isCount: false))
    }
}
