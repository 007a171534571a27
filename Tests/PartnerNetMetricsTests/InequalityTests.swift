import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport
import Testing

/// Gini, Herfindahl–Hirschman, sector shares, representation ratios and evenness of degree
/// and strength on every area, against `Scripts/reference/inequality_measures.py` (numpy
/// and scipy with independent formulas), plus hand-worked cases.
@Suite struct InequalityTests {
    nonisolated(unsafe) static let cases: [[String: Any]] = {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/balance/inequality.json"))
        let object = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return object["cases"] as! [[String: Any]]
    }()

    func close(_ a: Double?, _ b: Any?, _ label: String) {
        switch (a, b as? Double) {
        case (nil, nil): break
        case (let a?, let b?): #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(label): PartnerNet \(a), reference \(b)")
        default: Issue.record("\(label): PartnerNet \(String(describing: a)), reference \(String(describing: b))")
        }
    }

    @Test(arguments: 0..<cases.count)
    func agreesWithTheReference(index: Int) throws {
        let reference = Self.cases[index]
        let name = reference["area"] as! String
        let dataset = Paths.repo("Datasets/" + name)
        let folder = FileManager.default.fileExists(atPath: dataset) ? dataset : Paths.repo("Tests/Fixtures/areas/" + name)
        let area = try AreaSource.read(at: folder).area
        let graph = try Graph(area: area)
        let measure = reference["measure"] as! String
        let values = measure == "degree" ? graph.degrees().map(Double.init) : graph.strengths()
        let label = "\(reference["area"]!) \(measure)"
        // Strengths are sums of non-integer weights: equal up to the order of addition.
        for (ours, theirs) in zip(values, reference["values"] as! [Double]) { close(ours, theirs, "\(label) values") }
        let sectors = area.organisations.map(\.sector)
        close(Inequality.gini(values), reference["gini"], "\(label) gini")
        close(Inequality.herfindahl(values), reference["hhi"], "\(label) hhi")
        close(Inequality.normalizedHerfindahl(values), reference["hhi_normalized"], "\(label) hhi_normalized")
        close(Inequality.evenness(values, groups: sectors), reference["sector_evenness"], "\(label) sector_evenness")
        let shares = reference["sector_share"] as! [String: Any]
        for entry in Inequality.shares(values, groups: sectors) { close(entry.share, shares[entry.group], "\(label) share \(entry.group)") }
        let ratios = reference["representation_ratio"] as! [String: Any]
        for entry in Inequality.representationRatios(values, groups: sectors) {
            close(entry.ratio, ratios[entry.group], "\(label) ratio \(entry.group)")
        }
    }

    /// By hand: (0, 0, 0, 4): sorted ranks give Σ(2i − 5)xᵢ = 3·4 = 12, G = 12/(4·4) = 0.75
    /// = (n − 1)/n; shares (0, 0, 0, 1): HHI 1, normalised 1. Equal values: G 0, HHI 1/n.
    @Test func handWorked() {
        #expect(Inequality.gini([0, 0, 0, 4]) == 0.75)
        #expect(Inequality.herfindahl([0, 0, 0, 4]) == 1)
        #expect(Inequality.normalizedHerfindahl([0, 0, 0, 4]) == 1)
        #expect(Inequality.gini([2, 2, 2]) == 0)
        #expect(Inequality.herfindahl([2, 2]) == 0.5)
        #expect(Inequality.normalizedHerfindahl([2, 2]) == 0)
        #expect(Inequality.gini([]) == nil)
        #expect(Inequality.gini([0, 0]) == nil)
        #expect(Inequality.evenness([1, 1, 5], groups: ["a", "b", "b"]) != nil)
        #expect(Inequality.evenness([1, 1], groups: ["a", "a"]) == nil)
        let ratios = Inequality.representationRatios([3, 1, 0, 0], groups: ["la", "vcs", "vcs", "vcs"])
        #expect(ratios[0].group == "la" && ratios[0].ratio == 3)  // 75% of power with 25% of seats
    }
}
