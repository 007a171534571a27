import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `partnernet` executable end to end: output, exit status and one-line errors.
@Suite struct CLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    @Test func validateSaysOkForEveryBundledDataset() throws {
        let result = try run("validate", "Datasets")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("of \(Paths.datasets.count) areas are clean"))
        #expect(
            result.stdout.split(separator: "\n").filter { $0.hasPrefix("ok  ") }.count
                == Paths.datasets.count)
    }

    @Test(arguments: Paths.folders(in: "Tests/Fixtures/broken"))
    func validateFailsOnBrokenInputWithOneLinePerProblem(name: String) throws {
        let folder = "Tests/Fixtures/broken/\(name)"
        let result = try run("validate", folder)
        #expect(result.status == 1)
        let expected = try String(contentsOfFile: Paths.repo(folder + "/expected.txt"), encoding: .utf8)
            .split(separator: "\n").map { line in
                line.hasPrefix(".:") ? folder + line.dropFirst() : folder + "/" + line
            }
        #expect(result.stderr.split(separator: "\n").map(String.init) == expected)
        #expect(!result.stderr.contains("Fatal error"))
        #expect(result.stdout.hasPrefix("FAIL  \(folder)"))
    }

    @Test func strictValidationFailsOnWarnings() throws {
        let lenient = try run("validate", "Tests/Fixtures/areas/random_undirected")
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: duplicate tie"))
        let strict = try run("validate", "--strict", "Tests/Fixtures/areas/random_undirected")
        #expect(strict.status == 1)
    }

    @Test func centralityWritesOneRowPerOrganisationWithIdFirst() throws {
        let result = try run(
            "centrality", "Datasets/knoke_bureaucracies", "--relation", "information", "--metrics", "in_degree,degree",
            "--format", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "id,in_degree,degree")
        #expect(lines.count == 11)
        #expect(lines.contains("NEWS,9,12"))
    }

    @Test func centralityJSONKeepsColumnOrderAndWritesToAFile() throws {
        let file = Paths.temporaryFolder() + "/out.json"
        let result = try run("centrality", "Datasets/krackhardt_kite", "--metrics", "degree", "-f", "json", "-o", file)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let rows =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [[String: Any]]
        #expect(rows.count == 10)
        #expect(rows[3]["id"] as? String == "3" && rows[3]["degree"] as? Int == 6)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("[\n  {\"id\": \"0\", \"degree\": 4}"))
    }

    @Test func networkPrintsMetricValueRows() throws {
        let result = try run("network", "Datasets/padgett_florentine", "--relation", "marriage", "--format", "csv")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "metric,value")
        #expect(lines.contains("nodes,16"))
        #expect(lines.contains("edges,20"))
        #expect(lines.contains("components,2"))
        #expect(lines.contains("largest_component_share,0.9375"))
    }

    @Test func summaryDescribesTheIllustrativeArea() throws {
        let result = try run("summary", "Datasets/northbridge")
        #expect(result.status == 0, "\(result.stderr)")
        for heading in ["Organisations:", "Relations:", "Partnerships:", "Network (all relations", "local-authority"] {
            #expect(result.stdout.contains(heading))
        }
    }

    @Test func requestsThatCannotBeMetExitWithOneLine() throws {
        let relation = try run("network", "Datasets/knoke_bureaucracies", "--relation", "gossip")
        #expect(relation.status == 1)
        #expect(
            relation.stderr
                == "error: unknown relation \"gossip\": the area has \"information\", \"money\"\n")
        let metric = try run("centrality", "Datasets/knoke_bureaucracies", "--metrics", "fame")
        #expect(metric.status == 64)
        #expect(metric.stderr.contains("unknown metric 'fame'"))
        let missing = try run("summary", "Datasets/nowhere")
        #expect(missing.status == 1)
        #expect(missing.stderr == "Datasets/nowhere: error: no such file or folder\n")
        let collection = try run("summary", "Datasets")
        #expect(collection.status == 1)
        #expect(collection.stderr.contains("a collection of"))
    }

    @Test func convertWritesJSONAndBackWithoutLoss() throws {
        let folder = Paths.temporaryFolder()
        let json = try run("convert", "Datasets/northbridge", "-o", folder + "/northbridge.json")
        #expect(json.status == 0, "\(json.stderr)")
        let back = try run("convert", folder + "/northbridge.json", "-o", folder + "/northbridge")
        #expect(back.status == 0, "\(back.stderr)")
        let original = try run("centrality", "Datasets/northbridge", "--attributes", "name,staff,website", "-f", "csv")
        let copy = try run("centrality", folder + "/northbridge", "--attributes", "name,staff,website", "-f", "csv")
        #expect(original.stdout == copy.stdout)
        #expect(original.stdout.contains("Northbridge Citizens Advice, Debt & Money"))
        let failed = try run("convert", "Tests/Fixtures/broken/bad_weight", "-o", folder + "/x.json")
        #expect(failed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.json"))
    }

    @Test func renderWritesEachFormatFromTheExtension() throws {
        let folder = Paths.temporaryFolder()
        let signatures: [(String, [UInt8])] = [
            ("a.svg", Array("<?xml".utf8)), ("a.png", [0x89, 0x50, 0x4E, 0x47]), ("a.pdf", Array("%PDF-".utf8)),
            ("a.dot", Array("digraph".utf8)),
        ]
        for (file, signature) in signatures {
            let result = try run("render", "Datasets/northbridge", "-o", folder + "/" + file, "--cluster-by", "partnership")
            #expect(result.status == 0, "\(file): \(result.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            #expect(Array(data.prefix(signature.count)) == signature, "\(file)")
        }
        let stdout = try run("render", "Datasets/padgett_florentine", "--relation", "marriage", "--focal", "Medici", "-o", "-", "-f", "dot")
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("graph "))
        #expect(stdout.stdout.contains("peripheries"))
    }

    @Test func renderRefusesWhatItCannotDo() throws {
        let metric = try run("render", "Datasets/northbridge", "-o", "/tmp/x.svg", "--size-by", "fame")
        #expect(metric.status == 64)
        #expect(metric.stderr.contains("unknown metric 'fame'"))
        let focal = try run("render", "Datasets/northbridge", "-o", "/tmp/x.svg", "--focal", "nobody")
        #expect(focal.status == 1)
        #expect(focal.stderr == "error: unknown organisation \"nobody\"\n")
        let noBeta = try run("render", "Datasets/northbridge", "-o", "/tmp/x.svg", "--size-by", "bonacich_power")
        #expect(noBeta.status == 64 && noBeta.stderr.contains("needs --beta"))
        let badBeta = try run(
            "render", "Datasets/northbridge", "-o", "-", "-f", "dot", "--size-by", "bonacich_power", "--beta", "0.9")
        #expect(badBeta.status == 1 && badBeta.stderr.contains("beta must lie strictly between"))
        let sized = try run(
            "render", "Datasets/northbridge", "-o", "-", "-f", "dot", "--size-by", "bonacich_power", "--beta=-0.1")
        #expect(sized.status == 0 && sized.stdout.contains("bonacich_power: ") && !sized.stdout.contains("nan"))
    }

    @Test func dotFilesAreAreasToo() throws {
        let folder = Paths.temporaryFolder()
        let out = try run("convert", "Datasets/knoke_bureaucracies", "-o", folder + "/knoke.dot")
        #expect(out.status == 0, "\(out.stderr)")
        let back = try run("network", folder + "/knoke.dot", "--relation", "information", "-f", "csv")
        let original = try run("network", "Datasets/knoke_bureaucracies", "--relation", "information", "-f", "csv")
        #expect(back.status == 0)
        #expect(back.stdout == original.stdout)
        let lossy = try run("convert", "Datasets/northbridge", "-o", folder + "/nb.dot")
        #expect(lossy.status == 0)
        #expect(lossy.stderr.contains("warning: DOT holds no partnerships or memberships"))
        let syntax = try run("validate", "Tests/Fixtures/broken-dot/syntax.dot")
        #expect(syntax.status == 1)
        #expect(syntax.stderr == "Tests/Fixtures/broken-dot/syntax.dot:2: error: not valid DOT: syntax error in line 2 near ';'\n")
        let weight = try run("summary", "Tests/Fixtures/broken-dot/bad_weight.dot")
        #expect(weight.status == 1)
        #expect(weight.stderr.contains("edge 1 (council – charity).weight: error: weight must be a positive finite number"))
    }

    @Test func centralityComputesPathMeasuresUnweightedAndWeighted() throws {
        let result = try run(
            "centrality", "Datasets/knoke_bureaucracies", "--relation", "information", "--metrics",
            "betweenness,closeness", "--sort", "betweenness", "--top", "1", "-f", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "id,betweenness,closeness\nMAYR,17.83333333333333,0.9\n")
        let weighted = try run(
            "centrality", "Datasets/zachary_karate", "--metrics", "betweenness", "--weighted", "-f", "csv")
        let unweighted = try run("centrality", "Datasets/zachary_karate", "--metrics", "betweenness", "-f", "csv")
        #expect(weighted.status == 0 && unweighted.status == 0)
        #expect(weighted.stdout != unweighted.stdout)
    }

    @Test func betaMayBeNegativeInEitherSpelling() throws {
        let spaced = try run(
            "centrality", "Datasets/padgett_florentine", "--relation", "marriage", "--metrics", "bonacich_power",
            "--beta", "-0.2", "-f", "csv")
        let joined = try run(
            "centrality", "Datasets/padgett_florentine", "--relation", "marriage", "--metrics", "bonacich_power",
            "--beta=-0.2", "-f", "csv")
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout == joined.stdout)
        #expect(spaced.stdout.hasPrefix("id,bonacich_power\n"))
        // Without --metrics, --beta adds bonacich_power to the listing.
        let all = try run("centrality", "Datasets/padgett_florentine", "--beta", "0.1", "-f", "csv")
        #expect(all.stdout.split(separator: "\n").first?.contains("bonacich_power") == true)
    }

    @Test func measuresThatCannotBeComputedSaySoInOneLine() throws {
        let missing = try run("centrality", "Datasets/knoke_bureaucracies", "--metrics", "bonacich_power")
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("bonacich_power needs beta"))
        let katz = try run("centrality", "Datasets/knoke_bureaucracies", "--metrics", "katz", "--alpha", "0.5")
        #expect(katz.status == 1)
        #expect(
            katz.stderr
                == "error: katz: alpha must be above 0 and below 1/λmax = 0.157958 for the walks to converge; got 0.5\n"
        )
        let beta = try run("centrality", "Datasets/knoke_bureaucracies", "--metrics", "bonacich_power", "--beta=-0.2")
        #expect(beta.status == 1)
        #expect(beta.stderr.hasPrefix("error: bonacich_power: beta must lie strictly between -0.157958 and 0.157958"))
        #expect(beta.stderr.split(separator: "\n").count == 1)
        let slow = try run(
            "centrality", "Datasets/knoke_bureaucracies", "--metrics", "pagerank", "--max-iterations", "2")
        #expect(slow.status == 1)
        #expect(slow.stderr.hasPrefix("error: pagerank: did not converge within 2 iterations"))
        let acyclic = try run("centrality", "Tests/Fixtures/centrality_areas/random_dag", "--metrics", "eigenvector")
        #expect(acyclic.status == 1)
        #expect(acyclic.stderr.hasPrefix("error: eigenvector: eigenvector centrality is undefined"))
        #expect(!acyclic.stderr.contains("Fatal error"))
    }

    @Test func theDefaultListingLeavesUndefinedMeasuresEmpty() throws {
        let result = try run("centrality", "Tests/Fixtures/centrality_areas/random_dag", "-f", "csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("warning: eigenvector left empty: eigenvector centrality is undefined"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.first == "id" && !header.contains("bonacich_power") && header.contains("katz"))
        let column = header.firstIndex(of: "eigenvector")!
        #expect(lines[1].split(separator: ",", omittingEmptySubsequences: false)[column].isEmpty)
        #expect(lines.count == 32)
    }

    @Test func networkReportsPathsAndCentralisation() throws {
        let result = try run("network", "Datasets/knoke_bureaucracies", "--relation", "information", "-f", "csv")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("diameter,3"))
        #expect(lines.contains { $0.hasPrefix("average_path_length,1.5333333") })
        #expect(lines.contains { $0.hasPrefix("degree_centralization,0.430555") })
        #expect(lines.contains { $0.hasPrefix("betweenness_centralization,0.20113") })
        let weighted = try run("network", "Datasets/zachary_karate", "--weighted", "-f", "csv")
        #expect(weighted.status == 0)
        #expect(weighted.stdout.contains("diameter,1.8166666666666"))
    }

    @Test func silosReportsTheEIIndexWithReproducibleTests() throws {
        let csv = try run("silos", "Datasets/knoke_bureaucracies", "--relation", "information", "-f", "csv", "--seed", "3")
        #expect(csv.status == 0, "\(csv.stderr)")
        // metric,value rows; a metric holding a comma (density[A,B]) is quoted.
        let rows = Dictionary(
            uniqueKeysWithValues: csv.stdout.split(separator: "\n").dropFirst().map { line -> (String, String) in
                let split = line.hasPrefix("\"") ? line.range(of: "\",")!.upperBound : line.firstIndex(of: ",")!
                let name = line[..<split].trimmingCharacters(in: CharacterSet(charactersIn: "\","))
                return (name, String(line[line.index(after: line.hasPrefix("\"") ? line.index(before: split) : split)...]))
            })
        #expect(rows["ei_external"] == "37" && rows["ei_internal"] == "12")
        #expect(rows["ei_index"]?.hasPrefix("0.5102040816") == true)
        #expect(rows["density[GOV,PVT]"] == "0.75")
        // networkx 3.6 nx.community.modularity of the sector partition (reference/silos fixture).
        #expect(abs(Double(rows["modularity_groups"] ?? "")! - -0.10204081632653064) < 1e-12)
        // Leiden reaches igraph's best modularity on the skeleton (0.05419921875, reference/silos).
        #expect(Double(rows["modularity"] ?? "")! >= 0.05419921875 - 1e-12)
        #expect(rows["nmi_groups"] != nil && rows["ari_groups"] != nil && rows["communities"] != nil)
        let again = try run("silos", "Datasets/knoke_bureaucracies", "--relation", "information", "-f", "csv", "--seed", "3")
        #expect(again.stdout == csv.stdout)
        let table = try run("silos", "Datasets/northbridge")
        #expect(table.status == 0)
        #expect(table.stdout.contains("voluntary-community: E-I"))
        let json = try run("silos", "Datasets/zachary_karate", "-f", "json", "--permutations", "0")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((object["groups"] as! [Any]).count == 2)
        let communities = object["communities"] as! [String: Any]
        #expect((communities["membership"] as! [String: Any]).count == 34)
        #expect(communities["method"] as? String == "leiden")
        let nodes = try run("silos", "Datasets/northbridge", "--nodes", "-f", "csv", "--permutations", "0")
        #expect(nodes.stdout.hasPrefix("id,sector,ei_index,ei_external,ei_internal,is_cutpoint,component,community\n"))
        #expect(nodes.stdout.split(separator: "\n").count == 32)
        let plain = try run("silos", "Datasets/northbridge", "--nodes", "-f", "csv", "--communities", "none")
        #expect(plain.stdout.hasPrefix("id,sector,ei_index,ei_external,ei_internal,is_cutpoint,component\n"))
        let louvain = try run("silos", "Datasets/northbridge", "--communities", "louvain", "--permutations", "0")
        #expect(louvain.stdout.contains("Communities (louvain, seed 1)"))
        let bad = try run("silos", "Datasets/northbridge", "--communities", "walktrap")
        #expect(bad.status == 64 && bad.stderr.contains("--communities must be leiden, louvain or none"))
    }

    /// `--runs` sets the runs of the community detection: on Zachary's club the default is
    /// 300 runs (the same seeds, so the same result as `--runs 300`), and one run reaches
    /// no higher a modularity than the best of 300.
    @Test func silosRunsSetTheCommunityRuns() throws {
        func modularity(_ extra: String...) throws -> Double {
            let json = try PartnerNetCommand.run(
                ["silos", "Datasets/zachary_karate", "-f", "json", "--permutations", "0"] + extra)
            #expect(json.status == 0, "\(json.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let communities = try #require(object["communities"] as? [String: Any])
            return try #require(communities["modularity"] as? Double)
        }
        let byDefault = try modularity()
        #expect(try modularity("--runs", "300") == byDefault)
        #expect(try modularity("--runs", "1") <= byDefault)
        let bad = try run("silos", "Datasets/zachary_karate", "--runs", "0")
        #expect(bad.status == 64 && bad.stderr.contains("--runs must be 1 or more"))
    }

    @Test func architectureReportsDuplicationNestingAndChairs() throws {
        let table = try run("architecture", "Tests/Fixtures/twomode_areas/random_affiliation")
        #expect(table.status == 0, "\(table.stderr)")
        // The skills group copies the economic board's members, but sits under it: nesting,
        // not duplication. The faith and interfaith groups have the same three
        // (Scripts/reference/two_mode.py); two more pairs share half.
        #expect(table.stdout.contains("Likely duplication: 3 pairs of partnerships"))
        #expect(table.stdout.contains("Nested: Skills group sits under Economic board (overlap: 5 shared members, Jaccard 1.00)"))
        #expect(!table.stdout.contains("Economic board and Skills group:"))
        #expect(table.stdout.contains("Faith forum and Interfaith group: 3 shared members, Jaccard 1.00\n"))
        #expect(table.stdout.contains("3 stand outside it: Faith forum, Interfaith group, Arts network."))
        let csv = try run("architecture", "Tests/Fixtures/twomode_areas/random_affiliation", "-f", "csv")
        let lines = Set(csv.stdout.split(separator: "\n").map(String.init))
        #expect(lines.isSuperset(of: ["partnerships,10", "nesting_depth,2", "orphan_partnerships,3", "duplicate_pairs,3", "unchaired_partnerships,2"]))
        let strict = try run("architecture", "Tests/Fixtures/twomode_areas/random_affiliation", "-f", "csv", "--threshold", "0.99")
        #expect(strict.stdout.contains("duplicate_pairs,1\n"))  // faith–interfaith; economy–skills is nested
        let organisations = try run("architecture", "Datasets/davis_southern_women", "--organisations", "-f", "csv")
        #expect(organisations.stdout.hasPrefix("id,sector,seats,bipartite_degree,bipartite_betweenness,bipartite_closeness,chairs\n"))
        #expect(organisations.stdout.split(separator: "\n").count == 19)
        let json = try run("architecture", "Datasets/northbridge", "-f", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((object["partnerships"] as! [Any]).count == 6)
        #expect(((object["network"] as! [String: Any])["chairs[local-authority]"] as? Int) == 2)
        let both = try run("architecture", "Datasets/northbridge", "--organisations", "--overlaps")
        #expect(both.status == 64)
    }

    @Test func generateThenCompareWithABadAreaAmongThem() throws {
        let folder = Paths.temporaryFolder() + "/areas"
        let made = try run("generate", "--areas", "12", "--seed", "5", "-o", folder)
        #expect(made.status == 0, "\(made.stderr)")
        let again = try run("generate", "--areas", "12", "--seed", "5", "-o", folder)
        #expect(again.status == 1 && again.stderr.contains("is not empty"))
        let second = Paths.temporaryFolder() + "/areas"
        _ = try run("generate", "--areas", "12", "--seed", "5", "-o", second)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count == 13 && names.contains("GENERATED.md"))
        for name in names where name != "GENERATED.md" {
            let a = try String(contentsOfFile: folder + "/" + name + "/relationships.csv", encoding: .utf8)
            let b = try String(contentsOfFile: second + "/" + name + "/relationships.csv", encoding: .utf8)
            #expect(a == b, "same seed, same area: \(name)")
        }
        // One corrupt area in the collection: named, skipped, exit status 1.
        let broken = folder + "/zz-broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        try "id,sector\nA,x\n".write(toFile: broken + "/organisations.csv", atomically: true, encoding: .utf8)
        try "source,target\nA,B\n".write(toFile: broken + "/relationships.csv", atomically: true, encoding: .utf8)
        let chart = Paths.temporaryFolder() + "/chart.svg"
        let compared = try run("compare", folder, "-f", "csv", "--sort", "ei_index", "--ascending", "--chart", chart)
        #expect(compared.status == 1)
        #expect(compared.stderr.contains("skipped \(broken): \(broken)/relationships.csv:2:2: error: unknown organisation \"B\" in target"))
        #expect(compared.stderr.contains("1 of 13 areas could not be compared"))
        let lines = compared.stdout.split(separator: "\n")
        #expect(lines.count == 13 && lines[0].hasPrefix("area,path,organisations,ties,density"))
        let eiColumn = lines[0].split(separator: ",").firstIndex(of: "ei_index")!
        let values = lines.dropFirst().map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[eiColumn])! }
        #expect(values == values.sorted())
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 12)
        let summary = try run("compare", folder + "/01-ashby-vale", folder + "/02-brookmere", "--summary", "-f", "markdown")
        #expect(summary.status == 0 && summary.stdout.hasPrefix("| measure | areas | mean | sd | min | median | max |"))
        let unknown = try run("compare", folder, "--sort", "fame")
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown column 'fame'"))
    }

    /// Datasets/synthetic is what its documented command makes, file for file.
    @Test func theSyntheticSampleIsWhatItsCommandMakes() throws {
        let folder = Paths.temporaryFolder() + "/synthetic"
        let made = try run("generate", "--areas", "20", "--seed", "2026", "-o", folder)
        #expect(made.status == 0, "\(made.stderr)")
        let manager = FileManager.default
        let committed = Paths.repo("Datasets/synthetic")
        let names = try manager.contentsOfDirectory(atPath: committed).sorted()
        #expect(names == (try manager.contentsOfDirectory(atPath: folder).sorted()))
        for name in names where name != "GENERATED.md" {
            for file in try manager.contentsOfDirectory(atPath: committed + "/" + name) {
                let a = try String(contentsOfFile: committed + "/" + name + "/" + file, encoding: .utf8)
                let b = try String(contentsOfFile: folder + "/" + name + "/" + file, encoding: .utf8)
                #expect(a == b, "\(name)/\(file)")
            }
        }
    }

    @Test func reportOnAnAreaAndOnACollection() throws {
        let folder = Paths.temporaryFolder()
        let single = try run("report", "Datasets/knoke_bureaucracies", "-o", folder + "/knoke", "--permutations", "100")
        #expect(single.status == 0, "\(single.stderr)")
        for file in ["index.html", "report.md", "diagram.svg", "tables/centrality.csv", "tables/mixing.json"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/knoke/" + file), "\(file)")
        }
        let collection = folder + "/areas"
        for name in ["krackhardt_kite", "northbridge"] {
            try FileManager.default.copyItem(atPath: Paths.repo("Datasets/" + name), toPath: collection + "/" + name)
        }
        try FileManager.default.copyItem(
            atPath: Paths.repo("Tests/Fixtures/broken/unknown_organisation"), toPath: collection + "/broken")
        let many = try run("report", collection, "-o", folder + "/many", "--permutations", "100")
        #expect(many.status == 1)
        #expect(many.stderr.contains("skipped \(collection)/broken:"))
        let index = try String(contentsOfFile: folder + "/many/index.html", encoding: .utf8)
        #expect(try XMLDocument(data: Data(index.utf8)).rootElement()?.name == "html")
        for name in ["krackhardt-kite", "northbridge"] {
            #expect(index.contains("href=\"areas/\(name)/index.html\""))
            #expect(FileManager.default.fileExists(atPath: folder + "/many/areas/\(name)/index.html"))
        }
        #expect(index.contains("Areas not compared"))
    }
}

/// `centrality --approximate EPSILON[,DELTA]`: estimates within the stated bound of the
/// exact scores, the bound stated beside the table (standard error beside CSV), seeded.
@Suite struct ApproximateBetweennessCLITests {
    func scores(_ csv: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",")
            out[String(cells[0])] = Double(cells[1])!
        }
        return out
    }

    @Test func estimatesAreWithinTheStatedBound() throws {
        let exact = try PartnerNetCommand.run(
            ["centrality", "Datasets/zachary_karate", "--metrics", "betweenness", "-f", "csv"])
        let estimate = try PartnerNetCommand.run(
            ["centrality", "Datasets/zachary_karate", "--metrics", "betweenness", "-f", "csv", "--approximate",
             "0.05,0.05", "--seed", "4"])
        #expect(estimate.status == 0, "\(estimate.stderr)")
        // ε · n(n − 1)/2 for 34 organisations, undirected: 0.05 · 561 = 28.05.
        #expect(estimate.stderr.contains("with probability at least 0.95 every score is within 28.05 of the exact value"))
        let (truth, sampled) = (scores(exact.stdout), scores(estimate.stdout))
        #expect(truth.count == 34 && sampled.count == 34)
        for (id, value) in truth { #expect(abs(sampled[id]! - value) <= 28.05, "\(id)") }
        let again = try PartnerNetCommand.run(
            ["centrality", "Datasets/zachary_karate", "--metrics", "betweenness", "-f", "csv", "--approximate",
             "0.05,0.05", "--seed", "4"])
        #expect(again.stdout == estimate.stdout)
        let table = try PartnerNetCommand.run(
            ["centrality", "Datasets/zachary_karate", "--metrics", "betweenness", "--approximate", "0.1"])
        #expect(table.stdout.contains("\nNote: betweenness estimated from 266 sampled shortest paths"))
    }

    @Test func badEpsilonIsAUsageError() throws {
        for value in ["0", "1.5", "0.1,0", "x", "0.1,0.2,0.3"] {
            let result = try PartnerNetCommand.run(
                ["centrality", "Datasets/zachary_karate", "--approximate", value])
            #expect(result.status == 64, "\(value)")
            #expect(result.stderr.contains("--approximate expects EPSILON or EPSILON,DELTA"), "\(value)")
        }
    }
}
