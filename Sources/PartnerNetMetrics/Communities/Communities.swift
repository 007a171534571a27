import PartnerNetCore

/// A community detection algorithm that maximises modularity.
public enum CommunityMethod: String, Sendable, Hashable, CaseIterable {
    /// Blondel et al. (2008): a community may fall apart into pieces.
    case louvain
    /// Traag, Waltman & van Eck (2019): every community is connected.
    case leiden
}

/// Communities found by Louvain or Leiden, with their modularity.
public struct Communities: Sendable, Hashable {
    /// The algorithm that found them.
    public let method: CommunityMethod
    /// Community of each node, numbered 0, 1, … in order of each community's first node.
    /// An isolate is a community of its own.
    public let partition: Partition
    /// Modularity of ``partition`` on the undirected skeleton the algorithm worked on, with
    /// the weights and resolution it used; `nil` when the skeleton has no ties.
    public let modularity: Double?

    /// Community of each node (``partition``'s blocks).
    public var membership: [Int] { partition.blocks }
    /// Number of communities, isolates included.
    public var count: Int { partition.count }

    /// The number of independent runs whose best partition is kept, unless told otherwise:
    /// as many as fit in about 2,000,000 visits of a node or tie (one run costs about
    /// n + 2m of them, m the ties of the skeleton, for each of its few iterations and
    /// levels), at most 300; at least 16 while a run visits at most 4,000,000 (about
    /// 100,000 organisations and 2,000,000 ties, a second or two a run), and at least 4
    /// beyond. A partnership of a few dozen organisations, where runs differ most, gets 300
    /// in a fraction of a second; on 100,000 organisations and 1,000,000 ties, where runs
    /// differ in the fifth decimal, the best of 16 reaches a higher modularity than the
    /// best of four runs of igraph's Louvain (Benchmarks/RESULTS.md).
    public static func defaultRuns(nodes: Int, ties: Int) -> Int {
        let visits = max(1, nodes + 2 * ties)
        return min(300, max(visits <= 4_000_000 ? 16 : 4, 2_000_000 / visits))
    }
}

extension Graph {
    /// Communities that maximise modularity, found by Louvain or Leiden on the undirected
    /// skeleton: the best partition of several independent runs.
    ///
    /// The skeleton (igraph `as_undirected(mode="collapse", combine_edges={"weight": "sum"})`)
    /// has an edge where the graph has an arc either way; it weighs 1, or with `weighted` the
    /// sum of those arcs' weights (so a mutual pair of arcs is one tie, as in networkx's
    /// `G.to_undirected()`). On it, with A its weighted adjacency, kᵢ = Σⱼ Aᵢⱼ and
    /// 2m = Σᵢ kᵢ, the algorithms maximise
    /// `Q = (1 / 2m) Σᵢⱼ [Aᵢⱼ − γ kᵢ kⱼ / 2m] δ(cᵢ, cⱼ)`, γ the resolution, and ``Communities``
    /// reports that Q. It equals igraph's `S.modularity(membership, weights=…)` on the
    /// skeleton S; for the directed formula on a directed graph, pass the partition to
    /// `modularity(of:weighted:resolution:)`.
    ///
    /// Both algorithms move single nodes to the neighbouring community that raises Q most
    /// (visiting every node once, then only those whose neighbourhood changed), then merge each
    /// community into one node and repeat on the smaller graph. Leiden, before merging,
    /// refines each community into well-connected pieces and merges those instead, so every
    /// community it returns is connected; Louvain's may fall apart into pieces. Both repeat
    /// whole iterations from the last partition until one changes nothing, as igraph's
    /// `community_leiden(n_iterations=-1)` does; a Leiden run starts from where Louvain's
    /// iterations stop (they cost less, having no refinement) and iterates Leiden from
    /// there, so its result is still a Leiden partition, every community connected. The
    /// refinement's randomness θ is 0.01, igraph's default `beta`.
    ///
    /// One run's result depends on the random order of visits, most of all on small
    /// networks, so the best of `runs` runs is kept (by default
    /// ``Communities/defaultRuns(nodes:ties:)``: 300 on a few dozen organisations, 16 on
    /// 100,000 nodes and a million ties, 4 on a million nodes). Each run draws its own seed
    /// from `generator` and runs alone, on all cores at once, and the first run with the
    /// highest modularity wins: the same generator state gives the same communities
    /// whatever the number of cores. Labels are
    /// not comparable with igraph's, only quality: on every bundled dataset and test area,
    /// and on a 100,000-node planted-partition graph, the modularity reached equals (to
    /// rounding) or exceeds the best of 20 seeds (5 on the large graph) of igraph 1.0's
    /// `community_multilevel` and `community_leiden(objective_function="modularity")`; the
    /// tests require at least 0.99 of it (Benchmarks/RESULTS-communities.md).
    ///
    /// - Parameters:
    ///   - method: Leiden (the default) or Louvain.
    ///   - weighted: use tie weights (strengths) instead of counting each tie once.
    ///   - resolution: γ ≥ 0; above 1 favours smaller communities, 0 gives the connected
    ///     components.
    ///   - runs: independent runs, at least 1, of which the best is kept; `nil` for
    ///     ``Communities/defaultRuns(nodes:ties:)``.
    /// - Precondition: with `weighted`, every weight is positive and finite (as in every
    ///   area; the graph conventions make weights tie strengths).
    /// - Complexity: O(n + m) per pass over the nodes, m the ties of the skeleton; a run
    ///   makes a few iterations of a few levels each, the levels shrinking fast. About a
    ///   second per run for 100,000 nodes and 500,000 ties; O(n + m) extra space per run in
    ///   progress.
    ///
    /// ## References
    /// Definition: Newman, M.E.J. & Girvan, M. (2004) Finding and evaluating community
    /// structure in networks. Phys. Rev. E 69:026113 (doi:10.1103/PhysRevE.69.026113);
    /// Reichardt, J. & Bornholdt, S. (2006) Statistical mechanics of community detection.
    /// Phys. Rev. E 74:016110 (doi:10.1103/PhysRevE.74.016110) for γ. Algorithms: Blondel,
    /// V.D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008) Fast unfolding of
    /// communities in large networks. J. Stat. Mech. P10008
    /// (doi:10.1088/1742-5468/2008/10/P10008); Traag, V.A., Waltman, L. & van Eck, N.J.
    /// (2019) From Louvain to Leiden: guaranteeing well-connected communities. Sci. Rep.
    /// 9:5233 (doi:10.1038/s41598-019-41695-z); the queue: Ozaki, N., Tezuka, H. & Inaba, M.
    /// (2016) A simple acceleration method for the Louvain algorithm. Int. J. Comput.
    /// Electr. Eng. 8(3):207–218 (doi:10.17706/ijcee.2016.8.3.207-218).
    public func communities(
        _ method: CommunityMethod = .leiden, weighted: Bool = false, resolution: Double = 1,
        runs: Int? = nil, using generator: inout some RandomNumberGenerator
    ) -> Communities {
        precondition(runs.map { $0 >= 1 } ?? true, "at least one run")
        precondition(resolution >= 0 && resolution.isFinite, "the resolution must be finite and at least 0")
        let skeleton = CommunityGraph(skeletonOf: self, weighted: weighted)
        let runs = runs ?? Communities.defaultRuns(nodes: nodeCount, ties: skeleton.neighbours.count / 2)
        let seeds = (0..<runs).map { _ in generator.next() }
        let results = parallelMap(runs) { run -> (membership: [Int32], count: Int, modularity: Double?) in
            var random = SplitMix64(seed: seeds[run])
            // Louvain's iterations first (cheap: no refinement), then, for Leiden, Leiden's
            // from where they stopped: its refinement makes every community connected.
            var found = CommunityIterations.untilStable(on: skeleton, resolution: resolution, using: &random) {
                graph, membership, resolution, random in
                Louvain.iterate(on: graph, membership: &membership, resolution: resolution, using: &random)
            }
            if method == .leiden {
                found = CommunityIterations.untilStable(
                    on: skeleton, from: found, resolution: resolution, using: &random
                ) { graph, membership, resolution, random in
                    Leiden.iterate(on: graph, membership: &membership, resolution: resolution, using: &random)
                }
            }
            return (
                found.membership, found.count,
                skeleton.modularity(of: found.membership, count: found.count, resolution: resolution)
            )
        }
        var best = results[0]
        for result in results.dropFirst() {
            if let q = result.modularity, let bestQ = best.modularity, q > bestQ { best = result }
        }
        return Communities(
            method: method, partition: Partition(blocks: best.membership.map(Int.init), count: best.count),
            modularity: best.modularity)
    }

    /// Communities found by Louvain or Leiden from a seed; see
    /// `communities(_:weighted:resolution:runs:using:)`. The same seed gives the same
    /// communities.
    public func communities(
        _ method: CommunityMethod = .leiden, weighted: Bool = false, resolution: Double = 1,
        runs: Int? = nil, seed: UInt64 = 0
    ) -> Communities {
        var generator = SplitMix64(seed: seed)
        return communities(method, weighted: weighted, resolution: resolution, runs: runs, using: &generator)
    }
}
