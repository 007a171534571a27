import Foundation
import PartnerNetCore
import PartnerNetMetrics

// partnernet-bench centrality FILE --measure M --repeat R
//   Times one centrality measure on the graph in FILE (written by Scripts/bench/centrality.py):
//   M is betweenness, weighted-betweenness, closeness, weighted-closeness or pagerank. Reading the file and
//   building the graph are not timed. Prints the sum and maximum of the scores, so that the
//   script can check every tool computed the same thing.
//
// FILE: little-endian int64 n, int64 m, int64 directed (0 or 1), then int32 sources[m],
// int32 targets[m], float64 weights[m].

/// The graph stored in an edge file.
func edgeFileGraph(_ path: String) throws -> Graph {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return data.withUnsafeBytes { bytes in
        let header = (0..<3).map { bytes.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self) }
        let (n, m, directed) = (Int(header[0]), Int(header[1]), header[2] != 0)
        var offset = 24
        func read<T>(_ type: T.Type, _ count: Int) -> [T] {
            let values = (0..<count).map {
                bytes.loadUnaligned(fromByteOffset: offset + $0 * MemoryLayout<T>.size, as: T.self)
            }
            offset += count * MemoryLayout<T>.size
            return values
        }
        let sources = read(Int32.self, m)
        let targets = read(Int32.self, m)
        let weights = read(Double.self, m)
        return Graph(
            labels: (0..<n).map(String.init), directed: directed, sources: sources, targets: targets, weights: weights)
    }
}

/// The process's own peak resident memory (VmHWM) in MB. Unlike getrusage's ru_maxrss,
/// which Linux carries over from the parent across fork and exec, it counts only this
/// program's memory.
func ownPeakMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return peakRSSMegabytes() }
    return kilobytes / 1024
}

/// Runs `partnernet-bench centrality …`.
func runCentralityTask(_ arguments: [String], repeats: Int) {
    guard arguments.count >= 3, let index = arguments.firstIndex(of: "--measure"), index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("usage: partnernet-bench centrality FILE --measure M [--repeat R]\n".utf8))
        exit(64)
    }
    let measure = arguments[index + 1]
    do {
        var graph = try edgeFileGraph(arguments[2])
        var scores: [Double] = []
        let times = try (0..<repeats).map { repeat_ in
            // A graph keeps what it derived (betweenness, distances): each run gets a new one,
            // built outside the timing, so that every run computes.
            if repeat_ > 0 { graph = try edgeFileGraph(arguments[2]) }
            return try seconds {
                switch measure {
                case "betweenness": scores = graph.betweennessCentrality()
                case "weighted-betweenness": scores = graph.betweennessCentrality(weighted: true)
                case "closeness": scores = graph.closenessCentrality()
                case "weighted-closeness": scores = graph.closenessCentrality(weighted: true)
                case "pagerank": scores = try graph.pageRank()
                default:
                    FileHandle.standardError.write(Data("unknown measure \(measure)\n".utf8))
                    exit(64)
                }
            }
        }
        report(
            "centrality", times,
            [
                "measure": measure, "nodes": graph.nodeCount, "edges": graph.edgeCount, "sum": scores.reduce(0, +),
                "max": scores.max() ?? 0, "own_peak_mb": ownPeakMegabytes(),
            ])
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}
