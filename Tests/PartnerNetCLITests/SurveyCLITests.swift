import Foundation
import TestSupport
import Testing

/// `partnernet survey import | scale | export`: the figures, the area written, errors with
/// their location and no area, and the round trip through export.
@Suite struct SurveyCLITests {
    static let roster = "Datasets/northbridge_survey/roster.csv"
    static let responses = "Datasets/northbridge_survey/responses.csv"

    struct Figures: Decodable {
        let organisations: Double
        let respondents: Double
        let response_rate: Double
    }

    @Test func importWritesTheAreaAndPrintsTheFigures() throws {
        let out = Paths.temporaryFolder() + "/area"
        let result = try PartnerNetCommand.run(
            ["survey", "import", Self.roster, Self.responses, "-o", out, "--format", "json", "--non-response", "reconstruct"])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try JSONDecoder().decode(Figures.self, from: Data(result.stdout.utf8))
        #expect(figures.organisations == 31 && figures.respondents == 22)
        #expect(abs(figures.response_rate - 22.0 / 31) < 1e-15)
        #expect(result.stdout.contains("\"disagreement_rate[contact]\""))
        let validate = try PartnerNetCommand.run(["validate", out])
        #expect(validate.status == 0, "\(validate.stderr)")
        let organisations = try String(contentsOfFile: out + "/organisations.csv", encoding: .utf8)
        #expect(organisations.hasPrefix("id,name,sector,subsector,responded\n"))
        let metadata = try String(contentsOfFile: out + "/area.json", encoding: .utf8)
        #expect(metadata.contains("\"non_response\" : \"reconstruct\""))
        // Into a folder that is not empty only with --force.
        let again = try PartnerNetCommand.run(["survey", "import", Self.roster, Self.responses, "-o", out])
        #expect(again.status == 1 && again.stderr.contains("the folder is not empty"))
        let forced = try PartnerNetCommand.run(["survey", "import", Self.roster, Self.responses, "-o", out, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func aBadResponseIsALocatedErrorAndNoAreaIsWritten() throws {
        let folder = Paths.temporaryFolder()
        let bad = folder + "/responses.csv"
        try "respondent,partner,question,value\ncity,ncc,contact,weekly\ncity,polce,contact,daily\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let result = try PartnerNetCommand.run(["survey", "import", Self.roster, bad, "-o", folder + "/area"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(bad):3:2: error: partner \"polce\" is not on the roster (did you mean \"police\"?)\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/area"))
    }

    @Test func exportThenImportGivesTheSameTies() throws {
        let folder = Paths.temporaryFolder()
        let export = try PartnerNetCommand.run(["survey", "export", "Datasets/padgett_florentine", "-o", folder + "/survey"])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try PartnerNetCommand.run(
            ["survey", "import", folder + "/survey/roster.csv", folder + "/survey/responses.csv", "-o", folder + "/back",
             "--symmetrise", "max"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let before = try PartnerNetCommand.run(["network", "Datasets/padgett_florentine", "--relation", "marriage", "-f", "csv"])
        let after = try PartnerNetCommand.run(["network", folder + "/back", "--relation", "marriage", "-f", "csv"])
        #expect(before.status == 0 && after.status == 0)
        // Padgett's ties are undirected: exported from both ends and symmetrised on import,
        // they come back as the same undirected network.
        #expect(after.stdout == before.stdout)
    }

    @Test func scalePrintsTheMappingThatScaleReads() throws {
        let result = try PartnerNetCommand.run(["survey", "scale"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("question,label,value\n*,yes,1\n*,no,0\n"))
        let file = Paths.temporaryFolder() + "/scale.csv"
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let again = try PartnerNetCommand.run(["survey", "scale", "--scale", file])
        #expect(again.stdout == result.stdout)
    }

    /// The report on an imported survey has a Survey section: who answered by sector (as
    /// import counted), a warning for each sector under the threshold, and the scores.
    @Test func theReportOfASurveyAreaHasItsSection() throws {
        let folder = Paths.temporaryFolder()
        let imported = try PartnerNetCommand.run(
            ["survey", "import", Self.roster, Self.responses, "-o", folder + "/area", "-f", "csv"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try PartnerNetCommand.run(
            ["report", folder + "/area", "-o", folder + "/report", "--network-tests", "0", "--permutations", "100",
             "--random-sets", "100"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: folder + "/report/index.html", encoding: .utf8)
        #expect(page.contains("<section id=\"survey\"><h2>The survey</h2>"))
        #expect(page.contains("voluntary-community: 4 of 10 organisations answered (40%), below PartnerNet&#39;s threshold")
            || page.contains("voluntary-community: 4 of 10 organisations answered (40%), below PartnerNet's threshold"))
        #expect(!page.contains("public: 9 of 9"))
        let response = try String(contentsOfFile: folder + "/report/tables/survey_response.csv", encoding: .utf8)
        // The import's response_rate[voluntary-community] row, and the report's table, agree.
        #expect(imported.stdout.contains("response_rate[voluntary-community],0.4\n"))
        #expect(response.contains("voluntary-community,10,4,0.4\n"))
        #expect(FileManager.default.fileExists(atPath: folder + "/report/tables/survey_scores_by_sector.csv"))
    }

    @Test func stabilityAddsItsTablesAndNeedsASurveyArea() throws {
        let folder = Paths.temporaryFolder()
        _ = try PartnerNetCommand.run(["survey", "import", Self.roster, Self.responses, "-o", folder + "/area"])
        let settings = ["--network-tests", "0", "--permutations", "300", "--random-sets", "200"]
        let report = try PartnerNetCommand.run(
            ["report", folder + "/area", "-o", folder + "/report", "--stability", "4"] + settings)
        #expect(report.status == 0, "\(report.stderr)")
        let ranks = try String(contentsOfFile: folder + "/report/tables/survey_stability_ranks.csv", encoding: .utf8)
        #expect(ranks.hasPrefix("id,rank,rank_low,rank_high\n"))
        #expect(ranks.split(separator: "\n").count == 32)
        let page = try String(contentsOfFile: folder + "/report/index.html", encoding: .utf8)
        #expect(page.contains("<h3>How stable are the results?</h3><p>Each of 4 resamples drops 4 of the respondents"))
        let notSurvey = try PartnerNetCommand.run(
            ["report", "Datasets/northbridge", "-o", folder + "/nb", "--stability", "4"] + settings)
        #expect(notSurvey.status == 1 && notSurvey.stderr.contains("--stability needs an area imported from a survey"))
    }
}
