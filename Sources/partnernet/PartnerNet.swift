import ArgumentParser
import PartnerNetReport

@main
struct PartnerNet: ParsableCommand {
    static let version = PartnerNetVersion.string

    /// Runs the command with the progress line installed (shown on a terminal only).
    static func main() {
        ProgressLine.install()
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "partnernet",
        abstract: "Analyse cross-sector partnerships as networks: who is central, who dominates, where the silos are.",
        discussion: """
            An AREA is a folder of CSV files describing one place's partnership network:
              organisations.csv   id, name, sector, subsector, other columns (required)
              relationships.csv   source, target, weight, relation (required; may hold
                                  a header only)
              partnerships.csv    id, name, parent, quota (optional)
              memberships.csv     partnership, organisation, role, votes (with
                                  partnerships.csv)
              area.json           {"name": …, "directed": …, "relations": {…},
                                   "focal_sector": …}
            A single .json file written by PartnerNet is an area too. A folder of area folders \
            is a collection.

            Relations: measures run on the union of every relation in relationships.csv unless \
            --relation names one or more; `co-membership` (organisations sharing partnerships) \
            joins only when named. Self-loops are dropped and duplicate ties merged (weights \
            summed), with a warning.

            Exit status: 0 success; 1 the input has errors (each printed as \
            FILE:LINE:COLUMN: error: REASON) or the request cannot be met; 64 bad usage.

            Examples:
              partnernet report Datasets/northbridge -o reports/northbridge
              partnernet validate Datasets/northbridge
              partnernet summary Datasets/northbridge
              partnernet dominance Datasets/northbridge
              partnernet compare Datasets/synthetic --sort "focal_share[betweenness]"
              partnernet whatif Datasets/northbridge --chair hwb=icb
              partnernet centrality Datasets/knoke_bureaucracies --relation information \\
                  --metrics degree,in_degree
              partnernet network Datasets/padgett_florentine --relation marriage \\
                  --format csv
            """,
        version: version,
        subcommands: [
            Validate.self, Summary.self, Centrality.self, Network.self, Silos.self, Dominance.self, Brokerage.self,
            Balance.self, Architecture.self, QAP.self, CUG.self, Compare.self, WhatIf.self, Change.self, SurveyCommand.self, Generate.self, Report.self,
            Render.self, Convert.self,
            Catalogue.self,
        ])
}
