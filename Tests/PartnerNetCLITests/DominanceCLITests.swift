import Foundation
import TestSupport
import Testing

/// `partnernet dominance` end to end: the readings and the numbers behind them, the focal
/// set chosen by sector or by name, reproducible p-values, and one-line errors.
@Suite struct DominanceCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    /// `metric,value` rows as a dictionary.
    func metrics(_ csv: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            // Names may hold commas inside brackets only as quoted fields; these do not.
            let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return values
    }

    func fixtureValue(_ dataset: String, relations: [String], focal: String, key: String) throws -> Any? {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/dominance/\(dataset).json"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let reference = (object["cases"] as! [[String: Any]]).first { $0["relations"] as! [String] == relations }!
        let set = (reference["focal_sets"] as! [[String: Any]]).first { $0["sector"] as? String == focal }!
        return (set["unweighted"] as! [String: Any])[key]
    }

    @Test func northbridgeReadingsRestOnTheReportedNumbers() throws {
        let table = try run("dominance", "Datasets/northbridge", "-q")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Dominance of local-authority: Northbridge"))
        #expect(table.stdout.contains("local-authority is 4 of 31 organisations (13%)."))
        #expect(table.stdout.contains("local-authority holds 46% of betweenness with 13% of the organisations"))
        #expect(table.stdout.contains("It chairs 2 of the 6 partnerships with a chair recorded [chair_share 0.33]."))
        #expect(table.stdout.contains("distance fragmentation 0.56 → 0.71"))
        #expect(table.stdout.contains("Core/periphery fit"))

        let csv = try run("dominance", "Datasets/northbridge", "-q", "-f", "csv", "--seed", "9")
        #expect(csv.status == 0)
        let values = metrics(csv.stdout)
        let betweenness = try #require(Double(values["focal_share[betweenness]"] ?? ""))
        let expected = try #require(
            try fixtureValue("northbridge", relations: [], focal: "local-authority", key: "shares") as? [String: Any])
        let reference = (expected["betweenness"] as! [String: Any])["share"] as! Double
        #expect(abs(betweenness - reference) < 1e-12)
        let group = try #require(Double(values["group_betweenness"] ?? ""))
        let referenceGroup = try fixtureValue(
            "northbridge", relations: [], focal: "local-authority", key: "group_betweenness")
        #expect(abs(group - (referenceGroup as! Double)) < 1e-12)
        #expect(values["chair_share"].flatMap(Double.init) == 1.0 / 3)
        #expect(values["focal_size"] == "4" && values["random_sets"] == "10000" && values["seed"] == "9")
        for name in [
            "focal_top_rank[degree]", "focal_dominance_ratio[pagerank]", "fragmentation_without_focal",
            "distance_fragmentation", "core_periphery_fit", "coreness_fit", "core_count[local-authority]",
        ] {
            #expect(values[name] != nil, "no \(name)")
        }
        // The same seed gives the same p-values; another seed, others.
        let again = try run("dominance", "Datasets/northbridge", "-q", "-f", "csv", "--seed", "9")
        #expect(again.stdout == csv.stdout)
        let other = try run("dominance", "Datasets/northbridge", "-q", "-f", "csv", "--seed", "10")
        let pValues = { (values: [String: String]) in values.filter { $0.key.hasPrefix("focal_share_p_value") } }
        #expect(pValues(metrics(other.stdout)) != pValues(values))
        // No test: no p-values.
        let untested = metrics(try run("dominance", "Datasets/northbridge", "-q", "-f", "csv", "--samples", "0").stdout)
        #expect(untested["focal_share_p_value[degree]"] == nil && untested["focal_share[degree]"] != nil)
    }

    @Test func knokeTakesItsFocalSectorFromAreaJSON() throws {
        let result = try run("dominance", "Datasets/knoke_bureaucracies", "--relation", "information")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Dominance of GOV: Knoke bureaucracies (information, directed)"))
        #expect(result.stdout.contains("GOV is 4 of 10 organisations (40%)."))
        let json = try run("dominance", "Datasets/knoke_bureaucracies", "-f", "json", "--beta", "0.05")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let focal = object["focal"] as! [String: Any]
        #expect(focal["ids"] as! [String] == ["COUN", "EDUC", "MAYR", "WELF"])
        #expect((object["shares"] as! [String: Any])["bonacich_power"] != nil)
        #expect(!(object["readings"] as! [String]).isEmpty)
        #expect((object["core_periphery"] as! [String: Any])["fit"] is Double)
    }

    @Test func namedOrganisationsAndOneRowPerOrganisation() throws {
        let result = try run("dominance", "Datasets/padgett_florentine", "--relation", "marriage", "--focal", "Medici")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Without it the partnership splits from 2 parts into 4 parts"))
        let nodes = try run("dominance", "Datasets/northbridge", "-q", "--focal", "city, ncc", "--nodes", "-f", "csv")
        let lines = nodes.stdout.split(separator: "\n")
        #expect(lines.count == 32)
        #expect(lines[0] == "id,name,sector,focal,degree,strength,betweenness,eigenvector,pagerank,coreness,in_core")
        #expect(lines[1].hasPrefix("city,Northbridge City Council,local-authority,yes,"))
        #expect(lines[3].hasPrefix("eastmere,Eastmere District Council,local-authority,no,"))
    }

    @Test func clearErrors() throws {
        let missing = try run("dominance", "Datasets/zachary_karate")
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "error: no organisation has the focal sector \"local-authority\"; the sectors are \"Mr. Hi\", \"Officer\" (choose one with --sector, or name organisations with --focal)\n"
        )
        let unknown = try run("dominance", "Datasets/northbridge", "-q", "--focal", "city,nowhere")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: unknown focal organisation \"nowhere\"\n")
        let sector = try run("dominance", "Datasets/northbridge", "-q", "--focal-sector", "councils")
        #expect(
            sector.status == 1 && sector.stderr.hasPrefix("error: no organisation has the focal sector \"councils\""))
        let both = try run("dominance", "Datasets/northbridge", "--focal", "city", "--focal-sector", "public")
        #expect(both.status == 64)
        let beta = try run("dominance", "Datasets/northbridge", "-q", "--beta", "5")
        #expect(beta.status == 1 && beta.stderr.hasPrefix("error: beta must lie strictly between"))
        #expect(try run("dominance", "Datasets/northbridge", "--samples", "-1").status == 64)
        #expect(!missing.stderr.contains("Fatal error"))
    }
}
