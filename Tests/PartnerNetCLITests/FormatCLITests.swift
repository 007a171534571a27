import Foundation
import TestSupport
import Testing

/// `convert` between every form, every command reading every form, `--from`, nodes files
/// and `--with-metrics`.
@Suite struct FormatCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    @Test(arguments: ["graphml", "gexf", "dl", "net", "csv"])
    func everyCommandReadsEveryForm(ext: String) throws {
        let folder = Paths.temporaryFolder()
        let file = folder + "/knoke." + ext
        let written = try run("convert", "Datasets/knoke_bureaucracies", "-o", file)
        #expect(written.status == 0, "\(written.stderr)")
        let original = try run("network", "Datasets/knoke_bureaucracies", "--relation", "information", "-f", "csv")
        for command in [["network"], ["centrality"]] {
            // Betweenness sums in node order, which an edge list changes: last digits may differ.
            let metrics = command == ["centrality"] ? ["--metrics", ext == "csv" ? "in_degree" : "in_degree,betweenness"] : []
            let a = try PartnerNetCommand.run(command + [file, "--relation", "information", "-f", "csv", "-q"] + metrics)
            let b = try PartnerNetCommand.run(
                command + ["Datasets/knoke_bureaucracies", "--relation", "information", "-f", "csv", "-q"] + metrics)
            #expect(a.status == 0, "\(a.stderr)")
            // An edge list lists organisations as their ties name them: compare the rows as sets.
            #expect(
                a.stdout.split(separator: "\n").sorted() == b.stdout.split(separator: "\n").sorted(),
                "\(command[0]) on .\(ext)")
            if ext != "csv" { #expect(a.stdout == b.stdout) }
        }
        #expect(original.status == 0)
        for command in ["summary", "validate"] {
            let result = try run(command, file)
            #expect(result.status == 0, "\(command) .\(ext): \(result.stderr)")
        }
        let silos = try run("silos", file, "--permutations", "0", "-q")
        #expect(silos.status == 0, "\(silos.stderr)")
    }

    @Test func lossIsOneWarningAndFromOverridesTheExtension() throws {
        let folder = Paths.temporaryFolder()
        let lossy = try run("convert", "Datasets/northbridge", "-o", folder + "/nb.net")
        #expect(lossy.status == 0)
        let lines = lossy.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(folder + "/nb.net: warning: Pajek .net cannot carry organisation names, sectors") == true)
        #expect(lossy.stderr.contains("66 memberships"))
        let lossless = try run("convert", "Datasets/northbridge", "-o", folder + "/nb.graphml")
        #expect(lossless.status == 0 && lossless.stderr.isEmpty, "\(lossless.stderr)")
        // A GraphML file under another name, read with --from; back to a folder unchanged.
        try FileManager.default.moveItem(atPath: folder + "/nb.graphml", toPath: folder + "/nb.xml")
        let back = try run("convert", folder + "/nb.xml", "--from", "graphml", "-o", folder + "/nb")
        #expect(back.status == 0, "\(back.stderr)")
        // The same files as the dataset written by PartnerNet straight to a folder.
        #expect(try run("convert", "Datasets/northbridge", "-o", folder + "/direct").status == 0)
        for file in ["area.json", "organisations.csv", "relationships.csv", "partnerships.csv", "memberships.csv"] {
            #expect(
                try String(contentsOfFile: folder + "/nb/" + file, encoding: .utf8)
                    == String(contentsOfFile: folder + "/direct/" + file, encoding: .utf8), "\(file)")
        }
        let unknown = try run("convert", "Datasets/northbridge", "-o", folder + "/x", "--to", "sif")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown format 'sif'"))
    }

    @Test func edgeListWithNodesFile() throws {
        let folder = Paths.temporaryFolder()
        let out = try run(
            "convert", "Datasets/northbridge", "-o", folder + "/edges.csv", "--write-nodes", folder + "/nodes.csv")
        #expect(out.status == 0)
        #expect(out.stderr.contains("cannot carry 6 partnerships and 66 memberships"))
        #expect(!out.stderr.contains("organisation names"))
        let a = try run("centrality", folder + "/edges.csv", "--nodes-file", folder + "/nodes.csv", "-f", "csv", "--attributes", "sector", "-q")
        let b = try run("centrality", "Datasets/northbridge", "-f", "csv", "--attributes", "sector", "-q")
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        // Without it, the sectors are unknown, and a warning says how to give them.
        let bare = try run("summary", folder + "/edges.csv")
        #expect(bare.stderr.contains("none of the 31 organisations has a sector"))
        #expect(bare.stderr.contains("--nodes-file FILE"))
    }

    @Test func withMetricsAddsTypedNodeColumns() throws {
        let folder = Paths.temporaryFolder()
        let out = try run(
            "convert", "Datasets/padgett_florentine", "-o", folder + "/p.graphml", "--with-metrics", "betweenness,degree",
            "--relation", "marriage")
        #expect(out.status == 0, "\(out.stderr)")
        let text = try String(contentsOfFile: folder + "/p.graphml", encoding: .utf8)
        #expect(text.contains("attr.name=\"betweenness\" attr.type=\"double\""))
        #expect(text.contains("attr.name=\"degree\" attr.type=\"long\""))
        // Medici's betweenness on the marriage network is 47.5 (Padgett & Ansell 1993; networkx).
        let medici = text.components(separatedBy: "<node id=\"Medici\">")[1].components(separatedBy: "</node>")[0]
        #expect(medici.contains(">47.5<"))
        let gexf = try run(
            "convert", "Datasets/northbridge", "-o", folder + "/nb.gexf", "--with-metrics", "pagerank")
        #expect(gexf.status == 0)
        let g = try String(contentsOfFile: folder + "/nb.gexf", encoding: .utf8)
        #expect(g.contains("<viz:color r=\"213\" g=\"94\" b=\"0\"/>"))  // local-authority vermilion #D55E00
        #expect(g.contains("title=\"pagerank\" type=\"double\""))
        let bad = try run("convert", "Datasets/northbridge", "-o", folder + "/x.graphml", "--with-metrics", "fame")
        #expect(bad.status == 64)
    }

    @Test func brokenFormatsGiveOneLineErrors() throws {
        let result = try run("validate", "Tests/Fixtures/broken-formats/vertex_out_of_range.net")
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "Tests/Fixtures/broken-formats/vertex_out_of_range.net:7:2: error: vertex must be a number from 1 to 3, got \"7\"\n")
    }
}
