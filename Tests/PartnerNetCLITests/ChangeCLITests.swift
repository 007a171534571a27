import Foundation
import TestSupport
import Testing

/// `partnernet change`: its output forms, the row names with more than two waves and over
/// the organisations in both, `--waves` on dated rows, `--at`, and one-line errors.
@Suite struct ChangeCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    static let northbridge = ["Datasets/northbridge", "Datasets/northbridge_2026"]

    /// `metric,value` rows in order (a metric with a comma is quoted).
    func rows(_ csv: String) -> [(String, Double?)] {
        csv.split(separator: "\n").dropFirst().map { line in
            var name = String(line)
            var rest = ""
            if line.hasPrefix("\""), let close = line.dropFirst().firstIndex(of: "\"") {
                name = String(line[line.index(after: line.startIndex)..<close])
                rest = String(line[line.index(after: close)...].dropFirst())
            } else if let comma = line.lastIndex(of: ",") {
                name = String(line[..<comma])
                rest = String(line[line.index(after: comma)...])
            }
            return (name, Double(rest))
        }
    }

    func values(_ csv: String) -> [String: Double?] {
        Dictionary(rows(csv), uniquingKeysWith: { a, _ in a })
    }

    /// The issue's row names, their arithmetic (hamming = lost + gained, jaccard = kept ÷
    /// (kept + lost + gained)), and the reference script's counts for information.
    @Test func csvRowsAreNamedAsTheIssueSays() throws {
        let result = try run("change", Self.northbridge[0], Self.northbridge[1], "-f", "csv", "--permutations", "20")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("metric,value\n"))
        let v = values(result.stdout)
        for relation in ["information", "funding", "joint-commissioning", "co-membership"] {
            let kept = try #require(v["ties_kept[\(relation)]"] ?? nil)
            let lost = try #require(v["ties_lost[\(relation)]"] ?? nil)
            let gained = try #require(v["ties_gained[\(relation)]"] ?? nil)
            #expect(v["hamming[\(relation)]"] == lost + gained)
            let jaccard = try #require(v["jaccard[\(relation)]"] ?? nil)
            #expect(abs(jaccard - kept / (kept + lost + gained)) < 1e-15)
            #expect(v["qap_r[\(relation)]"] != nil && v["qap_p[\(relation)]"] != nil)
        }
        // Scripts/reference/change_measures.py: 64 kept, 19 lost, 24 gained, 949 absent.
        #expect(v["ties_kept[information]"] == 64 && v["ties_lost[information]"] == 19)
        #expect(v["ties_gained[information]"] == 24 && v["ties_absent[information]"] == 949)
        #expect(v["organisations_entered"] == 2 && v["organisations_left"] == 2)
        #expect(v["organisations_compared"] == 33 && v["chairs_changed"] == 2 && v["partnerships_entered"] == 1)
        let before = try #require(v["focal_share[betweenness].before"] ?? nil)
        let after = try #require(v["focal_share[betweenness].after"] ?? nil)
        #expect(v["focal_share[betweenness].change"] == after - before)
        let p = try #require(v["focal_share[betweenness].p"] ?? nil)
        #expect(p > 0 && p <= 1)
        // Seats are not tested.
        #expect(v["chair_share.change"] != nil && v["chair_share.p"] == nil)
    }

    @Test func moreThanTwoWavesLabelEachPair() throws {
        let waves = (1...3).map { "Tests/Fixtures/waves/random_a/w\($0)" }
        let result = try run("change", waves[0], waves[1], waves[2], "-f", "csv", "--permutations", "0")
        #expect(result.status == 0, "\(result.stderr)")
        let names = rows(result.stdout).map(\.0)
        let prefixes = Set(names.map { String($0.prefix { $0 != ":" }) })
        #expect(prefixes == ["w1..w2", "w2..w3", "w1..w3"])
        #expect(names.contains("w1..w3:ties_kept[advice]"))
        #expect(names.firstIndex(of: "w2..w3:ties_kept[advice]")! < names.firstIndex(of: "w1..w3:ties_kept[advice]")!)
        // Without draws there are no test p-values.
        #expect(!names.contains { $0.hasSuffix(".p") })
    }

    @Test func organisationsInBothAreLabelled() throws {
        let result = try run(
            "change", Self.northbridge[0], Self.northbridge[1], "--organisations", "both", "-f", "csv",
            "--permutations",
            "0")
        #expect(result.status == 0, "\(result.stderr)")
        let v = values(result.stdout)
        #expect(rows(result.stdout).allSatisfy { $0.0.hasPrefix("both:") })
        #expect(v["both:organisations_compared"] == 29)
        // Kept ties are among organisations in both waves either way.
        #expect(v["both:ties_kept[information]"] == 64)
        let table = try run(
            "change", Self.northbridge[0], Self.northbridge[1], "--organisations", "both", "--permutations", "0")
        #expect(table.stdout.contains("Compared: organisations present in both waves, 29"))
    }

    @Test func tableAndJSON() throws {
        let table = try run("change", Self.northbridge[0], Self.northbridge[1], "--permutations", "20")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("northbridge → northbridge_2026"))
        #expect(table.stdout.contains("Reading:"))
        #expect(table.stdout.contains("The chair of the Northbridge Health and Wellbeing Board passed from"))
        #expect(table.stdout.contains("The local-authority sector's share of betweenness fell from 46% to"))
        let json = try run("change", Self.northbridge[0], Self.northbridge[1], "-f", "json", "--permutations", "20")
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["waves"] as? [String] == ["northbridge", "northbridge_2026"])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        let left = try #require(pairs[0]["organisations_left"] as? [[String: Any]])
        #expect(left.map { $0["id"] as? String } == ["kestrel", "cafe"])
        let ties = try #require(pairs[0]["ties"] as? [[String: Any]])
        #expect(ties.first?["relation"] as? String == "information")
        #expect((pairs[0]["reading"] as? [String])?.isEmpty == false)
    }

    /// Waves cut from dated rows give the folders' rows, the labels aside.
    @Test func datedRowsGiveTheFoldersResults() throws {
        let folders = try run("change", Self.northbridge[0], Self.northbridge[1], "-f", "csv", "--permutations", "30")
        let dated = try run(
            "change", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2024,2026", "-f", "csv", "--permutations",
            "30")
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(folders.stdout == dated.stdout)
        let table = try run(
            "change", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2024,2026", "--permutations", "0")
        #expect(table.stdout.contains("2024 → 2026"))
    }

    /// `--at` cuts an area for any command: Northbridge's dated form at 2026 is the 2026 folder.
    @Test func atCutsForOtherCommands() throws {
        let cut = try run("network", "Tests/Fixtures/waves/northbridge_dated", "--at", "2026", "-f", "csv")
        let folder = try run("network", "Datasets/northbridge_2026", "-f", "csv")
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stdout == folder.stdout)
        let bad = try run("network", "Tests/Fixtures/waves/northbridge_dated", "--at", "2026-02-30")
        #expect(bad.status != 0)
        #expect(bad.stderr == "error: --at: '2026-02-30' is not a date written YYYY, YYYY-MM or YYYY-MM-DD\n")
    }

    /// A since or until that is not a date is an error at its file and line.
    @Test func invalidDateNamesFileAndLine() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "id,sector,since\na,x,2020\nb,x,2020-02-30\nc,y,\n".write(
            toFile: folder + "/organisations.csv", atomically: true, encoding: .utf8)
        try "source,target,until\na,b,2021\nb,c,next year\n".write(
            toFile: folder + "/relationships.csv", atomically: true, encoding: .utf8)
        let result = try run("change", folder, "--waves", "2020,2022")
        #expect(result.status == 1)
        #expect(
            result.stderr.components(separatedBy: "\n").filter { !$0.isEmpty } == [
                "\(folder)/organisations.csv:3: error: since '2020-02-30' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
                "\(folder)/relationships.csv:3: error: until 'next year' is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
            ])
        let validate = try run("validate", folder)
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("relationships.csv:3: error: until 'next year' is not a date"))
        #expect(validate.stdout.hasPrefix("FAIL  \(folder): 2 errors"))
        let clean = try run("validate", "Tests/Fixtures/waves/northbridge_dated", "Tests/Fixtures/waves/random_a_dated")
        #expect(clean.status == 0, "\(clean.stderr)")
        let at = try run("network", folder, "--at", "2021")
        #expect(at.status == 1)
        #expect(at.stderr.contains("organisations.csv:3: error: since '2020-02-30'"))
    }

    @Test(arguments: [
        (["change", "Datasets/northbridge"], "give at least two waves"),
        (["change", "Datasets/northbridge", "Datasets/northbridge_2026", "--waves", "2024,2026"], "exactly one area"),
        (["change", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2024"], "at least two dates"),
        (["change", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2026,2024"], "increasing order"),
        (["change", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2024,26"], "'26' is not a date"),
        (["change", "Datasets/krackhardt_kite", "--waves", "2024,2026"], "no row has a since or until date"),
        (["change", "Datasets/northbridge", "Datasets/northbridge_2026", "--organisations", "some"], "all or both"),
        (["change", "Datasets/northbridge", "Datasets/northbridge_2026", "--sector", "nope"], "wave northbridge"),
        (["change", "Datasets/northbridge", "Datasets/no_such_wave"], "no_such_wave"),
    ])
    func errorsAreOneLine(arguments: [String], message: String) throws {
        let result = try PartnerNetCommand.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(result.stdout.isEmpty)
    }

    /// The README tour's output is what the commands print (the default 1,000 draws, seed 1).
    @Test func readmeShowsRealOutput() throws {
        let readme = try String(contentsOfFile: Paths.repo("README.md"), encoding: .utf8)
        let table = try run("change", Self.northbridge[0], Self.northbridge[1])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("Headline measures") })
        let shown = lines[..<(header + 4)].joined(separator: "\n")
        #expect(readme.contains(shown), "README lacks:\n\(shown)")
        for metric in ["ties ", "betweenness_centralization ", "focal_share[betweenness] ", "chair_share "] {
            let line = try #require(lines.first { $0.hasPrefix(metric) })
            #expect(readme.contains(line + "\n"), "README lacks: \(line)")
        }
        let csv = try run(
            "change", Self.northbridge[0], Self.northbridge[1], "--organisations", "both", "--format", "csv")
        let selected = csv.stdout.components(separatedBy: "\n").filter {
            $0.contains("information]") || $0.contains("focal_share[betweenness]")
        }
        #expect(selected.count == 12)
        #expect(readme.contains(selected.joined(separator: "\n")), "README lacks the CSV rows")
    }
}
