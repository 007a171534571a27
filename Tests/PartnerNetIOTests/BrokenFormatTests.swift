import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Each file of `Tests/Fixtures/broken-formats` is malformed one way; `FILE.expected`
/// holds every line the reader must report.
@Suite struct BrokenFormatTests {
    static let folder = Paths.repo("Tests/Fixtures/broken-formats")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { !$0.hasSuffix(".expected") && $0 != "README.md" }.sorted()

    @Test func everyFormatHasBrokenFiles() {
        for ext in ["graphml", "gexf", "dl", "net", "csv", "txt", "edgelist"] {
            #expect(Self.files.filter { $0.hasSuffix("." + ext) }.count >= 1, "no broken .\(ext)")
        }
        #expect(Self.files.count >= 25)
    }

    @Test(arguments: files)
    func reportsWhereAndWhy(file: String) throws {
        let path = Self.folder + "/" + file
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let format = try #require(AreaFormat(path: path))
        do {
            _ = try format.read(at: path)
            Issue.record("\(file) was read; expected errors")
        } catch {
            let lines = error.diagnostics.map { $0.description.replacingOccurrences(of: Self.folder + "/", with: "") }
            #expect(lines == expected)
            #expect(error.diagnostics.hasErrors)
        }
    }
}

/// Cut and corrupted files of every format are read or refused with located one-line
/// errors; nothing crashes.
@Suite struct FormatRobustnessTests {
    static let formats: [(AreaFormat, String)] = [
        (.graphml, "graphml"), (.gexf, "gexf"), (.dl, "dl"), (.pajek, "net"), (.edgelist, "csv"), (.edgelist, "txt"),
    ]

    @Test(arguments: formats.map(\.1))
    func damagedFilesNeverCrash(ext: String) throws {
        let format = AreaFormat(path: "x." + ext)!
        let area = try AreaFolder.read(at: Paths.repo("Datasets/northbridge")).area
        let (text, _) = format.encode(area)
        var bytes = Array(text.utf8)
        if ext == "txt" { bytes = Array(text.replacingOccurrences(of: ",", with: " ").utf8) }
        let folder = Paths.temporaryFolder()
        var random = SplitMix64(seed: 8)
        let pattern = #/^[^\n]*\.[a-z]+(:\d+(:\d+)?)?( [^\n]*)?: (error|warning): [^\n]+$/#
        for trial in 0..<120 {
            var damaged = bytes
            if trial < 60 {
                damaged = Array(bytes.prefix(bytes.count * trial / 60))
            } else {
                for _ in 0..<3 {
                    let at = Int(random.next() % UInt64(damaged.count))
                    let choices: [UInt8] = [0x22, 0x3C, 0x3E, 0x26, 0x0A, 0x2C, 0x20, 0x2A, 0x39, 0x2D, 0xFF, 0x00, 0x21]
                    damaged[at] = choices[Int(random.next() % UInt64(choices.count))]
                }
            }
            let path = folder + "/damaged\(trial)." + ext
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            do {
                _ = try format.read(at: path)
            } catch {
                #expect(error.diagnostics.hasErrors)
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.description.wholeMatch(of: pattern) != nil, "\(diagnostic.description)")
                }
            }
        }
    }
}
