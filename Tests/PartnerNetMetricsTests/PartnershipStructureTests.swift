import PartnerNetCore
import PartnerNetMetrics
import Testing

/// The `parent` tree is walked without recursion and each partnership once (issue 13).
@Suite struct PartnershipStructureTests {
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
