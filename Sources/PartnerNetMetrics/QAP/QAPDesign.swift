import PartnerNetCore

/// A named predictor of a QAP regression.
public struct DyadPredictor: Sendable, Hashable {
    /// The name reported with its coefficient (a term as the user wrote it).
    public let name: String
    public let matrix: DyadMatrix

    public init(_ name: String, _ matrix: DyadMatrix) {
        self.name = name
        self.matrix = matrix
    }
}

/// The null hypothesis a QAP regression's coefficients are tested against (`sna::netlm`'s
/// `nullhyp`).
public enum QAPNull: String, Sendable, Hashable, CaseIterable {
    /// Dekker, Krackhardt & Snijders's semi-partialling (`"qapspp"`, which sna 2.7's
    /// `"qap"` means): for each coefficient, its predictor is regressed on the others (and
    /// the intercept), the residual matrix relabelled, and the model refitted with the
    /// relabelled residual in its place. Robust to collinear predictors.
    case qap
    /// Relabel the outcome (Krackhardt 1988's Y-permutation).
    case qapy
    /// Relabel one predictor at a time, the others fixed.
    case qapx
    /// Relabel every predictor, each independently, the outcome fixed.
    case qapallx
    /// No permutation: Student's t with N − p degrees of freedom, as if pairs were
    /// independent (they are not; shown for comparison).
    case classical
}

/// One coefficient of a QAP regression.
public struct QAPCoefficient: Sendable, Hashable {
    /// `intercept`, or the predictor's name.
    public let term: String
    public let estimate: Double
    public let standardError: Double
    /// The test statistic: estimate / standard error (t for the linear model, z for the
    /// logistic), the statistic `sna` permutes by default.
    public let statistic: Double
    /// Tails of the statistic under the null; `nil` with 0 permutations.
    public let pValues: PermutationPValues?
}

/// The dense matrices and the pair vectors of a regression, built once.
struct QAPDesign {
    let n: Int
    let mode: DyadMode
    /// Outcome and columns (the intercept first) as dense n×n matrices, diagonals 0.
    let y: [Double]
    let columns: [[Double]]
    /// The same over the pairs used, in sna's order.
    let yVector: [Double]
    let columnVectors: [[Double]]
    let names: [String]

    /// Σ over pairs used = `scale` · Σ over the whole matrix (symmetric matrices count
    /// each pair twice).
    var scale: Double { mode == .directed ? 1 : 0.5 }
    var pairs: Int { yVector.count }

    init(outcome: DyadMatrix, predictors: [DyadPredictor]) throws(QAPError) {
        precondition(!predictors.isEmpty, "a regression needs at least one predictor")
        let n = outcome.order
        guard predictors.allSatisfy({ $0.matrix.order == n }) else { throw .orderMismatch }
        let mode = DyadMode([outcome] + predictors.map(\.matrix))
        guard n >= 3, mode.pairCount(order: n) > predictors.count + 1 else {
            throw .tooFewPairs(pairs: mode.pairCount(order: n), coefficients: predictors.count + 1)
        }
        let ones = DyadMatrix(order: n) { _, _ in 1 }
        self.n = n
        self.mode = mode
        self.y = outcome.values
        self.columns = [ones.values] + predictors.map(\.matrix.values)
        self.yVector = mode.vector(outcome)
        self.columnVectors = ([ones] + predictors.map(\.matrix)).map(mode.vector)
        self.names = ["intercept"] + predictors.map(\.name)
    }

    /// A pair vector back as a dense matrix (both triangles when undirected).
    func matrix(fromVector vector: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        var index = 0
        for j in 0..<n {
            for i in 0..<n where i != j && (mode == .directed || i > j) {
                out[i * n + j] = vector[index]
                if mode == .undirected { out[j * n + i] = vector[index] }
                index += 1
            }
        }
        return out
    }

    /// A dense matrix relabelled by `order`, as a pair vector.
    func permutedVector(_ dense: [Double], _ order: [Int]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(pairs)
        for j in 0..<n {
            let pj = order[j]
            for i in 0..<n where i != j && (mode == .directed || i > j) { out.append(dense[order[i] * n + pj]) }
        }
        return out
    }

    /// The residual of column k regressed on the other columns, as a dense matrix: the
    /// relabelled variable of Dekker et al.'s semi-partialling (`sna`'s `xres`).
    func residualMatrix(of k: Int) throws(QAPError) -> [Double] {
        let others = columnVectors.indices.filter { $0 != k }.map { columnVectors[$0] }
        switch LeastSquaresFit.fit(others, columnVectors[k]) {
        case .success(let fit):
            var residual = columnVectors[k]
            for (beta, column) in zip(fit.coefficients, others) {
                for i in residual.indices { residual[i] -= beta * column[i] }
            }
            return matrix(fromVector: residual)
        case .failure(let collinear):
            let index = columnVectors.indices.filter { $0 != k }[collinear.column]
            throw .collinear(names[index])
        }
    }

    /// The collinearity error for a failed fit of every column.
    func collinear(_ failure: LeastSquaresFit.Collinear) -> QAPError { .collinear(names[failure.column]) }
}
