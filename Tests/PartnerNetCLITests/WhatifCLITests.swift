import Foundation
import TestSupport
import Testing

/// `partnernet whatif`: its output forms, the order of its edits, and one-line errors.
@Suite struct WhatifCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    /// `metric,before,after,difference` rows as numbers by metric (empty cells `nil`).
    func rows(_ csv: String) -> [String: [Double?]] {
        var out: [String: [Double?]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            // A metric with a comma (`banzhaf[lsp,public]`) is quoted; numbers never are.
            var name = String(line)
            var rest = ""
            if line.hasPrefix("\""), let close = line.dropFirst().firstIndex(of: "\"") {
                name = String(line[line.index(after: line.startIndex)..<close])
                rest = String(line[line.index(after: close)...].dropFirst())
            } else if let comma = line.firstIndex(of: ",") {
                name = String(line[..<comma])
                rest = String(line[line.index(after: comma)...])
            }
            out[name] = rest.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
        }
        return out
    }

    /// The county council passes the one chair it holds (hwb) to the ICB: the local
    /// authorities then chair 1 of the 6 partnerships (city chairs lsp) instead of 2.
    @Test func csvGivesMetricBeforeAfterDifference() throws {
        let result = try run(
            "whatif", "Datasets/northbridge", "--chair", "hwb=icb", "--format", "csv", "--random-sets", "0",
            "--permutations", "0")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").first == "metric,before,after,difference")
        let values = rows(result.stdout)
        #expect(values["chair_share"] == [2.0 / 6, 1.0 / 6, 1.0 / 6 - 2.0 / 6])
        #expect(values["organisations"] == [31, 31, 0])
        #expect(values["votes[hwb]"] == [9, 9, 0])
        // Without tests there are no p-values.
        #expect(values["focal_share_p_value[betweenness]"] == nil)
        #expect(values["ei_index_p_low"] == nil)
    }

    @Test func removalChangesTheBoardsItSatOn() throws {
        let result = try run(
            "whatif", "Datasets/northbridge", "--remove", "ncc", "-f", "csv", "--random-sets", "500", "--permutations",
            "200")
        #expect(result.status == 0, "\(result.stderr)")
        let values = rows(result.stdout)
        #expect(values["organisations"] == [31, 30, -1])
        #expect(values["focal_organisations"] == [4, 3, -1])
        #expect(values["votes[lsp]"] == [18, 16, -2])
        #expect(values["quota[lsp]"] == [10, 9, -1])
        #expect(values["seats[hwb,local-authority]"] == [3, 2, -1])
        #expect(values["focal_share_p_value[betweenness]"]?.count == 3)
        for board in ["lsp", "hwb", "csp", "econ", "cyp", "dafor"] {
            #expect(values["banzhaf[\(board),local-authority]"] != nil, "\(board)")
        }
    }

    /// JSON, decoded with JSONDecoder (JSONSerialization loses the last digit of doubles on Linux).
    @Test func jsonHoldsEditsNotesValuesAndMembers() throws {
        struct Output: Decodable {
            struct Edit: Decodable {
                let edit: String
                let notes: [String]
            }
            struct Metric: Decodable {
                let metric: String
                let before: Double?
                let after: Double?
                let difference: Double?
            }
            let area: String
            let edits: [Edit]
            let metrics: [Metric]
            let boards: [String]
        }
        let result = try run(
            "whatif", "Datasets/northbridge", "--merge", "hwb,cyp=People's Board", "--chair", "hwb=icb", "-f", "json",
            "--random-sets", "0", "--permutations", "0")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.edits.map(\.edit) == ["merge hwb,cyp=People's Board", "chair hwb=icb"])
        #expect(output.edits[0].notes.contains("hwb is co-chaired by ncc and schools"))
        #expect(output.edits[1].notes.first == "hwb: the chair passes from ncc and schools to icb")
        #expect(output.boards == ["hwb", "cyp"])
        let partnerships = try #require(output.metrics.first { $0.metric == "partnerships" })
        #expect(partnerships.before == 6 && partnerships.after == 5 && partnerships.difference == -1)
        let gone = try #require(output.metrics.first { $0.metric == "votes[cyp]" })
        #expect(gone.before == 8 && gone.after == nil && gone.difference == nil)
    }

    @Test func tableShowsEditsNotesAndMembers() throws {
        let result = try run(
            "whatif", "Datasets/northbridge", "--votes", "lsp:city=1", "--random-sets", "0", "--permutations", "0")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("What if: Northbridge (illustrative, invented) (all relations, directed)"))
        #expect(result.stdout.contains("  1. votes lsp:city=1\n     - lsp: city's votes go from 2 to 1\n"))
        #expect(result.stdout.contains("lsp's default quota is now 9 of 17 votes (was 10 of 18)"))
        let members = try run(
            "whatif", "Datasets/northbridge", "--votes", "lsp:city=1", "--members", "-f", "csv", "--random-sets", "0",
            "--permutations", "0")
        let lines = members.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "partnership,id,sector,role_before,role_after,votes_before,votes_after,banzhaf_before,banzhaf_after,shapley_shubik_before,shapley_shubik_after"
        )
        #expect(lines.count == 19)  // lsp's 18 members
        #expect(lines[1].hasPrefix("lsp,city,local-authority,chair,chair,2,1,"))
    }

    /// Options apply in the order given: the ICB can take the chair and then leave, but
    /// cannot take it after leaving.
    @Test func editsApplyInTheOrderGiven() throws {
        let first = try run(
            "whatif", "Datasets/northbridge", "--chair", "hwb=icb", "--remove", "icb", "-f", "csv", "--random-sets",
            "0", "--permutations", "0")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(rows(first.stdout)["chair_share"] == [2.0 / 6, 1.0 / 5, 1.0 / 5 - 2.0 / 6])
        let reversed = try run("whatif", "Datasets/northbridge", "--remove", "icb", "--chair", "hwb=icb")
        #expect(reversed.status == 1)
        #expect(reversed.stderr == "error: --chair hwb=icb: unknown organisation \"icb\"\n")
    }

    @Test func unknownNamesAreOneLineErrorsWithTheClosestName() throws {
        let cases: [([String], String)] = [
            (["--remove", "vcs"], "error: --remove vcs: unknown organisation \"vcs\" (did you mean \"cvs\"?)\n"),
            (
                ["--remove-sector", "Faith "],
                "error: --remove-sector Faith : no organisation has the sector \"Faith\" (did you mean \"faith\"?); the sectors are \"local-authority\", \"public\", \"business\", \"voluntary-community\", \"faith\"\n"
            ),
            (["--merge", "hwb,cpy"], "error: --merge hwb,cpy: unknown partnership \"cpy\" (did you mean \"cyp\"?)\n"),
            (["--votes", "lsp:minds=2"], "error: --votes lsp:minds=2: \"minds\" has no seat on \"lsp\"\n"),
            (
                ["--drop-relation", "fundng"],
                "error: --drop-relation fundng: unknown relation \"fundng\" (did you mean \"funding\"?); the relations are \"information\", \"funding\", \"joint-commissioning\"\n"
            ),
            (
                ["--add-tie", "cvs,mosque"],
                "error: --add-tie cvs,mosque: name the tie's relation: the area has \"information\", \"funding\", \"joint-commissioning\"\n"
            ),
        ]
        for (options, message) in cases {
            let result = try PartnerNetCommand.run(["whatif", "Datasets/northbridge"] + options)
            #expect(result.status == 1, "\(options)")
            #expect(result.stderr == message, "\(options)")
            #expect(result.stdout.isEmpty)
        }
        let syntax = try run("whatif", "Datasets/northbridge", "--votes", "lsp:city")
        #expect(syntax.status == 64)
        #expect(syntax.stderr.contains("--votes expects P:ORG=N"))
        let none = try run("whatif", "Datasets/northbridge")
        #expect(none.status == 64 && none.stderr.contains("give at least one edit"))
    }

    @Test func scenarioFileEditsAndErrorsNameTheirLine() throws {
        let folder = Paths.temporaryFolder()
        let good = folder + "/county.json"
        try
            #"[{"chair": {"partnership": "hwb", "organisation": "icb"}}, {"votes": {"partnership": "lsp", "organisation": "ncc", "votes": 1}}]"#
            .write(toFile: good, atomically: true, encoding: .utf8)
        let fromFile = try run(
            "whatif", "Datasets/northbridge", "--scenario", good, "-f", "csv", "--random-sets", "0", "--permutations",
            "0")
        let fromOptions = try run(
            "whatif", "Datasets/northbridge", "--chair", "hwb=icb", "--votes", "lsp:ncc=1", "-f", "csv",
            "--random-sets", "0",
            "--permutations", "0")
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout == fromOptions.stdout)
        let bad = folder + "/bad.json"
        try "[\n  {\"remove\": [\"city\"]},\n  {\"chair\": {\"partnership\": \"hwb\", \"organisation\": \"vcs\"}}\n]\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try run("whatif", "Datasets/northbridge", "--scenario", bad)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(bad):3:3 [1]: error: chair hwb=vcs: unknown organisation \"vcs\" (did you mean \"cvs\"?)\n")
    }

    /// `report --scenario FILE`: the report's `scenario` table is what `whatif --scenario`
    /// prints with the same settings; the page and the Markdown gain the section, with its
    /// readings, the changed values and the boards' members.
    @Test func reportScenarioSectionMatchesWhatif() throws {
        let out = Paths.temporaryFolder() + "/report"
        let scenario = "Datasets/northbridge/scenarios/restructure.json"
        let settings = ["--seed", "3", "--permutations", "200", "--random-sets", "300", "--network-tests", "0"]
        let report = try PartnerNetCommand.run(
            ["report", "Datasets/northbridge", "-o", out, "--scenario", scenario] + settings)
        #expect(report.status == 0, "\(report.stderr)")
        let whatif = try PartnerNetCommand.run(
            ["whatif", "Datasets/northbridge", "--scenario", scenario, "-f", "csv"] + settings.dropLast(2))
        #expect(whatif.status == 0, "\(whatif.stderr)")
        let table = try String(contentsOfFile: out + "/tables/scenario.csv", encoding: .utf8)
        #expect(table == whatif.stdout)
        #expect(rows(table)["partnerships"] == [6, 5, -1])
        let members = try String(contentsOfFile: out + "/tables/scenario_members.csv", encoding: .utf8)
        #expect(members.hasPrefix("partnership,id,sector,role_before,role_after"))
        let page = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(page.contains("<section id=\"scenario\"><h2>Scenario: restructure.json</h2>"))
        #expect(page.contains("<a href=\"#scenario\">Scenario</a>"))
        #expect(page.contains("chair_share would go from 33% to 20%."))
        #expect(page.contains("Children and Young People&#39;s Partnership would no longer exist.")
            || page.contains("Children and Young People's Partnership would no longer exist."))
        #expect(page.contains("partnernet whatif Datasets/northbridge --scenario \(scenario) --seed 3"))
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("## Scenario: restructure.json"))
        #expect(markdown.contains("3. add-tie cvs,mosque,information,2"))
        // A report without a scenario leaves no scenario table behind in the same folder.
        let again = try PartnerNetCommand.run(["report", "Datasets/northbridge", "-o", out] + settings)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/tables/scenario.csv"))
        #expect(!(try String(contentsOfFile: out + "/index.html", encoding: .utf8)).contains("id=\"scenario\""))
    }

    /// A scenario edit that names an unknown partnership is an error at its line, with the
    /// closest name, and no report is written; a collection refuses --scenario.
    @Test func reportScenarioErrors() throws {
        let folder = Paths.temporaryFolder()
        let bad = folder + "/bad.json"
        try "[\n  {\"merge\": [\"hwb\", \"cpy\"]}\n]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try PartnerNetCommand.run(
            ["report", "Datasets/northbridge", "-o", folder + "/r", "--scenario", bad, "--network-tests", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad):2:3 [0]: error: merge hwb,cpy: unknown partnership \"cpy\" (did you mean \"cyp\"?)"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/r/index.html"))
        let syntax = folder + "/syntax.json"
        try "[{\"remove\": 3}]".write(toFile: syntax, atomically: true, encoding: .utf8)
        let broken = try PartnerNetCommand.run(["report", "Datasets/northbridge", "-o", folder + "/s", "--scenario", syntax])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("\(syntax):1:"), "\(broken.stderr)")
        let collection = try PartnerNetCommand.run(
            ["report", "Datasets/synthetic", "-o", folder + "/c", "--scenario", bad])
        #expect(collection.status != 0 && collection.stderr.contains("--scenario applies to one area"))
    }

    @Test func helpHasExamples() throws {
        let result = try run("whatif", "--help")
        #expect(result.status == 0)
        #expect(result.stdout.contains("partnernet whatif Datasets/northbridge --chair hwb=icb"))
        #expect(result.stdout.contains("--merge P1,P2[=NAME]"))
    }
}
