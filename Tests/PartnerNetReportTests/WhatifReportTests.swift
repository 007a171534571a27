import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport
import TestSupport
import Testing

/// Each edit against the same edit made by hand: `Tests/Fixtures/whatif/<case>/` holds a
/// scenario (`scenario.json`) and, in `expected/`, Northbridge edited by hand as that
/// scenario says (Tests/Fixtures/whatif/README.md). The edited area must equal the hand-made
/// one table by table, and every measure `whatif` shows must be exactly the hand-made
/// area's.
@Suite struct WhatifReportTests {
    static let northbridge = "Datasets/northbridge"

    /// The cases and the boards each changes (seats, roles, votes or quota), worked out by
    /// hand from Datasets/northbridge/memberships.csv.
    static let cases: [(name: String, boards: [String])] = [
        ("remove_organisation", ["lsp", "hwb", "csp", "econ", "cyp", "dafor"]),  // ncc sits on all six
        ("remove_sector", ["lsp", "cyp", "dafor"]),  // churches, mosque, diocese's seats
        ("drop_relation", []),
        ("add_tie", []),
        ("chair", ["lsp"]),
        ("co_chairs", ["econ"]),
        ("votes", ["lsp"]),
        ("merge", ["hwb", "cyp"]),
        ("merge_nested", ["csp", "dafor"]),
        ("combination", ["lsp", "hwb", "econ", "cyp"]),
    ]

    static func settings() -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.permutations = 300
        settings.randomSets = 1_000
        settings.seed = 11
        settings.communityMethod = nil
        return settings
    }

    /// Expects equal tables, naming the first row that differs rather than printing both.
    static func expectSameRows<Row: Equatable>(_ what: String, _ mine: [Row], _ theirs: [Row]) {
        #expect(mine.count == theirs.count, "\(what): \(mine.count) rows edited, \(theirs.count) by hand")
        if let row = mine.indices.first(where: { $0 < theirs.count && mine[$0] != theirs[$0] }) {
            Issue.record("\(what) row \(row + 1): edited \(mine[row]), by hand \(theirs[row])")
        }
    }

    static func report(_ name: String) throws -> (report: WhatIfReport, hand: AreaAnalysis) {
        let area = try AreaSource.read(at: Paths.repo(northbridge)).area
        let file = try ScenarioFile.read(at: Paths.repo("Tests/Fixtures/whatif/\(name)/scenario.json"))
        let outcome = try file.scenario.applied(to: area)
        let before = try AreaAnalysis(area: area, path: northbridge, settings: settings())
        let report = try WhatIfReport(before: before, scenario: file.scenario, outcome: outcome)
        let expected = try AreaSource.read(at: Paths.repo("Tests/Fixtures/whatif/\(name)/expected")).area
        let hand = try AreaAnalysis(area: expected, path: northbridge, settings: settings())
        return (report, hand)
    }

    @Test(arguments: cases.map(\.name))
    func editedAreaEqualsTheHandEditedOne(name: String) throws {
        let (report, hand) = try Self.report(name)
        let edited = report.after.area
        func check<Row: Equatable>(_ table: String, _ mine: [Row], _ theirs: [Row]) {
            Self.expectSameRows("\(name): \(table)", mine, theirs)
        }
        check("organisations", edited.organisations, hand.area.organisations)
        check("relationships", Array(edited.relationships), Array(hand.area.relationships))
        check("partnerships", edited.partnerships, hand.area.partnerships)
        check("memberships", edited.memberships, hand.area.memberships)
    }

    @Test(arguments: cases.map(\.name))
    func measuresAfterTheEditAreTheHandEditedAreasExactly(name: String) throws {
        let (report, hand) = try Self.report(name)
        let after = report.after.headlineValues
        let expected = hand.headlineValues
        #expect(Set(after.keys) == Set(expected.keys), "\(name): the same measures are defined")
        for (metric, value) in expected {
            #expect(
                after[metric] == value,
                "\(name): \(metric) after the edit \(after[metric].map { "\($0)" } ?? "nil"), by hand \(value)")
        }
        // Every board's votes, quota and power by sector, as the balance report gives them.
        let balanceAfter = try #require(report.after.balance).metricRows
        let balanceHand = try #require(hand.balance).metricRows
        #expect(balanceAfter.columns == balanceHand.columns)
        Self.expectSameRows("\(name): balance values", balanceAfter.rows, balanceHand.rows)
    }

    @Test(arguments: cases)
    func reportShowsTheHandEditedValuesAfterAndTheChangedBoards(name: String, boards: [String]) throws {
        let (report, hand) = try Self.report(name)
        #expect(report.affectedBoards == boards, "\(name)")
        var expected = hand.headlineValues
        for id in boards {
            for (metric, value) in report.boardValues(id, in: hand) { expected[metric] = value }
        }
        var changed = false
        for row in report.values {
            if let value = expected[row.metric] {
                #expect(
                    row.after == value,
                    "\(name): \(row.metric) after \(String(describing: row.after)), by hand \(value)")
            } else {
                // A group that left a board holds none of it; a board merged away has no values.
                #expect(row.after == nil || row.after == 0, "\(name): \(row.metric) has no hand-made value")
            }
            #expect(row.before == report.before.headlineValues[row.metric] ?? row.before)
            if row.before != row.after { changed = true }
        }
        #expect(changed, "\(name): the edit changes some value")
        // The CSV rows: metric,before,after,difference with difference = after − before.
        let table = report.table()
        #expect(table.columns == ["metric", "before", "after", "difference"])
        for row in table.rows {
            if case .number(let before?, _) = row[1], case .number(let after?, _) = row[2] {
                #expect(
                    row[3]
                        == .number(
                            after - before, isCount: { if case .number(_, let c) = row[3] { c } else { false } }()))
            }
        }
    }

    @Test func removalNotesSayWhatElseChanged() throws {
        let (report, _) = try Self.report("remove_organisation")
        let notes = report.notes.map(\.text)
        #expect(notes.first == "removes ncc: 25 ties and 6 seats go")
        #expect(notes.contains("hwb is left without a chair"))
        #expect(notes.contains("lsp's default quota is now 9 of 16 votes (was 10 of 18)"))
    }

    @Test func mergeNotesGiveTheRulesApplied() throws {
        let (nested, _) = try Self.report("merge_nested")
        let notes = nested.notes.map(\.text)
        #expect(
            notes.contains(
                "police, opcc, city, ncc, homes and probation sat on both: one seat each, with the higher role and the larger vote"
            ))
        #expect(notes.contains("csp is co-chaired by police and womensaid"))
        #expect(
            notes.contains(
                "quota 11 of 14 votes: the stricter of csp's 7 of 9 and dafor's 5 of 9, as a share of the votes, rounded up"
            ))
        let (plain, _) = try Self.report("merge")
        #expect(plain.notes.map(\.text).contains("quota: the default, more than half of 15 votes"))
    }

    /// A group that leaves a board holds 0 of it afterwards; a board merged away has no
    /// values after.
    @Test func boardRowsOfGroupsAndBoardsThatGo() throws {
        let (faith, _) = try Self.report("remove_sector")
        let rows = Dictionary(faith.values.map { ($0.metric, [$0.before, $0.after]) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["seats[lsp,faith]"] == [3, 0])
        let banzhaf = try #require(rows["banzhaf[lsp,faith]"])
        #expect(banzhaf[1] == 0)
        #expect((banzhaf[0] ?? 0) > 0)
        let (merged, _) = try Self.report("merge")
        let mergedRows = Dictionary(
            merged.values.map { ($0.metric, [$0.before, $0.after]) }, uniquingKeysWith: { a, _ in a })
        #expect(mergedRows["votes[cyp]"] == [8, nil])
        #expect(mergedRows["votes[hwb]"] == [9, 15])  // 9 + the 6 votes of cyp's newcomers
    }
}
