import ArgumentParser
import PartnerNetCore
import PartnerNetMetrics
import PartnerNetReport

struct CUG: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cug",
        abstract: "Is a network value more than chance? A conditional uniform graph test, as sna::cug.test.",
        discussion: """
            Computes a network value of the catalogue (--statistic) on the relation's graph and \
            on --permutations random graphs over the same organisations that keep its size \
            (--given size: each tie present with probability ½), its number of ties (edges; \
            arcs when directed), or its dyad census (dyad-census: as many pairs tied both ways \
            and one way). Ties are counted, not weighed. p_le and p_ge are the shares of random \
            graphs whose value is at most or at least the observed one, each (k + 1)/(N + 1); \
            mean and sd describe the random graphs. The same --seed gives the same result on \
            any machine.

            Statistics: any network measure (density, reciprocity, transitivity, \
            degree_centralization, betweenness_centralization, …), ei_index and \
            modularity_groups (groups from --groups), and focal_share[M] for a node measure M \
            (the focal sector's share; --focal-sector to choose another).

            Examples:
              partnernet cug Datasets/northbridge --relation information \\
                  --statistic transitivity --given edges
              partnernet cug Datasets/northbridge --relation information \\
                  --statistic ei_index --given dyad-census --format json
            """)

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "The network value to test (a catalogue name).")
    var statistic: String

    @Option(name: .long, help: "What the random graphs keep: size, edges or dyad-census.")
    var given = "edges"

    @Option(name: .long, help: "Random graphs to draw.")
    var permutations = 1_000

    @Option(name: .long, help: "Seed for the random graphs.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("The organisation column that defines the groups.", valueName: "column"))
    var groups = "sector"

    @Option(name: .customLong("focal-sector"), help: "The sector of focal_share (default: the area's focal sector).")
    var focalSector: String?

    func validate() throws {
        if permutations < 1 { throw ValidationError("--permutations must be 1 or more") }
        if CUGCondition(rawValue: given) == nil {
            throw ValidationError("--given must be size, edges or dyad-census, not '\(given)'")
        }
    }

    func run() throws {
        let loaded = try input.load()
        let graph = try input.graph(of: loaded.area)
        let function: @Sendable (Graph) -> Double?
        do {
            function = try CUGStatistic.statistic(
                named: statistic, area: loaded.area, graph: graph, groups: groups, focalSector: focalSector)
        } catch {
            throw Console.failure(error.description)
        }
        guard
            let test = graph.cugTest(
                given: CUGCondition(rawValue: given)!, draws: permutations, seed: seed, statistic: function)
        else {
            throw Console.failure("\(statistic) is undefined on this graph (\(input.scope)), so it cannot be tested")
        }
        let table = ResultTable(
            columns: ["statistic", "given", "observed", "p_le", "p_ge", "mean", "sd"],
            rows: [
                [
                    .text(statistic), .text(given), .number(test.observed, isCount: false),
                    .number(test.pLow, isCount: false), .number(test.pHigh, isCount: false),
                    .number(test.mean, isCount: false), .number(test.standardDeviation, isCount: false),
                ]
            ])
        switch output.format {
        case .json:
            let members =
                zip(table.columns, table.rows[0]).map { "  \(quoted($0)): \(ResultTable.jsonValue($1))" } + [
                    "  \"relation\": \(quoted(input.scope))", "  \"directed\": \(graph.isDirected)",
                    "  \"permutations\": \(permutations)", "  \"defined\": \(test.definedDraws)",
                    "  \"seed\": \"\(seed)\"",
                ]
            try output.write("{\n" + members.joined(separator: ",\n") + "\n}\n")
        case .csv:
            try output.write(table)
        case .table:
            let title = "\(loaded.area.metadata.name ?? input.area) (\(input.scope), \(graph.isDirected ? "directed" : "undirected")): CUG test of \(statistic) given \(given)"
            try output.write(
                title + "\n\n" + table.rendered(as: .table)
                    + "\n\(test.definedDraws) of \(permutations) random graphs with the value defined; seed \(seed); each p (k + 1)/(N + 1)\n")
        }
    }
}
