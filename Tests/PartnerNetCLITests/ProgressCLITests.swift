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
