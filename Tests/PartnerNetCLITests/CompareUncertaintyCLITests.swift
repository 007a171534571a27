import Foundation
import TestSupport
import Testing

/// `compare --standardize`, `--intervals` and `--regress`: their columns, ranking, output
/// forms, errors and determinism; the regression over the bundled synthetic collection
/// against R (Tests/Fixtures/reference/compare/area_regression.json).
struct CompareUncertaintyCLITests {
    func run(_ arguments: [String]) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    static let two = [
        "Datasets/synthetic/01-ashby-vale", "Datasets/synthetic/12-marrowdale", "Datasets/synthetic/18-saltcote",
    ]
    /// Few draws, so that the debug build runs these in seconds.
    static let light = ["--permutations", "300", "--random-sets", "300", "--null-draws", "100", "--resamples", "100"]

    static func csv(_ text: String) -> (header: [String], rows: [[String]]) {
        // Compare's CSV quotes the columns with commas in their names (z[focal_share[…]] has none).
        let lines = text.split(separator: "\n").map(String.init)
        func fields(_ line: String) -> [String] {
            var out: [String] = []
            var field = ""
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                } else if character == "," && !quoted {
                    out.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            return out + [field]
        }
        return (fields(lines[0]), lines.dropFirst().map(fields))
    }

    @Test func standardizeAndIntervalsAddNamedColumnsRankedAndSeeded() throws {
        let arguments =
            ["compare"] + Self.two + Self.light
            + ["--standardize", "--intervals", "-f", "csv", "--rank-by", "z[focal_share[betweenness]]"]
        let first = try run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let (header, rows) = Self.csv(first.stdout)
        for column in [
            "z[ei_index]", "percentile[ei_index]", "z[degree_centralization]", "lo[density]", "hi[density]",
            "lo[focal_share[betweenness]]", "hi[gini[betweenness]]",
        ] {
            #expect(header.contains(column), "\(column)")
        }
        let z = try #require(header.firstIndex(of: "z[focal_share[betweenness]]"))
        let ranked = rows.map { Double($0[z])! }
        #expect(ranked == ranked.sorted(by: >), "--rank-by sorts highest first")
        let (low, value, high) = (
            header.firstIndex(of: "lo[density]")!, header.firstIndex(of: "density")!,
            header.firstIndex(of: "hi[density]")!
        )
        for row in rows {
            #expect(Double(row[low])! <= Double(row[value])! && Double(row[value])! <= Double(row[high])!)
        }
        let again = try run(arguments)
        #expect(again.stdout == first.stdout, "the same seed gives the same bytes")
        let reseeded = try run(arguments + ["--seed", "2"])
        #expect(reseeded.status == 0 && reseeded.stdout != first.stdout)
    }

    @Test func namingAColumnTurnsItsOptionOn() throws {
        let result = try run(
            ["compare"] + Self.two + Self.light + ["-f", "csv", "--columns", "percentile[ei_index],hi[ei_index]"])
        #expect(result.status == 0, "\(result.stderr)")
        let (header, rows) = Self.csv(result.stdout)
        #expect(header == ["area", "path", "percentile[ei_index]", "hi[ei_index]"])
        #expect(rows.allSatisfy { !$0[2].isEmpty && !$0[3].isEmpty })
        let json = try run(
            ["compare"] + Self.two + Self.light + ["-f", "json", "--sort", "lo[ei_index]", "--ascending"])
        #expect(json.status == 0 && json.stdout.contains("\"lo[ei_index]\""))
    }

    @Test func badOptionsAreOneLineErrors() throws {
        let cases: [([String], String)] = [
            (["--intervals", "--confidence", "1.5"], "--confidence must be between 0 and 1"),
            (["--intervals", "--resamples", "0"], "--resamples must be 1 or more"),
            (["--standardize", "--null-draws", "0"], "--null-draws must be 1 or more"),
            (["--sort", "z[fame]"], "unknown column 'z[fame]' for --sort"),
            (["--areas-table", "Datasets/synthetic-parameters.csv"], "--areas-table is read by --regress"),
            (["--regress", "ei_index = homophily"], "one '~'"),
            (["--regress", "ei_index ~ homophily + "], "an empty term"),
            (["--regress", "ei_index ~ density + density"], "appears twice"),
            (["--regress", "ei_index ~ densty"], "unknown column \"densty\" (did you mean \"density\"?)"),
            (["--regress", "ei_index ~ density", "--summary"], "give one"),
        ]
        for (extra, message) in cases {
            let result = try run(["compare"] + Self.two + ["--permutations", "0", "--random-sets", "0"] + extra)
            #expect(result.status != 0, "\(extra)")
            #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(extra)")
        }
    }

    /// A broken areas table: each mistake named by file, line (and column) and reason.
    @Test func areasTableErrorsNameTheFileAndLine() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(String, String, String)] = [
            (
                "area,deprivation\n01-ashby-vale,1\n12-marrowdale,2\nNowhere,3\n18-saltcote,4\n", "deprivation",
                "unknown.csv:4:1: error: unknown area \"Nowhere\""
            ),
            (
                "area,deprivation\n01-ashby-vale,1\n12-marrowdale,\n18-saltcote,4\n", "deprivation",
                "missing.csv:3:2: error: a missing value in \"deprivation\" for \"12-marrowdale\""
            ),
            (
                "area,deprivation\n01-ashby-vale,1\n12-marrowdale,high\n18-saltcote,4\n", "deprivation",
                "text.csv:3:2: error: \"high\", not a number, in \"deprivation\""
            ),
            (
                "area,deprivation\n01-ashby-vale,1\n12-marrowdale,2\n", "deprivation",
                "short.csv: error: no row for the area \"Saltcote (synthetic)\""
            ),
            (
                "area,deprivation\n01-ashby-vale,1\n01-ashby-vale,2\n", "deprivation",
                "twice.csv:3: error: area \"01-ashby-vale\" is listed twice (first on line 2)"
            ),
            ("area,deprivation\n01-ashby-vale,1,7\n", "deprivation", "wide.csv:2: error: row has 3 fields"),
            (
                "area,organisations\n01-ashby-vale,1\n12-marrowdale,2\n18-saltcote,4\n", "organisations",
                "is both a column of compare and of"
            ),
        ]
        let names = ["unknown", "missing", "text", "short", "twice", "wide", "both"]
        for ((content, column, message), name) in zip(cases, names) {
            let file = "\(folder)/\(name).csv"
            try content.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try run(
                ["compare"] + Self.two
                    + [
                        "--permutations", "0", "--random-sets", "0", "--areas-table", file, "--regress",
                        "ei_index ~ \(column)",
                    ])
            #expect(result.status != 0, "\(name)")
            #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name): one line")
        }
        let absent = try run(
            ["compare"] + Self.two + ["--areas-table", "\(folder)/none.csv", "--regress", "ei_index ~ x"])
        #expect(absent.status != 0 && absent.stderr.contains("none.csv: error: cannot read the areas table"))
    }

    struct Fixture: Decodable {
        struct Case: Decodable {
            struct Coefficient: Decodable {
                let term: String
                let estimate: Double
                let std_error: Double
            }
            let name: String
            let coefficients: [Coefficient]
            let r_squared: Double
        }
        let cases: [Case]
    }

    struct Output: Decodable {
        struct Coefficient: Decodable {
            let term: String
            let estimate: Double
            let std_error: Double?
            let p_abs: Double?
        }
        struct Fit: Decodable { let r_squared: Double }
        let formula: String
        let observations: Int
        let permutations: Int
        let coefficients: [Coefficient]
        let fit: Fit
    }

    /// The regressions of the README over the bundled collection: estimates, HC3 standard
    /// errors and R² equal R's (lm, sandwich) to 1e-9.
    @Test(arguments: [
        "focal_share[betweenness] ~ local_authority_centrality + organisations", "ei_index ~ homophily + density",
    ])
    func regressionOverTheSyntheticCollectionEqualsR(_ formula: String) throws {
        let fixture = try JSONDecoder().decode(
            Fixture.self,
            from: Data(
                contentsOf: URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/compare/area_regression.json"))))
        let reference = try #require(fixture.cases.first { $0.name == "synthetic: \(formula)" })
        let result = try run([
            "compare", "Datasets/synthetic", "--permutations", "0", "--random-sets", "0", "--areas-table",
            "Datasets/synthetic-parameters.csv", "--regress", formula, "--regress-permutations", "199", "-f", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        #expect(output.formula == formula && output.observations == 20 && output.permutations == 199)
        #expect(output.coefficients.map(\.term) == reference.coefficients.map(\.term))
        for (ours, theirs) in zip(output.coefficients, reference.coefficients) {
            #expect(abs(ours.estimate - theirs.estimate) <= 1e-9 * max(1, abs(theirs.estimate)), "\(theirs.term)")
            #expect(abs(ours.std_error! - theirs.std_error) <= 1e-9 * max(1, theirs.std_error), "\(theirs.term)")
        }
        #expect(abs(output.fit.r_squared - reference.r_squared) <= 1e-9)
        #expect(output.coefficients[0].p_abs == nil && output.coefficients[1].p_abs != nil)
    }

    @Test func regressionOutputForms() throws {
        let base =
            ["compare"] + Self.two + Self.light + [
                "--regress", "ei_index ~ z[ei_index]", "--regress-permutations", "99",
            ]
        let table = try run(base)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Regression over 3 areas: ei_index ~ z[ei_index]"))
        #expect(table.stdout.contains("HC3") && table.stdout.contains("Freedman–Lane, 99 permutations"))
        let csv = try run(base + ["-f", "csv"])
        #expect(csv.stdout.hasPrefix("term,estimate,std_error,statistic,p_le,p_ge,p_abs\nintercept,"))
        let markdown = try run(base + ["-f", "markdown"])
        #expect(markdown.stdout.contains("| term |"))
        #expect(try run(base + ["-f", "csv"]).stdout == csv.stdout, "seeded")
    }

    /// The README tour's regression output is what the command prints.
    @Test func readmeRegressionIsWhatTheCommandPrints() throws {
        let readme = try String(contentsOfFile: Paths.repo("README.md"), encoding: .utf8)
        let result = try run([
            "compare", "Datasets/synthetic", "--areas-table", "Datasets/synthetic-parameters.csv", "--regress",
            "focal_share[betweenness] ~ local_authority_centrality + organisations",
        ])
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty && readme.contains(result.stdout), "README lacks:\n\(result.stdout)")
    }

    /// An area that cannot be read is skipped and named, as without --regress; its row in
    /// the areas table is passed over rather than called unknown.
    @Test func aRowOfAnAreaThatCannotBeReadIsPassedOver() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let broken = folder + "/zz-broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        try "id,sector\nA,x\n".write(toFile: broken + "/organisations.csv", atomically: true, encoding: .utf8)
        try "source,target\nA,B\n".write(toFile: broken + "/relationships.csv", atomically: true, encoding: .utf8)
        let table = folder + "/context.csv"
        try "area,deprivation\n01-ashby-vale,1\n12-marrowdale,2.5\n18-saltcote,2\nzz-broken,4\n"
            .write(toFile: table, atomically: true, encoding: .utf8)
        let result = try run(
            ["compare"] + Self.two + [
                broken, "--permutations", "0", "--random-sets", "0", "--areas-table", table,
                "--regress", "ei_index ~ deprivation", "-f", "csv",
            ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("skipped \(broken)"))
        #expect(!result.stderr.contains("unknown area"))
        #expect(result.stdout.hasPrefix("term,estimate,std_error,statistic,p_le,p_ge,p_abs\nintercept,"))
    }
}
