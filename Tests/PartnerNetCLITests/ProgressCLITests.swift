import Foundation
import TestSupport
import Testing

/// The progress line: each stage named (`PARTNERNET_PROGRESS=lines`), nothing on a pipe,
/// and on a terminal a line that appears after two seconds and is cleared before the
/// command's own messages.
@Suite struct ProgressCLITests {
    @Test func stagesAreNamedWhenAskedFor() throws {
        let out = Paths.temporaryFolder() + "/report"
        let result = try PartnerNetCommand.run(
            ["report", "Datasets/northbridge", "-o", out, "--network-tests", "50", "--permutations", "100",
             "--random-sets", "100"], environment: ["PARTNERNET_PROGRESS": "lines"])
        #expect(result.status == 0, "\(result.stderr)")
        let stages = result.stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }.map {
            String($0.dropFirst("progress: ".count))
        }
        for stage in ["reading northbridge", "reading relationships.csv", "checking the area", "betweenness", "silos",
            "findings", "diagram", "writing the report"]
        {
            #expect(stages.contains(stage), "\(stage) in \(stages)")
        }
        #expect(stages.firstIndex(of: "reading relationships.csv")! < stages.firstIndex(of: "betweenness")!)
    }

    @Test func nothingIsShownOnAPipe() throws {
        let result = try PartnerNetCommand.run(["summary", "Datasets/northbridge"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("partnernet: ") && !result.stderr.contains("progress: "))
    }

    /// Under a pseudo-terminal (`script`), a command running past two seconds shows the line
    /// and clears it (`ESC[K`) before writing on.
    @Test func aTerminalSeesTheLineAfterTwoSeconds() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let out = Paths.temporaryFolder() + "/report"
        let command = [PartnerNetCommand.executable, "report", "Datasets/northbridge", "-o", out, "--network-tests", "3000"]
            .map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\r\u{1B}[Kpartnernet: "), "\(text.prefix(400))")
        #expect(text.contains("\r\u{1B}[Kwrote "), "\(text.suffix(400))")
    }
}

/// A report on more organisations than a page can draw: the page shows the sector diagram
/// (one node per sector), the diagram of every organisation is its own file.
@Suite struct LargeReportCLITests {
    @Test func aLargeAreaGetsTheSectorDiagramAndAFullDiagramFile() throws {
        let folder = Paths.temporaryFolder()
        let area = folder + "/large"
        try FileManager.default.createDirectory(atPath: area, withIntermediateDirectories: true)
        let sectors = ["local-authority", "public", "business", "voluntary-community", "faith"]
        var organisations = "id,name,sector\n"
        for index in 0..<350 { organisations += "o\(index),Organisation \(index),\(sectors[index % 5])\n" }
        var relationships = "source,target\n"
        var state: UInt64 = 7
        var seen = Set<String>()
        while seen.count < 900 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let a = Int((state >> 33) % 350)
            let b = Int((state >> 13) % 350)
            guard a != b, seen.insert("\(min(a, b))-\(max(a, b))").inserted else { continue }
            relationships += "o\(a),o\(b)\n"
        }
        try organisations.write(toFile: area + "/organisations.csv", atomically: true, encoding: .utf8)
        try relationships.write(toFile: area + "/relationships.csv", atomically: true, encoding: .utf8)
        let out = folder + "/report"
        let result = try PartnerNetCommand.run(
            ["report", area, "-o", out, "--permutations", "100", "--random-sets", "100", "--network-tests", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(page.contains("the diagram of every organisation is <a href=\"diagram.svg\">diagram.svg</a>"))
        #expect(page.contains("With 350 organisations (more than 300)"))
        let sectorsSVG = try String(contentsOfFile: out + "/diagram-sectors.svg", encoding: .utf8)
        #expect(sectorsSVG.components(separatedBy: "class=\"node\"").count - 1 == 5)
        #expect(sectorsSVG.contains("70 organisations"))
        let full = try String(contentsOfFile: out + "/diagram.svg", encoding: .utf8)
        #expect(full.components(separatedBy: "class=\"node\"").count - 1 == 350)
        #expect(page.components(separatedBy: "class=\"node\"").count - 1 == 5, "the page draws the sectors only")
    }
}
