import Foundation
import PartnerNetCore

/// Leiden (Traag, Waltman & van Eck 2019): Louvain's moving and merging with a refinement
/// step between them, so that every community it returns is connected.
///
/// One iteration: (1) fast local moving — nodes wait in a queue and a node whose community
/// changes puts back those neighbours that are not in its new community; (2) refinement —
/// inside each community, starting from singletons, a node that is still alone and well
/// connected to its community joins a well-connected neighbouring sub-community chosen at
/// random among those that do not lower modularity, with probability ∝ exp(ΔH / θ);
/// (3) aggregation of the refined partition, each aggregate node starting in the community
/// of step (1) that holds it. Levels repeat until every community is one aggregate node.
/// Iterations repeat from the last partition until one changes nothing.
///
/// Why the communities are connected: an aggregate node is a refined sub-community (or,
/// when refinement merges nothing, a connected piece of a community), and a node only joins
/// a sub-community it has a tie to, so every aggregate node is connected in the original
/// graph; an iteration ends when each community is a single aggregate node.
enum Leiden {
    /// θ, the randomness of the refinement, in units of tie weight (igraph's `beta`, 0.01).
    static let randomness = 0.01
    /// One iteration from `membership` (over `base`'s nodes), which it replaces, renumbered.
    static func iterate(
        on base: CommunityGraph, membership: inout [Int32], resolution: Double, using random: inout SplitMix64
    ) -> Int {
        var graph = base
        var partition = membership
        // The node of the current level that holds each node of the base graph.
        var holder = (0..<base.nodeCount).map { Int32($0) }
        while true {
            LocalMoving.moveNodes(on: graph, partition: &partition, resolution: resolution, using: &random)
            let count = renumberInOrderOfFirstNode(&partition)
            if count == graph.nodeCount { break }
            var (refined, refinedCount) = refine(
                on: graph, partition: partition, count: count, resolution: resolution, using: &random)
            if refinedCount == graph.nodeCount {
                // Nothing merged (no node was well connected, or chance kept each alone):
                // aggregate the connected pieces of the communities instead, so that the
                // graph still shrinks and every aggregate node stays connected.
                (refined, refinedCount) = graph.connectedPieces(of: partition)
                if refinedCount == graph.nodeCount {
                    // No community has a tie inside it: splitting them loses nothing.
                    partition = refined
                    break
                }
            }
            // Each refined block lies inside one community: the aggregate node starts there.
            var next = [Int32](repeating: 0, count: refinedCount)
            for node in 0..<graph.nodeCount { next[Int(refined[node])] = partition[node] }
            for node in holder.indices { holder[node] = refined[Int(holder[node])] }
            graph = graph.aggregated(by: refined, count: refinedCount)
            partition = next
        }
        for node in membership.indices { membership[node] = partition[Int(holder[node])] }
        return renumberInOrderOfFirstNode(&membership)
    }

    /// The refinement of `partition` (numbered `0..<count`): blocks inside its communities,
    /// each connected, numbered in order of first node.
    ///
    /// With K the total strength of a set and E(S, T) the weight of ties between two sets, a
    /// node v of community C is well connected when E(v, C∖v) ≥ γ kᵥ (K_C − kᵥ) / 2m, and a
    /// sub-community T likewise when E(T, C∖T) ≥ γ K_T (K_C − K_T) / 2m. Joining T changes
    /// m·Q by ΔH = E(v, T) − γ kᵥ K_T / 2m.
    static func refine(
        on graph: CommunityGraph, partition: [Int32], count: Int, resolution: Double, using random: inout SplitMix64
    ) -> (membership: [Int32], count: Int) {
        let n = graph.nodeCount
        let scale = resolution / graph.totalStrength
        var communityTotal = [Double](repeating: 0, count: count)
        for node in 0..<n { communityTotal[Int(partition[node])] += graph.strength[node] }
        // Sub-communities are named by their first node, which never leaves a sub-community
        // that others have joined (only nodes still alone move).
        var refined = (0..<n).map { Int32($0) }
        var refinedTotal = graph.strength
        // external[t]: E(T, C∖T) for the sub-community named t.
        var external = [Double](repeating: 0, count: n)
        for node in 0..<n {
            for arc in graph.arcs(of: node) where partition[Int(graph.neighbours[arc])] == partition[node] {
                external[node] += graph.weights[arc]
            }
        }
        var alone = [Bool](repeating: true, count: n)
        var linkWeight = [Double](repeating: 0, count: n)
        var stamp = [Int](repeating: -1, count: n)
        var touched: [Int32] = []
        var candidates: [Int32] = []
        var gains: [Double] = []
        for v32 in shuffledNodes(n, using: &random) {
            let v = Int(v32)
            guard alone[v] else { continue }
            let community = Int(partition[v])
            let k = graph.strength[v]
            let whole = communityTotal[community]
            guard external[v] >= scale * k * (whole - k) else { continue }
            touched.removeAll(keepingCapacity: true)
            for arc in graph.arcs(of: v) {
                let neighbour = Int(graph.neighbours[arc])
                guard Int(partition[neighbour]) == community else { continue }
                let block = Int(refined[neighbour])
                if stamp[block] != v {
                    stamp[block] = v
                    linkWeight[block] = 0
                    touched.append(Int32(block))
                }
                linkWeight[block] += graph.weights[arc]
            }
            candidates.removeAll(keepingCapacity: true)
            gains.removeAll(keepingCapacity: true)
            var highest = 0.0  // staying alone gains 0
            for block32 in touched {
                let block = Int(block32)
                let blockTotal = refinedTotal[block]
                guard linkWeight[block] > 0, external[block] >= scale * blockTotal * (whole - blockTotal) else {
                    continue
                }
                let gain = linkWeight[block] - scale * k * blockTotal
                guard gain >= 0 else { continue }
                candidates.append(block32)
                gains.append(gain)
                highest = max(highest, gain)
            }
            guard !candidates.isEmpty else { continue }
            // Chances ∝ exp(ΔH / θ), staying alone (ΔH = 0) included; shifted by the highest
            // gain so that the exponentials cannot overflow.
            var sum = exp(-highest / randomness)
            for index in gains.indices {
                gains[index] = exp((gains[index] - highest) / randomness)
                sum += gains[index]
            }
            var draw = Double(random.next() >> 11) * 0x1p-53 * sum
            var chosen = -1
            draw -= exp(-highest / randomness)
            if draw >= 0 {
                chosen = Int(candidates[candidates.count - 1])
                for index in gains.indices {
                    draw -= gains[index]
                    if draw < 0 {
                        chosen = Int(candidates[index])
                        break
                    }
                }
            }
            guard chosen >= 0 else { continue }
            external[chosen] += external[v] - 2 * linkWeight[chosen]
            refinedTotal[chosen] += k
            refined[v] = Int32(chosen)
            alone[v] = false
            alone[chosen] = false
        }
        let refinedCount = renumberInOrderOfFirstNode(&refined)
        return (refined, refinedCount)
    }
}

/// Iterations of a community algorithm, from singletons or a given partition, until one
/// changes nothing.
enum CommunityIterations {
    /// A bound that is never reached in practice: each iteration that changes the partition
    /// raises modularity by a margin, so iterations stop on their own.
    static let maximum = 1_000

    /// Runs `iterate` (one iteration from a membership, which it replaces, returning the
    /// number of communities) from `start`, or from singletons, until the membership stops
    /// changing; the membership is over `graph`'s nodes, renumbered in order of first node.
    static func untilStable(
        on graph: CommunityGraph, from start: (membership: [Int32], count: Int)? = nil, resolution: Double,
        using random: inout SplitMix64, _ iterate: (CommunityGraph, inout [Int32], Double, inout SplitMix64) -> Int
    ) -> (membership: [Int32], count: Int) {
        var membership = start?.membership ?? (0..<graph.nodeCount).map { Int32($0) }
        var count = start?.count ?? graph.nodeCount
        guard graph.totalStrength > 0 else { return (membership, count) }
        for _ in 0..<maximum {
            var next = membership
            let nextCount = iterate(graph, &next, resolution, &random)
            if next == membership { break }
            membership = next
            count = nextCount
        }
        return (membership, count)
    }
}
