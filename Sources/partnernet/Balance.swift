import ArgumentParser
import Foundation
import PartnerNetMetrics
import PartnerNetReport

struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Is power shared? Concentration of a measure over organisations and sectors; voting power on each board.",
        discussion: """
            Network power: a measure (--measure, default betweenness: how often an \
            organisation lies on the shortest paths between others, so how far it can \
            control or broker the flow between them) is compared across organisations \
            (Gini: 0 all equal; HHI: the sum of squared shares, 1/n when even, 1 when one \
            holds all, and its normalised form from 0 to 1) and across groups (sectors \
            unless --groups names another column): each group's share of the measure, that \
            share divided by its share of the organisations (the representation ratio, \
            above 1 for a group holding more than its numbers would give), and the \
            evenness of the groups' shares (Shannon entropy over its maximum).

            Votes: on each partnership board, the members' votes (memberships.csv; \
            observers 0) and the quota (partnerships.csv; by default more than half the \
            votes) give each member's Banzhaf power (the share of decisive swings it has) \
            and Shapley–Shubik power (the share of voting orders in which its vote carries \
            the decision), exact, and summed by group. Members with no votes have no \
            power.

            --format csv and json give the numbers under the names of the metric catalogue \
            (gini[M], hhi[M], sector_share[M,S], representation_ratio[M,S], banzhaf[P,S], \
            …); --nodes lists each organisation with its value, share and power on each \
            board.

            Examples:
              partnernet balance Datasets/northbridge
              partnernet balance Datasets/northbridge --measure degree --relation funding
              partnernet balance Datasets/northbridge --measure pagerank -f json
            """)

    @OptionGroup var input: AreaOptions
    @OptionGroup var parameters: MeasureOptionGroup
    @OptionGroup var output: OutputOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The measure of power whose spread is compared (any node measure with values of 0 or more).",
            valueName: "metric"))
    var measure: NodeMeasure = .betweenness

    @Option(name: .long, help: ArgumentHelp("The organisation column that defines the groups.", valueName: "column"))
    var groups = "sector"

    @Flag(
        name: .long,
        help: "List every organisation (value, share, votes and power on each board) instead of the summary.")
    var nodes = false

    func validate() throws {
        if measure == .bonacichPower && parameters.beta == nil {
            throw ValidationError(MetricError.betaRequired.description)
        }
    }

    func run() throws {
        let loaded = try input.load()
        let analysis = try input.analysis(of: loaded) { settings in
            settings.groups = groups
            settings.balanceMeasure = measure
            settings.options = parameters.measureOptions
        }
        switch analysis.balanceResult {
        case .success(let report):
            try output.write(
                report, nodes: nodes,
                title: "\(loaded.area.metadata.name ?? input.area) (\(measure.rawValue) over \(input.scope))")
        case .failure(let error): throw Console.failure(error.description)
        }
    }
}
