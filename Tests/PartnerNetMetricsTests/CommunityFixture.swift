import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics
import TestSupport

/// The community part of a `Tests/Fixtures/reference/silos/<area>.json` fixture, written by
/// `Scripts/reference/silos_measures.py` (networkx 3.6.1, igraph 1.0): the modularity of the
/// sector partition, and the best of 20 seeds of igraph's Louvain and Leiden on the
/// undirected skeleton, with their agreement with the sectors.
struct CommunityFixture {
    struct Detected {
        /// `S.modularity(membership, weights=…)` on the skeleton S; `nil` without ties.
        let modularity: Double?
        /// Community of each organisation id.
        let membership: [String: Int]
        let nmi: Double?
        let ari: Double?
    }

    struct Case {
        let relations: [String]
        let directed: Bool
        /// `nx.community.modularity(G, sectors, weight=None)` and `weight="weight"`.
        let sectorModularity: (unweighted: Double?, weighted: Double?)
        /// By method (`louvain`, `leiden`), then `unweighted` / `weighted`.
        let detected: [String: [String: Detected]]
    }

    let dataset: String
    let cases: [Case]

    /// Every silos fixture, as paths under `Tests/Fixtures`.
    static let names: [String] = {
        let folder = Paths.repo("Tests/Fixtures/reference/silos")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "reference/silos/" + $0 }
    }()

    init(_ name: String) throws {
        let url = URL(fileURLWithPath: Paths.repo("Tests/Fixtures/" + name))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        dataset = object["dataset"] as! String
        cases = (object["cases"] as! [[String: Any]]).map { entry in
            let sectors = entry["modularity_groups"] as! [String: Any]
            let communities = entry["communities"] as! [String: Any]
            var detected: [String: [String: Detected]] = [:]
            for method in ["louvain", "leiden"] {
                for (weighting, value) in communities[method] as! [String: [String: Any]] {
                    let agreement = value["agreement_with_groups"] as? [String: Any] ?? [:]
                    detected[method, default: [:]][weighting] = Detected(
                        modularity: value["modularity"] as? Double, membership: value["membership"] as! [String: Int],
                        nmi: agreement["nmi"] as? Double, ari: agreement["ari"] as? Double)
                }
            }
            return Case(
                relations: entry["relations"] as! [String], directed: entry["directed"] as! Bool,
                sectorModularity: (sectors["unweighted"] as? Double, sectors["weighted"] as? Double), detected: detected
            )
        }
    }

    /// The bundled dataset or test area the fixture describes.
    var area: Area {
        get throws {
            let folders = ["Datasets", "Tests/Fixtures/areas", "Tests/Fixtures/centrality_areas"]
            let path =
                folders.map { Paths.repo($0 + "/" + dataset) }.first { FileManager.default.fileExists(atPath: $0) }
                ?? Paths.repo("Datasets/" + dataset)
            return try AreaSource.read(at: path).area
        }
    }
}

extension Graph {
    /// The undirected skeleton built independently of the library's own: every arc becomes
    /// an undirected edge, and `Graph` merges the two arcs of a mutual pair into one edge
    /// whose weight is their sum (igraph `as_undirected(mode="collapse",
    /// combine_edges={"weight": "sum"})`). Unweighted modularity counts that edge once.
    var independentSkeleton: Graph {
        var sources: [Int32] = []
        var targets: [Int32] = []
        var weights: [Double] = []
        for node in 0..<nodeCount {
            for (target, weight) in zip(successors(of: node), successorWeights(of: node))
            where isDirected || Int(target) > node {
                sources.append(Int32(node))
                targets.append(target)
                weights.append(weight)
            }
        }
        return Graph(labels: labels, directed: false, sources: sources, targets: targets, weights: weights)
    }

    /// Whether every block of `membership` induces a connected subgraph (direction ignored).
    func blocksAreConnected(_ membership: [Int]) -> Bool {
        var seen = [Bool](repeating: false, count: nodeCount)
        var pieces = 0
        for start in 0..<nodeCount where !seen[start] {
            pieces += 1
            seen[start] = true
            var stack = [start]
            while let node = stack.popLast() {
                for next in Array(successors(of: node)) + Array(predecessors(of: node)) {
                    let other = Int(next)
                    if !seen[other] && membership[other] == membership[start] {
                        seen[other] = true
                        stack.append(other)
                    }
                }
            }
        }
        return pieces == Set(membership).count
    }
}
