import ArgumentParser
import Foundation
import PartnerNetCore
import PartnerNetIO
import PartnerNetReport

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Many areas side by side: one row of headline measures per area, with summary statistics.",
        discussion: """
            Give areas, or collections (folders of area folders), or both. Each area gets one row:
            size, density, reciprocity, degree and betweenness centralisation, the E-I index by \
            sector with its expected value and permutation p-values (--permutations, seeded; \
            the same default as the report), the modularity of the sectors, the focal sector's share of degree \
            and betweenness, the Gini of degree and betweenness, and its partnerships: number, \
            duplicated pairs (Jaccard ≥ --threshold, neither nested in the other), nesting depth, the focal sector's share \
            of chairs, and its share of seats, Banzhaf and Shapley–Shubik power on the main \
            board (the top-level partnership with most members). Column names are those of \
            the metric catalogue; `partnernet help compare` lists them below.

            Areas are read and measured on all cores, with a progress bar on standard error \
            when it is a terminal. An area that cannot be read is named with its first error \
            and skipped; the others are still compared, and the exit status is then 1.

            Every column is computed by the same analysis, with the same definitions and \
            defaults, as the area's report. --sort COLUMN ranks the areas (highest first; \
            --ascending for lowest); --summary gives count, mean, sd, min, median and max of \
            every column instead of the rows, except p-values, which are never averaged: \
            their row gives the share of areas significant at 0.05 after Holm's adjustment \
            over the areas (significant_share); \
            --chart FILE.svg draws --x against --y (default: ei_index against \
            focal_share[betweenness]), one point per area.

            Columns: \(ComparisonRow.columns.map(\.name).joined(separator: ", ")); with --findings (or when \
            named), significant_findings.

            Examples:
              partnernet generate --areas 350 --seed 7 -o /tmp/areas
              partnernet compare /tmp/areas --sort "focal_share[betweenness]" \\
                  --chart comparison.svg
              partnernet compare Datasets/synthetic --format markdown --summary
              partnernet compare Datasets/synthetic \\
                  --columns "ei_index,ei_index_p_low,focal_share[betweenness]"
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, markdown
    }

    @Argument(help: "Areas or collections of areas.")
    var areas: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A relation to analyse; repeat or separate with commas (default: all).", valueName: "relation"))
    var relation: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("The organisation column that defines the groups for the E-I index.", valueName: "column"))
    var groups = "sector"

    @Option(
        name: .long,
        help: ArgumentHelp("The focal sector (default: each area's own, else local-authority).", valueName: "sector"))
    var focalSector: String?

    @Option(name: .long, help: "Shuffles of the labels for the E-I p-values (0 to skip).")
    var permutations = AnalysisSettings().permutations

    @Option(name: .long, help: "Random sets for the share tests (0 to skip).")
    var randomSets = AnalysisSettings().randomSets

    @Option(name: .long, help: "Seed for the shuffles.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Jaccard index from which two partnerships count as duplicates.")
    var threshold = ArchitectureReport.defaultThreshold

    @Option(name: .long, help: ArgumentHelp("Rank the areas by this column.", valueName: "column"))
    var sort: String?

    @Flag(name: .long, help: "Rank lowest first.")
    var ascending = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only these columns (comma-separated; area and path are always shown).", valueName: "column,…"))
    var columns: String?

    @Flag(
        name: .long,
        help: "Add significant_findings: each area's findings significant after adjustment (runs every test of its report).")
    var findings = false

    @Flag(name: .long, help: "Summary statistics across areas instead of one row per area.")
    var summary = false

    @Option(name: .long, help: ArgumentHelp("Also draw the areas as an SVG scatter chart here.", valueName: "file.svg"))
    var chart: String?

    @Option(name: .long, help: ArgumentHelp("The chart's horizontal column.", valueName: "column"))
    var x = "ei_index"

    @Option(name: .long, help: ArgumentHelp("The chart's vertical column.", valueName: "column"))
    var y = "focal_share[betweenness]"

    @Option(name: [.customShort("f"), .customLong("format")], help: "Output format: table, csv, json or markdown.")
    var outputFormat: Format = .table

    @OptionGroup(title: "Input format") var format: InputFormatOptions

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output ('-' for standard output).")
    var output: String?

    @Flag(
        name: .customLong("raw-csv"),
        help: "Write CSV text cells as they are, without the leading ' that stops a spreadsheet running a formula.")
    var rawCSV = false

    var selectedColumns: [String] {
        commaSeparated(columns)
    }

    /// A reader of one area that gives, when it cannot, the reason (its first error line).
    static func reader(_ choice: InputChoice) -> @Sendable (String) throws -> Area {
        { path in
            do {
                return try readArea(path, choice).area
            } catch let error as AreaIOError {
                throw ComparisonFailure(
                    reason: error.diagnostics.first { $0.severity == .error }?.description ?? "\(error)")
            }
        }
    }

    /// The columns named by --sort, --x, --y and --columns.
    var namedColumns: [(flag: String, column: String)] {
        [("--sort", sort), ("--x", x), ("--y", y)].compactMap { flag, column in column.map { (flag, $0) } }
            + selectedColumns.map { ("--columns", $0) }
    }

    /// Whether `significant_findings` is asked for, by --findings or by name.
    var withFindings: Bool { findings || namedColumns.contains { $0.column == ComparisonRow.findingsColumn.name } }

    func validate() throws {
        let names = (ComparisonRow.columns + [ComparisonRow.findingsColumn]).map(\.name)
        for (flag, column) in namedColumns where !names.contains(column) {
            throw ValidationError("unknown column '\(column)' for \(flag); choose from \(names.joined(separator: ", "))")
        }
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if !(threshold > 0 && threshold <= 1) { throw ValidationError("--threshold must be above 0 and at most 1") }
    }

    func run() throws {
        let paths = areas.flatMap(AreaSource.expand)
        var settings = ComparisonSettings()
        settings.relations = commaSeparated(relation)
        settings.groups = groups
        settings.focalSector = focalSector
        settings.permutations = permutations
        settings.seed = seed
        settings.duplicationThreshold = threshold
        settings.randomSets = randomSets
        let bar = isatty(STDERR_FILENO) == 1 && paths.count > 1 ? ProgressBar(total: paths.count) : nil
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        let comparison = Comparison(
            paths: paths, settings: settings, read: Self.reader(format.choice), findings: withFindings,
            progress: progress)
        bar?.finish()
        var table = summary ? comparison.summary : comparison.table(sortedBy: sort, ascending: ascending)
        if !selectedColumns.isEmpty {
            if summary {
                table.rows = table.rows.filter { row in selectedColumns.contains { row[0] == .text($0) } }
            } else {
                let keep = table.columns.indices.filter { $0 < 2 || selectedColumns.contains(table.columns[$0]) }
                table = ResultTable(
                    columns: keep.map { table.columns[$0] }, rows: table.rows.map { row in keep.map { row[$0] } })
            }
        }
        let text =
            switch outputFormat {
            case .table: table.rendered(as: .table)
            case .csv: table.rendered(as: .csv, neutralizingFormulas: !rawCSV)
            case .json: table.rendered(as: .json)
            case .markdown: table.markdown()
            }
        try Console.emit(text, to: output)
        if let chart {
            let svg = ComparisonChart(x: x, y: y).svg(of: comparison)
            try Console.emit(svg, to: chart)
        }
        for failure in comparison.failures { Console.printError("skipped \(failure.path): \(failure.reason)") }
        if !comparison.failures.isEmpty {
            Console.printError("\(comparison.failures.count) of \(paths.count) areas could not be compared")
            throw ExitCode(1)
        }
    }
}

/// The areas of a collection done so far, as steps of the progress line (``ProgressLine``).
final class ProgressBar: Sendable {
    private let total: Int

    init(total: Int) { self.total = total }

    func update(_ done: Int) { WorkProgress.step("areas", done: done, total: total) }

    func finish() {}
}
