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

            Comparing areas with uncertainty (Docs/UNCERTAINTY.md):

            --standardize adds z[V] and percentile[V] for \(AreaAnalysis.standardizedColumns.joined(separator: ", ")): \
            each area's value placed in its own null distribution, so that areas of different \
            sizes can be ranked fairly. Reciprocity, the centralisations and modularity_groups \
            against --null-draws random networks with the same organisations and number of \
            ties (CUG, as `partnernet cug --given edges`; not above \(AreaAnalysis.maximumOrganisationsForNetworkTests) organisations); ei_index \
            against its --permutations label shuffles; the focal shares against their \
            --random-sets random sets. z = (value − null mean) / null sd; percentile is the \
            mid-rank of the value among the null draws (0–100).

            --intervals adds lo[V] and hi[V] for \(AreaAnalysis.intervalColumns.joined(separator: ", ")): \
            percentile intervals (--confidence, default 0.95) over --resamples node-bootstrap \
            resamples (organisations drawn with replacement, the network among the copies; \
            Snijders & Borgatti 1999), seeded with --seed.

            Naming a z[…] or percentile[…] column (in --sort/--rank-by, --columns, --x, --y \
            or --regress) turns on --standardize; a lo[…] or hi[…] column turns on --intervals.

            --regress "y ~ x1 + x2" fits ordinary least squares over the areas, on compare's \
            columns and those of --areas-table FILE (CSV, one row per area, the first column \
            the area's name or folder): HC3 standard errors and Freedman–Lane permutation \
            p-values (--regress-permutations, seeded). It prints the coefficients instead of \
            the rows: term, estimate, std_error, statistic, p_le, p_ge, p_abs (csv: the table; \
            json: with the model and fit).

            Examples:
              partnernet generate --areas 350 --seed 7 -o /tmp/areas
              partnernet compare /tmp/areas --sort "focal_share[betweenness]" \\
                  --chart comparison.svg
              partnernet compare Datasets/synthetic --format markdown --summary
              partnernet compare Datasets/synthetic \\
                  --columns "ei_index,ei_index_p_low,focal_share[betweenness]"
              partnernet compare Datasets/synthetic --standardize --intervals \\
                  --rank-by "z[focal_share[betweenness]]"
              partnernet compare Datasets/synthetic \\
                  --areas-table Datasets/synthetic-parameters.csv \\
                  --regress "ei_index ~ homophily + density"
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

    @Option(
        name: [.customLong("sort"), .customLong("rank-by")],
        help: ArgumentHelp("Rank the areas by this column (--rank-by is the same option).", valueName: "column"))
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

    @Flag(
        name: .long,
        help:
            "Add z[V] and percentile[V]: each headline value standardised against its own null (CUG, label shuffles or random sets)."
    )
    var standardize = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Random networks per area for the CUG nulls of --standardize (with --findings, the report's own).",
            valueName: "n"))
    var nullDraws = ComparisonUncertainty().nullDraws

    @Flag(
        name: .long,
        help: "Add lo[V] and hi[V]: node-bootstrap percentile intervals, resampling each area's organisations.")
    var intervals = false

    @Option(name: .long, help: ArgumentHelp("Node-bootstrap resamples per area for --intervals.", valueName: "n"))
    var resamples = ComparisonUncertainty().resamples

    @Option(name: .long, help: ArgumentHelp("Coverage of the --intervals (between 0 and 1).", valueName: "c"))
    var confidence = ComparisonUncertainty().confidence

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Regress one column on others over the areas: OLS, HC3 standard errors, permutation p-values.",
            valueName: "y ~ x1 + x2"))
    var regress: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A CSV of the areas' own variables for --regress: one row per area, the area's name or folder first.",
            valueName: "file.csv"))
    var areasTable: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Freedman–Lane permutations for the --regress p-values (0 to skip).", valueName: "n"))
    var regressPermutations = 9_999

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

    /// The formula of --regress, if given and well formed.
    var formula: RegressionFormula? { regress.flatMap { try? RegressionFormula(parsing: $0) } }

    /// The columns named by --sort, --x, --y, --columns and --regress.
    var namedColumns: [(flag: String, column: String)] {
        [("--sort", sort), ("--x", x), ("--y", y)].compactMap { flag, column in column.map { (flag, $0) } }
            + selectedColumns.map { ("--columns", $0) }
            + (formula.map { [$0.outcome] + $0.predictors } ?? []).map { ("--regress", $0) }
    }

    /// What --standardize and --intervals add, turned on also by naming their columns.
    var uncertainty: ComparisonUncertainty {
        var uncertainty = ComparisonUncertainty()
        uncertainty.standardize =
            standardize || namedColumns.contains { ComparisonUncertainty.isStandardized($0.column) }
        uncertainty.intervals = intervals || namedColumns.contains { ComparisonUncertainty.isInterval($0.column) }
        uncertainty.nullDraws = nullDraws
        uncertainty.resamples = resamples
        uncertainty.confidence = confidence
        return uncertainty
    }

    /// Whether `significant_findings` is asked for, by --findings or by name.
    var withFindings: Bool { findings || namedColumns.contains { $0.column == ComparisonRow.findingsColumn.name } }

    func validate() throws {
        let names =
            (ComparisonRow.columns + [ComparisonRow.findingsColumn]).map(\.name) + ComparisonUncertainty.allColumns
        if let regress {
            do {
                _ = try RegressionFormula(parsing: regress)
            } catch {
                throw ValidationError("\(error)")
            }
        }
        for (flag, column) in namedColumns where !names.contains(column) && flag != "--regress" {
            throw ValidationError(
                "unknown column '\(column)' for \(flag); choose from \(names.joined(separator: ", "))")
        }
        if nullDraws < 1 { throw ValidationError("--null-draws must be 1 or more") }
        if resamples < 1 { throw ValidationError("--resamples must be 1 or more") }
        if !(confidence > 0 && confidence < 1) {
            throw ValidationError("--confidence must be between 0 and 1, as 0.95")
        }
        if regressPermutations < 0 { throw ValidationError("--regress-permutations must be 0 or more") }
        if areasTable != nil && regress == nil {
            throw ValidationError("--areas-table is read by --regress; give both")
        }
        if regress != nil && summary {
            throw ValidationError("--regress and --summary each replace the rows; give one")
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
        // Read the areas table first: a mistake in it should not wait for every area.
        var areas: AreasTable?
        if let areasTable {
            do {
                areas = try AreasTable.read(areasTable)
            } catch {
                Console.report(Array(error.diagnostics.prefix(1)))
                throw ExitCode(1)
            }
        }
        if let formula {
            // Check the model's names before measuring every area.
            let known =
                (ComparisonRow.columns + [ComparisonRow.findingsColumn]).map(\.name) + ComparisonUncertainty.allColumns
                + (areas?.columns.dropFirst() ?? [])
            for name in [formula.outcome] + formula.predictors where !known.contains(name) {
                throw Console.failure(
                    ComparisonRegressionError.unknownColumn(
                        name, available: known, closest: closestMatch(to: name, in: known)
                    ).description)
            }
        }
        let comparison = Comparison(
            paths: paths, settings: settings, read: Self.reader(format.choice), findings: withFindings,
            uncertainty: uncertainty, progress: progress)
        bar?.finish()
        if let formula {
            let regression: ComparisonRegression
            do {
                regression = try ComparisonRegression(
                    formula: formula, comparison: comparison, table: areas, permutations: regressPermutations,
                    seed: seed)
            } catch {
                // A mistake in the table is a diagnostic (file:line: error: …); the rest are plain errors.
                if case .table(let diagnostic) = error {
                    Console.report([diagnostic])
                    throw ExitCode(1)
                }
                throw Console.failure(error.description)
            }
            let report = regression.report
            let title = "Regression over \(regression.regression.observations) areas: \(regress!)"
            let text =
                switch outputFormat {
                case .table: report.rendered(as: .table, title: title)
                case .csv: report.rendered(as: .csv, title: title, neutralizingFormulas: !rawCSV)
                case .json: report.rendered(as: .json, title: title)
                case .markdown: report.table.markdown()
                }
            try Console.emit(text, to: output)
            try finish(comparison, paths: paths)
            return
        }
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
        try finish(comparison, paths: paths)
    }

    /// Draws the chart, names the areas that failed, and exits 1 if any did.
    func finish(_ comparison: Comparison, paths: [String]) throws {
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
