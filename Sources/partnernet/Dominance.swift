import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetMetrics
import PartnerNetReport

struct Dominance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Does one sector dominate? Its shares of centrality against random sets, group centrality, "
            + "what the partnership loses without it, chairs, core and periphery.",
        discussion: """
            The focal set is the organisations of one sector: --focal-sector, else the \
            area's focal_sector (area.json), else local-authority. Or name organisations \
            with --focal.

            Shares: the focal set's share of degree, strength, betweenness, eigenvector \
            and PageRank (and Bonacich power with --beta), the best rank of a member, \
            and its strongest member against the strongest outsider. Each share is \
            compared with --samples sets of the same size drawn at random from the same \
            network (seeded: the same seed gives the same p-values on any machine), in \
            both directions: p_low is the share of random sets holding at most as much, \
            p_high at least as much, counting the focal set once.

            --sector S takes any sector as the focal set; --all-sectors tests every \
            sector's share of degree, betweenness, eigenvector and PageRank, of the chair \
            seats, and of the seats and Banzhaf power on every board, against random sets \
            of its size in both directions.

            Group centrality (Everett & Borgatti): the outsiders the set is tied to \
            (group_degree), the shortest paths between outsiders that pass through it \
            (group_betweenness), how close it is to them (group_closeness).

            Fragmentation (Borgatti): the share of pairs that cannot reach each other, \
            and distance fragmentation (1 − mean 1/distance), before and after removing \
            the set.

            chair_share: the share of partnerships with a chair recorded whose chair \
            belongs to the set (memberships.csv, role chair).

            Core/periphery (Borgatti & Everett): the partition into core and periphery \
            whose ideal pattern (ties wherever a core member is involved) correlates \
            best with the ties, found from --starts seeded starts; continuous coreness \
            by least squares; and which sectors sit in each.

            --format csv and json give the numbers under the names of the metric \
            catalogue (focal_share[betweenness], group_betweenness, \
            fragmentation_without_focal, …); --nodes lists each organisation.

            Examples:
              partnernet dominance Datasets/northbridge
              partnernet dominance Datasets/knoke_bureaucracies --relation information
              partnernet dominance Datasets/northbridge --focal city,ncc --format json
            """)

    @OptionGroup var input: AreaOptions
    @OptionGroup var output: OutputOptions

    @Option(
        name: [.customLong("focal-sector"), .customLong("sector")],
        help: ArgumentHelp("The sector whose dominance is in question (any sector).", valueName: "sector"))
    var focalSector: String?

    @Flag(name: .long, help: "Test every sector's shares, in both directions, instead of one focal set.")
    var allSectors = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Organisations forming the focal set instead of a sector, comma-separated.", valueName: "id,…"))
    var focal: [String] = []

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Use tie weights: path lengths 1/weight (betweenness, group measures, distance fragmentation); "
                + "eigenvector, pagerank and bonacich_power use the weights."))
    var weighted = false

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Bonacich power exponent: adds bonacich_power; |beta| below 1/λmax, negative allowed (--beta=-0.2).",
            valueName: "beta"))
    var beta: Double?

    @Option(name: .long, help: "Random sets for the p-values (0 to skip).")
    var samples = AnalysisSettings().randomSets

    @Option(name: .long, help: "Seed for the random sets and the core/periphery search.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Starts of the core/periphery search.")
    var starts = Graph.corePeripheryStarts

    @Flag(name: .long, help: "List every organisation (focal or not, measures, coreness, core) instead of the summary.")
    var nodes = false

    /// The ids named with --focal, commas split.
    var focalIDs: [String] {
        commaSeparated(focal)
    }

    func validate() throws {
        if samples < 0 { throw ValidationError("--samples must be 0 or more") }
        if starts < 1 { throw ValidationError("--starts must be at least 1") }
        if let beta, !beta.isFinite { throw ValidationError("--beta must be a finite number") }
        if allSectors && (focalSector != nil || !focal.isEmpty) {
            throw ValidationError("--all-sectors tests every sector: give it without --sector or --focal")
        }
        if focalSector != nil && !focal.isEmpty {
            throw ValidationError("give either --focal-sector or --focal, not both")
        }
        if !focal.isEmpty && focalIDs.isEmpty { throw ValidationError("--focal needs at least one organisation id") }
    }

    func run() throws {
        let loaded = try input.load()
        let analysis = try input.analysis(of: loaded) { settings in
            settings.focalSector = focalSector
            settings.focalOrganisations = focalIDs
            settings.options = MeasureOptions(weighted: weighted, beta: beta)
            settings.randomSets = samples
            settings.seed = seed
            settings.coreStarts = starts
        }
        let title = input.title(of: analysis, weighted: weighted)
        if allSectors {
            let table = analysis.sectorShareTable
            if output.format == .table {
                try output.write("Every sector's shares against random sets of its size: \(title)\n\n" + table.rendered(as: .table))
            } else {
                try output.write(table.rendered(as: output.format))
            }
            return
        }
        switch analysis.dominanceResult {
        case .success(let report): try output.write(report, nodes: nodes, title: title)
        case .failure(let error):
            if case .unknownFocalSector = error {
                throw Console.failure(
                    error.description + " (choose one with --sector, or name organisations with --focal)")
            }
            throw Console.failure(error.description)
        }
    }
}
