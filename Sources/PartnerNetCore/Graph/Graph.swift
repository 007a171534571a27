/// A network over dense integer node handles `0..<nodeCount`, stored as compressed sparse
/// rows with out- and in-adjacency and arc weights (the representation igraph, NetworKit
/// and petgraph share).
///
/// Conventions (Docs/METRICS.md, "Graph conventions"): self-loops are dropped; duplicate arcs
/// are merged with their weights summed; an undirected edge is stored as two arcs, one in
/// each direction, so the out-rows of an undirected graph are its neighbour lists and its
/// in-adjacency is the same storage (shared, not copied). Each row is sorted by neighbour.
///
/// Memory: (n + 1) offsets and m neighbours and weights per direction, m being the number
/// of stored arcs (twice the edges of an undirected graph): about 12m + 8n bytes for a
/// directed graph's out-rows, the same again for its in-rows.
public struct Graph: Sendable {
    /// Whether arcs have a direction.
    public let isDirected: Bool
    /// Organisation id of each node, by handle.
    public let labels: [String]
    /// Node handle of each organisation id.
    public let handles: [String: Int]
    /// How the weights were formed from an area's relations; `nil` for a graph built from
    /// arcs directly.
    public let weightCombination: WeightCombination?

    @usableFromInline let outOffsets: [Int]
    @usableFromInline let outNeighbours: [Int32]
    @usableFromInline let outWeights: [Double]
    @usableFromInline let inOffsets: [Int]
    @usableFromInline let inNeighbours: [Int32]
    @usableFromInline let inWeights: [Double]
    /// Results derived from the graph (betweenness, distance summaries), computed once
    /// and shared by its copies: a graph never changes once built.
    package let memo = Memo()

    /// Number of nodes, isolates included.
    @inlinable public var nodeCount: Int { labels.count }

    /// Number of stored arcs: the arcs of a directed graph, twice the edges of an undirected one.
    @inlinable public var arcCount: Int { outNeighbours.count }

    /// Number of ties as networkx counts them: arcs when directed, edges when undirected.
    @inlinable public var edgeCount: Int { isDirected ? arcCount : arcCount / 2 }

    /// Builds a graph from arcs given as parallel arrays.
    ///
    /// Self-loops are dropped and repeated arcs merged (weights summed). For an undirected
    /// graph each pair is an edge, whichever way round it is given, so `(a, b)` and `(b, a)`
    /// merge.
    ///
    /// - Precondition: every endpoint is in `0..<labels.count`; the arrays have equal length.
    /// - Complexity: O(n + m) time (two stable counting sorts, then one merge pass) and
    ///   O(n + m) temporary space.
    public init(
        labels: [String], directed: Bool, sources: [Int32], targets: [Int32], weights: [Double]
    ) {
        precondition(sources.count == targets.count && targets.count == weights.count, "arc arrays differ in length")
        precondition(labels.count < Int(Int32.max), "too many nodes for 32-bit handles")
        var handles: [String: Int] = [:]
        handles.reserveCapacity(labels.count)
        for (handle, label) in labels.enumerated() { handles[label] = handle }
        self.init(
            labels: labels, handles: handles, directed: directed, sources: sources, targets: targets, weights: weights)
    }

    init(
        labels: [String], handles: [String: Int], directed: Bool,
        sources: [Int32], targets: [Int32], weights: [Double], weightCombination: WeightCombination? = nil
    ) {
        let n = labels.count
        let rows = CompressedRows(
            nodeCount: n, sources: sources, targets: targets, weights: weights, symmetric: !directed)
        self.isDirected = directed
        self.labels = labels
        self.handles = handles
        self.weightCombination = weightCombination
        self.outOffsets = rows.offsets
        self.outNeighbours = rows.neighbours
        self.outWeights = rows.weights
        if directed {
            let transposed = rows.transposed()
            self.inOffsets = transposed.offsets
            self.inNeighbours = transposed.neighbours
            self.inWeights = transposed.weights
        } else {
            self.inOffsets = rows.offsets
            self.inNeighbours = rows.neighbours
            self.inWeights = rows.weights
        }
    }

    /// Nodes reached by an arc from `node` (its neighbours when undirected), ascending.
    @inlinable public func successors(of node: Int) -> ArraySlice<Int32> {
        outNeighbours[outOffsets[node]..<outOffsets[node + 1]]
    }

    /// Weights of the arcs from `node`, aligned with ``successors(of:)``.
    @inlinable public func successorWeights(of node: Int) -> ArraySlice<Double> {
        outWeights[outOffsets[node]..<outOffsets[node + 1]]
    }

    /// Nodes with an arc to `node` (its neighbours when undirected), ascending.
    @inlinable public func predecessors(of node: Int) -> ArraySlice<Int32> {
        inNeighbours[inOffsets[node]..<inOffsets[node + 1]]
    }

    /// Weights of the arcs into `node`, aligned with ``predecessors(of:)``.
    @inlinable public func predecessorWeights(of node: Int) -> ArraySlice<Double> {
        inWeights[inOffsets[node]..<inOffsets[node + 1]]
    }

    /// Number of arcs from `node` (neighbours when undirected).
    @inlinable public func outDegree(of node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }

    /// Number of arcs into `node` (neighbours when undirected).
    @inlinable public func inDegree(of node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// Whether there is an arc from `source` to `target` (an edge, when undirected).
    ///
    /// - Complexity: O(log d), d the out-degree of `source`.
    public func hasArc(from source: Int, to target: Int) -> Bool {
        arcIndex(from: source, to: target) != nil
    }

    /// Weight of the arc from `source` to `target`, or `nil` when there is none.
    ///
    /// - Complexity: O(log d), d the out-degree of `source`.
    public func weight(from source: Int, to target: Int) -> Double? {
        arcIndex(from: source, to: target).map { outWeights[$0] }
    }

    private func arcIndex(from source: Int, to target: Int) -> Int? {
        var low = outOffsets[source]
        var high = outOffsets[source + 1]
        let wanted = Int32(target)
        while low < high {
            let middle = (low + high) / 2
            if outNeighbours[middle] < wanted { low = middle + 1 } else { high = middle }
        }
        return low < outOffsets[source + 1] && outNeighbours[low] == wanted ? low : nil
    }
}

/// Rows of neighbours built by counting sort: the working part of ``Graph``'s initialiser.
struct CompressedRows {
    var offsets: [Int]
    var neighbours: [Int32]
    var weights: [Double]

    /// Sorts the arcs by source, then target, dropping self-loops and merging repeats.
    /// With `symmetric`, each arc is stored in both directions.
    init(nodeCount n: Int, sources: [Int32], targets: [Int32], weights: [Double], symmetric: Bool) {
        // Arcs to keep, as (tail, head, weight), both ways round when symmetric.
        var tails: [Int32] = []
        var heads: [Int32] = []
        var values: [Double] = []
        let capacity = symmetric ? 2 * sources.count : sources.count
        tails.reserveCapacity(capacity)
        heads.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        for index in sources.indices {
            let (s, t, w) = (sources[index], targets[index], weights[index])
            precondition(s >= 0 && Int(s) < n && t >= 0 && Int(t) < n, "arc endpoint out of range")
            if s == t { continue }
            tails.append(s)
            heads.append(t)
            values.append(w)
            if symmetric {
                tails.append(t)
                heads.append(s)
                values.append(w)
            }
        }
        // Stable counting sort by head, then by tail: rows come out sorted by neighbour.
        let order = Self.stablyOrdered(Self.stablyOrdered(Array(tails.indices), by: heads, n: n), by: tails, n: n)
        // Merge runs of the same (tail, head), summing weights.
        var rowStarts = [Int](repeating: 0, count: n + 1)
        var outHeads: [Int32] = []
        var outValues: [Double] = []
        outHeads.reserveCapacity(order.count)
        outValues.reserveCapacity(order.count)
        var position = 0
        while position < order.count {
            let first = order[position]
            let (tail, head) = (tails[first], heads[first])
            var sum = values[first]
            position += 1
            while position < order.count, tails[order[position]] == tail, heads[order[position]] == head {
                sum += values[order[position]]
                position += 1
            }
            outHeads.append(head)
            outValues.append(sum)
            rowStarts[Int(tail) + 1] += 1
        }
        for node in 0..<n { rowStarts[node + 1] += rowStarts[node] }
        self.offsets = rowStarts
        self.neighbours = outHeads
        self.weights = outValues
    }

    private init(offsets: [Int], neighbours: [Int32], weights: [Double]) {
        self.offsets = offsets
        self.neighbours = neighbours
        self.weights = weights
    }

    /// The same arcs reversed: row `v` lists the tails of arcs into `v`, ascending.
    func transposed() -> CompressedRows {
        let n = offsets.count - 1
        var counts = [Int](repeating: 0, count: n + 1)
        for head in neighbours { counts[Int(head) + 1] += 1 }
        for node in 0..<n { counts[node + 1] += counts[node] }
        let inOffsets = counts
        var next = counts
        var tails = [Int32](repeating: 0, count: neighbours.count)
        var values = [Double](repeating: 0, count: neighbours.count)
        for tail in 0..<n {
            for arc in offsets[tail]..<offsets[tail + 1] {
                let head = Int(neighbours[arc])
                let slot = next[head]
                tails[slot] = Int32(tail)
                values[slot] = weights[arc]
                next[head] = slot + 1
            }
        }
        return CompressedRows(offsets: inOffsets, neighbours: tails, weights: values)
    }

    /// `order` rearranged, stably, by ascending `keys[index]`; keys lie in `0..<n`.
    private static func stablyOrdered(_ order: [Int], by keys: [Int32], n: Int) -> [Int] {
        var next = [Int](repeating: 0, count: n + 1)
        for key in keys { next[Int(key) + 1] += 1 }
        for node in 0..<n { next[node + 1] += next[node] }
        var sorted = [Int](repeating: 0, count: order.count)
        for index in order {
            let key = Int(keys[index])
            sorted[next[key]] = index
            next[key] += 1
        }
        return sorted
    }
}
