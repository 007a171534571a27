import PartnerNetCore

/// Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008): move single nodes between
/// communities while modularity rises, then merge each community into one node and repeat
/// on the smaller graph, until no community merges. Iterations repeat from the last
/// partition until one changes nothing (as Traag, Waltman & van Eck 2019 iterate Louvain):
/// nodes that an early merge left in the wrong community can then still move.
enum Louvain {
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
