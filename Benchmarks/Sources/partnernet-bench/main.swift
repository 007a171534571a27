import Foundation
import PartnerNetCore
import PartnerNetGraphviz
import PartnerNetIO
import PartnerNetReport

// partnernet-bench build --nodes N --arcs M --seed S --repeat R
//   Times building a directed graph of M random arcs over N nodes (compressed rows, out and in).
// partnernet-bench write-area DIR --organisations N --relationships M --seed S
//   Writes a valid area folder of N organisations in 5 sectors and M relationships.
// partnernet-bench load DIR --repeat R
//   Times reading the area folder (all checks) and building its graph.
// partnernet-bench graphviz-cycles AREA --cycles N [--diagram] [--layout L]
//   N rounds of parse + layout + render (SVG) through the binding, on the area's plain DOT
//   (or, with --diagram, on its partnership diagram, whose legend is an HTML-like label).
// partnernet-bench centrality FILE --measure M --repeat R
//   Times betweenness, weighted betweenness, closeness or PageRank (Centrality.swift).
// partnernet-bench ei-permutation DIR --permutations N --repeat R
//   Times the E-I permutation test by sector on an area folder (Silos.swift).
// partnernet-bench voting FILE --repeat R
//   Times exact Banzhaf and Shapley–Shubik power of a weighted voting game (Balance.swift).
// partnernet-bench holes FILE --measure constraint|brokerage --repeat R
//   Times Burt's measures or the Gould–Fernandez roles on an edge file (Balance.swift).
// partnernet-bench dominance FILE --task T --group i,j,… --repeat R
//   Times group betweenness, fragmentation, core/periphery or coreness (Dominance.swift).
// Each timing prints one JSON line: {"task": …, "seconds": [..], "peak_rss_mb": …}.

func option(_ name: String, _ fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1])
    else { return fallback }
    return value
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func report(_ task: String, _ times: [Double], _ extra: [String: Any] = [:]) {
    var object: [String: Any] = ["task": task, "seconds": times, "peak_rss_mb": peakRSSMegabytes()]
    object.merge(extra) { $1 }
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: partnernet-bench build|write-area|load …\n".utf8))
    exit(64)
}
let repeats = option("--repeat", 5)
var random = SplitMix64(seed: UInt64(option("--seed", 1)))

switch arguments[1] {
case "build":
    let n = option("--nodes", 100_000)
    let m = option("--arcs", 1_000_000)
    var sources = [Int32](repeating: 0, count: m)
    var targets = [Int32](repeating: 0, count: m)
    var weights = [Double](repeating: 1, count: m)
    for index in 0..<m {
        sources[index] = Int32(random.next() % UInt64(n))
        targets[index] = Int32(random.next() % UInt64(n))
        weights[index] = Double(random.next() % 9 + 1)
    }
    let labels = (0..<n).map { String($0) }
    var arcs = 0
    let times = (0..<repeats).map { _ in
        seconds {
            let graph = Graph(labels: labels, directed: true, sources: sources, targets: targets, weights: weights)
            arcs = graph.arcCount
        }
    }
    report("build", times, ["nodes": n, "arcs_given": m, "arcs_stored": arcs])
case "write-area":
    let folder = arguments[2]
    let n = option("--organisations", 10_000)
    let m = option("--relationships", 100_000)
    let sectors = ["local-authority", "public", "business", "voluntary-community", "faith"]
    let organisations = (0..<n).map { index in
        Organisation(
            id: "org\(index)", name: "Organisation \(index), \"Ltd\"", sector: sectors[index % sectors.count],
            attributes: ["staff": String(index % 500)])
    }
    var relationships: [Relationship] = []
    relationships.reserveCapacity(m)
    var seen = Set<UInt64>()
    let relations = ["information", "funding"]
    while relationships.count < m {
        let s = Int(random.next() % UInt64(n))
        let t = Int(random.next() % UInt64(n))
        let r = Int(random.next() % 2)
        let key = (UInt64(s) << 33) | (UInt64(t) << 1) | UInt64(r)
        guard s != t, seen.insert(key).inserted else { continue }
        relationships.append(
            Relationship(
                source: "org\(s)", target: "org\(t)", weight: Double(random.next() % 40 + 1) / 4,
                relation: relations[r]))
    }
    let area = Area(
        metadata: AreaMetadata(name: "Benchmark area", directed: true), organisations: organisations,
        relationships: relationships)
    try AreaFolder.write(area, to: folder)
case "load":
    let folder = arguments[2]
    var arcs = 0
    var readTimes: [Double] = []
    var graphTimes: [Double] = []
    for _ in 0..<repeats {
        var area = Area()
        do {
            readTimes.append(try seconds { area = try AreaSource.read(at: folder).area })
            graphTimes.append(try seconds { arcs = try Graph(area: area).arcCount })
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    }
    report(
        "load", zip(readTimes, graphTimes).map(+),
        ["read_seconds": readTimes, "graph_seconds": graphTimes, "arcs": arcs])
case "graphviz-cycles":
    let cycles = option("--cycles", 100)
    let layout =
        arguments.firstIndex(of: "--layout").flatMap { GraphvizLayout(rawValue: arguments[$0 + 1]) } ?? .neato
    do {
        let area = try AreaSource.read(at: arguments[2]).area
        let dot =
            arguments.contains("--diagram")
            ? try DOTWriter.text(of: try PartnershipDiagram(area: area, graph: try Graph(area: area)).dot)
            : try DOTWriter.text(of: AreaDOT.dotGraph(of: area).graph)
        var bytes = 0
        let time = try seconds {
            for _ in 0..<cycles {
                _ = try Graphviz.parse(dot: dot)
                bytes += try Graphviz.render(dot: dot, layout: layout, format: .svg).count
                _ = try? Graphviz.parse(dot: "digraph { broken")
            }
        }
        report("graphviz-cycles", [time], ["cycles": cycles, "svg_bytes": bytes])
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
case "centrality":
    runCentralityTask(arguments, repeats: repeats)
case "communities":
    runCommunitiesTask(arguments, repeats: repeats)
case "ei-permutation":
    runSilosTask(arguments, repeats: repeats)
case "voting":
    runVotingTask(arguments, repeats: repeats)
case "holes":
    runHolesTask(arguments, repeats: repeats)
case "dominance":
    runDominanceTask(arguments, repeats: repeats)
default:
    FileHandle.standardError.write(Data("unknown task \(arguments[1])\n".utf8))
    exit(64)
}
