import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// A large unquoted edge list is read in blocks, one per core, joined in order. The same
/// file with one field quoted goes through the CSV layer in a single pass: the two readings
/// must agree on everything, ties, organisations, origins and every message.
@Suite struct LargeEdgeListTests {
    /// A file of `rows` ties over 5,000 organisations with relations, directions, extra
    /// columns, duplicates, self-loops, bad weights and rows of the wrong length spread
    /// through it (so through every block). `quoteFirst` quotes the first source.
    static func text(rows: Int, conflict: Bool, quoteFirst: Bool) -> String {
        var generator = SplitMix64(seed: 11)
        var lines = ["source,target,weight,relation,directed,note"]
        let relations = ["information", "funding", "joint"]
        for row in 0..<rows {
            let source = Int(generator.next() % 5_000)
            let target = row % 997 == 0 ? source : Int(generator.next() % 5_000)
            let relation = relations[Int(generator.next() % 3)]
            var directed = relation == "funding" ? "true" : "false"
            if conflict && row == rows - 10 { directed = directed == "true" ? "false" : "true" }
            let weight = row % 1_301 == 0 ? "heavy" : String(generator.next() % 9 + 1)
            let note = row % 7 == 0 ? "note \(row)" : ""
            var line = "o\(source),o\(target),\(weight),\(relation),\(directed),\(note)"
            if row % 4_999 == 0 { line += ",extra" }
            if row % 3_000 == 1 { line = "o\(source),o\(target),\(weight),\(relation),\(directed)" }
            lines.append(line)
        }
        // Repeat some early ties near the end: duplicates across blocks.
        lines += lines[1..<200].filter { !$0.contains(",heavy,") }
        if quoteFirst, let comma = lines[1].firstIndex(of: ",") {
            lines[1] = "\"" + lines[1][..<comma] + "\"" + lines[1][comma...]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads `text` as `ties.csv` in `folder`: the two readings of a test use one folder,
    /// so that their messages name the same file.
    static func read(_ text: String, in folder: String) throws -> Result<LoadedArea, AreaIOError> {
        let path = folder + "/ties.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            return .success(try AreaFormat.edgelist.read(at: path))
        } catch {
            return .failure(error)
        }
    }

    @Test(arguments: [false, true])
    func blocksReadAsOnePass(conflict: Bool) throws {
        let plain = Self.text(rows: 60_000, conflict: conflict, quoteFirst: false)
        let quoted = Self.text(rows: 60_000, conflict: conflict, quoteFirst: true)
        #expect(plain.utf8.count > 1 << 20)  // read in blocks
        #expect(!plain.contains("\"") && quoted.hasPrefix("source,target,weight,relation,directed,note\n\"o"))
        let folder = Paths.temporaryFolder()
        let (blocks, onePass) = (try Self.read(plain, in: folder), try Self.read(quoted, in: folder))
        switch (blocks, onePass) {
        case (.failure(let a), .failure(let b)):
            #expect(a.diagnostics.count > 20)
            #expect(a.diagnostics == b.diagnostics)
        default:
            Issue.record("both readings must fail: the file has bad weights and short rows")
        }
    }

    @Test func cleanBlocksGiveTheSameArea() throws {
        // The same generator without the faults: both readings load, and agree.
        let clean = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter {
                !$0.contains(",heavy,") && !$0.hasSuffix(",extra")
                    && $0.split(separator: ",", omittingEmptySubsequences: false).count == 6
            }.joined(separator: "\n") + "\n"
        }
        let plain = clean(Self.text(rows: 60_000, conflict: false, quoteFirst: false))
        let quoted = clean(Self.text(rows: 60_000, conflict: false, quoteFirst: true))
        let folder = Paths.temporaryFolder()
        guard case .success(let a) = try Self.read(plain, in: folder),
            case .success(let b) = try Self.read(quoted, in: folder)
        else {
            Issue.record("the clean file must load")
            return
        }
        #expect(a.area.relationships.count > 60_000)
        #expect(a.area == b.area)
        #expect(a.origins == b.origins)
        #expect(a.warnings == b.warnings)
        #expect(a.warnings.contains { $0.message.hasPrefix("duplicate tie") })
        #expect(a.area.organisations.map(\.id) == Array(a.area.relationships.endpointIDs))
    }

    /// A block is read in parts, each given back once read: parts of a few kilobytes give
    /// the area, origins and messages (at the same lines) of parts as large as the file.
    @Test(arguments: [false, true])
    func partsOfAnySizeReadAlike(conflict: Bool) throws {
        let path = Paths.temporaryFolder() + "/ties.csv"
        try Data(Self.text(rows: 60_000, conflict: conflict, quoteFirst: false).utf8).write(
            to: URL(fileURLWithPath: path))
        func parse(_ partSize: Int) throws -> AreaAssembly {
            try EdgeListFormat.parse(
                try FileText(path: path), file: path, options: FormatReadOptions(), partSize: partSize
            ).assembly
        }
        let (whole, small) = (try parse(1 << 30), try parse(4_096))
        #expect(whole.diagnostics.count > 20)
        #expect(small.diagnostics == whole.diagnostics)
        #expect(small.area == whole.area)
        #expect(small.origins == whole.origins)
    }

    /// A file large enough to be mapped reads as its bytes (without a byte-order mark), and
    /// again after its pages are given back; a bad byte deep in it is located.
    @Test func aMappedFileReadsAsItsBytes() throws {
        let folder = Paths.temporaryFolder()
        let lines = (0..<120_000).map { "o\($0),o\($0 + 1),\($0 % 9 + 1)\n" }.joined()
        #expect(lines.utf8.count > 1 << 20)
        let path = folder + "/marked.csv"
        try Data([0xEF, 0xBB, 0xBF] + Array(lines.utf8)).write(to: URL(fileURLWithPath: path))
        let text = try FileText(path: path)
        #expect(Array(text.bytes) == Array(lines.utf8))
        text.release()
        text.release(1_000..<900_000)
        #expect(Array(text.bytes) == Array(lines.utf8))

        var bad = Array(lines.utf8)
        let offset = bad.count - 10
        bad[offset] = 0xFF
        let badPath = folder + "/bad.csv"
        try Data(bad).write(to: URL(fileURLWithPath: badPath))
        let before = bad[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = offset - (before.lastIndex(of: 0x0A) ?? -1)
        #expect(throws: AreaIOError.self) { _ = try FileText(path: badPath) }
        do {
            _ = try FileText(path: badPath)
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: badPath, line: line, column: column))
            #expect(error.diagnostics.first?.message.hasPrefix("not valid UTF-8 (byte 0xFF)") == true)
        }
    }

    /// Lines may end in a line feed, a carriage return and line feed, or a carriage return
    /// alone: each file, small or large enough to be mapped, reads as the same area with
    /// its messages on the same lines (a block holds at most a tie a line, whatever ends it).
    @Test(arguments: [300, 60_000])
    func everyLineEndingReadsAlike(rows: Int) throws {
        let folder = Paths.temporaryFolder()
        let lines = Self.text(rows: rows, conflict: false, quoteFirst: false).split(
            separator: "\n", omittingEmptySubsequences: false)
        var loaded: [Result<LoadedArea, AreaIOError>] = []
        for (index, end) in ["\n", "\r\n", "\r"].enumerated() {
            let path = folder + "/ties.csv"
            let text = lines.dropLast().joined(separator: end) + end
            if rows > 300 && index == 0 { #expect(text.utf8.count > 1 << 20) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            do { loaded.append(.success(try AreaFormat.edgelist.read(at: path))) } catch {
                loaded.append(.failure(error))
            }
        }
        guard case .failure(let lineFeeds) = loaded[0] else {
            Issue.record("the file has bad weights and short rows: it must fail")
            return
        }
        #expect(lineFeeds.diagnostics.count > (rows > 300 ? 20 : 0))
        for other in loaded.dropFirst() {
            guard case .failure(let error) = other else {
                Issue.record("every line ending must read alike")
                continue
            }
            #expect(error.diagnostics == lineFeeds.diagnostics)
        }
    }
}
