import Foundation
import PartnerNetCore
import PartnerNetMetrics

// partnernet-bench dominance FILE --task T --group i,j,… [--starts S] --repeat R
//   Times one dominance measure on the graph in FILE (an edge file, see Centrality.swift),
//   written by Scripts/bench/dominance.py. T is
//     group-betweenness   group betweenness of the group (unweighted, normalised)
//     fragmentation       fragmentation and distance fragmentation, with and without the group
//     core-periphery      the categorical core/periphery partition (--starts starts, seed 1)
//     coreness            continuous coreness (bounded least squares)
//   Reading the file and building the graph are not timed. Prints the values, so that the
//   script can check every tool computed the same thing.

/// Runs `partnernet-bench dominance …`.
func runDominanceTask(_ arguments: [String], repeats: Int) {
    func value(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    guard arguments.count >= 3, let task = value("--task") else {
        FileHandle.standardError.write(
            Data("usage: partnernet-bench dominance FILE --task T [--group i,j,…] [--starts S] [--repeat R]\n".utf8))
        exit(64)
    }
    let group = (value("--group") ?? "").split(separator: ",").compactMap { Int($0) }
    let starts = Int(value("--starts") ?? "") ?? Graph.corePeripheryStarts
    do {
        var graph = try edgeFileGraph(arguments[2])
        var values: [String: Double] = [:]
        let times = try (0..<repeats).map { repeat_ in
            // A graph keeps what it derived (distances): each run gets a new one, built
            // outside the timing, so that every run computes.
            if repeat_ > 0 { graph = try edgeFileGraph(arguments[2]) }
            return try seconds {
                switch task {
                case "group-betweenness":
                    values = ["group_betweenness": graph.groupBetweennessCentrality(of: group) ?? .nan]
                case "fragmentation":
                    let without = graph.removing(group)
                    values = [
                        "fragmentation": graph.fragmentation ?? .nan,
                        "fragmentation_without": without.fragmentation ?? .nan,
                        "distance_fragmentation": graph.distanceFragmentation() ?? .nan,
                        "distance_fragmentation_without": without.distanceFragmentation() ?? .nan,
                    ]
                case "core-periphery":
                    let partition = try graph.corePeripheryPartition(starts: starts)
                    values = ["fit": partition.fit, "core_size": Double(partition.coreSize)]
                case "coreness":
                    let coreness = try graph.coreness()
                    values = [
                        "fit": coreness.fit, "residual": coreness.residual, "sweeps": Double(coreness.iterations),
                    ]
                default:
                    FileHandle.standardError.write(Data("unknown task \(task)\n".utf8))
                    exit(64)
                }
            }
        }
        report(
            "dominance", times,
            [
                "measure": task, "nodes": graph.nodeCount, "edges": graph.edgeCount, "values": values,
                "own_peak_mb": ownPeakMegabytes(),
            ])
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
