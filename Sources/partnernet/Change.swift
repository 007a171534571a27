import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport

struct Change: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract:
            "Did the partnership change between waves? Ties kept, lost and gained; who joined and left; the headline measures, tested.",
        discussion: """
            Waves are given either as several areas, one per wave, in time order \
            (partnernet change 2023/ 2026/), or as one area whose rows carry since/until \
            dates, cut at each date of --waves (partnernet change area/ --waves \
            2024,2026); Docs/FORMAT.md, "Waves", defines both. Waves are matched by \
            organisation id and partnership id. Dates are YYYY, YYYY-MM or YYYY-MM-DD (a \
            partial date is its first day); a row holds from its since date (inclusive) to \
            its until date (exclusive), and a row without one is open at that end.

            For each pair of consecutive waves and, with more than two, overall (first \
            against last), change gives the organisations and partnerships that joined and \
            left, by name, and the chairs that changed hands. Per relation (co-membership \
            included when there are partnerships): the pairs kept, lost, gained and absent \
            (ordered pairs in a directed relation, unordered in an undirected one, over \
            the organisations compared), the Hamming distance (lost + gained), Jaccard \
            stability (kept ÷ (kept + lost + gained)) and the QAP correlation of tie \
            presence between the waves (sna::gcor), with p the share of relabellings giving \
            a correlation at least as high (sna::qaptest).

            Then the headline measures of whatif and compare in each wave, the change, and p from the dyad-swap test: \
            each draw swaps the ties of every pair of organisations present in both waves \
            between the waves with probability 1/2, and p is the share of draws changing \
            the measure at least as much (two-sided). A small p says the change is more \
            than a reshuffling of the same turnover would give. Counts of organisations \
            and seats, and p-values, are not tested.

            --organisations all (the default) compares every organisation present in \
            either wave (one absent from a wave has no ties in it); both leaves out the \
            organisations of one wave only, with their ties and seats, to see change among \
            the same organisations.

            --format csv gives metric,value rows: organisations_before, \
            organisations_after, organisations_entered, organisations_left, \
            organisations_compared, partnerships_entered, partnerships_left, \
            chairs_changed; per relation R ties_kept[R], ties_lost[R], ties_gained[R], \
            ties_absent[R], hamming[R], jaccard[R], qap_r[R], qap_p[R]; per headline measure \
            M M.before, M.after, M.change and (when tested) M.p. With more than two waves \
            each row starts with its pair's labels, BEFORE..AFTER: (consecutive pairs, then \
            FIRST..LAST: overall); with --organisations both, with both:. A wave's label is \
            its folder's name (its path when two names are the same) or its date.

            Examples:
              partnernet change Datasets/northbridge Datasets/northbridge_2026
              partnernet change Datasets/northbridge Datasets/northbridge_2026 \\
                  --organisations both --format csv
              partnernet change area/ --waves 2022,2024,2026 --permutations 199
            """)

    @Argument(help: "The waves in time order (areas), or one area with dated rows and --waves.")
    var waves: [String] = []

    @OptionGroup var format: InputFormatOptions

    @Option(
        name: .customLong("waves"),
        help: ArgumentHelp("Cut one area with dated rows at each date, in order.", valueName: "date,date,…"))
    var dates: String?

    @Option(name: .long, help: "Organisations compared: all (present in either wave) or both (present in both).")
    var organisations = "all"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A relation for the headline measures; repeat or separate with commas (default: all relations).",
            valueName: "relation"))
    var relation: [String] = []

    @Option(
        name: [.customLong("focal-sector"), .customLong("sector")],
        help: ArgumentHelp("The sector whose shares are shown (default: the area's own).", valueName: "sector"))
    var focalSector: String?

    @Option(name: .long, help: "Relabellings of the QAP test and draws of the dyad-swap test (0 to skip both).")
    var permutations = 1_000

    @Option(name: .long, help: "Shuffles of the sector labels for each wave's own E-I p-values (0 to skip).")
    var shuffles = 0

    @Option(name: .customLong("random-sets"), help: "Random sets for each wave's own focal share p-values (0 to skip).")
    var randomSets = 0

    @Option(name: .long, help: "Seed for the relabellings, swaps, shuffles and random sets.")
    var seed: UInt64 = 1

    @Flag(name: .shortAndLong, help: "Do not print warnings about the input.")
    var quiet = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if shuffles < 0 { throw ValidationError("--shuffles must be 0 or more") }
        if randomSets < 0 { throw ValidationError("--random-sets must be 0 or more") }
        if ChangeScope(rawValue: organisations) == nil {
            throw ValidationError("--organisations must be all or both, not '\(organisations)'")
        }
        if let dates {
            if waves.count != 1 {
                throw ValidationError(
                    "--waves cuts one area with dated rows: give exactly one area, not \(waves.count)")
            }
            _ = try WaveInput.dates(dates)
        } else if waves.count < 2 {
            throw ValidationError("give at least two waves (areas), or one area with dated rows and --waves DATE,DATE")
        }
    }

    func run() throws {
        let waveList = try WaveInput.load(waves, dates: dates, format.choice, quiet: quiet)
        if let focalSector {
            for wave in waveList {
                if let problem = wave.area.focalSectorProblem(named: focalSector) {
                    throw Console.failure("wave \(wave.label): \(problem.description)")
                }
            }
        }
        let settings = ChangeSettings(
            permutations: permutations, seed: seed, scope: ChangeScope(rawValue: organisations) ?? .all,
            relations: commaSeparated(relation), focalSector: focalSector, shuffles: shuffles, randomSets: randomSets)
        let report: ChangeReport
        do {
            report = try ChangeReport(waves: waveList, settings: settings)
        } catch {
            throw Console.failure(error.description)
        }
        let title =
            (waveList.last?.area.metadata.name ?? waves[0]) + ", waves " + waveList.map(\.label).joined(separator: ", ")
        switch output.format {
        case .table: try output.write(report.text(title: title))
        case .csv: try output.write(report.table)
        case .json: try output.write(report.json(title: title))
        }
    }
}
