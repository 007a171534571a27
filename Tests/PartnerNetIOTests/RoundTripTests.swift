import Foundation
import PartnerNetCore
import TestSupport
import Testing

@testable import PartnerNetIO

/// Load → write → load gives an equal model, through an area folder and through JSON, for
/// every bundled dataset and test area.
@Suite struct RoundTripTests {
    static let areas =
        Paths.datasets.map { "Datasets/" + $0 }
        + Paths.folders(in: "Tests/Fixtures/areas").map { "Tests/Fixtures/areas/" + $0 }

    @Test func thereAreAreasToCheck() {
        #expect(Self.areas.count >= 10)
    }

    @Test(arguments: areas)
    func folderRoundTripLosesNothing(path: String) throws {
        let original = try AreaFolder.read(at: Paths.repo(path))
        let copy = Paths.temporaryFolder()
        try AreaFolder.write(original.area, to: copy)
        let reread = try AreaFolder.read(at: copy)
        #expect(reread.area == original.area)
        #expect(reread.warnings.count == original.warnings.count)
    }

    @Test(arguments: areas)
    func jsonRoundTripLosesNothing(path: String) throws {
        let original = try AreaFolder.read(at: Paths.repo(path))
        let file = Paths.temporaryFolder() + "/area.json"
        try AreaJSON.write(original.area, to: file)
        let reread = try AreaSource.read(at: file)
        #expect(reread.area == original.area)
        // And back to a folder.
        let folder = Paths.temporaryFolder()
        try AreaFolder.write(reread.area, to: folder)
        #expect(try AreaFolder.read(at: folder).area == original.area)
    }

    @Test func awkwardTextSurvivesBothWays() throws {
        let area = Area(
            metadata: AreaMetadata(
                name: "Névé, \"quoted\"", directed: true,
                relations: [
                    "b": RelationOptions(directed: false, unit: "GBP k per year"),
                    "info": RelationOptions(unit: "contacts, \"monthly\"", extra: ["note": .string("kept")]),
                ],
                focalSector: "local-authority", extra: ["survey_year": .number(2009)]),
            organisations: [
                Organisation(id: "a,1", name: "St Mary's & St John's \"Churches\"", sector: "faith"),
                Organisation(
                    id: " spaced ", name: "Line\nbreak\r\nand CRLF", sector: "voluntary-community", subsector: "youth",
                    attributes: ["Note, with comma": "x\"y", "ünïcode": "✓"]),
            ],
            relationships: [
                Relationship(source: "a,1", target: " spaced ", weight: 0.1 + 0.2, relation: "b"),
                Relationship(
                    source: " spaced ", target: "a,1", weight: 1e-300, relation: "info", attributes: ["since": "1999"]),
            ],
            partnerships: [Partnership(id: "p", name: nil, parent: nil, quota: 2, attributes: ["remit": "all"])],
            memberships: [Membership(partnership: "p", organisation: "a,1", role: .chair, votes: 2)])
        let folder = Paths.temporaryFolder()
        try AreaFolder.write(area, to: folder)
        let reread = try AreaFolder.read(at: folder).area
        #expect(reread == area)
        #expect(reread.metadata.unit(of: "b") == "GBP k per year")
        #expect(reread.metadata.relations["info"]?.extra["unit"] == nil)
        let file = folder + ".json"
        try AreaJSON.write(area, to: file)
        #expect(try AreaJSON.read(at: file).area == area)
    }
}
