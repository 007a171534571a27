import Foundation
import Testing
import TestSupport

struct QAPCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    @Test func regressionJSONHasTheCoefficientRowsAndTheFitAndIsReproducible() throws {
        let arguments = [
            "qap", "Datasets/northbridge", "--y", "information", "--x", "funding,co-membership", "--x", "same:sector",
            "--permutations", "300", "--seed", "4", "--format", "json",
        ]
        let first = try PartnerNetCommand.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["coefficients"] as? [[String: Any]])
        #expect(rows.map { $0["term"] as? String } == ["intercept", "funding", "co-membership", "same:sector"])
        for row in rows {
            for key in ["estimate", "p_le", "p_ge", "p_abs"] { #expect(row[key] is NSNumber, "\(key) in \(row)") }
        }
        let fit = try #require(object["fit"] as? [String: Any])
        #expect(Set(fit.keys) == ["r_squared", "adj_r_squared"])
        #expect(try PartnerNetCommand.run(arguments).stdout == first.stdout)
        var other = arguments
        other[other.firstIndex(of: "4")!] = "5"
        #expect(try PartnerNetCommand.run(other).stdout != first.stdout)
    }

    @Test func logisticJSONHasOddsRatiosAndDeviances() throws {
        let result = try run(
            "qap", "Datasets/knoke_bureaucracies", "--y", "information", "--x", "money,same:sector", "--model",
            "logistic", "--permutations", "100", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["coefficients"] as? [[String: Any]])
        for row in rows {
            let estimate = try #require((row["estimate"] as? NSNumber)?.doubleValue)
            let odds = try #require((row["exp_estimate"] as? NSNumber)?.doubleValue)
            #expect(abs(odds - exp(estimate)) < 1e-12 * max(1, odds))
        }
        let fit = try #require(object["fit"] as? [String: Any])
        #expect(Set(fit.keys) == ["deviance", "null_deviance", "aic", "bic"])
    }

    @Test func correlateAndCSV() throws {
        let correlation = try run("qap", "Datasets/padgett_florentine", "--correlate", "marriage,business", "--format", "json")
        #expect(correlation.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(correlation.stdout.utf8)) as? [String: Any])
        for key in ["correlation", "p_le", "p_ge", "p_abs"] { #expect(object[key] is NSNumber, "\(key)") }
        #expect(object["mode"] as? String == "undirected")
        let csv = try run("qap", "Datasets/northbridge", "--y", "information", "--x", "funding", "--format", "csv", "--null", "classical")
        #expect(csv.stdout.hasPrefix("term,estimate,std_error,statistic,p_le,p_ge,p_abs\nintercept,"))
    }

    @Test(arguments: [
        (["--y", "informaton", "--x", "funding"], "did you mean \"information\""),
        (["--y", "information", "--x", "same:sectr"], "did you mean \"sector\""),
        (["--y", "information", "--x", "sam:sector"], "did you mean \"same\""),
        (["--y", "information", "--x", "diff:website"], "is not a number"),
        (["--correlate", "information,fundin"], "did you mean \"funding\""),
    ])
    func badTermsAreOneLineErrors(arguments: [String], message: String) throws {
        let result = try PartnerNetCommand.run(["qap", "Datasets/northbridge"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test func cugGivesTheObservedValueAndTheNullAndRejectsUnknownStatistics() throws {
        let result = try run(
            "cug", "Datasets/northbridge", "--relation", "information", "--statistic", "focal_share[betweenness]",
            "--given", "dyad-census", "--permutations", "200", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["observed", "p_le", "p_ge", "mean", "sd"] { #expect(object[key] is NSNumber, "\(key)") }
        let bad = try run("cug", "Datasets/northbridge", "--statistic", "ei_indx")
        #expect(bad.status == 1 && bad.stderr.contains("did you mean \"ei_index\""))
    }

    /// The README tour's qap and cug output is what the commands print.
    @Test func readmeTourOutputIsReal() throws {
        let readme = try String(contentsOfFile: Paths.repo("README.md"), encoding: .utf8)
        let qap = try run(
            "qap", "Datasets/northbridge", "--y", "tie:information", "--x",
            "tie:funding,tie:joint-commissioning,co-membership,same:sector", "--permutations", "5000")
        let cug = try run(
            "cug", "Datasets/northbridge", "--relation", "information", "--statistic", "transitivity", "--given",
            "dyad-census", "--permutations", "5000")
        for output in [qap.stdout, cug.stdout] {
            #expect(!output.isEmpty && readme.contains(output), "README lacks:\n\(output)")
        }
    }

    /// `report --predict` chooses the relation "What predicts working together" explains,
    /// and `--network-tests 0` leaves the random graphs out.
    @Test func reportChoosesTheRelationExplainedAndTheNetworkTests() throws {
        let out = Paths.temporaryFolder() + "/report"
        let result = try run(
            "report", "Datasets/northbridge", "-o", out, "-q", "--predict", "funding", "--permutations", "200",
            "--random-sets", "200", "--network-tests", "0")
        #expect(result.status == 0, "\(result.stderr)")
        let table = try String(contentsOfFile: out + "/tables/predictors.csv", encoding: .utf8)
        #expect(table.contains("\nfunding ~ tie:information,funding,tie:information,"), "\(table)")
        #expect(!FileManager.default.fileExists(atPath: out + "/tables/network_tests.csv"))
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("## What predicts working together"))
        #expect(markdown.contains("`partnernet qap Datasets/northbridge --y tie:funding --x tie:information,"))
        let tested = try run(
            "report", "Datasets/northbridge", "-o", out, "-q", "--permutations", "200", "--random-sets", "200",
            "--network-tests", "300")
        #expect(tested.status == 0)
        let tests = try String(contentsOfFile: out + "/tables/network_tests.csv", encoding: .utf8)
        #expect(tests.hasPrefix("statistic,given,observed,mean,sd,z,p_le,p_ge,draws\ndegree_centralization,edges,"))
        let misspelt = try run("report", "Datasets/northbridge", "-o", out, "-q", "--predict", "fundng")
        #expect(misspelt.status != 0)
        #expect(misspelt.stderr.contains("fundng"), "\(misspelt.stderr)")
    }
}
