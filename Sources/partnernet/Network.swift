import ArgumentParser
import PartnerNetMetrics
import PartnerNetReport

struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Network-level measures as metric,value rows.",
        discussion: "Measures (names as in Docs/METRICS.md):\n"
            + helpTable(NetworkMeasure.allCases.map { ($0.rawValue, $0.summary) }, nameWidth: 26))

    @OptionGroup var input: AreaOptions
    @OptionGroup var parameters: MeasureOptionGroup
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try input.load()
        let graph = try input.graph(of: loaded.area)
        let table: ResultTable
        do {
            table = try ResultTable.networkValues(
                NetworkMeasure.allCases, in: graph, options: parameters.measureOptions)
        } catch {
            throw Console.failure(error.description)
        }
        try output.write(table)
    }
}
