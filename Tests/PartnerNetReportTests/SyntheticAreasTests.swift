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
