import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `partnernet report --waves`: the report of the last wave with a "Change" section whose
/// table is `change --format csv` itself, waves as folders or as one area with dated rows,
/// and one-line errors for waves given wrongly.
@Suite struct ReportWavesCLITests {
    static let northbridge = ["Datasets/northbridge", "Datasets/northbridge_2026"]
    static let quick = ["--permutations", "20", "--random-sets", "20", "--network-tests", "0"]

    @Test func changeTableIsChangesCSV() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try PartnerNetCommand.run(
            ["report", "--waves"] + Self.northbridge + ["-o", folder, "--change-permutations", "50", "--seed", "4"]
                + Self.quick)
        #expect(report.status == 0, "\(report.stderr)")
        let change = try PartnerNetCommand.run(
            ["change"] + Self.northbridge + ["--format", "csv", "--permutations", "50", "--seed", "4"])
        #expect(change.status == 0, "\(change.stderr)")
        let written = try String(contentsOfFile: folder + "/tables/change.csv", encoding: .utf8)
        #expect(written == change.stdout)
        #expect(written.contains("ties_lost[information],19\n"))
        for file in ["index.html", "report.md", "change-diagram.svg", "change-chart.svg", "tables/change_members.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file)")
        }
        let html = try String(contentsOfFile: folder + "/index.html", encoding: .utf8)
        // The report is of the last wave.
        #expect(html.contains("<h1>Northbridge 2026 (illustrative, invented follow-up)</h1>"))
        #expect(html.contains("<section id=\"change\">"))
        #expect(html.contains("partnernet change Datasets/northbridge Datasets/northbridge_2026 --permutations 50 --seed 4"))
        let members = try String(contentsOfFile: folder + "/tables/change_members.csv", encoding: .utf8)
        #expect(members.hasPrefix("pair,change,id,name,detail\n"))
        #expect(members.contains("northbridge..northbridge_2026,joined,hospice,"))
    }

    /// The diagram and chart files are well-formed XML on their own (a browser opening
    /// them parses them as XML, unlike the page, which inlines them): with enough draws a
    /// step's label reads "p < 0.001", whose `<` must be escaped.
    @Test func svgFilesAreWellFormedXML() throws {
        let folder = Paths.temporaryFolder()
        let report = try PartnerNetCommand.run(
            ["report", "--waves"] + Self.northbridge + ["-o", folder, "--change-permutations", "2000", "--seed", "4"]
                + Self.quick)
        #expect(report.status == 0, "\(report.stderr)")
        let chart = try String(contentsOfFile: folder + "/change-chart.svg", encoding: .utf8)
        #expect(chart.contains("p &lt; 0.001"))
        for file in ["change-diagram.svg", "change-chart.svg"] {
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file)))
            #expect(parser.parse(), "\(file): \(String(describing: parser.parserError))")
        }
    }

    /// One area with dated rows cut at two dates gives the folders' change table.
    @Test func datedRowsGiveTheFoldersTable() throws {
        let (a, b) = (Paths.temporaryFolder(), Paths.temporaryFolder())
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        let folders = try PartnerNetCommand.run(
            ["report", "--waves"] + Self.northbridge + ["-o", a, "--change-permutations", "30"] + Self.quick)
        let dated = try PartnerNetCommand.run(
            ["report", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2024,2026", "-o", b,
             "--change-permutations", "30"] + Self.quick)
        #expect(folders.status == 0 && dated.status == 0, "\(folders.stderr)\(dated.stderr)")
        let first = try String(contentsOfFile: a + "/tables/change.csv", encoding: .utf8)
        let second = try String(contentsOfFile: b + "/tables/change.csv", encoding: .utf8)
        #expect(first == second)
        // The headline tables of the last wave agree too: the dated area cut at 2026 is the 2026 folder.
        let networkA = try String(contentsOfFile: a + "/tables/network.csv", encoding: .utf8)
        let networkB = try String(contentsOfFile: b + "/tables/network.csv", encoding: .utf8)
        #expect(networkA == networkB)
    }

    @Test(arguments: [
        (["report", "--waves", "Datasets/northbridge", "-o", "/tmp/x"], "at least two waves"),
        (["report", "Datasets/northbridge", "--waves", "Datasets/northbridge_2026", "x", "-o", "/tmp/x"], "after an AREA"),
        (["report", "Tests/Fixtures/waves/northbridge_dated", "--waves", "2026,2024", "-o", "/tmp/x"], "increasing order"),
        (["report", "Datasets/krackhardt_kite", "--waves", "2024,2026", "-o", "/tmp/x"], "no row has a since or until date"),
        (["report", "--waves", "Datasets/northbridge", "Datasets/no_such_wave", "-o", "/tmp/x"], "no_such_wave"),
        (["report", "-o", "/tmp/x"], "give an area"),
    ])
    func errorsAreOneLine(arguments: [String], message: String) throws {
        let result = try PartnerNetCommand.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }
}
