import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

@Suite struct AreaFolderTests {
    /// Writes `files` into a new folder and reads it as an area.
    func read(_ files: [String: [UInt8]]) throws -> LoadedArea {
        let folder = Paths.temporaryFolder()
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return try AreaFolder.read(at: folder)
    }

    func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    @Test func readsBOMCRLFAnyHeaderCaseAndOrderAndQuotedFields() throws {
        let organisations =
            [0xEF, 0xBB, 0xBF]
            + text(
                "Sector,NAME,Id,Staff\r\npublic,\"Police, Fire & Rescue\",P,10\r\nbusiness,\"The \"\"Big\"\" Firm\",B,\r\n"
                    + "faith,\"Two\r\nlines\",F,3\r\n\r\n")
        let relationships = text("TARGET,source,Weight,since\r\nB,P,2.5,2001\r\nF,B,,\r\n")
        let loaded = try read(["organisations.csv": organisations, "relationships.csv": relationships])
        let area = loaded.area
        #expect(area.organisations.map(\.id) == ["P", "B", "F"])
        #expect(area.organisations[0].name == "Police, Fire & Rescue")
        #expect(area.organisations[1].name == "The \"Big\" Firm")
        #expect(area.organisations[2].name == "Two\r\nlines")
        #expect(area.organisations[0].sector == "public")
        #expect(area.organisations[0].attributes == ["Staff": "10"])
        #expect(area.organisations[1].attributes == [:])
        #expect(area.extraColumns.organisations == ["Staff"])
        #expect(
            area.relationships[0] == Relationship(source: "P", target: "B", weight: 2.5, attributes: ["since": "2001"]))
        #expect(area.relationships[1] == Relationship(source: "B", target: "F", weight: 1, relation: "tie"))
        #expect(loaded.warnings.isEmpty)
    }

    @Test func linesAfterAFieldWithLineBreaksAreCountedInTheFile() throws {
        let organisations = text("id,name,sector\nA,\"one\ntwo\nthree\",public\nA,dup,public\n")
        #expect {
            try read(["organisations.csv": organisations, "relationships.csv": text("source,target\n")])
        } throws: { error in
            // The duplicate sits on line 5 of the file, not on the third record's line 3.
            (error as? AreaIOError)?.diagnostics.map(\.location.line) == [5]
        }
    }

    @Test func warnsAboutSelfLoopsAndDuplicatesAndKeepsTheRows() throws {
        let loaded = try read([
            "area.json": text(#"{"directed": true, "relations": {"joint": {"directed": false}}}"#),
            "organisations.csv": text("id,sector\nA,x\nB,y\n"),
            "relationships.csv": text(
                "source,target,relation\nA,A,info\nA,B,info\nA,B,info\nB,A,info\nA,B,joint\nB,A,joint\n"),
        ])
        #expect(loaded.area.relationships.count == 6)
        #expect(loaded.warnings.map(\.location.line) == [2, 4, 7])
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func membershipDefaultsFollowTheRole() throws {
        let loaded = try read([
            "organisations.csv": text("id,sector\nA,x\nB,y\nC,z\n"),
            "relationships.csv": text("source,target\n"),
            "partnerships.csv": text("id,name,parent,quota\nboard,Board,,\nsub,Sub,board,2\n"),
            "memberships.csv": text(
                "partnership,organisation,role,votes\nboard,A,Chair,\nboard,B,,\nboard,C,observer,\nsub,A,vice chair,3\n"
            ),
        ])
        let seats = loaded.area.memberships
        #expect(seats.map(\.role) == [.chair, .member, .observer, .viceChair])
        #expect(seats.map(\.votes) == [1, 1, 0, 3])
        #expect(loaded.area.partnerships[0].effectiveQuota(totalVotes: 2) == 2)
        #expect(loaded.area.partnerships[1].quota == 2)
    }

    @Test func aCollectionIsNamedAsSuchWhenOneAreaIsExpected() throws {
        let collection = Paths.temporaryFolder()
        for name in ["b", "a"] {
            try FileManager.default.createDirectory(atPath: collection + "/" + name, withIntermediateDirectories: true)
            try "id,sector\nX,y\n".write(
                toFile: collection + "/\(name)/organisations.csv", atomically: true, encoding: .utf8)
            try "source,target\n".write(
                toFile: collection + "/\(name)/relationships.csv", atomically: true, encoding: .utf8)
        }
        #expect(AreaSource.expand(collection) == [collection + "/a", collection + "/b"])
        #expect(throws: AreaIOError.self) { try AreaSource.read(at: collection) }
        #expect(throws: AreaIOError.self) { try AreaSource.read(at: collection + "/missing") }
    }
}

@Suite struct LargeFileTests {
    /// A file over 1 MiB is parsed in pieces on several cores; rows, line numbers and
    /// errors must be those of a single pass. Every third name spans two lines.
    @Test func aLargeFileReadsInPiecesWithExactLineNumbers() throws {
        var organisations = "id,name,sector\r\n"
        var line = 2
        var lineOf: [String: Int] = [:]
        for index in 0..<40_000 {
            let name = index % 3 == 0 ? "\"Org \(index),\nsecond line\"" : "Organisation number \(index)"
            organisations += "o\(index),\(name),s\(index % 5)\r\n"
            lineOf["o\(index)"] = line
            line += index % 3 == 0 ? 2 : 1
        }
        organisations += "o7,duplicate,s1\r\n"
        let duplicateLine = line
        organisations += "short row\r\n"
        #expect(organisations.utf8.count > 1 << 20)
        let folder = Paths.temporaryFolder()
        try organisations.write(toFile: folder + "/organisations.csv", atomically: true, encoding: .utf8)
        try "source,target\no1,o39999\n".write(toFile: folder + "/relationships.csv", atomically: true, encoding: .utf8)
        do {
            _ = try AreaFolder.read(at: folder)
            Issue.record("expected errors")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "\(folder)/organisations.csv:\(duplicateLine):1: error: duplicate organisation id \"o7\" (first at line \(lineOf["o7"]!))",
                    "\(folder)/organisations.csv:\(duplicateLine + 1): error: row has 1 field, the header (line 1) has 3",
                ])
        }
        // Without the two bad rows the area loads, every row intact.
        let clean = organisations.components(separatedBy: "o7,duplicate")[0]
        try clean.write(toFile: folder + "/organisations.csv", atomically: true, encoding: .utf8)
        let area = try AreaFolder.read(at: folder).area
        #expect(area.organisations.count == 40_000)
        #expect(area.organisations[39_999].id == "o39999")
        #expect(area.organisations[30_000].name == "Org 30000,\nsecond line")
    }
}
