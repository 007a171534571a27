import ArgumentParser
import PartnerNetMetrics
import PartnerNetReport

extension NodeMeasure: ExpressibleByArgument {}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Node-level measures: one row per organisation, first column id.",
        discussion: "Measures (names as in METRICS.md):\n"
            + NodeMeasure.allCases.map { "  \($0.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \($0.summary)" }
            .joined(separator: "\n"))

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Measures to compute, comma-separated (default: all).", valueName: "m1,m2"))
    var metrics: [String] = []

    func run() throws {
        let measures = try selectedMeasures()
        let loaded = try input.load()
        let graph = try input.graph(of: loaded.area)
        try output.write(ResultTable.nodeScores(measures, in: graph).rendered(as: output.format))
    }

    private func selectedMeasures() throws -> [NodeMeasure] {
        let names = metrics.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if names.isEmpty { return NodeMeasure.allCases }
        return try names.map { name in
            guard let measure = NodeMeasure(rawValue: name) else {
                throw ValidationError(
                    "unknown metric '\(name)'; choose from \(NodeMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return measure
        }
    }
}
