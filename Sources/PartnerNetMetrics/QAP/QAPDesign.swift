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
    /// The same over the pairs used, in sna's order, pairs with an unknown value left out.
    let yVector: [Double]
    let columnVectors: [[Double]]
    let names: [String]
    /// Positions i·n + j of the pairs (known or not), in sna's order.
    let pairIndices: [Int]
    /// Whether any matrix has an unknown pair: then relabelled fits are refitted on the
    /// pairs complete in each relabelling (``unknownTails(null:permutations:seed:observed:statistics:)``).
    let hasUnknown: Bool
    /// Pairs left out because a value is unknown.
    var unknownPairs: Int { pairIndices.count - yVector.count }

    /// Σ over pairs used = `scale` · Σ over the whole matrix (symmetric matrices count
    /// each pair twice).
    var scale: Double { mode == .directed ? 1 : 0.5 }
    var pairs: Int { yVector.count }

    init(outcome: DyadMatrix, predictors: [DyadPredictor]) throws(QAPError) {
        precondition(!predictors.isEmpty, "a regression needs at least one predictor")
        let n = outcome.order
        guard predictors.allSatisfy({ $0.matrix.order == n }) else { throw .orderMismatch }
        let mode = DyadMode([outcome] + predictors.map(\.matrix))
        let ones = DyadMatrix(order: n) { _, _ in 1 }
        let indices = mode.pairIndices(order: n)
        let columns = [ones.values] + predictors.map(\.matrix.values)
        let complete = mode.completeVectors(outcome.values, columns, indices: indices)
        guard n >= 3, complete.y.count > predictors.count + 1 else {
            throw .tooFewPairs(pairs: complete.y.count, coefficients: predictors.count + 1)
        }
        self.n = n
        self.mode = mode
        self.y = outcome.values
        self.columns = columns
        self.yVector = complete.y
        self.columnVectors = complete.columns
        self.names = ["intercept"] + predictors.map(\.name)
        self.pairIndices = indices
        self.hasUnknown = outcome.hasUnknown || predictors.contains { $0.matrix.hasUnknown }
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
    ///
    /// As in sna, the regression is over the pairs where every predictor is known, whatever
    /// the outcome (an unknown outcome does not remove a pair from it). A pair with an
    /// unknown predictor has an unknown residual (NaN). (sna 2.7 writes the residuals of
    /// the complete pairs over all pairs there, recycling them out of place; the residual
    /// it means to relabel is this one.)
    func residualMatrix(of k: Int) throws(QAPError) -> [Double] {
        let known = hasUnknown ? pairIndices.filter { index in !columns.contains { $0[index].isNaN } } : pairIndices
        let vectors = hasUnknown ? columns.map { column in known.map { column[$0] } } : columnVectors
        let others = vectors.indices.filter { $0 != k }.map { vectors[$0] }
        switch LeastSquaresFit.fit(others, vectors[k]) {
        case .success(let fit):
            var residual = vectors[k]
            for (beta, column) in zip(fit.coefficients, others) {
                for i in residual.indices { residual[i] -= beta * column[i] }
            }
            guard hasUnknown else { return matrix(fromVector: residual) }
            var out = [Double](repeating: .nan, count: n * n)
            for i in 0..<n { out[i * n + i] = 0 }
            for (index, value) in zip(known, residual) {
                out[index] = value
                if mode == .undirected { out[(index % n) * n + index / n] = value }
            }
            return out
        case .failure(let collinear):
            let index = vectors.indices.filter { $0 != k }[collinear.column]
            throw .collinear(names[index])
        }
    }

    /// Tail counts per coefficient when some pair is unknown: each relabelled fit is a full
    /// refit on the pairs complete in it, the relabelled matrix carrying its unknown pairs
    /// (sna's `rmperm` of a matrix with `NA` cells, then `gfit`'s complete cases). The
    /// statistics are compared with the observed fit's, as sna compares with `fit$tstat`.
    ///
    /// - Parameter statistics: the t (z) values of a fit of y on the columns, given as dense
    ///   matrices (unknown cells NaN), over the pairs complete in them; `nil` when it fails.
    /// - Complexity: O(N · p · cost of a fit) time over all cores.
    func unknownTails(
        null: QAPNull, permutations: Int, seed: UInt64, observed: [Double],
        statistics: @escaping @Sendable ([Double], [[Double]]) -> [Double]?
    ) throws(QAPError) -> [TailCounts] {
        let p = columns.count
        let residuals = try null == .qap ? (0..<p).map { k throws(QAPError) in try residualMatrix(of: k) } : []
        let design = self
        let blocks = QAPPermutations.blocks(permutations: permutations, seed: seed) { range, random in
            var tails = [TailCounts](repeating: TailCounts(), count: p)
            var order = Array(0..<design.n)
            func refit(_ y: [Double], _ columns: [[Double]]) -> [Double] {
                statistics(y, columns) ?? [Double](repeating: .nan, count: columns.count)
            }
            for _ in range {
                QAPPermutations.shuffle(&order, &random)
                switch null {
                case .qapy:
                    let t = refit(QAPPermutations.permuted(design.y, order, n: design.n), design.columns)
                    for k in 0..<p { tails[k].count(t[k], observed: observed[k]) }
                case .qapx:
                    tails[0].count(observed[0], observed: observed[0])
                    for k in 1..<p {
                        var columns = design.columns
                        columns[k] = QAPPermutations.permuted(design.columns[k], order, n: design.n)
                        tails[k].count(refit(design.y, columns)[k], observed: observed[k])
                    }
                case .qapallx:
                    var columns = design.columns
                    for k in 1..<p {
                        if k > 1 { QAPPermutations.shuffle(&order, &random) }
                        columns[k] = QAPPermutations.permuted(design.columns[k], order, n: design.n)
                    }
                    let t = refit(design.y, columns)
                    for k in 0..<p { tails[k].count(t[k], observed: observed[k]) }
                case .qap:
                    for k in 0..<p {
                        var columns = design.columns.indices.filter { $0 != k }.map { design.columns[$0] }
                        columns.append(QAPPermutations.permuted(residuals[k], order, n: design.n))
                        tails[k].count(refit(design.y, columns)[p - 1], observed: observed[k])
                    }
                case .classical:
                    break
                }
            }
            return tails
        }
        return TailCounts.summed(blocks, statistics: p)
    }

    /// The collinearity error for a failed fit of every column.
    func collinear(_ failure: LeastSquaresFit.Collinear) -> QAPError { .collinear(names[failure.column]) }
}

extension QAPDesign {
    /// The t-values of the least-squares fit of `y` on `columns` (dense, unknown cells NaN)
    /// over the pairs complete in them, from their Gram matrix in one pass (no pair vectors
    /// are built): the linear model's relabelled fits when some pair is unknown. `nil` when
    /// no degree of freedom is left or the columns are collinear there.
    ///
    /// - Complexity: O(n² p²) time, O(p²) space.
    func gramTValues(_ y: [Double], _ columns: [[Double]]) -> [Double]? {
        let p = columns.count
        var gram = [Double](repeating: 0, count: p * p)
        var cross = [Double](repeating: 0, count: p)
        var yy = 0.0
        var rows = 0
        var x = [Double](repeating: 0, count: p)
        pairs: for index in pairIndices {
            let value = y[index]
            if value.isNaN { continue }
            for k in 0..<p {
                x[k] = columns[k][index]
                if x[k].isNaN { continue pairs }
            }
            rows += 1
            yy += value * value
            for j in 0..<p {
                cross[j] += x[j] * value
                for k in 0...j { gram[j * p + k] += x[j] * x[k] }
            }
        }
        guard rows > p else { return nil }
        for j in 0..<p {
            for k in 0..<j { gram[k * p + j] = gram[j * p + k] }
        }
        return LeastSquaresFit.tValues(gram: gram, cross, yy: yy, rows: rows)
    }

    /// The z-values of the logistic fit of `y` on `columns` (dense, unknown cells NaN) over
    /// the pairs complete in them; `nil` when the fit fails.
    func logisticZValues(_ y: [Double], _ columns: [[Double]]) -> [Double]? {
        let complete = mode.completeVectors(y, columns, indices: pairIndices)
        guard complete.y.count > columns.count else { return nil }
        return (try? LogisticFit.fit(complete.columns, complete.y).get())?.statistics
    }
}
