import PartnerNetCore
import Testing

@testable import PartnerNetMetrics

struct QAPTests {
    /// Three organisations, six ordered pairs:
    ///
    ///     pair   (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)
    ///     x        0     1     0     1     0     1
    ///     y        0     2     1     2     0     3
    ///
    /// x̄ = ½, ȳ = 4/3; Sxy = Σ (x − ½) y = −½(0 + 1 + 0) + ½(2 + 2 + 3) = 3; Sxx = 6 · ¼ = 3/2;
    /// slope 3 / (3/2) = 2, intercept 4/3 − 2 · ½ = 1/3; TSS = 18 − 6 (4/3)² = 22/3 and
    /// SSR = 2² · 3/2 = 6, so R² = 6 / (22/3) = 9/11; r = Sxy / √(Sxx · TSS) = 3/√11.
    static let x = DyadMatrix(order: 3, values: [0, 0, 1, 0, 0, 1, 0, 1, 0])
    static let y = DyadMatrix(order: 3, values: [0, 0, 2, 1, 0, 2, 0, 3, 0])

    @Test func linearRegressionWorkedByHand() throws {
        let fit = try Self.y.linearQAPRegression(on: [DyadPredictor("x", Self.x)], null: .qapy, permutations: 0)
        #expect(fit.mode == .directed && fit.pairs == 6)
        #expect(abs(fit.coefficients[0].estimate - 1.0 / 3) < 1e-12)
        #expect(abs(fit.coefficients[1].estimate - 2) < 1e-12)
        #expect(abs(fit.rSquared - 9.0 / 11) < 1e-12)
        #expect(fit.coefficients.map(\.term) == ["intercept", "x"])
        #expect(fit.coefficients.allSatisfy { $0.pValues == nil })
        let r = try Self.y.qapCorrelation(with: Self.x, permutations: 0)
        #expect(abs(r.correlation - 3 / 11.0.squareRoot()) < 1e-12)
    }

    /// With three organisations there are only 3! = 6 relabellings; the correlation of y
    /// with x takes each relabelling's value, so p-values must approach the exact share.
    @Test func correlationTestApproachesTheExactPermutationDistribution() throws {
        let observed = try Self.y.qapCorrelation(with: Self.x, permutations: 0).correlation
        var atLeast = 0
        for order in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let relabelled = DyadMatrix(order: 3) { i, j in Self.y[order[i], order[j]] }
            if try relabelled.qapCorrelation(with: Self.x, permutations: 0).correlation >= observed - 1e-12 {
                atLeast += 1
            }
        }
        let exact = Double(atLeast) / 6
        let test = try Self.y.qapCorrelation(with: Self.x, permutations: 60_000, seed: 5)
        // 4 binomial standard errors at N = 60,000.
        #expect(abs(test.pValues!.pHigh - exact) < 4 * (exact * (1 - exact) / 60_000).squareRoot() + 1e-4)
    }

    static func randomMatrix(_ n: Int, seed: UInt64, symmetric: Bool = false) -> DyadMatrix {
        var random = SplitMix64(seed: seed)
        var values = (0..<(n * n)).map { _ in Double(random.next() % 1000) / 100 }
        if symmetric {
            for i in 0..<n { for j in 0..<i { values[j * n + i] = values[i * n + j] } }
        }
        return DyadMatrix(order: n, values: values)
    }

    @Test(arguments: [QAPNull.qap, .qapy, .qapx, .qapallx])
    func sameSeedSameAnswerAndRelabellingLeavesEstimatesAlone(_ null: QAPNull) throws {
        let y = Self.randomMatrix(12, seed: 1)
        let predictors = [DyadPredictor("a", Self.randomMatrix(12, seed: 2)), DyadPredictor("b", Self.randomMatrix(12, seed: 3))]
        let first = try y.linearQAPRegression(on: predictors, null: null, permutations: 500, seed: 7)
        #expect(first == (try y.linearQAPRegression(on: predictors, null: null, permutations: 500, seed: 7)))
        let other = try y.linearQAPRegression(on: predictors, null: null, permutations: 500, seed: 8)
        #expect(first.coefficients.map(\.pValues) != other.coefficients.map(\.pValues))
        // Relabelling every matrix the same way changes no estimate.
        let order = [3, 0, 11, 5, 7, 1, 2, 10, 4, 9, 6, 8]
        func relabel(_ m: DyadMatrix) -> DyadMatrix { DyadMatrix(order: 12) { i, j in m[order[i], order[j]] } }
        let moved = try relabel(y).linearQAPRegression(
            on: predictors.map { DyadPredictor($0.name, relabel($0.matrix)) }, null: null, permutations: 0)
        for (a, b) in zip(first.coefficients, moved.coefficients) {
            #expect(abs(a.estimate - b.estimate) < 1e-10 && abs(a.statistic - b.statistic) < 1e-9)
        }
    }

    /// Semi-partialling's relabelled statistics agree with refitting the model from scratch
    /// (the Gram fast path against Householder QR): relabel one residual by hand, refit.
    @Test func fastPathAgreesWithARefit() throws {
        let y = Self.randomMatrix(9, seed: 11, symmetric: true)
        let predictors = [
            DyadPredictor("a", Self.randomMatrix(9, seed: 12, symmetric: true)),
            DyadPredictor("b", Self.randomMatrix(9, seed: 13, symmetric: true)),
        ]
        let design = try QAPDesign(outcome: y, predictors: predictors)
        #expect(design.mode == .undirected)
        let tests = try LinearQAPTests(design: design, null: .qap)
        let order = [4, 2, 8, 0, 6, 1, 3, 7, 5]
        for k in 0..<3 {
            let fast = tests.statistic(
                ofColumn: k, dense: tests.residuals[k], moments: tests.residualMoments[k], order: order)
            var columns = design.columnVectors.indices.filter { $0 != k }.map { design.columnVectors[$0] }
            columns.append(design.permutedVector(tests.residuals[k], order))
            let refit = try LeastSquaresFit.fit(columns, design.yVector).get()
            let slow =
                refit.coefficients[2]
                / (refit.inverseGramDiagonal[2] * refit.residualSumOfSquares / Double(design.pairs - 3)).squareRoot()
            #expect(abs(fast - slow) < 1e-9 * max(1, abs(slow)), "column \(k): fast \(fast), refit \(slow)")
        }
    }

    @Test func collinearAndConstantInputsAreErrors() throws {
        let a = Self.randomMatrix(6, seed: 4)
        let doubled = DyadMatrix(order: 6) { i, j in 2 * a[i, j] + 1 }
        #expect(throws: QAPError.collinear("b")) {
            try Self.randomMatrix(6, seed: 5).linearQAPRegression(on: [DyadPredictor("a", a), DyadPredictor("b", doubled)])
        }
        let constant = DyadMatrix(order: 6) { _, _ in 3 }
        #expect(throws: QAPError.self) { try a.qapCorrelation(with: constant) }
        #expect(throws: QAPError.outcomeConstant(tied: false)) {
            try DyadMatrix(order: 6) { _, _ in 0 }.logisticQAPRegression(on: [DyadPredictor("a", a)])
        }
    }

    /// R: `pt(2, 10)`, `pt(-1.5, 3)`, `pt(0.3, 1000)`, `pt(-7, 500)`.
    @Test func studentTMatchesR() {
        let cases: [(Double, Double, Double)] = [
            (2, 10, 9.6330598261462974e-01), (-1.5, 3, 1.1529193262241141e-01), (0.3, 1000, 6.1788024791637786e-01),
            (-7, 500, 4.1389547050729191e-12),
        ]
        for (t, nu, expected) in cases {
            let value = studentTCumulative(t, degreesOfFreedom: nu)
            #expect(abs(value - expected) <= 1e-12 * max(expected, 1e-3), "pt(\(t), \(nu)): \(value), R \(expected)")
        }
    }
}
