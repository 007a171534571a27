import ArgumentParser
import Foundation
import PartnerNetReport

struct Architecture: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How the partnerships are arranged: who sits where, duplicated boards, nesting, chairs.",
        discussion: """
            Reads the memberships as a two-mode network (organisations × partnerships) and reports:

            - two-mode centrality of organisations and partnerships (Borgatti & Everett 1997,
              as networkx's bipartite module): bipartite_degree (seats ÷ partnerships, or
              members ÷ organisations), bipartite_betweenness, bipartite_closeness;
            - overlap between every pair of partnerships sharing members: the Jaccard index
              (shared members ÷ members of either) and the overlap coefficient (shared
              ÷ members of the smaller); pairs at or above --threshold (default 0.5:
              half their combined membership in common) are flagged as likely
              duplication;
            - nesting of the `parent` tree: depth, and the top-level partnerships that stand
              outside the hierarchy when there is one;
            - chairs held by each organisation and each sector, against its share of
              organisations.

            The projection onto organisations (ties weighted by shared partnerships) is the \
            `co-membership` relation that every other command accepts (--relation co-membership).

            --format csv and json give the network values (partnerships, seats, nesting_depth, \
            duplicate_pairs, chair_share[SECTOR], …); --organisations, --partnerships and \
            --overlaps give those tables instead.

            Examples:
              partnernet architecture Datasets/northbridge
              partnernet architecture Datasets/davis_southern_women --organisations \\
                  --format csv
              partnernet centrality Datasets/northbridge --relation co-membership \\
                  --metrics degree,strength,betweenness
            """)

    @Argument(help: "The area: a folder, a .json area or a .dot/.gv graph.")
    var area: String

    @Option(name: .long, help: ArgumentHelp("The organisation column that defines the groups.", valueName: "column"))
    var groups = "sector"

    @Option(name: .long, help: "Jaccard index at or above which two partnerships are flagged as likely duplicates.")
    var threshold = ArchitectureReport.defaultThreshold

    @Flag(name: .long, help: "List every organisation with its seats, two-mode centralities and chairs.")
    var organisations = false

    @Flag(name: .long, help: "List every partnership with its parent, depth, members, chair and centralities.")
    var partnerships = false

    @Flag(name: .long, help: "List every pair of partnerships that share members.")
    var overlaps = false

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    @OptionGroup(title: "Input format") var format: InputFormatOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be above 0 and at most 1") }
        if [organisations, partnerships, overlaps].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --organisations, --partnerships and --overlaps")
        }
    }

    func run() throws {
        let loaded = try loadArea(area, format.choice)
        if !quiet { Console.report(loaded.warnings) }
        var settings = AnalysisSettings()
        settings.groups = groups
        settings.duplicationThreshold = threshold
        let analysis: AreaAnalysis
        do {
            analysis = try AreaAnalysis(area: loaded.area, path: area, settings: settings)
        } catch {
            throw Console.failure(error.description)
        }
        // An area without partnerships still gets its (empty) description.
        let report =
            analysis.architecture ?? ArchitectureReport(area: loaded.area, attribute: groups, threshold: threshold)
        if organisations { return try output.write(report.organisationRows) }
        if partnerships { return try output.write(report.partnershipRows) }
        if overlaps { return try output.write(report.overlapRows) }
        switch output.format {
        case .table: try output.write(report.text(title: loaded.area.metadata.name ?? area))
        case .csv: try output.write(report.metricRows)
        case .json: try output.write(report.json())
        }
    }
}
