import PartnerNetCore

/// The seeded, core-count-independent relabelling scheme of every QAP test: permutations
/// are drawn in 64 fixed blocks, block b from its own SplitMix64 stream seeded from `seed`,
/// each a Fisher–Yates shuffle with Lemire's unbiased bounded draws (as
/// ``Graph/eiPermutationTest(groups:permutations:seed:)``), so a result depends on the seed
/// only, never on the number of cores.
enum QAPPermutations {
    static let blockCount = 64

    /// `body(block, range, &generator)` for each block in parallel, results in block order.
    static func blocks<T: Sendable>(
        permutations: Int, seed: UInt64, _ body: @Sendable (Range<Int>, inout SplitMix64) -> T
    ) -> [T] {
        var streams = SplitMix64(seed: seed)
        let seeds = (0..<blockCount).map { _ in streams.next() }
        return parallelMap(blockCount) { block in
            var random = SplitMix64(seed: seeds[block])
            return body((block * permutations / blockCount)..<((block + 1) * permutations / blockCount), &random)
        }
    }

    /// Shuffles `order` in place (Fisher–Yates from the end).
    static func shuffle(_ order: inout [Int], _ random: inout SplitMix64) {
        var index = order.count - 1
        while index > 0 {
            order.swapAt(index, Int(random.bounded(UInt64(index + 1))))
            index -= 1
        }
    }

    /// Σᵢⱼ A[π(i), π(j)] · Bₖ[i, j] for each target Bₖ: the dot products of the relabelled
    /// A (rows and columns permuted together, `sna::rmperm`) with fixed matrices, over the
    /// whole matrix (diagonals are 0), reading A's relabelled cells in place. A sparse
    /// target reads only the cells at its nonzero pairs.
    ///
    /// - Complexity: O(Σₖ min(n², nnz(Bₖ))) time.
    static func permutedDots(_ a: [Double], _ order: [Int], with targets: [DotTarget], n: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: targets.count)
        a.withUnsafeBufferPointer { a in
            order.withUnsafeBufferPointer { order in
                for i in 0..<n {
                    let base = order[i] * n
                    for (k, target) in targets.enumerated() {
                        sums[k] += target.rowDot(i, n: n, a: a, base: base, order: order)
                    }
                }
            }
        }
        return sums
    }

    /// The matrix relabelled: out[i, j] = A[π(i), π(j)].
    static func permuted(_ a: [Double], _ order: [Int], n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            let base = order[i] * n
            for j in 0..<n { out[i * n + j] = a[base + order[j]] }
        }
        return out
    }

    /// Σ A·B over the whole matrix.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
}

/// A fixed matrix that relabelled matrices are multiplied with: dense, or as compressed
/// rows of its nonzero cells when at most a third of them are nonzero (relations, shared
/// partnerships and same-group indicators usually are sparse).
struct DotTarget: Sendable {
    let dense: [Double]
    let offsets: [Int]
    let columns: [Int]
    let values: [Double]
    let isDense: Bool

    init(_ matrix: [Double], n: Int) {
        let nonzero = matrix.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        isDense = nonzero * 3 > n * n
        var offsets = [0]
        var columns: [Int] = []
        var values: [Double] = []
        if !isDense {
            for i in 0..<n {
                for j in 0..<n where matrix[i * n + j] != 0 {
                    columns.append(j)
                    values.append(matrix[i * n + j])
                }
                offsets.append(columns.count)
            }
        }
        self.dense = isDense ? matrix : []
        self.offsets = offsets
        self.columns = columns
        self.values = values
    }

    /// Σⱼ A[π(i), π(j)] · B[i, j], `base` = π(i)·n.
    @inline(__always)
    func rowDot(_ i: Int, n: Int, a: UnsafeBufferPointer<Double>, base: Int, order: UnsafeBufferPointer<Int>) -> Double
    {
        if isDense {
            return dense.withUnsafeBufferPointer { b in
                let offset = i * n
                var s0 = 0.0
                var s1 = 0.0
                var s2 = 0.0
                var s3 = 0.0
                var j = 0
                while j + 4 <= n {
                    s0 += a[base + order[j]] * b[offset + j]
                    s1 += a[base + order[j + 1]] * b[offset + j + 1]
                    s2 += a[base + order[j + 2]] * b[offset + j + 2]
                    s3 += a[base + order[j + 3]] * b[offset + j + 3]
                    j += 4
                }
                while j < n {
                    s0 += a[base + order[j]] * b[offset + j]
                    j += 1
                }
                return (s0 + s1) + (s2 + s3)
            }
        }
        var sum = 0.0
        columns.withUnsafeBufferPointer { columns in
            values.withUnsafeBufferPointer { values in
                for c in offsets[i]..<offsets[i + 1] { sum += a[base + order[columns[c]]] * values[c] }
            }
        }
        return sum
    }
}

/// One-sided and absolute tallies of a permutation distribution against an observed value.
struct TailCounts: Sendable {
    var atMost = 0
    var atLeast = 0
    var absoluteAtLeast = 0

    /// Two values within 1e-9 relative (1e-9 absolute near 0) count as equal, so a
    /// relabelling that reproduces the observed value (an automorphism) lands in both tails
    /// despite rounding in a different order of summation.
    mutating func count(_ value: Double, observed: Double) {
        guard value.isFinite else { return }
        let tolerance = 1e-9 * max(1, abs(value), abs(observed))
        if value <= observed + tolerance { atMost += 1 }
        if value >= observed - tolerance { atLeast += 1 }
        if abs(value) >= abs(observed) - tolerance { absoluteAtLeast += 1 }
    }

    mutating func add(_ other: TailCounts) {
        atMost += other.atMost
        atLeast += other.atLeast
        absoluteAtLeast += other.absoluteAtLeast
    }

    /// Each statistic's counts over the blocks of relabellings, in block order.
    static func summed(_ blocks: [[TailCounts]], statistics p: Int) -> [TailCounts] {
        var total = [TailCounts](repeating: TailCounts(), count: p)
        for block in blocks {
            for k in 0..<p { total[k].add(block[k]) }
        }
        return total
    }
}

/// Permutation p-values: each tail (k + 1)/(N + 1) over N relabellings, the observed
/// labelling counted once (Phipson & Smyth 2010), so none is 0. `sna` reports k/N; the two
/// differ by less than 1/N.
public struct PermutationPValues: Sendable, Hashable, Codable {
    /// P(statistic ≤ observed).
    public let pLow: Double
    /// P(statistic ≥ observed).
    public let pHigh: Double
    /// P(|statistic| ≥ |observed|): the two-sided test.
    public let pAbsolute: Double

    public init(pLow: Double, pHigh: Double, pAbsolute: Double) {
        self.pLow = pLow
        self.pHigh = pHigh
        self.pAbsolute = pAbsolute
    }

    init(_ counts: TailCounts, permutations: Int) {
        let share = { (k: Int) in Double(k + 1) / Double(permutations + 1) }
        self.init(
            pLow: share(counts.atMost), pHigh: share(counts.atLeast), pAbsolute: share(counts.absoluteAtLeast))
    }
}
