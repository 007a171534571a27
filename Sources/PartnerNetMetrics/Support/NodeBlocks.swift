import PartnerNetCore

/// A fixed partition of the nodes `0..<n` into consecutive blocks, for work that is split
/// across cores and must give the same answer whatever the number of cores.
///
/// The number of blocks depends only on n (at most ``maximumCount``), never on the
/// machine: each block is computed alone, in ascending node order, and the caller combines
/// the block results in block order. A floating-point sum over all sources is therefore
/// the same sum, in the same order, on one core or on sixty-four.
struct NodeBlocks: Sendable {
    /// Upper bound on the number of blocks: enough to keep many cores busy when blocks
    /// take unequal time, few enough that one result per block stays small.
    static let maximumCount = 64

    let nodeCount: Int
    let count: Int

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        self.count = min(Self.maximumCount, nodeCount)
    }

    /// The nodes of block `index`.
    func range(_ index: Int) -> Range<Int> {
        (index * nodeCount / count)..<((index + 1) * nodeCount / count)
    }

    /// `body` applied to every block, results in block order.
    ///
    /// - Parameters:
    ///   - threads: `1` runs the blocks one after another on the calling thread; `nil`
    ///     runs them on all cores (unless `work`, a rough count of operations, is too small
    ///     to repay starting threads). The results are identical either way.
    func map<T: Sendable>(threads: Int? = nil, work: Int = .max, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        if threads == 1 || work < 200_000 || count <= 1 {
            return (0..<count).map { body(range($0)) }
        }
        return parallelMap(count) { body(range($0)) }
    }

    /// `body` run on every block, serially or on all cores as ``map(threads:work:_:)``
    /// decides; for bodies that write each block's results into their own slots.
    func forEach(threads: Int? = nil, work: Int = .max, _ body: @Sendable (Range<Int>) -> Void) {
        _ = map(threads: threads, work: work, body)
    }

    /// Per-node vectors from every block, added element by element in block order.
    func sum(threads: Int? = nil, work: Int = .max, _ body: @Sendable (Range<Int>) -> [Double]) -> [Double] {
        added(map(threads: threads, work: work, body))
    }

    /// The blocks' per-node vectors added element by element in block order, so that the
    /// total is the same bits whatever the number of threads that made them.
    func added(_ partials: [[Double]]) -> [Double] {
        var total = [Double](repeating: 0, count: nodeCount)
        for partial in partials {
            for node in 0..<nodeCount { total[node] += partial[node] }
        }
        return total
    }

    /// One value per node, each computed alone, concatenated in node order.
    func values<T: Sendable>(threads: Int? = nil, work: Int = .max, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        Array(map(threads: threads, work: work, body).joined())
    }
}
