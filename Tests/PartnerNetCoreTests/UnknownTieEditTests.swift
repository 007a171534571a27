import PartnerNetCore
import Testing

/// What-if edits of an area with ties recorded as unknown (weight NA).
@Suite struct UnknownTieEditTests {
    static let area = Area(
        metadata: AreaMetadata(directed: true, relations: ["joint": RelationOptions(directed: false)]),
        organisations: [
            Organisation(id: "a", sector: "x"), Organisation(id: "b", sector: "y"), Organisation(id: "c", sector: "z"),
        ],
        relationships: [
            Relationship(source: "a", target: "b", relation: "info"),
            Relationship(source: "a", target: "c", relation: "joint"),
        ],
        unknownTies: [
            UnknownTie(source: "b", target: "c", relation: "info"), UnknownTie(source: "c", target: "b", relation: "joint"),
        ])

    @Test func unknownPairsAreCountedPerRelationAndGraphsHoldNone() throws {
        #expect(Self.area.unknownPairCounts == ["info": 1, "joint": 1])
        // a → b, and a – c as an arc each way in the directed union: no arc for b, c.
        #expect(try Graph(area: Self.area).edgeCount == 3)
        #expect(Self.area.diagnostics(origins: AreaOrigins(describing: Self.area)).isEmpty)
    }

    @Test func addingAnUnknownTieMakesItKnown() throws {
        let (edited, notes) = try Self.area.applying(.addTie(source: "b", target: "c", relation: "joint", weight: 2))
        #expect(edited.unknownTies == [UnknownTie(source: "b", target: "c", relation: "info")])
        #expect(notes.contains("the tie was recorded as unknown (NA) in joint; it is now known"))
        #expect(edited.diagnostics(origins: AreaOrigins(describing: edited)).isEmpty)
    }

    @Test func removingAnOrganisationOrARelationTakesItsUnknownTies() throws {
        #expect(try Self.area.applying(.removeOrganisations(["c"])).area.unknownTies.isEmpty)
        #expect(try Self.area.applying(.dropRelation("info")).area.unknownTies.map(\.relation) == ["joint"])
    }
}
