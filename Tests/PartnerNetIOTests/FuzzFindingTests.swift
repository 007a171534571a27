import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Inputs with which the fuzz targets (`Fuzz/`, `Docs/FUZZING.md`) crashed a reader, kept as
/// they were found in `Tests/Fixtures/fuzz/<target>/`. Each is now read or refused as
/// `FILE.expected` says: every diagnostic, one a line, or `read:` and what was read. Before
/// the fix, reading one crashed and took the test process down with it.
@Suite struct FuzzFindingTests {
    static let folder = Paths.repo("Tests/Fixtures/fuzz")
    /// `target/file` for every finding of the readers in this module (a `dot/` one would
    /// belong in PartnerNetInputTests, beside `DOTArea`).
    static let findings: [String] = Paths.folders(in: "Tests/Fixtures/fuzz").filter { $0 != "dot" }.flatMap {
        target in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? [])
            .filter { !$0.hasSuffix(".expected") }.sorted().map { target + "/" + $0 }
    }

    @Test func theFindingsAreAllHere() {
        #expect(Self.findings.count >= 4)
        for finding in Self.findings {
            #expect(FileManager.default.fileExists(atPath: Self.folder + "/" + finding + ".expected"), "\(finding)")
        }
    }

    @Test(arguments: findings)
    func findingIsReadOrRefusedAsExpected(finding: String) throws {
        let path = Self.folder + "/" + finding
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let target = String(finding.prefix { $0 != "/" })
        let lines: [String]
        switch target {
        case "folder":
            // The fuzz target's input is the area's files split at 0xFF bytes.
            let area = try Self.areaFolder(from: try #require(FileManager.default.contents(atPath: path)))
            lines = Self.outcome { () throws(AreaIOError) in try AreaFolder.read(at: area) }
                .map { $0.replacingOccurrences(of: area + "/", with: "") }
        case "json":
            lines = Self.outcome { () throws(AreaIOError) in try AreaJSON.read(at: path) }
        default:
            let format = try #require(AreaFormat(name: target))
            lines = Self.outcome { () throws(AreaIOError) in try format.read(at: path) }
        }
        #expect(lines.map { $0.replacingOccurrences(of: Self.folder + "/", with: "") } == expected)
    }

    /// A file whose header gives too few row labels and then says they are embedded: the
    /// embedded labels replace them, as they replace a full set (the index past the
    /// header's labels trapped).
    @Test func embeddedRowLabelsReplaceTooFewHeaderLabels() throws {
        let folder = Paths.temporaryFolder()
        let path = folder + "/few.dl"
        try "DL N=3\nROW LABELS:\na b\nROW LABELS EMBEDDED\nDATA:\np 0 1 0\nq 1 0 0\nr 0 0 0\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let area = try AreaFormat.dl.read(at: path).area
        #expect(area.organisations.map(\.id) == ["p", "q", "r"])
        #expect(area.relationships.map { "\($0.source)-\($0.target)" } == ["p-q"])
    }

    /// In a two-mode list, a row is named by a row label and a column by a column label: a
    /// column's label where a row belongs is refused (its index, a column's, ran past the
    /// rows and trapped), and labels on their own side still read.
    @Test func twoModeListLabelsAreLookedUpOnTheirOwnSide() throws {
        let folder = Paths.temporaryFolder()
        func read(_ data: String) throws(AreaIOError) -> Area {
            let path = folder + "/twomode.dl"
            try! "DL N=3 NC=2\nFORMAT=EDGELIST2\nROW LABELS:\na b c\nCOL LABELS:\np q\nDATA:\n\(data)"
                .write(toFile: path, atomically: true, encoding: .utf8)
            return try AreaFormat.dl.read(at: path).area
        }
        let area = try read("a p\nb q\nc q\n")
        #expect(area.memberships.map { "\($0.organisation)-\($0.partnership)" } == ["a-p", "b-q", "c-q"])
        #expect(throws: AreaIOError.self) { try read("a p\nq c\n") }
        do {
            _ = try read("a p\nq c\n")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    folder + "/twomode.dl:9:1: error: expected a row number from 1 to 3, got \"q\" "
                        + "(labels in the data need LABELS EMBEDDED)"
                ])
        }
    }

    /// A processing instruction without data (`<?target?>`) crashed FoundationXML's parser
    /// (strlen of a null pointer): it is refused where it is, in GraphML and GEXF, in UTF-8
    /// and UTF-16, also where libxml2 reaches it by recovering from a broken XML declaration,
    /// and inside a comment (searched too, to be safe); one with data is read past as before.
    @Test(arguments: ["graphml", "gexf"])
    func processingInstructionsWithoutDataAreRefused(ext: String) throws {
        let folder = Paths.temporaryFolder()
        let head =
            ext == "graphml"
            ? "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"undirected\">"
            : "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
        let tail = ext == "graphml" ? "</graph></graphml>" : "</nodes></graph></gexf>"
        func read(_ middle: String, encoding: String.Encoding = .utf8) -> [String] {
            let path = folder + "/pi." + ext
            try! "<?xml version=\"1.0\"?>\n\(head)\n  <node id=\"a\"/>\(middle)\(tail)\n"
                .write(toFile: path, atomically: true, encoding: encoding)
            return Self.outcome { () throws(AreaIOError) in try AreaFormat(path: path)!.read(at: path) }
                .map { $0.replacingOccurrences(of: folder + "/", with: "") }
        }
        let refusal =
            "pi.\(ext):3:17: error: the processing instruction \"<?stylesheet?>\" has no data, which Foundation's "
            + "XML parser cannot read: remove it (PartnerNet ignores processing instructions)"
        #expect(read("<?stylesheet?>") == [refusal])
        #expect(read("<?stylesheet?>", encoding: .utf16) == [refusal])
        #expect(read("<!-- <?stylesheet?> -->") == [refusal.replacingOccurrences(of: ":3:17:", with: ":3:22:")])
        for harmless in ["<!-- <?stylesheet -->", "<?stylesheet href=\"a.css\"?>", "<?stylesheet ?>"] {
            #expect(read(harmless).first?.hasPrefix("read: 1 organisations (a)") == true, "\(harmless)")
        }
    }

    /// What reading gave: every diagnostic, or `read:` with the area's counts and ids, then
    /// the warnings.
    static func outcome(_ read: () throws(AreaIOError) -> LoadedArea) -> [String] {
        do {
            let loaded = try read()
            let area = loaded.area
            return [
                "read: \(area.organisations.count) organisations (\(area.organisations.map(\.id).joined(separator: " "))), "
                    + "\(area.relationships.count) relationships, \(area.partnerships.count) partnerships, "
                    + "\(area.memberships.count) memberships"
            ] + loaded.warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// An area folder made as the folder fuzz target makes it: the input's parts, split at
    /// 0xFF bytes, are organisations.csv, relationships.csv, partnerships.csv,
    /// memberships.csv and area.json; an empty or missing part leaves its file out.
    static func areaFolder(from input: Data) throws -> String {
        let folder = Paths.temporaryFolder() + "/area"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = ["organisations.csv", "relationships.csv", "partnerships.csv", "memberships.csv", "area.json"]
        let parts = input.split(separator: 0xFF, maxSplits: names.count - 1, omittingEmptySubsequences: false)
        for (part, name) in zip(parts, names) where !part.isEmpty {
            try Data(part).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }
}
