import PartnerNetCore

/// A value for every ordered pair of n organisations: one dyadic variable of a QAP test or
/// regression (a relation's weights, shared partnerships, a same-sector indicator).
///
/// Stored dense and row-major, `values[i·n + j]` the value of the pair (i, j). The diagonal
/// is never read: QAP leaves it out, as `sna` does with `diag = FALSE`, and the
/// initialisers set it to 0 so that sums over the whole matrix are sums over its pairs.
///
/// A pair whose value is unknown (a tie recorded with the weight `NA`) holds NaN. QAP
/// leaves such pairs out of every fit, as `sna` does with `NA` cells; a relabelled matrix
/// carries its unknown pairs with it, so the pairs left out of a relabelled fit are the
/// relabelled ones.
///
/// Memory: 8n² bytes (1.3 MB for 400 organisations).
public struct DyadMatrix: Sendable, Hashable {
    /// Number of organisations.
    public let order: Int
    /// Values by pair, row-major, the diagonal 0.
    public private(set) var values: [Double]

    /// A matrix from its values, row-major; the diagonal is set to 0.
    ///
    /// - Precondition: `values.count == order · order`.
    public init(order: Int, values: [Double]) {
        precondition(values.count == order * order, "a dyad matrix needs order² values")
        self.order = order
        self.values = values
        for i in 0..<order { self.values[i * order + i] = 0 }
    }

    /// A matrix whose pair (i, j) holds `value(i, j)`; the diagonal is 0.
    public init(order: Int, _ value: (Int, Int) -> Double) {
        var values = [Double](repeating: 0, count: order * order)
        for i in 0..<order {
            for j in 0..<order where i != j { values[i * order + j] = value(i, j) }
        }
        self.order = order
        self.values = values
    }

    /// The weighted adjacency of a graph: the weight of the arc i→j, 0 without one. An
    /// undirected graph gives a symmetric matrix.
    ///
    /// - Complexity: O(n² + m) time and 8n² bytes.
    public init(adjacencyOf graph: Graph) {
        let n = graph.nodeCount
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for (j, weight) in zip(graph.successors(of: i), graph.successorWeights(of: i)) {
                values[i * n + Int(j)] = weight
            }
        }
        self.init(order: n, values: values)
    }

    /// The value of the pair (i, j).
    @inlinable public subscript(i: Int, j: Int) -> Double { values[i * order + j] }

    /// Whether every pair has the value of its reverse (an unknown pair the reverse of an
    /// unknown one).
    public var isSymmetric: Bool {
        for i in 0..<order {
            for j in 0..<i {
                let (a, b) = (values[i * order + j], values[j * order + i])
                if a != b && !(a.isNaN && b.isNaN) { return false }
            }
        }
        return true
    }

    /// 1 where the value is above 0, else 0: tie presence, the outcome of a logistic QAP.
    /// Unknown pairs stay unknown.
    public var binarized: DyadMatrix {
        DyadMatrix(order: order, values: values.map { $0.isNaN ? .nan : ($0 > 0 ? 1 : 0) })
    }

    /// The matrix with the pairs (i, j) of `pairs` unknown (NaN), and (j, i) too when
    /// `symmetric` (an undirected relation). Pairs on the diagonal are ignored.
    public func withUnknown(_ pairs: [(Int, Int)], symmetric: Bool) -> DyadMatrix {
        var copy = self
        for (i, j) in pairs where i != j {
            copy.values[i * order + j] = .nan
            if symmetric { copy.values[j * order + i] = .nan }
        }
        return copy
    }

    /// The number of ordered pairs (i ≠ j) whose value is unknown.
    public var unknownCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    /// Whether any pair is unknown.
    public var hasUnknown: Bool { values.contains { $0.isNaN } }
}

/// Which pairs a QAP analysis uses: every ordered pair (i ≠ j) of a directed analysis, or
/// each unordered pair once (i > j, `sna`'s `mode = "graph"`) when every matrix is symmetric.
public enum DyadMode: String, Sendable, Hashable {
    case directed
    case undirected

    /// `.undirected` when every matrix is symmetric, else `.directed`.
    public init(_ matrices: [DyadMatrix]) {
        self = matrices.allSatisfy(\.isSymmetric) ? .undirected : .directed
    }

    /// The pairs used, for n organisations: n(n − 1) or n(n − 1)/2.
    public func pairCount(order n: Int) -> Int { self == .directed ? n * (n - 1) : n * (n - 1) / 2 }

    /// The values of the pairs used, in `sna`'s order (column-major over the pairs kept:
    /// `gvectorize`), so that regressions fitted on them match `sna` to rounding.
    func vector(_ matrix: DyadMatrix) -> [Double] {
        pairIndices(order: matrix.order).map { matrix.values[$0] }
    }

    /// The positions of the pairs used, in `sna`'s order (column by column, i > j when
    /// undirected): i·n + j when directed; when undirected, where every matrix is
    /// symmetric, its twin j·n + i, which holds the same value and lies next to the pair
    /// before it, so that a vector is read off in memory order rather than a row apart.
    func pairIndices(order n: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(pairCount(order: n))
        for j in 0..<n {
            if self == .undirected {
                for i in (j + 1)..<n { out.append(j * n + i) }
            } else {
                for i in 0..<n where i != j { out.append(i * n + j) }
            }
        }
        return out
    }

    /// The values of `y` and of each column at the pairs used where none of them is
    /// unknown (NaN): `sna`'s complete cases (`mis <- is.na(y) | apply(is.na(x), 1, any)`).
    ///
    /// - Complexity: O(n² · (k + 1)) for k columns over n organisations; when no value is
    ///   unknown, each vector is read off at once, without a check a pair.
    func completeVectors(_ y: [Double], _ columns: [[Double]], indices: [Int]) -> (y: [Double], columns: [[Double]]) {
        if !y.contains(where: \.isNaN) && !columns.contains(where: { $0.contains(where: \.isNaN) }) {
            return (indices.map { y[$0] }, columns.map { column in indices.map { column[$0] } })
        }
        var yOut: [Double] = []
        var columnsOut = [[Double]](repeating: [], count: columns.count)
        yOut.reserveCapacity(indices.count)
        for k in columnsOut.indices { columnsOut[k].reserveCapacity(indices.count) }
        for index in indices {
            if y[index].isNaN || columns.contains(where: { $0[index].isNaN }) { continue }
            yOut.append(y[index])
            for k in columns.indices { columnsOut[k].append(columns[k][index]) }
        }
        return (yOut, columnsOut)
    }
}

/// Why a QAP test or regression cannot be computed.
public enum QAPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Matrices of different orders.
    case orderMismatch
    /// Fewer pairs than coefficients, or fewer than 3 organisations.
    case tooFewPairs(pairs: Int, coefficients: Int)
    /// A variable with the same value on every pair: no correlation is defined.
    case constant(String)
    /// Predictors that are linear combinations of each other (with the intercept):
    /// the coefficients are not identified. Names the first dependent one.
    case collinear(String)
    /// A logistic outcome with every pair tied, or none.
    case outcomeConstant(tied: Bool)
    /// The logistic fit did not converge (separation: a predictor splits ties from non-ties).
    case didNotConverge(iterations: Int)

    public var description: String {
        switch self {
        case .orderMismatch: "the matrices have different numbers of organisations"
        case .tooFewPairs(let pairs, let coefficients):
            "too few pairs (\(pairs)) for \(coefficients) coefficients"
        case .constant(let name): "\(name) has the same value for every pair, so it correlates with nothing"
        case .collinear(let name):
            "\(name) is a linear combination of the other predictors and the intercept; drop it or another"
        case .outcomeConstant(let tied):
            tied
                ? "every pair is tied, so there is nothing to predict"
                : "no pair is tied, so there is nothing to predict"
        case .didNotConverge(let iterations):
            "the logistic fit did not converge in \(iterations) iterations (a predictor may separate ties from non-ties)"
        }
    }
}
