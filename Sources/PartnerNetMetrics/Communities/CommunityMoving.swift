import PartnerNetCore

/// The local moving phase shared by Louvain and Leiden.
enum LocalMoving {
    /// Moves single nodes to the community that raises modularity most until none would
    /// gain; returns whether any node moved.
    ///
    /// Nodes wait in a queue, all of them at first in a random order. A node taken from it
    /// leaves its community C and goes to the neighbouring or empty community D with the
    /// largest `w(v, D) − γ kᵥ K_D / 2m` (w the weight of v's ties into D, K the total
    /// strength), which is m times the change in modularity; it stays unless
    /// another community is strictly better. When a node moves, its neighbours outside its
    /// new community join the queue if they are not already in it: only their choices can
    /// have changed. Blondel et al. (2008) sweep over all nodes until a sweep moves none;
    /// the queue (Ozaki, Tezuka & Inaba 2016; Traag, Waltman & van Eck 2019, "fast local
    /// move") reaches the same kind of local optimum in a fraction of the visits.
    @discardableResult
    static func moveNodes(
        on graph: CommunityGraph, partition: inout [Int32], resolution: Double, using random: inout SplitMix64
    ) -> Bool {
        var movedAny = false
        let n = graph.nodeCount
        let scale = resolution / graph.totalStrength
        var total = [Double](repeating: 0, count: n)
        var size = [Int](repeating: 0, count: n)
        for node in 0..<n {
            total[Int(partition[node])] += graph.strength[node]
            size[Int(partition[node])] += 1
        }
        var empty: [Int32] = (0..<n).reversed().filter { size[$0] == 0 }.map { Int32($0) }
        // A ring buffer: a node is never in the queue twice, so n slots suffice.
        var queue = shuffledNodes(n, using: &random)
        var waiting = [Bool](repeating: true, count: n)
        var head = 0
        var length = n
        var linkWeight = [Double](repeating: 0, count: n)
        var stamp = [Int](repeating: -1, count: n)
        var visit = 0
        var touched: [Int32] = []
        while length > 0 {
            let v = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            length -= 1
            waiting[v] = false
            let own = Int(partition[v])
            visit += 1
            touched.removeAll(keepingCapacity: true)
            stamp[own] = visit
            linkWeight[own] = 0
            for arc in graph.arcs(of: v) {
                let community = Int(partition[Int(graph.neighbours[arc])])
                if stamp[community] != visit {
                    stamp[community] = visit
                    linkWeight[community] = 0
                    touched.append(Int32(community))
                }
                linkWeight[community] += graph.weights[arc]
            }
            let k = graph.strength[v]
            total[own] -= k
            size[own] -= 1
            let stay = linkWeight[own] - scale * k * total[own]
            var best = own
            var bestGain = stay
            for community32 in touched {
                let community = Int(community32)
                let gain = linkWeight[community] - scale * k * total[community]
                if gain > bestGain {
                    best = community
                    bestGain = gain
                }
            }
            // An empty community gains 0 (v alone is already that, when size[own] == 0).
            var toEmpty = false
            if size[own] > 0 && 0 > bestGain {
                toEmpty = true
                bestGain = 0
            }
            // A gain lost in rounding is no gain: without this margin two communities
            // could trade a node back and forth for ever.
            if bestGain - stay <= 1e-12 * k {
                best = own
                toEmpty = false
            }
            if toEmpty { best = Int(empty.removeLast()) }
            total[best] += k
            size[best] += 1
            if best == own { continue }
            movedAny = true
            if size[own] == 0 { empty.append(Int32(own)) }
            partition[v] = Int32(best)
            for arc in graph.arcs(of: v) {
                let neighbour = Int(graph.neighbours[arc])
                if !waiting[neighbour] && Int(partition[neighbour]) != best {
                    waiting[neighbour] = true
                    var tail = head + length
                    if tail >= n { tail -= n }
                    queue[tail] = Int32(neighbour)
                    length += 1
                }
            }
        }
        return movedAny
    }
}
