import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile and huge inputs, safe outputs (issue 13): every command fails cleanly on a full
/// disk, `-o` never replaces links, devices or inputs, CSV meant for spreadsheets runs no
/// formula.
@Suite struct SafeOutputCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    /// A copy of a bundled area in a new temporary folder.
    func copy(_ dataset: String) throws -> String {
        let folder = Paths.temporaryFolder() + "/" + dataset
        try FileManager.default.copyItem(atPath: Paths.repo("Datasets/" + dataset), toPath: folder)
        return folder
    }

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    // MARK: 1. Votes past Int.max

    @Test func votesAddingUpPastIntMaxAreAnErrorInEveryCommand() throws {
        let folder = Paths.temporaryFolder()
        try "id,sector\na,x\nb,y\n".write(toFile: folder + "/organisations.csv", atomically: true, encoding: .utf8)
        try "source,target,weight,relation\na,b,1,tie\n".write(
            toFile: folder + "/relationships.csv", atomically: true, encoding: .utf8)
        try "id,name,parent,quota\np,Board,,\n".write(
            toFile: folder + "/partnerships.csv", atomically: true, encoding: .utf8)
        try "partnership,organisation,role,votes\np,a,chair,4611686018427387904\np,b,member,4611686018427387904\n"
            .write(toFile: folder + "/memberships.csv", atomically: true, encoding: .utf8)
        for command in ["validate", "summary", "balance", "architecture"] {
            let result = try run(command, folder)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains(
                    "\(folder)/memberships.csv:3:4: error: the votes on partnership \"p\" add up to more than"),
                "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"), "\(command)")
        }
    }

    // MARK: 3. A full disk

    static let commands: [[String]] = [
        ["summary", "Datasets/krackhardt_kite"],
        ["validate", "Datasets/krackhardt_kite"],
        ["centrality", "Datasets/krackhardt_kite"],
        ["network", "Datasets/krackhardt_kite"],
        ["silos", "Datasets/northbridge"],
        ["dominance", "Datasets/northbridge"],
        ["brokerage", "Datasets/northbridge"],
        ["balance", "Datasets/northbridge"],
        ["architecture", "Datasets/northbridge"],
        ["compare", "Datasets/krackhardt_kite", "Datasets/northbridge", "--permutations", "10"],
        ["render", "Datasets/krackhardt_kite", "-o", "-"],
        ["convert", "Datasets/krackhardt_kite", "-o", "-", "--to", "json"],
    ]

    @Test(arguments: commands)
    func aFullDiskOnStandardOutputIsAnError(arguments: [String]) throws {
        let result = try PartnerNetCommand.run(arguments, stdoutFile: "/dev/full")
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("error: standard output: no space left on device"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    /// Standard error on a full disk: nothing can be said, but the exit status is the
    /// command's own (FileHandle's write trapped).
    @Test func aFullDiskOnStandardErrorKeepsTheExitStatus() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PartnerNetCommand.executable)
        process.arguments = ["validate", "Tests/Fixtures/broken/unknown_organisation"]
        process.currentDirectoryURL = URL(fileURLWithPath: Paths.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
    }

    // MARK: 4. -o keeps links, FIFOs and permissions

    @Test func outputThroughASymbolicLinkKeepsTheLinkAndThePermissions() throws {
        let folder = Paths.temporaryFolder()
        let real = folder + "/real.csv"
        try "old\n".write(toFile: real, atomically: true, encoding: .utf8)
        chmod(real, 0o600)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "real.csv")
        let result = try run("centrality", "Datasets/krackhardt_kite", "-f", "csv", "-o", folder + "/link.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(folder + "/link.csv") == S_IFLNK)
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("id,"))
        var info = stat()
        stat(real, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func outputKeepsPermissionsAndHardLinks() throws {
        let folder = Paths.temporaryFolder()
        let file = folder + "/out.csv"
        try "old\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o640)
        #expect(link(file, folder + "/other.csv") == 0)
        let result = try run("network", "Datasets/krackhardt_kite", "-f", "csv", "-o", file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: folder + "/other.csv", encoding: .utf8).hasPrefix("metric,value"))
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(info.st_nlink == 2)
        // One link only: replaced atomically, the permission bits kept.
        let single = folder + "/single.csv"
        try "old\n".write(toFile: single, atomically: true, encoding: .utf8)
        chmod(single, 0o600)
        #expect(try run("network", "Datasets/krackhardt_kite", "-f", "csv", "-o", single).status == 0)
        stat(single, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: single, encoding: .utf8).hasPrefix("metric,value"))
        // New files and folders get what open(2) and mkdir(2) give (the umask applied).
        let mask = try currentUmask()
        #expect(try run("network", "Datasets/krackhardt_kite", "-f", "csv", "-o", folder + "/new.csv").status == 0)
        stat(folder + "/new.csv", &info)
        #expect(info.st_mode & 0o777 == 0o666 & ~mask)
        #expect(try run("convert", "Datasets/krackhardt_kite", "-o", folder + "/area").status == 0)
        stat(folder + "/area", &info)
        #expect(info.st_mode & 0o777 == 0o777 & ~mask)
        stat(folder + "/area/organisations.csv", &info)
        #expect(info.st_mode & 0o777 == 0o666 & ~mask)
    }

    /// The umask of this process, from /proc (reading it with umask(2) means setting it).
    func currentUmask() throws -> mode_t {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        return try #require(mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
    }

    @Test func outputToAFIFOWritesThroughIt() throws {
        let fifo = Paths.temporaryFolder() + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Held open for reading and writing, so that the command's open does not block.
        let descriptor = open(fifo, O_RDWR | O_NONBLOCK)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let result = try run("network", "Datasets/krackhardt_kite", "-f", "csv", "-o", fifo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(fifo) == S_IFIFO)
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(descriptor, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("metric,value"))
    }

    // MARK: 5. Never over an input

    @Test func anOutputThatIsAnInputFileIsRefused() throws {
        let area = try copy("northbridge")
        let before = try String(contentsOfFile: area + "/organisations.csv", encoding: .utf8)
        let converted = try run("convert", area, "-o", area + "/organisations.csv")
        #expect(converted.status == 1)
        #expect(converted.stderr.contains("error: \(area)/organisations.csv: is a file of the input \(area)"))
        #expect(try String(contentsOfFile: area + "/organisations.csv", encoding: .utf8) == before)

        let json = Paths.temporaryFolder() + "/area.json"
        #expect(try run("convert", "Datasets/krackhardt_kite", "-o", json).status == 0)
        let original = try String(contentsOfFile: json, encoding: .utf8)
        let analysed = try run("centrality", json, "-f", "json", "-o", json)
        #expect(analysed.status == 1)
        #expect(analysed.stderr.contains("error: \(json): is the input \(json); choose another output"))
        #expect(try String(contentsOfFile: json, encoding: .utf8) == original)
        let same = try run("convert", json, "-o", json)
        #expect(same.status == 1)
        #expect(try String(contentsOfFile: json, encoding: .utf8) == original)
    }

    // MARK: 6. convert into a folder

    @Test func convertRefusesAFolderThatIsNotEmptyUnlessForced() throws {
        let target = try copy("northbridge")
        let refused = try run("convert", "Datasets/krackhardt_kite", "-o", target)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("error: \(target): the folder is not empty; give a new or empty folder, or --force")
        )
        #expect(FileManager.default.fileExists(atPath: target + "/memberships.csv"))
        let forced = try run("convert", "Datasets/krackhardt_kite", "-o", target, "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target + "/memberships.csv"))
        #expect(!FileManager.default.fileExists(atPath: target + "/partnerships.csv"))
        #expect(
            FileManager.default.fileExists(atPath: target + "/README.md")
                == FileManager.default.fileExists(atPath: Paths.repo("Datasets/northbridge/README.md")))
        let validated = try run("validate", target)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.contains("10 organisations"))
        // A new folder leaves no staging folder behind.
        let parent = Paths.temporaryFolder()
        #expect(try run("convert", "Datasets/northbridge", "-o", parent + "/new").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["new"])
    }

    /// A write that fails halfway (a file larger than the process may write: EFBIG, as a
    /// full disk gives ENOSPC) leaves neither a partial folder nor a staging folder, and an
    /// existing folder written with --force is left as it was.
    @Test func aWriteFailingHalfwayLeavesNothingBehind() throws {
        let parent = Paths.temporaryFolder()
        let failed = try PartnerNetCommand.run(["convert", "Datasets/northbridge", "-o", parent + "/new"], fileSizeLimit: 2)
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(failed.stderr.contains("error: ") && failed.stderr.contains(parent + "/new/"), "\(failed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == [])
        let target = try copy("krackhardt_kite")
        let before = try FileManager.default.contentsOfDirectory(atPath: target).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: target + "/" + $0))
        }
        let forced = try PartnerNetCommand.run(
            ["convert", "Datasets/northbridge", "-o", target, "--force"], fileSizeLimit: 2)
        #expect(forced.status == 1)
        let after = try FileManager.default.contentsOfDirectory(atPath: target).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: target + "/" + $0))
        }
        #expect(after == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent)
        #expect(!siblings.contains { $0.contains(".partial-") }, "\(siblings)")
        // The limit is what made it fail: without it the same command succeeds.
        #expect(try PartnerNetCommand.run(["convert", "Datasets/northbridge", "-o", parent + "/new"]).status == 0)
    }

    // MARK: 7. CSV for spreadsheets

    @Test func csvCellsThatAreFormulasAreNeutralised() throws {
        let folder = Paths.temporaryFolder()
        try "id,name,sector\n\"=HYPERLINK(\"\"http://x\"\")\",a,x\n\"=cmd|' /C calc'!A0\",b,y\n-5,c,x\n@sum,d,y\n"
            .write(toFile: folder + "/organisations.csv", atomically: true, encoding: .utf8)
        try
            "source,target,weight,relation\n\"=HYPERLINK(\"\"http://x\"\")\",\"=cmd|' /C calc'!A0\",1,tie\n-5,@sum,1,tie\n"
            .write(toFile: folder + "/relationships.csv", atomically: true, encoding: .utf8)
        let safe = try run("centrality", folder, "--metrics", "degree", "-f", "csv")
        #expect(safe.status == 0, "\(safe.stderr)")
        let lines = safe.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\"'=HYPERLINK(\"\"http://x\"\")\",1"))
        #expect(lines.contains("'=cmd|' /C calc'!A0,1"))
        #expect(lines.contains("'@sum,1"))
        #expect(lines.contains("-5,1"))  // a number stays a number
        let raw = try run("centrality", folder, "--metrics", "degree", "-f", "csv", "--raw-csv")
        #expect(raw.stdout.split(separator: "\n").contains("=cmd|' /C calc'!A0,1"))
        // The area folder written by convert keeps the ids exactly.
        let converted = Paths.temporaryFolder() + "/area"
        #expect(try run("convert", folder, "-o", converted).status == 0)
        #expect(
            try String(contentsOfFile: converted + "/organisations.csv", encoding: .utf8).contains(
                "\n=cmd|' /C calc'!A0,"))
    }

    // MARK: 9, 10, 11. -o -, validate -q, render's format

    @Test func dashMeansStandardOutputEverywhere() throws {
        let dash = Paths.repo("-")
        try? FileManager.default.removeItem(atPath: dash)
        for arguments in [
            ["centrality", "Datasets/krackhardt_kite", "-f", "csv", "-o", "-"],
            ["network", "Datasets/krackhardt_kite", "-f", "csv", "-o", "-"],
            ["compare", "Datasets/krackhardt_kite", "-f", "csv", "-o", "-", "--permutations", "10"],
            ["convert", "Datasets/krackhardt_kite", "--to", "json", "-o", "-"],
        ] {
            let result = try PartnerNetCommand.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: dash), "\(arguments) wrote a file named -")
            try? FileManager.default.removeItem(atPath: dash)
        }
    }

    @Test func validateQuietPrintsNoWarnings() throws {
        let result = try run("validate", "-q", "Tests/Fixtures/areas/random_undirected")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("ok  Tests/Fixtures/areas/random_undirected:"))
        let strict = try run("validate", "--quiet", "--strict", "Tests/Fixtures/areas/random_undirected")
        #expect(strict.status == 1 && strict.stderr.isEmpty)
        let broken = try run("validate", "-q", "Tests/Fixtures/broken/unknown_organisation")
        #expect(broken.status == 1 && broken.stderr.contains("error:"))
    }

    @Test func renderTakesTheFormatFromTheExtension() throws {
        let folder = Paths.temporaryFolder()
        let jpeg = try run("render", "Datasets/krackhardt_kite", "-o", folder + "/kite.jpg")
        #expect(jpeg.status == 0, "\(jpeg.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/kite.jpg"))
        #expect(bytes.prefix(3) == Data([0xFF, 0xD8, 0xFF]))
        let unknown = try run("render", "Datasets/krackhardt_kite", "-o", folder + "/kite.bmpx")
        #expect(unknown.status == 1 && unknown.stderr.contains("cannot draw a .bmpx file"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/kite.bmpx"))
        let mismatch = try run("render", "Datasets/krackhardt_kite", "-o", folder + "/kite.png", "--format", "svg")
        #expect(mismatch.status == 1 && mismatch.stderr.contains("the extension says png but --format is svg"))
    }
}
