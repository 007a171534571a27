import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics

// partnernet-bench communities planted [--method louvain|leiden] [--runs R] [--seed S] [--repeat N]
//   Regenerates the 100,000-node planted-partition graph of
//   Tests/Fixtures/reference/silos_planted_100k.json (SplitMix64, as Scripts/reference/README.md
//   documents), checks it against the fixture's checks, and times community detection on it.
// partnernet-bench communities fixtures ROOT [--runs R] [--seed S]
//   Louvain and Leiden on every case of ROOT/Tests/Fixtures/reference/silos/*.json, unweighted
//   and weighted, one JSON line per case with our modularity and igraph's (best of 20 seeds).

/// The planted-partition graph: `nodes` nodes in blocks of `blockSize`, `edges` distinct
/// edges, each within its first end's block with probability within/10.
struct PlantedGraph {
    let nodes = 100_000
    let blockSize = 5_000
    let edges = 500_000
    let withinNumerator: UInt64 = 8
    let withinDenominator: UInt64 = 10
    let seed: UInt64 = 20_250_605

    func generate() -> (sources: [Int32], targets: [Int32], attempts: Int) {
        var random = SplitMix64(seed: seed)
        func bounded(_ k: Int) -> Int { Int(random.next().multipliedFullWidth(by: UInt64(k)).high) }
        var sources: [Int32] = []
        var targets: [Int32] = []
        sources.reserveCapacity(edges)
        targets.reserveCapacity(edges)
        var seen = Set<UInt64>(minimumCapacity: edges)
        var attempts = 0
        while sources.count < edges {
            attempts += 1
            let u = bounded(nodes)
            let c = UInt64(bounded(Int(withinDenominator)))
            let v = c < withinNumerator ? (u / blockSize) * blockSize + bounded(blockSize) : bounded(nodes)
            if u == v { continue }
            let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
            guard seen.insert(key).inserted else { continue }
            sources.append(Int32(u))
            targets.append(Int32(v))
        }
        return (sources, targets, attempts)
    }

    /// FNV-1a 64 over the edge list, as the fixture defines it.
    static func fnv1a(_ sources: [Int32], _ targets: [Int32]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for (u, v) in zip(sources, targets) {
            for x in [u, v] {
                h ^= UInt64(x)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        let text = String(h, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

func runCommunitiesTask(_ arguments: [String], repeats: Int) {
    guard arguments.count >= 3 else {
        FileHandle.standardError.write(Data("usage: partnernet-bench communities planted|fixtures …\n".utf8))
        exit(64)
    }
    let runs: Int? = arguments.contains("--runs") ? option("--runs", 1) : nil
    let seed = UInt64(option("--seed", 0))
    switch arguments[2] {
    case "planted":
        let planted = PlantedGraph()
        let generated = planted.generate()
        let labels = (0..<planted.nodes).map { "v\($0)" }
        let graph = Graph(
            labels: labels, directed: false, sources: generated.sources, targets: generated.targets,
            weights: Array(repeating: 1, count: generated.sources.count))
        let blocks = (0..<planted.nodes).map { $0 / planted.blockSize }
        let checks: [String: Any] = [
            "attempts": generated.attempts, "edges": graph.edgeCount,
            "fnv1a64_edges": PlantedGraph.fnv1a(generated.sources, generated.targets),
            "modularity_blocks": graph.modularity(of: blocks)!,
        ]
        let methods: [CommunityMethod] =
            arguments.firstIndex(of: "--method").map { [CommunityMethod(rawValue: arguments[$0 + 1])!] }
            ?? [.louvain, .leiden]
        for method in methods {
            var found: Communities?
            let times = (0..<repeats).map { _ in
                seconds { found = graph.communities(method, runs: runs, seed: seed) }
            }
            let agreement = PartitionAgreement(found!.membership, blocks)
            report(
                "communities-\(method.rawValue)", times,
                checks.merging([
                    "method": method.rawValue,
                    "runs": runs ?? Communities.defaultRuns(nodes: graph.nodeCount, ties: graph.edgeCount),
                    "seed": seed, "modularity": found!.modularity!,
                    "communities": found!.count, "nmi_blocks": agreement.normalizedMutualInformation!,
                    "ari_blocks": agreement.adjustedRandIndex!, "threads": ProcessInfo.processInfo.activeProcessorCount,
                ]) { $1 })
        }
    case "fixtures":
        let root = arguments.count > 3 ? arguments[3] : FileManager.default.currentDirectoryPath
        runCommunityFixtures(root: root, runs: runs, seed: seed)
    default:
        FileHandle.standardError.write(Data("unknown communities task \(arguments[2])\n".utf8))
        exit(64)
    }
}

func runCommunityFixtures(root: String, runs: Int?, seed: UInt64) {
    let folder = root + "/Tests/Fixtures/reference/silos"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
        .sorted()
    for name in names {
        do {
            let fixture =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                as! [String: Any]
            let dataset = fixture["dataset"] as! String
            let path =
                ["Datasets", "Tests/Fixtures/areas", "Tests/Fixtures/centrality_areas"].map {
                    root + "/" + $0 + "/" + dataset
                }
                .first { FileManager.default.fileExists(atPath: $0) }!
            let area = try AreaSource.read(at: path).area
            for entry in fixture["cases"] as! [[String: Any]] {
                let relations = entry["relations"] as! [String]
                let graph = try Graph(area: area, relations: RelationSelection(relations))
                let reference = entry["communities"] as! [String: Any]
                for method in CommunityMethod.allCases {
                    for weighted in [false, true] {
                        let byWeighting = reference[method.rawValue] as! [String: [String: Any]]
                        let theirs = byWeighting[weighted ? "weighted" : "unweighted"]!
                        var found: Communities?
                        let time = seconds {
                            found = graph.communities(method, weighted: weighted, runs: runs, seed: seed)
                        }
                        let object: [String: Any] = [
                            "dataset": dataset, "relations": relations, "method": method.rawValue, "weighted": weighted,
                            "nodes": graph.nodeCount, "modularity": found!.modularity ?? NSNull(),
                            "igraph_modularity": theirs["modularity"] ?? NSNull(), "communities": found!.count,
                            "igraph_communities": theirs["communities"] ?? NSNull(), "seconds": time,
                        ]
                        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                        print(String(decoding: data, as: UTF8.self))
                    }
                }
            }
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            exit(1)
        }
    }
}
