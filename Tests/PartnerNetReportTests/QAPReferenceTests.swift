import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import PartnerNetReport
import Testing
import TestSupport

/// QAP regressions and correlations against R's sna 2.7 (`netlm`, `netlogit`, `gcor`,
/// `qaptest`), from Tests/Fixtures/reference/qap/cases.json, written by
/// Scripts/reference/qap_measures.R (each case names the tool and the call). Bundled areas
/// are read through ``Area/dyadMatrix(for:)``, so the terms are checked too (the script
/// builds them independently from the CSV files); generated cases carry their matrices.
struct QAPReferenceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let index: Int
        let label: String
        let object: [String: any Sendable]
        var testDescription: String { label }
    }

    static let file = Paths.repo("Tests/Fixtures/reference/qap/cases.json")

    static let cases: [Case] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: file))
        let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (root["cases"] as! [[String: Any]]).enumerated().map { index, object in
            let source = (object["area"] as? String) ?? (object["generated"] as? String) ?? "?"
            let what =
                (object["correlate"] as? [String]).map { "gcor " + $0.joined(separator: ",") }
                ?? (object["model"] as? String).map { "\($0) \(object["y"] as? String ?? "y")" } ?? "gcor"
            return Case(index: index, label: "\(source) \(what)", object: Self.sendable(object) as! [String: any Sendable])
        }
    }()

    static func sendable(_ value: Any) -> any Sendable {
        switch value {
        case let dictionary as [String: Any]: dictionary.mapValues(sendable)
        case let array as [Any]: array.map(sendable)
        case let number as NSNumber: number.doubleValue
        case let text as String: text
        default: "null"
        }
    }

    static var regressionCases: [Case] { cases.filter { $0.object["model"] != nil } }
    static var correlationCases: [Case] { cases.filter { $0.object["model"] == nil } }
    static var permutationCases: [Case] { cases.filter { $0.object["permutation"] != nil } }

    static func numbers(_ value: (any Sendable)?) -> [Double] {
        if let list = value as? [any Sendable] { return list.map { $0 as! Double } }
        if let single = value as? Double { return [single] }
        return []
    }

    static func matrix(_ value: (any Sendable)?) -> DyadMatrix {
        let rows = (value as! [any Sendable]).map { numbers($0) }
        return DyadMatrix(order: rows.count, values: rows.flatMap { $0 })
    }


    static func area(_ path: String) throws -> Area {
        try AreaFolder.read(at: Paths.repo(path)).area
    }

    /// The outcome and predictors of a regression case.
    static func variables(_ c: Case) throws -> (y: DyadMatrix, x: [DyadPredictor]) {
        let names = (c.object["x"] as! [any Sendable]).map { $0 as! String }
        if let path = c.object["area"] as? String {
            let area = try area(path)
            let y = try area.dyadMatrix(for: DyadTerm(parsing: c.object["y"] as! String))
            return (y, try names.map { DyadPredictor($0, try area.dyadMatrix(for: DyadTerm(parsing: $0))) })
        }
        let xs = (c.object["x_matrices"] as! [any Sendable]).map { matrix($0) }
        return (matrix(c.object["y_matrix"]), zip(names, xs).map { DyadPredictor($0, $1) })
    }

    static func pair(_ c: Case) throws -> (DyadMatrix, DyadMatrix) {
        if let path = c.object["area"] as? String, let names = c.object["correlate"] as? [any Sendable] {
            let area = try area(path)
            return (
                try area.dyadMatrix(for: DyadTerm(parsing: names[0] as! String)),
                try area.dyadMatrix(for: DyadTerm(parsing: names[1] as! String))
            )
        }
        return (matrix(c.object["a_matrix"]), matrix(c.object["b_matrix"]))
    }

    /// |ours − sna| ≤ 1e-9 · max(1, |sna|).
    static func expectClose(
        _ ours: [Double], _ theirs: [Double], _ what: String, _ c: Case, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(ours.count == theirs.count, "\(c.label) \(what): \(ours.count) values, sna \(theirs.count)")
        for (k, (a, b)) in zip(ours, theirs).enumerated() {
            #expect(
                abs(a - b) <= 1e-9 * max(1, abs(b)),
                "\(c.label) \(what)[\(k)]: ours \(a), sna \(b) (\(c.object["call"] as? String ?? ""))",
                sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: regressionCases)
    func coefficientsFitAndClassicalTestsMatchSna(_ c: Case) throws {
        let (y, x) = try Self.variables(c)
        let mode = c.object["mode"] as! String
        if c.object["model"] as! String == "linear" {
            let fit = try y.linearQAPRegression(on: x, null: .classical)
            #expect(fit.mode == (mode == "graph" ? .undirected : .directed), "\(c.label) mode")
            Self.expectClose(fit.coefficients.map(\.estimate), Self.numbers(c.object["estimate"]), "estimate", c)
            Self.expectClose(fit.coefficients.map(\.standardError), Self.numbers(c.object["std_error"]), "std_error", c)
            Self.expectClose(fit.coefficients.map(\.statistic), Self.numbers(c.object["statistic"]), "t", c)
            Self.expectClose([fit.rSquared, fit.adjustedRSquared], Self.numbers(c.object["r_squared"]) + Self.numbers(c.object["adj_r_squared"]), "R²", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pLow }, Self.numbers(c.object["p_le"]), "p_le", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pHigh }, Self.numbers(c.object["p_ge"]), "p_ge", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pAbsolute }, Self.numbers(c.object["p_abs"]), "p_abs", c)
        } else {
            let fit = try y.logisticQAPRegression(on: x, null: .classical)
            Self.expectClose(fit.coefficients.map(\.estimate), Self.numbers(c.object["estimate"]), "estimate", c)
            Self.expectClose(fit.coefficients.map(\.standardError), Self.numbers(c.object["std_error"]), "std_error", c)
            Self.expectClose(fit.coefficients.map(\.statistic), Self.numbers(c.object["statistic"]), "z", c)
            let theirs = ["deviance", "null_deviance", "aic", "bic"].flatMap { Self.numbers(c.object[$0]) }
            Self.expectClose([fit.deviance, fit.nullDeviance, fit.aic, fit.bic], theirs, "deviance, null, AIC, BIC", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pLow }, Self.numbers(c.object["p_le"]), "p_le", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pHigh }, Self.numbers(c.object["p_ge"]), "p_ge", c)
            Self.expectClose(fit.coefficients.map { $0.pValues!.pAbsolute }, Self.numbers(c.object["p_abs"]), "p_abs", c)
        }
    }

    @Test(arguments: correlationCases)
    func correlationMatchesGcor(_ c: Case) throws {
        let (a, b) = try Self.pair(c)
        let result = try a.qapCorrelation(with: b, permutations: 0)
        Self.expectClose([result.correlation], Self.numbers(c.object["correlation"]), "r", c)
    }

    /// Each of our tails against sna's, both Monte-Carlo estimates of the same probability:
    /// they may differ by 4 standard errors of the difference of two binomial proportions,
    /// √(p̄(1 − p̄)(1/N₁ + 1/N₂)), plus 1/N₁ + 1/N₂ for our (k + 1)/(N + 1) against sna's k/N
    /// and for the discreteness at p near 0 or 1 (sna's counts are recorded with their N in
    /// the fixture; ours use 4,000 relabellings, 1,000 for the logistic model).
    @Test(arguments: permutationCases)
    func permutationPValuesAgreeWithSnaWithinMonteCarloError(_ c: Case) throws {
        let tests = c.object["permutation"] as! [String: any Sendable]
        let logistic = c.object["model"] as? String == "logistic"
        for (null, value) in tests.sorted(by: { $0.key < $1.key }) {
            let theirs = value as! [String: any Sendable]
            let theirReps = theirs["reps"] as! Double
            let ours = c.object["model"] == nil ? 10_000 : logistic ? 1_000 : 4_000
            let values: [PermutationPValues]
            if c.object["model"] == nil {
                let (a, b) = try Self.pair(c)
                values = [try a.qapCorrelation(with: b, permutations: ours, seed: 14).pValues!]
            } else {
                let (y, x) = try Self.variables(c)
                let kind = QAPNull(rawValue: null)!
                values =
                    logistic
                    ? try y.logisticQAPRegression(on: x, null: kind, permutations: ours, seed: 14).coefficients.map { $0.pValues! }
                    : try y.linearQAPRegression(on: x, null: kind, permutations: ours, seed: 14).coefficients.map { $0.pValues! }
            }
            for (tail, key) in [(\PermutationPValues.pLow, "p_le"), (\.pHigh, "p_ge"), (\.pAbsolute, "p_abs")] {
                let expected = Self.numbers(theirs[key])
                #expect(expected.count == values.count)
                // qapx relabels the intercept's matrix of ones, which changes nothing: its
                // statistic equals the observed one, and sna's tails are 0 or 1 by rounding.
                for (k, (p, q)) in zip(values.map { $0[keyPath: tail] }, expected).enumerated() where !(null == "qapx" && k == 0) {
                    let pooled = (p * Double(ours) + q * theirReps) / (Double(ours) + theirReps)
                    let tolerance =
                        4 * (pooled * (1 - pooled) * (1 / Double(ours) + 1 / theirReps)).squareRoot() + 1 / Double(ours)
                        + 1 / theirReps
                    #expect(
                        abs(p - q) <= tolerance,
                        "\(c.label) \(null) \(key)[\(k)]: ours \(p) (\(ours) relabellings), sna \(q) (\(Int(theirReps))), tolerance \(tolerance); \(theirs["call"] as? String ?? "")"
                    )
                }
            }
        }
    }
}
