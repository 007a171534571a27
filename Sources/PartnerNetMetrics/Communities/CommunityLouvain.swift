import PartnerNetCore

/// Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008): move single nodes between
/// communities while modularity rises, then merge each community into one node and repeat
/// on the smaller graph, until no community merges. Iterations repeat from the last
/// partition until one changes nothing (as Traag, Waltman & van Eck 2019 iterate Louvain):
/// nodes that an early merge left in the wrong community can then still move.
enum Louvain {
    /// Iterations from singletons until the partition stops changing; the membership is
    /// over `graph`'s nodes, renumbered in order of first node.
    static func run(
        on graph: CommunityGraph, resolution: Double, using random: inout SplitMix64
    ) -> (
        membership: [Int32], count: Int
    ) {
        var membership = (0..<graph.nodeCount).map { Int32($0) }
        var count = graph.nodeCount
        guard graph.totalStrength > 0 else { return (membership, count) }
        // Each iteration that changes the partition raises modularity by a margin, so the
        // bound is never reached in practice.
        for _ in 0..<Leiden.maximumIterations {
            var next = membership
            let nextCount = iterate(on: graph, membership: &next, resolution: resolution, using: &random)
            if next == membership { break }
            membership = next
            count = nextCount
        }
        return (membership, count)
    }

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
            for node in holder.indices { holder[node] = partition[Int(holder[node])] }
            if count == graph.nodeCount { break }
            graph = graph.aggregated(by: partition, count: count)
            partition = (0..<count).map { Int32($0) }
        }
        membership = holder
        return renumberInOrderOfFirstNode(&membership)
    }
}
