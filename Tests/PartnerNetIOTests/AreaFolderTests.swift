import Foundation
import PartnerNetCore
import Testing
import TestSupport

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
        #expect(area.relationships[0] == Relationship(source: "P", target: "B", weight: 2.5, attributes: ["since": "2001"]))
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
                "partnership,organisation,role,votes\nboard,A,Chair,\nboard,B,,\nboard,C,observer,\nsub,A,vice chair,3\n"),
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
            try "id,sector\nX,y\n".write(toFile: collection + "/\(name)/organisations.csv", atomically: true, encoding: .utf8)
            try "source,target\n".write(toFile: collection + "/\(name)/relationships.csv", atomically: true, encoding: .utf8)
        }
        #expect(AreaSource.expand(collection) == [collection + "/a", collection + "/b"])
        #expect(throws: AreaIOError.self) { try AreaSource.read(at: collection) }
        #expect(throws: AreaIOError.self) { try AreaSource.read(at: collection + "/missing") }
    }
}
