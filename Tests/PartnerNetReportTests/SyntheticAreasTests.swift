import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import TestSupport
import Testing

@Suite struct SyntheticAreasTests {
    @Test func areasAreReproducibleAndIndependentOfTheirNumber() {
        let model = SyntheticAreaModel()
        #expect(model.area(3, seed: 7) == model.area(3, seed: 7))
        #expect(model.area(3, seed: 7) != model.area(3, seed: 8))
        #expect(model.area(3, seed: 7) != model.area(4, seed: 7))
    }

    /// Each area draws from its own stream: area k's λ was area k + 1's h, its h area
    /// k + 1's p (issue 13). No drawn parameter of an area reappears in the next.
    @Test(arguments: [1, 7, 2026] as [UInt64])
    func areasShareNoDraws(seed: UInt64) throws {
        let model = SyntheticAreaModel()
        func drawn(_ index: Int) throws -> [Double] {
            let truth = try #require(model.area(index, seed: seed).metadata.extra["synthetic"])
            guard case .object(let values) = truth else { return [] }
            return ["tie_probability", "homophily", "local_authority_centrality"].compactMap { key in
                if case .number(let value)? = values[key] { return value }
                return nil
            }
        }
        for index in 0..<20 {
            let (this, next) = (try drawn(index), try drawn(index + 1))
            #expect(this.count == 3)
            #expect(Set(this).isDisjoint(with: next), "areas \(index) and \(index + 1) share draws: \(this) \(next)")
        }
    }

    @Test func generatedAreasAreCleanAndRoundTrip() throws {
        let model = SyntheticAreaModel()
        let folder = Paths.temporaryFolder()
        for index in 0..<25 {
            let area = model.area(index, seed: 2026)
            let path = folder + "/area\(index)"
            try AreaFolder.write(area, to: path)
            let loaded = try AreaSource.read(at: path)
            #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
            #expect(loaded.area == area)
            #expect(area.organisations.contains { $0.sector == "local-authority" })
            #expect(area.partnerships.count >= 3 && area.memberships.allSatisfy { $0.partnership != "" })
            let truth = area.metadata.extra["synthetic"]
            #expect(truth != nil)
        }
    }

    /// The model does what it says: homophily h makes ties within sectors likelier (a lower
    /// E-I index) and the local authority's centrality λ gives it more of the ties.
    @Test func parametersMoveTheMeasuresTheyShould() throws {
        func mean(_ model: SyntheticAreaModel, _ column: String) throws -> Double {
            var settings = ComparisonSettings()
            settings.permutations = 0
            let values = try (0..<40).map { index in
                try ComparisonRow(path: "", area: model.area(index, seed: 11), settings: settings).values[column]!
            }
            return values.reduce(0, +) / Double(values.count)
        }
        var mixed = SyntheticAreaModel()
        mixed.homophily = 1...1
        mixed.localAuthorityCentrality = 1...1
        var siloed = mixed
        siloed.homophily = 5...5
        var dominated = mixed
        dominated.localAuthorityCentrality = 5...5
        let (eiMixed, eiSiloed) = (try mean(mixed, "ei_index"), try mean(siloed, "ei_index"))
        #expect(eiSiloed < eiMixed - 0.3, "E-I \(eiSiloed) with h = 5 against \(eiMixed) with h = 1")
        let (shareMixed, shareDominated) = (try mean(mixed, "focal_share[degree]"), try mean(dominated, "focal_share[degree]"))
        #expect(shareDominated > shareMixed * 2, "focal degree share \(shareDominated) with λ = 5 against \(shareMixed)")
    }
}

/// The partnership tree of `summary` is printed without recursion (issue 13): a chain at
/// the nesting limit, which validation accepts, prints every level.
@Suite struct DeepPartnershipSummaryTests {
    @Test func aChainAtTheNestingLimitIsPrinted() throws {
        let count = Partnership.maximumNesting + 1
        let area = Area(
            organisations: [Organisation(id: "a", sector: "x")], relationships: [],
            partnerships: (0..<count).map { Partnership(id: "p\($0)", parent: $0 == 0 ? nil : "p\($0 - 1)") },
            memberships: [Membership(partnership: "p0", organisation: "a")])
        #expect(area.diagnostics(origins: AreaOrigins(describing: area)).errors.isEmpty)
        let text = try AreaSummary(area: area, path: "deep", warningCount: 0).rendered()
        let deepest = String(repeating: "  ", count: count) + "p\(count - 1): 0 members"
        #expect(text.contains("\n" + deepest))
        #expect(text.contains("\n  p0: 1 member, quota 1 of 1 votes\n    p1: 0 members"))
    }

    /// Rendered on a thread with a 64 KiB stack: printing the tree by recursion took a
    /// stack frame per level and overflowed it (100,000 levels crashed `summary`).
    @Test func thePartnershipTreeNeedsNoDeepStack() throws {
        final class Result: @unchecked Sendable {
            var text: String?
        }
        let count = Partnership.maximumNesting + 1
        let area = Area(
            organisations: [Organisation(id: "a", sector: "x")], relationships: [],
            partnerships: (0..<count).map { Partnership(id: "p\($0)", parent: $0 == 0 ? nil : "p\($0 - 1)") })
        let result = Result()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.text = try? AreaSummary(area: area, path: "deep", warningCount: 0).rendered()
            done.signal()
        }
        thread.stackSize = 64 * 1024
        thread.start()
        done.wait()
        #expect(result.text?.contains(String(repeating: "  ", count: count) + "p\(count - 1): 0 members") == true)
    }
}

/// The architecture report on partnerships that all share one member (issue 13): the pairs
/// are counted in full, the table keeps the most alike and says so.
@Suite struct ArchitectureOverlapLimitTests {
    @Test func aStarOfPartnershipsIsCountedAndTheTableCapped() {
        let count = 1_500
        let area = Area(
            organisations: [Organisation(id: "hub", sector: "x")]
                + (0..<count).map { Organisation(id: "o\($0)", sector: "y") },
            relationships: [],
            partnerships: (0..<count).map { Partnership(id: "p\($0)") },
            memberships: (0..<count).flatMap { index in
                [
                    Membership(partnership: "p\(index)", organisation: "hub"),
                    Membership(partnership: "p\(index)", organisation: "o\(index)"),
                ]
            })
        let report = ArchitectureReport(area: area)
        #expect(report.overlapSummary.total == count * (count - 1) / 2)
        #expect(report.overlaps.count == ArchitectureReport.overlapLimit)
        #expect(report.overlapRows.rows.count == ArchitectureReport.overlapLimit)
        let metrics = Dictionary(
            uniqueKeysWithValues: report.metricRows.rows.compactMap { row -> (String, Cell)? in
                if case .text(let name) = row[0] { return (name, row[1]) }
                return nil
            })
        #expect(metrics["overlapping_pairs"] == .number(Double(count * (count - 1) / 2), isCount: true))
        #expect(report.findings.contains { $0.contains("the overlap table lists the 1000 most alike") })
    }
}
