import PartnerNetCore
import Testing

/// Edits of a small area worked by hand, and the errors an edit naming what the area lacks
/// gives, with the closest name it has.
@Suite struct WhatifEditTests {
    /// Four organisations; `board` (default quota) over `forum` (quota 2) over `sub`.
    ///
    ///     board: city chair 2, cvs member 1, icb member 1          4 votes, quota 3
    ///     forum: icb chair 1, cvs vice-chair 1, mosque observer 0  2 votes, quota 2
    ///     sub:   mosque chair 1
    static let area = Area(
        metadata: AreaMetadata(name: "Tiny", directed: true),
        organisations: [
            Organisation(id: "city", sector: "local-authority"), Organisation(id: "cvs", sector: "voluntary-community"),
            Organisation(id: "icb", sector: "public"), Organisation(id: "mosque", sector: "faith"),
        ],
        relationships: [
            Relationship(source: "city", target: "cvs", weight: 2, relation: "information"),
            Relationship(source: "cvs", target: "icb", relation: "information"),
            Relationship(source: "city", target: "icb", weight: 10, relation: "funding"),
        ],
        partnerships: [
            Partnership(id: "board"), Partnership(id: "forum", parent: "board", quota: 2),
            Partnership(id: "sub", parent: "forum"),
        ],
        memberships: [
            Membership(partnership: "board", organisation: "city", role: .chair, votes: 2),
            Membership(partnership: "board", organisation: "cvs"),
            Membership(partnership: "board", organisation: "icb"),
            Membership(partnership: "forum", organisation: "icb", role: .chair),
            Membership(partnership: "forum", organisation: "cvs", role: .viceChair),
            Membership(partnership: "forum", organisation: "mosque", role: .observer),
            Membership(partnership: "sub", organisation: "mosque", role: .chair),
        ])

    /// Merging forum into board: cvs and icb sit on both and keep their higher role (vice-
    /// chair, chair) and larger vote (1); city and icb co-chair. Votes 2 + 1 + 1 + 0 = 4.
    /// The stricter quota share is forum's 2 of 2, so the quota is ⌈4 · 2/2⌉ = 4. forum was
    /// nested in board, so the merged board keeps board's place (top level), and sub, nested
    /// in forum, now nests in board.
    @Test func mergeWorkedByHand() throws {
        let (edited, notes) = try Self.area.applying(.mergePartnerships("board", "forum", name: "Joint board"))
        #expect(
            edited.partnerships == [
                Partnership(id: "board", name: "Joint board", parent: nil, quota: 4),
                Partnership(id: "sub", parent: "board"),
            ])
        #expect(
            edited.memberships == [
                Membership(partnership: "board", organisation: "city", role: .chair, votes: 2),
                Membership(partnership: "board", organisation: "cvs", role: .viceChair, votes: 1),
                Membership(partnership: "board", organisation: "icb", role: .chair, votes: 1),
                Membership(partnership: "board", organisation: "mosque", role: .observer, votes: 0),
                Membership(partnership: "sub", organisation: "mosque", role: .chair),
            ])
        #expect(notes.contains("board is co-chaired by city and icb"))
        #expect(notes.contains("sub now nests in board"))
        // The other way round: board merges into forum, which is nested in it, so the merged
        // forum takes board's place at the top, under the default name.
        let (other, _) = try Self.area.applying(.mergePartnerships("forum", "board", name: nil))
        #expect(other.partnerships.map(\.id) == ["forum", "sub"])
        #expect(other.partnerships[0].parent == nil && other.partnerships[0].name == "forum and board")
        #expect(other.partnerships[0].quota == 4)
    }

    @Test func chairPassesAndANewcomerTakesASeat() throws {
        let (edited, notes) = try Self.area.applying(.passChair(partnership: "forum", to: ["city", "cvs"]))
        #expect(
            edited.memberships.filter { $0.partnership == "forum" } == [
                Membership(partnership: "forum", organisation: "icb", role: .member, votes: 1),
                Membership(partnership: "forum", organisation: "cvs", role: .chair, votes: 1),
                Membership(partnership: "forum", organisation: "mosque", role: .observer),
                Membership(partnership: "forum", organisation: "city", role: .chair, votes: 1),
            ])
        // The newcomer's seat follows forum's last seat, before sub's.
        #expect(edited.memberships[6].organisation == "city" && edited.memberships[7].partnership == "sub")
        #expect(
            notes == [
                "forum: the chair passes from icb to city and cvs as co-chairs",
                "icb stays on forum as a member with 1 vote",
                "city takes a seat on forum to chair it, with 1 vote",
            ])
    }

    @Test func removalRemovesTiesAndSeatsAndSaysWhatItLeaves() throws {
        let (edited, notes) = try Self.area.applying(.removeOrganisations(["city"]))
        #expect(edited.organisations.map(\.id) == ["cvs", "icb", "mosque"])
        #expect(edited.relationships == [Relationship(source: "cvs", target: "icb", relation: "information")])
        #expect(!edited.memberships.contains { $0.organisation == "city" })
        #expect(
            notes == [
                "removes city: 2 ties and 1 seat go", "board is left without a chair",
                "board's default quota is now 2 of 2 votes (was 3 of 4)",
                "no organisation of the focal sector local-authority is left: its shares and dominance are undefined",
            ])
        let (votes, voteNotes) = try Self.area.applying(.setVotes(partnership: "forum", organisation: "cvs", votes: 0))
        #expect(votes.memberships[4].votes == 0 && votes.memberships[4].role == .viceChair)
        #expect(voteNotes.last == "forum's quota of 2 is out of reach of its 1 vote: no decision can be carried")
    }

    @Test func tiesAreAddedAndRelationsDropped() throws {
        #expect(throws: AreaEditError.relationNeeded(available: ["information", "funding"])) {
            try Self.area.applying(.addTie(source: "mosque", target: "icb", relation: nil, weight: 1))
        }
        let outcome = try Scenario([
            .dropRelation("funding"), .addTie(source: "mosque", target: "icb", relation: nil, weight: 3),
            .addTie(source: "city", target: "cvs", relation: "information", weight: 1),
        ]).applied(to: Self.area)
        #expect(
            outcome.area.relationships == [
                Relationship(source: "city", target: "cvs", weight: 2, relation: "information"),
                Relationship(source: "cvs", target: "icb", relation: "information"),
                Relationship(source: "mosque", target: "icb", weight: 3, relation: "information"),
                Relationship(source: "city", target: "cvs", weight: 1, relation: "information"),
            ])
        #expect(
            outcome.notes.map(\.text) == [
                "drops the relation funding: 1 tie goes",
                "adds the tie mosque → icb to information, weight 3",
                "adds the tie city → cvs to information, weight 1",
                "information already holds that tie: the weights add when the graph is built, as repeated ties do",
            ])
        #expect(outcome.notes.map(\.edit) == [0, 1, 2, 2])
    }

    /// Each unknown name is an error naming it and the closest name the area has.
    @Test(arguments: [
        (AreaEdit.removeOrganisations(["city", "vcs"]), AreaEditError.unknownOrganisation("vcs", closest: "cvs")),
        (
            .removeSector("Faith"),
            .unknownSector(
                "Faith", closest: "faith", available: ["local-authority", "voluntary-community", "public", "faith"])
        ),
        (.mergePartnerships("board", "froum", name: nil), .unknownPartnership("froum", closest: "forum")),
        (.mergePartnerships("board", "board", name: nil), .sameTwice("board")),
        (.passChair(partnership: "sub", to: ["mosqe"]), .unknownOrganisation("mosqe", closest: "mosque")),
        (
            .setVotes(partnership: "forum", organisation: "city", votes: 1),
            .noSeat(organisation: "city", partnership: "forum", closest: nil)
        ),
        (.setVotes(partnership: "forum", organisation: "cvs", votes: -1), .negativeVotes(-1)),
        (
            .addTie(source: "city", target: "icb", relation: "informaton", weight: 1),
            .unknownRelation("informaton", closest: "information", available: ["information", "funding"])
        ),
        (.addTie(source: "city", target: "city", relation: "funding", weight: 1), .sameTwice("city")),
        (.addTie(source: "city", target: "icb", relation: "funding", weight: 0), .invalidWeight(0)),
        (
            .addTie(source: "city", target: "icb", relation: "co-membership", weight: 1),
            .derivedRelation("co-membership")
        ),
        (
            .dropRelation("fundng"),
            .unknownRelation("fundng", closest: "funding", available: ["information", "funding"])
        ),
        (.dropRelation("co-membership"), .derivedRelation("co-membership")),
        (.removeOrganisations([]), .empty("organisation")),
    ])
    func unknownNamesAreErrorsWithTheClosestName(edit: AreaEdit, error: AreaEditError) {
        #expect(throws: error) { try Self.area.applying(edit) }
    }

    @Test func errorsReadAsOneLine() {
        #expect(
            AreaEditError.unknownOrganisation("vcs", closest: "cvs").description
                == "unknown organisation \"vcs\" (did you mean \"cvs\"?)")
        #expect(
            AreaEditError.noSeat(organisation: "cvss", partnership: "sub", closest: "cvs").description
                == "\"cvss\" has no seat on \"sub\" (did you mean its member \"cvs\"?)")
        let error = ScenarioError(
            index: 1, edit: .passChair(partnership: "hwb", to: ["vcs"]),
            reason: .unknownOrganisation("vcs", closest: "cvs"))
        #expect(error.description == "edit 2 (chair hwb=vcs): unknown organisation \"vcs\" (did you mean \"cvs\"?)")
    }

    /// Edits apply in order: a chair can pass to an organisation before it goes, not after.
    @Test func editsApplyInOrder() throws {
        let first = try Scenario([.passChair(partnership: "sub", to: ["icb"]), .removeOrganisations(["icb"])])
            .applied(to: Self.area)
        #expect(first.area.memberships.filter { $0.partnership == "sub" }.map(\.organisation) == ["mosque"])
        #expect(first.notes.contains { $0.edit == 1 && $0.text == "sub is left without a chair" })
        let reversed = Scenario([.removeOrganisations(["icb"]), .passChair(partnership: "sub", to: ["icb"])])
        #expect(
            throws: ScenarioError(
                index: 1, edit: .passChair(partnership: "sub", to: ["icb"]),
                reason: .unknownOrganisation("icb", closest: nil))
        ) { try reversed.applied(to: Self.area) }
    }

    /// Swapping two neighbouring characters is one edit, so "vcs" finds "cvs".
    @Test func closestMatchCountsASwapAsOneEdit() {
        #expect(editDistance("vcs", "cvs") == 1)
        #expect(editDistance("chiar", "chair") == 1)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("ca", "abc") == 3)  // the optimal string alignment distance, not Damerau's 2
        #expect(closestMatch(to: "vcs", in: ["city", "cvs"]) == "cvs")
        #expect(closestMatch(to: "xyz", in: ["city", "cvs"]) == nil)
    }
}
