import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// NMI and adjusted Rand index against igraph `compare_communities` (and scikit-learn) on
/// the fixed pairs of `Tests/Fixtures/reference/silos_partition_agreement.json` and on
/// igraph's communities against sectors in every silos fixture, with degenerate cases and a
/// worked example.
@Suite struct PartitionAgreementTests {
    struct Pair: Sendable, CustomTestStringConvertible {
        let label: String
        let a: [Int]
        let b: [Int]
        let nmi: Double?
        let ari: Double?
        var testDescription: String { label }
    }

    static let pairs: [Pair] = {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/silos_partition_agreement.json"))
        let object = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (object["pairs"] as! [[String: Any]]).map { pair in
            Pair(
                label: pair["label"] as! String, a: pair["a"] as! [Int], b: pair["b"] as! [Int],
                nmi: pair["nmi_igraph"] as? Double, ari: pair["ari_igraph"] as? Double)
        }
    }()

    static func same(_ ours: Double?, _ theirs: Double?, _ label: String) {
        switch (ours, theirs) {
        case (nil, nil): break
        case (let a?, let b?): #expect(abs(a - b) <= 1e-12, "\(label): PartnerNet \(a), igraph \(b)")
        default: Issue.record("\(label): PartnerNet \(String(describing: ours)), igraph \(String(describing: theirs))")
        }
    }

    /// Five fixed pairs, including one block against two (igraph's ARI is 1.9e-16, exactly
    /// 0 in exact arithmetic) and singletons against two blocks.
    @Test(arguments: pairs)
    func fixedPairsMatchIgraph(pair: Pair) {
        let agreement = PartitionAgreement(pair.a, pair.b)
        Self.same(agreement.normalizedMutualInformation, pair.nmi, "\(pair.label) NMI")
        Self.same(agreement.adjustedRandIndex, pair.ari, "\(pair.label) ARI")
        // Symmetric in its two arguments (up to the order of a sum).
        let swapped = PartitionAgreement(pair.b, pair.a)
        Self.same(
            swapped.normalizedMutualInformation, agreement.normalizedMutualInformation, "\(pair.label) NMI swapped")
        Self.same(swapped.adjustedRandIndex, agreement.adjustedRandIndex, "\(pair.label) ARI swapped")
    }

    /// `nmi_groups`, `ari_groups`: igraph's best communities in each fixture against the
    /// sectors, as igraph scored them.
    @Test(arguments: CommunityFixture.names)
    func igraphCommunitiesAgainstSectors(fixtureName: String) throws {
        let fixture = try CommunityFixture(fixtureName)
        let area = try fixture.area
        let ids = area.organisations.map(\.id)
        let sectors = Groups(labels: area.organisations.map(\.sector))
        for reference in fixture.cases {
            for (method, byWeighting) in reference.detected {
                for (weighting, detected) in byWeighting {
                    let membership = ids.map { detected.membership[$0]! }
                    let agreement = PartitionAgreement(membership, sectors.membership)
                    let scope = "\(fixture.dataset) \(reference.relations) \(method) \(weighting)"
                    Self.same(agreement.normalizedMutualInformation, detected.nmi, "\(scope) nmi_groups")
                    Self.same(agreement.adjustedRandIndex, detected.ari, "\(scope) ari_groups")
                }
            }
        }
    }

    /// A = {0, 1}{2, 3}, B = {0, 1, 2}{3}. Pairs: C(4, 2) = 6; S_A = 1 + 1 = 2, S_B = 3 + 0 = 3;
    /// pairs together in both: {0, 1} only, 1. Expected 2 × 3 / 6 = 1, maximum (2 + 3)/2 = 5/2:
    /// ARI = (1 − 1) / (5/2 − 1) = 0. NMI: H(A) = ln 2, H(B) = −(¾ ln ¾ + ¼ ln ¼),
    /// I = ½ ln(4·2/(2·3)) + ¼ ln(4·1/(2·3)) + ¼ ln(4·1/(2·1)) = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2.
    @Test func workedExample() throws {
        let agreement = PartitionAgreement([0, 0, 1, 1], [0, 0, 0, 1])
        #expect(agreement.adjustedRandIndex == 0)
        let entropyA = log(2.0)
        let entropyB = -(0.75 * log(0.75) + 0.25 * log(0.25))
        let mutual = 0.5 * log(4.0 / 3) + 0.25 * log(2.0 / 3) + 0.25 * log(2.0)
        let nmi = try #require(agreement.normalizedMutualInformation)
        #expect(abs(nmi - 2 * mutual / (entropyA + entropyB)) < 1e-15)
    }

    /// igraph's conventions where the formulas give 0/0: NMI is 1 when both partitions are
    /// one block and 0 when only one is; ARI is undefined (igraph NaN) when both are one
    /// block or both are all singletons; nothing is defined on fewer than two items.
    @Test func degenerateCases() {
        let oneBlock = PartitionAgreement([3, 3, 3, 3], [0, 0, 0, 0])
        #expect(oneBlock.normalizedMutualInformation == 1 && oneBlock.adjustedRandIndex == nil)
        let singletons = PartitionAgreement([0, 1, 2, 3], [9, 8, 7, 6])
        #expect(singletons.normalizedMutualInformation == 1 && singletons.adjustedRandIndex == nil)
        let oneAgainstTwo = PartitionAgreement([0, 0, 0, 0], [0, 0, 1, 1])
        #expect(oneAgainstTwo.normalizedMutualInformation == 0 && oneAgainstTwo.adjustedRandIndex == 0)
        for tiny in [PartitionAgreement([], []), PartitionAgreement([5], [2])] {
            #expect(tiny.normalizedMutualInformation == nil && tiny.adjustedRandIndex == nil)
        }
        let same = PartitionAgreement(
            Partition(blocks: [0, 0, 1, 1, 2], count: 3), Partition(blocks: [0, 0, 1, 1, 2], count: 3))
        #expect(abs(same.normalizedMutualInformation! - 1) < 1e-15 && same.adjustedRandIndex == 1)
    }
}
