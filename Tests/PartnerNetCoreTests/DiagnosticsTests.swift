import PartnerNetCore
import Testing

@Suite struct DiagnosticsTests {
    func messages(_ area: Area) -> [String] {
        area.diagnostics(origins: AreaOrigins(describing: area)).map(\.description)
    }

    @Test func findsEveryProblemInAnAreaBuiltInCode() {
        let area = Area(
            organisations: [
                Organisation(id: "a", sector: "x"), Organisation(id: "a", sector: ""),
                Organisation(id: "b", sector: "y"),
            ],
            relationships: [
                Relationship(source: "a", target: "zz", weight: 1),
                Relationship(source: "a", target: "b", weight: .infinity),
                Relationship(source: "b", target: "a"),
                Relationship(source: "b", target: "b"),
            ],
            partnerships: [Partnership(id: "p", parent: "q"), Partnership(id: "q", parent: "p", quota: 9)],
            memberships: [
                Membership(partnership: "p", organisation: "a", votes: -2),
                Membership(partnership: "r", organisation: "b"),
            ])
        #expect(
            messages(area) == [
                "area organisations[1].id: error: duplicate organisation id \"a\" (first at organisations[0])",
                "area organisations[1].sector: error: sector is empty",
                "area relationships[0].target: error: unknown organisation \"zz\" in target",
                "area relationships[1].weight: error: weight must be a positive finite number, got inf",
                "area relationships[2]: warning: duplicate tie \"b\" – \"a\" (tie) merged with relationships[1]: weights summed",
                "area relationships[3]: warning: self-loop \"b\" (tie) dropped from every graph",
                "area partnerships[0].parent: error: cycle of parent links: \"p\" → \"q\" → \"p\"",
                "area memberships[0].votes: error: votes must be 0 or more, got -2",
                "area memberships[1].partnership: error: unknown partnership \"r\"",
                "area partnerships[1].quota: warning: quota 9 exceeds the 0 votes on \"q\": no coalition can carry a decision",
            ])
    }

    @Test func aCleanAreaHasNoDiagnostics() {
        let area = Area(
            organisations: [Organisation(id: "a", sector: "x"), Organisation(id: "b", sector: "y")],
            relationships: [Relationship(source: "a", target: "b")])
        #expect(messages(area).isEmpty)
    }
}

/// Votes that add up past `Int.max` (issue 13): an error, not an arithmetic-overflow trap.
@Suite struct VoteOverflowTests {
    @Test func votesAddingUpPastIntMaxAreAnError() {
        let area = Area(
            organisations: [
                Organisation(id: "a", sector: "x"), Organisation(id: "b", sector: "y"),
                Organisation(id: "c", sector: "y"),
            ],
            relationships: [],
            partnerships: [Partnership(id: "p", quota: 5), Partnership(id: "q")],
            memberships: [
                Membership(partnership: "p", organisation: "a", votes: 1 << 62),
                Membership(partnership: "p", organisation: "b", votes: 1 << 62),
                Membership(partnership: "p", organisation: "c", votes: 1 << 62),
                Membership(partnership: "q", organisation: "a", votes: Int.max),
            ])
        let messages = area.diagnostics(origins: AreaOrigins(describing: area)).map(\.description)
        #expect(
            messages == [
                "area memberships[1].votes: error: the votes on partnership \"p\" add up to more than "
                    + "9223372036854775807, the most PartnerNet can count"
            ])
    }
}
