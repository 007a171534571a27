import ArgumentParser
import Foundation
import PartnerNetMetrics
import PartnerNetReport

struct Silos: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Do agencies work in silos? E-I index with a permutation test, density by groups, what holds it together.",
        discussion: """
            Groups are sectors unless --groups names another organisation column. The E-I index \
            is (E − I)/(E + I): E the ties between groups, I those within; −1 is a network of \
            closed silos, +1 one where every tie crosses groups. It is compared with random \
            mixing (the same groups, ties placed at random) and tested by shuffling the group \
            labels --permutations times (seeded: the same seed gives the same p-values on any \
            machine). A group is "more inward than chance" when its one-sided p-value is at \
            most 0.05.

            Also: density of ties from each group to each group (UCINET's density by groups), \
            Newman's assortativity, the modularity of the groups as a partition, the components, and the cutpoints and bridges whose loss \
            would split the partnership, with those that separate groups marked.

            Communities are found with Leiden (or --communities louvain), seeded by --seed, on \
            the undirected skeleton, as the best of several runs (300 on a partnership, fewer \
            as the network grows, at least 4; --runs sets the number: more runs, a higher \
            modularity on a large network, at the cost of time); their agreement with the groups is measured by normalised \
            mutual information (NMI) and the adjusted Rand index (ARI): communities that follow \
            group lines are silos.

            --format csv and json give the numbers under the names of the metric catalogue \
            (ei_index, ei_index[GROUP], density[A,B], modularity_groups, nmi_groups, …); --nodes lists each organisation.

            Examples:
              partnernet silos Datasets/northbridge
              partnernet silos Datasets/knoke_bureaucracies --relation information \\
                  --permutations 20000 --seed 7
              partnernet silos Datasets/zachary_karate --format json
            """)

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The organisation column that defines the groups.", valueName: "column"))
    var groups = "sector"

    @Option(name: .long, help: "Shuffles of the group labels for the p-values (0 to skip).")
    var permutations = 5_000

    @Option(name: .long, help: "Seed for the shuffles.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Community detection: leiden, louvain or none.", valueName: "method"))
    var communities = "leiden"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Runs of the community detection, the best kept (default: 300 on a partnership, fewer as the "
                + "network grows, at least 4).", valueName: "n"))
    var runs: Int?

    @Flag(
        name: .long,
        help: "Modularity and community detection on the tie weights (the E-I index and mixing count ties).")
    var weighted = false

    @Flag(name: .long, help: "List every organisation (node E-I, cutpoint, component) instead of the network summary.")
    var nodes = false

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if let runs, runs < 1 { throw ValidationError("--runs must be 1 or more") }
        if communities != "none" && CommunityMethod(rawValue: communities) == nil {
            throw ValidationError("--communities must be leiden, louvain or none, not '\(communities)'")
        }
    }

    func run() throws {
        let loaded = try input.load()
        let analysis = try input.analysis(of: loaded) { settings in
            settings.groups = groups
            settings.permutations = permutations
            settings.seed = seed
            settings.communityMethod = CommunityMethod(rawValue: communities)
            settings.communityRuns = runs
            settings.options.weighted = weighted
        }
        try output.write(analysis.silos, nodes: nodes, title: input.title(of: analysis, weighted: weighted))
    }
}
