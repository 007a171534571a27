import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import Testing
import TestSupport

/// QAP with unknown ties (weight `NA`) against R's sna 2.7 with `NA` cells, from
/// Tests/Fixtures/reference/qap/unknown.json, written by Scripts/reference/qap_unknown.R
/// (each case names the call). The fixture area Tests/Fixtures/unknown_ties is read through
/// ``Area/dyadMatrix(for:)``, so the unknown pairs of each term are checked too; generated
/// cases carry their matrices, −1 marking an unknown cell.
struct QAPUnknownReferenceTests {
    /// A number or a list of numbers (jsonlite writes a one-element vector as a number).
    struct Numbers: Decodable, Sendable {
        let values: [Double]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(Double.self) {
                values = [single]
            } else {
                values = try container.decode([Double].self)
            }
        }
    }

    struct Permutation: Decodable, Sendable {
        let reps: Double
        let p_le: Numbers
        let p_ge: Numbers
        let p_abs: Numbers
        let call: String
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let area: String?
        let generated: String?
        let y: String?
        let x: [String]?
        let model: String?
        let mode: String
        let correlate: [String]?
        let unknown_pairs: Int?
        let y_matrix: [[Double]]?
        let x_matrices: [[[Double]]]?
        let a_matrix: [[Double]]?
        let b_matrix: [[Double]]?
        let estimate: Numbers?
        let std_error: Numbers?
        let statistic: Numbers?
        let r_squared: Double?
        let adj_r_squared: Double?
        let deviance: Double?
        let null_deviance: Double?
        let aic: Double?
        let bic: Double?
        let p_le: Numbers?
        let p_ge: Numbers?
        let p_abs: Numbers?
        let correlation: Double?
        let call: String?
        let permutation: [String: Permutation]?

        var testDescription: String {
            let source = area ?? generated ?? "?"
            if let correlate { return "\(source) gcor \(correlate.joined(separator: ","))" }
            if let model { return "\(source) \(model) \(y ?? "y") ~ \((x ?? []).joined(separator: " + "))" }
            return "\(source) gcor"
        }
    }

    struct Fixture: Decodable {
        let tool: String
        let cases: [Case]
    }

    static let cases: [Case] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: Paths.repo("Tests/Fixtures/reference/qap/unknown.json")))
        return try! JSONDecoder().decode(Fixture.self, from: data).cases
    }()

    static var regressionCases: [Case] { cases.filter { $0.model != nil } }
    static var correlationCases: [Case] { cases.filter { $0.model == nil } }

    /// A generated matrix, −1 for an unknown cell.
    static func matrix(_ rows: [[Double]]) -> DyadMatrix {
        DyadMatrix(order: rows.count, values: rows.flatMap { $0 }.map { $0 == -1 ? .nan : $0 })
    }

    static func area(_ path: String) throws -> Area { try AreaFolder.read(at: Paths.repo(path)).area }

    static func variables(_ c: Case) throws -> (y: DyadMatrix, x: [DyadPredictor]) {
        let names = c.x!
        if let path = c.area {
            let area = try area(path)
            let y = try area.dyadMatrix(for: DyadTerm(parsing: c.y!))
            return (y, try names.map { DyadPredictor($0, try area.dyadMatrix(for: DyadTerm(parsing: $0))) })
        }
        return (matrix(c.y_matrix!), zip(names, c.x_matrices!.map(matrix)).map { DyadPredictor($0, $1) })
    }

    static func pair(_ c: Case) throws -> (DyadMatrix, DyadMatrix) {
        if let path = c.area, let names = c.correlate {
            let area = try area(path)
            return (
                try area.dyadMatrix(for: DyadTerm(parsing: names[0])), try area.dyadMatrix(for: DyadTerm(parsing: names[1]))
            )
        }
        return (matrix(c.a_matrix!), matrix(c.b_matrix!))
    }

    /// |ours − sna| ≤ 1e-9 · max(1, |sna|).
    static func expectClose(
        _ ours: [Double], _ theirs: [Double], _ what: String, _ c: Case,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(ours.count == theirs.count, "\(c.testDescription) \(what): \(ours.count) values, sna \(theirs.count)")
        for (k, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(
                abs(a - b) <= 1e-9 * max(1, abs(b)),
                "\(c.testDescription) \(what)[\(k)]: ours \(a), sna \(b) (\(c.call ?? ""))", sourceLocation: sourceLocation)
        }
    }

    @Test func theFixtureCoversUnknownOutcomesPredictorsBothModesAndBothModels() {
        #expect(Self.cases.count >= 18)
        #expect(Set(Self.regressionCases.map(\.mode)) == ["graph", "digraph"])
        #expect(Set(Self.regressionCases.compactMap(\.model)) == ["linear", "logistic"])
        #expect(Self.regressionCases.allSatisfy { $0.permutation?.keys.sorted() == ["qap", "qapallx", "qapx", "qapy"] })
        // Some case has unknown pairs in the outcome only, some in a predictor.
        let generated = Self.regressionCases.filter { $0.generated != nil }
        #expect(generated.contains { $0.y_matrix!.joined().contains(-1) && !$0.x_matrices![0].joined().contains(-1) })
        #expect(generated.contains { !$0.y_matrix!.joined().contains(-1) && $0.x_matrices![0].joined().contains(-1) })
    }

    @Test(arguments: regressionCases)
    func coefficientsFitAndClassicalTestsMatchSnaWithNA(_ c: Case) throws {
        let (y, x) = try Self.variables(c)
        if c.model == "linear" {
            let fit = try y.linearQAPRegression(on: x, null: .classical)
            #expect(fit.mode == (c.mode == "graph" ? .undirected : .directed), "\(c.testDescription) mode")
            if let unknown = c.unknown_pairs { #expect(fit.unknownPairs == unknown, "\(c.testDescription) unknown pairs") }
            #expect(fit.unknownPairs > 0)
            Self.expectClose(fit.coefficients.map(\.estimate), c.estimate!.values, "estimate", c)
            Self.expectClose(fit.coefficients.map(\.standardError), c.std_error!.values, "std_error", c)
            Self.expectClose(fit.coefficients.map(\.statistic), c.statistic!.values, "t", c)
            Self.expectClose([fit.rSquared, fit.adjustedRSquared], [c.r_squared!, c.adj_r_squared!], "R²", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pLow }, c.p_le!.values, "p_le", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pHigh }, c.p_ge!.values, "p_ge", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pAbsolute }, c.p_abs!.values, "p_abs", c)
        } else {
            let fit = try y.logisticQAPRegression(on: x, null: .classical)
            if let unknown = c.unknown_pairs { #expect(fit.unknownPairs == unknown, "\(c.testDescription) unknown pairs") }
            Self.expectClose(fit.coefficients.map(\.estimate), c.estimate!.values, "estimate", c)
            Self.expectClose(fit.coefficients.map(\.standardError), c.std_error!.values, "std_error", c)
            Self.expectClose(fit.coefficients.map(\.statistic), c.statistic!.values, "z", c)
            Self.expectClose(
                [fit.deviance, fit.nullDeviance, fit.aic, fit.bic], [c.deviance!, c.null_deviance!, c.aic!, c.bic!],
                "deviance, null, AIC, BIC", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pLow }, c.p_le!.values, "p_le", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pHigh }, c.p_ge!.values, "p_ge", c)
        }
    }

    @Test(arguments: correlationCases)
    func correlationMatchesGcorWithNA(_ c: Case) throws {
        let (a, b) = try Self.pair(c)
        let result = try a.qapCorrelation(with: b, permutations: 0)
        #expect(result.unknownPairs > 0)
        Self.expectClose([result.correlation], [c.correlation!], "r", c)
    }

    /// Each of our tails against sna's, both Monte-Carlo estimates of the same probability
    /// (the relabelled matrices carrying their unknown pairs in both): they may differ by 4
    /// standard errors of the difference of two binomial proportions,
    /// √(p̄(1 − p̄)(1/N₁ + 1/N₂)), plus 1/N₁ + 1/N₂ for our (k + 1)/(N + 1) against sna's
    /// k/N and for the discreteness near 0 or 1. sna's counts are recorded with their N in
    /// the fixture (5,000 per linear null, 1,000 per logistic null, 20,000 for a
    /// correlation); ours use 4,000, 1,000 and 10,000 relabellings, seed 14.
    @Test(arguments: cases)
    func permutationPValuesAgreeWithSnaWithinMonteCarloError(_ c: Case) throws {
        let logistic = c.model == "logistic"
        let ours = c.model == nil ? 10_000 : logistic ? 1_000 : 4_000
        for (null, theirs) in (c.permutation ?? [:]).sorted(by: { $0.key < $1.key }) {
            let values: [PermutationPValues]
            if c.model == nil {
                let (a, b) = try Self.pair(c)
                values = [try a.qapCorrelation(with: b, permutations: ours, seed: 14).pValues!]
            } else {
                let (y, x) = try Self.variables(c)
                let kind = QAPNull(rawValue: null)!
                values =
                    logistic
                    ? try y.logisticQAPRegression(on: x, null: kind, permutations: ours, seed: 14).coefficients.map {
                        $0.pValues!
                    }
                    : try y.linearQAPRegression(on: x, null: kind, permutations: ours, seed: 14).coefficients.map {
                        $0.pValues!
                    }
            }
            for (tail, expected) in [
                (\PermutationPValues.pLow, theirs.p_le.values), (\.pHigh, theirs.p_ge.values),
                (\.pAbsolute, theirs.p_abs.values),
            ] {
                #expect(expected.count == values.count)
                // qapx relabels the intercept's matrix of ones, which changes nothing.
                for (k, (p, q)) in zip(values.map { $0[keyPath: tail] }, expected).enumerated()
                where !(null == "qapx" && k == 0) {
                    let pooled = (p * Double(ours) + q * theirs.reps) / (Double(ours) + theirs.reps)
                    let tolerance =
                        4 * (pooled * (1 - pooled) * (1 / Double(ours) + 1 / theirs.reps)).squareRoot()
                        + 1 / Double(ours) + 1 / theirs.reps
                    #expect(
                        abs(p - q) <= tolerance,
                        "\(c.testDescription) \(null) [\(k)]: ours \(p) (\(ours)), sna \(q) (\(Int(theirs.reps))), tolerance \(tolerance); \(theirs.call)"
                    )
                }
            }
        }
    }

    /// Without unknown pairs the fit is unchanged; leaving a pair out is not the same as a 0.
    @Test func anUnknownPairIsNotAZero() throws {
        let c = Self.regressionCases.first { $0.area != nil && $0.model == "linear" }!
        let (y, x) = try Self.variables(c)
        let zeroed = DyadMatrix(order: y.order, values: y.values.map { $0.isNaN ? 0 : $0 })
        let withUnknown = try y.linearQAPRegression(on: x, null: .classical)
        let withZeros = try zeroed.linearQAPRegression(on: x, null: .classical)
        #expect(withZeros.unknownPairs == 0)
        #expect(withZeros.pairs == withUnknown.pairs + withUnknown.unknownPairs)
        #expect(abs(withZeros.coefficients[0].estimate - withUnknown.coefficients[0].estimate) > 1e-3)
    }

    /// The same seed gives the same p-values with unknown pairs, on any number of cores.
    @Test func theSameSeedGivesTheSamePValues() throws {
        let c = Self.regressionCases.first { $0.generated != nil && $0.model == "linear" }!
        let (y, x) = try Self.variables(c)
        let first = try y.linearQAPRegression(on: x, null: .qap, permutations: 300, seed: 9)
        let second = try y.linearQAPRegression(on: x, null: .qap, permutations: 300, seed: 9)
        #expect(first.coefficients.map(\.pValues) == second.coefficients.map(\.pValues))
    }
}
