import PartnerNetCore

/// What a conditional uniform graph (CUG) test holds fixed (`sna::cug.test`'s `cmode`).
public enum CUGCondition: String, Sendable, Hashable, CaseIterable {
    /// The number of organisations: every possible tie present with probability ½.
    case size
    /// The organisations and the number of ties (arcs, when directed), placed uniformly.
    case edges
    /// The organisations and the dyad census: as many mutual, asymmetric and null pairs
    /// (for an undirected graph, the same as `edges`).
    case dyadCensus = "dyad-census"
}

/// Where a network value falls among the values of random graphs that share some of its
/// features.
public struct CUGTest: Sendable, Hashable {
    public let observed: Double
    /// The mean and standard deviation (n − 1 denominator) over the random graphs where
    /// the value is defined.
    public let mean: Double
    public let standardDeviation: Double
    /// P(value ≤ observed) and P(value ≥ observed), each (k + 1)/(N + 1) over the N random
    /// graphs where the value is defined (sna reports k/N).
    public let pLow: Double
    public let pHigh: Double
    /// Random graphs drawn, and those where the value was defined.
    public let draws: Int
    public let definedDraws: Int
    public let condition: CUGCondition
    public let seed: UInt64
}

extension Graph {
    /// A uniform random graph over the same organisations (labels and handles) and
    /// direction, conditioned on `condition`; every tie weighs 1.
    ///
    /// `size`: each of the n(n − 1) arcs (n(n − 1)/2 edges) independently with probability
    /// ½; `edges`: a uniformly chosen set of as many arcs (edges) as this graph has;
    /// `dyad-census`: as many pairs tied both ways and one way as this graph, chosen
    /// uniformly among the pairs, one-way pairs in a uniformly chosen direction (sna's
    /// `rgraph`, `rgnm` and `rguman(method = "exact")`).
    ///
    /// - Complexity: O(n²) time and space (a shuffle of the pairs).
    public func uniformRandomGraph(given condition: CUGCondition, using random: inout SplitMix64) -> Graph {
        let n = nodeCount
        var sources: [Int32] = []
        var targets: [Int32] = []
        func pair(_ index: Int) -> (Int32, Int32) {
            // Unordered pair index → (i, j), i > j, in row order of the lower triangle.
            var i = Int((Double(8 * index + 1).squareRoot() + 1) / 2)
            while i * (i - 1) / 2 > index { i -= 1 }
            while (i + 1) * i / 2 <= index { i += 1 }
            return (Int32(i), Int32(index - i * (i - 1) / 2))
        }
        let unordered = n * (n - 1) / 2
        switch condition {
        case .size:
            for i in 0..<n {
                for j in 0..<n where i != j && (isDirected || i > j) && random.next() >> 63 == 1 {
                    sources.append(Int32(i))
                    targets.append(Int32(j))
                }
            }
        case .edges where isDirected:
            // Arc index a → (i, j ≠ i): i = a / (n − 1), j the (a mod (n − 1))-th other node.
            var order = Array(0..<(n * (n - 1)))
            for place in 0..<arcCount {
                order.swapAt(place, place + Int(random.bounded(UInt64(order.count - place))))
                let (i, rest) = order[place].quotientAndRemainder(dividingBy: n - 1)
                sources.append(Int32(i))
                targets.append(Int32(rest < i ? rest : rest + 1))
            }
        case .edges, .dyadCensus:
            let census = dyadCensus()
            var order = Array(0..<unordered)
            let chosen = census.mutual + census.asymmetric
            for place in 0..<chosen {
                order.swapAt(place, place + Int(random.bounded(UInt64(order.count - place))))
                let (i, j) = pair(order[place])
                if place < census.mutual || !isDirected {
                    sources.append(i)
                    targets.append(j)
                    if isDirected {
                        sources.append(j)
                        targets.append(i)
                    }
                } else if random.next() >> 63 == 1 {
                    sources.append(i)
                    targets.append(j)
                } else {
                    sources.append(j)
                    targets.append(i)
                }
            }
        }
        return Graph(
            labels: labels, directed: isDirected, sources: sources, targets: targets,
            weights: [Double](repeating: 1, count: sources.count))
    }

    /// The dyad census: pairs tied both ways, one way, and not at all (an undirected
    /// graph's edges count as mutual).
    public func dyadCensus() -> (mutual: Int, asymmetric: Int, null: Int) {
        var mutual = 0
        var asymmetric = 0
        for i in 0..<nodeCount {
            for j in successors(of: i) where Int(j) != i {
                if !isDirected {
                    if Int(j) > i { mutual += 1 }
                } else if hasArc(from: Int(j), to: i) {
                    if Int(j) > i { mutual += 1 }
                } else {
                    asymmetric += 1
                }
            }
        }
        let pairs = nodeCount * (nodeCount - 1) / 2
        return (mutual, asymmetric, pairs - mutual - asymmetric)
    }

    /// A conditional uniform graph test (`sna::cug.test`): `statistic` of this graph
    /// against its values on `draws` uniform random graphs over the same organisations
    /// that share the size, the number of ties or the dyad census
    /// (``uniformRandomGraph(given:using:)``), ties counted without their weights (sna's
    /// `ignore.eval = TRUE`).
    ///
    /// `pLow = (k≤ + 1)/(N + 1)`, `pHigh = (k≥ + 1)/(N + 1)` over the N draws where the
    /// statistic is defined, values within 1e-9 relative counting as equal; sna reports
    /// k/N. A small `pHigh` says the value is higher than chance given what was held fixed:
    /// conditioning on edges separates structure from mere density.
    ///
    /// Random graphs are drawn in 64 seeded blocks (SplitMix64 streams from `seed`, Lemire's
    /// bounded draws), so the result depends on the seed only, never on the number of
    /// cores; `statistic` must be a pure function of the graph.
    ///
    /// - Returns: `nil` when the statistic is undefined on this graph.
    /// - Complexity: O(N (n² + S)) time over all cores, S the statistic's cost.
    ///
    /// ## References
    /// Anderson, B.S., Butts, C. & Carley, K. (1999) The interaction of size and density with
    /// graph-level indices. Social Networks 21(3):239–267 (doi:10.1016/S0378-8733(99)00011-8);
    /// Butts, C.T. (2008) Social network analysis with sna. J. Stat. Softw. 24(6)
    /// (doi:10.18637/jss.v024.i06).
    public func cugTest(
        given condition: CUGCondition, draws: Int = 1_000, seed: UInt64 = 1,
        statistic: @escaping @Sendable (Graph) -> Double?
    ) -> CUGTest? {
        cugTests(given: condition, draws: draws, seed: seed, statistics: [statistic])[0]
    }

    /// CUG tests of several statistics on the same random graphs: the result of each is
    /// the one ``cugTest(given:draws:seed:statistic:)`` gives for it alone with the same
    /// seed (the random graphs do not depend on the statistic), at the cost of drawing the
    /// graphs once. The tests are then dependent; an adjustment for multiple tests that
    /// holds under any dependence (Holm's) still applies.
    ///
    /// - Returns: one test per statistic, in order; `nil` where the statistic is undefined
    ///   on this graph.
    /// - Complexity: O(N (n² + Σ S)) time over all cores.
    public func cugTests(
        given condition: CUGCondition, draws: Int = 1_000, seed: UInt64 = 1,
        statistics: [@Sendable (Graph) -> Double?]
    ) -> [CUGTest?] {
        precondition(draws >= 1, "at least one draw")
        let observed = statistics.map { statistic in statistic(self).flatMap { $0.isFinite ? $0 : nil } }
        let tested = statistics.indices.filter { observed[$0] != nil }
        guard !tested.isEmpty else { return observed.map { _ in nil } }
        struct Tally: Sendable {
            var tails = TailCounts()
            var defined = 0
            var sum = 0.0
            var squares = 0.0

            mutating func add(_ other: Tally) {
                tails.add(other.tails)
                defined += other.defined
                sum += other.sum
                squares += other.squares
            }
        }
        let blocks = QAPPermutations.blocks(permutations: draws, seed: seed) { range, random in
            var tallies = [Tally](repeating: Tally(), count: statistics.count)
            for _ in range {
                let graph = uniformRandomGraph(given: condition, using: &random)
                for index in tested {
                    guard let value = statistics[index](graph), value.isFinite else { continue }
                    tallies[index].defined += 1
                    tallies[index].tails.count(value, observed: observed[index]!)
                    tallies[index].sum += value
                    tallies[index].squares += value * value
                }
            }
            return tallies
        }
        return statistics.indices.map { index in
            guard let observed = observed[index] else { return nil }
            var total = Tally()
            for block in blocks { total.add(block[index]) }
            let n = Double(total.defined)
            let mean = total.defined > 0 ? total.sum / n : .nan
            let sd = total.defined > 1 ? (max(0, total.squares - n * mean * mean) / (n - 1)).squareRoot() : .nan
            let share = { (k: Int) in Double(k + 1) / (n + 1) }
            return CUGTest(
                observed: observed, mean: mean, standardDeviation: sd, pLow: share(total.tails.atMost),
                pHigh: share(total.tails.atLeast), draws: draws, definedDraws: total.defined, condition: condition,
                seed: seed)
        }
    }
}
