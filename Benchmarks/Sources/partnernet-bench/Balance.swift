import Foundation
import PartnerNetCore
import PartnerNetMetrics

// partnernet-bench voting FILE --repeat R
//   Times Banzhaf and Shapley–Shubik power (both, exactly) of the weighted voting game in FILE,
//   a JSON object {"votes": [...], "quota": q} written by Scripts/bench/balance.py. Prints the
//   sums of squares of both indices, so that the script can check powerindex computed the same.
// partnernet-bench holes FILE --measure M --repeat R
//   Times Burt's measures (M = constraint: all four in one pass, unweighted) or the
//   Gould–Fernandez roles (M = brokerage, groups node % 5) on the graph in an edge file
//   (see Centrality.swift). Prints the sum of the finite scores.

/// Runs `partnernet-bench voting …`.
func runVotingTask(_ arguments: [String], repeats: Int) {
    guard arguments.count >= 3,
        let data = FileManager.default.contents(atPath: arguments[2]),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let votes = object["votes"] as? [Int], let quota = object["quota"] as? Int
    else {
        FileHandle.standardError.write(Data("usage: partnernet-bench voting FILE [--repeat R]\n".utf8))
        exit(64)
    }
    let game = WeightedVotingGame(votes: votes, quota: quota)
    var banzhaf: [Double] = []
    var shapley: [Double] = []
    var banzhafTimes: [Double] = []
    var shapleyTimes: [Double] = []
    let times = (0..<repeats).map { _ in
        let first = seconds { banzhaf = game.banzhaf() ?? [] }
        let second = seconds { shapley = game.shapleyShubik() ?? [] }
        banzhafTimes.append(first)
        shapleyTimes.append(second)
        return first + second
    }
    report(
        "voting", times,
        [
            "banzhaf_seconds": banzhafTimes, "shapley_shubik_seconds": shapleyTimes, "players": votes.count,
            "total_votes": game.totalVotes, "quota": quota,
            "banzhaf_sum_squares": banzhaf.reduce(0) { $0 + $1 * $1 },
            "shapley_shubik_sum_squares": shapley.reduce(0) { $0 + $1 * $1 }, "own_peak_mb": ownPeakMegabytes(),
        ])
}

/// Runs `partnernet-bench holes …`.
func runHolesTask(_ arguments: [String], repeats: Int) {
    guard arguments.count >= 3, let index = arguments.firstIndex(of: "--measure"), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("usage: partnernet-bench holes FILE --measure M [--repeat R]\n".utf8))
        exit(64)
    }
    let measure = arguments[index + 1]
    do {
        let graph = try edgeFileGraph(arguments[2])
        let groups = Groups(labels: (0..<graph.nodeCount).map { "g\($0 % 5)" })
        var sum = 0.0
        let times = (0..<repeats).map { _ in
            seconds {
                switch measure {
                case "constraint":
                    sum = graph.structuralHoles().constraint.filter(\.isFinite).reduce(0, +)
                case "brokerage":
                    sum = Double(graph.brokerageRoles(groups: groups).networkCount(.total))
                default:
                    FileHandle.standardError.write(Data("unknown measure \(measure)\n".utf8))
                    exit(64)
                }
            }
        }
        report(
            "holes", times,
            [
                "measure": measure, "nodes": graph.nodeCount, "edges": graph.edgeCount, "sum": sum,
                "own_peak_mb": ownPeakMegabytes(),
            ])
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
