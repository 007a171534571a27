import Foundation
import Testing
import TestSupport

/// The commands on Tests/Fixtures/unknown_ties, an area with ties recorded as unknown
/// (weight NA): 22 unknown arcs of `information` (two organisations that did not answer)
/// and 6 unknown pairs of the undirected `joint-work`.
struct UnknownTiesCLITests {
    static let area = "Tests/Fixtures/unknown_ties"

    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func validateCountsTheUnknownPairsOfEachRelation() throws {
        let result = try run("validate", Self.area)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("79 relationships (3 relations), 28 unknown pairs (information 22, joint-work 6), "))
    }

    @Test func validateOfAnAreaWithoutUnknownTiesSaysNothingOfThem() throws {
        let result = try run("validate", "Datasets/northbridge")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("unknown"))
    }

    @Test func summaryGivesTheUnknownPairsBesideTheirRelation() throws {
        let result = try run("summary", Self.area)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("information") && $0.contains("unknown pairs 22 (weight NA, not counted as ties)") })
        #expect(lines.contains { $0.contains("joint-work") && $0.contains("unknown pairs 6") })
        #expect(!lines.contains { $0.contains("funding") && $0.contains("unknown") })
    }

    @Test func qapLeavesTheUnknownPairsOutAndSaysHowMany() throws {
        let arguments = [
            "qap", Self.area, "--y", "information", "--x", "funding,joint-work,same:sector", "--permutations", "200",
            "--seed", "3", "--format", "json",
        ]
        let result = try PartnerNetCommand.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result)
        // 132 ordered pairs: 22 unknown in information, 12 (6 pairs, both orders) in
        // joint-work, 4 of them the same pairs.
        #expect((object["pairs"] as? NSNumber)?.intValue == 102)
        #expect((object["unknown_pairs"] as? NSNumber)?.intValue == 30)
        #expect(try PartnerNetCommand.run(arguments).stdout == result.stdout)
        let text = try run("qap", Self.area, "--y", "information", "--x", "funding", "--null", "classical")
        #expect(text.stdout.contains("110 ordered pairs, the diagonal left out and 22 unknown pairs (weight NA) left out, not counted as 0"))
    }

    @Test(arguments: ["qap", "qapy", "qapx", "qapallx", "classical"])
    func everyNullRunsOnUnknownPairs(_ null: String) throws {
        for model in ["linear", "logistic"] {
            let result = try run(
                "qap", Self.area, "--y", "information", "--x", "joint-work,same:sector", "--model", model, "--null", null,
                "--permutations", "50", "--format", "json")
            #expect(result.status == 0, "\(model) \(null): \(result.stderr)")
            let rows = try #require(try json(result)["coefficients"] as? [[String: Any]])
            #expect(rows.count == 3)
            for row in rows { #expect((row["p_abs"] as? NSNumber).map { $0.doubleValue > 0 } == true) }
        }
    }

    @Test func correlateLeavesOutPairsUnknownInEither() throws {
        let result = try run("qap", Self.area, "--correlate", "joint-work,information", "--permutations", "100", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result)
        #expect((object["unknown_pairs"] as? NSNumber)?.intValue == 30)
        #expect((object["pairs"] as? NSNumber)?.intValue == 102)
    }

    @Test func convertWarnsOfTheUnknownTiesAFormatCannotCarry() throws {
        let folder = Paths.temporaryFolder()
        let graphml = try run("convert", Self.area, "-o", folder + "/area.graphml")
        #expect(graphml.status == 0)
        #expect(graphml.stderr.contains("GraphML cannot carry 28 unknown ties (weight NA): not written"), "\(graphml.stderr)")
        let json = try run("convert", Self.area, "-o", folder + "/area.json")
        #expect(json.status == 0)
        #expect(!json.stderr.contains("unknown"))
        let back = try run("validate", folder + "/area.json")
        #expect(back.stdout.contains("28 unknown pairs (information 22, joint-work 6)"), "\(back.stdout)")
    }

    @Test func theReportStatesTheUnknownPairs() throws {
        let output = Paths.temporaryFolder() + "/report"
        let result = try run("report", Self.area, "-o", output, "--permutations", "100")
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: output + "/report.md", encoding: .utf8)
        #expect(markdown.contains("28 pairs of organisations have a tie recorded as unknown (weight NA: information 22, joint-work 6)"))
        #expect(markdown.contains("- unknown ties: 28 pairs"))
        let html = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(html.contains("28 pairs of organisations have a tie recorded as unknown"))
    }

    @Test func aTieRecordedBothWaysFailsWithTheLine() throws {
        let folder = Paths.temporaryFolder()
        try FileManager.default.copyItem(atPath: Paths.repo(Self.area), toPath: folder + "/area")
        let file = folder + "/area/relationships.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "church,council,3,information\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run("validate", folder + "/area")
        #expect(result.status == 1)
        #expect(result.stderr.contains("relationships.csv:"))
        #expect(result.stderr.contains("error: tie \"church\" → \"council\" (information) is recorded as unknown (NA) here and as known at line 109"), "\(result.stderr)")
    }
}
