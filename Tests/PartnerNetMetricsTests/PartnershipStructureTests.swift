import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Nesting versus duplication: a pair of partnerships one of which sits under the other
/// shares members by design and is never "likely duplication".
@Suite struct PartnershipStructureTests {
    /// Worked by hand. `main` at the top; `a` and `b` under it (siblings); `c` under `a`;
    /// `d` at the top on its own. Members: main {1…6}; a {1, 2, 3}; b {1, 2, 3, 4};
    /// c {1, 2, 3}; d {5, 6}; e, a second top-level board, {5, 6, 7}.
    ///
    /// Pairs sharing members (Jaccard = shared / either), and where they sit:
    /// main–a 3/6 nested; main–b 4/6 nested; main–c 3/6 nested (two levels down);
    /// main–d 2/6 and main–e 2/7 unrelated (top-level boards); a–b 3/4 siblings, so likely
    /// duplication; a–c 3/3 nested, so not; b–c 3/4 unrelated (c sits under a, b's
    /// sibling), likely duplication; d–e 2/3 unrelated, likely duplication.
    static let area: Area = {
        let members: [(String, [Int])] = [
            ("main", [1, 2, 3, 4, 5, 6]), ("a", [1, 2, 3]), ("b", [1, 2, 3, 4]), ("c", [1, 2, 3]), ("d", [5, 6]),
            ("e", [5, 6, 7]),
        ]
        return Area(
            organisations: (1...7).map { Organisation(id: "o\($0)", sector: "s") },
            partnerships: [
                Partnership(id: "main"), Partnership(id: "a", parent: "main"), Partnership(id: "b", parent: "main"),
                Partnership(id: "c", parent: "a"), Partnership(id: "d"), Partnership(id: "e"),
            ],
            memberships: members.flatMap { board, ids in
                ids.map { Membership(partnership: board, organisation: "o\($0)") }
            })
    }()

    @Test func siblingsAndUnrelatedBoardsDuplicateNestedOnesDoNot() {
        let network = TwoModeNetwork(area: Self.area)
        let structure = PartnershipStructure(area: Self.area)
        let arranged = structure.arrangedOverlaps(network.overlaps())
        var found: [String: (PartnershipRelation, Double, Bool)] = [:]
        for pair in arranged {
            let key = structure.partnerships[pair.overlap.first] + "-" + structure.partnerships[pair.overlap.second]
            found[key] = (pair.relation, pair.overlap.jaccard, pair.likelyDuplicate)
        }
        let (main, a) = (0, 1)
        let expected: [String: (PartnershipRelation, Double, Bool)] = [
            "main-a": (.nested(ancestor: main), 3.0 / 6, false),
            "main-b": (.nested(ancestor: main), 4.0 / 6, false),
            "main-c": (.nested(ancestor: main), 3.0 / 6, false),
            "main-d": (.unrelated, 2.0 / 6, false),
            "main-e": (.unrelated, 2.0 / 7, false),
            "a-b": (.siblings, 3.0 / 4, true),
            "a-c": (.nested(ancestor: a), 1, false),
            "b-c": (.unrelated, 3.0 / 4, true),
            "d-e": (.unrelated, 2.0 / 3, true),
        ]
        #expect(found.count == expected.count, "pairs: \(found.keys.sorted())")
        for (key, value) in expected {
            guard let got = found[key] else {
                Issue.record("no overlap \(key)")
                continue
            }
            #expect(got.0 == value.0, "\(key): \(got.0), expected \(value.0)")
            #expect(abs(got.1 - value.1) < 1e-12, "\(key): Jaccard \(got.1), expected \(value.1)")
            #expect(got.2 == value.2, "\(key): likely duplicate \(got.2), expected \(value.2)")
        }
        let nested = arranged.first {
            structure.partnerships[$0.overlap.first] == "a" && structure.partnerships[$0.overlap.second] == "c"
        }
        #expect(nested?.nesting?.inner == 3 && nested?.nesting?.outer == a)
    }

    /// Northbridge's thematic boards sit under the partnership board (and the domestic
    /// abuse forum under the community safety partnership): none of those pairs is
    /// duplication, whatever its overlap.
    @Test func northbridgeBoardsUnderTheMainBoardAreNested() throws {
        let area = try AreaSource.read(at: Paths.repo("Datasets/northbridge")).area
        let structure = PartnershipStructure(area: area)
        let arranged = structure.arrangedOverlaps(TwoModeNetwork(area: area).overlaps())
        let position = Dictionary(uniqueKeysWithValues: structure.partnerships.enumerated().map { ($1, $0) })
        #expect(
            structure.relation(between: position["hwb"]!, and: position["lsp"]!) == .nested(ancestor: position["lsp"]!))
        #expect(
            structure.relation(between: position["lsp"]!, and: position["dafor"]!)
                == .nested(ancestor: position["lsp"]!))
        #expect(
            structure.relation(between: position["dafor"]!, and: position["csp"]!)
                == .nested(ancestor: position["csp"]!))
        #expect(structure.relation(between: position["hwb"]!, and: position["csp"]!) == .siblings)
        #expect(structure.relation(between: position["hwb"]!, and: position["dafor"]!) == .unrelated)
        var nestedPairs = 0
        for pair in arranged {
            let names = [structure.partnerships[pair.overlap.first], structure.partnerships[pair.overlap.second]]
            if names.contains("lsp") || Set(names) == ["csp", "dafor"] {
                nestedPairs += 1
                #expect(pair.nesting != nil, "\(names) should be nested")
                #expect(!pair.likelyDuplicate, "\(names) flagged as duplication")
            } else {
                #expect(pair.nesting == nil, "\(names) should not be nested")
                #expect(pair.likelyDuplicate == (pair.overlap.jaccard >= 0.5))
            }
        }
        #expect(nestedPairs >= 5, "the five boards under lsp share members with it")
    }

    /// A chain 200,000 partnerships deep: depth and the ancestor lookup are iterative.
    @Test func deepChainsNeedNoRecursion() {
        let count = 200_000
        let area = Area(
            partnerships: (0..<count).map { Partnership(id: "p\($0)", parent: $0 == 0 ? nil : "p\($0 - 1)") })
        let structure = PartnershipStructure(area: area)
        #expect(structure.maximumDepth == count - 1)
        #expect(structure.relation(between: count - 1, and: 0) == .nested(ancestor: 0))
        #expect(structure.relation(between: 5, and: count - 2) == .nested(ancestor: 5))
        #expect(structure.relation(between: count - 1, and: count - 1 - 1) == .nested(ancestor: count - 2))
    }
}


/// The `parent` tree is walked without recursion and each partnership once (issue 13).
@Suite struct PartnershipStructureWalkTests {
    /// A chain listed deepest first: each walk used to search the path it had made, so
    /// 100,000 partnerships took billions of steps.
    @Test(.timeLimit(.minutes(1)))
    func aLongChainListedDeepestFirstHasItsDepths() {
        let count = 100_000
        let area = Area(
            organisations: [], relationships: [],
            partnerships: (0..<count).reversed().map { Partnership(id: "p\($0)", parent: $0 == 0 ? nil : "p\($0 - 1)") })
        let structure = PartnershipStructure(area: area)
        #expect(structure.maximumDepth == count - 1)
        #expect(structure.depth.first == count - 1)
        #expect(structure.depth.last == 0)
        #expect(structure.roots == [count - 1])
    }

    @Test func aCycleEndsTheWalk() {
        let area = Area(
            organisations: [], relationships: [],
            partnerships: [Partnership(id: "a", parent: "b"), Partnership(id: "b", parent: "a"), Partnership(id: "c")])
        let structure = PartnershipStructure(area: area)
        #expect(structure.depth.allSatisfy { $0 >= 0 })
        #expect(structure.depth[2] == 0)
    }
}
