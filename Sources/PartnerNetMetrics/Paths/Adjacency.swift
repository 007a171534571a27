import PartnerNetCore

/// One direction of a graph's arcs in flat buffers, for the inner loops of path searches
/// and iterations: row `v` is `targets[offsets[v]..<offsets[v + 1]]`, ascending, with the
/// aligned `values` (arc lengths or weights; empty when not asked for).
///
/// A contiguous copy of the graph's rows, read through unsafe buffers so the hot loops
/// carry no bounds checks or reference counting. Building it is O(n + m), negligible
/// beside the O(nm) searches that use it. Immutable once built, so it may be shared
/// between threads.
final class Adjacency: @unchecked Sendable {
    /// What to store alongside each arc.
    enum Values {
        /// Nothing: unweighted searches.
        case none
        /// The tie strength, for valued-adjacency measures.
        case weights
        /// 1/weight, the length of the arc in path-based measures.
        case lengths
    }

    let nodeCount: Int
    let arcCount: Int
    let offsets: UnsafeMutableBufferPointer<Int>
    let targets: UnsafeMutableBufferPointer<Int32>
    let values: UnsafeMutableBufferPointer<Double>

    /// The out-rows of `graph` (`incoming: false`) or its in-rows.
    init(_ graph: Graph, incoming: Bool = false, values kind: Values = .none) {
        nodeCount = graph.nodeCount
        arcCount = graph.arcCount
        offsets = .allocate(capacity: nodeCount + 1)
        targets = .allocate(capacity: arcCount)
        values = .allocate(capacity: kind == .none ? 0 : arcCount)
        var next = 0
        offsets[0] = 0
        for node in 0..<nodeCount {
            let row = incoming ? graph.predecessors(of: node) : graph.successors(of: node)
            let weights = incoming ? graph.predecessorWeights(of: node) : graph.successorWeights(of: node)
            for (target, weight) in zip(row, weights) {
                targets[next] = target
                switch kind {
                case .none: break
                case .weights: values[next] = weight
                case .lengths: values[next] = 1 / weight
                }
                next += 1
            }
            offsets[node + 1] = next
        }
    }

    /// An adjacency from rows already built: `offsets` has n + 1 entries.
    init(offsets: [Int], targets: [Int32], values: [Double] = []) {
        nodeCount = offsets.count - 1
        arcCount = targets.count
        self.offsets = .allocate(capacity: offsets.count)
        _ = self.offsets.initialize(from: offsets)
        self.targets = .allocate(capacity: targets.count)
        _ = self.targets.initialize(from: targets)
        self.values = .allocate(capacity: values.count)
        _ = self.values.initialize(from: values)
    }

    deinit {
        offsets.deallocate()
        targets.deallocate()
        values.deallocate()
    }

    /// Number of arcs in row `node`.
    @inline(__always) func degree(of node: Int) -> Int { offsets[node + 1] - offsets[node] }
}

/// Whether two path lengths count as equal: they differ by less than 1e-10 relative to
/// their size, igraph's rule (`igraph_cmp_epsilon`), so that 1/3 + 1/3 + 1/3 ties with 1.
@inline(__always)
func pathLengthsTie(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) < 1e-10 * (abs(a) + abs(b))
}
