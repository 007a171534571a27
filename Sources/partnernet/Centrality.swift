import ArgumentParser
import PartnerNetMetrics
import PartnerNetReport

extension NodeMeasure: ExpressibleByArgument {}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Node-level measures: one row per organisation, first column id.",
        discussion: "Measures (names as in METRICS.md):\n"
            + NodeMeasure.allCases.map {
                "  \($0.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.summary)"
            }
            .joined(separator: "\n"))

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Measures to compute, comma-separated (default: all).", valueName: "m1,m2"))
    var metrics: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Organisation fields to show after id, comma-separated: name, sector, subsector or any extra column.",
            valueName: "f1,f2"))
    var attributes: String?

    @Option(name: .long, help: ArgumentHelp("Sort organisations by this measure, highest first.", valueName: "metric"))
    var sort: NodeMeasure?

    @Option(name: .long, help: ArgumentHelp("Keep only the first N rows (after sorting).", valueName: "N"))
    var top: Int?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        var measures = try selectedMeasures()
        if let sort, !measures.contains(sort) { measures.append(sort) }
        let loaded = try input.load()
        let graph = try input.graph(of: loaded.area)
        let fields = (attributes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var table = ResultTable.nodeScores(measures, in: graph, area: loaded.area, attributes: fields)
        if let sort { table = table.sorted(byColumn: sort.rawValue) }
        if let top { table.rows = Array(table.rows.prefix(top)) }
        try output.write(table.rendered(as: output.format))
    }

    private func selectedMeasures() throws -> [NodeMeasure] {
        let names = metrics.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if names.isEmpty { return NodeMeasure.allCases }
        return try names.map { name in
            guard let measure = NodeMeasure(rawValue: name) else {
                throw ValidationError(
                    "unknown metric '\(name)'; choose from \(NodeMeasure.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return measure
        }
    }
}
