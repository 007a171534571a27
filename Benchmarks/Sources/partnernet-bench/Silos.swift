import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetMetrics

// partnernet-bench ei-permutation DIR [--permutations N] [--repeat R] [--seed S]
//   Reads the area folder DIR, builds its graph (every relation) and times the E-I
//   permutation test by sector with N shuffles of the labels (on all cores; run it under
//   `taskset -c 0` for one). Prints the observed E-I and the p-values beside the times so the
//   comparison script can check that both tools tested the same thing.

func runSilosTask(_ arguments: [String], repeats: Int) {
    guard arguments.count >= 3 else {
        FileHandle.standardError.write(Data("usage: partnernet-bench ei-permutation DIR [--permutations N]\n".utf8))
        exit(64)
    }
    let permutations = option("--permutations", 10_000)
    let seed = UInt64(option("--seed", 1))
    do {
        let area = try AreaSource.read(at: arguments[2]).area
        let graph = try Graph(area: area)
        let sectors = Dictionary(area.organisations.map { ($0.id, $0.sector) }, uniquingKeysWith: { a, _ in a })
        let groups = Groups(labels: graph.labels.map { sectors[$0] ?? "" })
        var test: EIPermutationTest?
        let times = (0..<repeats).map { _ in
            seconds { test = graph.eiPermutationTest(groups: groups, permutations: permutations, seed: seed) }
        }
        report(
            "ei-permutation", times,
            [
                "nodes": graph.nodeCount, "arcs": graph.arcCount, "permutations": permutations,
                "ei_index": graph.eiIndex(groups: groups).network.index ?? .nan,
                "p_low": test?.pLow ?? .nan, "p_high": test?.pHigh ?? .nan,
            ])
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
