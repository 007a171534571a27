import ArgumentParser
import Foundation
import PartnerNetMetrics
import PartnerNetReport

struct Brokerage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who brokers between whom? Gould–Fernandez brokerage roles by group, and Burt's structural holes.",
        discussion: """
            An organisation b brokers when it sits on a two-step path a → b → c and a has \
            no tie of its own to c. Gould and Fernandez name the role by the groups of the \
            three (groups are sectors unless --groups names another column):
              coordinator      a, b, c all in one group
              itinerant        a and c in one group, b in another (a consultant)
              representative   a and b in one group, c in another: b speaks for its group
              gatekeeper       b and c in one group, a in another: b lets others in
              liaison          a, b, c in three different groups
            An undirected tie counts both ways, as R's sna does with a symmetric matrix. \
            Each count is compared with what a random network of the same density would \
            give (expected count, z-score: R sna::brokerage).

            Burt's measures describe each organisation's own contacts: constraint (high \
            when they are few or tied to each other), effective size (contacts less their \
            redundancy), efficiency (effective size / contacts) and hierarchy (how far the \
            constraint comes from one contact). --weighted makes them use tie strengths.

            --format csv and json give the numbers under the names of the metric catalogue \
            (coordinator, liaison_z, liaison[GROUP], constraint, …); --nodes lists each \
            organisation with every count, expected value and z.

            Examples:
              partnernet brokerage Datasets/northbridge
              partnernet brokerage Datasets/knoke_bureaucracies --relation information
              partnernet brokerage Datasets/northbridge --nodes --format csv
            """)

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The organisation column that defines the groups.", valueName: "column"))
    var groups = "sector"

    @Flag(name: .long, help: "Use tie strengths in Burt's measures (roles always count ties).")
    var weighted = false

    @Flag(name: .long, help: "List every organisation (counts, expected, z, Burt's measures) instead of the summary.")
    var nodes = false

    func run() throws {
        let loaded = try input.load()
        let analysis = try input.analysis(of: loaded) { settings in
            settings.groups = groups
            settings.options.weighted = weighted
        }
        try output.write(analysis.brokerage, nodes: nodes, title: input.title(of: analysis))
    }
}
