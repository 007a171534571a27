import Foundation
import PartnerNetMetrics
import TestSupport
import Testing

/// OLS with HC3 standard errors and Freedman–Lane p-values against R
/// (Tests/Fixtures/reference/compare/area_regression.json, written by
/// Scripts/reference/area_regression.R: `lm`, `sandwich::vcovHC(type = "HC3")` and the
/// script's own Freedman–Lane with 100,000 permutations).
struct RobustRegressionTests {
    struct Fixture: Decodable {
        let tool: String
        let permutations: Int
        let cases: [Case]
    }

    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        struct Coefficient: Decodable, Sendable {
            let term: String
            let estimate: Double
            let std_error: Double
            let statistic: Double
            let p_le: Double?
            let p_ge: Double?
            let p_abs: Double?
        }
        let name: String
        let outcome: [Double]
        let predictors: [String: [Double]]
        let terms: [String]
        let call: String
        let coefficients: [Coefficient]
        let r_squared: Double
        let adj_r_squared: Double
        let observations: Int
        var testDescription: String { name }
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/compare/area_regression.json"))
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test(arguments: fixture.cases)
    func estimatesStandardErrorsAndFitEqualR(_ c: Case) throws {
        let fit = try RobustLinearRegression(
            outcome: c.outcome, predictors: c.terms.map { ($0, c.predictors[$0]!) }, permutations: 0)
        #expect(fit.coefficients.map(\.term) == ["intercept"] + c.terms)
        for (ours, theirs) in zip(fit.coefficients, c.coefficients) {
            #expect(
                Self.close(ours.estimate, theirs.estimate),
                "\(c.name) \(theirs.term) estimate: \(ours.estimate) vs R \(theirs.estimate)")
            #expect(
                Self.close(ours.standardError, theirs.std_error),
                "\(c.name) \(theirs.term) HC3 se: \(ours.standardError ?? .nan) vs R \(theirs.std_error)")
            #expect(Self.close(ours.statistic, theirs.statistic), "\(c.name) \(theirs.term) t")
            #expect(ours.pValues == nil)
        }
        #expect(Self.close(fit.rSquared, c.r_squared))
        #expect(Self.close(fit.adjustedRSquared, c.adj_r_squared))
        #expect(fit.observations == c.observations)
    }

    /// Our 20,000 permutations against R's 100,000: each tail within 4 standard errors of
    /// the difference of two binomial proportions, plus 1/N₁ + 1/N₂.
    @Test(arguments: fixture.cases)
    func freedmanLanePValuesAgreeWithRWithinMonteCarloError(_ c: Case) throws {
        let permutations = 20_000
        let fit = try RobustLinearRegression(
            outcome: c.outcome, predictors: c.terms.map { ($0, c.predictors[$0]!) }, permutations: permutations,
            seed: 7)
        let theirsN = Double(Self.fixture.permutations)
        let oursN = Double(permutations)
        #expect(fit.coefficients[0].pValues == nil, "the intercept is not tested")
        for (ours, theirs) in zip(fit.coefficients.dropFirst(), c.coefficients.dropFirst()) {
            let p = try #require(ours.pValues)
            for (mine, reference, tail) in [
                (p.pLow, theirs.p_le!, "p_le"), (p.pHigh, theirs.p_ge!, "p_ge"), (p.pAbsolute, theirs.p_abs!, "p_abs"),
            ] {
                let pooled = (mine * oursN + reference * theirsN) / (oursN + theirsN)
                let tolerance =
                    4 * (pooled * (1 - pooled) * (1 / oursN + 1 / theirsN)).squareRoot() + 1 / oursN + 1 / theirsN
                #expect(
                    abs(mine - reference) <= tolerance,
                    "\(c.name) \(theirs.term) \(tail): ours \(mine), R \(reference), tolerance \(tolerance)")
            }
        }
    }

    @Test func theSameSeedGivesTheSamePValuesAndAnotherSeedOthers() throws {
        let c = Self.fixture.cases[2]
        let predictors = c.terms.map { ($0, c.predictors[$0]!) }
        let a = try RobustLinearRegression(outcome: c.outcome, predictors: predictors, permutations: 999, seed: 3)
        let b = try RobustLinearRegression(outcome: c.outcome, predictors: predictors, permutations: 999, seed: 3)
        let d = try RobustLinearRegression(outcome: c.outcome, predictors: predictors, permutations: 999, seed: 4)
        #expect(a.coefficients == b.coefficients)
        #expect(a.coefficients.map(\.pValues) != d.coefficients.map(\.pValues))
    }

    @Test func collinearAndTooSmallDesignsAreRefusedByName() {
        #expect(throws: RegressionError.collinear(term: "twice")) {
            try RobustLinearRegression(
                outcome: [1, 2, 4, 3], predictors: [("x", [1, 2, 3, 4]), ("twice", [2, 4, 6, 8])])
        }
        #expect(throws: RegressionError.collinear(term: "constant")) {
            try RobustLinearRegression(outcome: [1, 2, 4, 3], predictors: [("constant", [5, 5, 5, 5])])
        }
        #expect(throws: RegressionError.tooFewObservations(observations: 2, coefficients: 2)) {
            try RobustLinearRegression(outcome: [1, 2], predictors: [("x", [1, 3])])
        }
    }

    /// A fit that is exact (every residual 0) has HC3 standard errors of 0; an area with
    /// leverage 1 leaves HC3 undefined, and the coefficient has no standard error, t or p.
    @Test func leverageOneLeavesTheStandardErrorUndefined() throws {
        // Three areas, two coefficients: the dummy singles out one area (leverage 1).
        let fit = try RobustLinearRegression(
            outcome: [1, 2, 5], predictors: [("dummy", [0, 0, 1])], permutations: 99)
        #expect(fit.coefficients[1].standardError == nil)
        #expect(fit.coefficients[1].pValues == nil)
        #expect(abs(fit.coefficients[1].estimate - 3.5) < 1e-12)
    }
}
