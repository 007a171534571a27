import Foundation
import PartnerNetCore
import PartnerNetIO
import Testing

/// Scenario files: every kind of edit, and one-line errors with the line, column and path
/// of each problem.
@Suite struct WhatifScenarioFileTests {
    func parse(_ text: String) throws -> ScenarioFile {
        try ScenarioFile.parse(Data(text.utf8), file: "scenario.json")
    }

    /// The problems of `text`, one line each.
    func problems(_ text: String) -> [String] {
        do {
            _ = try ScenarioFile.parse(Data(text.utf8), file: "scenario.json")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func everyKindOfEditReads() throws {
        let file = try parse(
            """
            [
              {"remove": ["westholme", "city"]},
              {"remove": "ncc"},
              {"remove_sector": "faith"},
              {"merge": {"partnerships": ["hwb", "cyp"], "name": "People's Board"}},
              {"merge": ["csp", "dafor"]},
              {"chair": {"partnership": "hwb", "organisation": "icb"}},
              {"chair": {"partnership": "econ", "organisations": ["chamber", "cvs"]}},
              {"votes": {"partnership": "lsp", "organisation": "city", "votes": 1}},
              {"add_tie": {"source": "cvs", "target": "mosque", "relation": "information", "weight": 2.5}},
              {"add_tie": {"source": "cvs", "target": "mosque"}},
              {"drop_relation": "funding"}
            ]
            """)
        #expect(
            file.scenario.edits == [
                .removeOrganisations(["westholme", "city"]), .removeOrganisations(["ncc"]), .removeSector("faith"),
                .mergePartnerships("hwb", "cyp", name: "People's Board"), .mergePartnerships("csp", "dafor", name: nil),
                .passChair(partnership: "hwb", to: ["icb"]), .passChair(partnership: "econ", to: ["chamber", "cvs"]),
                .setVotes(partnership: "lsp", organisation: "city", votes: 1),
                .addTie(source: "cvs", target: "mosque", relation: "information", weight: 2.5),
                .addTie(source: "cvs", target: "mosque", relation: nil, weight: 1), .dropRelation("funding"),
            ])
        #expect(file.locations.map(\.line) == Array(2...12).map { Optional($0) })
        #expect(file.locations[5].description == "scenario.json:7:3 [5]")
    }

    @Test func everyProblemIsReportedWithItsLineAndPath() {
        let text = """
            [
              {"chiar": {"partnership": "hwb"}},
              {"votes": {"partnership": "lsp", "organisation": "city", "votes": 1.5}},
              {"merge": ["hwb"]},
              {"add_tie": {"source": "cvs", "target": 3, "wieght": 2}},
              {"chair": {"partnership": "hwb"}},
              {"remove": []},
              "drop_relation"
            ]
            """
        #expect(
            problems(text) == [
                "scenario.json:2:13 [0].chiar: error: unknown edit \"chiar\" (did you mean \"chair\"?); the edits are remove, remove_sector, merge, chair, votes, add_tie, drop_relation",
                "scenario.json:3:69 [1].votes.votes: error: expected a whole number of votes, 0 or more, found the number 1.5",
                "scenario.json:4:13 [2].merge: error: expected the ids of two partnerships, found 1",
                "scenario.json:5:56 [3].add_tie.wieght: error: unknown key \"wieght\" (did you mean \"weight\"?); the keys are \"source\", \"target\", \"relation\", \"weight\"",
                "scenario.json:6:13 [4].chair: error: give the new chair as \"organisation\", or co-chairs as \"organisations\" (one of the two)",
                "scenario.json:7:14 [5].remove: error: name at least one organisation",
                "scenario.json:8:3 [6]: error: an edit is an object with one key, one of remove, remove_sector, merge, chair, votes, add_tie, drop_relation, found the text \"drop_relation\"",
            ])
    }

    @Test func aFileThatIsNotAListOrNotJSONSaysSo() {
        #expect(
            problems(#"{"remove": ["city"]}"#) == [
                "scenario.json:1:1: error: a scenario is a list of edits, [{\"remove\": [\"id\"]}, …], found an object"
            ])
        let broken = problems("[\n  {\"remove\": [\"city\"]},,\n]")
        #expect(
            broken.count == 1 && broken[0].hasPrefix("scenario.json:2:") && broken[0].contains("error: not valid JSON"))
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: AreaIOError.self) { try ScenarioFile.read(at: "/nonexistent/scenario.json") }
    }
}
