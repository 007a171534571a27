import Foundation
import TestSupport
import Testing

/// The inputs that used to change an answer without a word, and the report's findings
/// files, end to end.
@Suite struct FindingsCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    /// Northbridge with its local-authority sector spelled "Local Authority".
    func misspeltArea(in folder: String) throws -> String {
        let area = folder + "/misspelt"
        try FileManager.default.copyItem(atPath: Paths.repo("Datasets/northbridge"), toPath: area)
        let path = area + "/organisations.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: ",local-authority,", with: ",Local Authority,")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return area
    }

    @Test func aMisspeltFocalSectorIsAWarningAndAReportError() throws {
        let folder = Paths.temporaryFolder()
        let area = try misspeltArea(in: folder)
        let validate = try run("validate", area)
        #expect(validate.stderr.contains("warning: no organisation has the focal sector \"local-authority\""))
        #expect(validate.stderr.contains("(did you mean \"Local Authority\"?)"))
        #expect(validate.stdout.contains("1 warning"))
        let report = try run("report", area, "-o", folder + "/out", "-q")
        #expect(report.status == 1)
        #expect(report.stderr.hasPrefix("error: no organisation has the focal sector \"local-authority\" (did you mean"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/index.html"))
    }

    @Test func columnsNobodyHasAreErrorsListingTheColumns() throws {
        let silos = try run("silos", "Datasets/northbridge", "-q", "--groups", "sectr")
        #expect(silos.status == 1)
        #expect(silos.stderr.hasPrefix("error: --groups \"sectr\" names no organisation column; the columns are \"id\""))
        let colour = try run("render", "Datasets/northbridge", "-q", "--color-by", "sectr", "-o", "-")
        #expect(colour.status == 1 && colour.stderr.hasPrefix("error: --color-by \"sectr\" names no organisation column"))
        let boxes = try run("render", "Datasets/northbridge", "-q", "--cluster-by", "sectr", "-o", "-")
        #expect(boxes.status == 1 && boxes.stderr.hasSuffix(", or partnership\n"))
    }

    /// findings.json and findings.csv stand at the top of the folder; a second report with
    /// fewer tables leaves none of the first's behind.
    @Test func findingsFilesAndNoStaleTables() throws {
        let folder = Paths.temporaryFolder()
        let out = folder + "/report"
        let first = try run("report", "Datasets/northbridge", "-o", out, "-q", "--permutations", "200", "--random-sets", "200")
        #expect(first.status == 0)
        for file in ["findings.json", "findings.csv", "tables/by_relation.csv", "tables/sector_shares.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let second = try run(
            "report", "Datasets/northbridge", "-o", out, "-q", "--relation", "information", "--permutations", "200",
            "--random-sets", "200")
        #expect(second.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/tables/by_relation.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/tables/sector_shares.csv"))
    }

    @Test func dominanceTestsAnySectorBothWays() throws {
        let one = try run("dominance", "Datasets/northbridge", "-q", "--sector", "faith", "--format", "csv")
        #expect(one.status == 0 && one.stdout.contains("focal_share_p_low[betweenness],"))
        let all = try run("dominance", "Datasets/northbridge", "-q", "--all-sectors", "--format", "csv")
        #expect(all.status == 0)
        #expect(all.stdout.hasPrefix("statistic,sector,quantity,organisations,population,share,organisation_share,random_mean,p_low,p_high\n"))
        #expect(all.stdout.contains("\"seat_share[lsp,voluntary-community]\",voluntary-community,"))
        let both = try run("dominance", "Datasets/northbridge", "--all-sectors", "--sector", "faith")
        #expect(both.status == 64)
    }

    @Test func aReportFolderIsNotACollectionAndACloseIdIsSuggested() throws {
        let folder = Paths.temporaryFolder()
        let out = folder + "/report"
        #expect(try run("report", "Datasets/krackhardt_kite", "-o", out, "-q", "--permutations", "100").status == 0)
        let compare = try run("compare", out)
        #expect(compare.status == 1)
        #expect(compare.stderr.contains("a report written by partnernet report, not an area"))
        #expect(!compare.stderr.contains("tables"))
        let focal = try run("dominance", "Datasets/northbridge", "-q", "--focal", "City")
        #expect(focal.status == 1 && focal.stderr == "error: unknown focal organisation \"City\" (did you mean \"city\"?)\n")
    }

    /// `silos --weighted` gives the valued modularity of the sectors: networkx's
    /// `modularity(G, groups, weight="weight")` on the union, from the silos fixture.
    @Test func silosWeighted() throws {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/silos/northbridge.json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let union = (object["cases"] as! [[String: Any]]).first { ($0["relations"] as! [String]).isEmpty }!
        let expected = (union["modularity_groups"] as! [String: Double])["weighted"]!
        let result = try run("silos", "Datasets/northbridge", "-q", "--weighted", "-f", "csv", "--permutations", "10")
        let line = result.stdout.split(separator: "\n").first { $0.hasPrefix("modularity_groups,") }!
        let value = Double(line.split(separator: ",")[1])!
        #expect(abs(value - expected) <= 1e-12 * abs(expected), "ours \(value), networkx \(expected)")
    }
}
